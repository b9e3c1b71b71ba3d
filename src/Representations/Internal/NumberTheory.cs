using System.Numerics;

namespace InvTheory.Representations.Internal;

/// <summary>Small integer helpers: factorization by trial division, Euler phi, Moebius, lcm, and element-order bounds.</summary>
internal static class NumberTheory
{
    /// <summary>Returns the prime factorization of n &gt;= 1 as (prime, exponent) pairs in increasing order of the prime.</summary>
    public static List<(long Prime, int Exponent)> Factor(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var factors = new List<(long, int)>();
        for (long p = 2; p * p <= n; p++)
        {
            if (n % p != 0)
            {
                continue;
            }

            int e = 0;
            while (n % p == 0)
            {
                n /= p;
                e++;
            }

            factors.Add((p, e));
        }

        if (n > 1)
        {
            factors.Add((n, 1));
        }

        return factors;
    }

    /// <summary>Returns the Moebius function mu(n).</summary>
    public static int Moebius(long n)
    {
        int sign = 1;
        foreach (var (_, e) in Factor(n))
        {
            if (e > 1)
            {
                return 0;
            }

            sign = -sign;
        }

        return sign;
    }

    /// <summary>Returns Euler's totient phi(n).</summary>
    public static long EulerPhi(long n)
    {
        long phi = n;
        foreach (var (p, _) in Factor(n))
        {
            phi = phi / p * (p - 1);
        }

        return phi;
    }

    /// <summary>Returns the least common multiple of two positive integers.</summary>
    public static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;

    /// <summary>Returns the divisors of n in increasing order.</summary>
    public static List<int> Divisors(int n)
    {
        var small = new List<int>();
        var large = new List<int>();
        for (int d = 1; (long)d * d <= n; d++)
        {
            if (n % d != 0)
            {
                continue;
            }

            small.Add(d);
            if (d != n / d)
            {
                large.Add(n / d);
            }
        }

        large.Reverse();
        small.AddRange(large);
        return small;
    }

    /// <summary>
    /// Returns the largest order of an element of finite order in GL_n(Q).
    /// </summary>
    /// <remarks>
    /// Algorithm: an element of finite order N is diagonalizable over C with eigenvalues of orders m_i, where
    /// lcm(m_i) = N and sum phi(m_i) &lt;= n. Since phi is multiplicative and a product of factors &gt;= 2 is at
    /// least their sum, the Euler phi values of the prime-power parts of N sum to at most n, except that a single
    /// factor 2 (with 4 not dividing N) costs nothing because phi(2m) = phi(m) for odd m. A knapsack over the odd
    /// prime powers then gives the bound, and it is attained by a block-diagonal companion matrix.
    /// </remarks>
    public static BigInteger MaxFiniteOrderOverRationals(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 0);

        // oddBest[c] = largest product of powers of distinct odd primes whose phi values sum to at most c.
        var oddBest = new BigInteger[n + 1];
        Array.Fill(oddBest, BigInteger.One);
        for (int p = 3; p <= n + 1; p += 2)
        {
            if (!IsPrime(p))
            {
                continue;
            }

            // Iterate capacities downwards so that each prime is used at most once (0/1 knapsack with choices).
            for (int c = n; c >= p - 1; c--)
            {
                BigInteger power = p;
                long cost = p - 1;
                while (cost <= c)
                {
                    var candidate = oddBest[c - cost] * power;
                    if (candidate > oddBest[c])
                    {
                        oddBest[c] = candidate;
                    }

                    power *= p;
                    cost *= p;
                }
            }
        }

        if (n == 0)
        {
            return BigInteger.One;
        }

        var best = 2 * oddBest[n];
        long twoCost = 2;
        for (BigInteger twoPower = 4; twoCost <= n; twoPower *= 2, twoCost *= 2)
        {
            var candidate = twoPower * oddBest[n - twoCost];
            if (candidate > best)
            {
                best = candidate;
            }
        }

        return best;
    }

    private static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        for (int d = 2; (long)d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
