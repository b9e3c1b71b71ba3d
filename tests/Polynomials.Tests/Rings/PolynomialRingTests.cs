using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class PolynomialRingTests
{
    [Fact]
    public void ToStringNamesFieldVariablesAndOrder()
    {
        Assert.Equal("Q[x,y,z] (grevlex)", new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex).ToString());
        Assert.Equal("GF(7)[x1,x2] (lex)", new PolynomialRing<ModInt>(PrimeField.Get(7), 2, MonomialOrder.Lex).ToString());
        Assert.Equal("Q[] (deglex)", new PolynomialRing<Rational>(RationalField.Instance, 0, MonomialOrder.GradedLex).ToString());
    }

    [Fact]
    public void RingsCompareByValue()
    {
        var a = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.Lex);
        var b = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.Lex);
        Assert.Equal(a, b);
        Assert.Equal(a.Parse("x+y"), b.Parse("y+x"));
        Assert.NotEqual(a, a.WithOrder(MonomialOrder.GradedReverseLex));
        Assert.Equal(a.Parse("x*y") * b.Parse("x"), a.Parse("x^2*y"));
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("x-y")]
    [InlineData("")]
    public void ConstructorRejectsInvalidNames(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolynomialRing<Rational>(RationalField.Instance, [name], MonomialOrder.Lex));
        Assert.Contains("identifier", ex.Message);
    }

    [Fact]
    public void ConstructorRejectsRepeatedNames() =>
        Assert.Throws<ArgumentException>(() => new PolynomialRing<Rational>(RationalField.Instance, ["x", "x"], MonomialOrder.Lex));

    [Fact]
    public void VariablesAndConstants()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["u", "v"], MonomialOrder.GradedReverseLex);
        Assert.Equal(ring.Parse("v"), ring.Variable("v"));
        Assert.Equal(ring.Parse("u"), ring.Variable(0));
        Assert.Equal(ring.Parse("-3"), ring.Constant(-3));
        Assert.Equal(1, ring.IndexOf("v"));
        Assert.Equal(-1, ring.IndexOf("w"));
        Assert.Throws<ArgumentException>(() => ring.Variable("w"));
        Assert.True(ring.Term(Rational.Zero, Monomial.One(2)).IsZero);
        Assert.Equal(ring.Parse("2*u*v - v"), ring.FromTerms([(2, Monomial.FromExponents([1, 1])), (1, Monomial.FromExponents([0, 1])), (-2, Monomial.FromExponents([0, 1]))]));
        Assert.Throws<ArgumentException>(() => ring.Term(Rational.One, Monomial.One(3)));
    }

    [Fact]
    public void MonomialsOfDegreeFollowRingOrder()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);
        Assert.Equal(["x^2", "x*y", "y^2", "x*z", "y*z", "z^2"], ring.MonomialsOfDegree(2).Select(m => m.Format(ring.Variables)));
        var lex = ring.WithOrder(MonomialOrder.Lex);
        Assert.Equal(["x^2", "x*y", "x*z", "y^2", "y*z", "z^2"], lex.MonomialsOfDegree(2).Select(m => m.Format(lex.Variables)));
        Assert.Equal(["1"], ring.MonomialsOfDegree(0).Select(m => m.Format(ring.Variables)));
    }
}
