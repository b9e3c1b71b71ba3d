using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>Characteristic polynomial kernels.</summary>
internal static class CharacteristicPolynomial
{
    /// <summary>
    /// Returns the coefficients of det(x I - A), lowest degree first, for the n x n array <paramref name="a"/>, destroying it.
    /// </summary>
    /// <remarks>
    /// Algorithm: reduction to upper Hessenberg form by similarity transformations, then the
    /// recurrence for the characteristic polynomials of the leading blocks [Coh93, Sec. 2.2].
    /// Uses O(n^3) field operations and divides only by nonzero entries, so it works over every field.
    /// </remarks>
    internal static T[] HessenbergInPlace<T>(T[] a, int n, T one, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        // Phase 1: reduce to upper Hessenberg form H = S A S^-1 (H[i, j] = 0 for i > j + 1).
        for (int m = 1; m < n - 1; m++)
        {
            int pivotRow = -1;
            for (int i = m; i < n; i++)
            {
                if (!a[i * n + m - 1].IsZero)
                {
                    pivotRow = i;
                    break;
                }
            }

            if (pivotRow < 0)
            {
                continue;
            }

            if (pivotRow != m)
            {
                // Swapping rows and the same columns is a similarity by a permutation matrix.
                GaussianElimination.SwapRowsInPlace(a, n, pivotRow, m);
                for (int i = 0; i < n; i++)
                {
                    (a[i * n + pivotRow], a[i * n + m]) = (a[i * n + m], a[i * n + pivotRow]);
                }
            }

            var inverse = a[m * n + m - 1].Inverse();
            for (int i = m + 1; i < n; i++)
            {
                var u = a[i * n + m - 1];
                if (u.IsZero)
                {
                    continue;
                }

                u *= inverse;

                // Row i -= u * row m (left factor E), then column m += u * column i (right factor E^-1).
                for (int j = m - 1; j < n; j++)
                {
                    a[i * n + j] -= u * a[m * n + j];
                }

                for (int r = 0; r < n; r++)
                {
                    a[r * n + m] += u * a[r * n + i];
                }
            }

            ct.ThrowIfCancellationRequested();
        }

        // Phase 2: p_k = characteristic polynomial of the leading k x k block of H, by
        // p_k = (x - H[k-1, k-1]) p_{k-1} - sum_{i=1}^{k-1} (H[k-1, k-2] ... H[k-i, k-i-1]) H[k-i-1, k-1] p_{k-i-1}.
        var polynomials = new T[n + 1][];
        polynomials[0] = [one];
        for (int k = 1; k <= n; k++)
        {
            var previous = polynomials[k - 1];
            var current = new T[k + 1];
            var diagonal = a[(k - 1) * n + k - 1];
            for (int d = 0; d < previous.Length; d++)
            {
                current[d + 1] += previous[d];
                current[d] -= diagonal * previous[d];
            }

            T product = one;
            for (int i = 1; i < k; i++)
            {
                product *= a[(k - i) * n + k - i - 1];
                if (product.IsZero)
                {
                    break;
                }

                var factor = product * a[(k - i - 1) * n + k - 1];
                if (factor.IsZero)
                {
                    continue;
                }

                var lower = polynomials[k - i - 1];
                for (int d = 0; d < lower.Length; d++)
                {
                    current[d] -= factor * lower[d];
                }
            }

            polynomials[k] = current;
        }

        return polynomials[n];
    }
}
