using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InvTheory.Runtime.Autodiff;

/// <summary>Scalar functions applied entry by entry.</summary>
public enum ElementwiseFunction
{
    /// <summary>max(x, 0); its derivative is the step function and all higher derivatives are zero.</summary>
    Relu,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>The logistic function s(x) = 1 / (1 + exp(-x)).</summary>
    Sigmoid,

    /// <summary>log(1 + exp(x)).</summary>
    Softplus,

    /// <summary>The sigmoid linear unit x s(x), also called swish.</summary>
    Silu,

    /// <summary>exp(x).</summary>
    Exp,

    /// <summary>The natural logarithm, for positive x.</summary>
    Log,

    /// <summary>x^2.</summary>
    Square,
}

/// <summary>
/// The derivatives f^(k)(x) of each <see cref="ElementwiseFunction"/>: the backward pass of f^(k) multiplies by f^(k+1),
/// so gradients of gradients need the next derivative. Closed forms with s = sigmoid(x) and t = tanh(x):
/// tanh' = 1 - t^2, tanh'' = -2t(1 - t^2), tanh''' = (1 - t^2)(6t^2 - 2); s' = s(1 - s), s'' = s'(1 - 2s),
/// s''' = s'(1 - 6s + 6s^2); softplus^(k) = s^(k-1); silu^(k) = k s^(k-1) + x s^(k); log^(k) = (-1)^(k-1) (k-1)! / x^k.
/// </summary>
internal static class ElementwiseDerivatives
{
    /// <summary>The highest derivative order supported for the smooth functions other than exp, log and square.</summary>
    public const int MaxOrder = 3;

    /// <summary>Whether f^(order) is identically zero, so no gradient flows through it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsZero(ElementwiseFunction function, int order) =>
        (function == ElementwiseFunction.Relu && order >= 2) || (function == ElementwiseFunction.Square && order >= 3);

    /// <exception cref="NotSupportedException">The order exceeds what the closed forms cover.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CheckSupported(ElementwiseFunction function, int order)
    {
        int limit = function switch
        {
            ElementwiseFunction.Exp or ElementwiseFunction.Log or ElementwiseFunction.Relu or ElementwiseFunction.Square => int.MaxValue,
            ElementwiseFunction.Softplus => MaxOrder + 1,
            _ => MaxOrder,
        };
        if (order > limit)
        {
            throw new NotSupportedException(
                $"Derivative {order} of {function} is not supported; the closed forms end at order {limit}. "
                + "Differentiate fewer times or use exp, log or square, whose derivatives of every order are available.");
        }
    }

    /// <summary>Writes f^(order)(x) for each entry of x into y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ElementwiseFunction function, int order, ReadOnlySpan<double> x, Span<double> y)
    {
        switch (function)
        {
            case ElementwiseFunction.Relu:
                for (int i = 0; i < x.Length; i++)
                {
                    double step = x[i] > 0 ? 1.0 : 0.0;
                    y[i] = order switch
                    {
                        0 => Math.Max(x[i], 0.0),
                        1 => step,
                        _ => 0.0,
                    };
                }

                break;
            case ElementwiseFunction.Tanh:
                for (int i = 0; i < x.Length; i++)
                {
                    double t = Math.Tanh(x[i]);
                    double d = 1 - (t * t);
                    y[i] = order switch
                    {
                        0 => t,
                        1 => d,
                        2 => -2 * t * d,
                        _ => d * ((6 * t * t) - 2),
                    };
                }

                break;
            case ElementwiseFunction.Sigmoid when order == 0:
                ApplySigmoid(x, y);
                break;
            case ElementwiseFunction.Sigmoid:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = SigmoidDerivative(Sigmoid(x[i]), order);
                }

                break;
            case ElementwiseFunction.Softplus:
                for (int i = 0; i < x.Length; i++)
                {
                    double v = x[i];
                    y[i] = order == 0 ? Math.Max(v, 0.0) + Math.Log(1 + Math.Exp(-Math.Abs(v))) : SigmoidDerivative(Sigmoid(v), order - 1);
                }

                break;
            case ElementwiseFunction.Silu:
                for (int i = 0; i < x.Length; i++)
                {
                    double v = x[i];
                    double s = Sigmoid(v);
                    y[i] = order == 0 ? v * s : (order * SigmoidDerivative(s, order - 1)) + (v * SigmoidDerivative(s, order));
                }

                break;
            case ElementwiseFunction.Exp:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = Math.Exp(x[i]);
                }

