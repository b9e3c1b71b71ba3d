using System.Numerics;
using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// Arithmetic modulo one prime p &lt; 2^31 on raw residues, with Barrett reduction of products, for the modular
/// kernels of the invariant computations.
/// </summary>
internal readonly struct ResidueField
{
    /// <summary>Largest prime the kernels use: residue products stay below 2^62.</summary>
    public const ulong MaxPrime = (1UL << 31) - 1;

    private readonly ulong _barrett;

    public ResidueField(ulong prime)
    {
        if (prime < 2 || prime > MaxPrime)
        {
            throw new ArgumentOutOfRangeException(nameof(prime), prime, $"The modular kernels need a prime from 2 to {MaxPrime}.");
        }

        Prime = prime;
        _barrett = ulong.MaxValue / prime;
    }

    public ulong Prime { get; }

    /// <summary>Returns x mod p for x &lt; 2^63.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Reduce(ulong x)
    {
        ulong q = Math.BigMul(x, _barrett, out _);
        ulong r = x - (q * Prime);
        return r >= Prime ? r - Prime : r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Multiply(ulong a, ulong b) => Reduce(a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Add(ulong a, ulong b)
    {
        ulong s = a + b;
        return s >= Prime ? s - Prime : s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Negate(ulong a) => a == 0 ? 0 : Prime - a;

    public ulong Inverse(ulong a) => PrimeModulus.InverseMod(a, Prime);

    /// <summary>Returns the residue of an integer.</summary>
    public ulong FromInteger(BigInteger value)
    {
        var r = BigInteger.Remainder(value, Prime);
        return (ulong)(r.Sign < 0 ? r + Prime : r);
    }

    /// <summary>Returns the residue of a rational number, or false when p divides its denominator.</summary>
    public bool TryFromRational(Rational value, out ulong residue)
    {
        ulong denominator = FromInteger(value.Denominator);
        if (denominator == 0)
        {
            residue = 0;
            return false;
        }

        residue = Multiply(FromInteger(value.Numerator), Inverse(denominator));
        return true;
    }
}

/// <summary>The primes below 2^31 used by the multi-modular computations, largest first, in a fixed order.</summary>
internal static class ModularPrimes
{
    private static readonly List<ulong> Primes = [];
    private static readonly Lock Gate = new();

    /// <summary>Returns the <paramref name="index"/>-th prime below 2^31, counting down from 2^31 - 1.</summary>
    public static ulong Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (Gate)
        {
            ulong candidate = Primes.Count == 0 ? ResidueField.MaxPrime + 2 : Primes[^1];
            while (Primes.Count <= index)
            {
                candidate -= 2;
                if (PrimeModulus.IsPrime(candidate))
                {
                    Primes.Add(candidate);
                }
            }

            return Primes[index];
        }
    }
}

/// <summary>Chinese remaindering and rational reconstruction of exact rationals from their residues.</summary>
/// <remarks>
/// Algorithm: Garner's incremental Chinese remaindering and rational reconstruction by the extended Euclidean
/// algorithm with numerator and denominator bounded by sqrt(m/2) [GG13, Sec. 5.4 and 5.10].
/// </remarks>
internal static class RationalReconstruction
{
    /// <summary>Returns x with x = <paramref name="current"/> mod <paramref name="modulus"/> and x = <paramref name="residue"/> mod p, in [0, modulus * p).</summary>
    public static BigInteger Combine(BigInteger current, BigInteger modulus, ulong residue, ResidueField field)
    {
        ulong currentModP = field.FromInteger(current);
        ulong difference = residue >= currentModP ? residue - currentModP : residue + field.Prime - currentModP;
        ulong factor = field.Multiply(difference, field.Inverse(field.FromInteger(modulus)));
        return current + (modulus * factor);
    }

    /// <summary>Returns the rational r/s with r = s * <paramref name="value"/> mod <paramref name="modulus"/> and |r|, s &lt;= sqrt(m/2), or false.</summary>
    public static bool TryReconstruct(BigInteger value, BigInteger modulus, out Rational result)
    {
        result = default;
        if (value.IsZero)
        {
            return true;
        }

        var bound = Sqrt(modulus / 2);
        BigInteger r0 = modulus, r1 = value, s0 = 0, s1 = 1;
        while (r1 > bound)
        {
            var q = BigInteger.DivRem(r0, r1, out var r);
            (r0, r1) = (r1, r);
            (s0, s1) = (s1, s0 - (q * s1));
        }

        if (BigInteger.Abs(s1) > bound || s1.IsZero || !BigInteger.GreatestCommonDivisor(r1, s1).IsOne)
        {
            return false;
        }

        result = Rational.Create(s1.Sign < 0 ? -r1 : r1, BigInteger.Abs(s1));
        return true;
    }

    private static BigInteger Sqrt(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }

        // Newton's iteration from a power of two above the root decreases monotonically to floor(sqrt(n)).
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }
}
