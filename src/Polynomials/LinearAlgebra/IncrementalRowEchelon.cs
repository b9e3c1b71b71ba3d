using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// A growing set of sparse row vectors kept in row echelon form: a basis of the span of every row inserted so far.
/// Built for systems with many columns and few nonzeros per row, such as the spaces of invariants of one degree.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: incremental Gaussian elimination with a final back substitution [Coh93, Sec. 2.2]. Every basis row has
/// a pivot, its first nonzero column, where it has value 1, and no two rows share a pivot. The rows are semi-reduced:
/// a row may be nonzero at the pivots of rows inserted after it. Skipping the back substitution on every insertion
/// keeps the rows sparse. <see cref="ToReducedBasis"/> applies it once, giving the reduced row echelon form of the span,
/// which does not depend on the order of insertion.
/// </para>
/// <para>
/// <see cref="Reduce"/> subtracts basis rows in increasing order of their pivots until no pivot column is nonzero. It
/// costs the sizes of the basis rows it uses, plus a heap operation per pivot column touched and sorting the touched
/// columns. Instances are mutable and not thread-safe.
/// </para>
/// </remarks>
public sealed class IncrementalRowEchelon<T>
    where T : struct, IFieldElement<T>
{
    private readonly List<SparseVector<T>> _rows = [];

    // _rowOfColumn[c] is 1 + the index in _rows of the row with pivot c, or 0 when c is not a pivot (or beyond the array).
    private int[] _rowOfColumn = [];
    private readonly List<int> _touched = [];
    private readonly PriorityQueue<int, int> _pendingPivots = new();

    // Dense scratch space for Reduce: _accumulator[j] is live only when _stamp[j] == _generation, and pivot column j
    // is already in _pendingPivots when _queued[j] == _generation.
    private T[] _accumulator = [];
    private int[] _stamp = [];
    private int[] _queued = [];
    private int _generation;
    private int _maxColumn = -1;

    // The reduced basis, sorted by pivot; null after an insertion until ToReducedBasis computes it again.
    private SparseVector<T>[]? _reducedBasis;

    // Over GF(p) with p below 2^31, Reduce works on raw residues in _residues instead of ModInt values.
    private readonly PrimeField? _primeField;
    private readonly WordPrime _wordPrime;
    private ulong[] _residues = [];

    /// <summary>Creates an empty echelon form over <paramref name="field"/>.</summary>
    public IncrementalRowEchelon(Field<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        if (typeof(T) == typeof(ModInt) && PrimeFieldKernels.Applies(field))
        {
            _primeField = (PrimeField)(object)field;
            _wordPrime = WordPrime.Create(_primeField.Prime);
        }
    }

    /// <summary>The field of the entries.</summary>
    public Field<T> Field { get; }

    /// <summary>The dimension of the span of the inserted rows.</summary>
    public int Rank => _rows.Count;

    /// <summary>The pivot columns, in increasing order.</summary>
    public IReadOnlyList<int> PivotColumns => Array.AsReadOnly(SortedPivots());

    /// <summary>
    /// Returns the normal form of <paramref name="row"/> modulo the span: the unique vector that differs from the row
    /// by an element of the span and is zero at every pivot column. It is zero exactly when the row lies in the span.
    /// </summary>
    public SparseVector<T> Reduce(SparseVector<T> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (int column in row.IndexSpan)
        {
            if (IsPivot(column))
            {
                return ReduceCore(row);
            }
        }

        return row;
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

        // The reduced row is zero at every pivot, so its first column is a new pivot; normalize the entry there to 1.
        var leading = reduced.ValueSpan[0];
        if (!leading.IsOne)
        {
            reduced = reduced.Scale(leading.Inverse());
        }

        int pivot = reduced.LeadingIndex;
        if (pivot >= _rowOfColumn.Length)
        {
            Array.Resize(ref _rowOfColumn, Math.Max(pivot + 1, Math.Min(Array.MaxLength, 2 * _rowOfColumn.Length)));
        }

        _rows.Add(reduced);
        _rowOfColumn[pivot] = _rows.Count;
        _maxColumn = Math.Max(_maxColumn, reduced.LastIndex);
        _reducedBasis = null;
        return true;
    }

    /// <summary>
    /// Returns the basis rows of the reduced row echelon form of the span, sorted by pivot column: each has a 1 at its
    /// pivot and is zero at the other pivots. The result is cached until the next successful <see cref="TryInsert"/>.
    /// </summary>
    public IReadOnlyList<SparseVector<T>> ToReducedBasis() => Array.AsReadOnly(ReducedBasis());

    /// <summary>Returns the reduced basis row whose pivot is <paramref name="pivotColumn"/>, or null when that column is not a pivot.</summary>
    public SparseVector<T>? BasisRowOfPivot(int pivotColumn)
    {
        if (!IsPivot(pivotColumn))
        {
            return null;
        }

        var basis = ReducedBasis();
        int low = 0, high = basis.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
            int pivot = basis[middle].LeadingIndex;
            if (pivot == pivotColumn)
            {
                return basis[middle];
            }

            if (pivot < pivotColumn)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    private bool IsPivot(int column) => (uint)column < (uint)_rowOfColumn.Length && _rowOfColumn[column] != 0;

    private SparseVector<T> RowOfPivot(int column) => _rows[_rowOfColumn[column] - 1];

    private int[] SortedPivots()
    {
        var pivots = new int[_rows.Count];
        for (int k = 0; k < pivots.Length; k++)
        {
            pivots[k] = _rows[k].LeadingIndex;
        }

        Array.Sort(pivots);
        return pivots;
    }

    private SparseVector<T>[] ReducedBasis()
    {
        if (_reducedBasis is not null)
        {
            return _reducedBasis;
        }

        // Back substitution from the last pivot down. Invariant: the rows with pivot above the current one are fully
        // reduced, so each is zero at the others' pivots, and one subtraction per pivot entry of the current row clears it.
        var pivots = SortedPivots();
        var basis = new SparseVector<T>[pivots.Length];
        var reducedOfPivot = new Dictionary<int, SparseVector<T>>(pivots.Length);
        for (int k = pivots.Length - 1; k >= 0; k--)
        {
            var row = RowOfPivot(pivots[k]);
            var indices = row.IndexSpan;
            var values = row.ValueSpan;
            for (int e = 1; e < indices.Length; e++)
            {
                if (reducedOfPivot.TryGetValue(indices[e], out var later))
                {
                    row = row.AddScaled(later, -values[e]);
                }
            }

            basis[k] = row;
            reducedOfPivot.Add(pivots[k], row);
        }

        _reducedBasis = basis;
        return basis;
    }

    private SparseVector<T> ReduceCore(SparseVector<T> row)
    {
        EnsureScratchCapacity(Math.Max(_maxColumn, row.LastIndex) + 1);
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_queued);
            _generation = 1;
        }

        _touched.Clear();
        _pendingPivots.Clear();
        if (_primeField is not null)
        {
            return ReduceResidues(row);
        }

        int generation = _generation;
        var accumulator = _accumulator;
        var stamp = _stamp;
        var queued = _queued;

        var indices = row.IndexSpan;
        var values = row.ValueSpan;
        for (int k = 0; k < indices.Length; k++)
        {
            int column = indices[k];
            stamp[column] = generation;
            accumulator[column] = values[k];
            _touched.Add(column);
            if (IsPivot(column))
            {
                queued[column] = generation;
                _pendingPivots.Enqueue(column, column);
            }
        }

        // Basis rows only add entries right of their pivot, so taking pivots in increasing order clears each for good.
        while (_pendingPivots.TryDequeue(out int pivot, out _))
        {
            var factor = accumulator[pivot];
            if (factor.IsZero)
            {
                continue;
            }

            var basisRow = RowOfPivot(pivot);
            var basisIndices = basisRow.IndexSpan;
            var basisValues = basisRow.ValueSpan;
            accumulator[pivot] = default;
            for (int b = 1; b < basisIndices.Length; b++)
            {
                int column = basisIndices[b];
                if (stamp[column] != generation)
                {
                    stamp[column] = generation;
                    accumulator[column] = default;
                    _touched.Add(column);
                }

                accumulator[column] -= factor * basisValues[b];
                if (queued[column] != generation && IsPivot(column))
                {
                    queued[column] = generation;
                    _pendingPivots.Enqueue(column, column);
                }
            }
        }

        return GatherTouched();
    }

    // The same elimination as ReduceCore on raw residues modulo p; T is ModInt here, so the bit casts are identities.
    private SparseVector<T> ReduceResidues(SparseVector<T> row)
    {
        int generation = _generation;
        var accumulator = _residues;
        var stamp = _stamp;
        var queued = _queued;
        var prime = _wordPrime;
        ulong p = prime.Value;

        var indices = row.IndexSpan;
        var values = row.ValueSpan;
        for (int k = 0; k < indices.Length; k++)
        {
            int column = indices[k];
            stamp[column] = generation;
            accumulator[column] = Unsafe.BitCast<T, ModInt>(values[k]).Value;
            _touched.Add(column);
            if (IsPivot(column))
            {
                queued[column] = generation;
                _pendingPivots.Enqueue(column, column);
            }
        }

        while (_pendingPivots.TryDequeue(out int pivot, out _))
        {
            ulong factor = accumulator[pivot];
            if (factor == 0)
            {
                continue;
            }

            ulong negated = p - factor;
            var basisRow = RowOfPivot(pivot);
            var basisIndices = basisRow.IndexSpan;
            var basisValues = basisRow.ValueSpan;
            accumulator[pivot] = 0;
            for (int b = 1; b < basisIndices.Length; b++)
            {
                int column = basisIndices[b];
                if (stamp[column] != generation)
                {
                    stamp[column] = generation;
                    accumulator[column] = 0;
                    _touched.Add(column);
                }

                // accumulator + (p - factor) * value stays below p + p^2 < 2^62.
                accumulator[column] = prime.Reduce(accumulator[column] + negated * Unsafe.BitCast<T, ModInt>(basisValues[b]).Value);
                if (queued[column] != generation && IsPivot(column))
                {
                    queued[column] = generation;
                    _pendingPivots.Enqueue(column, column);
                }
            }
        }

        _touched.Sort();
        var resultIndices = new List<int>(_touched.Count);
        var resultValues = new List<T>(_touched.Count);
        foreach (int column in _touched)
        {
            if (accumulator[column] != 0)
            {
                resultIndices.Add(column);
                resultValues.Add(Unsafe.BitCast<ModInt, T>(_primeField!.FromResidue(accumulator[column])));
            }
        }

        return new SparseVector<T>(resultIndices.ToArray(), resultValues.ToArray());
    }

    private SparseVector<T> GatherTouched()
    {
        _touched.Sort();
        int count = 0;
        foreach (int column in _touched)
        {
            if (!_accumulator[column].IsZero)
            {
                count++;
            }
        }

        var resultIndices = new int[count];
        var resultValues = new T[count];
        int n = 0;
        foreach (int column in _touched)
        {
            if (!_accumulator[column].IsZero)
            {
                resultIndices[n] = column;
                resultValues[n] = _accumulator[column];
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
        var queued = new int[size];
        _queued.CopyTo(queued, 0);
        _queued = queued;
        if (_primeField is not null)
        {
            _residues = new ulong[size];
        }
    }
}
