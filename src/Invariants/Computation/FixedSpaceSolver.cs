using System.Numerics;
using System.Runtime.CompilerServices;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// The common fixed space of matrices g_1, ..., g_r on a space spanned by homogeneous polynomials b_1, ..., b_k with
/// disjoint supports: the combinations sum_j c_j b_j with sum_j c_j (g_i b_j - b_j) = 0 for every i.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: null space of the stacked matrices g_i - I [DK15, Sec. 3.1], by incremental elimination of the sparse
/// constraint rows with the columns in increasing monomial order. Then the free columns are the leading monomials of
/// the reduced echelon basis of the null space in decreasing order, so the null-space vectors read off the free
/// columns are that basis (the free columns form the greedy basis of the dual matroid).
/// </para>
/// <para>
/// Over Q the elimination runs modulo primes below 2^31; the entries are lifted by Chinese remaindering and rational
/// reconstruction, and the lifted basis is accepted only after exact checks that each vector is fixed by every
/// matrix. Over GF(p) with p &lt; 2^31 one modular run is exact. Other fields eliminate exactly with
/// <see cref="IncrementalRowEchelon{T}"/>.
/// </para>
/// <para>
/// The elimination stops once the rank reaches k - <c>expected</c>, where <c>expected</c> is the Molien coefficient.
/// The rank gives dim &lt;= expected (ranks modulo p never exceed ranks over Q), and the exactly checked basis gives
/// dim &gt;= expected, so the dimension check against the Molien series holds for every result. When the checks fail
/// a full elimination measures the dimension, and a mismatch raises <see cref="InvariantRingInternalException"/>.
/// </para>
/// </remarks>
internal static class FixedSpaceSolver
{
    private const int MaxPrimes = 80;

    /// <summary>Returns the reduced echelon basis of the fixed space, sorted by leading monomial (largest first).</summary>
    /// <param name="basis">The polynomials b_j: monic, disjoint supports, sorted by leading index.</param>
    /// <param name="generators">The matrices g_i.</param>
    /// <param name="degree">The degree of the b_j.</param>
    /// <param name="expected">
    /// The dimension of the fixed space according to the Molien series, or -1 when it is unknown (then the elimination
    /// runs to the end and the dimension is not checked). Over Q it must be known.
    /// </param>
    /// <param name="field">The coefficient field.</param>
    /// <param name="ct">Cancellation.</param>
    public static List<SparseTerms<T>> Solve<T>(
        IReadOnlyList<SparseTerms<T>> basis,
        IReadOnlyList<GeneratorAction<T>> generators,
        int degree,
        int expected,
        Field<T> field,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        int k = basis.Count;
        if (generators.Count == 0 || k == 0)
        {
            return [.. basis];
        }

        // Phase 1: constraint rows. Column k-1-j stands for b_j, so columns run in increasing monomial order.
        var rows = ConstraintRows(basis, generators, degree, ct);

        // Phase 2: null space, by the method that suits the field.
        List<SparseTerms<T>> solution;
        if (typeof(T) == typeof(Rational))
        {
            if (expected < 0)
            {
                throw new InvariantRingInternalException($"Invariants of degree {degree}: the multi-modular method over Q needs the Molien coefficient.");
            }

            var rational = SolveRational(
                Unsafe.As<List<SparseTerms<Rational>>>(rows),
                Unsafe.As<IReadOnlyList<SparseTerms<Rational>>>(basis),
                Unsafe.As<IReadOnlyList<GeneratorAction<Rational>>>(generators),
                degree,
                expected,
                ct);
            solution = Unsafe.As<List<SparseTerms<T>>>(rational);
        }
        else if (typeof(T) == typeof(ModInt) && field.Characteristic <= ResidueField.MaxPrime)
        {
            solution = SolveSmallPrime(rows, basis, generators, degree, expected, field, ct);
        }
        else
        {
            solution = SolveExact(rows, basis, generators, degree, expected, field, ct);
        }

        return solution;
    }

