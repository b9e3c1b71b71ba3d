using System.Numerics;
using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials.Scalars;

/// <summary>
/// An element of the prime field GF(p), stored as its residue in [0, p) together with p.
/// </summary>
/// <remarks>
/// <c>default</c> (modulus 0) is a zero that combines with elements of any modulus, and
/// <see cref="MultiplicativeIdentity"/> is a one of the same kind; every other value carries its
/// prime. Combining elements of two different primes throws <see cref="ArgumentException"/>.
/// Primes up to 2^62 are supported. Modular kernels that run one prime over many values work on raw
/// residues with <see cref="PrimeModulus"/> instead.
/// </remarks>
public readonly struct ModInt : IFieldElement<ModInt>
{
    private readonly ulong _value;
    private readonly ulong _modulus;

    /// <summary>Creates the residue of <paramref name="value"/> modulo <paramref name="modulus"/>, which must already be in [0, modulus).</summary>
    internal ModInt(ulong value, ulong modulus)
    {
        _value = value;
        _modulus = modulus;
    }

    /// <summary>Residue in [0, p).</summary>
    public ulong Value => _value;

    /// <summary>The prime p, or 0 for the field-independent zero and one.</summary>
    public ulong Modulus => _modulus;

    /// <inheritdoc />
    public static ModInt AdditiveIdentity => default;

    /// <inheritdoc />
    public static ModInt MultiplicativeIdentity => new(1, 0);

    /// <inheritdoc />
    public bool IsZero => _value == 0;

    /// <inheritdoc />
    public bool IsOne => _value == 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CommonModulus(ModInt a, ModInt b)
    {
        if (a._modulus == b._modulus)
        {
            if (a._modulus == 0 && a._value > 1 | b._value > 1)
            {
                throw new InvalidOperationException("Arithmetic on GF(p) values that carry no prime; create them with a PrimeField.");
            }

            return a._modulus;
        }

        if (a._modulus == 0)
        {
            return b._modulus;
        }

        if (b._modulus == 0)
        {
            return a._modulus;
        }

        throw new ArgumentException($"Cannot combine an element of GF({a._modulus}) with an element of GF({b._modulus}).");
    }

    /// <inheritdoc />
    public static ModInt operator +(ModInt a, ModInt b)
    {
        ulong p = CommonModulus(a, b);
        if (p == 0)
        {
            // 1 + 1 depends on the prime (it is 0 in GF(2)), so only 0 + 0, 0 + 1 and 1 + 0 have a field-less sum.
            if (a._value + b._value > 1)
            {
                throw new InvalidOperationException("Cannot add the field-independent one of GF(p) to itself without a prime; use PrimeField.One.");
            }

            return new ModInt(a._value + b._value, 0);
        }

        ulong s = a._value + b._value;
        return new ModInt(s >= p ? s - p : s, p);
    }

    /// <inheritdoc />
    public static ModInt operator -(ModInt a, ModInt b)
    {
        ulong p = CommonModulus(a, b);
        if (p == 0)
        {
            // 0 - 1 depends on the prime, while 0 - 0, 1 - 0 and 1 - 1 do not.
            if (a._value < b._value)
            {
                throw new InvalidOperationException("Cannot subtract the field-independent one of GF(p) from zero without a prime; use PrimeField.One.");
            }

            return new ModInt(a._value - b._value, 0);
        }

        return new ModInt(a._value >= b._value ? a._value - b._value : a._value + (p - b._value), p);
    }

    /// <inheritdoc />
    public static ModInt operator -(ModInt a)
    {
        if (a._value == 0)
        {
            return a;
        }

        if (a._modulus == 0)
        {
            throw new InvalidOperationException("Cannot negate the field-independent one of GF(p) without a prime; use PrimeField.One.");
        }

        return new ModInt(a._modulus - a._value, a._modulus);
    }

    /// <inheritdoc />
    public static ModInt operator *(ModInt a, ModInt b)
    {
        ulong p = a._modulus == b._modulus ? a._modulus : CommonModulus(a, b);
        if (p == 0)
        {
            return new ModInt(a._value * b._value, 0);
        }

        return new ModInt(PrimeModulus.MultiplyMod(a._value, b._value, p), p);
    }

    /// <inheritdoc />
    public static ModInt operator /(ModInt a, ModInt b) => a * b.Inverse();

    /// <inheritdoc />
    public ModInt Inverse()
    {
        if (_value == 0)
        {
            throw new DivideByZeroException(_modulus == 0 ? "Division by zero." : $"Division by zero in GF({_modulus}).");
        }

        if (_modulus == 0)
        {
            return this;
        }

        return new ModInt(PrimeModulus.InverseMod(_value, _modulus), _modulus);
    }

    /// <summary>The residue as a signed integer in (-p/2, p/2].</summary>
    public long ToSymmetric() => _modulus != 0 && _value > _modulus / 2 ? -(long)(_modulus - _value) : (long)_value;

    /// <inheritdoc />
    public bool Equals(ModInt other) => _value == other._value && (_modulus == other._modulus || _modulus == 0 || other._modulus == 0);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ModInt m && Equals(m);

    /// <summary>Hash of the residue only, so that the field-independent zero and one hash like their images.</summary>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc />
    public static bool operator ==(ModInt a, ModInt b) => a.Equals(b);

    /// <inheritdoc />
    public static bool operator !=(ModInt a, ModInt b) => !a.Equals(b);

    /// <summary>The residue in symmetric form, as Singular prints it: values above p/2 print as negatives.</summary>
    public override string ToString() => ToSymmetric().ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Arithmetic on raw residues modulo a prime below 2^62, for modular kernels.</summary>
public static class PrimeModulus
{
    /// <summary>Largest supported prime modulus.</summary>
    public const ulong MaxModulus = (1UL << 62) - 1;

    /// <summary>Returns a*b mod p for residues a, b in [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyMod(ulong a, ulong b, ulong p)
    {
        if (p <= uint.MaxValue)
        {
            return a * b % p;
        }

        ulong high = Math.BigMul(a, b, out ulong low);
        return (ulong)(((UInt128)high << 64 | low) % p);
    }

    /// <summary>Returns a^e mod p.</summary>
    public static ulong PowMod(ulong a, ulong e, ulong p)
    {
        ulong result = 1 % p;
        a %= p;
        while (e > 0)
        {
            if ((e & 1) != 0)
            {
                result = MultiplyMod(result, a, p);
            }

            a = MultiplyMod(a, a, p);
            e >>= 1;
        }

        return result;
    }

    /// <summary>Returns the inverse of a nonzero residue by the extended Euclidean algorithm.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="a"/> is zero modulo p.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is above <see cref="MaxModulus"/>.</exception>
    public static ulong InverseMod(ulong a, ulong p)
    {
        // The signed Euclidean recurrence below needs p to fit a long.
        if (p > MaxModulus)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"InverseMod supports moduli up to 2^62 - 1; got {p}.");
        }

        long t = 0, newT = 1;
        long r = (long)p, newR = (long)(a % p);
        if (newR == 0)
        {
            throw new DivideByZeroException($"Division by zero in GF({p}).");
        }

        while (newR != 0)
        {
            long q = r / newR;
            (t, newT) = (newT, t - q * newT);
            (r, newR) = (newR, r - q * newR);
        }

        return (ulong)(t < 0 ? t + (long)p : t);
    }

    /// <summary>Returns the residue of a (possibly negative or huge) integer.</summary>
    public static ulong Reduce(BigInteger value, ulong p)
    {
        var r = BigInteger.Remainder(value, p);
        return (ulong)(r.Sign < 0 ? r + p : r);
    }

    /// <summary>Deterministic Miller-Rabin primality test for 64-bit integers.</summary>
    public static bool IsPrime(ulong n)
    {
        if (n < 2)
        {
            return false;
        }

        ReadOnlySpan<ulong> small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
        foreach (ulong q in small)
        {
            if (n % q == 0)
            {
                return n == q;
            }
        }

        ulong d = n - 1;
        int s = BitOperations.TrailingZeroCount(d);
        d >>= s;
        foreach (ulong a in small)
        {
            ulong x = PowMod(a, d, n);
            if (x == 1 || x == n - 1)
            {
                continue;
            }

            bool composite = true;
            for (int i = 1; i < s; i++)
            {
                x = MultiplyMod(x, x, n);
                if (x == n - 1)
                {
                    composite = false;
                    break;
                }
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }
}
