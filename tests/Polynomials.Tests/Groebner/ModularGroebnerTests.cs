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

    /// <summary>The homogenized cyclic-5 ideal in x1..x5 and h.</summary>
    private static (PolynomialRing<Rational> Ring, List<Polynomial<Rational>> Generators) HomogenizedCyclic5()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x1", "x2", "x3", "x4", "x5", "h"], MonomialOrder.GradedReverseLex);
        string[] generators =
        [
            "x1+x2+x3+x4+x5",
            "x1*x2+x2*x3+x3*x4+x4*x5+x5*x1",
            "x1*x2*x3+x2*x3*x4+x3*x4*x5+x4*x5*x1+x5*x1*x2",
            "x1*x2*x3*x4+x2*x3*x4*x5+x3*x4*x5*x1+x4*x5*x1*x2+x5*x1*x2*x3",
            "x1*x2*x3*x4*x5-h^5",
        ];
        return (ring, [.. generators.Select(ring.Parse)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void VerificationAcceptsTheBasis(int threads)
    {
        // The basis comes from Buchberger's algorithm over Q, which does not use the modular engine.
        var (ring, generators) = HomogenizedCyclic5();
        var basis = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        var options = new GroebnerOptions { MaxDegreeOfParallelism = threads };
        Assert.True(ModularGroebner.VerifyCandidate(ring, generators, basis.Elements, options));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void VerificationRejectsAlteredTail(int threads)
    {
        // Adding 1/7 to one tail coefficient of the largest element keeps every leading monomial, so only the exact
        // checks over Q can tell the candidate apart from the basis.
        var (ring, generators) = HomogenizedCyclic5();
        var basis = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger }).Elements.ToList();
        int k = basis.Count - 1;
        var g = basis[k];
        var tail = g.MonomialSpan[g.TermCount - 1];
        basis[k] = g + ring.FromTerms([(Rational.Create(1, 7), tail)]);
        Assert.Equal(g.LeadingMonomial, basis[k].LeadingMonomial);
        var options = new GroebnerOptions { MaxDegreeOfParallelism = threads };
        Assert.False(ModularGroebner.VerifyCandidate(ring, generators, basis, options));
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheBasis()
    {
        // Cyclic-5 is inhomogeneous, so this also runs the homogenization and the final interreduction.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["a", "b", "c", "d", "e"], MonomialOrder.GradedReverseLex);
        var generators = new[]
        {
            "a+b+c+d+e", "a*b+b*c+c*d+d*e+e*a", "a*b*c+b*c*d+c*d*e+d*e*a+e*a*b",
            "a*b*c*d+b*c*d*e+c*d*e*a+d*e*a*b+e*a*b*c", "a*b*c*d*e-1",
        }.Select(ring.Parse).ToList();
        var sequential = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular, MaxDegreeOfParallelism = 1 });
        var threaded = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular, MaxDegreeOfParallelism = 2 });
        var rational = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        Assert.Equal(rational.Elements, sequential.Elements);
        Assert.Equal(sequential.Elements, threaded.Elements);
        Assert.Equal(string.Join("\n", sequential.Elements), string.Join("\n", threaded.Elements));
    }

    [Fact]
    public void Katsura4MatchesBuchberger()
    {
        // Katsura-4 is inhomogeneous, and its dehomogenized minimal basis is already reduced, so the final
        // interreduction over Q is skipped. The reference basis comes from Buchberger's algorithm over Q.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x0", "x1", "x2", "x3", "x4"], MonomialOrder.GradedReverseLex);
        var generators = new[]
        {
            "x0+2*x1+2*x2+2*x3+2*x4-1",
            "x0^2+2*x1^2+2*x2^2+2*x3^2+2*x4^2-x0",
            "2*x0*x1+2*x1*x2+2*x2*x3+2*x3*x4-x1",
            "2*x0*x2+x1^2+2*x1*x3+2*x2*x4-x2",
            "2*x0*x3+2*x1*x2+2*x1*x4-x3",
        }.Select(ring.Parse).ToList();
        var modular = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular });
        var rational = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        Assert.Equal(rational.Elements, modular.Elements);
    }

    [Fact]
    public void IsReducedAcceptsReducedBasis()
    {
        var (_, generators) = HomogenizedCyclic5();
        var basis = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        Assert.True(ModularGroebner.IsReduced(basis.Elements));
    }

    [Fact]
    public void IsReducedRejectsReducibleTail()
    {
        // Adding to the last element a multiple of the first element's leading monomial, of the same degree as the last
        // element, keeps the leading monomial (graded order) but gives a tail term the first element reduces.
        var (ring, generators) = HomogenizedCyclic5();
        var basis = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger }).Elements.ToList();
        int k = basis.Count - 1;
        var lead = basis[0].LeadingMonomial;
        var power = ring.Parse("h^" + (basis[k].TotalDegree - lead.TotalDegree).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var multiple = ring.FromTerms([(Rational.One, lead)]) * power;
        var altered = basis[k] + multiple;
        Assert.Equal(basis[k].LeadingMonomial, altered.LeadingMonomial);
        basis[k] = altered;
        Assert.False(ModularGroebner.IsReduced(basis));
    }

    [Fact]
    public void ParallelismBelowOneIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroebnerOptions { MaxDegreeOfParallelism = 0 });
    }

    [Fact]
    public void SharedLargeDenominatorsReconstruct()
    {
        // Every tail coefficient of the first generator has the 71-bit denominator 7^25, so the lift reuses it. The
        // reference basis comes from Buchberger's algorithm over Q.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);
        var denominator = BigInteger.Pow(7, 25);
        var x = ring.Variable("x");
        var y = ring.Variable("y");
        var z = ring.Variable("z");
        var generators = new List<Polynomial<Rational>>
        {
            x * x + Rational.Create(BigInteger.Pow(3, 40) + 1, denominator) * (x * y) - Rational.Create(BigInteger.Pow(5, 30), denominator) * (y * z)
                + Rational.Create(-BigInteger.Pow(2, 90) - 3, denominator) * (z * z),
            y * y - x * z + Rational.Create(13, 17) * (z * z),
            z * z * z - x * y * z,
        };
        var modular = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular });
        var rational = Gb.Compute(generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        Assert.Equal(rational.Elements, modular.Elements);
    }
}

