namespace InvTheory.Runtime.Dynamics;

/// <summary>Tolerances and limits of <see cref="DormandPrince45"/>.</summary>
/// <param name="RelativeTolerance">rtol in the error weight atol + rtol |y|.</param>
/// <param name="AbsoluteTolerance">atol in the error weight atol + rtol |y|.</param>
/// <param name="MaxSteps">The largest number of steps, accepted or rejected, before the integration fails.</param>
/// <param name="InitialStep">The first step size; 0 chooses it automatically.</param>
/// <param name="FixedStep">When positive, every step has this size (the last one may be shorter) and the error control is off.</param>
public sealed record DormandPrinceOptions(
    double RelativeTolerance = 1e-6,
    double AbsoluteTolerance = 1e-9,
    int MaxSteps = 1_000_000,
    double InitialStep = 0,
    double FixedStep = 0);

/// <summary>The adaptive Dormand-Prince 5(4) method with dense output.</summary>
/// <remarks>
/// Algorithm: Dormand-Prince 5(4) with the first-same-as-last property [DP80], step-size control by the embedded
/// fourth-order error estimate in the weighted root-mean-square norm, the automatic initial step of [HNW93, Sec. II.4],
/// and the fourth-order continuous extension of [HNW93, Sec. II.6] for values at requested times, so the step sequence
/// does not depend on the output times. Steps are accepted when the scaled error is at most 1; the new step is
/// h * min(5, max(0.2, 0.9 err^(-1/5))), without growth right after a rejection.
/// </remarks>
public static class DormandPrince45
{
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;

    // Fifth-order weights minus embedded fourth-order weights.
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    // Coefficients of the continuous extension.
    private const double D1 = -12715105075.0 / 11282082432, D3 = 87487479700.0 / 32700410799, D4 = -10690763975.0 / 1880347072;
    private const double D5 = 701980252875.0 / 199316789632, D6 = -1453857185.0 / 822651844, D7 = 69997945.0 / 29380423;

    /// <summary>
    /// Integrates y' = f(t, y) from y(times[0]) = <paramref name="initial"/> and writes y(times[j]) to row j of
    /// <paramref name="output"/> (row-major, times.Length x state length).
    /// </summary>
    /// <param name="f">The right-hand side.</param>
    /// <param name="initial">The state at times[0].</param>
    /// <param name="times">Nondecreasing output times; the first is the initial time.</param>
    /// <param name="output">Receives the states.</param>
    /// <param name="options">Tolerances; the defaults are rtol 1e-6 and atol 1e-9.</param>
    /// <param name="ct">Checked once per step.</param>
    /// <exception cref="ArgumentException">The times decrease or the output span is too short.</exception>
    /// <exception cref="InvalidOperationException">The step limit was reached or the step size underflowed, which points to a singular or very stiff problem.</exception>
    public static OdeStatistics Integrate(
        OdeFunction f, ReadOnlySpan<double> initial, ReadOnlySpan<double> times, Span<double> output, DormandPrinceOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        options ??= new DormandPrinceOptions();
        int n = initial.Length;
        if (times.Length == 0)
        {
            return default;
        }

        if (output.Length < (long)times.Length * n)
        {
            throw new ArgumentException($"DormandPrince45: the output has length {output.Length} but {times.Length} states of length {n} need {times.Length * n}.", nameof(output));
        }

        for (int j = 1; j < times.Length; j++)
        {
            if (!(times[j] >= times[j - 1]))
            {
                throw new ArgumentException($"DormandPrince45: output times must be nondecreasing, but times[{j - 1}] = {times[j - 1]} and times[{j}] = {times[j]}.", nameof(times));
            }
        }

        // Phase 1: buffers, the initial state and the first derivative.
        var buffer = new double[11 * n];
        var y = buffer.AsSpan(0, n);
        var yNew = buffer.AsSpan(n, n);
        var k1 = buffer.AsSpan(2 * n, n);
        var k2 = buffer.AsSpan(3 * n, n);
        var k3 = buffer.AsSpan(4 * n, n);
        var k4 = buffer.AsSpan(5 * n, n);
        var k5 = buffer.AsSpan(6 * n, n);
        var k6 = buffer.AsSpan(7 * n, n);
        var k7 = buffer.AsSpan(8 * n, n);
        var stage = buffer.AsSpan(9 * n, n);
        var scratch = buffer.AsSpan(10 * n, n);
        initial.CopyTo(y);
        double t = times[0];
        double tEnd = times[^1];
        int nextOutput = 0;
        while (nextOutput < times.Length && times[nextOutput] <= t)
        {
            y.CopyTo(output.Slice(nextOutput * n, n));
            nextOutput++;
        }

        if (nextOutput == times.Length)
        {
            return default;
        }

        int evaluations = 1;
        f(t, y, k1);
        bool fixedStep = options.FixedStep > 0;
        double h = fixedStep ? options.FixedStep
            : options.InitialStep > 0 ? options.InitialStep
            : InitialStep(f, t, y, k1, options, stage, scratch, ref evaluations);
        int accepted = 0;
        int rejected = 0;
        bool lastRejected = false;

        // Phase 2: steps until the last output time; each accepted step fills the outputs it passes.
        while (nextOutput < times.Length)
        {
            ct.ThrowIfCancellationRequested();
            if (accepted + rejected >= options.MaxSteps)
            {
                throw new InvalidOperationException(
                    $"DormandPrince45: reached {options.MaxSteps} steps at t = {t} before the end time {tEnd}. Loosen the tolerances or raise MaxSteps.");
            }

            // Stretch a step that would end just short of the end time, so no sliver step is left over.
            if (t + (1.01 * h) >= tEnd)
            {
                h = tEnd - t;
            }
            if (h <= Math.Abs(t) * 1e-15 || double.IsNaN(h))
            {
                throw new InvalidOperationException($"DormandPrince45: the step size {h} underflowed at t = {t}. The problem may be singular there.");
            }

            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * A21 * k1[i]);
            }

