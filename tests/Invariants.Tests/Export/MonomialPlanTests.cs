using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Invariants.Export;

namespace InvTheory.Invariants.Tests.Export;

public sealed class MonomialPlanTests
{
    private static ExportOutput Output(IEnumerable<int[]> exponents) =>
        new(0, 0, [.. exponents.Select(e => new ExportTerm(1.0, "1", false, "1", e))]);

    [Property(MaxTest = 100)]
    public Property ParentsComeFirstAndDifferByOneVariable()
    {
        var exponents = Gen.Choose(-3, 4).ArrayOf(3).NonEmptyListOf().Resize(6);
        return Prop.ForAll(exponents.ToArbitrary(), list =>
        {
            var plan = MonomialPlan.Build(3, [Output(list)], derivatives: true);
            bool ok = plan.Monomials[0].All(e => e == 0);
            for (int i = 1; i < plan.Monomials.Count; i++)
            {
                var child = plan.Monomials[i];
                var parent = plan.Monomials[plan.Parent[i]];
                int v = plan.Variable[i];
                ok &= plan.Parent[i] < i;
                ok &= Enumerable.Range(0, 3).All(u => u == v ? child[u] - parent[u] == (plan.Divides[i] ? -1 : 1) : child[u] == parent[u]);
            }

            // Every needed monomial and every first derivative monomial is in the plan.
            foreach (var e in list)
            {
                ok &= plan.Monomials.Any(m => m.SequenceEqual(e));
                for (int v = 0; v < 3; v++)
                {
                    var d = (int[])e.Clone();
                    d[v]--;
                    ok &= e[v] == 0 || plan.Monomials.Any(m => m.SequenceEqual(d));
                }
            }

            return ok;
        });
    }

    [Fact]
    public void PowersShareTheirPrefix()
    {
        // x^6 needs x, x^2, ..., x^6: six products, not 1 + 2 + ... + 6.
        var plan = MonomialPlan.Build(1, [Output([[2], [4], [6]])], derivatives: false);
        Assert.Equal(7, plan.Monomials.Count);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(2.0, "2.0")]
    [InlineData(1e-20, "1E-20")]
    [InlineData(-0.3333333333333333, "-0.3333333333333333")]
    public void LiteralRoundTrips(double value, string expected)
    {
        Assert.Equal(expected, MonomialPlan.Literal(value));
        Assert.Equal(value, double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
