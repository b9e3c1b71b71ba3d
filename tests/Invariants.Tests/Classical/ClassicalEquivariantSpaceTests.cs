using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Representations.Classical;

namespace InvTheory.Invariants.Tests.Classical;

public sealed class ClassicalEquivariantSpaceTests
{
    public static TheoryData<string, string, string, int, int> Dimensions() => new()
    {
        // Linear maps (degree 1) between tensor representations, the counts EMLP reports [FWW21, Sec. 7].
        // Schur's lemma: V is absolutely irreducible for O(3) and SO(3), so Hom(V, V) is spanned by the identity.
        { "O(3)", "T1", "T1", 1, 1 },
        { "SO(3)", "T1", "T1", 1, 1 },
        // V (x) V = 1 + Lambda^2 V + Sym^2_0 V, three distinct irreducibles of O(3) (and of SO(3)).
        { "O(3)", "T2", "T2", 1, 3 },
        { "SO(3)", "T2", "T2", 1, 3 },
        // T2 -> T1: the contraction with the Levi-Civita symbol, T -> eps_ijk T_jk; it changes sign under a reflection.
        { "SO(3)", "T2", "T1", 1, 1 },
        { "O(3)", "T2", "T1", 1, 0 },
        // Invariants of T4 and T6: SO(3) invariant tensors of rank 4 and 6 are spanned by products of deltas (3 and 15
        // pairings, independent in dimension 3 for rank 4, and for rank 6 a basis of dimension 15 = Riordan/Motzkin count).
        { "SO(3)", "T4", "T0", 1, 3 },
        { "SO(3)", "T6", "T0", 1, 15 },
        // SO(2): the weight of e_1 +- i e_2 is +-1; invariants of T_k count the sign sequences with sum 0: C(4,2) = 6 and C(6,3) = 20.
        { "SO(2)", "T4", "T0", 1, 6 },
        { "SO(2)", "T6", "T0", 1, 20 },
        // Lorentz group O(1,3): V (x) V again splits into three distinct irreducibles.
        { "O(1,3)", "T2", "T2", 1, 3 },
        // Polynomial degrees 2 and 3 from the first fundamental theorem [Wey39]: invariants of vectors are polynomials in
        // the inner products, plus brackets for SO(d).
        { "O(3)", "T1", "T0", 2, 1 },
        { "O(3)", "T1", "T0", 3, 0 },
        { "O(3)", "2*T1", "T0", 2, 3 },
        { "O(3)", "3*T1", "T0", 3, 0 },
        { "SO(3)", "3*T1", "T0", 3, 1 },
        { "O(3)", "T1", "T1", 3, 1 },
        { "SO(3)", "2*T1", "T1", 2, 1 },
        { "O(3)", "2*T1", "T1", 2, 0 },
        { "O(3)", "T1+pseudovector", "T1", 2, 1 },
        { "O(1,3)", "T1", "T0", 2, 1 },
        { "O(1,3)", "2*T1", "T0", 2, 3 },
    };

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void DimensionsMatchRepresentationTheory(string group, string input, string output, int degree, int expected)
    {
        var space = new ClassicalEquivariantSpace(ClassicalGroup.Parse(group), RepresentationText.ParseSummands(input), RepresentationText.Parse(output));
        var basis = space.OfDegree(degree);
        Assert.Equal(expected, basis.Count);
        Assert.All(basis, f => Assert.All(space.Constraints, c => Assert.True(c.IsSatisfiedBy(f), $"{f} fails {c.Name}")));
    }

    [Fact]
    public void CrossProductIsTheSO3EquivariantOfTwoVectors()
    {
        var space = new ClassicalEquivariantSpace(ClassicalGroup.Parse("SO(3)"), RepresentationText.ParseSummands("2*T1"), RepresentationText.Parse("T1"));
        var f = Assert.Single(space.OfDegree(2));

        // u x v with u = (x1, x2, x3), v = (x4, x5, x6), up to the canonical scaling (leading coefficient 1).
        var ring = space.Ring;
        var cross = new PolynomialMap<Polynomials.Scalars.Rational>(ring, new[] { "x2*x6 - x3*x5", "x3*x4 - x1*x6", "x1*x5 - x2*x4" }.Select(ring.Parse));
        var scale = f.Components.First(c => !c.IsZero).LeadingCoefficient / cross.Components.First(c => !c.IsZero).LeadingCoefficient;
        Assert.Equal(scale * cross, f);
    }
}
