using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// Exact linear algebra over Q with a choice of algorithm: direct elimination in rational arithmetic, or multi-modular
/// elimination with an exact check. <see cref="Matrix{T}"/> calls these for rational matrices.
/// </summary>
public static class RationalMatrixAlgorithms
{
    /// <summary>Fewest nonzero entries for which <see cref="LinearAlgebraAlgorithm.Auto"/> uses the modular algorithms on a half-dense matrix.</summary>
    public const int ModularMinimumNonzeros = 16;

    /// <summary>Number of nonzero entries from which <see cref="LinearAlgebraAlgorithm.Auto"/> uses the modular algorithms at any density.</summary>
    public const int ModularSparseNonzeros = 100;

    /// <summary>
    /// Returns whether <see cref="LinearAlgebraAlgorithm.Auto"/> picks the modular algorithms: when the matrix has at least
    /// <see cref="ModularSparseNonzeros"/> nonzero entries, or at least <see cref="ModularMinimumNonzeros"/> and at least half
    /// of its entries are nonzero.
    /// </summary>
    /// <remarks>
    /// Measured with <c>dotnet run -c Release --project bench -- linalg-crossover</c> (table in docs/benchmarks.md): on dense
    /// random matrices with entries in [-9, 9] the modular algorithms win from 4x4 on, while on sparse 0/1/-1 matrices, where
    /// rational elimination barely grows the entries, direct elimination wins up to about 12x12 (about 60 nonzero entries).
    /// </remarks>
    public static bool PrefersModular(Matrix<Rational> a) => PrefersModular(a, ModularSparseNonzeros);

    /// <summary>Number of nonzero entries from which <see cref="LinearAlgebraAlgorithm.Auto"/> computes characteristic polynomials modularly at any density.</summary>
    public const int ModularCharacteristicPolynomialSparseNonzeros = 40;

    /// <summary>
    /// Returns whether <see cref="LinearAlgebraAlgorithm.Auto"/> computes the characteristic polynomial modularly: as
    /// <see cref="PrefersModular(Matrix{Rational})"/>, but from <see cref="ModularCharacteristicPolynomialSparseNonzeros"/>
    /// nonzero entries at any density, because the Hessenberg reduction in rational arithmetic grows entries much faster
    /// than elimination (on 12x12 sparse 0/1/-1 matrices it was already 20 times slower than the modular algorithm).
    /// </summary>
    public static bool PrefersModularCharacteristicPolynomial(Matrix<Rational> a) => PrefersModular(a, ModularCharacteristicPolynomialSparseNonzeros);

    private static bool PrefersModular(Matrix<Rational> a, int sparseNonzeros)
    {
        ArgumentNullException.ThrowIfNull(a);
        int nonzeros = 0;
        foreach (var x in a.RowMajorEntries)
        {
            if (!x.IsZero)
            {
                nonzeros++;
            }
        }

        return nonzeros >= sparseNonzeros || (nonzeros >= ModularMinimumNonzeros && 2L * nonzeros >= (long)a.RowCount * a.ColumnCount);
    }

