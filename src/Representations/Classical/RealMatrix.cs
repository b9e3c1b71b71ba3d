using System.Globalization;
using System.Text;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Classical;

/// <summary>
/// An immutable dense matrix of double-precision numbers, used for sampled elements of the classical groups and
/// their numerical actions. Exact work uses <see cref="Matrix{T}"/>; this type is only for floating-point sampling.
/// </summary>
public sealed class RealMatrix : IEquatable<RealMatrix>
{
    private readonly double[] _entries;

    private RealMatrix(int rowCount, int columnCount, double[] entries)
    {
        RowCount = rowCount;
        ColumnCount = columnCount;
        _entries = entries;
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>The entry in row i and column j (0-based).</summary>
    public double this[int i, int j]
    {
        get
        {
            if ((uint)i >= (uint)RowCount || (uint)j >= (uint)ColumnCount)
            {
                throw new ArgumentOutOfRangeException(nameof(i), $"Index ({i}, {j}) is outside the {RowCount}x{ColumnCount} matrix.");
            }

            return _entries[i * ColumnCount + j];
        }
    }

    /// <summary>Returns the matrix with entries f(i, j).</summary>
    public static RealMatrix FromFunction(int rowCount, int columnCount, Func<int, int, double> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        var entries = new double[rowCount * columnCount];
        for (int i = 0; i < rowCount; i++)
        {
            for (int j = 0; j < columnCount; j++)
            {
                entries[i * columnCount + j] = entry(i, j);
            }
        }

        return new RealMatrix(rowCount, columnCount, entries);
    }

    /// <summary>Returns the matrix with the given rows.</summary>
    /// <exception cref="ArgumentException">The rows have different lengths.</exception>
    public static RealMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Count;
        if (rows.Any(r => r.Count != columns))
        {
            throw new ArgumentException("RealMatrix.FromRows: all rows must have the same length.", nameof(rows));
        }

        return FromFunction(rows.Count, columns, (i, j) => rows[i][j]);
    }

    /// <summary>Returns the n x n identity matrix.</summary>
    public static RealMatrix Identity(int n) => FromFunction(n, n, (i, j) => i == j ? 1.0 : 0.0);

