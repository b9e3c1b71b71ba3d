using System.Numerics;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>
/// Chinese remaindering for a fixed list of word-size primes p_0, ..., p_(k-1), and rational reconstruction modulo their product M.
/// </summary>
internal sealed class ChineseRemainder
{
    private readonly WordPrime[] _primes;

    // _inverses[i] = (p_0 ... p_(i-1))^-1 mod p_i, the constants of Garner's algorithm.
    private readonly ulong[] _inverses;

    public ChineseRemainder(IReadOnlyList<WordPrime> primes)
    {
        _primes = [.. primes];
        _inverses = new ulong[_primes.Length];
        Modulus = BigInteger.One;
        for (int i = 0; i < _primes.Length; i++)
        {
            var prime = _primes[i];
            ulong product = 1;
            for (int j = 0; j < i; j++)
            {
                product = prime.Multiply(product, prime.Reduce(_primes[j].Value));
            }

            _inverses[i] = i == 0 ? 1 : prime.Inverse(product);
            Modulus *= prime.Value;
        }

        // Rational reconstruction is unique for |numerator|, denominator <= N when 2 N^2 < M.
        ReconstructionBound = IntegerSquareRoot((Modulus - 1) / 2);
        HalfModulus = Modulus / 2;
    }

    /// <summary>The product M of the primes.</summary>
    public BigInteger Modulus { get; }

    /// <summary>floor(M / 2).</summary>
    public BigInteger HalfModulus { get; }

    /// <summary>The bound N with 2 N^2 &lt; M for rational reconstruction.</summary>
    public BigInteger ReconstructionBound { get; }

    /// <summary>Number of primes.</summary>
    public int Count => _primes.Length;

    /// <summary>Returns the integer x in (-M/2, M/2] with x = residues[i] mod p_i.</summary>
    /// <remarks>Algorithm: Garner's mixed-radix Chinese remaindering [GG13, Ch. 5], O(k^2) word operations and k big-integer steps.</remarks>
    public BigInteger CombineSymmetric(ReadOnlySpan<ulong> residues)
    {
        var x = Combine(residues);
        return x > HalfModulus ? x - Modulus : x;
    }

    /// <summary>Returns the integer x in [0, M) with x = residues[i] mod p_i.</summary>
    public BigInteger Combine(ReadOnlySpan<ulong> residues)
    {
        int k = _primes.Length;
        Span<ulong> digits = k <= 128 ? stackalloc ulong[k] : new ulong[k];

        // digits[i] is the i-th mixed-radix digit: x = d_0 + d_1 p_0 + d_2 p_0 p_1 + ...
        for (int i = 0; i < k; i++)
        {
            var prime = _primes[i];
            ulong partial = 0;
            for (int j = i - 1; j >= 0; j--)
            {
                partial = prime.Reduce(partial * prime.Reduce(_primes[j].Value) + digits[j]);
            }

            ulong difference = residues[i] >= partial ? residues[i] - partial : residues[i] + prime.Value - partial;
            digits[i] = prime.Multiply(difference, _inverses[i]);
        }

        // Horner's rule x = d_(k-1) p_(k-2) + ... in 32-bit limbs (little-endian), then one conversion to BigInteger.
        Span<uint> limbs = k <= 128 ? stackalloc uint[k + 1] : new uint[k + 1];
        limbs.Clear();
        int used = 0;
        for (int i = k - 1; i >= 0; i--)
        {
            ulong carry = digits[i];
            ulong factor = i == k - 1 ? 0 : _primes[i].Value;
            for (int limb = 0; limb < used; limb++)
            {
                ulong t = limbs[limb] * factor + carry;
                limbs[limb] = (uint)t;
                carry = t >> 32;
            }

            while (carry != 0)
            {
                limbs[used++] = (uint)carry;
                carry >>= 32;
            }
        }

        return new BigInteger(System.Runtime.InteropServices.MemoryMarshal.AsBytes(limbs[..used]), isUnsigned: true, isBigEndian: false);
    }

    /// <summary>
    /// Returns n/d with |n|, d &lt;= N and n = d x mod M, or null when no such fraction exists.
    /// </summary>
    /// <remarks>Algorithm: rational number reconstruction by the extended Euclidean algorithm stopped at the bound [GG13, Ch. 5].</remarks>
    public (BigInteger Numerator, BigInteger Denominator)? Reconstruct(BigInteger x)
    {
        var bound = ReconstructionBound;
        BigInteger r0 = Modulus, r1 = x, t0 = BigInteger.Zero, t1 = BigInteger.One;

        // Invariant: r_i = t_i x mod M for both pairs.
        while (r1 > bound)
        {
            var q = BigInteger.DivRem(r0, r1, out var remainder);
            (r0, r1) = (r1, remainder);
            (t0, t1) = (t1, t0 - q * t1);
        }

        if (BigInteger.Abs(t1) > bound || t1.IsZero)
        {
            return null;
        }

        if (t1.Sign < 0)
        {
            (r1, t1) = (-r1, -t1);
        }

        return BigInteger.GreatestCommonDivisor(r1, t1).IsOne ? (r1, t1) : null;
    }

    /// <summary>Returns floor(sqrt(n)) for n &gt;= 0, by Newton's iteration.</summary>
    internal static BigInteger IntegerSquareRoot(BigInteger n)
    {
        if (n.Sign <= 0)
        {
            return BigInteger.Zero;
        }

        // Start above the root; the iteration then decreases monotonically to floor(sqrt(n)).
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + n / x) >> 1;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }
}
