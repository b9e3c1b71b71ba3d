using System.Numerics;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class ModularGroebnerTests
{
    [Theory]
    [InlineData(2, 3)]
    [InlineData(-5, 7)]
    [InlineData(123456, 654321)]
    [InlineData(0, 1)]
    public void RationalReconstructionRecoversSmallFractions(long numerator, long denominator)
    {
        // m = 10007 * 10009 * 10037; fractions with |a|, b below sqrt(m/2) are unique.
        var m = new BigInteger(10007) * 10009 * 10037;
        var value = Rational.Create(numerator, denominator);
        // m is not prime, so the denominator is inverted by the extended Euclidean algorithm.
        var u = ((value.Numerator * Inverse(value.Denominator, m)) % m + m) % m;
        Assert.Equal(value, ModularGroebner.RationalReconstruction(u, m));
    }

    private static BigInteger Inverse(BigInteger a, BigInteger m)
    {
        BigInteger t = 0, newT = 1, r = m, newR = ((a % m) + m) % m;
        while (!newR.IsZero)
        {
            var q = r / newR;
            (t, newT) = (newT, t - q * newT);
            (r, newR) = (newR, r - q * newR);
        }

        return (t % m + m) % m;
    }

    [Fact]
    public void TruncatedModularBasisMatchesBuchberger()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["a", "b", "c", "d"], MonomialOrder.GradedReverseLex);
        var generators = new[] { "a+b+c+d", "a*b+b*c+c*d+d*a", "a*b*c+b*c*d+c*d*a+d*a*b", "a*b*c*d" }.Select(ring.Parse).ToList();
        foreach (int bound in new[] { 1, 2, 3, 4 })
        {
            var modular = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular, DegreeBound = bound });
            var rational = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger, DegreeBound = bound });
            Assert.Equal(rational.Elements, modular.Elements);
            Assert.Equal(rational.TruncationDegree, modular.TruncationDegree);
        }
    }

    [Fact]
    public void LargeCoefficientsNeedSeveralPrimes()
    {
        // The ideal (x - c, y - d) with c, d of about 100 bits has the reduced basis {y - d, x - c}; its coefficients
        // need at least four 31-bit primes to reconstruct.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.Lex);
        var c = Rational.Create(BigInteger.Pow(3, 60) + 1, BigInteger.Pow(7, 30));
        var d = Rational.Create(-BigInteger.Pow(5, 40), 11);
        var generators = new[] { ring.Variable("x") + ring.Variable("y") - ring.Constant(c + d), ring.Variable("y") - ring.Constant(d) };
        var basis = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular });
        Assert.Equal([ring.Variable("y") - ring.Constant(d), ring.Variable("x") - ring.Constant(c)], basis.Elements);
    }
}
