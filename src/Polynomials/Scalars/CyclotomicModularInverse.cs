using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>Inverses in Q(zeta_n) by the multi-modular method.</summary>
internal static class CyclotomicModularInverse
{
    // Primes below 2^31, so that a product of two residues fits in 64 bits.
    private static readonly List<ulong> Primes = [];
    private static readonly Lock PrimesLock = new();

    // A guard far above any realistic need: 100000 primes of 31 bits allow results of about 3 million bits.
    private const int MaxPrimes = 100_000;

    /// <summary>Returns the inverse of a nonzero coefficient vector <paramref name="a"/> modulo Phi_n.</summary>
    /// <remarks>
    /// <para>
    /// Algorithm: multi-modular inversion with rational reconstruction [GG13, Sec. 5.10].
    /// Phase 1 clears denominators, a = A / D with A integral. Phase 2 inverts A modulo (p, Phi_n) by the
    /// extended Euclidean algorithm in GF(p)[x] for primes p below 2^31, skipping the primes where A is not
    /// invertible, and combines the images by the Chinese remainder theorem. Phase 3 reconstructs the
    /// rational coefficients with one common denominator d, so A^-1 = V / d, and Phase 4 accepts the
    /// candidate only if A * V = d is an exact identity in Z[x]/(Phi_n).
    /// </para>
    /// <para>
    /// Every prime where A is invertible gives the image of the true inverse: if p divided d, then
    /// A * V = d = 0 modulo p with V nonzero modulo p, so A would be a zero divisor. The result is therefore
    /// exact, and the loop stops as soon as the product of the primes exceeds about twice the square of the
    /// largest numerator or denominator.
    /// </para>
    /// </remarks>
    public static Rational[] Invert(CyclotomicField field, long[] phi, Rational[] a)
    {
        int degree = phi.Length - 1;

        // Phase 1: A = D * a with D the lcm of the denominators.
        BigInteger denominatorLcm = BigInteger.One;
        foreach (Rational c in a)
        {
            BigInteger d = c.Denominator;
            denominatorLcm = denominatorLcm / BigInteger.GreatestCommonDivisor(denominatorLcm, d) * d;
        }

        var integral = new BigInteger[degree];
        for (int i = 0; i < degree; i++)
        {
            integral[i] = a[i].Numerator * (denominatorLcm / a[i].Denominator);
        }

        // Phase 2: images modulo p, combined by the Chinese remainder theorem.
        var combined = new BigInteger[degree];
        BigInteger modulus = BigInteger.One;
        int used = 0;
        int nextAttempt = 1;
        for (int index = 0; ; index++)
        {
            if (index >= MaxPrimes)
            {
                throw new InvalidOperationException(
                    $"Inverse in {field.Name}: no reconstruction after {MaxPrimes} primes; this points to a bug.");
            }

            ulong p = PrimeAt(index);
            ulong[]? image = InvertModulo(integral, phi, p);
            if (image is null)
            {
                continue;
            }

            ulong modulusInverse = PrimeModulus.InverseMod((ulong)(modulus % p), p);
            for (int i = 0; i < degree; i++)
            {
                ulong current = (ulong)(combined[i] % p);
                ulong difference = image[i] >= current ? image[i] - current : image[i] + p - current;
                ulong t = difference * modulusInverse % p;
                if (t != 0)
                {
                    combined[i] += modulus * t;
                }
            }

            modulus *= p;
            used++;
            if (used < nextAttempt)
            {
                continue;
            }

            // Attempts grow by a quarter, so at most a quarter of the primes are wasted.
            nextAttempt = used + Math.Max(1, used / 4);

            // Phase 3: rational reconstruction with a common denominator.
            if (!TryReconstruct(combined, modulus, out BigInteger[] numerators, out BigInteger denominator))
            {
                continue;
            }

            // Phase 4: exact check A * V = d, then a^-1 = D * V / d.
            if (!IsConstant(field.MultiplyIntegral(integral, numerators), denominator))
            {
                continue;
            }

            var inverse = new Rational[degree];
            for (int i = 0; i < degree; i++)
            {
                inverse[i] = Rational.Create(numerators[i] * denominatorLcm, denominator);
            }

            return inverse;
        }
    }

