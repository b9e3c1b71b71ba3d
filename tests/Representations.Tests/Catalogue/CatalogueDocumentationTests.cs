using InvTheory.Representations.Catalogue;

namespace InvTheory.Representations.Tests.Catalogue;

/// <summary>Keeps the catalogue section of docs/groups.md in step with the code.</summary>
public sealed class CatalogueDocumentationTests
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "groups.md")));

    [Fact]
    public void EveryFixedEntryIsDocumented()
    {
        var familyNames = GroupCatalogue.Families
            .SelectMany(f => f.Listed.Select(n => CatalogueFamilyPattern.Instantiate(f.Templates[0], n)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entry in GroupCatalogue.Entries.Where(e => !familyNames.Contains(e.Name)))
        {
            Assert.Contains($"| `{entry.Name}` |", Page.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryFamilyIsDocumented()
    {
        foreach (var family in GroupCatalogue.Families)
        {
            Assert.Contains($"`{family.Templates[0]}`", Page.Value, StringComparison.Ordinal);
            Assert.Contains($"| {family.Minimum}..{family.Maximum} |", Page.Value, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InvTheory.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing InvTheory.sln was found above {AppContext.BaseDirectory}.");
    }
}
