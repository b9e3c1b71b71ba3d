namespace InvTheory.Polynomials.Scalars;

/// <summary>Integer arithmetic behind the cyclotomic fields: factorization, Euler's phi and Phi_n.</summary>
internal static class CyclotomicNumberTheory
{
    /// <summary>Returns the distinct prime factors of <paramref name="n"/> in increasing order.</summary>
    public static int[] DistinctPrimeFactors(int n)
    {
        var primes = new List<int>();
        int m = n;
        for (int p = 2; (long)p * p <= m; p++)
        {
            if (m % p != 0)
            {
                continue;
            }

            primes.Add(p);
            while (m % p == 0)
            {
                m /= p;
            }
        }

        if (m > 1)
        {
            primes.Add(m);
        }

        return [.. primes];
    }

    /// <summary>Returns Euler's totient phi(n) = n * prod over primes p | n of (1 - 1/p).</summary>
    public static int EulerPhi(int n)
    {
        int phi = n;
        foreach (int p in DistinctPrimeFactors(n))
        {
            phi = phi / p * (p - 1);
        }

        return phi;
    }

    /// <summary>
    /// Returns the coefficients of the n-th cyclotomic polynomial Phi_n, lowest degree first
    /// (length phi(n) + 1, leading coefficient 1).
    /// </summary>
    /// <remarks>
    /// Algorithm: Moebius inversion of x^n - 1 = prod over d | n of Phi_d, which gives
    /// Phi_n = prod over d | n of (1 - x^d)^mu(n/d) for n &gt; 1 [Wei-MIF]. The product is
    /// evaluated in the power series ring truncated after degree phi(n): multiplying by 1 - x^d and
    /// dividing by it (multiplying by 1 + x^d + x^2d + ...) each cost O(phi(n)). All multiplications
    /// run first, so every intermediate is Phi_n times a product of binomials and stays small.
    /// </remarks>
    public static long[] CyclotomicPolynomial(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n == 1)
        {
            return [-1, 1];
        }

        int[] primes = DistinctPrimeFactors(n);
        int phi = EulerPhi(n);
        var series = new long[phi + 1];
        series[0] = 1;

        // Each subset S of the prime factors gives d = n / prod(S) with mu(n/d) = (-1)^|S|.
        var multiply = new List<int>();
        var divide = new List<int>();
        for (int subset = 0; subset < 1 << primes.Length; subset++)
        {
            int d = n;
            int size = 0;
            for (int i = 0; i < primes.Length; i++)
            {
                if ((subset >> i & 1) != 0)
                {
                    d /= primes[i];
                    size++;
                }
            }

            // (1 - x^d)^(+-1) is 1 modulo x^(phi+1) when d > phi.
            if (d > phi)
            {
                continue;
            }

            (size % 2 == 0 ? multiply : divide).Add(d);
        }

        checked
        {
            foreach (int d in multiply)
            {
                for (int i = phi; i >= d; i--)
                {
                    series[i] -= series[i - d];
                }
            }

            foreach (int d in divide)
            {
                for (int i = d; i <= phi; i++)
                {
                    series[i] += series[i - d];
                }
            }
        }

        if (series[phi] != 1)
        {
            throw new InvalidOperationException(
                $"Phi_{n} came out with leading coefficient {series[phi]} instead of 1; this points to a bug in the cyclotomic polynomial code.");
        }

        return series;
    }
}
