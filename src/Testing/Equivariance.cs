using FsCheck;
using FsCheck.Fluent;

namespace InvTheory.Testing;

/// <summary>
/// Property-based checks that a function f : R^m -&gt; R^n is equivariant, f(rho_in(g) x) = rho_out(g) f(x) for every
/// group element g and input x, or invariant (rho_out = <see cref="Representation.Scalar"/>).
/// </summary>
/// <remarks>
/// <para>
/// The error of a pair (g, x) is relative: |f(rho_in(g) x) - rho_out(g) f(x)| / max(1, |f(x)|) with Euclidean norms,
/// so it is an absolute error for outputs of norm below 1 and a relative one above. A non-finite output gives an
/// infinite error. For a representation of large norm, such as a Lorentz boost acting on a rank-2 tensor, rounding
/// errors of rho_out(g) f(x) grow with |rho_out(g)|; choose the tolerance, or the maximum rapidity of the group, with
/// that in mind.
/// </para>
/// <para>
/// A failing pair is shrunk by first simplifying x (<see cref="InputSamples.Shrink"/>) and then g
/// (<see cref="SymmetryGroup.Shrink"/>), keeping each candidate that still fails, until no candidate fails.
/// <see cref="Holds"/> leaves this loop to FsCheck; <see cref="Check"/> runs it itself. Both evaluate f on fresh
/// copies of the inputs, so f may modify its argument.
/// </para>
/// </remarks>
public static class Equivariance
{
    /// <summary>The default tolerance on the relative error, 1e-8: far above the rounding error of a double-precision
    /// model of moderate depth on inputs of size about 1, and far below the error of a model that is not equivariant.</summary>
    public const double DefaultTolerance = 1e-8;

    /// <summary>
    /// Returns the FsCheck property "f(rho_in(g) x) = rho_out(g) f(x) within <paramref name="tolerance"/>" for random
    /// g from <paramref name="group"/> and random x, with shrinking to a minimal failing pair.
    /// </summary>
    /// <param name="f">The function under test; it must return dim(rho_out) values.</param>
    /// <param name="group">The group and its element generator.</param>
    /// <param name="input">The representation on the inputs of f.</param>
    /// <param name="output">The representation on the outputs of f; <see cref="Representation.Scalar"/> tests invariance.</param>
    /// <param name="tolerance">The largest relative error accepted.</param>
    /// <param name="inputs">The input generator, or null for <see cref="InputSamples.Gaussian"/> of the input width.</param>
    /// <remarks>
    /// Run it from an FsCheck <c>[Property]</c> test or with <c>Check.QuickThrowOnFailure</c>; FsCheck's seed
    /// (<c>Replay</c>) makes a run repeatable. A failure is labelled with the relative error, f(x), f(gx) and rho(g) f(x).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or not finite.</exception>
    public static Property Holds(
        Func<double[], double[]> f,
        SymmetryGroup group,
        Representation input,
        Representation output,
        double tolerance = DefaultTolerance,
        Gen<IReadOnlyList<double>>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        CheckTolerance(tolerance);
        var trials = Arb.From(TrialGenerator(group, input, inputs), t => ShrinkTrial(group, t));
        return Prop.ForAll(trials, trial =>
        {
            var pair = Evaluate(f, group, input, output, trial.Element, trial.Input);
            return Prop.Label(pair.Error <= tolerance, Describe(pair, tolerance));
        });
    }

    /// <summary>
    /// Runs <see cref="EquivarianceOptions.Trials"/> random pairs (g, x) and returns whether all passed, the largest
    /// error, and for a failure the first failing pair and its shrunk form. The same options give the same result on
    /// every run.
    /// </summary>
    /// <param name="f">The function under test; it must return dim(rho_out) values.</param>
    /// <param name="group">The group and its element generator.</param>
    /// <param name="input">The representation on the inputs of f.</param>
    /// <param name="output">The representation on the outputs of f; <see cref="Representation.Scalar"/> tests invariance.</param>
    /// <param name="options">Trials, tolerance, seed, inputs and shrink limit; null for <see cref="EquivarianceOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">f returns a vector of the wrong length, or the input generator the wrong width.</exception>
    public static EquivarianceResult Check(
        Func<double[], double[]> f,
        SymmetryGroup group,
        Representation input,
        Representation output,
        EquivarianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        options ??= EquivarianceOptions.Default;

        // FsCheck draws the trials from a fixed seed; the size parameter is unused by these generators.
        var samples = Gen.Sample(TrialGenerator(group, input, options.Inputs), options.Trials, new Rnd(options.Seed), 50);
        double maxError = 0;
        for (int trial = 0; trial < samples.Length; trial++)
        {
            var pair = Evaluate(f, group, input, output, samples[trial].Element, samples[trial].Input);
            maxError = Math.Max(maxError, pair.Error);
            if (pair.Error <= options.Tolerance)
            {
                continue;
            }

            var (shrunk, steps) = ShrinkFailure(f, group, input, output, pair, options);
            return new EquivarianceResult(false, trial + 1, maxError, options.Tolerance, options.Seed, pair, shrunk, steps);
        }

        return new EquivarianceResult(true, samples.Length, maxError, options.Tolerance, options.Seed, null, null, 0);
    }

