using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

[Properties(Arbitrary = [typeof(ScalarArbitraries)])]
public sealed class ModIntTests
{
    [Property(MaxTest = 100)]
    public bool AdditionIsAssociative(PrimeFieldSample s) => FieldLaws.AdditionIsAssociative(s.A, s.B, s.C);

    [Property(MaxTest = 100)]
    public bool AdditionIsCommutative(PrimeFieldSample s) => FieldLaws.AdditionIsCommutative(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool ZeroIsNeutral(PrimeFieldSample s) => FieldLaws.ZeroIsNeutral(s.A);

    [Property(MaxTest = 100)]
    public bool NegationIsAdditiveInverse(PrimeFieldSample s) => FieldLaws.NegationIsAdditiveInverse(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool MultiplicationIsAssociative(PrimeFieldSample s) => FieldLaws.MultiplicationIsAssociative(s.A, s.B, s.C);

    [Property(MaxTest = 100)]
    public bool MultiplicationIsCommutative(PrimeFieldSample s) => FieldLaws.MultiplicationIsCommutative(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool OneIsNeutral(PrimeFieldSample s) => FieldLaws.OneIsNeutral(s.A, PrimeField.Get(s.Prime).One);

    [Property(MaxTest = 100)]
    public bool MultiplicationDistributes(PrimeFieldSample s) => FieldLaws.MultiplicationDistributesOverAddition(s.A, s.B, s.C);

    [Property(MaxTest = 100)]
    public bool NonzeroElementsHaveInverses(PrimeFieldSample s) => FieldLaws.NonzeroElementsHaveInverses(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool HashCodeFollowsEquality(PrimeFieldSample s) => FieldLaws.HashCodeFollowsEquality(s.A, s.B);

    [Property(MaxTest = 100)]
    public void ArithmeticMatchesBigIntegerResidues(PrimeFieldSample s)
    {
        // Second algorithm: BigInteger arithmetic reduced modulo p, and Fermat's little theorem for the inverse.
        BigInteger p = s.Prime, a = s.A.Value, b = s.B.Value;

        Assert.Equal((ulong)((a + b) % p), (s.A + s.B).Value);
        Assert.Equal((ulong)(((a - b) % p + p) % p), (s.A - s.B).Value);
        Assert.Equal((ulong)(a * b % p), (s.A * s.B).Value);
        if (!a.IsZero)
        {
            Assert.Equal((ulong)BigInteger.ModPow(a, p - 2, p), s.A.Inverse().Value);
        }
    }

    [Property(MaxTest = 100)]
    public bool ParseInvertsFormat(PrimeFieldSample s)
    {
        var field = PrimeField.Get(s.Prime);
        return field.Parse(field.Format(s.A)) == s.A;
    }

    [Fact]
    public void InverseOfThreeInGf7IsFive()
    {
        // 3 * 5 = 15 = 2 * 7 + 1.
        var gf7 = PrimeField.Get(7);

        Assert.Equal(gf7.FromInteger(5), gf7.FromInteger(3).Inverse());
        Assert.Equal(5UL, gf7.FromInteger(3).Inverse().Value);
    }

    [Fact]
    public void ArithmeticNearTwoTo62()
    {
        // p = 2^62 - 57 (GAP: PrevPrimeInt(2^62)); (p - 1)^2 = 1 and 2 * 2^61 = 2^62 = 57 modulo p.
        const ulong p = 4611686018427387847;
        var field = PrimeField.Get(p);
        var minusOne = field.FromResidue(p - 1);

        Assert.True((minusOne * minusOne).IsOne);
        Assert.Equal(field.FromInteger(57), field.FromInteger(2) * field.FromInteger(BigInteger.One << 61));
        Assert.Equal(-1L, minusOne.ToSymmetric());
    }

    [Fact]
    public void FieldIndependentOneCombinesWithEveryPrime()
    {
        var one = ModInt.MultiplicativeIdentity;
        var gf2 = PrimeField.Get(2);
        var gf7 = PrimeField.Get(7);

        Assert.True((one + gf2.One).IsZero);
        Assert.Equal(gf7.FromInteger(2), one + gf7.One);
        Assert.Equal(gf7.FromInteger(6), default(ModInt) - gf7.One);
        Assert.Equal(gf7.One, one);
        Assert.Equal(gf7.One.GetHashCode(), one.GetHashCode());
    }

    [Fact]
    public void FieldIndependentOnePlusOneThrows()
    {
        // Regression: 1 + 1 without a prime used to produce a value 2 that belongs to no field.
        var one = ModInt.MultiplicativeIdentity;

        Assert.Throws<InvalidOperationException>(() => one + one);
        Assert.Throws<InvalidOperationException>(() => default(ModInt) - one);
        Assert.True((one - one).IsZero);
        Assert.Equal(one, one - default(ModInt));
    }

    [Fact]
    public void DifferentPrimesDoNotCombine()
    {
        var error = Assert.Throws<ArgumentException>(() => PrimeField.Get(5).One + PrimeField.Get(7).One);

        Assert.Contains("GF(5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("GF(7)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InverseModRejectsModuliAboveTwoTo62()
    {
        // Regression: moduli of 2^63 and above turned negative in the signed recurrence.
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimeModulus.InverseMod(3, ulong.MaxValue - 58));
        Assert.Throws<DivideByZeroException>(() => PrimeModulus.InverseMod(14, 7));
    }

    [Theory]
    [InlineData(0UL, false)]
    [InlineData(1UL, false)]
    [InlineData(2UL, true)]
    [InlineData(561UL, false)] // Carmichael number 3 * 11 * 17.
    [InlineData(65521UL, true)]
    [InlineData(4294967311UL, true)] // GAP: NextPrimeInt(2^32).
    [InlineData(4294967297UL, false)] // Fermat number F5 = 641 * 6700417.
    [InlineData(3215031751UL, false)] // Strong pseudoprime to bases 2, 3, 5 and 7 (Pomerance, Selfridge, Wagstaff 1980).
    [InlineData(4611686018427387847UL, true)] // GAP: PrevPrimeInt(2^62).
    [InlineData(18446744073709551557UL, true)] // Largest prime below 2^64 (GAP: PrevPrimeInt(2^64)).
    public void IsPrimeMatchesKnownValues(ulong n, bool expected)
    {
        Assert.Equal(expected, PrimeModulus.IsPrime(n));
    }
}
