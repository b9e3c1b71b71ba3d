using System.Numerics;

namespace InvTheory.Polynomials.IntegerMatrices;

/// <summary>A Hermite decomposition H = U * A of an integer matrix A.</summary>
/// <param name="H">The row-style Hermite normal form of A.</param>
/// <param name="U">Unimodular row transform (m x m).</param>
public sealed record HermiteDecomposition(IntegerMatrix H, IntegerMatrix U)
{
    /// <summary>The number of nonzero rows of H, which equals the rank of A.</summary>
    public int Rank => HermiteNormalForm.PivotColumns(H).Count;
}

/// <summary>Row-style Hermite normal form of integer matrices, with the unimodular transform and certificate checks.</summary>
/// <remarks>
/// Convention: H is in row echelon form. The first nonzero entry of each nonzero row (its pivot) is positive and
/// lies strictly right of the pivot of the row above. Every entry above a pivot lies in [0, pivot). Zero rows
/// come last. Rows of H span the same lattice as the rows of A, and this H is unique for that lattice.
/// </remarks>
public static class HermiteNormalForm
{
    /// <summary>Returns (H, U) with H = U * A, U unimodular and H the row-style Hermite normal form of A.</summary>
    /// <remarks>
    /// Algorithm: column-by-column elimination with Euclidean gcd steps, then reduction of the entries above each
    /// pivot modulo the pivot [Coh93, Sec. 2.4]. Growth control: within a column the pivot is the entry of least
    /// absolute value, and the other rows are reduced by the quotient rounded to nearest, so the column's entries
    /// shrink like a Euclidean remainder sequence. The entries above each pivot are reduced into [0, pivot) as soon
    /// as the pivot is final. The rank of A equals the number of nonzero rows of H, and the last m - rank rows of U
    /// form a basis of the integer left kernel {x : x^T A = 0}.
    /// </remarks>
    public static HermiteDecomposition Decompose(IntegerMatrix a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var work = a.ToArray();
        var u = IntegerMatrix.Identity(a.RowCount).ToArray();
        EchelonizeInPlace(work, u, ct);
        return new HermiteDecomposition(IntegerMatrix.FromArray(work), IntegerMatrix.FromArray(u));
    }

    /// <summary>Returns the Hermite normal form of <paramref name="a"/> without the transform.</summary>
    /// <remarks>Algorithm: as <see cref="Decompose"/>, without tracking U.</remarks>
    public static IntegerMatrix Compute(IntegerMatrix a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var work = a.ToArray();
        EchelonizeInPlace(work, null, ct);
        return IntegerMatrix.FromArray(work);
    }

    /// <summary>Returns the pivot column of each nonzero row of <paramref name="h"/>, top to bottom (the column of its first nonzero entry).</summary>
    public static IReadOnlyList<int> PivotColumns(IntegerMatrix h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var pivots = new List<int>();
        for (int i = 0; i < h.RowCount; i++)
        {
            int j = 0;
            while (j < h.ColumnCount && h[i, j].IsZero)
            {
                j++;
            }

            if (j < h.ColumnCount)
            {
                pivots.Add(j);
            }
        }

        return pivots.AsReadOnly();
    }

    /// <summary>Whether <paramref name="h"/> is in row-style Hermite normal form (see the class remarks for the convention).</summary>
    public static bool IsHermiteForm(IntegerMatrix h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return FindHermiteFormViolation(h) is null;
    }

    /// <summary>
    /// Checks a claimed Hermite decomposition of <paramref name="a"/> exactly: the shapes, H = U * A, det U = +-1,
    /// H in Hermite form, and rank H = rank A.
    /// </summary>
    /// <remarks>
    /// Algorithm: exact matrix product and fraction-free determinant and rank [Bar68]. Because the Hermite form
    /// of a row lattice is unique, the checks prove that H is the Hermite normal form of A.
    /// </remarks>
    public static NormalFormVerification Verify(IntegerMatrix a, HermiteDecomposition decomposition)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(decomposition);
        var (h, u) = decomposition;
        var checks = new List<NormalFormCheck>();

        bool shapesOk = u.RowCount == a.RowCount && u.ColumnCount == a.RowCount && h.RowCount == a.RowCount && h.ColumnCount == a.ColumnCount;
        checks.Add(new NormalFormCheck(
            "shapes",
            shapesOk,
            $"A is {a.RowCount} x {a.ColumnCount}, U is {u.RowCount} x {u.ColumnCount}, H is {h.RowCount} x {h.ColumnCount}"));
        if (!shapesOk)
        {
            return new NormalFormVerification(checks);
        }

        var product = u * a;
        checks.Add(new NormalFormCheck("H = U*A", product == h, product == h ? "exact product matches" : $"U*A = {product}, H = {h}"));
        checks.Add(SmithNormalForm.UnimodularCheck("det U = +-1", u));

