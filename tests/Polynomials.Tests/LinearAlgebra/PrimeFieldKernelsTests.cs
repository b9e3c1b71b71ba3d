using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.Tests.LinearAlgebra.MatrixTestData;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

public sealed class PrimeFieldKernelsTests
{
    [Property(MaxTest = 100)]
    public Property RawKernelMatchesGenericElimination() =>
        Prop.ForAll(
            Gen.Elements(2UL, 3UL, 7UL, 32003UL, 2147483647UL)
                .SelectMany(p => Shape(1, 7).SelectMany(s => MatrixOf(PrimeField.Get(p), s.Rows, s.Columns, SparseModularEntry(p))))
                .ToArbitrary(),
            a =>
            {
                // The generic Gauss-Jordan kernel on ModInt values is the independent second algorithm.
                var entries = a.RowMajorEntries.ToArray();
                var pivots = GaussianElimination.ReduceInPlace(entries, a.RowCount, a.ColumnCount, a.Field.One, default);
                var fast = a.ReducedRowEchelon();
                return fast.Reduced == Matrix.FromRowMajor(a.Field, a.RowCount, a.ColumnCount, entries)
                    && fast.PivotColumns.SequenceEqual(pivots);
            });

    [Property(MaxTest = 100)]
    public Property RawDeterminantMatchesGenericElimination() =>
        Prop.ForAll(
            Gen.Elements(2UL, 5UL, 32003UL, 2147483629UL)
                .SelectMany(p => Gen.Choose(0, 6).SelectMany(n => MatrixOf(PrimeField.Get(p), n, n, SparseModularEntry(p))))
                .ToArbitrary(),
            a => a.Determinant() == GaussianElimination.DeterminantInPlace(a.RowMajorEntries.ToArray(), a.RowCount, a.Field.One, default));

    [Fact]
    public void FieldIndependentConstantsInRawKernel()
    {
        // ModInt's default zero and MultiplicativeIdentity carry no prime; the raw kernel must read them as 0 and 1.
        var field = PrimeField.Get(11);
        var a = Matrix.FromRowMajor(field, 2, 2, [ModInt.MultiplicativeIdentity, default, field.FromInteger(3), ModInt.MultiplicativeIdentity]);
        Assert.Equal(field.One, a.Determinant());
        Assert.True(a.ReducedRowEchelon().Reduced.IsIdentity);
        Assert.True((a * a.Inverse()).IsIdentity);
    }

    // Entries that are zero half of the time, so that singular matrices and zero columns appear often.
    private static Gen<ModInt> SparseModularEntry(ulong p) =>
        Gen.Frequency((1, Gen.Constant(PrimeField.Get(p).Zero)), (1, ModularEntry(p)));
}
