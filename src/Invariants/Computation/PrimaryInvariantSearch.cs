using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// The search for primary invariants: a homogeneous system of parameters of the invariant ring with the smallest
/// product of degrees, then the smallest sum.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: Kemper's degree-guided search [Kem96], [DK15, Sec. 3.3 and 3.5]. Degree vectors d_1 &lt;= ... &lt;= d_n
/// are tried in order of increasing product, then sum, then lexicographically. A vector passes the Molien filter when
/// |G| divides the product, every d_i has invariants, and H(t) * prod (1 - t^d_i) is a polynomial with non-negative
/// coefficients (the secondary invariants' degree counts), where H is the Hilbert series of the invariant ring (the
/// Molien series in characteristic 0). It passes Kemper's test when for every set S of its degree values
/// dim V(K[V]^G_S) &lt;= n - #{i : d_i in S}; over an infinite field this is equivalent to the existence of an hsop
/// with these degrees. The invariants are chosen degree by degree: basis elements of K[V]^G_d first, then
/// pseudo-random combinations with small integer coefficients from a seeded generator, and a choice is kept when it
/// lowers the dimension of the variety by one. This greedy pass usually succeeds at once. When it runs into a dead
/// end, Kemper's test rejects impossible degree vectors, and for the others the choices are made again, each one
/// kept only when the remaining degrees still pass Kemper's test relative to the invariants chosen so far.
/// </para>
/// <para>
/// Every dimension bound is proved with a linear section modulo a prime (<see cref="VarietyDimension{T}"/>), so every
/// accepted drop holds over K; an unlucky prime or section can only reject a choice or a degree vector, which may give
/// larger degrees but never a wrong system. Over a small finite field the generic choices may not exist, and the search
/// moves on to larger degrees.
/// </para>
/// </remarks>
internal sealed class PrimaryInvariantSearch<T>
    where T : struct, IFieldElement<T>
{
    private const int RandomAttempts = 8;

    private readonly InvariantSpaces<T> _spaces;
    private readonly VarietyDimension<T> _dimension;
    private readonly BigInteger _groupOrder;
    private readonly Func<IReadOnlyList<int>, BigInteger[]?> _secondaryDegreeCounts;
    private readonly InvariantRingOptions _options;
    private readonly Dictionary<string, bool> _baseTests = [];
    private readonly int _n;
    private SplitMix64 _random;

    public PrimaryInvariantSearch(
        InvariantSpaces<T> spaces,
        BigInteger groupOrder,
        Func<IReadOnlyList<int>, BigInteger[]?> secondaryDegreeCounts,
        InvariantRingOptions options)
    {
        _spaces = spaces;
        _dimension = new VarietyDimension<T>(spaces.Ring, options.Seed);
        _groupOrder = groupOrder;
        _secondaryDegreeCounts = secondaryDegreeCounts;
        _options = options;
        _n = spaces.Ring.VariableCount;
        _random = new SplitMix64(options.Seed);
    }

    /// <summary>Returns the primary invariants (degrees increasing) and the numerator prod (1 - t^d_i) * Molien(t).</summary>
    /// <exception cref="InvariantRingLimitException">No system with degrees up to the maximum degree was found.</exception>
    public (IReadOnlyList<Polynomial<T>> Primaries, IReadOnlyList<BigInteger> Numerator) Run(IProgress<InvariantProgress>? progress, CancellationToken ct)
    {
        if (_n == 0)
        {
            return ([], [BigInteger.One]);
        }

        foreach (var degrees in Candidates(ct))
        {
            ct.ThrowIfCancellationRequested();

            // Phase 1: the Molien filter.
            if (!degrees.Distinct().All(d => _spaces.Dimension(d, ct) > 0))
            {
                continue;
            }

            var numerator = _secondaryDegreeCounts(degrees);
            if (numerator is null || numerator.Any(c => c.Sign < 0))
            {
                continue;
            }

            // Phase 2: a greedy choice, degree by degree, that only asks each choice to lower the dimension.
            var chosen = TryConstruct(degrees, kemper: false, progress, ct);

            // Phase 3: when the greedy choice runs into a dead end, Kemper's test decides whether the degrees are
            // possible at all, and the choices are made again under the relative test.
            if (chosen is null && PassesKemperTest([], degrees, ct))
            {
                chosen = TryConstruct(degrees, kemper: true, progress, ct);
            }

            if (chosen is not null)
            {
                return (chosen, numerator);
            }
        }

        throw new InvariantRingLimitException(
            $"Primary invariants: no homogeneous system of parameters with all degrees at most {_options.MaxDegree} was found. "
            + $"Raise the limit with {_options.MaxDegreeOptionName}.",
            _options.MaxDegreeOptionName);
    }

    /// <summary>
    /// Enumerates degree vectors 1 &lt;= d_1 &lt;= ... &lt;= d_n &lt;= the maximum degree with |G| dividing the product; by
    /// product, then sum, then lexicographically. Whether each degree has invariants is checked by the caller, lazily,
    /// because over GF(p) that takes linear algebra.
    /// </summary>
    private IEnumerable<int[]> Candidates(CancellationToken ct)
    {
        var maxProduct = BigInteger.Pow(_options.MaxDegree, _n);
        for (var product = _groupOrder; product <= maxProduct; product += _groupOrder)
        {
            ct.ThrowIfCancellationRequested();
            var vectors = new List<int[]>();
            Factorizations(product, _n, 1, [], vectors);
            vectors.Sort((a, b) =>
            {
                int c = a.Sum().CompareTo(b.Sum());
                for (int i = 0; c == 0 && i < a.Length; i++)
                {
                    c = a[i].CompareTo(b[i]);
                }

                return c;
            });
            foreach (var v in vectors)
            {
                yield return v;
            }
        }

        void Factorizations(BigInteger rest, int count, int minimum, List<int> prefix, List<int[]> output)
        {
            if (count == 1)
            {
                if (rest >= minimum && rest <= _options.MaxDegree)
                {
                    output.Add([.. prefix, (int)rest]);
                }

                return;
            }

            for (int d = minimum; d <= _options.MaxDegree && BigInteger.Pow(d, count) <= rest; d++)
            {
                if (!(rest % d).IsZero)
                {
                    continue;
                }

                prefix.Add(d);
                Factorizations(rest / d, count - 1, d, prefix, output);
                prefix.RemoveAt(prefix.Count - 1);
            }
        }
    }

    /// <summary>
    /// Kemper's test relative to the invariants chosen so far: for every set S of values among the remaining degrees,
    /// dim V(chosen, K[V]^G_S) &lt;= n - #chosen - #{remaining degrees in S}.
    /// </summary>
    private bool PassesKemperTest(IReadOnlyList<Polynomial<T>> chosen, IReadOnlyList<int> remaining, CancellationToken ct)
    {
        var values = remaining.Distinct().Order().ToArray();
        var subsets = Enumerable.Range(1, (1 << values.Length) - 1)
            .Select(mask => values.Where((_, i) => (mask & (1 << i)) != 0).ToArray())
            .Select(s => (Degrees: s, Count: remaining.Count(d => s.Contains(d))))

            // Few degrees first: their sections have few variables, so they are the cheapest tests.
            .OrderBy(s => s.Count)
            .ThenBy(s => string.Join(',', s.Degrees), StringComparer.Ordinal);
        foreach (var (degrees, count) in subsets)
        {
            int bound = _n - chosen.Count - count;
            bool passes = chosen.Count == 0 ? BaseTest(degrees, bound, ct) : _dimension.IsAtMost(Generators(chosen, degrees, ct), bound, ct);
            if (!passes)
            {
                return false;
            }
        }

        return true;
    }

    private bool BaseTest(int[] degrees, int bound, CancellationToken ct)
    {
        string key = string.Join(',', degrees) + ":" + bound;
        if (!_baseTests.TryGetValue(key, out bool passes))
        {
            passes = _dimension.IsAtMost(Generators([], degrees, ct), bound, ct);
            _baseTests.Add(key, passes);
        }

        return passes;
    }

    private List<Polynomial<T>> Generators(IReadOnlyList<Polynomial<T>> chosen, int[] degrees, CancellationToken ct)
    {
        var generators = new List<Polynomial<T>>(chosen);
        foreach (int d in degrees)
        {
            generators.AddRange(_spaces.Polynomials(d, ct: ct));
        }

        return generators;
    }

    private List<Polynomial<T>>? TryConstruct(int[] degrees, bool kemper, IProgress<InvariantProgress>? progress, CancellationToken ct)
    {
        var chosen = new List<Polynomial<T>>();
        for (int k = 0; k < _n; k++)
        {
            int d = degrees[k];
            var remaining = degrees[(k + 1)..];
            progress?.Report(new InvariantProgress("primary", d, k, _n));
            Polynomial<T>? accepted = null;
            foreach (var h in Choices(d, ct))
            {
                ct.ThrowIfCancellationRequested();
                if (chosen.Contains(h))
                {
                    continue;
                }

                var trial = new List<Polynomial<T>>(chosen) { h };
                if (!_dimension.IsAtMost(trial, _n - k - 1, ct))
                {
                    continue;
                }

                if (kemper && !PassesKemperTest(trial, remaining, ct))
                {
                    continue;
                }

                accepted = h;
                break;
            }

            if (accepted is null)
            {
                return null;
            }

            chosen.Add(accepted);
        }

        progress?.Report(new InvariantProgress("primary", degrees[^1], _n, _n));
        return chosen;
    }

    /// <summary>The candidates of degree d: the basis elements, then pseudo-random integer combinations of them.</summary>
    private IEnumerable<Polynomial<T>> Choices(int d, CancellationToken ct)
    {
        var basis = _spaces.Polynomials(d, ct: ct);
        foreach (var b in basis)
        {
            yield return b;
        }

        if (basis.Count < 2)
        {
            yield break;
        }

        var field = _spaces.Ring.Field;
        for (int attempt = 0; attempt < RandomAttempts; attempt++)
        {
            var sum = _spaces.Ring.Zero;
            foreach (var b in basis)
            {
                // Coefficients in -3..3; the span of the basis is searched with a fixed seed, so runs repeat.
                long c = (long)(_random.Next() % 7) - 3;
                if (c != 0)
                {
                    sum += b * field.FromInteger(c);
                }
            }

            if (!sum.IsZero)
            {
                yield return sum.Monic();
            }
        }
    }
}

/// <summary>The SplitMix64 generator: a fixed, portable sequence for a given seed.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
