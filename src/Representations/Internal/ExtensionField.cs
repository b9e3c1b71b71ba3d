using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>
/// The finite field GF(p^k) = GF(p)[X]/(f) for a monic irreducible f of degree k over GF(p). An element is its
/// coefficient array of length k in the basis 1, X, ..., X^(k-1), lowest degree first; arrays passed in are never
/// modified, and every result is a new array.
/// </summary>
/// <remarks>
/// Algorithm: f is the irreducible polynomial of degree k found first when the monic polynomials
/// X^k + c_(k-1) X^(k-1) + ... + c_0 are tried in increasing order of the integer c_0 + c_1 p + ... + c_(k-1) p^(k-1),
/// each tested by Rabin's irreducibility test [Rab80]: f is irreducible exactly when X^(p^k) = X mod f and
/// gcd(X^(p^(k/r)) - X, f) = 1 for every prime r dividing k. The Frobenius map a -&gt; a^p is GF(p)-linear, so
/// X^(p^j) comes from j applications of its precomputed matrix.
/// </remarks>
internal sealed class ExtensionField
{
    /// <summary>The largest extension degree k supported; the cost of the irreducibility tests grows like k^4.</summary>
    public const int MaxDegree = 100;

    // An irreducible of degree k exists among the first p^k candidates; about one in k candidates is irreducible.
    private const int MaxCandidates = 1_000_000;

    private readonly ulong[] _modulus;

    private ExtensionField(ulong prime, ulong[] modulus)
    {
        Prime = prime;
        Degree = modulus.Length - 1;
        _modulus = modulus;
    }

    /// <summary>The characteristic p.</summary>
    public ulong Prime { get; }

    /// <summary>The degree k over GF(p).</summary>
    public int Degree { get; }

    /// <summary>The modulus f, monic of degree k, coefficients lowest degree first.</summary>
    public IReadOnlyList<ulong> Modulus => _modulus;

    /// <summary>The number of elements p^k.</summary>
    public BigInteger Size => BigInteger.Pow(Prime, Degree);

