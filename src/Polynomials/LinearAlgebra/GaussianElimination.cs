using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>In-place elimination kernels on row-major arrays over any field.</summary>
internal static class GaussianElimination
{
    /// <summary>
    /// Brings the rows x columns array <paramref name="a"/> to reduced row echelon form and returns the pivot columns.
    /// </summary>
    /// <remarks>
    /// Algorithm: Gauss-Jordan elimination with the first nonzero entry as pivot [Coh93, Sec. 2.2].
    /// Only the first <paramref name="pivotColumnLimit"/> columns are searched for pivots, so that
    /// an augmented matrix [A | B] can be reduced with pivots in A only.
    /// </remarks>
    internal static List<int> ReduceInPlace<T>(
        T[] a, int rows, int columns, T one, CancellationToken ct, int pivotColumnLimit = int.MaxValue)
        where T : struct, IFieldElement<T>
    {
        var pivots = new List<int>();
        int limit = Math.Min(columns, pivotColumnLimit);
        int rank = 0;

        // Invariant: rows 0..rank-1 are in reduced echelon form on columns 0..c-1, and rows rank.. are zero there.
        for (int c = 0; c < limit && rank < rows; c++)
        {
            int pivotRow = FindNonzeroInColumn(a, rows, columns, c, rank);
            if (pivotRow < 0)
            {
                continue;
            }

            SwapRowsInPlace(a, columns, pivotRow, rank);
            var pivot = a.AsSpan(rank * columns, columns);
            var inverse = pivot[c].Inverse();
            for (int j = c + 1; j < columns; j++)
            {
                if (!pivot[j].IsZero)
                {
                    pivot[j] *= inverse;
                }
            }

            pivot[c] = one;
            for (int i = 0; i < rows; i++)
            {
                if (i == rank)
                {
                    continue;
                }

                var row = a.AsSpan(i * columns, columns);
                var factor = row[c];
                if (factor.IsZero)
                {
                    continue;
                }

                row[c] = default;
                for (int j = c + 1; j < columns; j++)
                {
                    if (!pivot[j].IsZero)
                    {
                        row[j] -= factor * pivot[j];
                    }
                }
            }

            pivots.Add(c);
            rank++;
            if ((rank & 15) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return pivots;
    }

    /// <summary>
    /// Returns the determinant of the n x n array <paramref name="a"/>, destroying it.
    /// </summary>
    /// <remarks>Algorithm: Gaussian elimination to upper triangular form [Coh93, Sec. 2.2].</remarks>
    internal static T DeterminantInPlace<T>(T[] a, int n, T one, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        T determinant = one;
        for (int c = 0; c < n; c++)
        {
            int pivotRow = FindNonzeroInColumn(a, n, n, c, c);
            if (pivotRow < 0)
            {
                return default;
            }

            if (pivotRow != c)
            {
                SwapRowsInPlace(a, n, pivotRow, c);
                determinant = -determinant;
            }

            var pivot = a.AsSpan(c * n, n);
            determinant *= pivot[c];
            var inverse = pivot[c].Inverse();
            for (int i = c + 1; i < n; i++)
            {
                var row = a.AsSpan(i * n, n);
                if (row[c].IsZero)
                {
                    continue;
                }

                var factor = row[c] * inverse;
                row[c] = default;
                for (int j = c + 1; j < n; j++)
                {
                    if (!pivot[j].IsZero)
                    {
                        row[j] -= factor * pivot[j];
                    }
                }
            }

            if ((c & 15) == 15)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return determinant;
    }

    /// <summary>
    /// Returns the row at or below <paramref name="startRow"/> with a nonzero entry in the column, or -1. Over Q the entry of
    /// smallest bit size is chosen, which slows the growth of the other entries.
    /// </summary>
    internal static int FindNonzeroInColumn<T>(T[] a, int rows, int columns, int column, int startRow)
        where T : struct, IFieldElement<T>
    {
        if (typeof(T) == typeof(Rational))
        {
            return FindSmallestInColumn((Rational[])(object)a, rows, columns, column, startRow);
        }

        for (int i = startRow; i < rows; i++)
        {
            if (!a[i * columns + column].IsZero)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindSmallestInColumn(Rational[] a, int rows, int columns, int column, int startRow)
    {
        int best = -1;
        long bestSize = long.MaxValue;
        for (int i = startRow; i < rows; i++)
        {
            var x = a[i * columns + column];
            if (x.IsZero)
            {
                continue;
            }

            long size = x.BitSize;
            if (size < bestSize)
            {
                best = i;
                bestSize = size;
                if (size <= 2)
                {
                    break;
                }
            }
        }

        return best;
    }

    internal static void SwapRowsInPlace<T>(T[] a, int columns, int i, int k)
    {
        if (i == k)
        {
            return;
        }

        var first = a.AsSpan(i * columns, columns);
        var second = a.AsSpan(k * columns, columns);
        for (int j = 0; j < columns; j++)
        {
            (first[j], second[j]) = (second[j], first[j]);
        }
    }
}