    /// <summary>Returns the rows of the stacked matrices g_i - I in the coordinates c_j, as column k-1-j with its value.</summary>
    private static List<SparseTerms<T>> ConstraintRows<T>(
        IReadOnlyList<SparseTerms<T>> basis, IReadOnlyList<GeneratorAction<T>> generators, int degree, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        int k = basis.Count;
        var rows = new List<SparseTerms<T>>();
        foreach (var g in generators)
        {
            ct.ThrowIfCancellationRequested();
            var images = g.Images(degree, ct);
            int monomialCount = images.Length;
            var columns = new List<int>?[monomialCount];
            var values = new List<T>?[monomialCount];
            var accumulator = new DenseAccumulator<T>(monomialCount);

            // Walk the columns from the last basis element to the first so that each row's columns come out increasing.
            for (int j = k - 1; j >= 0; j--)
            {
                var b = basis[j];
                var moved = g.Apply(b, degree, accumulator);
                for (int t = 0; t < b.Count; t++)
                {
                    accumulator.Add(b.Indices[t], -b.Values[t]);
                }

                for (int t = 0; t < moved.Count; t++)
                {
                    accumulator.Add(moved.Indices[t], moved.Values[t]);
                }

                var difference = accumulator.Drain();
                for (int t = 0; t < difference.Count; t++)
                {
                    int u = difference.Indices[t];
                    (columns[u] ??= []).Add(k - 1 - j);
                    (values[u] ??= []).Add(difference.Values[t]);
                }
            }

            for (int u = 0; u < monomialCount; u++)
            {
                if (columns[u] is { } c)
                {
                    rows.Add(new SparseTerms<T>([.. c], [.. values[u]!]));
                }
            }
        }

        // Short rows first: they create little fill. The sort is stable, so equal lengths keep generator, monomial order.
        return [.. rows.OrderBy(r => r.Count)];
    }

    private static List<SparseTerms<Rational>> SolveRational(
        List<SparseTerms<Rational>> rows,
        IReadOnlyList<SparseTerms<Rational>> basis,
        IReadOnlyList<GeneratorAction<Rational>> generators,
        int degree,
        int expected,
        CancellationToken ct)
    {
        int k = basis.Count;
        int[]? freeColumns = null;
        int[]? pivotColumns = null;
        BigInteger[,]? lifted = null;
        BigInteger modulus = BigInteger.One;
        Rational[,]? previous = null;
        int oversizedRuns = 0;
        for (int index = 0; index < MaxPrimes; index++)
        {
            ct.ThrowIfCancellationRequested();
            var field = new ResidueField(ModularPrimes.Get(index));
            var run = EliminateModular(rows, k, k - expected, field, ct);
            if (run is null)
            {
                continue;
            }

            var (echelon, free) = run.Value;
            if (free.Length != expected)
            {
                // dim mod p >= dim over Q >= expected, so this prime is unlucky or the Molien coefficient is wrong.
                if (++oversizedRuns >= 3)
                {
                    throw DimensionMismatch(degree, expected, free.Length);
                }

                continue;
            }

            var pivots = Enumerable.Range(0, k).Where(echelon.IsPivot).ToArray();
            if (pivotColumns is not null && !pivots.AsSpan().SequenceEqual(pivotColumns))
            {
                // The pivots over Q are the lexicographically first; a prime with later pivots is unlucky.
                if (CompareLex(pivots, pivotColumns) > 0)
                {
                    continue;
                }

                lifted = null;
                previous = null;
                modulus = BigInteger.One;
            }

            pivotColumns = pivots;
            freeColumns = free;
            lifted ??= new BigInteger[free.Length, pivots.Length];
            for (int a = 0; a < free.Length; a++)
            {
                for (int b = 0; b < pivots.Length; b++)
                {
                    ulong residue = field.Negate(echelon.RowOfPivot(pivots[b])![free[a]]);
                    lifted[a, b] = RationalReconstruction.Combine(lifted[a, b], modulus, residue, field);
                }
            }

            modulus *= field.Prime;
            var current = TryReconstructAll(lifted, modulus);
            if (current is null)
            {
                continue;
            }

            bool stable = previous is not null && SameEntries(previous, current);
            previous = current;
            if (!stable)
            {
                continue;
            }

            var candidate = Assemble(basis, freeColumns, pivotColumns, (a, b) => current[a, b], RationalField.Instance);
            if (AllFixed(candidate, generators, degree))
            {
                return candidate;
            }
        }

        // No prime gave an exactly fixed basis: measure the dimension without the early stop to report the failure.
        var full = EliminateModular(rows, k, int.MaxValue, new ResidueField(ModularPrimes.Get(0)), ct);
        int measured = full?.Free.Length ?? -1;
        if (measured != expected)
        {
            throw DimensionMismatch(degree, expected, measured);
        }

        throw new InvariantRingInternalException(
            $"Invariants of degree {degree}: rational reconstruction of the fixed-space basis did not produce exactly fixed "
            + $"polynomials after {MaxPrimes} primes.");
    }