    /// <summary>
    /// Returns GF(p^k) defined by the irreducible polynomial of degree k with index <paramref name="irreducibleIndex"/>
    /// (0 for the first) in the order described on the class.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not a prime below 2^62, k is not from 1 to <see cref="MaxDegree"/>, or the index is negative.</exception>
    public static ExtensionField Create(ulong prime, int degree, int irreducibleIndex = 0)
    {
        if (prime > PrimeModulus.MaxModulus || !PrimeModulus.IsPrime(prime))
        {
            throw new ArgumentOutOfRangeException(nameof(prime), prime, $"GF(p^k) needs a prime p below 2^62; got {prime}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(degree, MaxDegree);
        ArgumentOutOfRangeException.ThrowIfNegative(irreducibleIndex);

        // Invariant: 'found' irreducibles precede the candidate with digits 'candidate' (c_0, ..., c_(k-1)).
        var candidate = new ulong[degree];
        int found = 0;
        for (int tried = 0; tried < MaxCandidates; tried++)
        {
            var modulus = new ulong[degree + 1];
            Array.Copy(candidate, modulus, degree);
            modulus[degree] = 1;
            if (IsIrreducible(prime, modulus))
            {
                if (found == irreducibleIndex)
                {
                    return new ExtensionField(prime, modulus);
                }

                found++;
            }

            if (!Increment(candidate, prime))
            {
                break;
            }
        }

        throw new InternalErrorException(
            $"GF({prime}^{degree}): no irreducible polynomial with index {irreducibleIndex} among the first {MaxCandidates} candidates.");
    }

    /// <summary>Returns the element of GF(p) with residue <paramref name="value"/> (reduced mod p).</summary>
    public ulong[] FromResidue(ulong value)
    {
        var result = new ulong[Degree];
        result[0] = value % Prime;
        return result;
    }

    /// <summary>
    /// Returns the element whose coefficients are the base-p digits of <paramref name="number"/>, lowest first; every
    /// element arises from exactly one number from 0 to p^k - 1.
    /// </summary>
    public ulong[] FromNumber(BigInteger number)
    {
        var result = new ulong[Degree];
        for (int i = 0; i < Degree && !number.IsZero; i++)
        {
            number = BigInteger.DivRem(number, Prime, out var digit);
            result[i] = (ulong)digit;
        }

        return result;
    }

    /// <summary>Whether <paramref name="a"/> is zero.</summary>
    public static bool IsZero(ulong[] a) => Array.TrueForAll(a, c => c == 0);

    /// <summary>Whether <paramref name="a"/> is one.</summary>
    public static bool IsOne(ulong[] a)
    {
        if (a[0] != 1)
        {
            return false;
        }

        for (int i = 1; i < a.Length; i++)
        {
            if (a[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns a - b.</summary>
    public ulong[] Subtract(ulong[] a, ulong[] b)
    {
        var result = new ulong[Degree];
        for (int i = 0; i < Degree; i++)
        {
            result[i] = SubtractMod(a[i], b[i], Prime);
        }

        return result;
    }

    /// <summary>Returns a * b.</summary>
    public ulong[] Multiply(ulong[] a, ulong[] b) => MultiplyModulo(a, b, _modulus, Prime);

    /// <summary>Returns a^e for e &gt;= 0 (0^0 = 1).</summary>
    public ulong[] Power(ulong[] a, BigInteger exponent)
    {
        var result = FromResidue(1);
        var square = a;
        while (!exponent.IsZero)
        {
            if (!exponent.IsEven)
            {
                result = Multiply(result, square);
            }

            exponent >>= 1;
            if (!exponent.IsZero)
            {
                square = Multiply(square, square);
            }
        }

        return result;
    }

    /// <summary>Returns 1/a by the extended Euclidean algorithm on a and f in GF(p)[X].</summary>
    /// <exception cref="DivideByZeroException"><paramref name="a"/> is zero.</exception>
    public ulong[] Inverse(ulong[] a)
    {
        if (IsZero(a))
        {
            throw new DivideByZeroException($"Division by zero in GF({Prime}^{Degree}).");
        }

        // Invariant: s_i * a = r_i mod f for the pairs (r, s) and (newR, newS).
        var r = Trim((ulong[])_modulus.Clone());
        var newR = Trim((ulong[])a.Clone());
        ulong[] s = [];
        ulong[] newS = [1];
        while (newR.Length > 0)
        {
            var (quotient, remainder) = DivideWithRemainder(r, newR, Prime);
            var nextS = Trim(SubtractPolynomials(s, MultiplyPolynomials(quotient, newS, Prime), Prime));
            (r, newR) = (newR, remainder);
            (s, newS) = (newS, nextS);
        }

        // r is a nonzero constant because f is irreducible and a is not a multiple of f.
        if (r.Length != 1)
        {
            throw new InternalErrorException($"GF({Prime}^{Degree}): the modulus has a common factor of degree {r.Length - 1} with an element, so it is not irreducible.");
        }

        ulong scale = PrimeModulus.InverseMod(r[0], Prime);
        var result = new ulong[Degree];
        for (int i = 0; i < s.Length; i++)
        {
            result[i] = PrimeModulus.MultiplyMod(s[i], scale, Prime);
        }

        return result;
    }

    /// <summary>Whether the monic polynomial <paramref name="f"/> of degree at least 1 is irreducible over GF(p) (Rabin's test).</summary>
    internal static bool IsIrreducible(ulong p, ulong[] f)
    {
        int k = f.Length - 1;
        if (k == 1)
        {
            return true;
        }

        if (f[0] == 0)
        {
            return false;
        }

        // Column i of the Frobenius matrix is X^(i p) mod f; a^p = sum a_i X^(i p) because a_i^p = a_i in GF(p).
        var x = new ulong[k];
        x[1] = 1;
        var xToP = PowerModulo(x, p, f, p);
        var frobenius = new ulong[k][];
        frobenius[0] = new ulong[k];
        frobenius[0][0] = 1;
        for (int i = 1; i < k; i++)
        {
            frobenius[i] = MultiplyModulo(frobenius[i - 1], xToP, f, p);
        }

        // powers[j] = X^(p^j) mod f for j = 0..k.
        var powers = new ulong[k + 1][];
        powers[0] = x;
        for (int j = 1; j <= k; j++)
        {
            powers[j] = ApplyFrobenius(frobenius, powers[j - 1], p);
        }

        if (!powers[k].AsSpan().SequenceEqual(x))
        {
            return false;
        }

        foreach (var (r, _) in NumberTheory.Factor(k))
        {
            var difference = Trim(SubtractPolynomials(powers[k / (int)r], x, p));
            var gcd = Gcd(Trim((ulong[])f.Clone()), difference, p);
            if (gcd.Length != 1)
            {
                return false;
            }
        }

        return true;
    }

    private static ulong[] ApplyFrobenius(ulong[][] frobenius, ulong[] a, ulong p)
    {
        int k = a.Length;
        var result = new ulong[k];
        for (int i = 0; i < k; i++)
        {
            if (a[i] == 0)
            {
                continue;
            }

            var column = frobenius[i];
            for (int r = 0; r < k; r++)
            {
                result[r] = AddMod(result[r], PrimeModulus.MultiplyMod(a[i], column[r], p), p);
            }
        }

        return result;
    }

    private static ulong[] PowerModulo(ulong[] a, ulong exponent, ulong[] f, ulong p)
    {
        var result = new ulong[f.Length - 1];
        result[0] = 1;
        var square = a;
        while (exponent > 0)
        {
            if ((exponent & 1) != 0)
            {
                result = MultiplyModulo(result, square, f, p);
            }

            exponent >>= 1;
            if (exponent > 0)
            {
                square = MultiplyModulo(square, square, f, p);
            }
        }

        return result;
    }

    /// <summary>Returns a * b mod f for a, b of length deg f.</summary>
    private static ulong[] MultiplyModulo(ulong[] a, ulong[] b, ulong[] f, ulong p)
    {
        int k = f.Length - 1;
        var product = new ulong[2 * k - 1];
        for (int i = 0; i < k; i++)
        {
            if (a[i] == 0)
            {
                continue;
            }

            for (int j = 0; j < k; j++)
            {
                product[i + j] = AddMod(product[i + j], PrimeModulus.MultiplyMod(a[i], b[j], p), p);
            }
        }

        // Reduce from the top: X^i = X^(i-k) (X^k - f) because f is monic.
        for (int i = 2 * k - 2; i >= k; i--)
        {
            ulong c = product[i];
            if (c == 0)
            {
                continue;
            }

            for (int j = 0; j < k; j++)
            {
                product[i - k + j] = SubtractMod(product[i - k + j], PrimeModulus.MultiplyMod(c, f[j], p), p);
            }
        }

        var result = new ulong[k];
        Array.Copy(product, result, k);
        return result;
    }

    private static ulong[] MultiplyPolynomials(ulong[] a, ulong[] b, ulong p)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return [];
        }

        var product = new ulong[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                product[i + j] = AddMod(product[i + j], PrimeModulus.MultiplyMod(a[i], b[j], p), p);
            }
        }

        return product;
    }

    private static ulong[] SubtractPolynomials(ulong[] a, ulong[] b, ulong p)
    {
        var result = new ulong[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = SubtractMod(i < a.Length ? a[i] : 0, i < b.Length ? b[i] : 0, p);
        }

        return result;
    }

    /// <summary>Returns the quotient and remainder of trimmed polynomials, the divisor nonzero.</summary>
    private static (ulong[] Quotient, ulong[] Remainder) DivideWithRemainder(ulong[] dividend, ulong[] divisor, ulong p)
    {
        var remainder = (ulong[])dividend.Clone();
        int divisorDegree = divisor.Length - 1;
        if (remainder.Length < divisor.Length)
        {
            return ([], remainder);
        }

        var quotient = new ulong[remainder.Length - divisorDegree];
        ulong leadInverse = PrimeModulus.InverseMod(divisor[divisorDegree], p);
        for (int i = remainder.Length - 1; i >= divisorDegree; i--)
        {
            ulong c = PrimeModulus.MultiplyMod(remainder[i], leadInverse, p);
            quotient[i - divisorDegree] = c;
            if (c == 0)
            {
                continue;
            }

            for (int j = 0; j <= divisorDegree; j++)
            {
                remainder[i - divisorDegree + j] = SubtractMod(remainder[i - divisorDegree + j], PrimeModulus.MultiplyMod(c, divisor[j], p), p);
            }
        }

        return (Trim(quotient), Trim(remainder));
    }

    private static ulong[] Gcd(ulong[] a, ulong[] b, ulong p)
    {
        while (b.Length > 0)
        {
            (a, b) = (b, DivideWithRemainder(a, b, p).Remainder);
        }

        return a;
    }

    private static ulong[] Trim(ulong[] a)
    {
        int length = a.Length;
        while (length > 0 && a[length - 1] == 0)
        {
            length--;
        }

        return length == a.Length ? a : a[..length];
    }

    // Adds one to the base-p number with digits c_0, ..., c_(k-1); false when it wraps around to zero.
    private static bool Increment(ulong[] digits, ulong p)
    {
        for (int i = 0; i < digits.Length; i++)
        {
            if (++digits[i] < p)
            {
                return true;
            }

            digits[i] = 0;
        }

        return false;
    }

    private static ulong AddMod(ulong a, ulong b, ulong p)
    {
        ulong sum = a + b;
        return sum >= p ? sum - p : sum;
    }

    private static ulong SubtractMod(ulong a, ulong b, ulong p) => a >= b ? a - b : a + (p - b);
}
