using InvTheory.Polynomials;

namespace InvTheory.Representations.Tests;

public sealed class GroupResolverTests
{
    [Fact]
    public void FilePathResolvesToTheFile()
    {
        var definition = GroupResolver.Resolve(ReferenceData.GroupFile("dihedral5"));
        Assert.Equal("dihedral5", definition.Name);
        Assert.Equal("Q(zeta_5)", definition.Field.Name);
    }

    [Fact]
    public void CatalogueNameResolves()
    {
        var definition = GroupResolver.Resolve("W(F4)");
        Assert.Equal(4, definition.Dimension);
        Assert.Equal(1152, (int)definition.Order!.Value);
    }

    [Fact]
    public void MissingFileIsReported()
    {
        var error = Assert.Throws<InvariantTheoryException>(() => GroupResolver.Resolve("no/such/group.json"));
        Assert.Contains("was not found", error.Message);
    }

    [Fact]
    public void UnknownNameIsReported()
    {
        var error = Assert.Throws<InvariantTheoryException>(() => GroupResolver.Resolve("NoSuchGroup"));
        Assert.Contains("no catalogue group has this name", error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
    }
}