            f(t + (C2 * h), stage, k2);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A31 * k1[i]) + (A32 * k2[i])));
            }

            f(t + (C3 * h), stage, k3);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A41 * k1[i]) + (A42 * k2[i]) + (A43 * k3[i])));
            }

            f(t + (C4 * h), stage, k4);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A51 * k1[i]) + (A52 * k2[i]) + (A53 * k3[i]) + (A54 * k4[i])));
            }

            f(t + (C5 * h), stage, k5);
            for (int i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A61 * k1[i]) + (A62 * k2[i]) + (A63 * k3[i]) + (A64 * k4[i]) + (A65 * k5[i])));
            }

            f(t + h, stage, k6);
            for (int i = 0; i < n; i++)
            {
                yNew[i] = y[i] + (h * ((A71 * k1[i]) + (A73 * k3[i]) + (A74 * k4[i]) + (A75 * k5[i]) + (A76 * k6[i])));
            }

            f(t + h, yNew, k7);
            evaluations += 6;

            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double errorEstimate = h * ((E1 * k1[i]) + (E3 * k3[i]) + (E4 * k4[i]) + (E5 * k5[i]) + (E6 * k6[i]) + (E7 * k7[i]));
                double weight = options.AbsoluteTolerance + (options.RelativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i])));
                double scaled = errorEstimate / weight;
                sum += scaled * scaled;
            }

            double error = n == 0 || fixedStep ? 0 : Math.Sqrt(sum / n);
            if (double.IsNaN(error) || error > 1)
            {
                rejected++;
                lastRejected = true;
                h *= double.IsNaN(error) ? 0.2 : Math.Max(0.2, 0.9 * Math.Pow(error, -0.2));
                continue;
            }

            // Dense output on (t, t + h] at the fourth-order continuous extension.
            double tNew = nextOutput < times.Length && t + h >= tEnd ? tEnd : t + h;
            while (nextOutput < times.Length && times[nextOutput] <= tNew)
            {
                var row = output.Slice(nextOutput * n, n);
                if (times[nextOutput] == tNew)
                {
                    yNew.CopyTo(row);
                }
                else
                {
                    Interpolate(y, yNew, k1, k3, k4, k5, k6, k7, h, (times[nextOutput] - t) / h, row);
                }

                nextOutput++;
            }

            t = tNew;
            yNew.CopyTo(y);
            k7.CopyTo(k1);
            accepted++;
            double factor = error == 0 ? 5.0 : Math.Min(5.0, Math.Max(0.2, 0.9 * Math.Pow(error, -0.2)));
            h = fixedStep ? options.FixedStep : h * (lastRejected ? Math.Min(1.0, factor) : factor);
            lastRejected = false;
        }

        return new OdeStatistics(accepted, rejected, evaluations);
    }

    private static void Interpolate(
        ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> k1, ReadOnlySpan<double> k3, ReadOnlySpan<double> k4,
        ReadOnlySpan<double> k5, ReadOnlySpan<double> k6, ReadOnlySpan<double> k7, double h, double theta, Span<double> result)
    {
        double theta1 = 1 - theta;
        for (int i = 0; i < y0.Length; i++)
        {
            double difference = y1[i] - y0[i];
            double r3 = (h * k1[i]) - difference;
            double r4 = difference - (h * k7[i]) - r3;
            double r5 = h * ((D1 * k1[i]) + (D3 * k3[i]) + (D4 * k4[i]) + (D5 * k5[i]) + (D6 * k6[i]) + (D7 * k7[i]));
            result[i] = y0[i] + (theta * (difference + (theta1 * (r3 + (theta * (r4 + (theta1 * r5)))))));
        }
    }

    private static double InitialStep(
        OdeFunction f, double t, ReadOnlySpan<double> y, ReadOnlySpan<double> f0, DormandPrinceOptions options, Span<double> stage, Span<double> f1, ref int evaluations)
    {
        int n = y.Length;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++)
        {
            double weight = options.AbsoluteTolerance + (options.RelativeTolerance * Math.Abs(y[i]));
            d0 += (y[i] / weight) * (y[i] / weight);
            d1 += (f0[i] / weight) * (f0[i] / weight);
        }

        d0 = Math.Sqrt(d0 / Math.Max(n, 1));
        d1 = Math.Sqrt(d1 / Math.Max(n, 1));
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        for (int i = 0; i < n; i++)
        {
            stage[i] = y[i] + (h0 * f0[i]);
        }

        f(t + h0, stage, f1);
        evaluations++;
        double d2 = 0;
        for (int i = 0; i < n; i++)
        {
            double weight = options.AbsoluteTolerance + (options.RelativeTolerance * Math.Abs(y[i]));
            double v = (f1[i] - f0[i]) / weight;
            d2 += v * v;
        }

        d2 = Math.Sqrt(d2 / Math.Max(n, 1)) / h0;
        double largest = Math.Max(d1, d2);
        double h1 = largest <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / largest, 1.0 / 5);
        return Math.Min(100 * h0, h1);
    }
}
