using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Representations.Tests.Catalogue;

public sealed class GroupCatalogueTests
{
    public static TheoryData<string> EntryNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in GroupCatalogue.Entries)
        {
            data.Add(entry.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void EntryGeneratorsAreInvertibleAndCanonical(string name)
    {
        var entry = GroupCatalogue.GetEntry(name);
        var definition = entry.Definition;

        Assert.Equal(entry.Name, definition.Name);
        Assert.Equal(entry.Field, definition.Field);
        Assert.Equal(entry.Dimension, definition.Dimension);
        Assert.Equal(entry.Order, definition.Order);
        Assert.NotEmpty(definition.Generators);
        Assert.False(string.IsNullOrWhiteSpace(entry.Description));
        foreach (var generator in definition.Generators)
        {
            Assert.Equal(entry.Dimension, generator.Count);
            Assert.All(generator, row => Assert.Equal(entry.Dimension, row.Count));
        }

        Assert.True(CatalogueTestSupport.WithGenerators(definition, new GeneratorCheck(definition)));
    }

    [Fact]
    public void EntriesHaveDistinctNamesAndAliases()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in GroupCatalogue.Entries)
        {
            foreach (string key in entry.Aliases.Prepend(entry.Name))
            {
                Assert.True(seen.TryAdd(key, entry.Name), $"{key} names both {(seen.TryGetValue(key, out var other) ? other : "?")} and {entry.Name}");
            }
        }
    }

    [Fact]
    public void EveryNameAndAliasResolvesToItsEntry()
    {
        foreach (var entry in GroupCatalogue.Entries)
        {
            foreach (string key in entry.Aliases.Prepend(entry.Name))
            {
                Assert.True(GroupCatalogue.TryGetEntry(key, out var resolved), key);
                Assert.Equal(entry.Name, resolved.Name);
            }
        }
    }

    [Theory]
    [InlineData("C5", "C5")]
    [InlineData("Cyclic(5)", "C5")]
    [InlineData("D6", "D6")]
    [InlineData("Dihedral(6)", "D6")]
    [InlineData("Sym(5)", "S5")]
    [InlineData("S5_std", "S5_std")]
    [InlineData("Alt(5)", "A5")]
    [InlineData("E6", "W(E6)")]
    [InlineData("W(F4)", "W(F4)")]
    [InlineData("H3", "W(H3)")]
    [InlineData("I2(7)", "W(I2(7))")]
    [InlineData("coxeter_H3", "W(H3)")]
    [InlineData("m-3m", "Oh")]
    [InlineData("4/mmm", "D4h")]
    [InlineData("-43m", "Td")]
    [InlineData("6/mmm", "D6h")]
    [InlineData("-3m", "D3d")]
    [InlineData("S6", "S6")]
    [InlineData("PG(S6)", "C3i")]
    [InlineData("-4", "PG(S4)")]
    [InlineData("4", "PG(C4)")]
    [InlineData("Klein168", "PSL(2,7)")]
    [InlineData("Heisenberg(3)", "Heis(3)")]
    [InlineData("BinaryIcosahedral", "2I")]
    [InlineData("W(B17)", "W(B17)")]
    [InlineData("C 5", "C5")]
    public void NameResolvesToCanonicalEntry(string name, string canonical)
    {
        Assert.True(GroupCatalogue.TryGetEntry(name, out var entry));
        Assert.Equal(canonical, entry.Name);
    }

    [Theory]
    [InlineData("oh", "Oh")]
    [InlineData("c2v", "C2v")]
    [InlineData("w(e6)", "W(E6)")]
    [InlineData("sym(4)", "S4")]
    [InlineData("klein168", "PSL(2,7)")]
    public void NameResolvesIgnoringCaseWhenUnique(string name, string canonical)
    {
        Assert.Equal(canonical, GroupCatalogue.GetEntry(name).Name);
    }

    [Theory]
    [InlineData("NoSuchGroup", "Unknown group name")]
    [InlineData("C0", "accepts n from 1")]
    [InlineData("W(A99)", "accepts n from 1")]
    [InlineData("S1000", "accepts n from 1")]
    public void UnknownNameIsRejectedWithReason(string name, string messagePart)
    {
        Assert.False(GroupCatalogue.TryGet(name, out _));
        var error = Assert.Throws<ArgumentException>(() => GroupCatalogue.GetEntry(name));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClashingSchoenfliesSymbolsKeepTheirPlaneMeaning()
    {
        // C4 and D4 name the plane groups, S4 the symmetric group; the point groups are qualified.
        Assert.Equal(2, GroupCatalogue.GetEntry("C4").Dimension);
        Assert.Equal(2, GroupCatalogue.GetEntry("D4").Dimension);
        Assert.Equal(4, GroupCatalogue.GetEntry("S4").Dimension);
        Assert.Equal(3, GroupCatalogue.GetEntry("PG(C4)").Dimension);
        Assert.Equal(3, GroupCatalogue.GetEntry("PG(D4)").Dimension);
        Assert.Equal(3, GroupCatalogue.GetEntry("PG(S4)").Dimension);
    }

    [Fact]
    public void ListsThirtyTwoPointGroups()
    {
        Assert.Equal(32, GroupCatalogue.Entries.Count(e => e.Family == GroupFamily.CrystallographicPointGroup));
    }

    [Fact]
    public void FamilyMembersBeyondTheListResolve()
    {
        var entry = GroupCatalogue.GetEntry("C17");
        Assert.Equal(FieldSpec.Parse("Q(zeta_68)"), entry.Field);
        Assert.Equal(17, (int)entry.Order!.Value);
        Assert.Equal(9, GroupCatalogue.GetEntry("S9").Dimension);
        Assert.Equal(12, GroupCatalogue.GetEntry("W(D12)").Dimension);
    }

    [Theory]
    [InlineData("C1", "Q")]
    [InlineData("C3", "Q")]
    [InlineData("C6", "Q")]
    [InlineData("C5", "Q(zeta_20)")]
    [InlineData("C8", "Q(zeta_8)")]
    [InlineData("C12", "Q(zeta_12)")]
    [InlineData("W(H3)", "Q(zeta_5)")]
    [InlineData("W(G2)", "Q")]
    [InlineData("W(I2(6))", "Q")]
    [InlineData("W(I2(8))", "Q(zeta_8)")]
    [InlineData("2I", "Q(zeta_20)")]
    [InlineData("Heis(2)", "Q")]
    public void EntryStatesItsField(string name, string field)
    {
        Assert.Equal(FieldSpec.Parse(field), GroupCatalogue.GetEntry(name).Field);
    }

    /// <summary>Checks that generators parse, are invertible and are printed in the field's canonical form.</summary>
    private sealed class GeneratorCheck(GroupDefinition definition) : CatalogueTestSupport.IGeneratorFunction<bool>
    {
        public bool Run<T>(Field<T> field, IReadOnlyList<Matrix<T>> generators)
            where T : struct, IFieldElement<T>
        {
            foreach (var (generator, text) in generators.Zip(definition.Generators))
            {
                Assert.True(generator.IsSquare);
                Assert.Equal(definition.Dimension, generator.RowCount);
                Assert.False(generator.Determinant().IsZero);
                for (int i = 0; i < generator.RowCount; i++)
                {
                    for (int j = 0; j < generator.ColumnCount; j++)
                    {
                        Assert.Equal(field.Format(generator[i, j]), text[i][j]);
                    }
                }
            }

            return true;
        }
    }
}