    private static List<SparseTerms<T>> SolveSmallPrime<T>(
        List<SparseTerms<T>> rows,
        IReadOnlyList<SparseTerms<T>> basis,
        IReadOnlyList<GeneratorAction<T>> generators,
        int degree,
        int expected,
        Field<T> field,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        int k = basis.Count;
        var residues = new ResidueField((ulong)field.Characteristic);
        var run = EliminateModular(rows, k, expected < 0 ? int.MaxValue : k - expected, residues, ct)
            ?? throw new InvariantRingInternalException($"Invariants of degree {degree}: a residue of GF({field.Characteristic}) has the wrong modulus.");
        var (echelon, free) = run;
        if (expected >= 0 && free.Length != expected)
        {
            throw DimensionMismatch(degree, expected, free.Length);
        }

        var pivots = Enumerable.Range(0, k).Where(echelon.IsPivot).ToArray();
        var candidate = Assemble(
            basis,
            free,
            pivots,
            (a, b) => FromResidue<T>(field, residues.Negate(echelon.RowOfPivot(pivots[b])![free[a]])),
            field);
        if (AllFixed(candidate, generators, degree))
        {
            return candidate;
        }

        var full = EliminateModular(rows, k, int.MaxValue, residues, ct);
        throw DimensionMismatch(degree, expected, full?.Free.Length ?? -1);
    }

