using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>A prime below 2^31 with a precomputed reciprocal for fast reduction of 64-bit values.</summary>
/// <remarks>
/// Algorithm: Barrett reduction. With mu = floor((2^64 - 1) / p), the quotient estimate floor(x mu / 2^64) is at most
/// 2 below floor(x / p) for every x below 2^64, so two conditional subtractions finish the reduction.
/// </remarks>
internal readonly struct WordPrime
{
    private static readonly Lock PrimesLock = new();
    private static readonly List<WordPrime> Primes = [];

    private readonly ulong _reciprocal;

    private WordPrime(ulong prime)
    {
        Value = prime;
        _reciprocal = ulong.MaxValue / prime;
    }

    /// <summary>Largest prime this type supports, plus one: residue products must fit in 62 bits.</summary>
    public const ulong Limit = 1UL << 31;

    /// <summary>The prime p.</summary>
    public ulong Value { get; }

    /// <summary>Returns the reducer for a prime below <see cref="Limit"/>; primality is the caller's guarantee.</summary>
    public static WordPrime Create(ulong prime)
    {
        if (prime < 2 || prime >= Limit)
        {
            throw new ArgumentOutOfRangeException(nameof(prime), prime, $"Word-size kernels need a prime below 2^31, got {prime}.");
        }

        return new WordPrime(prime);
    }

    /// <summary>Returns x mod p for any 64-bit x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Reduce(ulong x)
    {
        ulong quotient = Math.BigMul(x, _reciprocal, out _);
        ulong r = x - quotient * Value;
        if (r >= Value)
        {
            r -= Value;
        }

        if (r >= Value)
        {
            r -= Value;
        }

        return r;
    }

    /// <summary>Returns a * b mod p for residues a, b in [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Multiply(ulong a, ulong b) => Reduce(a * b);

    /// <summary>Returns the inverse of a nonzero residue.</summary>
    public ulong Inverse(ulong a) => PrimeModulus.InverseMod(a, Value);

    /// <summary>Returns the residue of a signed 64-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong FromSigned(long x)
    {
        long r = x % (long)Value;
        return (ulong)(r < 0 ? r + (long)Value : r);
    }

    /// <summary>
    /// Returns the index-th prime below 2^31, counting down from the largest (index 0 is 2^31 - 1).
    /// The sequence is fixed, so modular algorithms are deterministic.
    /// </summary>
    public static WordPrime Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (PrimesLock)
        {
            ulong candidate = Primes.Count == 0 ? (1UL << 31) : Primes[^1].Value;
            while (Primes.Count <= index)
            {
                candidate--;
                while (!PrimeModulus.IsPrime(candidate))
                {
                    candidate--;
                }

                Primes.Add(new WordPrime(candidate));
            }

            return Primes[index];
        }
    }
}
