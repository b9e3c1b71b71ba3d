using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.Tests.LinearAlgebra.MatrixTestData;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

public sealed class IncrementalRowEchelonTests
{
    [Fact]
    public void DependentRowsAreRejected()
    {
        // (1,2,3), (4,5,6), (7,8,9): the third is 2 * second - first.
        var echelon = new IncrementalRowEchelon<Rational>(Q);
        Assert.True(echelon.TryInsert(Dense(1, 2, 3)));
        Assert.True(echelon.TryInsert(Dense(4, 5, 6)));
        Assert.False(echelon.TryInsert(Dense(7, 8, 9)));
        Assert.Equal(2, echelon.Rank);
        Assert.Equal([0, 1], echelon.PivotColumns);

        // The basis is the RREF of the span: (1, 0, -1), (0, 1, 2).
        Assert.Equal(new[] { Dense(1, 0, -1), Dense(0, 1, 2) }, echelon.ToReducedBasis());
        Assert.True(echelon.Contains(Dense(0, 0, 0)));
        Assert.False(echelon.Contains(Dense(0, 0, 1)));
        Assert.Equal(Dense(0, 0, 5), echelon.Reduce(Dense(1, 1, 6)));
    }

    [Fact]
    public void SparseColumnsFarApart()
    {
        var echelon = new IncrementalRowEchelon<Rational>(Q);
        var first = SparseVector.Create(new[] { Entry(1_000_000, 2), Entry(7, 1) });
        var second = SparseVector.Create(new[] { Entry(7, 3), Entry(5_000_000, 1) });
        Assert.True(echelon.TryInsert(first));
        Assert.True(echelon.TryInsert(second));
        Assert.Equal([7, 1_000_000], echelon.PivotColumns);
        Assert.False(echelon.TryInsert(first.AddScaled(second, 5)));
        Assert.True(echelon.Reduce(SparseVector.Create(new[] { Entry(3, 1) })).LeadingIndex == 3);
    }

    [Property(MaxTest = 100)]
    public Property RankMatchesDenseRank() =>
        Prop.ForAll(SmallRationalMatrix(7).ToArbitrary(), a =>
        {
            var echelon = new IncrementalRowEchelon<Rational>(Q);
            for (int i = 0; i < a.RowCount; i++)
            {
                echelon.TryInsert(SparseVector.FromDense(a.Row(i)));
            }

            // The basis must equal the nonzero rows of the dense RREF, which is unique.
            var rref = a.ReducedRowEchelon(LinearAlgebraAlgorithm.Direct);
            var expectedBasis = Enumerable.Range(0, rref.Rank).Select(k => SparseVector.FromDense(rref.Reduced.Row(k)));
            return echelon.Rank == rref.Rank
                && echelon.PivotColumns.SequenceEqual(rref.PivotColumns)
                && echelon.ToReducedBasis().SequenceEqual(expectedBasis);
        });

    [Property(MaxTest = 100)]
    public Property RankMatchesDenseRankOverPrimeFields() =>
        Prop.ForAll(
            // 2, 3 and 32003 use the raw-residue path, 2^62 - 57 the generic ModInt path.
            Gen.Elements(2UL, 3UL, 32003UL, 4611686018427387847UL)
                .SelectMany(p => Shape(1, 7).SelectMany(s => MatrixOf(PrimeField.Get(p), s.Rows, s.Columns, ModularEntry(p))))
                .ToArbitrary(),
            a =>
            {
                var echelon = new IncrementalRowEchelon<ModInt>(a.Field);
                int independent = 0;
                for (int i = 0; i < a.RowCount; i++)
                {
                    independent += echelon.TryInsert(SparseVector.FromDense(a.Row(i))) ? 1 : 0;
                }

                var rref = a.ReducedRowEchelon();
                var expectedBasis = Enumerable.Range(0, rref.Rank).Select(k => SparseVector.FromDense(rref.Reduced.Row(k)));
                return echelon.Rank == rref.Rank && independent == rref.Rank && echelon.ToReducedBasis().SequenceEqual(expectedBasis);
            });

    [Property(MaxTest = 100)]
    public Property ReduceGivesNormalForm() =>
        Prop.ForAll(
            SmallRationalMatrix(6).SelectMany(a => Gen.ArrayOf(SmallRational, a.ColumnCount).Select(x => (a, x))).ToArbitrary(),
            pair =>
            {
                var (a, x) = pair;
                var echelon = new IncrementalRowEchelon<Rational>(Q);
                for (int i = 0; i < a.RowCount; i++)
                {
                    echelon.TryInsert(SparseVector.FromDense(a.Row(i)));
                }

                // row - Reduce(row) lies in the span, and Reduce(row) vanishes at every pivot.
                var row = SparseVector.FromDense(x);
                var normal = echelon.Reduce(row);
                bool zeroAtPivots = echelon.PivotColumns.All(c => normal[c].IsZero);
                bool differenceInSpan = echelon.Contains(row - normal);
                // x lies in the row space of A exactly when appending it as a column to A^T keeps the rank.
                var column = Matrix.Create(Q, x.Select(v => (IReadOnlyList<Rational>)[v]).ToArray());
                bool containsMatchesRank = echelon.Contains(row) == (a.Transpose().AppendColumns(column).Rank() == a.Rank());
                return zeroAtPivots && differenceInSpan && containsMatchesRank;
            });

    private static SparseVector<Rational> Dense(params long[] values) => SparseVector.FromDense(values.Select(v => (Rational)v).ToArray());

    private static KeyValuePair<int, Rational> Entry(int column, long value) => new(column, value);
}