        string? violation = FindHermiteFormViolation(h);
        checks.Add(new NormalFormCheck(
            "H in Hermite form",
            violation is null,
            violation ?? "echelon form, positive pivots, entries above each pivot in [0, pivot), zero rows last"));

        int rankA = a.Rank();
        int rankH = PivotColumns(h).Count;
        checks.Add(new NormalFormCheck("rank H = rank A", rankA == rankH, $"rank A = {rankA}, nonzero rows of H = {rankH}"));
        return new NormalFormVerification(checks);
    }

    // Returns null when h is in Hermite form, otherwise a description of the first violation.
    private static string? FindHermiteFormViolation(IntegerMatrix h)
    {
        int previousPivot = -1;
        bool seenZeroRow = false;
        for (int i = 0; i < h.RowCount; i++)
        {
            int pivot = 0;
            while (pivot < h.ColumnCount && h[i, pivot].IsZero)
            {
                pivot++;
            }

            if (pivot == h.ColumnCount)
            {
                seenZeroRow = true;
                continue;
            }

            if (seenZeroRow)
            {
                return $"row {i + 1} is nonzero but comes after a zero row; zero rows must come last";
            }

            if (pivot <= previousPivot)
            {
                return $"the pivot of row {i + 1} is in column {pivot + 1}, not right of the pivot of the row above (column {previousPivot + 1})";
            }

            var pivotValue = h[i, pivot];
            if (pivotValue.Sign <= 0)
            {
                return $"the pivot H[{i + 1},{pivot + 1}] = {pivotValue} is not positive";
            }

            for (int k = 0; k < i; k++)
            {
                var above = h[k, pivot];
                if (above.Sign < 0 || above >= pivotValue)
                {
                    return $"H[{k + 1},{pivot + 1}] = {above} above the pivot {pivotValue} is not in [0, {pivotValue})";
                }
            }

            previousPivot = pivot;
        }

        return null;
    }

    // Brings a to Hermite form in place; u, when given, receives the same row operations.
    private static void EchelonizeInPlace(BigInteger[,] a, BigInteger[,]? u, CancellationToken ct)
    {
        int m = a.GetLength(0);
        int n = a.GetLength(1);
        int r = 0;

        // Invariant: rows 0..r-1 are in Hermite form on columns 0..j-1, and rows r.. are zero on columns 0..j-1.
        for (int j = 0; j < n && r < m; j++)
        {
            ct.ThrowIfCancellationRequested();

            // Phase 1: Euclidean steps on column j among rows r.. until one nonzero entry is left, in row r.
            bool hasPivot = false;
            while (true)
            {
                int pivotRow = FindSmallestInColumn(a, j, r);
                if (pivotRow < 0)
                {
                    break;
                }

                hasPivot = true;
                Swap(a, u, r, pivotRow);
                bool cleared = true;
                for (int i = r + 1; i < m; i++)
                {
                    if (a[i, j].IsZero)
                    {
                        continue;
                    }

                    AddMultiple(a, u, i, r, -IntegerRowOperations.RoundedQuotient(a[i, j], a[r, j]));
                    cleared &= a[i, j].IsZero;
                }

                if (cleared)
                {
                    break;
                }
            }

            if (!hasPivot)
            {
                continue;
            }

            // Phase 2: make the pivot positive.
            if (a[r, j].Sign < 0)
            {
                IntegerRowOperations.NegateRowInPlace(a, r);
                if (u is not null)
                {
                    IntegerRowOperations.NegateRowInPlace(u, r);
                }
            }

            // Phase 3: reduce the entries above the pivot into [0, pivot).
            for (int k = 0; k < r; k++)
            {
                var quotient = IntegerRowOperations.FloorQuotient(a[k, j], a[r, j]);
                AddMultiple(a, u, k, r, -quotient);
            }

            r++;
        }
    }

    private static int FindSmallestInColumn(BigInteger[,] a, int column, int startRow)
    {
        int best = -1;
        BigInteger bestMagnitude = BigInteger.Zero;
        for (int i = startRow; i < a.GetLength(0); i++)
        {
            var magnitude = BigInteger.Abs(a[i, column]);
            if (!magnitude.IsZero && (best < 0 || magnitude < bestMagnitude))
            {
                best = i;
                bestMagnitude = magnitude;
            }
        }

        return best;
    }

    private static void Swap(BigInteger[,] a, BigInteger[,]? u, int r1, int r2)
    {
        if (r1 == r2)
        {
            return;
        }

        IntegerRowOperations.SwapRowsInPlace(a, r1, r2);
        if (u is not null)
        {
            IntegerRowOperations.SwapRowsInPlace(u, r1, r2);
        }
    }

    private static void AddMultiple(BigInteger[,] a, BigInteger[,]? u, int target, int source, BigInteger factor)
    {
        if (factor.IsZero)
        {
            return;
        }

        IntegerRowOperations.AddRowMultipleInPlace(a, target, source, factor);
        if (u is not null)
        {
            IntegerRowOperations.AddRowMultipleInPlace(u, target, source, factor);
        }
    }
}