    /// <summary>Returns |f(rho_in(g) x) - rho_out(g) f(x)| / max(1, |f(x)|), or +infinity when a value is not finite.</summary>
    /// <exception cref="ArgumentException">x or f(x) does not have the dimension of its representation.</exception>
    public static double RelativeError(
        Func<double[], double[]> f,
        GroupElement element,
        IReadOnlyList<double> x,
        Representation input,
        Representation output)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return Evaluate(f, element.Matrix.RowCount, input, output, element, x).Error;
    }

    internal static void CheckTolerance(double tolerance)
    {
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The tolerance must be a finite non-negative number; the default is {DefaultTolerance:G3}.");
        }
    }

    private static Gen<Trial> TrialGenerator(SymmetryGroup group, Representation input, Gen<IReadOnlyList<double>>? inputs) =>
        Gen.Zip(group.Elements, inputs ?? InputSamples.Gaussian(input.Dimension(group.Dimension)), (g, x) => new Trial(g, x));

    private static IEnumerable<Trial> ShrinkTrial(SymmetryGroup group, Trial trial) =>
        InputSamples.Shrink(trial.Input).Select(x => trial with { Input = x })
            .Concat(group.Shrink(trial.Element).Select(g => trial with { Element = g }));

    private static (Counterexample Shrunk, int Steps) ShrinkFailure(
        Func<double[], double[]> f, SymmetryGroup group, Representation input, Representation output, Counterexample failure, EquivarianceOptions options)
    {
        var current = failure;
        int steps = 0;

        // Invariant: current fails; each step replaces it by the first candidate that fails too.
        while (steps < options.MaxShrinkSteps)
        {
            Counterexample? next = null;
            foreach (var candidate in ShrinkTrial(group, new Trial(current.Element, current.Input)))
            {
                var pair = Evaluate(f, group, input, output, candidate.Element, candidate.Input);
                if (!(pair.Error <= options.Tolerance))
                {
                    next = pair;
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            current = next;
            steps++;
        }

        return (current, steps);
    }

    private static Counterexample Evaluate(
        Func<double[], double[]> f, SymmetryGroup group, Representation input, Representation output, GroupElement g, IReadOnlyList<double> x) =>
        Evaluate(f, group.Dimension, input, output, g, x);

    private static Counterexample Evaluate(
        Func<double[], double[]> f, int d, Representation input, Representation output, GroupElement g, IReadOnlyList<double> x)
    {
        int inputDimension = input.Dimension(d), outputDimension = output.Dimension(d);
        if (x.Count != inputDimension)
        {
            throw new ArgumentException(
                $"Equivariance check: the input has {x.Count} entries, but the input representation '{input.Name}' has dimension {inputDimension} for d = {d}. Give an input generator of width {inputDimension}.",
                nameof(x));
        }

        var fx = Call(f, x, outputDimension, output);
        var gx = input.Act(g).Multiply(x);
        var fgx = Call(f, gx, outputDimension, output);
        var expected = output.Act(g).Multiply(fx);

        double difference = 0, norm = 0;
        for (int i = 0; i < outputDimension; i++)
        {
            difference += (fgx[i] - expected[i]) * (fgx[i] - expected[i]);
            norm += fx[i] * fx[i];
        }

        double error = Math.Sqrt(difference) / Math.Max(1.0, Math.Sqrt(norm));
        if (!double.IsFinite(error) || !double.IsFinite(norm))
        {
            error = double.PositiveInfinity;
        }

        return new Counterexample(g, x, fx, fgx, expected, error);
    }

    private static IReadOnlyList<double> Call(Func<double[], double[]> f, IReadOnlyList<double> x, int outputDimension, Representation output)
    {
        var value = f(x.ToArray()) ?? throw new ArgumentException("Equivariance check: the function under test returned null.", nameof(f));
        if (value.Length != outputDimension)
        {
            throw new ArgumentException(
                $"Equivariance check: the function under test returned {value.Length} values, but the output representation '{output.Name}' has dimension {outputDimension}.",
                nameof(f));
        }

        return Array.AsReadOnly(value.ToArray());
    }

    private static string Describe(Counterexample pair, double tolerance) =>
        $"relative error {pair.Error:G3} (tolerance {tolerance:G3}); f(x) = {EquivarianceResult.Format(pair.Output)}, "
        + $"f(g x) = {EquivarianceResult.Format(pair.TransformedOutput)}, g f(x) = {EquivarianceResult.Format(pair.ExpectedOutput)}";

    /// <summary>One test case: a group element and an input.</summary>
    internal sealed record Trial(GroupElement Element, IReadOnlyList<double> Input)
    {
        public override string ToString() => $"g = {Element}; x = {EquivarianceResult.Format(Input)}";
    }
}
