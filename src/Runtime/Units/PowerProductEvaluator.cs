namespace InvTheory.Runtime.Units;

/// <summary>
/// Evaluates products of integer powers of doubles without intermediate overflow: each factor is split into a mantissa in
/// [1, 2) and a binary exponent, mantissa powers are multiplied with renormalization, and the binary exponents are summed
/// exactly as integers. Only the final scaling by a power of two can overflow or underflow, and that is reported.
/// </summary>
internal static class PowerProductEvaluator
{
    // The smallest and largest binary exponents of normal doubles.
    private const int MinNormalExponent = -1022;
    private const int MaxExponent = 1023;

    /// <summary>
    /// A finite nonzero value sign * mantissa * 2^exponent with mantissa in [1, 2), or a zero product.
    /// </summary>
    internal readonly record struct SplitValue(int Sign, double Mantissa, long Exponent)
    {
        public static SplitValue One => new(1, 1.0, 0);
    }

    /// <summary>Splits a finite nonzero double into sign, mantissa in [1, 2) and binary exponent.</summary>
    public static SplitValue Split(double value)
    {
        double magnitude = Math.Abs(value);
        int exponent = Math.ILogB(magnitude);
        return new SplitValue(Math.Sign(value), Math.ScaleB(magnitude, -exponent), exponent);
    }

    /// <summary>Returns prod_j inputs[j]^exponents[j] in split form; every used input must be finite and nonzero.</summary>
    public static SplitValue Product(ReadOnlySpan<SplitValue> inputs, IReadOnlyList<int> exponents)
    {
        int sign = 1;
        double mantissa = 1.0;
        long binaryExponent = 0;
        for (int j = 0; j < exponents.Count; j++)
        {
            int e = exponents[j];
            if (e == 0)
            {
                continue;
            }

            var x = inputs[j];
            if (x.Sign < 0 && (e & 1) != 0)
            {
                sign = -sign;
            }

            binaryExponent += x.Exponent * e;
            double factor = e > 0 ? x.Mantissa : 1.0 / x.Mantissa;
            for (int k = 0; k < Math.Abs(e); k++)
            {
                mantissa *= factor;
                Renormalize(ref mantissa, ref binaryExponent);
            }
        }

        return new SplitValue(sign, mantissa, binaryExponent);
    }

    /// <summary>Returns the real root value^(1/root); false when the root is even and the value negative.</summary>
    public static bool TryRoot(SplitValue value, int root, out SplitValue result)
    {
        result = value;
        if (root == 1)
        {
            return true;
        }

        if (value.Sign < 0 && root % 2 == 0)
        {
            return false;
        }

        // value = m * 2^E with E = q * root + r and 0 <= r < root, so the root is (m * 2^r)^(1/root) * 2^q.
        long q = Math.DivRem(value.Exponent, root, out long r);
        if (r < 0)
        {
            r += root;
            q -= 1;
        }

        double mantissa = Math.Pow(Math.ScaleB(value.Mantissa, (int)r), 1.0 / root);
        long exponent = q;
        Renormalize(ref mantissa, ref exponent);
        result = new SplitValue(value.Sign, mantissa, exponent);
        return true;
    }

    /// <summary>
    /// Converts to a double. Returns false with <paramref name="overflow"/> set when the value exceeds the largest finite
    /// double, and false with it clear when the value is below the smallest normal double.
    /// </summary>
    public static bool TryToDouble(SplitValue value, out double result, out bool overflow)
    {
        overflow = value.Exponent > MaxExponent;
        if (overflow || value.Exponent < MinNormalExponent)
        {
            result = double.NaN;
            return false;
        }

        result = value.Sign * Math.ScaleB(value.Mantissa, (int)value.Exponent);
        return true;
    }

    private static void Renormalize(ref double mantissa, ref long binaryExponent)
    {
        int shift = Math.ILogB(mantissa);
        if (shift != 0)
        {
            mantissa = Math.ScaleB(mantissa, -shift);
            binaryExponent += shift;
        }
    }
}
