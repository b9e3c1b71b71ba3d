using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Polynomials.Tests.IntegerMatrices;

public sealed class HermiteNormalFormTests
{
    public static TheoryData<string, string> KnownForms => new()
    {
        // Published wrong answer elsewhere dropped to rank 1. By hand: column 1 has the pivot 1 in row 1; rows 2-3
        // give gcd(8, 5) = 1 in column 2; reducing 12 modulo 1 leaves 0. Rank 2 is kept. GAP 4
        // HermiteNormalFormIntegerMat agrees.
        { "[[1,12],[0,8],[0,5]]", "[[1,0],[0,1],[0,0]]" },
        // GAP 4 HermiteNormalFormIntegerMat; the last column has no pivot, so its entries are not reduced.
        { "[[2,3,6,2],[5,6,1,6],[8,3,1,1]]", "[[1,0,50,-11],[0,3,28,-2],[0,0,61,-13]]" },
        // GAP 4 HermiteNormalFormIntegerMat (rank 3 in 4 rows).
        { "[[0,0,3],[0,2,5],[4,1,7],[6,9,2]]", "[[2,0,0],[0,1,0],[0,0,1],[0,0,0]]" },
        // GAP 4 HermiteNormalFormIntegerMat; det = -90 = -(1*2*45).
        { "[[3,1,4],[1,5,9],[2,6,5]]", "[[1,1,41],[0,2,29],[0,0,45]]" },
        // Rank 1: all rows are multiples of [3,2,1]. GAP 4 agrees.
        { "[[6,4,2],[3,2,1],[9,6,3]]", "[[3,2,1],[0,0,0],[0,0,0]]" },
        // A negative pivot is negated. GAP 4 agrees.
        { "[[-4,6]]", "[[4,-6]]" },
        // Empty and zero matrices are their own Hermite forms.
        { "[]", "[]" },
        { "[[0,0],[0,0]]", "[[0,0],[0,0]]" },
    };

    [Theory]
    [MemberData(nameof(KnownForms))]
    public void FormMatchesKnownValue(string matrix, string expected)
    {
        var a = IntegerMatrix.Parse(matrix);
        var decomposition = HermiteNormalForm.Decompose(a);
        Assert.Equal(IntegerMatrix.Parse(expected), decomposition.H);
        Assert.Equal(a.Rank(), decomposition.Rank);
        Assert.All(HermiteNormalForm.Verify(a, decomposition).Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Fact]
    public void RegressionKeepsFullRank()
    {
        var decomposition = HermiteNormalForm.Decompose(IntegerMatrix.Parse("[[1,12],[0,8],[0,5]]"));
        Assert.Equal(2, decomposition.Rank);
    }

    [Fact]
    public void VerifyRejectsUnreducedEntryAbovePivot()
    {
        // [[1,3],[0,2]] spans the same lattice as [[1,1],[0,2]] but 3 is not in [0, 2).
        var a = IntegerMatrix.Parse("[[1,3],[0,2]]");
        var verification = HermiteNormalForm.Verify(a, new HermiteDecomposition(a, IntegerMatrix.Identity(2)));
        Assert.True(verification.Checks.Single(c => c.Name == "H = U*A").Passed);
        Assert.False(verification.Checks.Single(c => c.Name == "H in Hermite form").Passed);
    }

    [Fact]
    public void VerifyRejectsWrongTransform()
    {
        var a = IntegerMatrix.Parse("[[1,12],[0,8],[0,5]]");
        var (h, _) = HermiteNormalForm.Decompose(a);
        var verification = HermiteNormalForm.Verify(a, new HermiteDecomposition(h, IntegerMatrix.Identity(3)));
        Assert.False(verification.Checks.Single(c => c.Name == "H = U*A").Passed);
    }

    [Property(MaxTest = 100)]
    public Property DecompositionOfRandomMatrixVerifies() =>
        Prop.ForAll(MatrixGenerators.AnyShape(5, 20).ToArbitrary(), a =>
        {
            var decomposition = HermiteNormalForm.Decompose(a);
            return decomposition.U * a == decomposition.H
                && BigInteger.Abs(decomposition.U.Determinant()).IsOne
                && HermiteNormalForm.IsHermiteForm(decomposition.H)
                && decomposition.Rank == a.Rank()
                && HermiteNormalForm.Verify(a, decomposition).AllPassed;
        });

    [Property(MaxTest = 100)]
    public Property FormIsInvariantUnderUnimodularRowTransform()
    {
        var cases =
            from a in MatrixGenerators.AnyShape(5, 20)
            from u in MatrixGenerators.Unimodular(a.RowCount)
            select (a, u);
        return Prop.ForAll(cases.ToArbitrary(), c => HermiteNormalForm.Compute(c.u * c.a) == HermiteNormalForm.Compute(c.a));
    }

    [Property(MaxTest = 100)]
    public Property FormIsIdempotent() =>
        Prop.ForAll(MatrixGenerators.AnyShape(5, 20).ToArbitrary(), a =>
        {
            var h = HermiteNormalForm.Compute(a);
            return HermiteNormalForm.Compute(h) == h;
        });
}
