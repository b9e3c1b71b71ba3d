using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>
/// Coefficient arithmetic of a product kernel: inputs of type <typeparamref name="TIn"/> multiplied into accumulators of
/// type <typeparamref name="TAcc"/>. Implementations are structs, so generic kernels compile to direct, inlined code.
/// </summary>
internal interface IProductKernel<TIn, TAcc>
{
    /// <summary>
    /// Whether the kernel multiplies magnitudes only: the dense method then passes |x| and |y| and chooses between
    /// <see cref="MultiplyAdd"/> and <see cref="MultiplySubtract"/> by the signs.
    /// </summary>
    bool SplitsSigns { get; }

    /// <summary>Adds x * y to the accumulator.</summary>
    void MultiplyAdd(ref TAcc accumulator, TIn x, TIn y);

    /// <summary>Subtracts x * y from the accumulator; called only by kernels that split signs.</summary>
    void MultiplySubtract(ref TAcc accumulator, TIn x, TIn y);

    /// <summary>Whether x is negative; false for every input of a kernel that does not split signs.</summary>
    bool IsNegative(TIn x);

    /// <summary>Returns -x.</summary>
    TIn Negate(TIn x);

    /// <summary>Whether the accumulated value is zero.</summary>
    bool IsZero(in TAcc accumulator);
}

/// <summary>Integer coefficients whose products and sums are known to stay below 2^63 in absolute value.</summary>
internal readonly struct Int64ProductKernel : IProductKernel<long, long>
{
    public bool SplitsSigns => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplyAdd(ref long accumulator, long x, long y) => accumulator += x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplySubtract(ref long accumulator, long x, long y) => accumulator -= x * y;

    public bool IsNegative(long x) => x < 0;

    public long Negate(long x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsZero(in long accumulator) => accumulator == 0;
}

/// <summary>A signed 128-bit sum as two words, added with an explicit carry (faster than <see cref="Int128"/> addition in a hot loop).</summary>
internal struct Int128Sum
{
    /// <summary>Low 64 bits.</summary>
    public ulong Low;

    /// <summary>High 64 bits, carrying the sign.</summary>
    public long High;

    /// <summary>Returns the value.</summary>
    public readonly Int128 ToInt128() => new((ulong)High, Low);
}

/// <summary>Integer coefficients whose sums of products are known to stay below 2^127 in absolute value.</summary>
internal readonly struct Int128ProductKernel : IProductKernel<long, Int128Sum>
{
    public bool SplitsSigns => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplyAdd(ref Int128Sum accumulator, long x, long y)
    {
        Int128 product = Math.BigMul(x, y);
        ulong sum = accumulator.Low + (ulong)product;
        accumulator.High += (long)(product >> 64) + (sum < accumulator.Low ? 1 : 0);
        accumulator.Low = sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplySubtract(ref Int128Sum accumulator, long x, long y) => MultiplyAdd(ref accumulator, x, -y);

    public bool IsNegative(long x) => x < 0;

    public long Negate(long x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsZero(in Int128Sum accumulator) => (accumulator.Low | (ulong)accumulator.High) == 0;
}

/// <summary>
/// Non-negative integers (magnitudes) whose sums of products are known to stay below 2^127 in absolute value: the
/// unsigned 64 x 64-bit product needs no sign correction, and the dense method adds or subtracts by the signs.
/// </summary>
internal readonly struct MagnitudeInt128ProductKernel : IProductKernel<long, Int128Sum>
{
    public bool SplitsSigns => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplyAdd(ref Int128Sum accumulator, long x, long y)
    {
        UInt128 product = Math.BigMul((ulong)x, (ulong)y);
        ulong sum = accumulator.Low + (ulong)product;
        accumulator.High += (long)(ulong)(product >> 64) + (sum < accumulator.Low ? 1 : 0);
        accumulator.Low = sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplySubtract(ref Int128Sum accumulator, long x, long y)
    {
        UInt128 product = Math.BigMul((ulong)x, (ulong)y);
        ulong difference = accumulator.Low - (ulong)product;
        accumulator.High -= (long)(ulong)(product >> 64) + (difference > accumulator.Low ? 1 : 0);
        accumulator.Low = difference;
    }

    public bool IsNegative(long x) => x < 0;

    public long Negate(long x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsZero(in Int128Sum accumulator) => (accumulator.Low | (ulong)accumulator.High) == 0;
}

/// <summary>
/// Residues modulo a prime p &lt; 2^31, accumulated without reduction: a product is below 2^62, so the sum stays below 2^64
/// as long as it is reduced whenever it reaches 2^63.
/// </summary>
internal readonly struct SmallPrimeProductKernel(ulong prime) : IProductKernel<ulong, ulong>
{
    /// <summary>Largest prime the kernel accepts.</summary>
    public const ulong MaxPrime = (1UL << 31) - 1;

    public ulong Prime { get; } = prime;

    public bool SplitsSigns => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplySubtract(ref ulong accumulator, ulong x, ulong y) => MultiplyAdd(ref accumulator, x, (Prime - (y % Prime)) % Prime);

    public bool IsNegative(ulong x) => false;

    public ulong Negate(ulong x) => (Prime - (x % Prime)) % Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplyAdd(ref ulong accumulator, ulong x, ulong y)
    {
        ulong s = accumulator + (x * y);
        if (s >= 1UL << 63)
        {
            s %= Prime;
        }

        accumulator = s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsZero(in ulong accumulator) => accumulator % Prime == 0;
}

/// <summary>Coefficients in any field, accumulated with the field's own arithmetic.</summary>
internal readonly struct FieldProductKernel<T> : IProductKernel<T, T>
    where T : struct, IFieldElement<T>
{
    public bool SplitsSigns => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplyAdd(ref T accumulator, T x, T y) => accumulator += x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void MultiplySubtract(ref T accumulator, T x, T y) => accumulator -= x * y;

    public bool IsNegative(T x) => false;

    public T Negate(T x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsZero(in T accumulator) => accumulator.IsZero;
}
