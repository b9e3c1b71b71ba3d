using System.Runtime.CompilerServices;
using System.Text;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>Factory methods for <see cref="Matrix{T}"/>.</summary>
public static class Matrix
{
    /// <summary>Returns the matrix whose rows are <paramref name="rows"/>, over <paramref name="field"/>.</summary>
    /// <remarks>All rows must have the same length. An empty list gives the 0x0 matrix; use <see cref="Zero{T}"/> for an r x 0 or 0 x c shape.</remarks>
    /// <exception cref="ArgumentException">The rows have different lengths, or an entry does not belong to <paramref name="field"/>.</exception>
    public static Matrix<T> Create<T>(Field<T> field, IReadOnlyList<IReadOnlyList<T>> rows)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(rows);
        int rowCount = rows.Count;
        int columnCount = rowCount == 0 ? 0 : rows[0].Count;
        var entries = new T[checked(rowCount * columnCount)];
        for (int i = 0; i < rowCount; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Matrix.Create: row {i} is null.", nameof(rows));
            if (row.Count != columnCount)
            {
                throw new ArgumentException(
                    $"Matrix.Create: row {i} has {row.Count} entries but row 0 has {columnCount}; all rows must have the same length.", nameof(rows));
            }

            for (int j = 0; j < columnCount; j++)
            {
                entries[i * columnCount + j] = CheckEntry(field, row[j], i, j, nameof(rows));
            }
        }

        return new Matrix<T>(field, rowCount, columnCount, entries);
    }

    /// <summary>Returns the <paramref name="rowCount"/> x <paramref name="columnCount"/> matrix with the given entries in row-major order.</summary>
    /// <exception cref="ArgumentException">The number of entries is not rowCount * columnCount, or an entry does not belong to <paramref name="field"/>.</exception>
    public static Matrix<T> FromRowMajor<T>(Field<T> field, int rowCount, int columnCount, ReadOnlySpan<T> entries)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        CheckShape(rowCount, columnCount);
        if (entries.Length != (long)rowCount * columnCount)
        {
            throw new ArgumentException(
                $"Matrix.FromRowMajor: a {rowCount}x{columnCount} matrix needs {(long)rowCount * columnCount} entries, got {entries.Length}.", nameof(entries));
        }

        var copy = entries.ToArray();
        for (int k = 0; k < copy.Length; k++)
        {
            CheckEntry(field, copy[k], k / columnCount, k % columnCount, nameof(entries));
        }

        return new Matrix<T>(field, rowCount, columnCount, copy);
    }

    /// <summary>Returns the matrix with entries f(i, j).</summary>
    public static Matrix<T> FromFunction<T>(Field<T> field, int rowCount, int columnCount, Func<int, int, T> entry)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(entry);
        CheckShape(rowCount, columnCount);
        var entries = new T[rowCount * columnCount];
        for (int i = 0; i < rowCount; i++)
        {
            for (int j = 0; j < columnCount; j++)
            {
                entries[i * columnCount + j] = CheckEntry(field, entry(i, j), i, j, nameof(entry));
            }
        }

        return new Matrix<T>(field, rowCount, columnCount, entries);
    }

    /// <summary>Returns the n x n identity matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static Matrix<T> Identity<T>(Field<T> field, int n)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        CheckShape(n, n);
        var entries = new T[n * n];
        var one = field.One;
        for (int i = 0; i < n; i++)
        {
            entries[i * n + i] = one;
        }

        return new Matrix<T>(field, n, n, entries);
    }

    /// <summary>Returns the zero matrix of the given shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static Matrix<T> Zero<T>(Field<T> field, int rowCount, int columnCount)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        CheckShape(rowCount, columnCount);
        return new Matrix<T>(field, rowCount, columnCount, new T[rowCount * columnCount]);
    }

    /// <summary>Returns the diagonal matrix with the given diagonal entries.</summary>
    public static Matrix<T> Diagonal<T>(Field<T> field, IReadOnlyList<T> diagonal)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(diagonal);
        int n = diagonal.Count;
        var entries = new T[n * n];
        for (int i = 0; i < n; i++)
        {
            entries[i * n + i] = CheckEntry(field, diagonal[i], i, i, nameof(diagonal));
        }

        return new Matrix<T>(field, n, n, entries);
    }

    internal static void CheckShape(int rowCount, int columnCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if ((long)rowCount * columnCount > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount), $"A {rowCount}x{columnCount} matrix has more entries than an array can hold.");
        }
    }

    private static T CheckEntry<T>(Field<T> field, T value, int i, int j, string parameterName)
        where T : struct, IFieldElement<T>
    {
        if (!field.Contains(value))
        {
            throw new ArgumentException($"Matrix entry ({i}, {j}) = {value} does not belong to {field.Name}.", parameterName);
        }

        return value;
    }
}

