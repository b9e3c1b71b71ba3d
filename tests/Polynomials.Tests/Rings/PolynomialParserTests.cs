using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class PolynomialParserTests
{
    private static readonly PolynomialRing<Rational> Q3 =
        new(RationalField.Instance, ["x1", "x2", "x3"], MonomialOrder.GradedReverseLex);

    [Theory]
    [InlineData("x1^2 + 3/2*x2*x3 - 1", "x1^2+3/2*x2*x3-1")]
    [InlineData("x1**2+3/2*x2*x3-1", "x1^2+3/2*x2*x3-1")]
    [InlineData("  x1 ^ 2 +  1.5 * x2 * x3 -1 ", "x1^2+3/2*x2*x3-1")]
    [InlineData("(x1 + x2)^2 - x2*(2*x1 + x2)", "x1^2")]
    [InlineData("-x1^2", "-x1^2")]
    [InlineData("--x1", "x1")]
    [InlineData("x1/2 - 0.25*x2", "1/2*x1-1/4*x2")]
    [InlineData("x1 - x1", "0")]
    [InlineData("+7", "7")]
    [InlineData(".5*x3^0", "1/2")]
    public void ParsePrintsCanonically(string text, string expected) => Assert.Equal(expected, Q3.Parse(text).ToString());

    public static TheoryData<string, int, string> Errors => new()
    {
        // Positions are 0-based offsets into the text.
        { "x1 + w^2", 5, "'w'" },
        { "2x1", 1, "'x1'" },
        { "1e3", 1, "'e3'" },
        { "x1 + ", 5, "end of text" },
        { "(x1 + x2", 8, "end of text" },
        { "x1^-2", 3, "'-'" },
        { "0^-1", 2, "'-'" },
        { "x1 / x2", 5, "'x2'" },
        { "x1 / (1 - 1)", 5, "'('" },
        { "x1 $ 2", 3, "'$'" },
        { "1.2.3", 0, "'1.2.3'" },
        { "x1^70000", 3, "'70000'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ParseErrorNamesPositionAndToken(string text, int position, string token)
    {
        var ex = Assert.Throws<FormatException>(() => Q3.Parse(text));
        Assert.Contains($"position {position}", ex.Message);
        Assert.Contains(token, ex.Message);
    }

    [Fact]
    public void ParseRejectsEmptyText() => Assert.Throws<FormatException>(() => Q3.Parse("   "));

    [Fact]
    public void MissingOperatorIsExplained()
    {
        var ex = Assert.Throws<FormatException>(() => Q3.Parse("2x1"));
        Assert.Contains("'*'", ex.Message);
    }

    [Fact]
    public void LongSumParsesInLinearTime()
    {
        // 20000 terms: summing one term at a time would merge quadratically many terms.
        var text = string.Join(" + ", Enumerable.Range(0, 20000).Select(i => $"{i + 1}*x1^{i % 100}*x2^{i / 100}"));
        var p = Q3.Parse(text);
        Assert.Equal(20000, p.TermCount);
        Assert.Equal(p, Q3.Parse(p.ToString()));
    }

    [Theory]
    [InlineData("x1^2 + 3/2*x2*x3 - 1", "x_{1}^{2}+\\frac{3}{2} x_{2} x_{3}-1")]
    [InlineData("-x1*x2^10", "-x_{1} x_{2}^{10}")]
    [InlineData("0", "0")]
    public void LatexUsesSubscriptsAndFractions(string text, string expected) => Assert.Equal(expected, Q3.Parse(text).ToLatex());

    [Fact]
    public void LatexEscapesUnderscores()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["a_b", "c"], MonomialOrder.Lex);
        Assert.Equal("a\\_b^{2}-c", ring.Parse("a_b^2 - c").ToLatex());
    }

    [Property(MaxTest = 100)]
    public Property ParseInvertsPrintOverQ() =>
        Prop.ForAll(
            PolynomialGenerators.RingQ3.SelectMany(r => PolynomialGenerators.Sparse(r, 8, 4, PolynomialGenerators.SmallRational)).ToArbitrary(),
            p => p.Ring.Parse(p.ToString()) == p);

    [Property(MaxTest = 100)]
    public Property ParseInvertsPrintOverGF() =>
        Prop.ForAll(
            (from p in Gen.Elements(2UL, 7UL, 32003UL)
             let ring = new PolynomialRing<ModInt>(PrimeField.Get(p), ["a", "b", "c"], MonomialOrder.GradedReverseLex)
             from f in PolynomialGenerators.Sparse(ring, 8, 4, PolynomialGenerators.Residue(PrimeField.Get(p)))
             select f).ToArbitrary(),
            p => p.Ring.Parse(p.ToString()) == p);

    [Fact]
    public void PrimeFieldPrintsSymmetricResidues()
    {
        var ring = new PolynomialRing<ModInt>(PrimeField.Get(7), ["x", "y"], MonomialOrder.Lex);
        Assert.Equal("x-3*y+2", ring.Parse("x + 4*y + 9").ToString());
        Assert.Equal("x+3", ring.Parse("x + 1/2 - 1/2 + 3").ToString());
        Assert.Equal(ring.Parse("4*y"), ring.Parse("y/2"));
    }
}
