using System.Globalization;
using System.Numerics;
using System.Text;

namespace InvTheory.Polynomials.IntegerMatrices;

/// <summary>
/// An immutable matrix of arbitrary-precision integers with any shape, including 0 x n, n x 0 and 0 x 0.
/// </summary>
/// <remarks>
/// Entries are stored row-major. Text form: <c>[[12,6,4],[3,9,6]]</c>; <c>[]</c> is the 0 x 0 matrix and
/// <c>[[],[]]</c> the 2 x 0 matrix. A 0 x n matrix with n &gt; 0 has no text form and comes from
/// <see cref="Zero"/> or <see cref="Create"/>.
/// </remarks>
public sealed class IntegerMatrix : IEquatable<IntegerMatrix>
{
    private readonly BigInteger[] _entries;

    private IntegerMatrix(int rowCount, int columnCount, BigInteger[] entries)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        _entries = entries;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Whether the matrix has as many rows as columns.</summary>
    public bool IsSquare => RowCount == ColumnCount;

    /// <summary>Whether every entry is zero (true for empty matrices).</summary>
    public bool IsZero => Array.TrueForAll(_entries, e => e.IsZero);

    /// <summary>The entry in row <paramref name="row"/> and column <paramref name="column"/> (zero-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the matrix.</exception>
    public BigInteger this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
            return _entries[(row * ColumnCount) + column];
        }
    }

    /// <summary>The zero matrix with the given shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static IntegerMatrix Zero(int rowCount, int columnCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        return new IntegerMatrix(rowCount, columnCount, new BigInteger[rowCount * columnCount]);
    }

    /// <summary>The n x n identity matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    public static IntegerMatrix Identity(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var entries = new BigInteger[size * size];
        for (int i = 0; i < size; i++)
        {
            entries[(i * size) + i] = BigInteger.One;
        }

        return new IntegerMatrix(size, size, entries);
    }

    /// <summary>The matrix whose entry (i, j) is <paramref name="entry"/>(i, j).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static IntegerMatrix Create(int rowCount, int columnCount, Func<int, int, BigInteger> entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentNullException.ThrowIfNull(entry);
        var entries = new BigInteger[rowCount * columnCount];
        for (int i = 0; i < rowCount; i++)
        {
            for (int j = 0; j < columnCount; j++)
            {
                entries[(i * columnCount) + j] = entry(i, j);
            }
        }

        return new IntegerMatrix(rowCount, columnCount, entries);
    }

    /// <summary>The matrix with the given rows; <paramref name="columnCount"/> fixes the width when there are no rows.</summary>
    /// <exception cref="ArgumentException">The rows have different lengths, or a row's length differs from <paramref name="columnCount"/>.</exception>
    public static IntegerMatrix FromRows(IEnumerable<IEnumerable<BigInteger>> rows, int columnCount = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var materialized = rows.Select(r => r.ToArray()).ToList();
        int width = materialized.Count > 0 ? materialized[0].Length : columnCount;
        if (materialized.Count > 0 && columnCount != 0 && columnCount != width)
        {
            throw new ArgumentException($"Row 1 has {width} entries but the column count is {columnCount}.", nameof(rows));
        }

        for (int i = 0; i < materialized.Count; i++)
        {
            if (materialized[i].Length != width)
            {
                throw new ArgumentException(
                    $"Matrix rows must have equal lengths: row {i + 1} has {materialized[i].Length} entries but row 1 has {width}.", nameof(rows));
            }
        }

        var entries = new BigInteger[materialized.Count * width];
        for (int i = 0; i < materialized.Count; i++)
        {
            materialized[i].CopyTo(entries, i * width);
        }

        return new IntegerMatrix(materialized.Count, width, entries);
    }

    /// <summary>The matrix with the given rows of 64-bit integers.</summary>
    /// <exception cref="ArgumentException">The rows have different lengths.</exception>
    public static IntegerMatrix FromRows(IEnumerable<IEnumerable<long>> rows, int columnCount = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return FromRows(rows.Select(r => r.Select(x => (BigInteger)x)), columnCount);
    }

    /// <summary>Row <paramref name="row"/> as a list.</summary>
    public IReadOnlyList<BigInteger> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return Array.AsReadOnly(_entries[(row * ColumnCount)..((row + 1) * ColumnCount)]);
    }

    /// <summary>Column <paramref name="column"/> as a list.</summary>
    public IReadOnlyList<BigInteger> Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        var result = new BigInteger[RowCount];
        for (int i = 0; i < RowCount; i++)
        {
            result[i] = _entries[(i * ColumnCount) + column];
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>The transpose.</summary>
    public IntegerMatrix Transpose() => Create(ColumnCount, RowCount, (i, j) => this[j, i]);

    /// <summary>The matrix formed by the rows with the given indices, in that order.</summary>
    public IntegerMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Create(rows.Count, ColumnCount, (i, j) => this[rows[i], j]);
    }

    /// <summary>The matrix formed by the columns with the given indices, in that order.</summary>
    public IntegerMatrix SelectColumns(IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Create(RowCount, columns.Count, (i, j) => this[i, columns[j]]);
    }

    /// <summary>The matrix product <paramref name="left"/> * <paramref name="right"/>.</summary>
    /// <exception cref="ArgumentException">The column count of the left factor differs from the row count of the right factor.</exception>
    public static IntegerMatrix operator *(IntegerMatrix left, IntegerMatrix right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.ColumnCount != right.RowCount)
        {
            throw new ArgumentException(
                $"Matrix product needs matching inner dimensions; the left factor is {left.RowCount} x {left.ColumnCount}, "
                + $"the right factor {right.RowCount} x {right.ColumnCount}.", nameof(right));
        }

        var entries = new BigInteger[left.RowCount * right.ColumnCount];
        for (int i = 0; i < left.RowCount; i++)
        {
            for (int k = 0; k < left.ColumnCount; k++)
            {
                var a = left._entries[(i * left.ColumnCount) + k];
                if (a.IsZero)
                {
                    continue;
                }

                for (int j = 0; j < right.ColumnCount; j++)
                {
                    entries[(i * right.ColumnCount) + j] += a * right._entries[(k * right.ColumnCount) + j];
                }
            }
        }

        return new IntegerMatrix(left.RowCount, right.ColumnCount, entries);
    }

    /// <summary>The exact determinant; the 0 x 0 matrix has determinant 1.</summary>
    /// <remarks>
    /// Algorithm: fraction-free Gaussian elimination [Bar68]. Every intermediate entry is a minor of the
    /// input, so the sizes stay bounded by Hadamard's bound; O(n^3) big-integer operations.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public BigInteger Determinant()
    {
        if (!IsSquare)
        {
            throw new InvalidOperationException($"Determinant needs a square matrix; this one is {RowCount} x {ColumnCount}.");
        }

        var work = ToArray();
        var (rank, sign, lastPivot) = BareissEliminateInPlace(work);
        return rank < RowCount ? BigInteger.Zero : sign * lastPivot;
    }

    /// <summary>The rank over the rationals.</summary>
    /// <remarks>Algorithm: fraction-free Gaussian elimination [Bar68]; O(m n min(m, n)) big-integer operations.</remarks>
    public int Rank()
    {
        var work = ToArray();
        return BareissEliminateInPlace(work).Rank;
    }

    // Fraction-free row echelon elimination. Returns the rank, the sign of the row permutation and the
    // last pivot, which for a square nonsingular matrix is its determinant up to that sign.
    private static (int Rank, int Sign, BigInteger LastPivot) BareissEliminateInPlace(BigInteger[,] a)
    {
        int m = a.GetLength(0);
        int n = a.GetLength(1);
        int sign = 1;
        BigInteger previous = BigInteger.One;
        int row = 0;

        // Invariant: rows 0..row-1 are in echelon form, and after k pivots every entry below them is a
        // (k+1) x (k+1) minor of the input, so the division by the previous pivot is exact.
        for (int column = 0; column < n && row < m; column++)
        {
            int pivotRow = row;
            while (pivotRow < m && a[pivotRow, column].IsZero)
            {
                pivotRow++;
            }

            if (pivotRow == m)
            {
                continue;
            }

            if (pivotRow != row)
            {
                SwapRows(a, pivotRow, row);
                sign = -sign;
            }

            var pivot = a[row, column];
            for (int i = row + 1; i < m; i++)
            {
                var factor = a[i, column];
                for (int j = column + 1; j < n; j++)
                {
                    a[i, j] = ((pivot * a[i, j]) - (factor * a[row, j])) / previous;
                }

                a[i, column] = BigInteger.Zero;
            }

            previous = pivot;
            row++;
        }

        return (row, sign, previous);
    }

    private static void SwapRows(BigInteger[,] a, int r1, int r2)
    {
        for (int j = 0; j < a.GetLength(1); j++)
        {
            (a[r1, j], a[r2, j]) = (a[r2, j], a[r1, j]);
        }
    }

    /// <summary>A mutable copy of the entries for the private kernels of this namespace.</summary>
    internal BigInteger[,] ToArray()
    {
        var result = new BigInteger[RowCount, ColumnCount];
        for (int i = 0; i < RowCount; i++)
        {
            for (int j = 0; j < ColumnCount; j++)
            {
                result[i, j] = _entries[(i * ColumnCount) + j];
            }
        }

        return result;
    }

    /// <summary>Wraps a work array that the caller no longer mutates.</summary>
    internal static IntegerMatrix FromArray(BigInteger[,] a) =>
        Create(a.GetLength(0), a.GetLength(1), (i, j) => a[i, j]);

    /// <summary>Parses the text form <c>[[a,b,...],[c,d,...],...]</c> (whitespace and line breaks allowed).</summary>
    /// <exception cref="FormatException">The text is not a matrix; the message names the position and the token found.</exception>
    public static IntegerMatrix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var matrix, out var error))
        {
            return matrix;
        }

        throw new FormatException(error);
    }

    /// <summary>Tries to parse like <see cref="Parse"/>; on failure <paramref name="error"/> describes the problem and its position.</summary>
    public static bool TryParse(string? text, out IntegerMatrix matrix, out string error)
    {
        matrix = Zero(0, 0);
        if (text is null)
        {
            error = "Matrix text is missing.";
            return false;
        }

        var parser = new MatrixTextParser(text);
        var rows = parser.ParseMatrix(out error);
        if (rows is null)
        {
            return false;
        }

        matrix = FromRows(rows);
        return true;
    }

    /// <summary>The text form <c>[[a,b],[c,d]]</c>, which <see cref="Parse"/> reads back (except for 0 x n with n &gt; 0).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("[");
        for (int i = 0; i < RowCount; i++)
        {
            builder.Append(i == 0 ? "[" : ",[");
            for (int j = 0; j < ColumnCount; j++)
            {
                if (j > 0)
                {
                    builder.Append(',');
                }

                builder.Append(this[i, j].ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(']');
        }

        return builder.Append(']').ToString();
    }

    /// <inheritdoc />
    public bool Equals(IntegerMatrix? other) =>
        other is not null && RowCount == other.RowCount && ColumnCount == other.ColumnCount
        && _entries.AsSpan().SequenceEqual(other._entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IntegerMatrix other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RowCount);
        hash.Add(ColumnCount);
        foreach (var entry in _entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }

    /// <summary>Entrywise equality.</summary>
    public static bool operator ==(IntegerMatrix? left, IntegerMatrix? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Entrywise inequality.</summary>
    public static bool operator !=(IntegerMatrix? left, IntegerMatrix? right) => !(left == right);

    // Recursive-descent reader for the bracketed text form; reports the first error with its position.
    private sealed class MatrixTextParser(string text)
    {
        private int _position;

        public List<List<BigInteger>>? ParseMatrix(out string error)
        {
            var rows = new List<List<BigInteger>>();
            error = string.Empty;
            SkipWhitespace();
            if (!Expect('[', "'[' to open the matrix", out error))
            {
                return null;
            }

            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return AtEnd(out error) ? rows : null;
            }

            while (true)
            {
                var row = ParseRow(rows.Count + 1, out error);
                if (row is null)
                {
                    return null;
                }

                if (rows.Count > 0 && row.Count != rows[0].Count)
                {
                    error = $"Invalid matrix: ragged rows; row {rows.Count + 1} has {Entries(row.Count)} but row 1 has {Entries(rows[0].Count)}. Give every row the same length.";
                    return null;
                }

                rows.Add(row);
                SkipWhitespace();
                char c = Peek();
                if (c == ',')
                {
                    _position++;
                    continue;
                }

                if (c == ']')
                {
                    _position++;
                    return AtEnd(out error) ? rows : null;
                }

                error = Unexpected("',' or ']' after a row");
                return null;
            }
        }

        private List<BigInteger>? ParseRow(int rowNumber, out string error)
        {
            SkipWhitespace();
            if (!Expect('[', $"'[' to open row {rowNumber}", out error))
            {
                return null;
            }

            var row = new List<BigInteger>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return row;
            }

            while (true)
            {
                SkipWhitespace();
                if (!TryParseInteger(out var value, out error))
                {
                    return null;
                }

                row.Add(value);
                SkipWhitespace();
                char c = Peek();
                if (c == ',')
                {
                    _position++;
                    continue;
                }

                if (c == ']')
                {
                    _position++;
                    return row;
                }

                error = Unexpected($"',' or ']' in row {rowNumber}");
                return null;
            }
        }

        private static string Entries(int count) => count == 1 ? "1 entry" : $"{count} entries";

        private bool TryParseInteger(out BigInteger value, out string error)
        {
            value = BigInteger.Zero;
            error = string.Empty;
            int start = _position;
            int end = start;
            if (end < text.Length && (text[end] == '-' || text[end] == '+'))
            {
                end++;
            }

            int digitsStart = end;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            // A number token that continues with '.', 'e' or letters is not an integer; report the whole token.
            int tokenEnd = end;
            while (tokenEnd < text.Length && (char.IsAsciiLetterOrDigit(text[tokenEnd]) || text[tokenEnd] is '.' or '_' or '/'))
            {
                tokenEnd++;
            }

            if (end == digitsStart || tokenEnd != end)
            {
                string token = tokenEnd > start ? text[start..tokenEnd] : Describe(start);
                error = $"Invalid matrix: position {start + 1}: expected an integer entry, found {Quote(token)}. Entries must be integers such as -3 or 12.";
                return false;
            }

            value = BigInteger.Parse(text.AsSpan(start, end - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            _position = end;
            return true;
        }

        private bool Expect(char expected, string description, out string error)
        {
            error = string.Empty;
            if (Peek() == expected)
            {
                _position++;
                return true;
            }

            error = Unexpected(description);
            return false;
        }

        private bool AtEnd(out string error)
        {
            error = string.Empty;
            SkipWhitespace();
            if (_position == text.Length)
            {
                return true;
            }

            error = Unexpected("the end of the text after the closing ']'");
            return false;
        }

        private string Unexpected(string expectedToken) =>
            $"Invalid matrix: position {_position + 1}: expected {expectedToken}, found {Quote(Describe(_position))}. Write the matrix as [[1,2],[3,4]].";

        private string Describe(int position)
        {
            if (position >= text.Length)
            {
                return "end of text";
            }

            int end = position + 1;
            if (char.IsAsciiLetterOrDigit(text[position]))
            {
                while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
                {
                    end++;
                }
            }

            return text[position..end];
        }

        private static string Quote(string token) => token == "end of text" ? token : $"'{token}'";

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private void SkipWhitespace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
