using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

[Properties(Arbitrary = [typeof(ScalarArbitraries)])]
public sealed class RationalTests
{
    private static readonly BigInteger TwoTo63 = BigInteger.One << 63;

    [Property(MaxTest = 100)]
    public bool AdditionIsAssociative(Rational a, Rational b, Rational c) => FieldLaws.AdditionIsAssociative(a, b, c);

    [Property(MaxTest = 100)]
    public bool AdditionIsCommutative(Rational a, Rational b) => FieldLaws.AdditionIsCommutative(a, b);

    [Property(MaxTest = 100)]
    public bool ZeroIsNeutral(Rational a) => FieldLaws.ZeroIsNeutral(a);

    [Property(MaxTest = 100)]
    public bool NegationIsAdditiveInverse(Rational a, Rational b) => FieldLaws.NegationIsAdditiveInverse(a, b);

    [Property(MaxTest = 100)]
    public bool MultiplicationIsAssociative(Rational a, Rational b, Rational c) => FieldLaws.MultiplicationIsAssociative(a, b, c);

    [Property(MaxTest = 100)]
    public bool MultiplicationIsCommutative(Rational a, Rational b) => FieldLaws.MultiplicationIsCommutative(a, b);

    [Property(MaxTest = 100)]
    public bool OneIsNeutral(Rational a) => FieldLaws.OneIsNeutral(a, RationalField.Instance.One);

    [Property(MaxTest = 100)]
    public bool MultiplicationDistributes(Rational a, Rational b, Rational c) => FieldLaws.MultiplicationDistributesOverAddition(a, b, c);

    [Property(MaxTest = 100)]
    public bool NonzeroElementsHaveInverses(Rational a, Rational b) => FieldLaws.NonzeroElementsHaveInverses(a, b);

    [Property(MaxTest = 100)]
    public bool HashCodeFollowsEquality(Rational a, Rational b) => FieldLaws.HashCodeFollowsEquality(a, b);

    [Property(MaxTest = 100)]
    public void ArithmeticMatchesBigIntegerFractions(Rational a, Rational b)
    {
        // Second algorithm: unreduced BigInteger fractions, reduced once by Create.
        BigInteger an = a.Numerator, ad = a.Denominator, bn = b.Numerator, bd = b.Denominator;

        AssertSame(Rational.Create(an * bd + bn * ad, ad * bd), a + b);
        AssertSame(Rational.Create(an * bd - bn * ad, ad * bd), a - b);
        AssertSame(Rational.Create(an * bn, ad * bd), a * b);
        AssertSame(Rational.Create(-an, ad), -a);
        if (!b.IsZero)
        {
            AssertSame(Rational.Create(an * bd, ad * bn), a / b);
        }
    }

    [Property(MaxTest = 100)]
    public void ResultsAreCanonical(Rational a, Rational b)
    {
        AssertCanonical(a + b);
        AssertCanonical(a - b);
        AssertCanonical(a * b);
        AssertCanonical(-a);
        if (!a.IsZero)
        {
            AssertCanonical(a.Inverse());
        }
    }

