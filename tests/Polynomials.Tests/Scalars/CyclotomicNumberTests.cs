using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

public sealed class CyclotomicNumberTests
{
    private static readonly CyclotomicField Q5 = CyclotomicField.Get(5);

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
    }

    [Fact]
    public void GoldenRatioIsMinusZSquaredMinusZCubed()
    {
        var z = Q5.Zeta;

        Assert.Equal(-(z * z) - z.Pow(3), CyclotomicField.GoldenRatio);
        Assert.Equal((1 + Math.Sqrt(5)) / 2, CyclotomicField.GoldenRatio.ToComplex().Real, 12);
    }

    [Fact]
    public void InverseOfOnePlusZ()
    {
        var z = Q5.Zeta;
        var a = 1 + z;

        Assert.True((a * a.Inverse()).IsOne);
        Assert.Throws<DivideByZeroException>(() => (z - z).Inverse());
    }

    [Fact]
    public void DefaultAndOneCombineWithAnyField()
    {
        var z7 = CyclotomicField.Get(7).Zeta;
        var one = CyclotomicNumber.MultiplicativeIdentity;

        Assert.Equal(z7, z7 + default(CyclotomicNumber));
        Assert.Equal(z7, z7 * one);
        Assert.Equal(CyclotomicField.Get(7).One, one);
        Assert.Equal(CyclotomicField.Get(7).One.GetHashCode(), one.GetHashCode());
    }

    [Fact]
    public void DifferentFieldsDoNotCombine()
    {
        var error = Assert.Throws<ArgumentException>(() => Q5.Zeta + CyclotomicField.Get(7).Zeta);

        Assert.Contains("Q(zeta_5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Q(zeta_7)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseAndFormatExamples()
    {
        Assert.Equal("z^3+z^2", Q5.Format(Q5.Parse("-(z^2+z^3)*(-1)")));
        Assert.Equal("1/2*z+3", Q5.Format(Q5.Parse("1/2*z+3")));
        Assert.Equal("-z^3-z^2-z-1", Q5.Format(Q5.Parse("z^4")));
        Assert.Equal("0", Q5.Format(Q5.Parse("z^5-1")));
        Assert.Equal(new Complex(-1, 0).Real, Q5.Parse("z^2+z^3+z+z^4").ToComplex().Real, 12);
    }
}
