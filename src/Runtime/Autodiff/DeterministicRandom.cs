namespace InvTheory.Runtime.Autodiff;

/// <summary>
/// A seeded pseudo-random generator whose sequence is fixed by the seed on every platform and runtime version.
/// </summary>
/// <remarks>
/// Algorithm: xoshiro256** seeded through SplitMix64 [BV21]; normal deviates by the Box-Muller transform.
/// Not for cryptography.
/// </remarks>
public sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Creates a generator from a seed.</summary>
    public DeterministicRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a uniform double in [low, high).</summary>
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Returns a uniform integer in [0, count).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // Rejection sampling removes the modulo bias.
        ulong limit = ulong.MaxValue - (ulong.MaxValue % (ulong)count);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);
        return (int)(value % (ulong)count);
    }

    /// <summary>Returns a standard normal deviate.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u;
        do
        {
            u = NextDouble();
        }
        while (u == 0);
        double v = NextDouble();
        double radius = Math.Sqrt(-2 * Math.Log(u));
        _spareNormal = radius * Math.Sin(2 * Math.PI * v);
        _hasSpare = true;
        return radius * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>Returns a normal deviate with the given mean and standard deviation.</summary>
    public double NextGaussian(double mean, double standardDeviation) => mean + (standardDeviation * NextGaussian());

    /// <summary>Permutes <paramref name="values"/> uniformly at random (Fisher-Yates).</summary>
    public void Shuffle(Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
