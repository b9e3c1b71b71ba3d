using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

public sealed class CyclotomicFieldConstantsTests
{
    // Squarefree d from -7 to 30 and the conductor of Q(sqrt d), from GAP 4.12.1: Conductor(Sqrt(d)).
    public static TheoryData<int, int> SquarefreeConductors => new()
    {
        { -7, 7 }, { -6, 24 }, { -5, 20 }, { -3, 3 }, { -2, 8 }, { -1, 4 }, { 1, 1 },
        { 2, 8 }, { 3, 12 }, { 5, 5 }, { 6, 24 }, { 7, 28 }, { 10, 40 }, { 11, 44 },
        { 13, 13 }, { 14, 56 }, { 15, 60 }, { 17, 17 }, { 19, 76 }, { 21, 21 }, { 22, 88 },
        { 23, 92 }, { 26, 104 }, { 29, 29 }, { 30, 120 },
    };

    [Theory]
    [MemberData(nameof(SquarefreeConductors))]
    public void SquareRootSquaresToD(int d, int conductor)
    {
        var root = CyclotomicField.SquareRoot(d);

        Assert.Equal((CyclotomicNumber)d, root * root);
        Assert.Equal(conductor, root.Field?.Order ?? 1);

        // Principal root: sqrt(d) > 0, or i * sqrt(-d) with positive imaginary part.
        var value = root.ToComplex();
        double expected = Math.Sqrt(Math.Abs(d));
        Assert.Equal(d > 0 ? expected : 0, value.Real, 12);
        Assert.Equal(d > 0 ? 0 : expected, value.Imaginary, 12);
    }

    [Theory]
    [InlineData(-1, 4, "z")]
    [InlineData(-3, 3, "2*z+1")]
    [InlineData(2, 8, "-z^3+z")]
    [InlineData(3, 12, "-z^3+2*z")]
    [InlineData(5, 5, "-2*z^3-2*z^2-1")]
    public void SquareRootMatchesDocumentedForm(int d, int n, string text)
    {
        // Checked in GAP 4.12.1 against Sqrt(d) with E(n) for z, for example 2*E(12)-E(12)^3 = Sqrt(3).
        // By hand: sqrt(-3) = 2 zeta_3 + 1; sqrt 2 = zeta_8 + zeta_8^-1 = 2cos(pi/4); sqrt 5 = 1 + 2(zeta_5 + zeta_5^4).
        var field = CyclotomicField.Get(n);

        Assert.Equal(field.Parse(text), CyclotomicField.SquareRoot(d));
    }

    [Fact]
    public void SquareRootOfNonSquarefree()
    {
        Assert.Equal(2 * CyclotomicField.SquareRoot(3), CyclotomicField.SquareRoot(12));
        Assert.Equal(2 * CyclotomicField.Get(4).Zeta, CyclotomicField.SquareRoot(-4));
        Assert.Equal((CyclotomicNumber)3, CyclotomicField.SquareRoot(9));
        Assert.Null(CyclotomicField.SquareRoot(9).Field);
        Assert.True(CyclotomicField.SquareRoot(0).IsZero);

        // -2^31 = 2^30 * (-2): sqrt is 2^15 sqrt(-2) in Q(zeta_8).
        var root = CyclotomicField.SquareRoot(int.MinValue);
        Assert.Equal((CyclotomicNumber)int.MinValue, root * root);
        Assert.Equal(8, root.Field!.Order);
    }

    [Fact]
    public void SquareRootRejectsFieldsAboveMaxOrder()
    {
        // 2^31 - 1 is a prime congruent to 3 mod 4, so sqrt(2^31 - 1) needs Q(zeta_(4(2^31 - 1))).
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CyclotomicField.SquareRoot(int.MaxValue));

        Assert.Contains("100000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoldenRatioSatisfiesItsEquation()
    {
        // phi^2 = phi + 1 and phi = (1 + sqrt 5)/2 = 1.6180339887...
        var phi = CyclotomicField.GoldenRatio;

        Assert.Equal(phi + 1, phi * phi);
        Assert.Equal((1 + Math.Sqrt(5)) / 2, phi.ToComplex().Real, 12);
        Assert.Equal(CyclotomicField.Get(5).Parse("-z^2-z^3"), phi);
    }

    [Fact]
    public void SquareRootEmbedsIntoMultiples()
    {
        // sqrt 2 = 2cos(2 pi 3/24) = zeta_24^3 + zeta_24^21 (GAP 4.12.1: E(24)^3 + E(24)^21 = Sqrt(2)).
        Assert.Equal(CyclotomicField.Get(24).Parse("z^3+z^21"), CyclotomicField.SquareRoot(2).Embed(CyclotomicField.Get(24)));
    }

    public static TheoryData<int, int, string, int> TrigonometricValues => new()
    {
        // cos or sin of 2 pi k/n as the textbook closed forms: (kind, k, n) -> text in Q(zeta_m).
        { 1, 6, "cos 1/2", 6 },
        { 1, 5, "cos (sqrt5-1)/4", 5 },
        { 1, 8, "cos sqrt2/2", 8 },
        { 1, 12, "cos sqrt3/2", 12 },
        { 1, 12, "sin 1/2", 12 },
        { 1, 8, "sin sqrt2/2", 8 },
        { 1, 3, "sin sqrt3/2", 12 },
        { 1, 4, "sin 1", 4 },
    };

    [Theory]
    [MemberData(nameof(TrigonometricValues))]
    public void TrigonometricClosedForms(int k, int n, string form, int field)
    {
        bool isCosine = form.StartsWith("cos", StringComparison.Ordinal);
        var value = isCosine ? CyclotomicField.Cosine(k, n) : CyclotomicField.Sine(k, n);
        CyclotomicNumber expected = form[4..] switch
        {
            "1/2" => Rational.Create(1, 2),
            "1" => 1,
            "(sqrt5-1)/4" => (CyclotomicField.SquareRoot(5) - 1) / 4,
            "sqrt2/2" => CyclotomicField.SquareRoot(2) / 2,
            "sqrt3/2" => CyclotomicField.SquareRoot(3) / 2,
            _ => throw new ArgumentException(form),
        };

        Assert.Equal(expected, value);
        Assert.Equal(field, value.Field!.Order);
    }

    [Fact]
    public void SineAndCosineMatchDoublesAndPythagoras()
    {
        for (int n = 1; n <= 30; n++)
        {
            for (int k = -1; k <= n; k++)
            {
                var cos = CyclotomicField.Cosine(k, n);
                var sin = CyclotomicField.Sine(k, n);
                var cosInSineField = cos.Embed(sin.Field!);

                Assert.True((cosInSineField * cosInSineField + sin * sin).IsOne, $"cos^2 + sin^2 for k = {k}, n = {n}");
                Assert.Equal(Math.Cos(2 * Math.PI * k / n), cos.ToComplex().Real, 12);
                Assert.Equal(Math.Sin(2 * Math.PI * k / n), sin.ToComplex().Real, 12);
                Assert.True(cos.IsReal);
                Assert.True(sin.IsReal);
            }
        }
    }
}
