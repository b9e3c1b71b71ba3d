namespace InvTheory.Representations.Catalogue;

/// <summary>Klein's simple group of order 168 in its 3-dimensional representation over Q(zeta_7).</summary>
/// <remarks>
/// Algorithm: Klein's generators [Elk99], with z = exp(2 pi i/7): the diagonal matrix
/// diag(z^4, z^2, z) of order 7, the cyclic permutation (x, y, z) -> (y, z, x) of order 3 and the involution
/// (sqrt(-7)/7) [[z - z^6, z^2 - z^5, z^4 - z^3], [z^2 - z^5, z^4 - z^3, z - z^6], [z^4 - z^3, z - z^6, z^2 - z^5]],
/// where sqrt(-7) = z + z^2 + z^4 - z^3 - z^5 - z^6 is the quadratic Gauss sum. All three preserve the Klein quartic
/// x^3 y + y^3 z + z^3 x.
/// </remarks>
internal static class KleinGroup
{
    public static CatalogueEntry Entry() => new(
        "PSL(2,7)",
        ["Klein168", "Klein", "GL(3,2)", "L2(7)", "L3(2)"],
        GroupFamily.Exceptional,
        3,
        7,
        "Klein's simple group of order 168 (PSL(2,7), isomorphic to GL(3,2)) in its 3-dimensional irreducible representation over Q(zeta_7), "
        + "the symmetry group of the Klein quartic x^3 y + y^3 z + z^3 x.",
        168,
        "|PSL(2,7)| = 7 (7^2 - 1)/2",
        Generators);

    private static IReadOnlyList<CatalogueMatrix> Generators()
    {
        CatalogueScalar Z(int k) => CatalogueScalar.Zeta(7, k);
        var sqrtMinusSeven = Z(1) + Z(2) + Z(4) - Z(3) - Z(5) - Z(6);
        var a = Z(1) - Z(6);
        var b = Z(2) - Z(5);
        var c = Z(4) - Z(3);
        var involution = sqrtMinusSeven.Scale(InvTheory.Polynomials.Scalars.Rational.Create(1, 7))
            * CatalogueMatrix.FromRows([a, b, c], [b, c, a], [c, a, b]);
        return
        [
            CatalogueMatrix.Diagonal(Z(4), Z(2), Z(1)),
            CatalogueMatrix.FromRows([0, 1, 0], [0, 0, 1], [1, 0, 0]),
            involution,
        ];
    }
}
