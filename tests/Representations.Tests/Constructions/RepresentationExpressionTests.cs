using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Constructions;

public sealed class RepresentationExpressionTests
{
    [Theory]
    [InlineData("V", "V")]
    [InlineData("V+V", "V+V")]
    [InlineData("V*V", "V*V")]
    [InlineData("Sym2(V)", "Sym2(V)")]
    [InlineData("Sym^2(V)", "Sym2(V)")]
    [InlineData("S2(V)", "Sym2(V)")]
    [InlineData("sym 3 ( v )", "Sym3(V)")]
    [InlineData("Lambda2(V)", "Lambda2(V)")]
    [InlineData("Wedge^2(V)", "Lambda2(V)")]
    [InlineData("Alt3(V)", "Lambda3(V)")]
    [InlineData("V^*", "V^*")]
    [InlineData("Dual(V)", "V^*")]
    [InlineData("Dual(V+V)", "(V+V)^*")]
    [InlineData("Sym2(V)+V", "Sym2(V)+V")]
    [InlineData("V+V*V", "V+V*V")]
    [InlineData("(V+V)*V", "(V+V)*V")]
    [InlineData("V^3", "V^3")]
    [InlineData("T3(V)", "V^3")]
    [InlineData("det*V", "det*V")]
    [InlineData("1+V", "1+V")]
    [InlineData("V^*^*", "(V^*)^*")]
    [InlineData("Sym2(V^*)*Lambda2(V)", "Sym2(V^*)*Lambda2(V)")]
    public void ParseGivesCanonicalText(string text, string canonical)
    {
        var expression = RepresentationExpression.Parse(text);
        Assert.Equal(canonical, expression.ToString());
        Assert.Equal(expression, RepresentationExpression.Parse(canonical));
    }

    [Fact]
    public void ProductBindsTighterThanSum()
    {
        var expression = RepresentationExpression.Parse("V+V*V");
        Assert.Equal(RepresentationOperation.DirectSum, expression.Operation);
        Assert.Equal(RepresentationOperation.TensorProduct, expression.Operands[1].Operation);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("V+", "ends early")]
    [InlineData("Sym(V)", "needs a power")]
    [InlineData("Sym2 V", "expected '('")]
    [InlineData("V)", "position 1")]
    [InlineData("W", "position 0")]
    [InlineData("Sym99(V)", "larger than 64")]
    [InlineData("V^", "power k")]
    public void InvalidTextIsRejectedWithPosition(string text, string messagePart)
    {
        var error = Assert.Throws<FormatException>(() => RepresentationExpression.Parse(text));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("V+V", 3, 6)]
    [InlineData("V*V", 3, 9)]
    [InlineData("Sym2(V)", 3, 6)]
    [InlineData("Lambda2(V)", 3, 3)]
    [InlineData("Sym2(V)+V", 4, 14)]
    [InlineData("V^3", 2, 8)]
    [InlineData("Sym3(V*V)", 2, 20)]
    [InlineData("det+1", 5, 2)]
    public void DimensionFollowsConstruction(string text, int d, int expected)
    {
        Assert.Equal(expected, RepresentationExpression.Parse(text).Dimension(d));
    }

    [Fact]
    public void EvaluateMatchesMatrixConstructions()
    {
        var g = Matrix.Create<Rational>(RationalField.Instance, [[0, -1, 0], [1, 0, 0], [0, 0, 1]]);
        var expression = RepresentationExpression.Parse("Sym2(V)+V^*");
        var expected = MatrixConstructions.DirectSum(MatrixConstructions.SymmetricPower(g, 2), MatrixConstructions.Dual(g));
        Assert.Equal(expected, expression.Evaluate(g));
        Assert.Equal(expression.Dimension(3), expression.Evaluate(g).RowCount);
    }

    [Fact]
    public void DeterminantRepresentationGivesDeterminant()
    {
        var g = Matrix.Create<Rational>(RationalField.Instance, [[-1, 0], [0, 1]]);
        Assert.Equal(Matrix.Create<Rational>(RationalField.Instance, [[-1]]), RepresentationExpression.Determinant.Evaluate(g));
    }

    [Theory]
    [InlineData("Oh:V+V", "Oh", "V+V")]
    [InlineData("S4:Sym2(V)+V", "S4", "Sym2(V)+V")]
    [InlineData("groups/my.json:V^*", "groups/my.json", "V^*")]
    public void SplitSeparatesGroupAndExpression(string text, string group, string expression)
    {
        var (groupPart, parsed) = RepresentationExpression.SplitGroupSpecification(text);
        Assert.Equal(group, groupPart);
        Assert.Equal(expression, parsed!.ToString());
    }

    [Fact]
    public void SplitWithoutColonHasNoExpression()
    {
        var (group, expression) = RepresentationExpression.SplitGroupSpecification("W(E6)");
        Assert.Equal("W(E6)", group);
        Assert.Null(expression);
    }
}