                break;
            case ElementwiseFunction.Log:
                double factor = 1;
                for (int k = 1; k < order; k++)
                {
                    factor *= -k;
                }

                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = order == 0 ? Math.Log(x[i]) : factor / Math.Pow(x[i], order);
                }

                break;
            case ElementwiseFunction.Square:
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = order switch
                    {
                        0 => x[i] * x[i],
                        1 => 2 * x[i],
                        2 => 2.0,
                        _ => 0.0,
                    };
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown elementwise function.");
        }
    }

    /// <summary>Whether f^(order) is a cheap function of x and sigmoid(x), so <see cref="ApplyFromSigmoid"/> can compute it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool UsesSigmoid(ElementwiseFunction function, int order) =>
        function is ElementwiseFunction.Sigmoid or ElementwiseFunction.Silu || (function == ElementwiseFunction.Softplus && order >= 1);

    /// <summary>Writes f^(order)(x) into y given s = sigmoid(x), for the cases where <see cref="UsesSigmoid"/> is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyFromSigmoid(ElementwiseFunction function, int order, ReadOnlySpan<double> x, ReadOnlySpan<double> s, Span<double> y)
    {
        switch (function)
        {
            case ElementwiseFunction.Sigmoid:
                Map(new SigmoidDerivativeOperator(order), x, s, y);
                break;
            case ElementwiseFunction.Softplus:
                Map(new SigmoidDerivativeOperator(order - 1), x, s, y);
                break;
            case ElementwiseFunction.Silu:
                Map(new SiluDerivativeOperator(order), x, s, y);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "ApplyFromSigmoid covers only sigmoid, softplus derivatives and SiLU.");
        }
    }

    /// <summary>Writes g * f^(order)(x) into y given s = sigmoid(x), for the cases where <see cref="UsesSigmoid"/> is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyFromSigmoid(
        ElementwiseFunction function, int order, ReadOnlySpan<double> g, ReadOnlySpan<double> x, ReadOnlySpan<double> s, Span<double> y) =>
        MultiplyFromSigmoid(function, order, g, [], x, s, y);

    /// <summary>
    /// Writes (g * h) * f^(order)(x) into y given s = sigmoid(x), or g * f^(order)(x) when h is empty, for the cases
    /// where <see cref="UsesSigmoid"/> is true.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyFromSigmoid(
        ElementwiseFunction function, int order, ReadOnlySpan<double> g, ReadOnlySpan<double> h, ReadOnlySpan<double> x, ReadOnlySpan<double> s, Span<double> y)
    {
        switch (function)
        {
            case ElementwiseFunction.Sigmoid:
                MapMultiply(new SigmoidDerivativeOperator(order), g, h, x, s, y);
                break;
            case ElementwiseFunction.Softplus:
                MapMultiply(new SigmoidDerivativeOperator(order - 1), g, h, x, s, y);
                break;
            case ElementwiseFunction.Silu:
                MapMultiply(new SiluDerivativeOperator(order), g, h, x, s, y);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "MultiplyFromSigmoid covers only sigmoid, softplus derivatives and SiLU.");
        }
    }

    /// <summary>Adds g * f^(order)(x) to y given s = sigmoid(x), for the cases where <see cref="UsesSigmoid"/> is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddMultiplyFromSigmoid(ElementwiseFunction function, int order, Span<double> y, ReadOnlySpan<double> g, ReadOnlySpan<double> x, ReadOnlySpan<double> s)
    {
        switch (function)
        {
            case ElementwiseFunction.Sigmoid:
                MapAddMultiply(new SigmoidDerivativeOperator(order), y, g, x, s);
                break;
            case ElementwiseFunction.Softplus:
                MapAddMultiply(new SigmoidDerivativeOperator(order - 1), y, g, x, s);
                break;
            case ElementwiseFunction.Silu:
                MapAddMultiply(new SiluDerivativeOperator(order), y, g, x, s);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "AddMultiplyFromSigmoid covers only sigmoid, softplus derivatives and SiLU.");
        }
    }

    /// <summary>Writes sigmoid(x) for each entry of x into y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplySigmoid(ReadOnlySpan<double> x, Span<double> y) => Map(default(SigmoidOperator), x, x, y);

    // y = op(x, s) four entries at a time. The last partial vector goes through a padded copy, so every entry is computed
    // by the same vector code whatever its position, and the result does not depend on the length.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Map<TOperator>(TOperator op, ReadOnlySpan<double> x, ReadOnlySpan<double> s, Span<double> y)
        where TOperator : struct, IVectorOperator
    {
        int width = Vector256<double>.Count;
        int full = x.Length - (x.Length % width);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double sr = ref MemoryMarshal.GetReference(s);
        ref double yr = ref MemoryMarshal.GetReference(y);
        for (int i = 0; i < full; i += width)
        {
            op.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref sr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        }

        if (full < x.Length)
        {
            Span<double> xs = stackalloc double[width];
            Span<double> ss = stackalloc double[width];
            Span<double> ys = stackalloc double[width];
            x[full..].CopyTo(xs);
            s[full..].CopyTo(ss);
            op.Invoke(Vector256.Create<double>(xs), Vector256.Create<double>(ss)).CopyTo(ys);
            ys[..(x.Length - full)].CopyTo(y[full..]);
        }
    }

    // y = (g * h) * op(x, s), or g * op(x, s) when h is empty, with the same treatment of the last partial vector as Map.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MapMultiply<TOperator>(
        TOperator op, ReadOnlySpan<double> g, ReadOnlySpan<double> h, ReadOnlySpan<double> x, ReadOnlySpan<double> s, Span<double> y)
        where TOperator : struct, IVectorOperator
    {
        int width = Vector256<double>.Count;
        int full = x.Length - (x.Length % width);
        bool hasSecond = !h.IsEmpty;
        ref double gr = ref MemoryMarshal.GetReference(g);
        ref double hr = ref MemoryMarshal.GetReference(h);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double sr = ref MemoryMarshal.GetReference(s);
        ref double yr = ref MemoryMarshal.GetReference(y);
        if (hasSecond)
        {
            for (int i = 0; i < full; i += width)
            {
                var value = op.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref sr, (nuint)i));
                (Vector256.LoadUnsafe(ref gr, (nuint)i) * Vector256.LoadUnsafe(ref hr, (nuint)i) * value).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < full; i += width)
            {
                var value = op.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref sr, (nuint)i));
                (Vector256.LoadUnsafe(ref gr, (nuint)i) * value).StoreUnsafe(ref yr, (nuint)i);
            }
        }

        if (full < x.Length)
        {
            Span<double> gs = stackalloc double[width];
            Span<double> hs = stackalloc double[width];
            Span<double> xs = stackalloc double[width];
            Span<double> ss = stackalloc double[width];
            Span<double> ys = stackalloc double[width];
            g[full..].CopyTo(gs);
            x[full..].CopyTo(xs);
            s[full..].CopyTo(ss);
            var factor = Vector256.Create<double>(gs);
            if (hasSecond)
            {
                h[full..].CopyTo(hs);
                factor *= Vector256.Create<double>(hs);
            }

            (factor * op.Invoke(Vector256.Create<double>(xs), Vector256.Create<double>(ss))).CopyTo(ys);
            ys[..(x.Length - full)].CopyTo(y[full..]);
        }
    }

    // y = y + g * op(x, s) with the product rounded before the sum, with the same treatment of the last partial vector as Map.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MapAddMultiply<TOperator>(TOperator op, Span<double> y, ReadOnlySpan<double> g, ReadOnlySpan<double> x, ReadOnlySpan<double> s)
        where TOperator : struct, IVectorOperator
    {
        int width = Vector256<double>.Count;
        int full = x.Length - (x.Length % width);
        ref double gr = ref MemoryMarshal.GetReference(g);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double sr = ref MemoryMarshal.GetReference(s);
        ref double yr = ref MemoryMarshal.GetReference(y);
        for (int i = 0; i < full; i += width)
        {
            var product = Vector256.LoadUnsafe(ref gr, (nuint)i) * op.Invoke(Vector256.LoadUnsafe(ref xr, (nuint)i), Vector256.LoadUnsafe(ref sr, (nuint)i));
            (Vector256.LoadUnsafe(ref yr, (nuint)i) + product).StoreUnsafe(ref yr, (nuint)i);
        }

        if (full < x.Length)
        {
            Span<double> gs = stackalloc double[width];
            Span<double> xs = stackalloc double[width];
            Span<double> ss = stackalloc double[width];
            Span<double> ys = stackalloc double[width];
            g[full..].CopyTo(gs);
            x[full..].CopyTo(xs);
            s[full..].CopyTo(ss);
            y[full..].CopyTo(ys);
            var product = Vector256.Create<double>(gs) * op.Invoke(Vector256.Create<double>(xs), Vector256.Create<double>(ss));
            (Vector256.Create<double>(ys) + product).CopyTo(ys);
            ys[..(x.Length - full)].CopyTo(y[full..]);
        }
    }

    private interface IVectorOperator
    {
        Vector256<double> Invoke(Vector256<double> x, Vector256<double> s);
    }

    // sigmoid(x) = 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0, with e = exp(-|x|) <= 1, so nothing overflows.
    private readonly struct SigmoidOperator : IVectorOperator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> s)
        {
            var e = ExpNonPositive(-Vector256.Abs(x));
            var positive = Vector256<double>.One / (Vector256<double>.One + e);
            var negative = e * positive;
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), positive, negative);
        }
    }

    // exp(x) for x <= 0, within about one ulp: x = n ln2 + r with |r| <= ln2 / 2 (Cody-Waite reduction with a two-part
    // ln2), exp(r) by its Taylor polynomial of degree 13 (truncation error below 1e-17), times 2^n from the exponent
    // bits. Below -708 the result is 0 instead of a subnormal number; NaN stays NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        var minimum = Vector256.Create(-708.0);
        var underflow = Vector256.LessThan(x, minimum);
        var clamped = Vector256.ConditionalSelect(underflow, minimum, x);
        var n = Vector256.Round(clamped * Vector256.Create(1.4426950408889634));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-6.93147180369123816490e-01), clamped);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-1.90821492927058770002e-10), r);
        var p = Vector256.Create(1.0 / 6227020800.0);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6.0));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt64(n) + Vector256.Create(1023L), 52).AsDouble();
        return Vector256.ConditionalSelect(underflow, Vector256<double>.Zero, p * scale);
    }

    private readonly struct SigmoidDerivativeOperator(int order) : IVectorOperator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> s) => SigmoidDerivative(s, order);
    }

    // silu^(k) = k s^(k-1) + x s^(k).
    private readonly struct SiluDerivativeOperator(int order) : IVectorOperator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> s) =>
            order == 0 ? x * s : (Vector256.Create((double)order) * SigmoidDerivative(s, order - 1)) + (x * SigmoidDerivative(s, order));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SigmoidDerivative(Vector256<double> s, int order)
    {
        var one = Vector256<double>.One;
        var d = s * (one - s);
        return order switch
        {
            0 => s,
            1 => d,
            2 => d * (one - (Vector256.Create(2.0) * s)),
            _ => d * (one - (Vector256.Create(6.0) * s) + (Vector256.Create(6.0) * s * s)),
        };
    }

    private static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1 + e);
    }

    private static double SigmoidDerivative(double s, int order)
    {
        double d = s * (1 - s);
        return order switch
        {
            0 => s,
            1 => d,
            2 => d * (1 - (2 * s)),
            _ => d * (1 - (6 * s) + (6 * s * s)),
        };
    }
}