    /// <summary>Returns the double-precision image of an exact matrix over a field with a complex embedding whose entries are real.</summary>
    /// <exception cref="ArgumentException">An entry has a nonzero imaginary part.</exception>
    public static RealMatrix FromExact<T>(Matrix<T> matrix)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return FromFunction(matrix.RowCount, matrix.ColumnCount, (i, j) =>
        {
            var value = matrix.Field.ToComplex(matrix[i, j]);
            if (Math.Abs(value.Imaginary) > 1e-12 * Math.Max(1, Math.Abs(value.Real)))
            {
                throw new ArgumentException($"RealMatrix.FromExact: entry ({i}, {j}) = {matrix.Field.Format(matrix[i, j])} is not real.", nameof(matrix));
            }

            return value.Real;
        });
    }

    /// <summary>Returns the transpose.</summary>
    public RealMatrix Transpose() => FromFunction(ColumnCount, RowCount, (i, j) => this[j, i]);

    /// <summary>Returns the trace.</summary>
    public double Trace()
    {
        RequireSquare(nameof(Trace));
        double sum = 0;
        for (int i = 0; i < RowCount; i++)
        {
            sum += _entries[i * ColumnCount + i];
        }

        return sum;
    }

    /// <summary>Returns the largest absolute entry, the max norm.</summary>
    public double MaxAbs() => _entries.Length == 0 ? 0 : _entries.Max(Math.Abs);

    /// <summary>Returns the sum.</summary>
    public static RealMatrix operator +(RealMatrix a, RealMatrix b) => Elementwise(a, b, (x, y) => x + y, "+");

    /// <summary>Returns the difference.</summary>
    public static RealMatrix operator -(RealMatrix a, RealMatrix b) => Elementwise(a, b, (x, y) => x - y, "-");

    /// <summary>Returns the negation.</summary>
    public static RealMatrix operator -(RealMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new RealMatrix(a.RowCount, a.ColumnCount, a._entries.Select(x => -x).ToArray());
    }

    /// <summary>Returns c a.</summary>
    public static RealMatrix operator *(double c, RealMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new RealMatrix(a.RowCount, a.ColumnCount, a._entries.Select(x => c * x).ToArray());
    }

    /// <summary>Returns the matrix product.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ.</exception>
    public static RealMatrix operator *(RealMatrix a, RealMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ColumnCount != b.RowCount)
        {
            throw new ArgumentException($"RealMatrix product: {a.RowCount}x{a.ColumnCount} times {b.RowCount}x{b.ColumnCount} has mismatched inner dimensions.", nameof(b));
        }

        var result = new double[a.RowCount * b.ColumnCount];
        for (int i = 0; i < a.RowCount; i++)
        {
            for (int k = 0; k < a.ColumnCount; k++)
            {
                double aik = a._entries[i * a.ColumnCount + k];
                if (aik == 0)
                {
                    continue;
                }

                for (int j = 0; j < b.ColumnCount; j++)
                {
                    result[i * b.ColumnCount + j] += aik * b._entries[k * b.ColumnCount + j];
                }
            }
        }

        return new RealMatrix(a.RowCount, b.ColumnCount, result);
    }

    /// <summary>Returns the matrix-vector product.</summary>
    /// <exception cref="ArgumentException">The vector length differs from the column count.</exception>
    public IReadOnlyList<double> Multiply(IReadOnlyList<double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Count != ColumnCount)
        {
            throw new ArgumentException($"RealMatrix.Multiply: a {RowCount}x{ColumnCount} matrix needs a vector of length {ColumnCount}, got {vector.Count}.", nameof(vector));
        }

        var result = new double[RowCount];
        for (int i = 0; i < RowCount; i++)
        {
            double sum = 0;
            for (int j = 0; j < ColumnCount; j++)
            {
                sum += _entries[i * ColumnCount + j] * vector[j];
            }

            result[i] = sum;
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>Returns the determinant.</summary>
    /// <remarks>Algorithm: LU decomposition with partial pivoting.</remarks>
    public double Determinant()
    {
        RequireSquare(nameof(Determinant));
        int n = RowCount;
        var a = (double[])_entries.Clone();
        double determinant = 1;
        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row * n + column]) > Math.Abs(a[pivot * n + column]))
                {
                    pivot = row;
                }
            }

            if (a[pivot * n + column] == 0)
            {
                return 0;
            }

            if (pivot != column)
            {
                SwapRowsInPlace(a, n, pivot, column);
                determinant = -determinant;
            }

            double p = a[column * n + column];
            determinant *= p;
            for (int row = column + 1; row < n; row++)
            {
                double factor = a[row * n + column] / p;
                for (int j = column; j < n; j++)
                {
                    a[row * n + j] -= factor * a[column * n + j];
                }
            }
        }

        return determinant;
    }

    /// <summary>Returns the inverse.</summary>
    /// <remarks>Algorithm: Gauss-Jordan elimination with partial pivoting.</remarks>
    /// <exception cref="InvalidOperationException">The matrix is singular to working precision.</exception>
    public RealMatrix Inverse()
    {
        RequireSquare(nameof(Inverse));
        int n = RowCount, width = 2 * n;
        var a = new double[n * width];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(_entries, i * n, a, i * width, n);
            a[i * width + n + i] = 1;
        }

        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row * width + column]) > Math.Abs(a[pivot * width + column]))
                {
                    pivot = row;
                }
            }

            double p = a[pivot * width + column];
            if (p == 0 || double.IsNaN(p))
            {
                throw new InvalidOperationException($"RealMatrix.Inverse: the {n}x{n} matrix is singular (no pivot in column {column}).");
            }

            SwapRowsInPlace(a, width, pivot, column);
            for (int j = 0; j < width; j++)
            {
                a[column * width + j] /= p;
            }

            for (int row = 0; row < n; row++)
            {
                double factor = a[row * width + column];
                if (row == column || factor == 0)
                {
                    continue;
                }

                for (int j = 0; j < width; j++)
                {
                    a[row * width + j] -= factor * a[column * width + j];
                }
            }
        }

        return FromFunction(n, n, (i, j) => a[i * width + n + j]);
    }

    /// <summary>Returns the matrix exponential exp(A).</summary>
    /// <remarks>
    /// Algorithm: scaling and squaring with a Taylor polynomial: exp(A) = (exp(A / 2^s))^(2^s) with
    /// ||A / 2^s||_max at most 1/2 and 20 Taylor terms, which is accurate to about 1e-15 relative to ||exp(A)||
    /// for the moderate norms used in sampling and tests.
    /// </remarks>
    public RealMatrix Exp()
    {
        RequireSquare(nameof(Exp));
        int n = RowCount;
        double norm = MaxAbs() * n;
        int squarings = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scaled = Math.Pow(2, -squarings) * this;
        var term = Identity(n);
        var sum = Identity(n);
        for (int k = 1; k <= 20; k++)
        {
            term = (1.0 / k) * (term * scaled);
            sum += term;
        }

        for (int s = 0; s < squarings; s++)
        {
            sum *= sum;
        }

        return sum;
    }

    /// <summary>Returns the rows as lists.</summary>
    public IReadOnlyList<IReadOnlyList<double>> ToRows() =>
        Enumerable.Range(0, RowCount)
            .Select(i => (IReadOnlyList<double>)Array.AsReadOnly(_entries.AsSpan(i * ColumnCount, ColumnCount).ToArray()))
            .ToArray();

    /// <inheritdoc />
    public bool Equals(RealMatrix? other) =>
        other is not null && other.RowCount == RowCount && other.ColumnCount == ColumnCount && other._entries.AsSpan().SequenceEqual(_entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RealMatrix other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RowCount);
        hash.Add(ColumnCount);
        foreach (double x in _entries)
        {
            hash.Add(x);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        for (int i = 0; i < RowCount; i++)
        {
            text.Append(i == 0 ? "[[" : " [");
            text.AppendJoin(", ", Enumerable.Range(0, ColumnCount).Select(j => this[i, j].ToString("G6", CultureInfo.InvariantCulture)));
            text.Append(i == RowCount - 1 ? "]]" : "]\n");
        }

        return RowCount == 0 ? "[]" : text.ToString();
    }

    private static RealMatrix Elementwise(RealMatrix a, RealMatrix b, Func<double, double, double> operation, string symbol)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
        {
            throw new ArgumentException($"RealMatrix {symbol}: shapes {a.RowCount}x{a.ColumnCount} and {b.RowCount}x{b.ColumnCount} differ.", nameof(b));
        }

        var result = new double[a._entries.Length];
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = operation(a._entries[k], b._entries[k]);
        }

        return new RealMatrix(a.RowCount, a.ColumnCount, result);
    }

    private static void SwapRowsInPlace(double[] a, int width, int r1, int r2)
    {
        if (r1 == r2)
        {
            return;
        }

        for (int j = 0; j < width; j++)
        {
            (a[r1 * width + j], a[r2 * width + j]) = (a[r2 * width + j], a[r1 * width + j]);
        }
    }

    private void RequireSquare(string operation)
    {
        if (RowCount != ColumnCount)
        {
            throw new InvalidOperationException($"RealMatrix.{operation}: the matrix is {RowCount}x{ColumnCount}, not square.");
        }
    }
}
