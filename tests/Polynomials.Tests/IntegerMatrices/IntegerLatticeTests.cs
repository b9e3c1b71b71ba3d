using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.IntegerMatrices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.IntegerMatrices;

public sealed class IntegerLatticeTests
{
    [Fact]
    public void KernelOfSingleRowIsSaturated()
    {
        // The kernel of [2, 4] over Z is spanned by (2, -1); over Q by (1, -1/2), whose integer multiples miss
        // (2, -1) unless scaled. A basis of the integer kernel must generate (2, -1) itself.
        var basis = IntegerLattice.KernelBasis(IntegerMatrix.Parse("[[2,4]]"));
        Assert.Equal(1, basis.RowCount);
        Assert.Equal(new BigInteger(2), BigInteger.Abs(basis[0, 0]));
        Assert.Equal(BigInteger.One, BigInteger.Abs(basis[0, 1]));
    }

    [Fact]
    public void KernelOfEmptyRowMatrixIsIdentityLattice()
    {
        var basis = IntegerLattice.KernelBasis(IntegerMatrix.Zero(0, 3));
        Assert.Equal(3, basis.RowCount);
        Assert.True(BigInteger.Abs(basis.Determinant()).IsOne);
    }

    [Property(MaxTest = 100)]
    public Property KernelBasisIsSaturatedAndComplete() =>
        Prop.ForAll(MatrixGenerators.AnyShape(4, 9).ToArbitrary(), a =>
        {
            var basis = IntegerLattice.KernelBasis(a);
            bool inKernel = (a * basis.Transpose()).IsZero;
            bool rightCount = basis.RowCount == a.ColumnCount - a.Rank();

            // A full-rank sublattice of the kernel equals the whole integer kernel exactly when the gcd of its
            // maximal minors is 1, that is when every invariant factor is 1.
            bool saturated = SmithNormalForm.InvariantFactors(basis).All(f => f.IsOne) && basis.Rank() == basis.RowCount;
            return inKernel && rightCount && saturated;
        });

    [Fact]
    public void LllReducesTextbookBasis()
    {
        // Textbook example: the basis (1,1,1), (-1,0,2), (3,5,6) LLL-reduces (delta = 3/4) to (0,1,0), (1,0,1),
        // (-1,0,2), with squared norms 1, 2 and 5.
        var reduced = IntegerLattice.LllReduce(IntegerMatrix.Parse("[[1,1,1],[-1,0,2],[3,5,6]]"));
        var norms = Enumerable.Range(0, 3).Select(i => reduced.Row(i).Aggregate(BigInteger.Zero, (s, x) => s + (x * x))).Order().ToList();
        Assert.Equal(new BigInteger[] { 1, 2, 5 }, norms);
        Assert.Equal(HermiteNormalForm.Compute(IntegerMatrix.Parse("[[1,1,1],[-1,0,2],[3,5,6]]")), HermiteNormalForm.Compute(reduced));
    }

    [Fact]
    public void LllRejectsDependentRows() =>
        Assert.Throws<ArgumentException>(() => IntegerLattice.LllReduce(IntegerMatrix.Parse("[[1,2],[2,4]]")));

    [Property(MaxTest = 100)]
    public Property LllKeepsLatticeAndIsReduced()
    {
        var bases =
            from count in Gen.Choose(1, 4)
            from width in Gen.Choose(count, 5)
            from m in MatrixGenerators.Matrix(count, width, 30)
            where m.Rank() == count
            select m;
        return Prop.ForAll(bases.ToArbitrary(), basis =>
        {
            var reduced = IntegerLattice.LllReduce(basis);
            return HermiteNormalForm.Compute(reduced) == HermiteNormalForm.Compute(basis) && IsLllReduced(reduced);
        });
    }

    [Fact]
    public void NearestPlaneFindsCloseRepresentative()
    {
        // Lattice 5Z x 7Z: the reduction of (12, -9) keeps it in the same coset and in [-2.5, 2.5] x [-3.5, 3.5].
        var result = IntegerLattice.NearestPlaneReduce([12, -9], IntegerMatrix.Parse("[[5,0],[0,7]]"));
        Assert.Equal(new BigInteger[] { 2, -2 }, result);
    }

    private static bool IsLllReduced(IntegerMatrix basis)
    {
        int k = basis.RowCount;
        var stars = new List<Rational[]>();
        var norms = new List<Rational>();
        var mu = new Rational[k, k];
        for (int i = 0; i < k; i++)
        {
            var star = basis.Row(i).Select(x => (Rational)x).ToArray();
            for (int j = 0; j < i; j++)
            {
                mu[i, j] = Dot(basis.Row(i).Select(x => (Rational)x).ToArray(), stars[j]) / norms[j];
                for (int c = 0; c < star.Length; c++)
                {
                    star[c] -= mu[i, j] * stars[j][c];
                }
            }

            stars.Add(star);
            norms.Add(Dot(star, star));
        }

        var half = Rational.Create(1, 2);
        for (int i = 1; i < k; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (mu[i, j].Abs() > half)
                {
                    return false;
                }
            }

            if (norms[i] < (Rational.Create(3, 4) - (mu[i, i - 1] * mu[i, i - 1])) * norms[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static Rational Dot(Rational[] x, Rational[] y) => x.Zip(y, (a, b) => a * b).Aggregate(Rational.Zero, (s, t) => s + t);
}
