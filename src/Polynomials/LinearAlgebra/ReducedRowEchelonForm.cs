using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// The reduced row echelon form R of a matrix A, with the pivot columns of R.
/// </summary>
/// <remarks>
/// R has the shape of A: its first <see cref="Rank"/> rows are nonzero, each starts with a 1 in its
/// pivot column, and every pivot column is zero outside its pivot row; the remaining rows are zero.
/// R is unique, so every algorithm returns the same result.
/// </remarks>
public sealed class ReducedRowEchelonForm<T>
    where T : struct, IFieldElement<T>
{
    internal ReducedRowEchelonForm(Matrix<T> reduced, IReadOnlyList<int> pivotColumns)
    {
        Reduced = reduced;
        PivotColumns = pivotColumns;
    }

    /// <summary>The reduced row echelon matrix R (same shape as the input).</summary>
    public Matrix<T> Reduced { get; }

    /// <summary>The pivot columns of R in increasing order; their number is the rank.</summary>
    public IReadOnlyList<int> PivotColumns { get; }

    /// <summary>The rank, the number of pivots.</summary>
    public int Rank => PivotColumns.Count;

    /// <summary>Deconstructs into the reduced matrix and its pivot columns.</summary>
    public void Deconstruct(out Matrix<T> reduced, out IReadOnlyList<int> pivotColumns)
    {
        reduced = Reduced;
        pivotColumns = PivotColumns;
    }

    /// <summary>
    /// Returns the standard basis of the null space {x : A x = 0}: one vector per non-pivot column f,
    /// with x[f] = 1, x[p_k] = -R[k, f] at the pivot columns and 0 elsewhere, in increasing order of f.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<T>> NullSpace()
    {
        var field = Reduced.Field;
        int columns = Reduced.ColumnCount;
        var isPivot = new bool[columns];
        foreach (int p in PivotColumns)
        {
            isPivot[p] = true;
        }

        var basis = new List<IReadOnlyList<T>>(columns - Rank);
        for (int f = 0; f < columns; f++)
        {
            if (isPivot[f])
            {
                continue;
            }

            var vector = new T[columns];
            vector[f] = field.One;
            for (int k = 0; k < PivotColumns.Count; k++)
            {
                vector[PivotColumns[k]] = -Reduced[k, f];
            }

            basis.Add(Array.AsReadOnly(vector));
        }

        return basis.AsReadOnly();
    }
}
