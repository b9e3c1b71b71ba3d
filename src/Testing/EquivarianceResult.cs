using System.Globalization;
using System.Text;

namespace InvTheory.Testing;

/// <summary>Settings of <see cref="Equivariance.Check"/>.</summary>
public sealed record EquivarianceOptions
{
    /// <summary>The default options: 100 trials, tolerance 1e-8, seed 1, Gaussian inputs, at most 1000 shrink steps.</summary>
    public static EquivarianceOptions Default { get; } = new();

    /// <summary>The number of random pairs (g, x) tried.</summary>
    public int Trials
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 100;

    /// <summary>The largest relative error accepted (see <see cref="Equivariance.RelativeError"/>).</summary>
    public double Tolerance
    {
        get;
        init
        {
            Equivariance.CheckTolerance(value);
            field = value;
        }
    } = Equivariance.DefaultTolerance;

    /// <summary>The seed of the random pairs; the same seed gives the same trials and result on every run.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The input generator, or null for <see cref="InputSamples.Gaussian"/> of the input width.</summary>
    public FsCheck.Gen<IReadOnlyList<double>>? Inputs { get; init; }

    /// <summary>The largest number of successful shrink steps before the counterexample is reported as it is.</summary>
    public int MaxShrinkSteps
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = 1000;
}

/// <summary>A pair (g, x) on which f(rho_in(g) x) and rho_out(g) f(x) differ by more than the tolerance.</summary>
/// <param name="Element">The group element g.</param>
/// <param name="Input">The input x.</param>
/// <param name="Output">f(x).</param>
/// <param name="TransformedOutput">f(rho_in(g) x).</param>
/// <param name="ExpectedOutput">rho_out(g) f(x), which equals f(rho_in(g) x) for an equivariant f.</param>
/// <param name="Error">The relative error of the pair.</param>
public sealed record Counterexample(
    GroupElement Element,
    IReadOnlyList<double> Input,
    IReadOnlyList<double> Output,
    IReadOnlyList<double> TransformedOutput,
    IReadOnlyList<double> ExpectedOutput,
    double Error);

/// <summary>The outcome of <see cref="Equivariance.Check"/>.</summary>
/// <param name="Passed">Whether every trial had relative error at most the tolerance.</param>
/// <param name="Trials">The number of trials run: all of them when the check passed, up to the first failure otherwise.</param>
/// <param name="MaxError">The largest relative error over the trials run, before shrinking.</param>
/// <param name="Tolerance">The tolerance.</param>
/// <param name="Seed">The seed of the trials.</param>
/// <param name="FirstFailure">The first failing pair as drawn, or null when the check passed.</param>
/// <param name="Shrunk">The failing pair after shrinking, or null when the check passed.</param>
/// <param name="ShrinkSteps">The number of successful shrink steps from <paramref name="FirstFailure"/> to <paramref name="Shrunk"/>.</param>
public sealed record EquivarianceResult(
    bool Passed,
    int Trials,
    double MaxError,
    double Tolerance,
    ulong Seed,
    Counterexample? FirstFailure,
    Counterexample? Shrunk,
    int ShrinkSteps)
{
    /// <summary>Returns a report: the verdict, and for a failure the shrunk counterexample with f(x), f(gx) and rho(g) f(x).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Passed)
        {
            text.Append(CultureInfo.InvariantCulture, $"passed: {Trials} trials, max relative error {MaxError:G3} <= tolerance {Tolerance:G3} (seed {Seed})");
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"failed after {Trials} trials (seed {Seed}): relative error {FirstFailure!.Error:G3} > tolerance {Tolerance:G3}");
        text.AppendLine(CultureInfo.InvariantCulture, $"shrunk in {ShrinkSteps} steps to relative error {Shrunk!.Error:G3}:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  g          = {Shrunk.Element}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  x          = {Format(Shrunk.Input)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  f(x)       = {Format(Shrunk.Output)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  f(g x)     = {Format(Shrunk.TransformedOutput)}");
        text.Append(CultureInfo.InvariantCulture, $"  g f(x)     = {Format(Shrunk.ExpectedOutput)}");
        return text.ToString();
    }

    internal static string Format(IReadOnlyList<double> values) => "[" + string.Join(", ", values.Select(GroupElement.Format)) + "]";
}
