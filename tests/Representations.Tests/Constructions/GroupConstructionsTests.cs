using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Constructions;

public sealed class GroupConstructionsTests
{
    private static MatrixGroup<Rational> Rational(string name) =>
        MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get(name), RationalField.Instance);

    [Theory]
    [InlineData("Oh", "V+V", 6, 48)]
    [InlineData("Oh", "Sym2(V)", 6, 24)]
    [InlineData("Oh", "Lambda2(V)", 3, 24)]
    [InlineData("Oh", "V^*", 3, 48)]
    [InlineData("S4", "V*V", 16, 24)]
    [InlineData("S4", "Sym2(V)+V", 14, 24)]
    [InlineData("S4_std", "Lambda2(V)", 3, 24)]
    [InlineData("S4", "det", 1, 2)]
    [InlineData("W(E6)", "det", 1, 2)]
    public void ApplyGivesRepresentationOfExpectedSizeAndImageOrder(string group, string expression, int dimension, int order)
    {
        // Image orders: -I in Oh acts trivially on Sym2 and Lambda2 (Oh/{+-1} = O has 24 elements); det has image {+-1}.
        // Lambda2 of the standard representation of S4 is faithful (S4 = rotations of the cube, via Lambda2 = std x sign).
        var result = GroupConstructions.Apply(Rational(group), RepresentationExpression.Parse(expression));
        Assert.Equal(dimension, result.Dimension);
        Assert.Equal(order, (int)result.Order);
        Assert.Equal($"{group}:{RepresentationExpression.Parse(expression)}", result.Name);
    }

    [Fact]
    public void DirectSumAndTensorOfMatrixGroups()
    {
        var s4 = Rational("S4");
        var standard = Rational("S4_std");
        Assert.Equal(24, (int)GroupConstructions.DirectSum(s4, standard).Order);
        Assert.Equal(12, GroupConstructions.TensorProduct(s4, standard).Dimension);
        Assert.Throws<ArgumentException>(() => GroupConstructions.DirectSum(s4, Rational("C3")));
    }

    [Fact]
    public void ParticlesOfC3GiveOrderEighteenForThreeCopies()
    {
        // |C3 x S3| = 3 * 6.
        var particles = GroupConstructions.Particles(Rational("C3"), 3);
        Assert.Equal(6, particles.Dimension);
        Assert.Equal(18, (int)particles.Order);
    }

    [Fact]
    public void RestrictChecksMembership()
    {
        var oh = Rational("Oh");
        var minusIdentity = -Matrix.Identity(RationalField.Instance, 3);
        Assert.Equal(2, (int)GroupConstructions.Restrict(oh, [minusIdentity]).Order);
        var notInOh = Matrix.Diagonal<Rational>(RationalField.Instance, [2, 1, 1]);
        Assert.Throws<ArgumentException>(() => GroupConstructions.Restrict(oh, [notInOh]));
        Assert.Equal(4, (int)GroupConstructions.RestrictByWords(oh, [[1]]).Order);
    }

    [Fact]
    public void ChangeFieldKeepsOrder()
    {
        var target = CyclotomicField.Get(8);
        var d4 = GroupConstructions.ChangeField(Rational("D4"), CyclotomicField.Get(4));
        Assert.Equal("Q(zeta_4)", d4.Field.Name);
        Assert.Equal(8, (int)d4.Order);
        var q8 = MatrixGroup<CyclotomicNumber>.FromDefinition(GroupCatalogue.Get("Q8"), CyclotomicField.Get(4));
        Assert.Equal(8, (int)GroupConstructions.ChangeField(q8, target).Order);
    }

    [Theory]
    [InlineData("Oh:Sym2(V)", 6, "Oh:Sym2(V)")]
    [InlineData("S4 : V*V", 16, "S4:V*V")]
    [InlineData("W(F4):Lambda2(V)", 6, "W(F4):Lambda2(V)")]
    public void ResolverAppliesExpression(string text, int dimension, string name)
    {
        var definition = GroupResolver.Resolve(text);
        Assert.Equal(dimension, definition.Dimension);
        Assert.Equal(name, definition.Name);
        Assert.Null(definition.Order);
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        Assert.Equal(dimension, group.Dimension);
    }

    [Fact]
    public void ResolverAppliesExpressionOverCyclotomicField()
    {
        // 2T acts on Sym2 of C^2 through 2T/{+-1} = A4 of order 12.
        var definition = GroupResolver.Resolve("2T:Sym2(V)");
        var group = MatrixGroup<CyclotomicNumber>.FromDefinition(definition, CyclotomicField.Get(4));
        Assert.Equal(12, (int)group.Order);
    }

    [Fact]
    public void ResolverReportsInvalidExpression()
    {
        var error = Assert.Throws<FormatException>(() => GroupResolver.Resolve("Oh:Sym(V)"));
        Assert.Contains("needs a power", error.Message, StringComparison.Ordinal);
    }
}