/// <summary>
/// An immutable dense matrix over a field, with value equality.
/// </summary>
/// <remarks>
/// Entries are stored row-major in a private array that is never exposed. Arithmetic between matrices
/// over different field objects throws <see cref="ArgumentException"/>. The hash code is computed once
/// and cached, so matrices work well as dictionary keys (for example when enumerating a matrix group).
/// Elimination results (<see cref="ReducedRowEchelon(LinearAlgebraAlgorithm, CancellationToken)"/>) are cached after the first call.
/// </remarks>
/// <typeparam name="T">The element type of the field.</typeparam>
public sealed partial class Matrix<T> : IEquatable<Matrix<T>>
    where T : struct, IFieldElement<T>
{
    private readonly T[] _entries;

    // 0 means "not computed yet"; a computed hash of 0 is stored as 1. Races only recompute the same value.
    private int _hashCode;

    /// <summary>Takes ownership of <paramref name="entries"/>; callers must not keep a reference to it.</summary>
    internal Matrix(Field<T> field, int rowCount, int columnCount, T[] entries)
    {
        Field = field;
        RowCount = rowCount;
        ColumnCount = columnCount;
        _entries = entries;
    }

    /// <summary>The field that contains the entries.</summary>
    public Field<T> Field { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Whether the matrix has as many rows as columns.</summary>
    public bool IsSquare => RowCount == ColumnCount;

    /// <summary>Entry in row <paramref name="i"/> and column <paramref name="j"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public T this[int i, int j]
    {
        get
        {
            if ((uint)i >= (uint)RowCount || (uint)j >= (uint)ColumnCount)
            {
                throw new ArgumentOutOfRangeException(
                    i < 0 || i >= RowCount ? nameof(i) : nameof(j),
                    $"Index ({i}, {j}) is outside the {RowCount}x{ColumnCount} matrix.");
            }

            return _entries[i * ColumnCount + j];
        }
    }

    /// <summary>Whether this is a square identity matrix (the 0x0 matrix included).</summary>
    public bool IsIdentity
    {
        get
        {
            if (!IsSquare)
            {
                return false;
            }

            int n = RowCount;
            for (int i = 0; i < n; i++)
            {
                var row = _entries.AsSpan(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    if (i == j ? !row[j].IsOne : !row[j].IsZero)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>Whether every entry is zero.</summary>
    public bool IsZero
    {
        get
        {
            foreach (var x in _entries)
            {
                if (!x.IsZero)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Row <paramref name="i"/> as a read-only view (no copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is not a row index.</exception>
    public IReadOnlyList<T> Row(int i)
    {
        CheckRowIndex(i);
        return new StridedView(_entries, i * ColumnCount, 1, ColumnCount);
    }

    /// <summary>Column <paramref name="j"/> as a read-only view (no copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="j"/> is not a column index.</exception>
    public IReadOnlyList<T> Column(int j)
    {
        if ((uint)j >= (uint)ColumnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(j), j, $"Column index {j} is outside the {RowCount}x{ColumnCount} matrix.");
        }

        return new StridedView(_entries, j, ColumnCount, RowCount);
    }

    /// <summary>Row <paramref name="i"/> as a read-only span, for kernels that scan rows quickly.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is not a row index.</exception>
    public ReadOnlySpan<T> RowSpan(int i)
    {
        CheckRowIndex(i);
        return _entries.AsSpan(i * ColumnCount, ColumnCount);
    }

    /// <summary>All entries in row-major order, as a read-only span.</summary>
    public ReadOnlySpan<T> RowMajorEntries => _entries;

    /// <summary>The rows as lists, a copy.</summary>
    public IReadOnlyList<IReadOnlyList<T>> ToRows()
    {
        var rows = new IReadOnlyList<T>[RowCount];
        for (int i = 0; i < RowCount; i++)
        {
            rows[i] = Array.AsReadOnly(_entries.AsSpan(i * ColumnCount, ColumnCount).ToArray());
        }

        return Array.AsReadOnly(rows);
    }

    /// <summary>Returns the sum.</summary>
    /// <exception cref="ArgumentException">The shapes or fields differ.</exception>
    public static Matrix<T> operator +(Matrix<T> a, Matrix<T> b)
    {
        CheckSameShape(a, b, "+");
        var sum = new T[a._entries.Length];
        for (int k = 0; k < sum.Length; k++)
        {
            sum[k] = a._entries[k] + b._entries[k];
        }

        return new Matrix<T>(a.Field, a.RowCount, a.ColumnCount, sum);
    }

    /// <summary>Returns the difference.</summary>
    /// <exception cref="ArgumentException">The shapes or fields differ.</exception>
    public static Matrix<T> operator -(Matrix<T> a, Matrix<T> b)
    {
        CheckSameShape(a, b, "-");
        var difference = new T[a._entries.Length];
        for (int k = 0; k < difference.Length; k++)
        {
            difference[k] = a._entries[k] - b._entries[k];
        }

        return new Matrix<T>(a.Field, a.RowCount, a.ColumnCount, difference);
    }

    /// <summary>Returns the negation.</summary>
    public static Matrix<T> operator -(Matrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var negation = new T[a._entries.Length];
        for (int k = 0; k < negation.Length; k++)
        {
            negation[k] = -a._entries[k];
        }

        return new Matrix<T>(a.Field, a.RowCount, a.ColumnCount, negation);
    }

    /// <summary>Returns the matrix product a * b.</summary>
    /// <exception cref="ArgumentException">The column count of a differs from the row count of b, or the fields differ.</exception>
    public static Matrix<T> operator *(Matrix<T> a, Matrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckSameField(a, b, "*");
        if (a.ColumnCount != b.RowCount)
        {
            throw new ArgumentException(
                $"Matrix product: a {a.RowCount}x{a.ColumnCount} matrix cannot multiply a {b.RowCount}x{b.ColumnCount} matrix; the inner dimensions must agree.", nameof(b));
        }

        int n = a.RowCount, inner = a.ColumnCount, m = b.ColumnCount;
        var product = new T[n * m];
        var left = a._entries;
        var right = b._entries;
        for (int i = 0; i < n; i++)
        {
            var target = product.AsSpan(i * m, m);
            for (int k = 0; k < inner; k++)
            {
                var factor = left[i * inner + k];
                if (factor.IsZero)
                {
                    continue;
                }

                var source = right.AsSpan(k * m, m);
                for (int j = 0; j < m; j++)
                {
                    if (!source[j].IsZero)
                    {
                        target[j] += factor * source[j];
                    }
                }
            }
        }

        return new Matrix<T>(a.Field, n, m, product);
    }

    /// <summary>Returns the scalar multiple c * a.</summary>
    public static Matrix<T> operator *(T c, Matrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var scaled = new T[a._entries.Length];
        for (int k = 0; k < scaled.Length; k++)
        {
            scaled[k] = c * a._entries[k];
        }

        return new Matrix<T>(a.Field, a.RowCount, a.ColumnCount, scaled);
    }

    /// <summary>Returns the scalar multiple a * c.</summary>
    public static Matrix<T> operator *(Matrix<T> a, T c) => c * a;

    /// <summary>Returns the product of this matrix with a column vector.</summary>
    /// <exception cref="ArgumentException">The vector length differs from <see cref="ColumnCount"/>.</exception>
    public IReadOnlyList<T> Multiply(IReadOnlyList<T> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Count != ColumnCount)
        {
            throw new ArgumentException(
                $"Matrix-vector product: a {RowCount}x{ColumnCount} matrix needs a vector of length {ColumnCount}, got {vector.Count}.", nameof(vector));
        }

        var x = new T[ColumnCount];
        for (int j = 0; j < x.Length; j++)
        {
            x[j] = vector[j];
        }

        var result = new T[RowCount];
        for (int i = 0; i < RowCount; i++)
        {
            var row = _entries.AsSpan(i * ColumnCount, ColumnCount);
            T sum = default;
            for (int j = 0; j < row.Length; j++)
            {
                if (!row[j].IsZero && !x[j].IsZero)
                {
                    sum += row[j] * x[j];
                }
            }

            result[i] = sum;
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>Returns the transpose.</summary>
    public Matrix<T> Transpose()
    {
        var transposed = new T[_entries.Length];
        for (int i = 0; i < RowCount; i++)
        {
            for (int j = 0; j < ColumnCount; j++)
            {
                transposed[j * RowCount + i] = _entries[i * ColumnCount + j];
            }
        }

        return new Matrix<T>(Field, ColumnCount, RowCount, transposed);
    }

    /// <summary>Returns the power A^<paramref name="exponent"/>; a negative exponent uses the inverse, and A^0 is the identity.</summary>
    /// <remarks>Algorithm: binary exponentiation (square and multiply).</remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square, or the exponent is negative and the matrix is singular.</exception>
    public Matrix<T> Power(int exponent)
    {
        RequireSquare("Power");
        var result = Matrix.Identity(Field, RowCount);
        var square = exponent < 0 ? Inverse() : this;
        long e = Math.Abs((long)exponent);

        // Invariant: result * square^e equals the requested power.
        while (e > 0)
        {
            if ((e & 1) != 0)
            {
                result *= square;
            }

            e >>= 1;
            if (e > 0)
            {
                square *= square;
            }
        }

        return result;
    }

    /// <summary>Returns the trace, the sum of the diagonal entries.</summary>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public T Trace()
    {
        RequireSquare("Trace");
        T sum = default;
        for (int i = 0; i < RowCount; i++)
        {
            sum += _entries[i * ColumnCount + i];
        }

        return sum;
    }

    /// <summary>Returns the submatrix of the given rows and columns, in the given order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public Matrix<T> Submatrix(IReadOnlyList<int> rows, IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var entries = new T[rows.Count * columns.Count];
        for (int a = 0; a < rows.Count; a++)
        {
            int i = rows[a];
            CheckRowIndex(i);
            for (int b = 0; b < columns.Count; b++)
            {
                entries[a * columns.Count + b] = this[i, columns[b]];
            }
        }

        return new Matrix<T>(Field, rows.Count, columns.Count, entries);
    }

    /// <summary>Returns the block matrix [this | other] with the columns of <paramref name="other"/> appended.</summary>
    /// <exception cref="ArgumentException">The row counts or fields differ.</exception>
    public Matrix<T> AppendColumns(Matrix<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckSameField(this, other, "AppendColumns");
        if (other.RowCount != RowCount)
        {
            throw new ArgumentException(
                $"AppendColumns: a {RowCount}x{ColumnCount} matrix and a {other.RowCount}x{other.ColumnCount} matrix need the same number of rows.", nameof(other));
        }

        int m = ColumnCount + other.ColumnCount;
        var entries = new T[RowCount * m];
        for (int i = 0; i < RowCount; i++)
        {
            _entries.AsSpan(i * ColumnCount, ColumnCount).CopyTo(entries.AsSpan(i * m));
            other._entries.AsSpan(i * other.ColumnCount, other.ColumnCount).CopyTo(entries.AsSpan(i * m + ColumnCount));
        }

        return new Matrix<T>(Field, RowCount, m, entries);
    }

    /// <inheritdoc />
    public bool Equals(Matrix<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || RowCount != other.RowCount || ColumnCount != other.ColumnCount)
        {
            return false;
        }

        if (_hashCode != 0 && other._hashCode != 0 && _hashCode != other._hashCode)
        {
            return false;
        }

        if (!ReferenceEquals(Field, other.Field) && !Field.Equals(other.Field))
        {
            return false;
        }

        return _entries.AsSpan().SequenceEqual(other._entries);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Matrix<T> other && Equals(other);

    /// <summary>Hash of the shape and entries, computed once and cached.</summary>
    public override int GetHashCode()
    {
        int hash = _hashCode;
        if (hash != 0)
        {
            return hash;
        }

        var combined = new HashCode();
        combined.Add(RowCount);
        combined.Add(ColumnCount);
        foreach (var x in _entries)
        {
            combined.Add(x.GetHashCode());
        }

        hash = combined.ToHashCode();
        if (hash == 0)
        {
            hash = 1;
        }

        _hashCode = hash;
        return hash;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Matrix<T>? a, Matrix<T>? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Matrix<T>? a, Matrix<T>? b) => !(a == b);

    /// <summary>Text such as <c>[[1, 2], [3, 4]]</c>, with entries in the field's canonical format.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append('[');
        for (int i = 0; i < RowCount; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append('[');
            for (int j = 0; j < ColumnCount; j++)
            {
                if (j > 0)
                {
                    text.Append(", ");
                }

                text.Append(Field.Format(_entries[i * ColumnCount + j]));
            }

            text.Append(']');
        }

        text.Append(']');
        return text.ToString();
    }

    /// <summary>A copy of the entries in row-major order, for kernels that work in place.</summary>
    internal T[] CopyEntries() => (T[])_entries.Clone();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckRowIndex(int i)
    {
        if ((uint)i >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(i), i, $"Row index {i} is outside the {RowCount}x{ColumnCount} matrix.");
        }
    }

    private void RequireSquare(string operation)
    {
        if (!IsSquare)
        {
            throw new InvalidOperationException($"{operation} needs a square matrix, but this matrix is {RowCount}x{ColumnCount}.");
        }
    }

    private static void CheckSameField(Matrix<T> a, Matrix<T> b, string operation)
    {
        if (!ReferenceEquals(a.Field, b.Field) && !a.Field.Equals(b.Field))
        {
            throw new ArgumentException($"Matrix {operation}: the operands lie over different fields, {a.Field.Name} and {b.Field.Name}.", nameof(b));
        }
    }

    private static void CheckSameShape(Matrix<T> a, Matrix<T> b, string operation)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckSameField(a, b, operation);
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
        {
            throw new ArgumentException(
                $"Matrix {operation}: the shapes {a.RowCount}x{a.ColumnCount} and {b.RowCount}x{b.ColumnCount} differ.", nameof(b));
        }
    }

    /// <summary>A read-only view of every stride-th entry of the storage, used for rows and columns.</summary>
    private sealed class StridedView(T[] entries, int start, int stride, int count) : IReadOnlyList<T>
    {
        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), index, $"Index {index} is outside a vector of length {count}.");
                }

                return entries[start + index * stride];
            }
        }

        public int Count => count;

        public IEnumerator<T> GetEnumerator()
        {
            for (int k = 0; k < count; k++)
            {
                yield return entries[start + k * stride];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
