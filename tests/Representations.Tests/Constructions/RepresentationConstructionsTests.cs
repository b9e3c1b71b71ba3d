using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Constructions;

public sealed class RepresentationConstructionsTests
{
    private static readonly RationalField Q = RationalField.Instance;

    [Theory]
    [InlineData("C3", 2, 2, 6)]
    [InlineData("D4", 2, 3, 48)]
    [InlineData("S3", 3, 2, 12)]
    [InlineData("C1", 2, 4, 24)]
    public void ParticlesGenerateProductWithSymmetricGroup(string name, int dimension, int particles, int order)
    {
        // |G x S_n| = |G| n!: C3 x S2 = 6, D4 x S3 = 48, S3 x S2 = 12, S4 alone = 24.
        var generators = ConstructionTestSupport.RationalGenerators(name);
        var result = RepresentationConstructions.Particles(Q, dimension, generators, particles);
        Assert.All(result, g => Assert.Equal(dimension * particles, g.RowCount));
        Assert.Equal(order, ConstructionTestSupport.Order(Q, result, dimension * particles));
    }

    [Fact]
    public void DirectSumOfDifferentLengthsIsRejected()
    {
        var s4 = ConstructionTestSupport.RationalGenerators("S4");
        var c3 = ConstructionTestSupport.RationalGenerators("C3");
        var error = Assert.Throws<ArgumentException>(() => RepresentationConstructions.DirectSum(s4, c3));
        Assert.Contains("2 and 1 generators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TensorSquareOfS4HasOrder24()
    {
        // The permutation representation is faithful, so V * V is too.
        var s4 = ConstructionTestSupport.RationalGenerators("S4");
        Assert.Equal(24, ConstructionTestSupport.Order(Q, RepresentationConstructions.TensorProduct(s4, s4), 16));
        Assert.Equal(24, ConstructionTestSupport.Order(Q, RepresentationConstructions.DirectSum(s4, s4), 8));
    }

    [Fact]
    public void SymmetricSquareOfOhHasKernelMinusOne()
    {
        // -I acts trivially on quadratic monomials, so Oh acts on Sym2 through Oh/{+-1} of order 24.
        var oh = ConstructionTestSupport.RationalGenerators("Oh");
        Assert.Equal(24, ConstructionTestSupport.Order(Q, RepresentationConstructions.SymmetricPower(oh, 2), 6));
        Assert.Equal(48, ConstructionTestSupport.Order(Q, RepresentationConstructions.Dual(oh), 3));
        Assert.Equal(24, ConstructionTestSupport.Order(Q, RepresentationConstructions.ExteriorPower(oh, 2), 3));
    }

    [Fact]
    public void RestrictionByWordsGivesSubgroups()
    {
        // S4 = <(1 2), (1 2 3 4)>: the 4-cycle generates C4; (1 2) and (1 3)(2 4) generate a Sylow 2-subgroup
        // (dihedral of order 8, containing (1 2), (3 4) and (1 3)(2 4)); (1 3)(2 4) alone has order 2.
        var s4 = ConstructionTestSupport.RationalGenerators("S4");
        var cyclic = RepresentationConstructions.RestrictByWords(Q, 4, s4, [[2]]);
        var sylow = RepresentationConstructions.RestrictByWords(Q, 4, s4, [[1], [2, 2]]);
        var involution = RepresentationConstructions.RestrictByWords(Q, 4, s4, [[2, 2]]);
        Assert.Equal(4, ConstructionTestSupport.Order(Q, cyclic, 4));
        Assert.Equal(8, ConstructionTestSupport.Order(Q, sylow, 4));
        Assert.Equal(2, ConstructionTestSupport.Order(Q, involution, 4));
        Assert.Equal(Matrix.Identity(Q, 4), RepresentationConstructions.EvaluateWord(Q, 4, s4, [2, -2]));
        Assert.Throws<ArgumentException>(() => RepresentationConstructions.EvaluateWord(Q, 4, s4, [3]));
        Assert.Throws<ArgumentException>(() => RepresentationConstructions.EvaluateWord(Q, 4, s4, [0]));
    }

    [Fact]
    public void ChangeFieldKeepsTheGroup()
    {
        var d4 = ConstructionTestSupport.RationalGenerators("D4");
        var field = CyclotomicField.Get(4);
        var embedded = RepresentationConstructions.ChangeField(d4, field);
        Assert.Equal(8, ConstructionTestSupport.Order(field, embedded, 2));
        Assert.Equal(d4, RepresentationConstructions.TryToRationals(embedded));

        var q8 = ConstructionTestSupport.CyclotomicGenerators("Q8");
        var larger = CyclotomicField.Get(8);
        var lifted = RepresentationConstructions.ChangeField(q8, larger);
        Assert.All(lifted, g => Assert.Same(larger, g.Field));
        Assert.Equal(8, ConstructionTestSupport.Order(larger, lifted, 2));
        Assert.Null(RepresentationConstructions.TryToRationals(q8));
        Assert.Throws<ArgumentException>(() => RepresentationConstructions.ChangeField(q8, CyclotomicField.Get(6)));
    }
}
