using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>Multiplication of sparse polynomials on packed exponent keys.</summary>
/// <remarks>
/// Algorithm: exponent vectors are packed into integers by Kronecker substitution (<see cref="KroneckerLayout"/>), so a
/// monomial product is one integer addition. Dense inputs add their products into chunks of an array indexed by the
/// packed key, and other inputs into an open-addressing hash table. The dense method is chosen when the array is at most
/// twice the number of products. FLINT 3.5 chooses between the same kinds of method by comparing the same two sizes, in
/// <c>fmpz_mpoly/mul.c</c> [FLINT]. The result is sorted once at the end.
/// Over Q the coefficients are scaled to integers and summed in 64- or 128-bit words when a bound on the sums shows that
/// they fit. For 128-bit sums the dense method multiplies magnitudes and adds or subtracts by sign. Over GF(p) with
/// p &lt; 2^31, products of residues are summed without reducing each one.
/// </remarks>
internal static class PolynomialMultiplication
{
    /// <summary>Bytes of accumulators in one dense chunk; chosen to stay within a typical per-core L2 cache.</summary>
    private const int ChunkBytes = 256 * 1024;

    /// <summary>Largest number of (group of a, group of b) pairs the dense method lists.</summary>
    private const long MaxDensePairs = 1L << 24;

    private const ulong EmptyKey = ulong.MaxValue;

    // Bounds with one bit of margin below the 64- and 128-bit accumulators, in double precision.
    private static readonly double TwoToThe62 = Math.ScaleB(1.0, 62);
    private static readonly double TwoToThe126 = Math.ScaleB(1.0, 126);

    /// <summary>Returns a * b for nonzero polynomials of the same ring.</summary>
    /// <param name="a">The first factor.</param>
    /// <param name="b">The second factor.</param>
    /// <param name="method">The summation method; anything but <see cref="ProductMethod.Auto"/> is for tests.</param>
    public static Polynomial<T> Multiply<T>(Polynomial<T> a, Polynomial<T> b, ProductMethod method = ProductMethod.Auto)
        where T : struct, IFieldElement<T>
    {
        var ring = a.Ring;
        var layout = KroneckerLayout.ForProduct(a.MonomialSpan, b.MonomialSpan, ring.VariableCount);
        if (layout is null || method == ProductMethod.Dictionary)
        {
            return MultiplyWithDictionary(a, b);
        }

        if (!layout.FitsUInt64)
        {
            return MultiplyWithWideKeys(a, b, layout);
        }

        var keysA = layout.EncodeUInt64(a.MonomialSpan);
        var keysB = layout.EncodeUInt64(b.MonomialSpan);
        if (typeof(T) == typeof(Rational)
            && TryMultiplyRational(
                Unsafe.As<PolynomialRing<Rational>>(ring), method, layout, keysA, keysB, Unsafe.As<Polynomial<Rational>>(a), Unsafe.As<Polynomial<Rational>>(b)) is { } q)
        {
            return Unsafe.As<Polynomial<T>>(q);
        }

        if (typeof(T) == typeof(ModInt) && ring.Field is PrimeField { Prime: <= SmallPrimeProductKernel.MaxPrime } field)
        {
            return Unsafe.As<Polynomial<T>>(MultiplySmallPrime(
                Unsafe.As<PolynomialRing<ModInt>>(ring), field, method, layout, keysA, keysB, Unsafe.As<Polynomial<ModInt>>(a), Unsafe.As<Polynomial<ModInt>>(b)));
        }

        var terms = Accumulate<T, T, FieldProductKernel<T>>(
            default, method, layout, keysA, a.CoefficientSpan.ToArray(), keysB, b.CoefficientSpan.ToArray());
        return Assemble(ring, layout, terms, static x => x);
    }

    /// <summary>Returns a * b summed in a monomial-to-coefficient map, the method for exponent vectors that need more than 127 bits.</summary>
    internal static Polynomial<T> MultiplyWithDictionary<T>(Polynomial<T> a, Polynomial<T> b)
        where T : struct, IFieldElement<T>
    {
        var sums = new Dictionary<Monomial, T>(Math.Max(a.TermCount, b.TermCount) * 2);
        var am = a.MonomialSpan;
        var ac = a.CoefficientSpan;
        var bm = b.MonomialSpan;
        var bc = b.CoefficientSpan;
        for (int j = 0; j < bm.Length; j++)
        {
            for (int i = 0; i < am.Length; i++)
            {
                var m = am[i].Multiply(bm[j]);
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, m, out _);
                slot += ac[i] * bc[j];
            }
        }

