using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// The integer matrix A' obtained from a rational matrix A by multiplying each row i by the least common multiple L_i
/// of its denominators. A' has the same row space, reduced row echelon form and rank as A, and det A = det A' / (L_0 ... L_(m-1)).
/// </summary>
internal sealed class IntegerClearedMatrix
{
    // Entries fit in a long unless _big is non-null, in which case _big stores every entry.
    private readonly long[] _small;
    private readonly BigInteger[]? _big;

    private IntegerClearedMatrix(int rows, int columns, long[] small, BigInteger[]? big, BigInteger[] rowMultipliers)
    {
        RowCount = rows;
        ColumnCount = columns;
        _small = small;
        _big = big;
        RowMultipliers = rowMultipliers;
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    /// <summary>The multipliers L_i.</summary>
    public BigInteger[] RowMultipliers { get; }

    /// <summary>Whether every entry fits in a 64-bit integer.</summary>
    public bool IsSmall => _big is null;

    /// <summary>
    /// Returns A' for <paramref name="a"/>. With <paramref name="commonDenominator"/>, every row is multiplied by the same
    /// L, the least common multiple of all denominators, so that A' = L A.
    /// </summary>
    public static IntegerClearedMatrix FromRational(Matrix<Rational> a, bool commonDenominator = false)
    {
        int rows = a.RowCount, columns = a.ColumnCount;
        var entries = a.RowMajorEntries;
        var small = new long[rows * columns];
        BigInteger[]? big = null;
        var multipliers = new BigInteger[rows];
        BigInteger common = commonDenominator ? DenominatorLcm(entries) : BigInteger.One;
        for (int i = 0; i < rows; i++)
        {
            var row = entries.Slice(i * columns, columns);
            BigInteger multiplier = commonDenominator ? common : DenominatorLcm(row);
            multipliers[i] = multiplier;
            for (int j = 0; j < columns; j++)
            {
                var x = row[j];
                var value = multiplier.IsOne ? x.Numerator : x.Numerator * (multiplier / x.Denominator);
                if (big is null && value >= long.MinValue && value <= long.MaxValue)
                {
                    small[i * columns + j] = (long)value;
                    continue;
                }

                if (big is null)
                {
                    big = new BigInteger[rows * columns];
                    for (int k = 0; k < i * columns + j; k++)
                    {
                        big[k] = small[k];
                    }
                }

                big[i * columns + j] = value;
            }
        }

        return new IntegerClearedMatrix(rows, columns, small, big, multipliers);
    }

    private static BigInteger DenominatorLcm(ReadOnlySpan<Rational> values)
    {
        BigInteger multiplier = BigInteger.One;
        foreach (var x in values)
        {
            if (x.IsInteger)
            {
                continue;
            }

            var denominator = x.Denominator;
            multiplier = multiplier / BigInteger.GreatestCommonDivisor(multiplier, denominator) * denominator;
        }

        return multiplier;
    }

    public BigInteger this[int i, int j] => _big is null ? _small[i * ColumnCount + j] : _big[i * ColumnCount + j];

    /// <summary>Returns the bit length b of the largest |entry|, so that every |entry| is below 2^b.</summary>
    public long MaxEntryBitLength()
    {
        long bits = 0;
        if (_big is null)
        {
            foreach (long x in _small)
            {
                bits = Math.Max(bits, 64 - System.Numerics.BitOperations.LeadingZeroCount(x == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(x)));
            }
        }
        else
        {
            foreach (var x in _big)
            {
                bits = Math.Max(bits, (long)BigInteger.Abs(x).GetBitLength());
            }
        }

        return bits;
    }

    /// <summary>
    /// Returns an upper bound for log2 of the product of (1 + Euclidean row norm) over all rows. It bounds every sum of
    /// principal minors of A', so every coefficient of the characteristic polynomial of a square A'.
    /// </summary>
    public double Log2CharacteristicPolynomialBound()
    {
        double total = 0;
        for (int i = 0; i < RowCount; i++)
        {
            BigInteger squares = BigInteger.Zero;
            for (int j = 0; j < ColumnCount; j++)
            {
                var x = this[i, j];
                squares += x * x;
            }

            // 1 + sqrt(s) <= 2 max(1, sqrt(s)), so log2(1 + sqrt(s)) <= 1 + max(0, log2(s) / 2).
            total += 1 + (squares.IsZero ? 0 : Math.Max(0, BigInteger.Log(squares, 2) / 2));
        }

        return total + 1e-9 * RowCount + 1;
    }

    /// <summary>Whether entry (i, j) is zero.</summary>
    public bool IsZeroAt(int i, int j) => _big is null ? _small[i * ColumnCount + j] == 0 : _big[i * ColumnCount + j].IsZero;

    /// <summary>Returns the residues modulo the prime of the given rows (all rows when null), row-major.</summary>
    public ulong[] Residues(WordPrime prime, IReadOnlyList<int>? rows = null)
    {
        int rowCount = rows?.Count ?? RowCount;
        var residues = new ulong[rowCount * ColumnCount];
        for (int r = 0; r < rowCount; r++)
        {
            int source = (rows is null ? r : rows[r]) * ColumnCount;
            int target = r * ColumnCount;
            for (int j = 0; j < ColumnCount; j++)
            {
                residues[target + j] = _big is null ? prime.FromSigned(_small[source + j]) : PrimeModulus.Reduce(_big[source + j], prime.Value);
            }
        }

        return residues;
    }

    /// <summary>
    /// Returns an upper bound for log2 of the Hadamard bound, the product of the Euclidean row norms, which bounds |det A'|;
    /// or negative infinity when a row is zero.
    /// </summary>
    public double Log2HadamardBound()
    {
        double total = 0;
        for (int i = 0; i < RowCount; i++)
        {
            BigInteger squares = BigInteger.Zero;
            for (int j = 0; j < ColumnCount; j++)
            {
                var x = this[i, j];
                squares += x * x;
            }

            if (squares.IsZero)
            {
                return double.NegativeInfinity;
            }

            total += BigInteger.Log(squares, 2) / 2;
        }

        // Rounding of the logarithms stays far below one bit per row, so this margin keeps the value an upper bound.
        return total + 1e-9 * RowCount + 1;
    }
}
