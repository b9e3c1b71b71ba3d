using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;

namespace InvTheory.Testing.Tests;

public sealed class SymmetryGroupTests
{
    [Fact]
    public void FiniteGroupIsSampledUniformly()
    {
        // Oh has 48 elements [ITA05]. Over 4800 draws each count is binomial with mean 100 and standard deviation
        // 9.9; the range 50..150 is more than 5 standard deviations wide on each side.
        var oh = SymmetryGroup.Parse("Oh");
        Assert.Equal(48, (int)oh.Order!.Value);
        var counts = GroupSamplesTests.Draw(oh.Elements, 4800, 31)
            .GroupBy(g => g.Matrix.ToString())
            .Select(x => x.Count())
            .ToArray();
        Assert.Equal(48, counts.Length);
        Assert.All(counts, c => Assert.InRange(c, 50, 150));
    }

    [Fact]
    public void FiniteGroupElementsAreSignedPermutations()
    {
        // Oh acts on R^3 by the 48 signed permutation matrices, all orthogonal with integer entries.
        foreach (var g in GroupSamplesTests.Draw(SymmetryGroup.Parse("Oh").Elements, 100, 32))
        {
            Assert.All(Enumerable.Range(0, 9), k => Assert.Contains(g.Matrix[k / 3, k % 3], new[] { -1.0, 0.0, 1.0 }));
            Assert.Equal(0, (g.Matrix.Transpose() * g.Matrix - RealMatrix.Identity(3)).MaxAbs(), 12);
        }
    }

    [Fact]
    public void ConstructionActsOnDerivedRepresentation()
    {
        // Oh:Sym2(V) acts on the 6-dimensional space of quadratic forms.
        var group = SymmetryGroup.Parse("Oh:Sym2(V)");
        Assert.Equal(6, group.Dimension);
        Assert.All(GroupSamplesTests.Draw(group.Elements, 20, 33), g => Assert.Equal(6, g.Matrix.RowCount));
    }

    [Fact]
    public void RealCyclotomicGroupIsAccepted()
    {
        // H3 is defined over Q(zeta_5) with real entries (the golden ratio); its order is the product 2 * 6 * 10 = 120 of the degrees [Hum90, Table 3.1].
        var h3 = SymmetryGroup.Parse("H3");
        Assert.Equal(120, (int)h3.Order!.Value);
    }

    [Fact]
    public void ComplexMatricesAreRejectedWithField()
    {
        var error = Assert.Throws<NotSupportedException>(() => SymmetryGroup.Parse("Q8"));
        Assert.Contains("Q(zeta_4)", error.Message);
        Assert.Contains("not real", error.Message);
    }

    [Fact]
    public void PositiveCharacteristicIsRejected()
    {
        var field = PrimeField.Get(3);
        var swap = Matrix.FromFunction(field, 2, 2, (i, j) => i == j ? field.FromInteger(0) : field.FromInteger(1));
        var group = new MatrixGroup<ModInt>(field, [swap], "swap mod 3");
        var error = Assert.Throws<NotSupportedException>(() => SymmetryGroup.Finite(group));
        Assert.Contains(field.Name, error.Message);
    }

    [Theory]
    [InlineData("O(3)", ClassicalGroupKind.Orthogonal)]
    [InlineData("SO(3)", ClassicalGroupKind.SpecialOrthogonal)]
    [InlineData("O(1,3)", ClassicalGroupKind.Lorentz)]
    [InlineData("SO+(1,3)", ClassicalGroupKind.ProperOrthochronousLorentz)]
    public void ParseFindsClassicalGroups(string text, ClassicalGroupKind kind)
    {
        var group = SymmetryGroup.Parse(text);
        Assert.Equal(kind, group.ClassicalGroup!.Kind);
        Assert.False(group.IsFinite);
    }

    [Fact]
    public void ClassicalShrinkingTerminatesAtSimpleElements()
    {
        var group = SymmetryGroup.Lorentz(4);
        var random = GroupSamplesTests.Draw(group.Elements, 1, 34)[0];
        var simple = group.Shrink(random).ToList();

        // O(1,3): the identity, parity, time reversal, their product, 3 quarter turns of space, 3 boosts.
        Assert.Equal(10, simple.Count);
        Assert.Equal("identity", simple[0].Description);
        Assert.StartsWith("parity", simple[1].Description);
        Assert.StartsWith("boost along axis 2", simple[7].Description);
        Assert.Empty(group.Shrink(simple[0]));
        Assert.Equal(9, group.Shrink(simple[9]).Count());
        Assert.All(simple, g => Assert.True(group.ClassicalGroup!.PreservesMetric(g.Matrix)));
    }

    [Fact]
    public void FiniteShrinkingMovesTowardsGenerators()
    {
        var group = SymmetryGroup.Parse("Oh");
        var last = GroupSamplesTests.Draw(group.Elements, 200, 35).MaxBy(g => g.Index)!;
        var candidates = group.Shrink(last).ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(c.Index < last.Index));
        Assert.StartsWith("identity", candidates[0].Description);
        Assert.StartsWith("generator 1", candidates[1].Description);
    }

    [Fact]
    public void ParticlePermutationsShrinkToTranspositions()
    {
        var group = SymmetryGroup.SpecialOrthogonal(3).WithParticlePermutations(4);
        Assert.Equal("SO(3) x S4", group.Name);
        var element = new GroupElement(RealMatrix.Identity(3), "identity", [1, 2, 3, 0]);
        var candidates = group.Shrink(element).ToList();
        Assert.Equal([0, 1, 2, 3], candidates[0].Permutation);
        Assert.All(candidates.Skip(1), c => Assert.Equal(2, Enumerable.Range(0, 4).Count(j => c.Permutation[j] != j)));
        Assert.Equal(7, candidates.Count);
    }
}
