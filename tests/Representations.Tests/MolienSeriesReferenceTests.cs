using System.Numerics;

namespace InvTheory.Representations.Tests;

/// <summary>
/// Every group in the shared reference set: the order and the Molien coefficients of t^0..t^30, compared with
/// the values that Singular 4.3.1, Macaulay2 1.21 and GAP 4.12 computed (expected.json).
/// </summary>
public sealed class MolienSeriesReferenceTests
{
    public static TheoryData<string> Groups => ReferenceData.GroupNames();

    [Theory]
    [MemberData(nameof(Groups))]
    public void OrderAndMolienMatchReference(string name)
    {
        var definition = GroupFile.Read(ReferenceData.GroupFile(name));
        var expected = ReferenceData.For(definition.Name);

        var (order, molien, _) = ReferenceGroups.Compute(definition, 30);

        Assert.Equal(new BigInteger(expected.Order), order);
        Assert.Equal(expected.MolienCoefficients.Select(c => new BigInteger(c)), molien);
    }

    [Fact]
    public void ReferenceSetIsNotEmpty()
    {
        // Guards against a silently empty theory: the reference set has more than twenty groups.
        Assert.True(ReferenceData.GroupFiles.Count >= 20, $"only {ReferenceData.GroupFiles.Count} reference groups found in {ReferenceData.Path}");
    }
}
