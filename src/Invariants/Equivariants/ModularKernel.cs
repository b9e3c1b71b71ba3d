using System.Numerics;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// The reduced row echelon basis of the kernel of a sparse rational system, computed modulo word-size primes and
/// lifted by rational reconstruction, then verified exactly over Q.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: multi-modular linear algebra with rational reconstruction [GG13, Sec. 5.10]. For a prime p the kernel is
/// computed over GF(p) by <see cref="EquivariantSolver.KernelBasis"/>; its reduced echelon basis is combined over
/// several primes by the Chinese remainder theorem and each entry is reconstructed as a fraction a/b with
/// |a|, b &lt;= sqrt(M/2).
/// </para>
/// <para>
/// Exact check: the candidate vectors must be in reduced echelon form (distinct leading columns with entry 1, zero at
/// the other leading columns), so they are independent, and every row of the system must vanish on them in rational
/// arithmetic. The rank modulo p is at most the rank over Q, so the kernel over Q has at most as many dimensions as the
/// kernel modulo p. Independent exact kernel vectors as many as that dimension are therefore a basis, and in reduced
/// echelon form they are the unique reduced basis: the result equals the one of exact elimination. When the check
/// fails for every number of primes up to <see cref="MaxPrimes"/>, the caller falls back to exact elimination.
/// </para>
/// </remarks>
internal static class ModularKernel
{
    /// <summary>Largest number of primes combined before giving up.</summary>
    public const int MaxPrimes = 4;

    /// <summary>Returns the reduced echelon kernel basis, or null when the modular method did not succeed.</summary>
    public static IReadOnlyList<SparseVector<Rational>>? TrySolve(List<SparseVector<Rational>> rows, int unknowns, CancellationToken ct)
    {
        var residues = new List<(ulong Prime, IReadOnlyList<SparseVector<ModInt>> Kernel)>();
        ulong candidate = PrimeModulus.MaxModulus;
        while (residues.Count < MaxPrimes)
        {
            ct.ThrowIfCancellationRequested();
            candidate = PreviousPrime(candidate - 1);
            var field = PrimeField.Get(candidate);
            List<SparseVector<ModInt>> modularRows;
            try
            {
                modularRows = rows.Select(r => Reduce(r, field)).ToList();
            }
            catch (DivideByZeroException)
            {
                // A denominator is divisible by this prime; try the next one.
                continue;
            }

            var kernel = EquivariantSolver.KernelBasis(field, modularRows, unknowns, ct);

            // Primes where the pivot pattern differs are unlucky: keep only those with the largest kernel pattern seen.
            if (residues.Count > 0 && !SamePattern(residues[0].Kernel, kernel))
            {
                if (kernel.Count < residues[0].Kernel.Count)
                {
                    residues.Clear();
                }
                else
                {
                    continue;
                }
            }

            residues.Add((candidate, kernel));
            var lifted = Reconstruct(residues);
            if (lifted is not null && IsExactKernel(rows, lifted))
            {
                return lifted;
            }
        }

        return null;
    }

