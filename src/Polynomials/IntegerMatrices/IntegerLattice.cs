using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.IntegerMatrices;

/// <summary>Integer lattices given by basis rows: kernel lattices, LLL reduction and nearest-plane size reduction.</summary>
public static class IntegerLattice
{
    /// <summary>
    /// Returns a basis (as rows) of the integer kernel lattice {x in Z^n : A x = 0} of the m x n matrix
    /// <paramref name="a"/>; it has n - rank(A) rows.
    /// </summary>
    /// <remarks>
    /// Algorithm: Hermite decomposition U * A^T = H [Coh93, Sec. 2.4]. The rows of U whose rows of H are zero span
    /// the whole kernel lattice, not only a sublattice of finite index: U is unimodular, so every integer kernel
    /// vector x has integer coordinates y = U^(-T) x, and y^T H = 0 forces the coordinates on the nonzero
    /// (independent) rows of H to vanish. The rows are not reduced; apply <see cref="LllReduce"/> for short ones.
    /// </remarks>
    public static IntegerMatrix KernelBasis(IntegerMatrix a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var (h, u) = HermiteNormalForm.Decompose(a.Transpose(), ct);
        int rank = HermiteNormalForm.PivotColumns(h).Count;
        var kernelRows = Enumerable.Range(rank, a.ColumnCount - rank).ToList();
        return u.SelectRows(kernelRows);
    }

    /// <summary>
    /// Returns an LLL-reduced basis (as rows) of the lattice spanned by the linearly independent rows of
    /// <paramref name="basis"/>, with Lovasz constant <paramref name="delta"/> (default 3/4).
    /// </summary>
    /// <remarks>
    /// Algorithm: LLL reduction with exact rational Gram-Schmidt data [LLL82], [Coh93, Alg. 2.6.3]. The output
    /// spans the same lattice, is size-reduced (|mu_ij| &lt;= 1/2) and satisfies the Lovasz condition. The
    /// Gram-Schmidt data are recomputed after each swap, which costs O(k^2 n) rational operations per swap for k
    /// vectors in Z^n. That suits the small bases used for dimensionless groups. The number of swaps is polynomial
    /// in k and the bit size of the input.
    /// </remarks>
    /// <exception cref="ArgumentException">The rows are linearly dependent, or delta is not in (1/4, 1].</exception>
    public static IntegerMatrix LllReduce(IntegerMatrix basis, Rational? delta = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var lovasz = delta ?? Rational.Create(3, 4);
        if (lovasz <= Rational.Create(1, 4) || lovasz > Rational.One)
        {
            throw new ArgumentException($"LLL needs a Lovasz constant in (1/4, 1]; got {lovasz}. Use 3/4.", nameof(delta));
        }

        var b = ToRows(basis);
        int count = b.Count;
        var gram = new GramSchmidt(b);
        if (gram.HasZeroVector(out int dependentRow))
        {
            throw new ArgumentException(
                $"LLL needs linearly independent rows; row {dependentRow + 1} depends on the rows above it. Pass a basis of the lattice.",
                nameof(basis));
        }

        int k = 1;

        // Invariant: rows 0..k-1 are LLL-reduced.
        while (k < count)
        {
            ct.ThrowIfCancellationRequested();
            SizeReduceStep(b, gram, k, k - 1);
            var mu = gram.Mu[k][k - 1];
            if (gram.Norms[k] < (lovasz - (mu * mu)) * gram.Norms[k - 1])
            {
                (b[k], b[k - 1]) = (b[k - 1], b[k]);
                gram = new GramSchmidt(b);
                k = Math.Max(k - 1, 1);
                continue;
            }

            for (int l = k - 2; l >= 0; l--)
            {
                SizeReduceStep(b, gram, k, l);
            }

            k++;
        }

        return IntegerMatrix.FromRows(b.Select(r => (IEnumerable<BigInteger>)r), basis.ColumnCount);
    }

