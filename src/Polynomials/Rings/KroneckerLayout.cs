using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials;

/// <summary>
/// A packing of exponent vectors into integers by mixed radix (Kronecker substitution): with radix r_i &gt; every exponent
/// of variable i that can occur, the key sum_i e_i * s_i with s_(n-1) = 1 and s_i = s_(i+1) * r_(i+1) is injective, the key
/// of a product is the sum of the keys, and the unsigned order of keys is the lex order (x_1 most significant).
/// </summary>
internal sealed class KroneckerLayout
{
    private KroneckerLayout(ulong[] radices, UInt128[] strides, UInt128 volume)
    {
        Radices = radices;
        Strides = strides;
        Volume = volume;
    }

    /// <summary>Radix of each variable: one more than the largest exponent the layout can hold.</summary>
    public ulong[] Radices { get; }

    /// <summary>Place value of each variable.</summary>
    public UInt128[] Strides { get; }

    /// <summary>Product of the radices: every key is below it.</summary>
    public UInt128 Volume { get; }

    /// <summary>Whether every key fits into 63 bits, so that keys are <see cref="ulong"/> and <see cref="ulong.MaxValue"/> is free as a marker.</summary>
    public bool FitsUInt64 => Volume <= (UInt128)long.MaxValue;

    /// <summary>Whether every key fits into 127 bits, so that keys are <see cref="UInt128"/> with a free marker value.</summary>
    public bool FitsUInt128 => Volume <= UInt128.MaxValue >> 1;

    /// <summary>Returns the number of variables.</summary>
    public int VariableCount => Radices.Length;

    /// <summary>
    /// Returns the layout for all products of a monomial of <paramref name="a"/> with one of <paramref name="b"/>, or null when
    /// the keys would need more than 127 bits.
    /// </summary>
    /// <exception cref="OverflowException">A product exponent exceeds <see cref="Monomial.MaxExponent"/>.</exception>
    public static KroneckerLayout? ForProduct(ReadOnlySpan<Monomial> a, ReadOnlySpan<Monomial> b, int variableCount)
    {
        var maxA = MaxExponents(a, variableCount);
        var maxB = MaxExponents(b, variableCount);
        var bounds = new int[variableCount];
        for (int i = 0; i < variableCount; i++)
        {
            bounds[i] = maxA[i] + maxB[i];
            if (bounds[i] > Monomial.MaxExponent)
            {
                throw new OverflowException(
                    $"Polynomial product: exponent {bounds[i]} of variable {i} is outside the supported range 0..{Monomial.MaxExponent}.");
            }
        }

        return ForBounds(bounds);
    }

    /// <summary>Returns the layout holding exponents up to <paramref name="bounds"/>, or null when the keys would need more than 127 bits.</summary>
    public static KroneckerLayout? ForBounds(ReadOnlySpan<int> bounds)
    {
        int n = bounds.Length;
        var radices = new ulong[n];
        var strides = new UInt128[n];
        UInt128 volume = 1;
        for (int i = n - 1; i >= 0; i--)
        {
            radices[i] = (ulong)bounds[i] + 1;
            strides[i] = volume;
            if (volume > (UInt128.MaxValue >> 1) / radices[i])
            {
                return null;
            }

            volume *= radices[i];
        }

        return new KroneckerLayout(radices, strides, volume);
    }

    /// <summary>Returns the largest exponent of each variable over the monomials.</summary>
    public static int[] MaxExponents(ReadOnlySpan<Monomial> monomials, int variableCount)
    {
        var max = new int[variableCount];
        foreach (var m in monomials)
        {
            var e = m.Exponents;
            for (int i = 0; i < variableCount; i++)
            {
                if (e[i] > max[i])
                {
                    max[i] = e[i];
                }
            }
        }

        return max;
    }

    /// <summary>Returns the 64-bit keys of the monomials; requires <see cref="FitsUInt64"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong[] EncodeUInt64(ReadOnlySpan<Monomial> monomials)
    {
        int n = VariableCount;
        var strides = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            strides[i] = (ulong)Strides[i];
        }

        var keys = new ulong[monomials.Length];
        for (int t = 0; t < keys.Length; t++)
        {
            var e = monomials[t].Exponents;
            ulong key = 0;
            for (int i = 0; i < n; i++)
            {
                key += e[i] * strides[i];
            }

            keys[t] = key;
        }

        return keys;
    }

    /// <summary>Returns the 128-bit keys of the monomials; requires <see cref="FitsUInt128"/>.</summary>
    public UInt128[] EncodeUInt128(ReadOnlySpan<Monomial> monomials)
    {
        int n = VariableCount;
        var keys = new UInt128[monomials.Length];
        for (int t = 0; t < keys.Length; t++)
        {
            var e = monomials[t].Exponents;
            UInt128 key = 0;
            for (int i = 0; i < n; i++)
            {
                key += e[i] * Strides[i];
            }

            keys[t] = key;
        }

        return keys;
    }

    /// <summary>Returns the monomial with the given 64-bit key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Monomial Decode(ulong key)
    {
        int n = VariableCount;
        var e = new ushort[n];
        for (int i = n - 1; i >= 0; i--)
        {
            ulong r = Radices[i];
            ulong q = key / r;
            e[i] = (ushort)(key - (q * r));
            key = q;
        }

        return Monomial.FromExponentsUnchecked(e);
    }

    /// <summary>Returns the monomial with the given 128-bit key.</summary>
    public Monomial Decode(UInt128 key)
    {
        int n = VariableCount;
        var e = new ushort[n];
        for (int i = n - 1; i >= 0; i--)
        {
            UInt128 q = key / Radices[i];
            e[i] = (ushort)(key - (q * Radices[i]));
            key = q;
        }

        return Monomial.FromExponentsUnchecked(e);
    }
}