    /// <summary>Returns the rank of the rows modulo a 62-bit prime that divides no denominator, a lower bound on the rank over Q.</summary>
    public static int RankModuloPrime(List<SparseVector<Rational>> rows, CancellationToken ct)
    {
        ulong candidate = PrimeModulus.MaxModulus;
        while (true)
        {
            candidate = PreviousPrime(candidate - 1);
            var field = PrimeField.Get(candidate);
            var echelon = new IncrementalRowEchelon<ModInt>(field);
            try
            {
                int inserted = 0;
                foreach (var row in rows)
                {
                    if ((++inserted & 1023) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    echelon.TryInsert(Reduce(row, field));
                }
            }
            catch (DivideByZeroException)
            {
                // A denominator is divisible by this prime; try the next one.
                continue;
            }

            return echelon.Rank;
        }
    }

    private static SparseVector<ModInt> Reduce(SparseVector<Rational> row, Field<ModInt> field)
    {
        var indices = row.IndexSpan;
        var values = row.ValueSpan;
        var entries = new KeyValuePair<int, ModInt>[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            entries[k] = new(indices[k], field.FromRational(values[k]));
        }

        return SparseVector.Create(entries);
    }

    private static bool SamePattern(IReadOnlyList<SparseVector<ModInt>> a, IReadOnlyList<SparseVector<ModInt>> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.IndexSpan.SequenceEqual(p.Second.IndexSpan));

    /// <summary>Returns the vectors with entries lifted from their residues, or null when an entry has no small fraction.</summary>
    private static List<SparseVector<Rational>>? Reconstruct(List<(ulong Prime, IReadOnlyList<SparseVector<ModInt>> Kernel)> residues)
    {
        BigInteger modulus = BigInteger.One;
        foreach (var (prime, _) in residues)
        {
            modulus *= prime;
        }

        var bound = Sqrt(modulus / 2);
        var first = residues[0].Kernel;
        var result = new List<SparseVector<Rational>>(first.Count);
        for (int v = 0; v < first.Count; v++)
        {
            var indices = first[v].IndexSpan;
            var values = new Rational[indices.Length];
            for (int k = 0; k < indices.Length; k++)
            {
                // Chinese remainders: x = x + M (r - x) / M mod p, prime by prime.
                BigInteger x = BigInteger.Zero;
                BigInteger m = BigInteger.One;
                foreach (var (prime, kernel) in residues)
                {
                    BigInteger r = kernel[v].ValueSpan[k].Value;
                    BigInteger inverse = PrimeModulus.InverseMod((ulong)(m % prime), prime);
                    BigInteger step = ((r - x) % prime + prime) % prime * inverse % prime;
                    x += m * step;
                    m *= prime;
                }

                var fraction = RationalReconstruction(x, modulus, bound);
                if (fraction is null)
                {
                    return null;
                }

                values[k] = fraction.Value;
            }

            result.Add(SparseVector.FromSorted(indices.ToArray(), values));
        }

        return result;
    }

    /// <summary>Returns a/b with a = b x mod M, |a| and b at most the bound and gcd(a, b) = 1, or null.</summary>
    private static Rational? RationalReconstruction(BigInteger x, BigInteger modulus, BigInteger bound)
    {
        BigInteger r0 = modulus, r1 = x;
        BigInteger s0 = BigInteger.Zero, s1 = BigInteger.One;
        while (r1 > bound)
        {
            var q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (s0, s1) = (s1, s0 - q * s1);
        }

        if (s1.IsZero || BigInteger.Abs(s1) > bound || !BigInteger.GreatestCommonDivisor(r1, s1).IsOne)
        {
            return null;
        }

        return s1.Sign < 0 ? Rational.Create(-r1, -s1) : Rational.Create(r1, s1);
    }

    /// <summary>Whether the vectors are in reduced echelon form and every row vanishes on each of them, exactly.</summary>
    private static bool IsExactKernel(List<SparseVector<Rational>> rows, List<SparseVector<Rational>> vectors)
    {
        var leading = new HashSet<int>();
        foreach (var v in vectors)
        {
            if (v.IsZero || !v.ValueSpan[0].IsOne || !leading.Add(v.LeadingIndex))
            {
                return false;
            }
        }

        var byColumn = new Dictionary<int, List<(int Vector, Rational Value)>>();
        for (int t = 0; t < vectors.Count; t++)
        {
            var indices = vectors[t].IndexSpan;
            var values = vectors[t].ValueSpan;
            for (int k = 0; k < indices.Length; k++)
            {
                if (k > 0 && leading.Contains(indices[k]))
                {
                    return false;
                }

                if (!byColumn.TryGetValue(indices[k], out var list))
                {
                    list = [];
                    byColumn[indices[k]] = list;
                }

                list.Add((t, values[k]));
            }
        }

        var sums = new Rational[vectors.Count];
        var touched = new List<int>();
        foreach (var row in rows)
        {
            touched.Clear();
            var indices = row.IndexSpan;
            var values = row.ValueSpan;
            for (int k = 0; k < indices.Length; k++)
            {
                if (!byColumn.TryGetValue(indices[k], out var list))
                {
                    continue;
                }

                foreach (var (t, value) in list)
                {
                    if (sums[t].IsZero)
                    {
                        touched.Add(t);
                    }

                    sums[t] += values[k] * value;
                }
            }

            bool allZero = true;
            foreach (int t in touched)
            {
                allZero &= sums[t].IsZero;
                sums[t] = Rational.Zero;
            }

            if (!allZero)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong PreviousPrime(ulong n)
    {
        while (!PrimeModulus.IsPrime(n))
        {
            n--;
        }

        return n;
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        if (n.Sign <= 0)
        {
            return BigInteger.Zero;
        }

        var x = (BigInteger)Math.Sqrt((double)n);
        while (x * x > n)
        {
            x--;
        }

        while ((x + 1) * (x + 1) <= n)
        {
            x++;
        }

        return x;
    }
}
