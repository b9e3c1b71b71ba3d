using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Internal;
using static InvTheory.Representations.Tests.TestGroups;

namespace InvTheory.Representations.Tests.Internal;

public sealed class GroupElementsTests
{
    [Theory]
    [InlineData("B3")]
    [InlineData("F4")]
    [InlineData("S5")]
    [InlineData("half")]
    public void TableOrbitsEqualMatrixOrbits(string name)
    {
        // Conjugation through the multiplication table recorded during enumeration against two matrix products per conjugate.
        var group = Named(name);
        var generators = group.Generators;
        var inverses = generators.Select(g => g.Inverse()).ToArray();
        var byTables = Enumerate(group).ConjugacyOrbits(generators, inverses, null, CancellationToken.None);
        var byMatrices = Enumerate(group).ConjugacyOrbits(generators, inverses, null, CancellationToken.None, useTables: false);

        Assert.Equal(byMatrices.ClassOf, byTables.ClassOf);
        Assert.Equal(byMatrices.Classes, byTables.Classes);
    }

    [Fact]
    public void WeylF4HasTwentyFiveClasses()
    {
        // W(F4) has order 1152 and 25 conjugacy classes [Car72].
        var group = Weyl(F4, "F4");
        var generators = group.Generators;
        var orbits = Enumerate(group).ConjugacyOrbits(generators, generators.Select(g => g.Inverse()).ToArray(), null, CancellationToken.None);
        Assert.Equal(1152, orbits.ClassOf.Length);
        Assert.Equal(25, orbits.Classes.Count);
        Assert.Equal(1152, orbits.Classes.Sum(c => c.Size));
    }

    private static GroupElements<Rational> Enumerate(MatrixGroup<Rational> group) =>
        GroupElements<Rational>.Enumerate(Q, group.Generators, 1_000_000, () => new InvalidOperationException("limit"), null, CancellationToken.None);

    private static MatrixGroup<Rational> Named(string name) => name switch
    {
        "B3" => Weyl(B3, "B3"),
        "F4" => Weyl(F4, "F4"),
        "S5" => PermutationGroups.FromCycles(5, "(1,2)", "(1,2,3,4,5)"),

        // The rotation by 60 degrees in a basis where it has the entry 1/2, so the exact rational path runs.
        "half" => new MatrixGroup<Rational>(Q, [Matrix.Create(Q, [[Rational.Parse("1/2"), Rational.Parse("-3/4")], [1, Rational.Parse("1/2")]])], "C6"),
        _ => throw new ArgumentException($"unknown test group {name}", nameof(name)),
    };
}
