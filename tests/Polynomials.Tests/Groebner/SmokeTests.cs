using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class SmokeTests
{
    [Fact]
    public void Cyclic4()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["a", "b", "c", "d"], MonomialOrder.GradedReverseLex);
        var gens = new[] { "a+b+c+d", "a*b+b*c+c*d+d*a", "a*b*c+b*c*d+c*d*a+d*a*b", "a*b*c*d-1" }.Select(ring.Parse).ToList();
        var gb = Gb.Compute(gens, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        Assert.Equal("", string.Join("\n", gb.Elements) + "\n" + gb.HilbertSeries + " " + gb.KrullDimension);
    }
}
