using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

[Properties(Arbitrary = [typeof(ScalarArbitraries)])]
public sealed class CyclotomicNumberTests
{
    private static readonly CyclotomicField Q5 = CyclotomicField.Get(5);

    [Property(MaxTest = 100)]
    public bool AdditionIsAssociative(CyclotomicSample s) => FieldLaws.AdditionIsAssociative(s.A, s.B, s.C);

    [Property(MaxTest = 100)]
    public bool AdditionIsCommutative(CyclotomicSample s) => FieldLaws.AdditionIsCommutative(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool ZeroIsNeutral(CyclotomicSample s) => FieldLaws.ZeroIsNeutral(s.A) && FieldLaws.ZeroIsNeutral(s.A + s.Field.Zero);

    [Property(MaxTest = 100)]
    public bool NegationIsAdditiveInverse(CyclotomicSample s) => FieldLaws.NegationIsAdditiveInverse(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool MultiplicationIsAssociative(CyclotomicSample s) => FieldLaws.MultiplicationIsAssociative(s.A, s.B, s.C);

    [Property(MaxTest = 100)]
    public bool MultiplicationIsCommutative(CyclotomicSample s) => FieldLaws.MultiplicationIsCommutative(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool OneIsNeutral(CyclotomicSample s) => FieldLaws.OneIsNeutral(s.A, s.Field.One);

    [Property(MaxTest = 100)]
    public bool MultiplicationDistributes(CyclotomicSample s) => FieldLaws.MultiplicationDistributesOverAddition(s.A, s.B, s.C);

    [Property(MaxTest = 100)]
    public bool NonzeroElementsHaveInverses(CyclotomicSample s) => FieldLaws.NonzeroElementsHaveInverses(s.A, s.B);

    [Property(MaxTest = 100)]
    public bool HashCodeFollowsEquality(CyclotomicSample s) => FieldLaws.HashCodeFollowsEquality(s.A, s.B);

    [Property(MaxTest = 100)]
    public void InverseMatchesNormFormula(CyclotomicSample s)
    {
        // Second algorithm: a^-1 = (product of sigma_k(a) over k != 1) / N(a), with N(a) the product over all
        // Galois conjugates sigma_k: z -> z^k, gcd(k, n) = 1, which is rational.
        if (s.A.IsZero)
        {
            return;
        }

        CyclotomicNumber others = s.Field.One;
        for (int k = 2; k < s.Order; k++)
        {
            if (BigInteger.GreatestCommonDivisor(k, s.Order).IsOne)
            {
                others *= s.A.GaloisConjugate(k);
            }
        }

        CyclotomicNumber norm = s.A * others;
        Assert.True(norm.IsRational, $"norm {norm} of {s.A} should be rational");
        Assert.Equal(others / norm.ToRational(), s.A.Inverse());
    }

    [Property(MaxTest = 100)]
    public void IntegerProductMatchesRationalProduct(CyclotomicSample s)
    {
        // Two algorithms: the 128-bit integer kernel and the Rational kernel, on integer parts of the samples.
        CyclotomicNumber a = IntegerPart(s.A.Embed(s.Field)), b = IntegerPart(s.B.Embed(s.Field));
        Rational[] x = [.. a.Coefficients], y = [.. b.Coefficients];

        Assert.Equal(s.Field.MultiplyRationals(x, y), s.Field.MultiplySmallIntegers(x, y));
    }

    [Fact]
    public void IntegerProductAtEntryLimit()
    {
        // Entries of 2^31 take the integer kernel; one more leaves it. Both must agree with the square (2^31 z + 2^31)^2.
        var q7 = CyclotomicField.Get(7);
        CyclotomicNumber big = (Rational)(1L << 31);
        var a = big * q7.Zeta.Pow(6) + big;
        var b = (big + 1) * q7.Zeta.Pow(6) + big + 1;

        Assert.Equal(big * big * (q7.Zeta.Pow(12) + 2 * q7.Zeta.Pow(6) + 1), a * a);
        Assert.Equal((big + 1) * (big + 1) * (q7.Zeta.Pow(12) + 2 * q7.Zeta.Pow(6) + 1), b * b);
    }

    [Property(MaxTest = 100)]
    public void ConjugationIsFieldAutomorphism(CyclotomicSample s)
    {
        CyclotomicNumber a = s.A, b = s.B;

        Assert.Equal(a.Conjugate() + b.Conjugate(), (a + b).Conjugate());
        Assert.Equal(a.Conjugate() * b.Conjugate(), (a * b).Conjugate());
        Assert.Equal(a, a.Conjugate().Conjugate());
        Assert.Equal(a.Conjugate(), s.Field.Conjugate(a));
        if (!a.IsZero)
        {
            Assert.Equal(a.Inverse().Conjugate(), a.Conjugate().Inverse());
        }
    }

    [Property(MaxTest = 100)]
    public void GaloisConjugatesAreHomomorphisms(CyclotomicSample s)
    {
        for (int k = 1; k < s.Order; k++)
        {
            if (!BigInteger.GreatestCommonDivisor(k, s.Order).IsOne)
            {
                continue;
            }

            Assert.Equal(s.A.GaloisConjugate(k) + s.B.GaloisConjugate(k), (s.A + s.B).GaloisConjugate(k));
            Assert.Equal(s.A.GaloisConjugate(k) * s.B.GaloisConjugate(k), (s.A * s.B).GaloisConjugate(k));
        }
    }

    [Property(MaxTest = 100)]
    public void ToComplexIsRingHomomorphism(CyclotomicSample s)
    {
        Complex a = s.A.ToComplex(), b = s.B.ToComplex();
        double scale = (1 + Size(s.A)) * (1 + Size(s.B));

        AssertClose(a + b, (s.A + s.B).ToComplex(), scale);
        AssertClose(a - b, (s.A - s.B).ToComplex(), scale);
        AssertClose(a * b, (s.A * s.B).ToComplex(), scale);
        AssertClose(Complex.Conjugate(a), s.A.Conjugate().ToComplex(), scale);
        AssertClose(a, s.Field.ToComplex(s.A), scale);
        if (!s.A.IsZero)
        {
            // a * a^-1 = 1 checks the inverse without bounding the size of a^-1.
            CyclotomicNumber inverse = s.A.Inverse();
            AssertClose(Complex.One, a * inverse.ToComplex(), (1 + Size(s.A)) * (1 + Size(inverse)));
        }
    }

    [Property(MaxTest = 100)]
    public void IsRealMatchesEmbedding(CyclotomicSample s)
    {
        CyclotomicNumber real = s.A + s.A.Conjugate();
        CyclotomicNumber imaginary = s.A - s.A.Conjugate();

        Assert.True(real.IsReal);
        Assert.Equal(imaginary.IsZero, imaginary.IsReal);
        Assert.True(Math.Abs(real.ToComplex().Imaginary) <= 1e-9 * (1 + Size(real)));
        if (s.A.IsReal)
        {
            Assert.True(Math.Abs(s.A.ToComplex().Imaginary) <= 1e-9 * (1 + Size(s.A)));
        }
    }

    [Property(MaxTest = 100)]
    public void EmbedIsHomomorphismThatKeepsValues(CyclotomicSample s)
    {
        foreach (int factor in new[] { 2, 3 })
        {
            var larger = CyclotomicField.Get(s.Order * factor);
            CyclotomicNumber a = s.A.Embed(larger), b = s.B.Embed(larger);

            Assert.Same(larger, a.Field);
            Assert.Equal((s.A + s.B).Embed(larger), a + b);
            Assert.Equal((s.A * s.B).Embed(larger), a * b);
            Assert.Equal(s.A.Conjugate().Embed(larger), a.Conjugate());
            AssertClose(s.A.ToComplex(), a.ToComplex(), 1 + Size(s.A));
        }
    }

    [Property(MaxTest = 100)]
    public void ParseInvertsFormat(CyclotomicSample s)
    {
        string text = s.Field.Format(s.A);

        Assert.Equal(s.A, s.Field.Parse(text));
        Assert.Equal(text, s.A.Field is null ? s.A.ToRational().ToString() : s.A.ToString());
        Assert.Equal(text.StartsWith('-'), s.Field.IsNegativeForPrinting(s.A));

        // A sign after the first character separates two printed terms; coefficients never contain one.
        Assert.Equal(text.IndexOfAny(['+', '-'], 1) >= 0, s.Field.NeedsParentheses(s.A));
    }

    [Property(MaxTest = 100)]
    public void RationalElementsEqualFieldLessConstants(Rational c)
    {
        foreach (int n in ScalarArbitraries.Orders)
        {
            CyclotomicNumber inField = CyclotomicField.Get(n).FromRational(c);
            CyclotomicNumber fieldLess = c;

            Assert.Equal(fieldLess, inField);
            Assert.Equal(fieldLess.GetHashCode(), inField.GetHashCode());
            Assert.Equal(c, inField.ToRational());
            Assert.True(inField.IsRational);
        }
    }

    [Fact]
    public void PentagonIdentityHoldsExactly()
    {
        // t = z + z^4 = 2cos(2 pi/5) satisfies t^2 + t - 1 = z^2 + z^3 + 2 + z + z^4 - 1 = 0, since
        // 1 + z + ... + z^4 = 0; its positive root is (sqrt 5 - 1)/2.
        var z = Q5.Zeta;
        var t = z + z.Pow(4);

        Assert.True((t * t + t - 1).IsZero);
        Assert.Equal((Math.Sqrt(5) - 1) / 2, t.ToComplex().Real, 12);
        Assert.Equal(0, t.ToComplex().Imaginary, 12);
        Assert.True(t.IsReal);
    }

    [Fact]
    public void InverseOfOnePlusZ()
    {
        // (1 + z)(1 - z + z^2 - z^3 + z^4) = 1 + z^5 = 2 in Q(zeta_5).
        var z = Q5.Zeta;
        var a = 1 + z;

        Assert.Equal((1 - z + z.Pow(2) - z.Pow(3) + z.Pow(4)) / 2, a.Inverse());
        Assert.True((a * a.Inverse()).IsOne);
        Assert.Throws<DivideByZeroException>(() => (z - z).Inverse());
        Assert.Throws<DivideByZeroException>(() => default(CyclotomicNumber).Inverse());
        Assert.Throws<DivideByZeroException>(() => z / (z - z));
    }

    [Fact]
    public void DefaultAndOneCombineWithAnyField()
    {
        var q7 = CyclotomicField.Get(7);
        var one = CyclotomicNumber.MultiplicativeIdentity;

        Assert.Equal(q7.Zeta, q7.Zeta + default(CyclotomicNumber));
        Assert.Equal(q7.Zeta, q7.Zeta * one);
        Assert.Equal(q7.Zeta, one * q7.Zeta);
        Assert.Equal(q7.One, one);
        Assert.Equal(q7.One.GetHashCode(), one.GetHashCode());
        Assert.Equal(q7.Zero, default(CyclotomicNumber));
        Assert.Null((one + one).Field);
        Assert.Same(q7, (one - q7.Zeta).Field);
        Assert.True(q7.Contains(one));
        Assert.True(q7.Contains(default));
    }

    [Fact]
    public void DifferentFieldsDoNotCombine()
    {
        var error = Assert.Throws<ArgumentException>(() => Q5.Zeta + CyclotomicField.Get(7).Zeta);

        Assert.Contains("Q(zeta_5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Q(zeta_7)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Q5.Zeta * CyclotomicField.Get(10).Zeta);
        Assert.Throws<ArgumentException>(() => Q5.Zeta / CyclotomicField.Get(10).Zeta);
        Assert.Throws<ArgumentException>(() => Q5.Zeta - CyclotomicField.Get(10).Zeta);
        Assert.False(Q5.Contains(CyclotomicField.Get(7).Zeta));
    }

    [Fact]
    public void EqualityAcrossFieldsNeedsEmbedding()
    {
        // i is z in Q(zeta_4) and z^2 in Q(zeta_8); elements of different fields compare equal only when rational.
        var q4 = CyclotomicField.Get(4);
        var q8 = CyclotomicField.Get(8);

        Assert.NotEqual(q4.Zeta, q8.Zeta.Pow(2));
        Assert.Equal(q8.Zeta.Pow(2), q4.Zeta.Embed(q8));
        Assert.Equal(q4.FromInteger(3), q8.FromInteger(3));
    }

    [Fact]
    public void EmbedChecksDivisibility()
    {
        var error = Assert.Throws<ArgumentException>(() => Q5.Zeta.Embed(CyclotomicField.Get(12)));

        Assert.Contains("Q(zeta_5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Q(zeta_12)", error.Message, StringComparison.Ordinal);
        Assert.Equal(CyclotomicField.Get(12).FromInteger(2), ((CyclotomicNumber)2).Embed(CyclotomicField.Get(12)));
        Assert.Same(Q5, Q5.Zeta.Embed(Q5).Field);
    }

    [Fact]
    public void ConjugateOfZetaIsItsInverse()
    {
        foreach (int n in ScalarArbitraries.Orders)
        {
            var field = CyclotomicField.Get(n);

            Assert.Equal(field.RootOfUnity(n - 1), field.Zeta.Conjugate());
            Assert.Equal(field.Zeta.Inverse(), field.Zeta.Conjugate());
            Assert.False(field.Zeta.IsReal);
        }
    }

    [Fact]
    public void GaloisConjugateRejectsNonUnits()
    {
        var error = Assert.Throws<ArgumentException>(() => CyclotomicField.Get(12).Zeta.GaloisConjugate(4));

        Assert.Contains("gcd(4, 12)", error.Message, StringComparison.Ordinal);
        Assert.Equal(CyclotomicField.Get(12).RootOfUnity(5), CyclotomicField.Get(12).Zeta.GaloisConjugate(-7));
    }

    [Fact]
    public void ToRationalRejectsIrrationalElements()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Q5.Zeta.ToRational());

        Assert.Contains("Q(zeta_5)", error.Message, StringComparison.Ordinal);
        Assert.False(Q5.Zeta.IsRational);
    }

    [Fact]
    public void PowHandlesNegativeExponents()
    {
        var z = Q5.Zeta;

        Assert.Equal(z.Pow(4), z.Pow(-1));
        Assert.Equal(Q5.One, z.Pow(int.MinValue + 3)); // int.MinValue + 3 = -2147483645 = -5 * 429496729.
        Assert.Equal(((CyclotomicNumber)2).Inverse(), ((CyclotomicNumber)2).Pow(-1));
    }

    [Fact]
    public void CoefficientsAreThePowerBasisVector()
    {
        var x = Q5.Parse("z^3+1/2*z-2");

        Assert.Equal(new[] { Rational.Create(-2, 1), Rational.Create(1, 2), Rational.Zero, Rational.One }, x.Coefficients);
        Assert.Equal(x, Q5.FromCoefficients(x.Coefficients));
        Assert.Equal(Rational.Create(1, 2), x.Coefficient(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Coefficient(4));
        Assert.Equal(Rational.Zero, default(CyclotomicNumber).Coefficient(0));
        Assert.Equal(new[] { Rational.Zero }, default(CyclotomicNumber).Coefficients);
        Assert.Throws<ArgumentException>(() => Q5.FromCoefficients([Rational.One]));
        Assert.Equal(Q5.Parse("z^2"), Q5.FromPolynomial([0, 0, 0, 0, 0, 0, 0, 1]));
    }

    [Theory]
    [InlineData(263)] // phi = 262: above the reduction-table bound, so products use long division.
    [InlineData(1024)] // Phi_1024 = x^512 + 1.
    [InlineData(210)]
    public void LargeOrdersKeepFieldLaws(int n)
    {
        var field = CyclotomicField.Get(n);
        var z = field.Zeta;
        var a = 1 + z + 3 * z.Pow(n / 2 + 1);
        var b = z.Pow(n - 2) - (CyclotomicNumber)Rational.Create(1, 3);

        Assert.True(z.Pow(n).IsOne);
        Assert.True((a * a.Inverse()).IsOne);
        Assert.Equal(a * b, b * a);
        AssertClose(a.ToComplex() * b.ToComplex(), (a * b).ToComplex(), 100);
    }

    // The element whose coefficients are the integer parts (floors) of those of x.
    private static CyclotomicNumber IntegerPart(CyclotomicNumber x)
    {
        var field = x.Field!;
        var coefficients = new Rational[field.Degree];
        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] = x.Coefficient(i).Floor();
        }

        return field.FromCoefficients(coefficients);
    }

    private static double Size(CyclotomicNumber x)
    {
        double sum = 0;
        foreach (Rational c in x.Coefficients)
        {
            sum += Math.Abs(c.ToDouble());
        }

        return sum;
    }

    private static void AssertClose(Complex expected, Complex actual, double scale)
    {
        double error = Complex.Abs(expected - actual);
        Assert.True(error <= 1e-9 * scale, $"expected {expected}, got {actual} (error {error}, scale {scale})");
    }
}