    /// <summary>Returns the reduced row echelon form of a rational matrix and its pivot columns.</summary>
    /// <remarks>
    /// <para>
    /// Algorithm: <see cref="LinearAlgebraAlgorithm.Direct"/> is Gauss-Jordan elimination with the pivot of smallest bit size
    /// [Coh93, Sec. 2.2]. <see cref="LinearAlgebraAlgorithm.Modular"/> is multi-modular echelon form with rational
    /// reconstruction and an exact check [GG13, Ch. 5], see <see cref="ModularReducedRowEchelon"/>.
    /// </para>
    /// <para>Both give the same, exact result.</para>
    /// </remarks>
    public static ReducedRowEchelonForm<Rational> ReducedRowEchelon(
        Matrix<Rational> a, LinearAlgebraAlgorithm algorithm = LinearAlgebraAlgorithm.Auto, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        bool modular = algorithm switch
        {
            LinearAlgebraAlgorithm.Direct => false,
            LinearAlgebraAlgorithm.Modular => true,
            LinearAlgebraAlgorithm.Auto => PrefersModular(a),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, $"Unknown linear algebra algorithm {algorithm}; use Auto, Direct or Modular."),
        };
        return modular ? ModularReducedRowEchelon(a, ct) : DirectReducedRowEchelon(a, ct);
    }

    /// <summary>Returns the determinant of a square rational matrix.</summary>
    /// <remarks>
    /// Algorithm: <see cref="LinearAlgebraAlgorithm.Direct"/> is Gaussian elimination [Coh93, Sec. 2.2];
    /// <see cref="LinearAlgebraAlgorithm.Modular"/> computes det A' of the integer matrix A' with cleared row denominators
    /// modulo enough primes that their product exceeds twice the Hadamard bound, then combines by Chinese remaindering
    /// [GG13, Ch. 5]. The bound makes the modular result exact without a further check.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public static Rational Determinant(
        Matrix<Rational> a, LinearAlgebraAlgorithm algorithm = LinearAlgebraAlgorithm.Auto, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!a.IsSquare)
        {
            throw new InvalidOperationException($"Determinant needs a square matrix, but this matrix is {a.RowCount}x{a.ColumnCount}.");
        }

        bool modular = algorithm switch
        {
            LinearAlgebraAlgorithm.Direct => false,
            LinearAlgebraAlgorithm.Modular => true,
            LinearAlgebraAlgorithm.Auto => PrefersModular(a),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, $"Unknown linear algebra algorithm {algorithm}; use Auto, Direct or Modular."),
        };
        return modular ? ModularDeterminant(a, ct) : GaussianElimination.DeterminantInPlace(a.CopyEntries(), a.RowCount, Rational.One, ct);
    }

    /// <summary>
    /// Returns the coefficients of the characteristic polynomial det(x I - A) of a square rational matrix, lowest degree first.
    /// </summary>
    /// <remarks>
    /// Algorithm: <see cref="LinearAlgebraAlgorithm.Direct"/> is the Hessenberg reduction in rational arithmetic [Coh93, Sec. 2.2].
    /// <see cref="LinearAlgebraAlgorithm.Modular"/> scales A by the common denominator L to the integer matrix A' = L A, computes
    /// the characteristic polynomial of A' by the Hessenberg reduction modulo enough primes that their product exceeds twice
    /// the bound prod_i (1 + |row_i(A')|) on its coefficients, combines by Chinese remaindering [GG13, Ch. 5], and divides the
    /// coefficient of x^k by L^(n-k). The bound makes the modular result exact without a further check.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public static IReadOnlyList<Rational> CharacteristicPolynomial(
        Matrix<Rational> a, LinearAlgebraAlgorithm algorithm = LinearAlgebraAlgorithm.Auto, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!a.IsSquare)
        {
            throw new InvalidOperationException($"CharacteristicPolynomial needs a square matrix, but this matrix is {a.RowCount}x{a.ColumnCount}.");
        }

        bool modular = algorithm switch
        {
            LinearAlgebraAlgorithm.Direct => false,
            LinearAlgebraAlgorithm.Modular => true,
            LinearAlgebraAlgorithm.Auto => PrefersModularCharacteristicPolynomial(a),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, $"Unknown linear algebra algorithm {algorithm}; use Auto, Direct or Modular."),
        };
        var coefficients = modular
            ? ModularCharacteristicPolynomial(a, ct)
            : LinearAlgebra.CharacteristicPolynomial.HessenbergInPlace(a.CopyEntries(), a.RowCount, Rational.One, ct);
        return Array.AsReadOnly(coefficients);
    }

    /// <summary>Returns the reduced row echelon form by Gauss-Jordan elimination in rational arithmetic.</summary>
    internal static ReducedRowEchelonForm<Rational> DirectReducedRowEchelon(Matrix<Rational> a, CancellationToken ct)
    {
        var entries = a.CopyEntries();
        var pivots = GaussianElimination.ReduceInPlace(entries, a.RowCount, a.ColumnCount, Rational.One, ct);
        return new ReducedRowEchelonForm<Rational>(new Matrix<Rational>(a.Field, a.RowCount, a.ColumnCount, entries), pivots.AsReadOnly());
    }

    /// <summary>Returns the reduced row echelon form by the multi-modular algorithm.</summary>
    /// <remarks>
    /// <para>Algorithm: multi-modular echelon form [GG13, Ch. 5]. Phases:</para>
    /// <list type="number">
    /// <item>Clear denominators row by row, giving an integer matrix A' with the same echelon form.</item>
    /// <item>For primes p below 2^31, compute the echelon form of A' mod p. Keep the primes whose pivot list is best
    /// (highest rank, then lexicographically smallest); a prime with a worse list divides a minor and is discarded.
    /// When the rank r is below the row count, later primes reduce only the r rows that were pivot rows.</item>
    /// <item>After each kept prime, try to reconstruct the non-pivot entries as fractions N / d with a common denominator d
    /// by Chinese remaindering and rational reconstruction modulo the product M of the kept primes.</item>
    /// <item>Prove the candidate R = N / d. It is in reduced echelon form by construction. The integer matrix
    /// E = d A' - A'[:, P] N vanishes modulo every kept prime p, because N = d R_p mod p and A' = A'[:, P] R_p mod p for the
    /// echelon form R_p modulo p. If the bound |E| &lt;= |d| max|A'| + r max|A'| max|N| is below M, then E = 0. Rows that
    /// were not reduced modulo the kept primes are checked exactly instead. So A' = A'[:, P] R over Q, which shows that
    /// rowspace(A') is contained in rowspace(R). Since rank A' is at least the rank modulo any prime, which is rank R, the two
    /// row spaces are equal and R is the echelon form of A.</item>
    /// </list>
    /// <para>If the bound is not met yet, more primes are added; if the exact check of the other rows fails, the algorithm
    /// starts over with all rows. The loop ends because with enough primes the reconstruction is correct and the bound is met:
    /// the entries are quotients of minors of A', bounded by the Hadamard bound.</para>
    /// </remarks>
    internal static ReducedRowEchelonForm<Rational> ModularReducedRowEchelon(Matrix<Rational> a, CancellationToken ct)
    {
        // Phase 1: integer matrix with the same echelon form.
        var cleared = IntegerClearedMatrix.FromRational(a);
        int rows = a.RowCount, columns = a.ColumnCount;

        int[]? bestPivots = null;
        int[] freeColumns = [];
        var primes = new List<WordPrime>();
        var residues = new List<uint[]>();
        int nextAttempt = 1;

        // Rows of A' that were pivot rows modulo the prime that set the best pivots. When the rank is below the row
        // count, later primes reduce only these rows: they have full rank r modulo a prime, hence over Q, so for a
        // correct pivot list their echelon form is that of A'. The other rows are checked exactly at the end.
        int[]? pivotRows = null;
        long entryBits = cleared.MaxEntryBitLength();

        for (int index = 0; ; index++)
        {
            ct.ThrowIfCancellationRequested();
            if (index > 1_000_000)
            {
                throw new InvalidOperationException(
                    $"Modular echelon form of a {rows}x{columns} matrix used more than 1000000 primes without a verified result; this points to a bug.");
            }

            // Phase 2: echelon form modulo one more prime, and comparison of its pivots with the best so far.
            var prime = WordPrime.Get(index);
            int reducedRows = pivotRows?.Length ?? rows;
            var reduced = cleared.Residues(prime, pivotRows);
            var rowOrigins = pivotRows is null ? Enumerable.Range(0, rows).ToArray() : null;
            var pivots = ModularElimination.ReduceInPlace(reduced, reducedRows, columns, prime, ct, rowOrigins).ToArray();
            int comparison = bestPivots is null ? -1 : ComparePivots(pivots, bestPivots);
            if (comparison > 0)
            {
                continue;
            }

            if (comparison < 0)
            {
                bestPivots = pivots;
                freeColumns = NonPivotColumns(pivots, columns);
                primes.Clear();
                residues.Clear();
                nextAttempt = 1;
                if (rowOrigins is not null && pivots.Length < rows)
                {
                    pivotRows = rowOrigins[..pivots.Length];
                    Array.Sort(pivotRows);
                }
            }

            primes.Add(prime);
            residues.Add(ExtractFreeEntries(reduced, columns, pivots.Length, freeColumns));

            // Phase 3: reconstruction. A failed attempt usually stops at the first entry that needs the full common
            // denominator, so it is cheap and runs again after the next prime. After an attempt that failed late, the
            // number of primes grows by a quarter before the next attempt.
            if (primes.Count < nextAttempt)
            {
                continue;
            }

            var candidate = ReconstructedEchelonForm.TryReconstruct(primes, residues, ct, out int processed, out var modulus);
            bool failedLate = candidate is null && processed > residues[0].Length / 8;
            nextAttempt = failedLate ? Math.Max(primes.Count + 1, primes.Count * 5 / 4) : primes.Count + 1;

            // Phase 4: proof by the residual bound, then an exact check of the rows that the kept primes did not reduce.
            if (candidate is null || !candidate.ResidualBoundBelow(modulus, entryBits, pivots.Length))
            {
                continue;
            }

            if (pivotRows is null)
            {
                return candidate.ToEchelonForm(a.Field, rows, columns, bestPivots!, freeColumns);
            }

            var otherRows = Enumerable.Range(0, rows).Except(pivotRows).ToArray();
            if (candidate.Verify(cleared, otherRows, bestPivots!, freeColumns, ct))
            {
                return candidate.ToEchelonForm(a.Field, rows, columns, bestPivots!, freeColumns);
            }

            // The pivot list or the pivot rows came from unlucky primes: start over with every row.
            pivotRows = null;
            bestPivots = null;
            primes.Clear();
            residues.Clear();
            nextAttempt = 1;
        }
    }

    /// <summary>Returns the determinant by the multi-modular algorithm with the Hadamard bound.</summary>
    internal static Rational ModularDeterminant(Matrix<Rational> a, CancellationToken ct)
    {
        int n = a.RowCount;
        if (n == 0)
        {
            return Rational.One;
        }

        var cleared = IntegerClearedMatrix.FromRational(a);
        double log2Bound = cleared.Log2HadamardBound();
        if (double.IsNegativeInfinity(log2Bound))
        {
            return Rational.Zero;
        }

        // The symmetric residue modulo M determines det A' when M > 2 |det A'|, which is true once log2 M > log2 H + 1.
        var primes = new List<WordPrime>();
        var determinants = new List<ulong>();
        double log2Modulus = 0;
        while (log2Modulus <= log2Bound + 1)
        {
            ct.ThrowIfCancellationRequested();
            var prime = WordPrime.Get(primes.Count);
            primes.Add(prime);
            determinants.Add(ModularElimination.DeterminantInPlace(cleared.Residues(prime), n, prime, ct));
            log2Modulus += Math.Log2(prime.Value);
        }

        var determinant = new ChineseRemainder(primes).CombineSymmetric(determinants.ToArray());
        BigInteger multiplier = BigInteger.One;
        foreach (var m in cleared.RowMultipliers)
        {
            multiplier *= m;
        }

        return Rational.Create(determinant, multiplier);
    }

    /// <summary>Returns the characteristic polynomial by the multi-modular algorithm with a coefficient bound.</summary>
    internal static Rational[] ModularCharacteristicPolynomial(Matrix<Rational> a, CancellationToken ct)
    {
        int n = a.RowCount;
        var cleared = IntegerClearedMatrix.FromRational(a, commonDenominator: true);
        double log2Bound = cleared.Log2CharacteristicPolynomialBound();

        // Each coefficient c' of det(x I - A') satisfies |c'| <= bound, so its symmetric residue modulo M > 2 bound is c'.
        var primes = new List<WordPrime>();
        var residues = new List<ModInt[]>();
        double log2Modulus = 0;
        while (log2Modulus <= log2Bound + 1)
        {
            ct.ThrowIfCancellationRequested();
            var prime = WordPrime.Get(primes.Count);
            var field = PrimeField.Get(prime.Value);
            var reduced = cleared.Residues(prime);
            var entries = new ModInt[reduced.Length];
            for (int k = 0; k < entries.Length; k++)
            {
                entries[k] = field.FromResidue(reduced[k]);
            }

            primes.Add(prime);
            residues.Add(LinearAlgebra.CharacteristicPolynomial.HessenbergInPlace(entries, n, field.One, ct));
            log2Modulus += Math.Log2(prime.Value);
        }

        var crt = new ChineseRemainder(primes);
        var coefficients = new Rational[n + 1];
        var scratch = new ulong[primes.Count];
        BigInteger denominator = n == 0 ? BigInteger.One : cleared.RowMultipliers[0];
        BigInteger power = BigInteger.One;

        // The coefficient of x^k in det(x I - A) is c'_k / L^(n-k); go down from k = n, where L^0 = 1.
        for (int k = n; k >= 0; k--)
        {
            for (int i = 0; i < primes.Count; i++)
            {
                scratch[i] = residues[i][k].Value;
            }

            coefficients[k] = Rational.Create(crt.CombineSymmetric(scratch), power);
            power *= denominator;
        }

        return coefficients;
    }

    // Negative when the first pivot list is better: higher rank, or equal rank and lexicographically smaller.
    private static int ComparePivots(int[] pivots, int[] best)
    {
        if (pivots.Length != best.Length)
        {
            return pivots.Length > best.Length ? -1 : 1;
        }

        for (int k = 0; k < pivots.Length; k++)
        {
            if (pivots[k] != best[k])
            {
                return pivots[k] < best[k] ? -1 : 1;
            }
        }

        return 0;
    }

    private static int[] NonPivotColumns(int[] pivots, int columns)
    {
        var free = new int[columns - pivots.Length];
        int f = 0, k = 0;
        for (int j = 0; j < columns; j++)
        {
            if (k < pivots.Length && pivots[k] == j)
            {
                k++;
            }
            else
            {
                free[f++] = j;
            }
        }

        return free;
    }

    // The entries of the first rank rows at the non-pivot columns, row-major (rank x free.Length).
    private static uint[] ExtractFreeEntries(ulong[] reduced, int columns, int rank, int[] freeColumns)
    {
        var free = new uint[rank * freeColumns.Length];
        for (int k = 0; k < rank; k++)
        {
            for (int f = 0; f < freeColumns.Length; f++)
            {
                free[k * freeColumns.Length + f] = (uint)reduced[k * columns + freeColumns[f]];
            }
        }

        return free;
    }

    /// <summary>
    /// A candidate echelon form: the entries at the pivot rows and non-pivot columns as integers over one common denominator.
    /// </summary>
    private sealed class ReconstructedEchelonForm(BigInteger[] numerators, BigInteger denominator)
    {
        /// <summary>
        /// Reconstructs every entry from its residues, or returns null when the primes do not suffice yet.
        /// </summary>
        /// <remarks>
        /// The entries share the denominator of the pivot minor, so most entries need only one Chinese remaindering of
        /// d x with the current common denominator d. Full rational reconstruction runs only when d x is not small.
        /// </remarks>
        public static ReconstructedEchelonForm? TryReconstruct(
            List<WordPrime> primes, List<uint[]> residues, CancellationToken ct, out int processed, out BigInteger modulus)
        {
            processed = 0;
            var crt = new ChineseRemainder(primes);
            modulus = crt.Modulus;
            var bound = crt.ReconstructionBound;
            int k = primes.Count, count = residues[0].Length;
            var numerators = new BigInteger[count];
            BigInteger denominator = BigInteger.One;
            var denominatorResidues = new ulong[k];
            Array.Fill(denominatorResidues, 1UL);
            var scratch = new ulong[k];

            for (int e = 0; e < count; e++)
            {
                processed = e;
                if ((e & 1023) == 1023)
                {
                    ct.ThrowIfCancellationRequested();
                }

                for (int i = 0; i < k; i++)
                {
                    scratch[i] = primes[i].Multiply(denominatorResidues[i], residues[i][e]);
                }

                var scaled = crt.CombineSymmetric(scratch);
                if (BigInteger.Abs(scaled) <= bound)
                {
                    numerators[e] = scaled;
                    continue;
                }

                for (int i = 0; i < k; i++)
                {
                    scratch[i] = residues[i][e];
                }

                var fraction = crt.Reconstruct(crt.Combine(scratch));
                if (fraction is null)
                {
                    return null;
                }

                var (numerator, entryDenominator) = fraction.Value;
                // Extend the common denominator to lcm(d, q) and rescale the earlier numerators.
                var factor = entryDenominator / BigInteger.GreatestCommonDivisor(denominator, entryDenominator);
                var extended = denominator * factor;
                if (extended > bound)
                {
                    return null;
                }

                for (int previous = 0; previous < e; previous++)
                {
                    numerators[previous] *= factor;
                }

                numerators[e] = numerator * (extended / entryDenominator);
                denominator = extended;
                for (int i = 0; i < k; i++)
                {
                    denominatorResidues[i] = PrimeModulus.Reduce(denominator, primes[i].Value);
                }
            }

            return new ReconstructedEchelonForm(numerators, denominator);
        }

        /// <summary>
        /// Whether the bound |d| 2^b + r 2^b max|N| on the entries of E = d A' - A'[:, P] N, with 2^b above every |A'| entry,
        /// is below <paramref name="modulus"/>, so that E = 0 mod M implies E = 0.
        /// </summary>
        public bool ResidualBoundBelow(BigInteger modulus, long entryBits, int rank)
        {
            long numeratorBits = 0;
            foreach (var numerator in numerators)
            {
                numeratorBits = Math.Max(numeratorBits, (long)BigInteger.Abs(numerator).GetBitLength());
            }

            // |d| 2^b < 2^(bits(d) + b) and r 2^b max|N| < 2^(bits(r) + b + bits(N)); the sum is below twice the larger term.
            long rankBits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)rank);
            long boundBits = Math.Max((long)denominator.GetBitLength() + entryBits, rankBits + entryBits + numeratorBits) + 1;
            return boundBits < (long)modulus.GetBitLength();
        }

        /// <summary>
        /// Whether d A' = A'[:, P] N is exact in the given rows at every non-pivot column (at the pivot columns it is
        /// true by construction).
        /// </summary>
        public bool Verify(IntegerClearedMatrix cleared, IReadOnlyList<int> rowsToCheck, int[] pivots, int[] freeColumns, CancellationToken ct)
        {
            int width = freeColumns.Length;
            var sums = new BigInteger[width];
            foreach (int i in rowsToCheck)
            {
                ct.ThrowIfCancellationRequested();
                Array.Clear(sums);
                for (int k = 0; k < pivots.Length; k++)
                {
                    if (cleared.IsZeroAt(i, pivots[k]))
                    {
                        continue;
                    }

                    var factor = cleared[i, pivots[k]];
                    for (int f = 0; f < width; f++)
                    {
                        var numerator = numerators[k * width + f];
                        if (!numerator.IsZero)
                        {
                            sums[f] += factor * numerator;
                        }
                    }
                }

                for (int f = 0; f < width; f++)
                {
                    if (sums[f] != denominator * cleared[i, freeColumns[f]])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public ReducedRowEchelonForm<Rational> ToEchelonForm(Field<Rational> field, int rows, int columns, int[] pivots, int[] freeColumns)
        {
            var entries = new Rational[rows * columns];
            int width = freeColumns.Length;
            for (int k = 0; k < pivots.Length; k++)
            {
                entries[k * columns + pivots[k]] = Rational.One;
                for (int f = 0; f < width; f++)
                {
                    var numerator = numerators[k * width + f];
                    if (!numerator.IsZero)
                    {
                        entries[k * columns + freeColumns[f]] = Rational.Create(numerator, denominator);
                    }
                }
            }

            return new ReducedRowEchelonForm<Rational>(new Matrix<Rational>(field, rows, columns, entries), Array.AsReadOnly(pivots));
        }
    }
}
