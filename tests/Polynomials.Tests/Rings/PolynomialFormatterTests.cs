using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class PolynomialFormatterTests
{
    private static readonly CyclotomicField Q5 = CyclotomicField.Get(5);

    private static readonly PolynomialRing<CyclotomicNumber> RingQ5 = new(Q5, ["x", "y"], MonomialOrder.GradedReverseLex);

    [Theory]
    [InlineData("(z^2+1)*x*y", "(z^2+1)*x*y")]
    [InlineData("x*y*(1+z^2) - z*x", "(z^2+1)*x*y-z*x")]
    [InlineData("x + (1 - z)", "x-z+1")]
    [InlineData("-z*y^2 + 2*z^3", "-z*y^2+2*z^3")]
    [InlineData("(z + z^2 + z^3 + z^4)*x", "-x")]
    [InlineData("1/2*z*x", "1/2*z*x")]
    [InlineData("z^-1*x", "(-z^3-z^2-z-1)*x")]
    [InlineData("2^-2*y", "1/4*y")]
    public void CyclotomicCoefficientsPrintCanonically(string text, string expected) =>
        Assert.Equal(expected, RingQ5.Parse(text).ToString());

    [Fact]
    public void CyclotomicSumPrintsParenthesizedLatex() =>
        Assert.Equal("\\left(\\zeta_{5}^{2}+1\\right) x y", RingQ5.Parse("(z^2+1)*x*y").ToLatex());

    [Fact]
    public void CyclotomicRingReservesZ()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolynomialRing<CyclotomicNumber>(Q5, ["z", "x"], MonomialOrder.Lex));
        Assert.Contains("reserved", ex.Message);
    }

    [Property(MaxTest = 100)]
    public Property ParseInvertsPrintOverCyclotomicField() =>
        Prop.ForAll(
            (from n in Gen.Elements(3, 4, 5, 12)
             let field = CyclotomicField.Get(n)
             from order in Gen.Elements(PolynomialGenerators.Orders.Take(3).ToArray())
             let ring = new PolynomialRing<CyclotomicNumber>(field, ["a", "b", "c"], order)
             from p in PolynomialGenerators.Sparse(ring, 6, 3, PolynomialGenerators.Cyclotomic(field))
             select p).ToArbitrary(),
            p => Assert.Equal(p, p.Ring.Parse(p.ToString())));

    [Property(MaxTest = 40)]
    public Property CyclotomicProductMatchesReference() =>
        Prop.ForAll(
            Gen.Two(PolynomialGenerators.Sparse(RingQ5, 6, 3, PolynomialGenerators.Cyclotomic(Q5))).ToArbitrary(),
            t => Assert.True(NaivePolynomial<CyclotomicNumber>.From(t.Item1).Multiply(NaivePolynomial<CyclotomicNumber>.From(t.Item2)).Matches(t.Item1 * t.Item2)));

    [Property(MaxTest = 40)]
    public Property CyclotomicLinearChangeMatchesReference() =>
        Prop.ForAll(
            (from f in PolynomialGenerators.Dense(RingQ5, 3, PolynomialGenerators.Cyclotomic(Q5))
             from g in PolynomialGenerators.Matrix(2, PolynomialGenerators.Cyclotomic(Q5))
             select (f, g)).ToArbitrary(),
            t => Assert.True(NaivePolynomial<CyclotomicNumber>.From(t.f).LinearChange(t.g).Matches(t.f.LinearChange(t.g))));

    [Fact]
    public void RotationByRootOfUnityScalesMonomials()
    {
        // g = diag(z, z^4) acts on x^a y^b by z^(a + 4b), so x*y (weight 5 = 0 mod 5) is invariant and x^2 is not.
        var z = Q5.Zeta;
        CyclotomicNumber[][] g = [[z, default], [default, Q5.RootOfUnity(4)]];
        Assert.Equal(RingQ5.Parse("x*y"), RingQ5.Parse("x*y").LinearChange(g));
        Assert.Equal(RingQ5.Parse("z^2*x^2"), RingQ5.Parse("x^2").LinearChange(g));
    }
}
