using System.Collections.Concurrent;
using System.Numerics;

namespace InvTheory.Representations.Internal;

/// <summary>
/// Kernels for univariate polynomials with integer coefficients stored as arrays, lowest degree first.
/// Results are trimmed: the last entry is nonzero, and the zero polynomial is the empty array.
/// </summary>
internal static class IntegerPolynomial
{
    private static readonly ConcurrentDictionary<int, BigInteger[]> CyclotomicCache = new();

    /// <summary>Returns the polynomial without trailing zero coefficients.</summary>
    public static BigInteger[] Trim(BigInteger[] p)
    {
        int n = p.Length;
        while (n > 0 && p[n - 1].IsZero)
        {
            n--;
        }

        return n == p.Length ? p : p[..n];
    }

    /// <summary>Returns the degree, or -1 for the zero polynomial.</summary>
    public static int Degree(BigInteger[] p)
    {
        int n = p.Length;
        while (n > 0 && p[n - 1].IsZero)
        {
            n--;
        }

        return n - 1;
    }

    /// <summary>Returns the product a * b.</summary>
    public static BigInteger[] Multiply(BigInteger[] a, BigInteger[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return [];
        }

        var product = new BigInteger[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].IsZero)
            {
                continue;
            }

            for (int j = 0; j < b.Length; j++)
            {
                if (!b[j].IsZero)
                {
                    product[i + j] += a[i] * b[j];
                }
            }
        }

        return Trim(product);
    }

    /// <summary>
    /// Divides <paramref name="dividend"/> by <paramref name="divisor"/>, whose leading coefficient is 1 or -1,
    /// and returns the quotient when the division is exact, otherwise null.
    /// </summary>
    public static BigInteger[]? TryDivideExact(BigInteger[] dividend, BigInteger[] divisor)
    {
        int m = Degree(divisor);
        if (m < 0)
        {
            throw new DivideByZeroException("Polynomial division by the zero polynomial.");
        }

        var lead = divisor[m];
        if (!BigInteger.Abs(lead).IsOne)
        {
            throw new ArgumentException($"The divisor must have leading coefficient 1 or -1, not {lead}.", nameof(divisor));
        }

        int n = Degree(dividend);
        if (n < 0)
        {
            return [];
        }

        if (n < m)
        {
            return null;
        }

        var remainder = dividend[..(n + 1)];
        var quotient = new BigInteger[n - m + 1];

        // Invariant: dividend = quotient * divisor + remainder, with remainder zero above degree k + m.
        for (int k = n - m; k >= 0; k--)
        {
            var c = remainder[k + m];
            if (c.IsZero)
            {
                continue;
            }

            c = lead.IsOne ? c : -c;
            quotient[k] = c;
            for (int i = 0; i <= m; i++)
            {
                if (!divisor[i].IsZero)
                {
                    remainder[k + i] -= c * divisor[i];
                }
            }
        }

        for (int i = 0; i < m; i++)
        {
            if (!remainder[i].IsZero)
            {
                return null;
            }
        }

        return Trim(quotient);
    }

    /// <summary>Returns p(1), the sum of the coefficients.</summary>
    public static BigInteger ValueAtOne(BigInteger[] p)
    {
        BigInteger sum = BigInteger.Zero;
        foreach (var c in p)
        {
            sum += c;
        }

        return sum;
    }

    /// <summary>
    /// Returns Psi_m(t), the cyclotomic polynomial Phi_m(t) normalized to constant term 1:
    /// Psi_1(t) = 1 - t and Psi_m = Phi_m for m &gt; 1, so that 1 - t^n is the product of Psi_m over the divisors m of n.
    /// </summary>
    /// <remarks>
    /// Algorithm: Phi_m(t) = product over d | m of (t^d - 1)^mu(m/d) [Wei-MIF], evaluated by
    /// multiplying and exactly dividing by the binomials t^d - 1. Results are cached.
    /// </remarks>
    public static BigInteger[] NormalizedCyclotomic(int m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        return CyclotomicCache.GetOrAdd(m, ComputeNormalizedCyclotomic);
    }

    private static BigInteger[] ComputeNormalizedCyclotomic(int m)
    {
        if (m == 1)
        {
            return [BigInteger.One, BigInteger.MinusOne];
        }

        // Multiply the binomials with mu = +1 first so that every division is exact.
        BigInteger[] result = [BigInteger.One];
        var dividing = new List<int>();
        for (int d = 1; d <= m; d++)
        {
            if (m % d != 0)
            {
                continue;
            }

            int mu = NumberTheory.Moebius(m / d);
            if (mu == 1)
            {
                result = Multiply(result, Binomial(d));
            }
            else if (mu == -1)
            {
                dividing.Add(d);
            }
        }

        foreach (int d in dividing)
        {
            result = TryDivideExact(result, Binomial(d))
                ?? throw new InternalErrorException($"Cyclotomic polynomial Phi_{m}: the division by t^{d} - 1 was not exact.");
        }

        // For m > 1, Phi_m has constant term 1 already; the binomials t^d - 1 carry signs that cancel.
        if (result[0] != BigInteger.One)
        {
            throw new InternalErrorException($"Cyclotomic polynomial Phi_{m} has constant term {result[0]}, expected 1.");
        }

        return result;

        static BigInteger[] Binomial(int d)
        {
            var b = new BigInteger[d + 1];
            b[0] = BigInteger.MinusOne;
            b[d] = BigInteger.One;
            return b;
        }
    }
}
