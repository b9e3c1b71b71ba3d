using System.Numerics;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Representations.Tests.Catalogue;

/// <summary>
/// Catalogue groups whose representation is isomorphic to one of the shared reference groups: their order and Molien
/// series must equal the values Singular, Macaulay2 and GAP computed for the reference group. The Molien series
/// depends only on the character, so a different basis or generating set gives the same coefficients.
/// </summary>
public sealed class CatalogueReferenceTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        // Rotations of the plane and dihedral groups (any basis).
        { "C2", "c2_neg" }, { "C3", "c3_rot" }, { "C4", "c4_rot" },
        { "D3", "dihedral3" }, { "D4", "dihedral4" }, { "D5", "dihedral5" }, { "D6", "dihedral6" }, { "D8", "dihedral8" },
        { "W(I2(5))", "dihedral5" }, { "W(I2(8))", "dihedral8" }, { "W(G2)", "dihedral6" },

        // Permutation representations.
        { "S3", "sym3_perm" }, { "S4", "sym4_perm" }, { "S5", "sym5_perm" }, { "S6", "sym6_perm" },

        // Point groups: 222 (rotations by pi about the axes), 4/m (C4 x C2 of the M2 documentation), T, O, Oh.
        { "PG(D2)", "klein4_so3" }, { "C4h", "m2_c4xc2" }, { "T", "tetrahedral_rot" }, { "O", "octahedral_rot" }, { "Oh", "octahedral_full" },

        // Reflection representations: W(B3) = Oh = signed permutations, W(A4) = S5 on the sum-zero hyperplane.
        { "W(B3)", "weyl_B3" }, { "B3", "weyl_B3" }, { "Oh", "weyl_B3" },
        { "W(A4)", "weyl_A4" }, { "S5_std", "weyl_A4" },
        { "W(B4)", "weyl_B4" }, { "B4", "weyl_B4" }, { "W(F4)", "weyl_F4" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void MolienSeriesMatchesReference(string catalogueName, string referenceName)
    {
        var expected = ReferenceData.For(referenceName);
        var (order, molien, _) = ReferenceGroups.Compute(GroupCatalogue.Get(catalogueName), 30);

        Assert.Equal(new BigInteger(expected.Order), order);
        Assert.Equal(expected.MolienCoefficients.Select(c => new BigInteger(c)), molien);
    }
}