    [Property(MaxTest = 100)]
    public void CompareToMatchesCrossMultiplication(Rational a, Rational b)
    {
        int expected = (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator);

        Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expected < 0, a < b);
        Assert.Equal(expected == 0, a == b);
    }

    [Property(MaxTest = 100)]
    public bool ParseInvertsToString(Rational a) => Rational.Parse(a.ToString()) == a && RationalField.Instance.Parse(RationalField.Instance.Format(a)) == a;

    [Property(MaxTest = 100)]
    public void ToDoubleIsNearest(Rational a)
    {
        double x = a.ToDouble();
        Assert.True(double.IsFinite(x), $"{a} should fit a double");

        // No double is strictly closer to a than x, and a tie goes to the even mantissa.
        Rational error = (a - Exact(x)).Abs();
        foreach (double neighbour in new[] { Math.BitIncrement(x), Math.BitDecrement(x) })
        {
            Rational other = (a - Exact(neighbour)).Abs();
            Assert.True(error <= other, $"{a}: {neighbour:R} is closer than {x:R}");
            if (error == other)
            {
                Assert.True((BitConverter.DoubleToInt64Bits(Math.Abs(x)) & 1) == 0, $"{a}: tie not rounded to even");
            }
        }
    }

    // Source: Python 3.12, float(Fraction(n, d)), which rounds correctly; dividing the two
    // doubles instead gives 1286742750677284.5 because 2^53 + 1 is not a double.
    [Fact]
    public void ToDoubleRoundsOnceAboveTwoTo53()
    {
        var value = Rational.Create((1L << 53) + 1, 7);

        Assert.Equal(1286742750677284.75, value.ToDouble());
    }

    [Fact]
    public void ToDoubleHandlesExtremes()
    {
        // 2^-1074 is the smallest subnormal double; 2^-1076 rounds to zero; 2^1024 overflows.
        Assert.Equal(double.Epsilon, Rational.Create(BigInteger.One, BigInteger.One << 1074).ToDouble());
        Assert.Equal(0.0, Rational.Create(BigInteger.One, BigInteger.One << 1076).ToDouble());
        Assert.Equal(double.PositiveInfinity, ((Rational)(BigInteger.One << 1024)).ToDouble());
        Assert.Equal(-9.223372036854775808E18, ((Rational)long.MinValue).ToDouble());
    }

    public static TheoryData<string, long, long> ParsedValues => new()
    {
        // Expected values by hand from the decimal and fraction notation.
        { "-3/6", -1, 2 },
        { "1.25", 5, 4 },
        { "  7 ", 7, 1 },
        { "+4/8", 1, 2 },
        { "1/-2", -1, 2 },
        { "-0.5e1", -5, 1 },
        { "3e-2", 3, 100 },
        { ".5", 1, 2 },
        { "-0", 0, 1 },
        { "9223372036854775807", long.MaxValue, 1 },
        { "-9223372036854775808", long.MinValue, 1 },
    };

    [Theory]
    [MemberData(nameof(ParsedValues))]
    public void ParseReadsValue(string text, long numerator, long denominator)
    {
        Assert.Equal(Rational.Create(numerator, denominator), Rational.Parse(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1/2/3")]
    [InlineData("--1")]
    [InlineData("1.2.3")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("\u0661")] // ARABIC-INDIC DIGIT ONE: only ASCII digits are accepted.
    public void ParseRejectsMalformedText(string text)
    {
        var error = Assert.Throws<FormatException>(() => Rational.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(Rational.TryParse(text, out _));
    }

    [Fact]
    public void ParseZeroDenominatorThrows()
    {
        Assert.Throws<DivideByZeroException>(() => Rational.Parse("1/0"));
        Assert.False(Rational.TryParse("1/0", out _));
    }

    [Fact]
    public void TryParseRejectsHugeExponent()
    {
        // Regression: Math.Abs(int.MinValue) threw OverflowException out of TryParse.
        Assert.False(Rational.TryParse("1e-2147483648", out _));
        Assert.Throws<FormatException>(() => Rational.Parse("1e-2147483648"));
    }

    [Fact]
    public void PowOfIntMinValueTerminates()
    {
        // Regression: -int.MinValue overflowed and Pow recursed until the stack overflowed.
        Assert.Equal(Rational.One, Rational.One.Pow(int.MinValue));
        Assert.Equal(Rational.One, Rational.MinusOne.Pow(int.MinValue));
        Assert.Equal(Rational.Create(1, 8), ((Rational)2).Pow(-3));
        Assert.Throws<DivideByZeroException>(() => Rational.Zero.Pow(-1));
    }

    [Fact]
    public void LongMinValueRoundTrips()
    {
        Rational min = long.MinValue;
        Rational negated = -min;

        Assert.True(min.IsSmall);
        Assert.Equal(TwoTo63, negated.Numerator);
        Assert.False(negated.IsSmall);
        Assert.True((-negated).IsSmall);
        Assert.Equal(min, -negated);
        Assert.Equal(negated, min / -1);
        Assert.Equal(negated, min * -1);
        Assert.Equal(Rational.One, Rational.Create(long.MinValue, long.MinValue));
    }

    [Fact]
    public void DenominatorTwoTo63StaysBig()
    {
        var tiny = Rational.Create(1, long.MinValue);

        Assert.Equal(-1, tiny.Numerator);
        Assert.Equal(TwoTo63, tiny.Denominator);
        Assert.False(tiny.IsSmall);
        Assert.Equal((Rational)long.MinValue, tiny.Inverse());
        Assert.True(tiny.Inverse().IsSmall);
    }

    [Fact]
    public void SumLeavesAndReentersInlineForm()
    {
        Rational max = long.MaxValue;
        Rational sum = max + 1;

        Assert.False(sum.IsSmall);
        Assert.Equal(TwoTo63, sum.Numerator);
        Assert.True((sum - 1).IsSmall);
        Assert.Equal(max, sum - 1);
        Assert.Equal((sum - 1).GetHashCode(), max.GetHashCode());
    }

    [Fact]
    public void ProductReducesAcrossOperands()
    {
        // (2^62/3) * (3/2^62) = 1 needs the cross gcds; without them the intermediate needs 128 bits.
        var a = Rational.Create(1L << 62, 3);
        var b = Rational.Create(3, 1L << 62);

        Assert.Equal(Rational.One, a * b);
        Assert.True((a * b).IsSmall);
    }

    [Fact]
    public void DefaultIsZero()
    {
        Assert.True(default(Rational).IsZero);
        Assert.Equal(Rational.Zero, Rational.Create(0, -5));
        Assert.Equal("0", default(Rational).ToString());
        Assert.Equal(BigInteger.One, default(Rational).Denominator);
    }

    private static void AssertSame(Rational expected, Rational actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
    }

    private static void AssertCanonical(Rational r)
    {
        Assert.True(r.Denominator.Sign > 0, $"{r}: denominator must be positive");
        Assert.True(BigInteger.GreatestCommonDivisor(r.Numerator, r.Denominator).IsOne, $"{r}: not in lowest terms");
        bool fits = r.Numerator >= long.MinValue && r.Numerator <= long.MaxValue && r.Denominator <= long.MaxValue;
        Assert.Equal(fits, r.IsSmall);
    }

    // The exact rational value of a finite double.
    private static Rational Exact(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        int power = exponent - 1075;
        Rational value = power >= 0
            ? (Rational)((BigInteger)mantissa << power)
            : Rational.Create(mantissa, BigInteger.One << -power);
        return negative ? -value : value;
    }
}