        return a.Ring.FromDictionary(sums);
    }

    private static Polynomial<T> MultiplyWithWideKeys<T>(Polynomial<T> a, Polynomial<T> b, KroneckerLayout layout)
        where T : struct, IFieldElement<T>
    {
        if (!layout.FitsUInt128)
        {
            return MultiplyWithDictionary(a, b);
        }

        var (keys, values, count) = AccumulateHashed<UInt128, T, T, FieldProductKernel<T>>(
            default, layout.EncodeUInt128(a.MonomialSpan), a.CoefficientSpan, layout.EncodeUInt128(b.MonomialSpan), b.CoefficientSpan, (double)layout.Volume);
        var monomials = new Monomial[count];
        var coefficients = new T[count];
        int k = 0;
        for (int t = 0; t < keys.Length; t++)
        {
            if (keys[t] != UInt128.MaxValue && !values[t].IsZero)
            {
                monomials[k] = layout.Decode(keys[t]);
                coefficients[k++] = values[t];
            }
        }

        ScratchArrays.Return(keys);
        ScratchArrays.Return(values);
        Array.Resize(ref monomials, k);
        Array.Resize(ref coefficients, k);
        return a.Ring.FromUnsortedUnique(monomials, coefficients);
    }

    // Over Q: a = A / dA and b = B / dB with integer A, B; then a * b = (A * B) / (dA * dB) and A * B is summed in machine words.
    private static Polynomial<Rational>? TryMultiplyRational(
        PolynomialRing<Rational> ring, ProductMethod method, KroneckerLayout layout, ulong[] keysA, ulong[] keysB, Polynomial<Rational> a, Polynomial<Rational> b)
    {
        if (!TryScaleToIntegers(a.CoefficientSpan, out var numeratorsA, out var denominatorA, out var maxA)
            || !TryScaleToIntegers(b.CoefficientSpan, out var numeratorsB, out var denominatorB, out var maxB))
        {
            return null;
        }

        var denominator = denominatorA * denominatorB;
        bool denominatorIsOne = denominator.IsOne;

        // Each product monomial comes from at most min(|a|, |b|) pairs of terms.
        double bound = (double)maxA * (double)maxB * Math.Min(keysA.Length, keysB.Length);
        if (bound < TwoToThe62)
        {
            var terms = Accumulate<long, long, Int64ProductKernel>(default, method, layout, keysA, numeratorsA, keysB, numeratorsB);
            return Assemble(ring, layout, terms, x => denominatorIsOne ? x : Rational.Create(x, denominator));
        }

        if (bound < TwoToThe126)
        {
            // The dense method multiplies magnitudes and adds or subtracts by sign; the hash method multiplies signed values.
            var terms = (method == ProductMethod.Hashed
                    ? null
                    : TryAccumulateDense<long, Int128Sum, MagnitudeInt128ProductKernel>(
                        default, method == ProductMethod.Dense, layout, keysA, numeratorsA, keysB, numeratorsB))
                ?? AccumulateHashedCompact<long, Int128Sum, Int128ProductKernel>(default, layout, keysA, numeratorsA, keysB, numeratorsB);
            return Assemble(ring, layout, terms, sum =>
            {
                var x = sum.ToInt128();
                Rational value;
                if (x >= long.MinValue && x <= long.MaxValue)
                {
                    value = (long)x;
                }
                else
                {
                    value = (BigInteger)x;
                }

                return denominatorIsOne ? value : Rational.Create(value.Numerator, denominator);
            });
        }

        return null;
    }

    /// <summary>
    /// Writes c_i = n_i / d with a common denominator d; false when a numerator does not fit in 63 bits.
    /// <paramref name="maxAbs"/> is the largest |n_i|.
    /// </summary>
    internal static bool TryScaleToIntegers(ReadOnlySpan<Rational> coefficients, out long[] numerators, out BigInteger denominator, out long maxAbs)
    {
        numerators = [];
        maxAbs = 0;
        denominator = BigInteger.One;
        foreach (var c in coefficients)
        {
            if (!c.IsInteger)
            {
                var d = c.Denominator;
                denominator = denominator / BigInteger.GreatestCommonDivisor(denominator, d) * d;
            }
        }

        var result = new long[coefficients.Length];
        for (int i = 0; i < result.Length; i++)
        {
            var c = coefficients[i];
            var n = c.IsInteger ? c.Numerator * denominator : c.Numerator * (denominator / c.Denominator);
            if (n > long.MaxValue || n < -long.MaxValue)
            {
                return false;
            }

            result[i] = (long)n;
            maxAbs = Math.Max(maxAbs, Math.Abs(result[i]));
        }

        numerators = result;
        return true;
    }

    private static Polynomial<ModInt> MultiplySmallPrime(
        PolynomialRing<ModInt> ring, PrimeField field, ProductMethod method, KroneckerLayout layout, ulong[] keysA, ulong[] keysB, Polynomial<ModInt> a, Polynomial<ModInt> b)
    {
        static ulong[] Residues(ReadOnlySpan<ModInt> cs)
        {
            var r = new ulong[cs.Length];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = cs[i].Value;
            }

            return r;
        }

        ulong prime = field.Prime;
        var residuesA = Residues(a.CoefficientSpan);
        var residuesB = Residues(b.CoefficientSpan);

        // Each product monomial sums at most min(|a|, |b|) products below p^2; when that stays below 2^63, plain 64-bit
        // sums need no reduction at all (for p = 32003 up to about 8.9 * 10^9 products).
        double bound = (double)(prime - 1) * (prime - 1) * Math.Min(keysA.Length, keysB.Length);
        if (bound < TwoToThe62)
        {
            var terms = Accumulate<long, long, Int64ProductKernel>(
                default, method, layout, keysA, Array.ConvertAll(residuesA, r => (long)r), keysB, Array.ConvertAll(residuesB, r => (long)r));
            return Assemble(ring, layout, terms, x => field.FromResidue((ulong)x % prime));
        }

        var lazyTerms = Accumulate<ulong, ulong, SmallPrimeProductKernel>(
            new SmallPrimeProductKernel(prime), method, layout, keysA, residuesA, keysB, residuesB);
        return Assemble(ring, layout, lazyTerms, x => field.FromResidue(x % prime));
    }

    /// <summary>Builds the polynomial from accumulated (key, value) pairs, dropping zero values, and returns the arrays to the pool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Polynomial<T> Assemble<T, TAcc>(PolynomialRing<T> ring, KroneckerLayout layout, (ulong[] Keys, TAcc[] Values, int Count) terms, Func<TAcc, T> convert)
        where T : struct, IFieldElement<T>
    {
        var monomials = new Monomial[terms.Count];
        var coefficients = new T[terms.Count];
        int k = 0;
        for (int t = 0; t < terms.Count; t++)
        {
            var c = convert(terms.Values[t]);
            if (c.IsZero)
            {
                continue;
            }

            monomials[k] = layout.Decode(terms.Keys[t]);
            coefficients[k++] = c;
        }

        ScratchArrays.Return(terms.Keys);
        ScratchArrays.Return(terms.Values);
        Array.Resize(ref monomials, k);
        Array.Resize(ref coefficients, k);
        return ring.FromUnsortedUnique(monomials, coefficients);
    }

    /// <summary>
    /// Sums all products of a term of a with a term of b by key. Returns the keys and accumulators of the distinct product
    /// monomials in no particular order, and some accumulators may be zero. The arrays are rented from
    /// <see cref="ScratchArrays"/> and may be longer than the count, so the caller returns them.
    /// </summary>
    internal static (ulong[] Keys, TAcc[] Values, int Count) Accumulate<TIn, TAcc, TKernel>(
        TKernel kernel, ProductMethod method, KroneckerLayout layout, ulong[] keysA, TIn[] coefficientsA, ulong[] keysB, TIn[] coefficientsB)
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        if (method != ProductMethod.Hashed
            && TryAccumulateDense<TIn, TAcc, TKernel>(kernel, method == ProductMethod.Dense, layout, keysA, coefficientsA, keysB, coefficientsB) is { } dense)
        {
            return dense;
        }

        return AccumulateHashedCompact<TIn, TAcc, TKernel>(kernel, layout, keysA, coefficientsA, keysB, coefficientsB);
    }

    /// <summary>Sums the products in a hash table and moves the occupied slots to the front.</summary>
    private static (ulong[] Keys, TAcc[] Values, int Count) AccumulateHashedCompact<TIn, TAcc, TKernel>(
        TKernel kernel, KroneckerLayout layout, ulong[] keysA, TIn[] coefficientsA, ulong[] keysB, TIn[] coefficientsB)
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        var (keys, values, count) = AccumulateHashed<ulong, TIn, TAcc, TKernel>(
            kernel, keysA, coefficientsA, keysB, coefficientsB, (double)layout.Volume);

        // Compact the table into the occupied slots.
        int k = 0;
        for (int t = 0; t < keys.Length && k < count; t++)
        {
            if (keys[t] != EmptyKey)
            {
                keys[k] = keys[t];
                values[k++] = values[t];
            }
        }

        return (keys, values, count);
    }

    /// <summary>
    /// Sums the products by the dense method. Terms are grouped by the high part of their key, which encodes the
    /// exponents of the first variables. Every pair of groups adds into one chunk of accumulators indexed by the low part.
    /// Returns null when the inputs are too sparse for the method to pay off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ulong[] Keys, TAcc[] Values, int Count)? TryAccumulateDense<TIn, TAcc, TKernel>(
        TKernel kernel, bool force, KroneckerLayout layout, ulong[] keysA, TIn[] coefficientsA, ulong[] keysB, TIn[] coefficientsB)
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        // Phase 1: decide. The chunks scanned cover at most the whole key range, which must not exceed twice the number of
        // products. A chunk is the key range of the last variables that fits into ChunkBytes.
        ulong volume = (ulong)layout.Volume;
        double work = (double)keysA.Length * keysB.Length;
        if (volume > 2 * work && !force)
        {
            return null;
        }

        ulong chunkEntries = (ulong)Math.Max(1024, ChunkBytes / Unsafe.SizeOf<TAcc>());
        ulong chunk = volume;
        int prefixLength = 0;
        while (chunk > chunkEntries && prefixLength < layout.VariableCount)
        {
            chunk /= layout.Radices[prefixLength];
            prefixLength++;
        }

        // Phase 2: sort each side by key and split it into groups of equal high part.
        keysA = (ulong[])keysA.Clone();
        coefficientsA = (TIn[])coefficientsA.Clone();
        keysB = (ulong[])keysB.Clone();
        coefficientsB = (TIn[])coefficientsB.Clone();
        Array.Sort(keysA, coefficientsA);
        Array.Sort(keysB, coefficientsB);
        var groupsA = GroupByHighPart(keysA, chunk, out var lowA);
        var groupsB = GroupByHighPart(keysB, chunk, out var lowB);

        // The terms of each group of b form runs of consecutive low parts, whose products land on consecutive accumulators.
        // A kernel that splits signs gets magnitudes, with each group reordered to put its nonnegative terms first.
        var (valuesB, runsB, runRanges) = SplitIntoRuns<TIn, TAcc, TKernel>(kernel, groupsB, lowB, coefficientsB);
        double pairCount = (double)groupsA.Count * groupsB.Count;
        if (pairCount > MaxDensePairs || (pairCount > work / 8 && !force))
        {
            return null;
        }

        // Phase 3: list the pairs of groups, ordered by the high part of their products.
        int pairTotal = groupsA.Count * groupsB.Count;
        var pairTargets = ScratchArrays.Rent<ulong>(pairTotal);
        var pairs = ScratchArrays.Rent<int>(pairTotal);
        for (int ga = 0, p = 0; ga < groupsA.Count; ga++)
        {
            for (int gb = 0; gb < groupsB.Count; gb++, p++)
            {
                pairTargets[p] = groupsA[ga].High + groupsB[gb].High;
                pairs[p] = p;
            }
        }

        Array.Sort(pairTargets, pairs, 0, pairTotal);

        // Phase 4: per target chunk, clear the touched range, add the products of its pairs and collect the nonzero sums.
        var accumulators = ScratchArrays.Rent<TAcc>((int)chunk);
        var outKeys = ScratchArrays.Rent<ulong>(Math.Max(16, keysA.Length + keysB.Length));
        var outValues = ScratchArrays.Rent<TAcc>(outKeys.Length);
        int outCount = 0;
        int groupCountB = groupsB.Count;
        for (int start = 0; start < pairTotal;)
        {
            ulong target = pairTargets[start];
            int end = start;
            int lo = int.MaxValue, hi = -1;
            while (end < pairTotal && pairTargets[end] == target)
            {
                var ga = groupsA[pairs[end] / groupCountB];
                var gb = groupsB[pairs[end] % groupCountB];
                lo = Math.Min(lo, lowA[ga.Start] + lowB[gb.Start]);
                hi = Math.Max(hi, lowA[ga.End - 1] + lowB[gb.End - 1]);
                end++;
            }

            Array.Clear(accumulators, lo, hi - lo + 1);
            ref TAcc chunkStart = ref accumulators[0];
            for (int p = start; p < end; p++)
            {
                var ga = groupsA[pairs[p] / groupCountB];
                int gbIndex = pairs[p] % groupCountB;
                var gb = groupsB[gbIndex];
                var ranges = runRanges[gbIndex];
                var nonnegativeRuns = new ReadOnlySpan<Run>(runsB, ranges.Start, ranges.NegativeStart - ranges.Start);
                var negativeRuns = new ReadOnlySpan<Run>(runsB, ranges.NegativeStart, ranges.End - ranges.NegativeStart);
                for (int i = ga.Start; i < ga.End; i++)
                {
                    // Every low part of a product is below the chunk size because the radices bound the exponent sums.
                    ref TAcc row = ref Unsafe.Add(ref chunkStart, lowA[i]);
                    TIn x = coefficientsA[i];
                    if (!kernel.SplitsSigns || !kernel.IsNegative(x))
                    {
                        AddRuns<TIn, TAcc, TKernel>(kernel, ref row, x, valuesB, nonnegativeRuns);
                        SubtractRuns<TIn, TAcc, TKernel>(kernel, ref row, x, valuesB, negativeRuns);
                    }
                    else
                    {
                        x = kernel.Negate(x);
                        SubtractRuns<TIn, TAcc, TKernel>(kernel, ref row, x, valuesB, nonnegativeRuns);
                        AddRuns<TIn, TAcc, TKernel>(kernel, ref row, x, valuesB, negativeRuns);
                    }
                }
            }

            ulong baseKey = target * chunk;
            for (int idx = lo; idx <= hi; idx++)
            {
                if (kernel.IsZero(in accumulators[idx]))
                {
                    continue;
                }

                if (outCount == outKeys.Length)
                {
                    ScratchArrays.Grow(ref outKeys, outCount, outCount * 2);
                    ScratchArrays.Grow(ref outValues, outCount, outCount * 2);
                }

                outKeys[outCount] = baseKey + (ulong)idx;
                outValues[outCount++] = accumulators[idx];
            }

            start = end;
        }

        ScratchArrays.Return(accumulators);
        ScratchArrays.Return(pairTargets);
        ScratchArrays.Return(pairs);
        return (outKeys, outValues, outCount);
    }

    /// <summary>How the products are summed.</summary>
    internal enum ProductMethod
    {
        /// <summary>Dense chunks when the inputs are dense enough, else a hash table.</summary>
        Auto,

        /// <summary>Dense chunks whenever the pairs of groups can be listed.</summary>
        Dense,

        /// <summary>A hash table on packed keys.</summary>
        Hashed,

        /// <summary>A dictionary from monomials to coefficients (the reference method).</summary>
        Dictionary,
    }

    /// <summary>Consecutive terms of a group whose low parts are Low, Low + 1, ..., with values at [Start, Start + Length).</summary>
    private readonly record struct Run(int Low, int Start, int Length);

    /// <summary>The runs of one group: nonnegative terms in [Start, NegativeStart), negative ones in [NegativeStart, End).</summary>
    private readonly record struct RunRange(int Start, int NegativeStart, int End);

    // Reorders each group (nonnegative terms first when the kernel splits signs, negated) and cuts it into runs.
    private static (TIn[] Values, Run[] Runs, RunRange[] Ranges) SplitIntoRuns<TIn, TAcc, TKernel>(
        TKernel kernel, List<KeyGroup> groups, int[] lows, TIn[] coefficients)
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        var values = new TIn[coefficients.Length];
        var runs = new List<Run>();
        var ranges = new RunRange[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            int next = group.Start;
            int firstRun = runs.Count;
            int negativeRun = firstRun;
            for (int pass = 0; pass < 2; pass++)
            {
                if (pass == 1)
                {
                    negativeRun = runs.Count;
                }

                int previousLow = int.MinValue;
                for (int j = group.Start; j < group.End; j++)
                {
                    bool negative = kernel.SplitsSigns && kernel.IsNegative(coefficients[j]);
                    if (negative != (pass == 1))
                    {
                        continue;
                    }

                    values[next] = negative ? kernel.Negate(coefficients[j]) : coefficients[j];
                    if (lows[j] == previousLow + 1)
                    {
                        var last = runs[^1];
                        runs[^1] = last with { Length = last.Length + 1 };
                    }
                    else
                    {
                        runs.Add(new Run(lows[j], next, 1));
                    }

                    previousLow = lows[j];
                    next++;
                }
            }

            ranges[g] = new RunRange(firstRun, negativeRun, runs.Count);
        }

        return (values, [.. runs], ranges);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRuns<TIn, TAcc, TKernel>(TKernel kernel, ref TAcc row, TIn x, TIn[] values, ReadOnlySpan<Run> runs)
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        foreach (var run in runs)
        {
            ref TAcc target = ref Unsafe.Add(ref row, run.Low);
            ref TIn source = ref values[run.Start];
            if (typeof(TKernel) == typeof(Int64ProductKernel) && Vector256.IsHardwareAccelerated && Avx512DQ.VL.IsSupported)
            {
                AddRunInt64(ref Unsafe.As<TAcc, long>(ref target), Unsafe.As<TIn, long>(ref x), ref Unsafe.As<TIn, long>(ref source), run.Length);
                continue;
            }

            for (int k = 0; k < run.Length; k++)
            {
                kernel.MultiplyAdd(ref Unsafe.Add(ref target, k), x, Unsafe.Add(ref source, k));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractRuns<TIn, TAcc, TKernel>(TKernel kernel, ref TAcc row, TIn x, TIn[] values, ReadOnlySpan<Run> runs)
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        foreach (var run in runs)
        {
            ref TAcc target = ref Unsafe.Add(ref row, run.Low);
            ref TIn source = ref values[run.Start];
            for (int k = 0; k < run.Length; k++)
            {
                kernel.MultiplySubtract(ref Unsafe.Add(ref target, k), x, Unsafe.Add(ref source, k));
            }
        }
    }

    // target[k] += x * source[k] for k < length, four 64-bit lanes at a time (AVX-512DQ has a 64-bit lane multiply).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRunInt64(ref long target, long x, ref long source, int length)
    {
        int k = 0;
        var factor = Vector256.Create(x);
        for (; k + 4 <= length; k += 4)
        {
            var sum = Vector256.LoadUnsafe(ref target, (nuint)k) + (factor * Vector256.LoadUnsafe(ref source, (nuint)k));
            sum.StoreUnsafe(ref target, (nuint)k);
        }

        for (; k < length; k++)
        {
            Unsafe.Add(ref target, k) += x * Unsafe.Add(ref source, k);
        }
    }

    private readonly record struct KeyGroup(ulong High, int Start, int End);

    /// <summary>Splits sorted keys into runs of equal key / <paramref name="chunk"/>; <paramref name="lows"/> receives key mod chunk.</summary>
    private static List<KeyGroup> GroupByHighPart(ulong[] sortedKeys, ulong chunk, out int[] lows)
    {
        var groups = new List<KeyGroup>();
        lows = new int[sortedKeys.Length];
        int start = 0;
        ulong currentHigh = sortedKeys.Length > 0 ? sortedKeys[0] / chunk : 0;
        for (int i = 0; i < sortedKeys.Length; i++)
        {
            ulong high = sortedKeys[i] / chunk;
            lows[i] = (int)(sortedKeys[i] - (high * chunk));
            if (high != currentHigh)
            {
                groups.Add(new KeyGroup(currentHigh, start, i));
                currentHigh = high;
                start = i;
            }
        }

        if (sortedKeys.Length > 0)
        {
            groups.Add(new KeyGroup(currentHigh, start, sortedKeys.Length));
        }

        return groups;
    }

    /// <summary>
    /// The hash method: an open-addressing table with linear probing keyed by the product key. Returns the table itself;
    /// empty slots hold <typeparamref name="TKey"/>'s all-ones value, and the count is the number of occupied slots.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (TKey[] Keys, TAcc[] Values, int Count) AccumulateHashed<TKey, TIn, TAcc, TKernel>(
        TKernel kernel, TKey[] keysA, ReadOnlySpan<TIn> coefficientsA, TKey[] keysB, ReadOnlySpan<TIn> coefficientsB, double volume)
        where TKey : unmanaged, IBinaryInteger<TKey>
        where TKernel : struct, IProductKernel<TIn, TAcc>
    {
        // The longer side runs in the inner loop.
        if (keysA.Length < keysB.Length)
        {
            (keysA, keysB) = (keysB, keysA);
            var swap = coefficientsA;
            coefficientsA = coefficientsB;
            coefficientsB = swap;
        }

        // There are at most min(|a| |b|, volume) distinct products; start near twice the larger factor and grow by doubling.
        double maxDistinct = Math.Min((double)keysA.Length * keysB.Length, volume);
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(2 * Math.Min(maxDistinct, 4.0 * keysA.Length), 64, 1 << 30));
        var empty = TKey.AllBitsSet;
        var keys = ScratchArrays.Rent<TKey>(capacity);
        var values = ScratchArrays.Rent<TAcc>(capacity);
        keys.AsSpan(0, capacity).Fill(empty);
        values.AsSpan(0, capacity).Clear();
        int count = 0;
        int growAt = capacity / 2;
        int shift = 64 - BitOperations.Log2((uint)capacity);
        int mask = capacity - 1;
        for (int j = 0; j < keysB.Length; j++)
        {
            TKey kb = keysB[j];
            TIn y = coefficientsB[j];
            for (int i = 0; i < keysA.Length; i++)
            {
                TKey key = keysA[i] + kb;
                int slot = (int)(Hash(key) >> shift);
                while (true)
                {
                    TKey current = keys[slot];
                    if (current == key)
                    {
                        break;
                    }

                    if (current == empty)
                    {
                        keys[slot] = key;
                        count++;
                        break;
                    }

                    slot = (slot + 1) & mask;
                }

                kernel.MultiplyAdd(ref values[slot], coefficientsA[i], y);
                if (count > growAt)
                {
                    capacity *= 2;
                    (keys, values) = Rehash(keys, values, capacity, empty);
                    growAt = capacity / 2;
                    shift = 64 - BitOperations.Log2((uint)capacity);
                    mask = capacity - 1;
                }
            }
        }

        // Entries at or beyond the capacity are unused parts of the rented arrays.
        keys.AsSpan(capacity).Fill(empty);
        return (keys, values, count);

        static (TKey[], TAcc[]) Rehash(TKey[] keys, TAcc[] values, int capacity, TKey empty)
        {
            var newKeys = ScratchArrays.Rent<TKey>(capacity);
            var newValues = ScratchArrays.Rent<TAcc>(capacity);
            newKeys.AsSpan(0, capacity).Fill(empty);
            newValues.AsSpan(0, capacity).Clear();
            int mask = capacity - 1;
            int shift = 64 - BitOperations.Log2((uint)capacity);
            for (int t = 0; t < capacity / 2; t++)
            {
                if (keys[t] == empty)
                {
                    continue;
                }

                int slot = (int)(Hash(keys[t]) >> shift);
                while (newKeys[slot] != empty)
                {
                    slot = (slot + 1) & mask;
                }

                newKeys[slot] = keys[t];
                newValues[slot] = values[t];
            }

            ScratchArrays.Return(keys);
            ScratchArrays.Return(values);
            return (newKeys, newValues);
        }
    }

    /// <summary>Fibonacci hashing of a key (both 64-bit halves for 128-bit keys); the high bits are the well-mixed ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash<TKey>(TKey key)
        where TKey : unmanaged, IBinaryInteger<TKey>
    {
        ulong low = ulong.CreateTruncating(key);

        // Shifting in two steps gives 0 for 64-bit keys, where a single shift by 64 would be taken modulo 64.
        ulong high = ulong.CreateTruncating(key >>> 32 >>> 32);
        return (low ^ (high * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL;
    }
}
