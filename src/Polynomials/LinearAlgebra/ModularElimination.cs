namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>In-place elimination kernels on raw residues modulo a word-size prime.</summary>
internal static class ModularElimination
{
    /// <summary>
    /// Brings the rows x columns residue array <paramref name="a"/> to reduced row echelon form modulo p and returns the pivot columns.
    /// </summary>
    /// <remarks>
    /// Algorithm: Gauss-Jordan elimination [Coh93, Sec. 2.2] on residues in [0, p), with Barrett reduction. When
    /// <paramref name="rowOrigins"/> is given, its entries are permuted along with the rows, so that afterwards
    /// rowOrigins[k] is the input row that became row k.
    /// </remarks>
    internal static List<int> ReduceInPlace(ulong[] a, int rows, int columns, WordPrime prime, CancellationToken ct, int[]? rowOrigins = null)
    {
        var pivots = new List<int>();
        var support = new int[columns];
        ulong p = prime.Value;
        int rank = 0;

        // Invariant: rows 0..rank-1 are reduced on columns 0..c-1, and rows rank.. are zero there.
        for (int c = 0; c < columns && rank < rows; c++)
        {
            int pivotRow = -1;
            for (int i = rank; i < rows; i++)
            {
                if (a[i * columns + c] != 0)
                {
                    pivotRow = i;
                    break;
                }
            }

            if (pivotRow < 0)
            {
                continue;
            }

            GaussianElimination.SwapRowsInPlace(a, columns, pivotRow, rank);
            if (rowOrigins is not null)
            {
                (rowOrigins[pivotRow], rowOrigins[rank]) = (rowOrigins[rank], rowOrigins[pivotRow]);
            }

            var pivot = a.AsSpan(rank * columns, columns);
            ulong inverse = prime.Inverse(pivot[c]);
            pivot[c] = 1;

            // The nonzero columns of the pivot row right of c: only those change in the other rows.
            int supportSize = 0;
            for (int j = c + 1; j < columns; j++)
            {
                if (pivot[j] != 0)
                {
                    pivot[j] = prime.Multiply(pivot[j], inverse);
                    support[supportSize++] = j;
                }
            }

            for (int i = 0; i < rows; i++)
            {
                if (i == rank)
                {
                    continue;
                }

                var row = a.AsSpan(i * columns, columns);
                ulong factor = row[c];
                if (factor == 0)
                {
                    continue;
                }

                // row -= factor * pivot, as row + (p - factor) * pivot; every sum stays below p + p^2 < 2^62.
                ulong negated = p - factor;
                row[c] = 0;
                for (int s = 0; s < supportSize; s++)
                {
                    int j = support[s];
                    row[j] = prime.Reduce(row[j] + negated * pivot[j]);
                }
            }

            pivots.Add(c);
            rank++;
            if ((rank & 31) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return pivots;
    }

    /// <summary>Returns the determinant modulo p of the n x n residue array <paramref name="a"/>, destroying it.</summary>
    /// <remarks>Algorithm: Gaussian elimination to upper triangular form [Coh93, Sec. 2.2].</remarks>
    internal static ulong DeterminantInPlace(ulong[] a, int n, WordPrime prime, CancellationToken ct)
    {
        ulong p = prime.Value;
        ulong determinant = 1;
        for (int c = 0; c < n; c++)
        {
            int pivotRow = -1;
            for (int i = c; i < n; i++)
            {
                if (a[i * n + c] != 0)
                {
                    pivotRow = i;
                    break;
                }
            }

            if (pivotRow < 0)
            {
                return 0;
            }

            if (pivotRow != c)
            {
                GaussianElimination.SwapRowsInPlace(a, n, pivotRow, c);
                determinant = determinant == 0 ? 0 : p - determinant;
            }

            var pivot = a.AsSpan(c * n, n);
            determinant = prime.Multiply(determinant, pivot[c]);
            ulong inverse = prime.Inverse(pivot[c]);
            for (int i = c + 1; i < n; i++)
            {
                var row = a.AsSpan(i * n, n);
                if (row[c] == 0)
                {
                    continue;
                }

                ulong negated = p - prime.Multiply(row[c], inverse);
                row[c] = 0;
                for (int j = c + 1; j < n; j++)
                {
                    row[j] = prime.Reduce(row[j] + negated * pivot[j]);
                }
            }

            if ((c & 31) == 31)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return determinant;
    }
}
