namespace InvTheory.Invariants.Computation;

/// <summary>
/// A growing reduced row echelon form over GF(p), p &lt; 2^31, on raw residues with dense pivot rows: the kernel of
/// the multi-modular null-space computations.
/// </summary>
/// <remarks>
/// Algorithm: incremental Gauss-Jordan elimination [Coh93, Sec. 2.2]. The pivot of a row is its first nonzero
/// column; every pivot row is 1 at its pivot and 0 at the other pivots, so the rows are the reduced row echelon form
/// of their span whatever the insertion order. Inserting a row costs O(k) per pivot it meets, k the column count.
/// NOTE: pivot rows are dense, so memory grows to 8 k^2 bytes at full rank (about 300 MB for the 6188 monomials of
/// degree 12 in 6 variables); much larger fixed-space problems need a sparse kernel.
/// </remarks>
internal sealed class ModularRowEchelon
{
    private readonly ResidueField _field;
    private readonly ulong[]?[] _rowOfPivot;
    private readonly ulong[] _scratch;

    public ModularRowEchelon(ResidueField field, int columnCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        _field = field;
        ColumnCount = columnCount;
        _rowOfPivot = new ulong[]?[columnCount];
        _scratch = new ulong[columnCount];
    }

    public int ColumnCount { get; }

    public int Rank { get; private set; }

    /// <summary>Returns whether <paramref name="column"/> is a pivot column.</summary>
    public bool IsPivot(int column) => _rowOfPivot[column] is not null;

    /// <summary>Returns the pivot row of <paramref name="column"/> (dense, length <see cref="ColumnCount"/>), or null.</summary>
    public ulong[]? RowOfPivot(int column) => _rowOfPivot[column];

    /// <summary>
    /// Reduces the sparse row (columns <paramref name="columns"/>, residues <paramref name="values"/>) and adds it when it
    /// is independent of the rows so far; returns whether it was added.
    /// </summary>
    public bool Insert(ReadOnlySpan<int> columns, ReadOnlySpan<ulong> values)
    {
        if (columns.Length == 0)
        {
            return false;
        }

        var row = _scratch;
        int start = int.MaxValue;
        for (int t = 0; t < columns.Length; t++)
        {
            row[columns[t]] = values[t];
            start = Math.Min(start, columns[t]);
        }

        ulong p = _field.Prime;
        int lead = -1;
        for (int c = start; c < row.Length; c++)
        {
            ulong x = row[c];
            if (x == 0)
            {
                continue;
            }

            var pivotRow = _rowOfPivot[c];
            if (pivotRow is null)
            {
                if (lead < 0)
                {
                    lead = c;
                }

                continue;
            }

            // row -= x * pivotRow; the pivot row is zero before c and 1 at c.
            ulong f = p - x;
            row[c] = 0;
            for (int j = c + 1; j < row.Length; j++)
            {
                ulong y = pivotRow[j];
                if (y != 0)
                {
                    row[j] = _field.Reduce(row[j] + (f * y));
                }
            }
        }

        if (lead < 0)
        {
            return false;
        }

        var added = new ulong[row.Length];
        ulong inverse = _field.Inverse(row[lead]);
        for (int j = lead; j < row.Length; j++)
        {
            if (row[j] != 0)
            {
                added[j] = _field.Multiply(row[j], inverse);
                row[j] = 0;
            }
        }

        // Clear the new pivot column from the earlier pivot rows; later pivot rows are zero there already.
        for (int q = 0; q < lead; q++)
        {
            var other = _rowOfPivot[q];
            if (other is null || other[lead] == 0)
            {
                continue;
            }

            ulong f = p - other[lead];
            other[lead] = 0;
            for (int j = lead + 1; j < added.Length; j++)
            {
                ulong y = added[j];
                if (y != 0)
                {
                    other[j] = _field.Reduce(other[j] + (f * y));
                }
            }
        }

        _rowOfPivot[lead] = added;
        Rank++;
        return true;
    }
}
