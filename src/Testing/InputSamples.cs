using FsCheck;
using FsCheck.Fluent;

namespace InvTheory.Testing;

/// <summary>
/// FsCheck generators of input vectors for a tested function, and a shrinker that moves a failing input towards
/// fewer nonzero entries and small integers.
/// </summary>
public static class InputSamples
{
    /// <summary>The default bound |x_i| &lt;= 4 of the entries of Gaussian inputs, in units of the standard deviation.</summary>
    public const double DefaultGaussianBound = 4.0;

    /// <summary>
    /// Vectors of <paramref name="width"/> independent N(0, sigma^2) entries, each conditioned on |x_i| &lt;= bound sigma
    /// (the generator draws again outside the bound, which happens with probability 6e-5 per entry at bound 4).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The width is negative, or the standard deviation or the bound is not positive and finite.
    /// </exception>
    public static Gen<IReadOnlyList<double>> Gaussian(int width, double standardDeviation = 1.0, double bound = DefaultGaussianBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        CheckPositive(standardDeviation, nameof(standardDeviation));
        CheckPositive(bound, nameof(bound));
        var entry = GroupSamples.StandardNormal.Where(z => Math.Abs(z) <= bound).Select(z => z * standardDeviation);
        return Gen.ArrayOf(entry, width).Select(Wrap);
    }

    /// <summary>Vectors of <paramref name="width"/> independent entries uniform in [-bound, bound).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is negative, or the bound is not positive and finite.</exception>
    public static Gen<IReadOnlyList<double>> Uniform(int width, double bound = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        CheckPositive(bound, nameof(bound));
        return Gen.ArrayOf(GroupSamples.UniformUnit.Select(u => (2 * u - 1) * bound), width).Select(Wrap);
    }

    /// <summary>
    /// Returns simpler vectors to try in place of a failing input, in this order: one nonzero entry set to 0; one
    /// entry rounded to the nearest integer (to +-1 when that is 0); one integer entry with |x_i| &gt; 1 halved
    /// towards 0; one negative integer entry negated.
    /// </summary>
    /// <remarks>
    /// Every candidate decreases (nonzero count, non-integer count, sum of |x_i| over integer entries, negative
    /// count) in lexicographic order, so repeated shrinking terminates. It stops at entries in {-1, 0, 1} or
    /// integers whose halving makes the test pass; it never moves an entry towards 0 below magnitude 1, because a
    /// scaled-down input hides a failure of size proportional to |x| under the relative error measure.
    /// </remarks>
    public static IEnumerable<IReadOnlyList<double>> Shrink(IReadOnlyList<double> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (int i = 0; i < input.Count; i++)
        {
            if (input[i] != 0)
            {
                yield return Replace(input, i, 0);
            }
        }

        for (int i = 0; i < input.Count; i++)
        {
            double rounded = Math.Round(input[i], MidpointRounding.AwayFromZero);
            if (double.IsFinite(input[i]) && rounded != input[i])
            {
                yield return Replace(input, i, rounded != 0 ? rounded : Math.Sign(input[i]));
            }
        }

        for (int i = 0; i < input.Count; i++)
        {
            if (IsInteger(input[i]) && Math.Abs(input[i]) > 1)
            {
                yield return Replace(input, i, Math.Truncate(input[i] / 2));
            }
        }

        for (int i = 0; i < input.Count; i++)
        {
            if (IsInteger(input[i]) && input[i] < 0)
            {
                yield return Replace(input, i, -input[i]);
            }
        }
    }

    private static bool IsInteger(double x) => double.IsFinite(x) && Math.Round(x) == x;

    private static IReadOnlyList<double> Replace(IReadOnlyList<double> input, int index, double value)
    {
        var copy = input.ToArray();
        copy[index] = value;
        return Wrap(copy);
    }

    private static IReadOnlyList<double> Wrap(double[] values) => Array.AsReadOnly(values);

    private static void CheckPositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }
    }
}
