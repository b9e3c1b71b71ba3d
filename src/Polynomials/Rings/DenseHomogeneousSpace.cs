using System.Collections.Concurrent;

namespace InvTheory.Polynomials;

/// <summary>
/// Ranking of the monomials of each degree 0..D in n variables, for dense homogeneous polynomials stored as coefficient
/// arrays: the exponent vector of each rank and the rank of x_j times each monomial.
/// </summary>
/// <remarks>
/// Within one degree, ranks follow decreasing lex order. With N(v, d) = C(d + v - 1, v - 1) monomials of degree d in v
/// variables, the rank of e in degree k is sum_(i &lt; n - 1) N(n - i, k_i - e_i - 1), where k_i = k - e_0 - ... - e_(i-1)
/// is the degree left for the variables from i on: N(n - i, k_i - e_i - 1) counts the vectors that agree before i and
/// have a larger exponent at i.
/// </remarks>
internal sealed class DenseHomogeneousSpace
{
    /// <summary>Largest table size (summed over degrees, in entries) kept in the shared cache.</summary>
    private const long MaxCachedEntries = 1L << 22;

    private static readonly ConcurrentDictionary<(int VariableCount, int MaxDegree), DenseHomogeneousSpace> Cache = new();

    private readonly ushort[][] _exponents;
    private readonly int[][] _multiplication;

    private DenseHomogeneousSpace(int variableCount, int maxDegree)
    {
        VariableCount = variableCount;
        MaxDegree = maxDegree;
        int n = variableCount;
        var counts = new int[maxDegree + 1];
        _exponents = new ushort[maxDegree + 1][];
        _multiplication = new int[maxDegree + 1][];
        var binomials = BinomialTable(maxDegree + n, n);
        for (int k = 0; k <= maxDegree; k++)
        {
            counts[k] = (int)Count(binomials, n, k);
            var flat = new ushort[counts[k] * n];
            int r = 0;
            foreach (var m in Monomial.OfDegree(n, k, MonomialOrder.Lex))
            {
                m.Exponents.CopyTo(flat.AsSpan(r * n, n));
                r++;
            }

            _exponents[k] = flat;
        }

        Counts = counts;

        // Phase 2: multiplication tables from degree k to k + 1.
        var e = new int[n];
        for (int k = 0; k < maxDegree; k++)
        {
            var table = new int[counts[k] * n];
            for (int r = 0; r < counts[k]; r++)
            {
                for (int i = 0; i < n; i++)
                {
                    e[i] = _exponents[k][(r * n) + i];
                }

                for (int j = 0; j < n; j++)
                {
                    e[j]++;
                    table[(r * n) + j] = Rank(binomials, e, k + 1);
                    e[j]--;
                }
            }

            _multiplication[k] = table;
        }

        _multiplication[maxDegree] = [];
    }

    /// <summary>Number of variables.</summary>
    public int VariableCount { get; }

    /// <summary>Largest degree covered.</summary>
    public int MaxDegree { get; }

    /// <summary>Number of monomials of each degree.</summary>
    public int[] Counts { get; }

    /// <summary>
    /// Returns the space for <paramref name="variableCount"/> variables up to <paramref name="maxDegree"/>, or null when the
    /// monomials of degree <paramref name="maxDegree"/> number more than <paramref name="maxCount"/>.
    /// </summary>
    public static DenseHomogeneousSpace? TryGet(int variableCount, int maxDegree, int maxCount)
    {
        if (variableCount == 0 || Monomial.CountOfDegree(variableCount, maxDegree) > maxCount)
        {
            return null;
        }

        if (Cache.TryGetValue((variableCount, maxDegree), out var cached))
        {
            return cached;
        }

        var space = new DenseHomogeneousSpace(variableCount, maxDegree);
        long entries = 0;
        foreach (int c in space.Counts)
        {
            entries += (long)c * variableCount;
        }

        return entries <= MaxCachedEntries ? Cache.GetOrAdd((variableCount, maxDegree), space) : space;
    }

    /// <summary>Returns the exponent vector of rank <paramref name="rank"/> in degree <paramref name="degree"/>.</summary>
    public ReadOnlySpan<ushort> Exponents(int degree, int rank) => _exponents[degree].AsSpan(rank * VariableCount, VariableCount);

    /// <summary>Returns the table whose entry r * n + j is the rank of x_j times the monomial of rank r, from <paramref name="degree"/> to <paramref name="degree"/> + 1.</summary>
    public int[] MultiplicationTable(int degree) => _multiplication[degree];

    private static long[][] BinomialTable(int maxTop, int maxBottom)
    {
        var c = new long[maxTop + 1][];
        for (int a = 0; a <= maxTop; a++)
        {
            c[a] = new long[maxBottom + 1];
            c[a][0] = 1;
            for (int b = 1; b <= Math.Min(a, maxBottom); b++)
            {
                c[a][b] = c[a - 1][b - 1] + (b <= a - 1 ? c[a - 1][b] : 0);
            }
        }

        return c;
    }

    // N(v, d): monomials of degree d in v variables.
    private static long Count(long[][] binomials, int variables, int degree)
    {
        if (degree < 0)
        {
            return 0;
        }

        if (variables == 0)
        {
            return degree == 0 ? 1 : 0;
        }

        return binomials[degree + variables - 1][variables - 1];
    }

    private static int Rank(long[][] binomials, int[] e, int degree)
    {
        int n = e.Length;
        long rank = 0;
        int left = degree;
        for (int i = 0; i < n - 1; i++)
        {
            rank += Count(binomials, n - i, left - e[i] - 1);
            left -= e[i];
        }

        return (int)rank;
    }
}
