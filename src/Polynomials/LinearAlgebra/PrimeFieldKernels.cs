using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// Elimination over GF(p) for p below 2^31 on raw residues, which avoids the per-operation modulus checks of <see cref="ModInt"/>.
/// </summary>
internal static class PrimeFieldKernels
{
    /// <summary>Whether the fast kernels apply to matrices over <paramref name="field"/>.</summary>
    public static bool Applies<T>(Field<T> field)
        where T : struct, IFieldElement<T>
        => field is PrimeField { Prime: < WordPrime.Limit };

    public static ReducedRowEchelonForm<ModInt> ReducedRowEchelon(Matrix<ModInt> a, CancellationToken ct)
    {
        var field = (PrimeField)a.Field;
        var residues = ToResidues(a);
        var pivots = ModularElimination.ReduceInPlace(residues, a.RowCount, a.ColumnCount, WordPrime.Create(field.Prime), ct);
        var entries = new ModInt[residues.Length];
        for (int k = 0; k < entries.Length; k++)
        {
            entries[k] = field.FromResidue(residues[k]);
        }

        return new ReducedRowEchelonForm<ModInt>(new Matrix<ModInt>(field, a.RowCount, a.ColumnCount, entries), pivots.AsReadOnly());
    }

    public static ModInt Determinant(Matrix<ModInt> a, CancellationToken ct)
    {
        var field = (PrimeField)a.Field;
        return field.FromResidue(ModularElimination.DeterminantInPlace(ToResidues(a), a.RowCount, WordPrime.Create(field.Prime), ct));
    }

    private static ulong[] ToResidues(Matrix<ModInt> a)
    {
        var entries = a.RowMajorEntries;
        var residues = new ulong[entries.Length];
        for (int k = 0; k < residues.Length; k++)
        {
            // The field-independent zero and one (modulus 0) have residues 0 and 1 in every GF(p).
            residues[k] = entries[k].Value;
        }

        return residues;
    }
}
