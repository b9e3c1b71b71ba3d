using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

public sealed class PrimeFieldTests
{
    [Theory]
    [InlineData(7UL, "3", 3UL)]
    [InlineData(7UL, "-1", 6UL)]
    [InlineData(7UL, "1/2", 4UL)] // 2 * 4 = 8 = 1 mod 7.
    [InlineData(7UL, "-3/6", 3UL)] // -1/2 = -4 = 3 mod 7.
    [InlineData(65521UL, "65522", 1UL)]
    [InlineData(2UL, "123456789012345678901234567890", 0UL)]
    public void ParseReducesModuloP(ulong p, string text, ulong residue)
    {
        Assert.Equal(residue, PrimeField.Get(p).Parse(text).Value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("x")]
    [InlineData("")]
    public void ParseRejectsNonIntegers(string text)
    {
        var error = Assert.Throws<FormatException>(() => PrimeField.Get(7).Parse(text));

        Assert.Contains("GF(7)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseZeroDenominatorThrows()
    {
        // Regression: "1/0" was reported as a format error, unlike Rational.Parse.
        Assert.Throws<DivideByZeroException>(() => PrimeField.Get(7).Parse("1/0"));
        Assert.Throws<DivideByZeroException>(() => PrimeField.Get(7).Parse("1/14"));
    }

    [Theory]
    [InlineData(7UL, 6UL, "-1")]
    [InlineData(7UL, 3UL, "3")]
    [InlineData(7UL, 4UL, "-3")]
    [InlineData(2UL, 1UL, "1")]
    public void FormatIsSymmetric(ulong p, ulong residue, string expected)
    {
        // Symmetric residues in (-p/2, p/2], as Singular prints coefficients of characteristic p.
        Assert.Equal(expected, PrimeField.Get(p).Format(PrimeField.Get(p).FromResidue(residue)));
    }

    [Fact]
    public void GetRejectsNonPrimes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimeField.Get(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimeField.Get(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrimeField.Get(PrimeModulus.MaxModulus + 2));
        Assert.Same(PrimeField.Get(11), PrimeField.Get(11));
    }

    [Fact]
    public void FromRationalMapsDenominators()
    {
        var gf7 = PrimeField.Get(7);

        // 3 * 5 = 15 = 1 mod 7, so -2/3 = -2 * 5 = -10 = 4 mod 7.
        Assert.Equal(gf7.FromInteger(4), gf7.FromRational(Rational.Create(-2, 3)));
        Assert.Throws<DivideByZeroException>(() => gf7.FromRational(Rational.Create(1, 21)));
    }
}
