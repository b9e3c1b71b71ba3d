using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// A growing set of sparse row vectors kept in reduced row echelon form: the basis of the span of every row
/// inserted so far. Built for systems with many columns and few nonzeros per row, such as the spaces of
/// invariants of one degree.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: incremental Gauss-Jordan elimination [Coh93, Sec. 2.2]. Every basis row has a pivot, its
/// first nonzero column, where it has value 1, and every basis row is zero at the pivots of the others.
/// So the basis is the reduced row echelon form of the span, whatever the order of insertion. Reducing a row
/// is one pass: for each pivot c where the row is nonzero, subtract row[c] times the basis row of c.
/// </para>
/// <para>
/// Reducing a row with k nonzeros at pivot columns costs the sum of the sizes of those k basis rows, plus
/// sorting the touched columns. Inserting an independent row also updates the basis rows that are nonzero
/// at its pivot. Instances are mutable and not thread-safe.
/// </para>
/// </remarks>
public sealed class IncrementalRowEchelon<T>
    where T : struct, IFieldElement<T>
{
    private readonly Dictionary<int, SparseVector<T>> _rowOfPivot = [];
    private readonly List<int> _touched = [];

    // Dense scratch space for Reduce: _accumulator[j] is live only when _stamp[j] == _generation.
    private T[] _accumulator = [];
    private int[] _stamp = [];
    private int _generation;
    private int _maxColumn = -1;

    /// <summary>Creates an empty echelon form over <paramref name="field"/>.</summary>
    public IncrementalRowEchelon(Field<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
    }

    /// <summary>The field of the entries.</summary>
    public Field<T> Field { get; }

    /// <summary>The dimension of the span of the inserted rows.</summary>
    public int Rank => _rowOfPivot.Count;

    /// <summary>The pivot columns, in increasing order.</summary>
    public IReadOnlyList<int> PivotColumns
    {
        get
        {
            var pivots = new int[_rowOfPivot.Count];
            _rowOfPivot.Keys.CopyTo(pivots, 0);
            Array.Sort(pivots);
            return Array.AsReadOnly(pivots);
        }
    }

    /// <summary>
    /// Returns the normal form of <paramref name="row"/> modulo the span: the unique vector that differs from the row
    /// by an element of the span and is zero at every pivot column. It is zero exactly when the row lies in the span.
    /// </summary>
    public SparseVector<T> Reduce(SparseVector<T> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var indices = row.IndexSpan;
        bool hitsPivot = false;
        foreach (int column in indices)
        {
            if (_rowOfPivot.ContainsKey(column))
            {
                hitsPivot = true;
                break;
            }
        }

        return hitsPivot ? ReduceCore(row) : row;
    }

    /// <summary>Whether <paramref name="row"/> lies in the span of the inserted rows.</summary>
    public bool Contains(SparseVector<T> row) => Reduce(row).IsZero;

    /// <summary>
    /// Reduces <paramref name="row"/> modulo the span and adds it to the basis when the result is nonzero.
    /// Returns whether the row was independent of the rows inserted before.
    /// </summary>
    /// <exception cref="ArgumentException">An entry of the row does not belong to <see cref="Field"/>.</exception>
    public bool TryInsert(SparseVector<T> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var value in row.ValueSpan)
        {
            if (!Field.Contains(value))
            {
                throw new ArgumentException($"IncrementalRowEchelon.TryInsert: the entry {value} does not belong to {Field.Name}.", nameof(row));
            }
        }

        var reduced = Reduce(row);
        if (reduced.IsZero)
        {
            return false;
        }

        // Normalize the pivot to 1, then clear the new pivot column from the other basis rows. Only rows with an
        // earlier pivot can be nonzero there, and subtracting a multiple of the new row keeps them zero at the other pivots.
        int pivot = reduced.LeadingIndex;
        var leading = reduced.ValueSpan[0];
        if (!leading.IsOne)
        {
            reduced = reduced.Scale(leading.Inverse());
        }

        if (_rowOfPivot.Count > 0)
        {
            List<KeyValuePair<int, SparseVector<T>>>? updates = null;
            foreach (var (otherPivot, basisRow) in _rowOfPivot)
            {
                if (otherPivot > pivot)
                {
                    continue;
                }

                var coefficient = basisRow[pivot];
                if (coefficient.IsZero)
                {
                    continue;
                }

                updates ??= [];
                updates.Add(new(otherPivot, basisRow.AddScaled(reduced, -coefficient)));
            }

            if (updates is not null)
            {
                foreach (var (otherPivot, updated) in updates)
                {
                    _rowOfPivot[otherPivot] = updated;
                }
            }
        }

        _rowOfPivot.Add(pivot, reduced);
        _maxColumn = Math.Max(_maxColumn, reduced.LastIndex);
        return true;
    }

    /// <summary>Returns the basis rows sorted by pivot column: the nonzero rows of the reduced row echelon form of the span.</summary>
    public IReadOnlyList<SparseVector<T>> ToReducedBasis()
    {
        var pivots = PivotColumns;
        var basis = new SparseVector<T>[pivots.Count];
        for (int k = 0; k < basis.Length; k++)
        {
            basis[k] = _rowOfPivot[pivots[k]];
        }

        return Array.AsReadOnly(basis);
    }

    /// <summary>Returns the basis row whose pivot is <paramref name="pivotColumn"/>, or null when that column is not a pivot.</summary>
    public SparseVector<T>? BasisRowOfPivot(int pivotColumn) => _rowOfPivot.GetValueOrDefault(pivotColumn);

    private SparseVector<T> ReduceCore(SparseVector<T> row)
    {
        EnsureScratchCapacity(Math.Max(_maxColumn, row.LastIndex) + 1);
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }

        int generation = _generation;
        var accumulator = _accumulator;
        var stamp = _stamp;
        _touched.Clear();

        var indices = row.IndexSpan;
        var values = row.ValueSpan;
        for (int k = 0; k < indices.Length; k++)
        {
            int column = indices[k];
            stamp[column] = generation;
            accumulator[column] = values[k];
            _touched.Add(column);
        }

        // The coefficient of basis row B_c is row[c]: the basis rows vanish at each other's pivots, so no
        // subtraction changes the entry of the accumulator at another pivot column.
        for (int k = 0; k < indices.Length; k++)
        {
            if (!_rowOfPivot.TryGetValue(indices[k], out var basisRow))
            {
                continue;
            }

            var factor = values[k];
            var basisIndices = basisRow.IndexSpan;
            var basisValues = basisRow.ValueSpan;
            for (int b = 0; b < basisIndices.Length; b++)
            {
                int column = basisIndices[b];
                if (stamp[column] != generation)
                {
                    stamp[column] = generation;
                    accumulator[column] = default;
                    _touched.Add(column);
                }

                accumulator[column] -= factor * basisValues[b];
            }
        }

        _touched.Sort();
        int count = 0;
        foreach (int column in _touched)
        {
            if (!accumulator[column].IsZero)
            {
                count++;
            }
        }

        var resultIndices = new int[count];
        var resultValues = new T[count];
        int n = 0;
        foreach (int column in _touched)
        {
            if (!accumulator[column].IsZero)
            {
                resultIndices[n] = column;
                resultValues[n] = accumulator[column];
                n++;
            }
        }

        return new SparseVector<T>(resultIndices, resultValues);
    }

    private void EnsureScratchCapacity(int length)
    {
        if (_accumulator.Length >= length)
        {
            return;
        }

        int size = Math.Max(length, Math.Min(Array.MaxLength, 2 * _accumulator.Length));
        _accumulator = new T[size];
        var stamp = new int[size];
        _stamp.CopyTo(stamp, 0);
        _stamp = stamp;
    }
}