    /// <summary>
    /// Returns v - w for the lattice vector w that Babai's nearest-plane rule picks from the lattice spanned by the
    /// rows of <paramref name="basis"/>; the result is congruent to <paramref name="vector"/> modulo the lattice and
    /// short when the basis is LLL-reduced.
    /// </summary>
    /// <remarks>
    /// Algorithm: nearest-plane rounding along the Gram-Schmidt vectors, last to first [Bab86]. Rounding takes
    /// halves up, so the result is deterministic.
    /// </remarks>
    /// <exception cref="ArgumentException">The vector length differs from the basis width, or the rows are dependent.</exception>
    public static IReadOnlyList<BigInteger> NearestPlaneReduce(IReadOnlyList<BigInteger> vector, IntegerMatrix basis)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(basis);
        if (vector.Count != basis.ColumnCount)
        {
            throw new ArgumentException(
                $"Nearest-plane reduction needs a vector of length {basis.ColumnCount} (the basis width); got {vector.Count}.", nameof(vector));
        }

        var rows = ToRows(basis);
        var gram = new GramSchmidt(rows);
        if (gram.HasZeroVector(out int dependentRow))
        {
            throw new ArgumentException($"Nearest-plane reduction needs independent rows; row {dependentRow + 1} is dependent.", nameof(basis));
        }

        var result = vector.ToArray();
        for (int i = rows.Count - 1; i >= 0; i--)
        {
            var coefficient = Dot(result, gram.Orthogonal[i]) / gram.Norms[i];
            var c = RoundHalfUp(coefficient);
            if (c.IsZero)
            {
                continue;
            }

            for (int j = 0; j < result.Length; j++)
            {
                result[j] -= c * rows[i][j];
            }
        }

        return Array.AsReadOnly(result);
    }

    // b[k] -= round(mu[k][l]) * b[l], with the matching update of the Gram-Schmidt coefficients of row k.
    private static void SizeReduceStep(List<BigInteger[]> b, GramSchmidt gram, int k, int l)
    {
        var q = RoundHalfUp(gram.Mu[k][l]);
        if (q.IsZero)
        {
            return;
        }

        for (int j = 0; j < b[k].Length; j++)
        {
            b[k][j] -= q * b[l][j];
        }

        var qRational = (Rational)q;
        for (int j = 0; j < l; j++)
        {
            gram.Mu[k][j] -= qRational * gram.Mu[l][j];
        }

        gram.Mu[k][l] -= qRational;
    }

    private static BigInteger RoundHalfUp(Rational value) => (value + Rational.Create(1, 2)).Floor();

    private static Rational Dot(BigInteger[] integers, Rational[] rationals)
    {
        Rational sum = Rational.Zero;
        for (int j = 0; j < integers.Length; j++)
        {
            if (!integers[j].IsZero)
            {
                sum += (Rational)integers[j] * rationals[j];
            }
        }

        return sum;
    }

    private static List<BigInteger[]> ToRows(IntegerMatrix m) =>
        Enumerable.Range(0, m.RowCount).Select(i => m.Row(i).ToArray()).ToList();

    // Exact Gram-Schmidt data of integer rows: orthogonal vectors b*_i, their squared norms B_i and coefficients mu_ij.
    private sealed class GramSchmidt
    {
        public GramSchmidt(List<BigInteger[]> rows)
        {
            int count = rows.Count;
            int width = count > 0 ? rows[0].Length : 0;
            Orthogonal = new Rational[count][];
            Norms = new Rational[count];
            Mu = new Rational[count][];
            for (int i = 0; i < count; i++)
            {
                Mu[i] = new Rational[count];
                var star = rows[i].Select(x => (Rational)x).ToArray();
                for (int j = 0; j < i; j++)
                {
                    if (Norms[j].IsZero)
                    {
                        continue;
                    }

                    Mu[i][j] = Dot(rows[i], Orthogonal[j]) / Norms[j];
                    for (int c = 0; c < width; c++)
                    {
                        star[c] -= Mu[i][j] * Orthogonal[j][c];
                    }
                }

                Orthogonal[i] = star;
                Norms[i] = star.Aggregate(Rational.Zero, (sum, x) => sum + (x * x));
            }
        }

        public Rational[][] Orthogonal { get; }

        public Rational[] Norms { get; }

        public Rational[][] Mu { get; }

        public bool HasZeroVector(out int row)
        {
            row = Array.FindIndex(Norms, n => n.IsZero);
            return row >= 0;
        }
    }
}
