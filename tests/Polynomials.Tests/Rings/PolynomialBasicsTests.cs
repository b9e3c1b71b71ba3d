using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class PolynomialBasicsTests
{
    private static readonly PolynomialRing<Rational> Ring =
        new(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);

    [Fact]
    public void ParsePrintsCanonicalForm()
    {
        var p = Ring.Parse("3/2*y*z + x^2 - 1 + x^2");
        Assert.Equal("2*x^2+3/2*y*z-1", p.ToString());
    }

    [Fact]
    public void DifferenceOfSquaresFactors()
    {
        // (x - y)(x + y) = x^2 - y^2.
        var product = Ring.Parse("x-y") * Ring.Parse("x+y");
        Assert.Equal(Ring.Parse("x^2-y^2"), product);
        Assert.Equal(Ring.Parse("x-y"), product.ExactDivide(Ring.Parse("x+y")));
    }

    [Fact]
    public void LinearChangeSwapsVariables()
    {
        // g swaps x and y: f(g x) replaces x by y and y by x.
        Rational o = 1, z = 0;
        var g = new[] { new[] { z, o, z }, new[] { o, z, z }, new[] { z, z, o } };
        var f = Ring.Parse("x^2*z + 2*y");
        Assert.Equal(Ring.Parse("y^2*z + 2*x"), f.LinearChange(g));
    }

    [Fact]
    public void ParseErrorNamesPositionAndToken()
    {
        var ex = Assert.Throws<FormatException>(() => Ring.Parse("x + w^2"));
        Assert.Contains("'w'", ex.Message);
        Assert.Contains("position 4", ex.Message);
    }

    [Fact]
    public void GrevlexOrdersByDegreeThenLastVariable()
    {
        // In grevlex with x > y > z: x*z^2 < y^3? Both degree 3; the last differing variable is z, where y^3 has the smaller exponent.
        var p = Ring.Parse("x*z^2 + y^3");
        Assert.Equal("y^3+x*z^2", p.ToString());
    }
}