    /// <summary>Eliminates over the field itself, for fields without a modular kernel (Q(zeta_n), large GF(p)).</summary>
    private static List<SparseTerms<T>> SolveExact<T>(
        List<SparseTerms<T>> rows,
        IReadOnlyList<SparseTerms<T>> basis,
        IReadOnlyList<GeneratorAction<T>> generators,
        int degree,
        int expected,
        Field<T> field,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        int k = basis.Count;
        IncrementalRowEchelon<T> Eliminate(int targetRank)
        {
            var echelon = new IncrementalRowEchelon<T>(field);
            for (int r = 0; r < rows.Count && echelon.Rank < targetRank; r++)
            {
                if ((r & 63) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                echelon.TryInsert(SparseVector.FromSorted(rows[r].Indices, rows[r].Values));
            }

            return echelon;
        }

        var echelon = Eliminate(expected < 0 ? int.MaxValue : k - expected);
        var pivots = echelon.PivotColumns.ToArray();
        var pivotSet = new HashSet<int>(pivots);
        var free = Enumerable.Range(0, k).Where(c => !pivotSet.Contains(c)).ToArray();
        if (expected >= 0 && free.Length != expected)
        {
            throw DimensionMismatch(degree, expected, free.Length);
        }

        var pivotRows = pivots.Select(q => echelon.BasisRowOfPivot(q)!).ToArray();
        var candidate = Assemble(basis, free, pivots, (a, b) => -pivotRows[b][free[a]], field);
        if (AllFixed(candidate, generators, degree))
        {
            return candidate;
        }

        throw DimensionMismatch(degree, expected, k - Eliminate(int.MaxValue).Rank);
    }

    private static T FromResidue<T>(Field<T> field, ulong residue)
        where T : struct, IFieldElement<T> => field.FromInteger(residue);

    /// <summary>
    /// Eliminates the rows modulo one prime until the rank reaches <paramref name="targetRank"/>; returns null when a
    /// denominator vanishes modulo the prime.
    /// </summary>
    private static (ModularRowEchelon Echelon, int[] Free)? EliminateModular<T>(
        List<SparseTerms<T>> rows, int columnCount, int targetRank, ResidueField field, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var echelon = new ModularRowEchelon(field, columnCount);
        var residues = new ulong[columnCount];
        for (int r = 0; r < rows.Count && echelon.Rank < targetRank; r++)
        {
            if ((r & 255) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var row = rows[r];
            for (int t = 0; t < row.Count; t++)
            {
                if (!TryResidue(row.Values[t], field, out residues[t]))
                {
                    return null;
                }
            }

            echelon.Insert(row.Indices, residues.AsSpan(0, row.Count));
        }

        var free = Enumerable.Range(0, columnCount).Where(c => !echelon.IsPivot(c)).ToArray();
        return (echelon, free);
    }

    private static bool TryResidue<T>(T value, ResidueField field, out ulong residue)
        where T : struct, IFieldElement<T>
    {
        if (typeof(T) == typeof(Rational))
        {
            return field.TryFromRational(Unsafe.As<T, Rational>(ref value), out residue);
        }

        if (typeof(T) == typeof(ModInt))
        {
            var m = Unsafe.As<T, ModInt>(ref value);
            residue = m.Value;
            return m.Modulus == field.Prime || (m.Modulus == 0 && m.Value <= 1);
        }

        throw new NotSupportedException($"Modular elimination does not support the scalar type {typeof(T).Name}.");
    }

    private static Rational[,]? TryReconstructAll(BigInteger[,] lifted, BigInteger modulus)
    {
        var result = new Rational[lifted.GetLength(0), lifted.GetLength(1)];
        for (int a = 0; a < lifted.GetLength(0); a++)
        {
            for (int b = 0; b < lifted.GetLength(1); b++)
            {
                if (!RationalReconstruction.TryReconstruct(lifted[a, b], modulus, out result[a, b]))
                {
                    return null;
                }
            }
        }

        return result;
    }

    private static bool SameEntries(Rational[,] x, Rational[,] y)
    {
        if (x.GetLength(0) != y.GetLength(0) || x.GetLength(1) != y.GetLength(1))
        {
            return false;
        }

        for (int a = 0; a < x.GetLength(0); a++)
        {
            for (int b = 0; b < x.GetLength(1); b++)
            {
                if (x[a, b] != y[a, b])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static int CompareLex(int[] x, int[] y)
    {
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i] ? -1 : 1;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    /// <summary>
    /// Returns sum_j c_j b_j for each free column: c = 1 at the free column and entry(a, b) at pivot column b.
    /// The result is sorted by leading index, which is the leading index of the free column's b_j.
    /// </summary>
    private static List<SparseTerms<T>> Assemble<T>(
        IReadOnlyList<SparseTerms<T>> basis, int[] free, int[] pivots, Func<int, int, T> entry, Field<T> field)
        where T : struct, IFieldElement<T>
    {
        int k = basis.Count;
        var result = new List<SparseTerms<T>>(free.Length);
        for (int a = free.Length - 1; a >= 0; a--)
        {
            var terms = new List<(int Index, T Value)>();
            AddScaled(terms, basis[k - 1 - free[a]], field.One);
            for (int b = 0; b < pivots.Length; b++)
            {
                var c = entry(a, b);
                if (!c.IsZero)
                {
                    AddScaled(terms, basis[k - 1 - pivots[b]], c);
                }
            }

            terms.Sort((x, y) => x.Index.CompareTo(y.Index));
            result.Add(new SparseTerms<T>([.. terms.Select(t => t.Index)], [.. terms.Select(t => t.Value)]));
        }

        return result;

        static void AddScaled(List<(int, T)> terms, SparseTerms<T> b, T c)
        {
            for (int t = 0; t < b.Count; t++)
            {
                terms.Add((b.Indices[t], c * b.Values[t]));
            }
        }
    }

    /// <summary>Returns whether g f = f exactly for every vector f and every matrix g.</summary>
    private static bool AllFixed<T>(List<SparseTerms<T>> vectors, IReadOnlyList<GeneratorAction<T>> generators, int degree)
        where T : struct, IFieldElement<T>
    {
        foreach (var g in generators)
        {
            var accumulator = new DenseAccumulator<T>(g.Images(degree).Length);
            foreach (var f in vectors)
            {
                var moved = g.Apply(f, degree, accumulator);
                if (!moved.Indices.AsSpan().SequenceEqual(f.Indices) || !moved.Values.AsSpan().SequenceEqual(f.Values))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static InvariantRingInternalException DimensionMismatch(int degree, int expected, int measured) =>
        new($"Invariants of degree {degree}: the Molien series gives dimension {expected}, but the common fixed space of the "
            + $"generators has dimension {measured} modulo a prime.");
}
