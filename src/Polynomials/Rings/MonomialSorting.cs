using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials;

/// <summary>Sorting of monomials into a monomial order through packed integer sort keys.</summary>
internal static class MonomialSorting
{
    /// <summary>
    /// Sorts <paramref name="monomials"/> largest first in <paramref name="order"/>, permuting <paramref name="values"/> alongside.
    /// </summary>
    /// <remarks>
    /// Algorithm: the order matrix M of <see cref="MonomialOrder.OrderMatrix"/> maps each exponent vector to a vector of
    /// non-negative integers whose lexicographic order is the monomial order; when these fit into 64 bits, side by side with
    /// the first row most significant, one integer sort replaces the comparisons. Otherwise the order's comparer is used.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SortDescending<TValue>(MonomialOrder order, Monomial[] monomials, TValue[] values)
    {
        int count = monomials.Length;
        if (count < 2)
        {
            return;
        }

        if (count < 16 || !TryComputeSortKeys(order, monomials, out ulong[] keys))
        {
            Array.Sort(monomials, values, Comparer<Monomial>.Create((a, b) => order.Compare(b, a)));
            return;
        }

        // Complemented keys sort ascending into the descending monomial order. When the index fits next to the key, one
        // array of integers is sorted; the index in the low bits then gives the permutation.
        int keyBits = 64 - System.Numerics.BitOperations.LeadingZeroCount(keys.Aggregate(0UL, (a, k) => a | k));
        int indexBits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)count);
        var permutation = new int[count];
        if (keyBits + indexBits <= 64)
        {
            ulong keyMask = keyBits == 64 ? ulong.MaxValue : (1UL << keyBits) - 1;
            for (int i = 0; i < count; i++)
            {
                keys[i] = ((~keys[i] & keyMask) << indexBits) | (uint)i;
            }

            SortUnsigned(keys, keyBits + indexBits);
            ulong indexMask = (1UL << indexBits) - 1;
            for (int i = 0; i < count; i++)
            {
                permutation[i] = (int)(keys[i] & indexMask);
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                keys[i] = ~keys[i];
                permutation[i] = i;
            }

            Array.Sort(keys, permutation);
        }

        var sortedMonomials = new Monomial[count];
        var sortedValues = new TValue[count];
        for (int i = 0; i < count; i++)
        {
            sortedMonomials[i] = monomials[permutation[i]];
            sortedValues[i] = values[permutation[i]];
        }

        sortedMonomials.CopyTo(monomials, 0);
        sortedValues.CopyTo(values, 0);
    }

    /// <summary>Sorts distinct integers below 2^<paramref name="bits"/> ascending: least-significant-digit radix sort for long arrays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortUnsigned(ulong[] values, int bits)
    {
        const int DigitBits = 11;
        if (values.Length < 4096)
        {
            Array.Sort(values);
            return;
        }

        var buffer = new ulong[values.Length];
        var counts = new int[1 << DigitBits];
        var source = values;
        var target = buffer;
        for (int shift = 0; shift < bits; shift += DigitBits)
        {
            // Loop invariant: source is sorted by its lowest `shift` bits.
            Array.Clear(counts);
            foreach (ulong v in source)
            {
                counts[(int)(v >> shift) & ((1 << DigitBits) - 1)]++;
            }

            int total = 0;
            for (int d = 0; d < counts.Length; d++)
            {
                (counts[d], total) = (total, total + counts[d]);
            }

            foreach (ulong v in source)
            {
                target[counts[(int)(v >> shift) & ((1 << DigitBits) - 1)]++] = v;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, values))
        {
            source.CopyTo(values, 0);
        }
    }

    /// <summary>
    /// Computes one 64-bit key per monomial whose unsigned order is the monomial order, or returns false when the order has
    /// no matrix form or the packed rows need more than 64 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryComputeSortKeys(MonomialOrder order, Monomial[] monomials, out ulong[] keys)
    {
        keys = [];
        int n = monomials[0].VariableCount;
        if (order.CachedOrderMatrix(n) is not { } matrix)
        {
            return false;
        }

        // Phase 1: per-variable maximum exponents bound each row value, which fixes the bit width of each row.
        var maxExponent = new long[n];
        foreach (var m in monomials)
        {
            var e = m.Exponents;
            for (int i = 0; i < n; i++)
            {
                maxExponent[i] = Math.Max(maxExponent[i], e[i]);
            }
        }

        var widths = new int[matrix.Length];
        int totalBits = 0;
        for (int r = 0; r < matrix.Length; r++)
        {
            long bound = 0;
            for (int i = 0; i < n; i++)
            {
                bound += matrix[r][i] * maxExponent[i];
            }

            widths[r] = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)bound);
            totalBits += widths[r];
            if (totalBits > 64)
            {
                return false;
            }
        }

        // Phase 2: pack the row values, first row in the highest bits.
        keys = new ulong[monomials.Length];
        for (int t = 0; t < monomials.Length; t++)
        {
            var e = monomials[t].Exponents;
            ulong key = 0;
            for (int r = 0; r < matrix.Length; r++)
            {
                var row = matrix[r];
                ulong value = 0;
                for (int i = 0; i < n; i++)
                {
                    value += (ulong)(row[i] * e[i]);
                }

                // A zero-width row contributes nothing; shifting by 64 would leave the key unchanged in C#, so skip it.
                if (widths[r] > 0)
                {
                    key = (key << widths[r]) | value;
                }
            }

            keys[t] = key;
        }

        return true;
    }
}
