using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class TermOrderTests
{
    private static readonly MonomialOrder[] Orders =
    [
        MonomialOrder.Lex,
        MonomialOrder.GradedLex,
        MonomialOrder.GradedReverseLex,
        MonomialOrder.WeightedDegree([3, 1, 2, 1]),
        MonomialOrder.Block(MonomialOrder.GradedReverseLex, 2, MonomialOrder.Lex),
        MonomialOrder.Block(MonomialOrder.WeightedDegree([2, 1]), 2, MonomialOrder.Block(MonomialOrder.Lex, 1, MonomialOrder.GradedReverseLex)),
        MonomialOrder.Block(MonomialOrder.Block(MonomialOrder.GradedLex, 1, MonomialOrder.GradedReverseLex), 3, MonomialOrder.Lex),
    ];

    [Fact]
    public void EveryStandardOrderCompiles() =>
        Assert.All(Orders, order => Assert.True(TermOrder.Compile(order, 4).IsCompiled, order.Name));

    [Property(MaxTest = 300)]
    public bool CompiledOrderAgreesWithTheMonomialOrder(int seed)
    {
        // Second implementation: MonomialOrder.Compare itself.
        var random = new Random(seed);
        var a = Monomial.FromExponents([.. Enumerable.Range(0, 4).Select(_ => random.Next(0, 4))]);
        var b = Monomial.FromExponents([.. Enumerable.Range(0, 4).Select(_ => random.Next(0, 4))]);
        foreach (var order in Orders)
        {
            if (Math.Sign(TermOrder.Compile(order, 4).Compare(a, b)) != Math.Sign(order.Compare(a, b)))
            {
                return false;
            }
        }

        return true;
    }
}