    /// <summary>Returns A^-1 modulo (p, Phi_n), or null when A is not invertible there.</summary>
    /// <remarks>Algorithm: extended Euclidean algorithm in GF(p)[x], tracking the cofactor of A [GG13, Alg. 3.14].</remarks>
    internal static ulong[]? InvertModulo(BigInteger[] integral, long[] phi, ulong p)
    {
        int degree = phi.Length - 1;
        var r0 = new ulong[degree + 1];
        var r1 = new ulong[degree + 1];
        for (int i = 0; i <= degree; i++)
        {
            r0[i] = Reduce(phi[i], p);
        }

        for (int i = 0; i < degree; i++)
        {
            r1[i] = (ulong)(((integral[i] % p) + p) % p);
        }

        // Loop invariant: s0 * A = r0 and s1 * A = r1 modulo (p, Phi_n); deg s_i < degree.
        var s0 = new ulong[degree + 1];
        var s1 = new ulong[degree + 1];
        s1[0] = 1;
        int degreeR0 = degree;
        int degreeR1 = Degree(r1);
        while (degreeR1 > 0)
        {
            ulong leadInverse = PrimeModulus.InverseMod(r1[degreeR1], p);
            for (int k = degreeR0; k >= degreeR1; k--)
            {
                ulong c = r0[k] * leadInverse % p;
                if (c == 0)
                {
                    continue;
                }

                // r0 -= c x^shift r1 and s0 -= c x^shift s1.
                int shift = k - degreeR1;
                for (int i = 0; i <= degreeR1; i++)
                {
                    r0[shift + i] = SubtractProduct(r0[shift + i], c, r1[i], p);
                }

                for (int i = 0; i + shift <= degree; i++)
                {
                    if (s1[i] != 0)
                    {
                        s0[shift + i] = SubtractProduct(s0[shift + i], c, s1[i], p);
                    }
                }
            }

            (r0, r1) = (r1, r0);
            (s0, s1) = (s1, s0);
            degreeR0 = degreeR1;
            degreeR1 = Degree(r1);
        }

        if (degreeR1 < 0)
        {
            return null;
        }

        ulong scale = PrimeModulus.InverseMod(r1[0], p);
        var result = new ulong[degree];
        for (int i = 0; i < degree; i++)
        {
            result[i] = s1[i] * scale % p;
        }

        return result;

        static int Degree(ulong[] poly)
        {
            for (int i = poly.Length - 1; i >= 0; i--)
            {
                if (poly[i] != 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// Finds V and d with V_i = d * u_i modulo M and |V_i|, d at most sqrt(M/2), reusing one denominator
    /// for all coefficients.
    /// </summary>
    /// <remarks>Algorithm: rational reconstruction by the half-extended Euclidean algorithm [GG13, Sec. 5.10].</remarks>
    internal static bool TryReconstruct(BigInteger[] residues, BigInteger modulus, out BigInteger[] numerators, out BigInteger denominator)
    {
        BigInteger bound = IntegerSquareRoot(modulus / 2);
        BigInteger half = modulus / 2;
        numerators = new BigInteger[residues.Length];
        denominator = BigInteger.One;
        for (int i = 0; i < residues.Length; i++)
        {
            // Try the denominator found so far before running the Euclidean algorithm.
            BigInteger scaled = denominator * residues[i] % modulus;
            if (scaled > half)
            {
                scaled -= modulus;
            }

            if (BigInteger.Abs(scaled) <= bound)
            {
                numerators[i] = scaled;
                continue;
            }

            if (!TryReconstructOne(scaled < 0 ? scaled + modulus : scaled, modulus, bound, out BigInteger numerator, out BigInteger extra))
            {
                return false;
            }

            // u_i = numerator / (extra * denominator): scale the numerators found so far.
            denominator *= extra;
            if (denominator > bound)
            {
                return false;
            }

            for (int j = 0; j < i; j++)
            {
                numerators[j] *= extra;
            }

            numerators[i] = numerator;
        }

        return true;
    }

    // Finds n/e = x modulo M with |n| <= bound and 0 < e <= bound, coprime.
    private static bool TryReconstructOne(BigInteger x, BigInteger modulus, BigInteger bound, out BigInteger numerator, out BigInteger denominator)
    {
        BigInteger r0 = modulus, r1 = x, t0 = BigInteger.Zero, t1 = BigInteger.One;
        while (r1 > bound)
        {
            BigInteger q = BigInteger.DivRem(r0, r1, out BigInteger r2);
            (r0, r1) = (r1, r2);
            (t0, t1) = (t1, t0 - q * t1);
        }

        numerator = t1.Sign < 0 ? -r1 : r1;
        denominator = BigInteger.Abs(t1);
        return !denominator.IsZero && denominator <= bound && BigInteger.GreatestCommonDivisor(r1, denominator).IsOne;
    }

    // Returns floor(sqrt(n)) for n >= 0 by Newton's iteration from above.
    private static BigInteger IntegerSquareRoot(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }

        BigInteger x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            BigInteger y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    private static bool IsConstant(BigInteger[] value, BigInteger constant)
    {
        if (value[0] != constant)
        {
            return false;
        }

        for (int i = 1; i < value.Length; i++)
        {
            if (!value[i].IsZero)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong SubtractProduct(ulong x, ulong c, ulong y, ulong p)
    {
        ulong product = c * y % p;
        return x >= product ? x - product : x + p - product;
    }

    private static ulong Reduce(long value, ulong p)
    {
        long r = value % (long)p;
        return (ulong)(r < 0 ? r + (long)p : r);
    }

    private static ulong PrimeAt(int index)
    {
        lock (PrimesLock)
        {
            while (Primes.Count <= index)
            {
                ulong candidate = Primes.Count == 0 ? int.MaxValue : Primes[^1] - 2;
                while (!PrimeModulus.IsPrime(candidate))
                {
                    candidate -= 2;
                }

                Primes.Add(candidate);
            }

            return Primes[index];
        }
    }
}
