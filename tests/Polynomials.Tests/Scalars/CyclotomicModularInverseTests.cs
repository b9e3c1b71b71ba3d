using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

[Properties(Arbitrary = [typeof(ScalarArbitraries)])]
public sealed class CyclotomicModularInverseTests
{
    [Property(MaxTest = 100)]
    public void ModularInverseMatchesEuclidOverQ(CyclotomicSample s)
    {
        // Two algorithms: the multi-modular method and the extended Euclidean algorithm over Q.
        CyclotomicNumber a = s.A.Embed(s.Field);
        if (a.IsZero)
        {
            return;
        }

        Rational[] coefficients = [.. a.Coefficients];
        long[] phi = [.. s.Field.CyclotomicPolynomial];

        Assert.Equal(
            s.Field.InvertByEuclid(coefficients),
            CyclotomicModularInverse.Invert(s.Field, phi, coefficients));
    }

    [Fact]
    public void ModularInverseOfLargeCoefficients()
    {
        // Coefficients of 200 bits force many primes and several reconstruction attempts.
        var field = CyclotomicField.Get(16);
        BigInteger big = BigInteger.Pow(3, 126);
        var a = field.FromCoefficients([big, 1, 0, Rational.Create(big, big + 2), 0, 0, -7, 1]);
        Rational[] coefficients = [.. a.Coefficients];

        Rational[] inverse = CyclotomicModularInverse.Invert(field, [.. field.CyclotomicPolynomial], coefficients);

        Assert.True((a * field.FromCoefficients(inverse)).IsOne);
        Assert.Equal(field.InvertByEuclid(coefficients), inverse);
    }

    [Fact]
    public void InvertModuloSkipsBadPrimes()
    {
        // 1 + z in Q(zeta_3) has norm (1 + z)(1 + z^2) = 1 + z + z^2 + 1 = 1, but 3 + 3z is 0 modulo 3.
        long[] phi3 = [1, 1, 1];

        Assert.Null(CyclotomicModularInverse.InvertModulo([3, 3], phi3, 3));
        Assert.NotNull(CyclotomicModularInverse.InvertModulo([3, 3], phi3, 7));

        // z - 1 divides Phi_7 modulo 7, because Phi_7 = (x - 1)^6 there.
        Assert.Null(CyclotomicModularInverse.InvertModulo([-1, 1, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1], 7));
    }

    [Fact]
    public void ReconstructFindsCommonDenominator()
    {
        // 1/3, -2/3 and 5 modulo M = 10007 * 10009 share the denominator 3: numerators 1, -2 and 15.
        BigInteger m = new BigInteger(10007) * 10009;
        BigInteger third = (m + 1) / 3; // 3 * third = M + 1 = 1 modulo M, since M = 2 mod 3.
        BigInteger[] residues = [third, (m - 2) * third % m, 5];

        Assert.True(CyclotomicModularInverse.TryReconstruct(residues, m, out var numerators, out var denominator));
        Assert.Equal(3, denominator);
        Assert.Equal(new BigInteger[] { 1, -2, 15 }, numerators);
    }

    [Fact]
    public void ReconstructRejectsDenominatorsAboveBound()
    {
        // Modulo M = 10007 * 10009 (twin primes) the bound is floor(sqrt(M/2)) = 7076, so 1/7919 is out of reach.
        // Euler's theorem gives the inverse: 7919^(phi(M) - 1) with phi(M) = 10006 * 10008.
        BigInteger m = new BigInteger(10007) * 10009;
        BigInteger inverse = BigInteger.ModPow(7919, new BigInteger(10006) * 10008 - 1, m);

        Assert.Equal(BigInteger.One, inverse * 7919 % m);
        Assert.False(CyclotomicModularInverse.TryReconstruct([inverse], m, out _, out _));
        Assert.True(CyclotomicModularInverse.TryReconstruct([inverse * 7919 * 7 % m], m, out var numerators, out _));
        Assert.Equal(7, numerators[0]);
    }
}
