using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Dynamics;

namespace InvTheory.Runtime.Tests.Dynamics;

public sealed class IntegratorTests
{
    // y' = -y with y(0) = 1 has the solution exp(-t).
    private static void Decay(double t, ReadOnlySpan<double> y, Span<double> dy) => dy[0] = -y[0];

    // x' = v, v' = -w^2 x with x(0) = 1, v(0) = 0 has the solution x = cos(w t), v = -w sin(w t); w = 2.
    private static void Oscillator(double t, ReadOnlySpan<double> y, Span<double> dy)
    {
        dy[0] = y[1];
        dy[1] = -4 * y[0];
    }

    [Fact]
    public void RungeKuttaMatchesExponentialDecay()
    {
        var trajectory = new double[101];
        RungeKutta4.Integrate(Decay, 0, [1.0], 0.02, 100, trajectory);
        for (int k = 0; k <= 100; k++)
        {
            // The global error of RK4 is about t exp(-t) h^4 / 120 < 1e-9 here.
            Assert.True(Math.Abs(trajectory[k] - Math.Exp(-0.02 * k)) < 1e-9, $"y({0.02 * k}) = {trajectory[k]}");
        }
    }

    [Fact]
    public void RungeKuttaHasOrderFour()
    {
        double Error(int steps)
        {
            var trajectory = new double[2 * (steps + 1)];
            RungeKutta4.Integrate(Oscillator, 0, [1.0, 0.0], 3.0 / steps, steps, trajectory);
            return Math.Abs(trajectory[2 * steps] - Math.Cos(6.0));
        }

        double ratio = Error(100) / Error(200);
        Assert.InRange(ratio, 14.0, 18.0);
    }

    [Fact]
    public void DormandPrinceMatchesOscillatorAtDenseTimes()
    {
        var times = Enumerable.Range(0, 51).Select(i => 0.37 * i).ToArray();
        var output = new double[times.Length * 2];
        var statistics = DormandPrince45.Integrate(Oscillator, [1.0, 0.0], times, output, new DormandPrinceOptions(1e-10, 1e-12));
        for (int j = 0; j < times.Length; j++)
        {
            Assert.True(Math.Abs(output[2 * j] - Math.Cos(2 * times[j])) < 1e-8, $"x({times[j]}) = {output[2 * j]}");
            Assert.True(Math.Abs(output[(2 * j) + 1] + (2 * Math.Sin(2 * times[j]))) < 2e-8, $"v({times[j]}) = {output[(2 * j) + 1]}");
        }

        Assert.True(statistics.AcceptedSteps > 50);
    }

    [Fact]
    public void DormandPrinceMatchesDecayWithLooseTolerance()
    {
        double[] times = [0, 0.5, 1, 2, 5];
        var output = new double[5];
        DormandPrince45.Integrate(Decay, [1.0], times, output, new DormandPrinceOptions(1e-4, 1e-8));
        for (int j = 0; j < times.Length; j++)
        {
            // The local error control at rtol 1e-4 keeps the global error of this contracting problem near 1e-4.
            Assert.True(Math.Abs(output[j] - Math.Exp(-times[j])) < 1e-4, $"y({times[j]}) = {output[j]}");
        }
    }

    [Fact]
    public void DormandPrinceHasOrderFive()
    {
        double Error(double step)
        {
            var output = new double[4];
            DormandPrince45.Integrate(Oscillator, [1.0, 0.0], [0.0, 3.0], output, new DormandPrinceOptions(FixedStep: step));
            return Math.Abs(output[2] - Math.Cos(6.0));
        }

        // Halving the step divides the global error by 2^5 = 32 for a fifth-order method.
        double ratio = Error(0.1) / Error(0.05);
        Assert.InRange(ratio, 26.0, 38.0);
    }

    [Fact]
    public void DenseOutputHasOrderFour()
    {
        double Error(double step)
        {
            // Output at the middle of a step, where the continuous extension is used.
            var output = new double[4];
            DormandPrince45.Integrate(Oscillator, [1.0, 0.0], [0.0, 2.5 * step], output, new DormandPrinceOptions(FixedStep: step));
            return Math.Abs(output[2] - Math.Cos(5 * step));
        }

        // The interpolant's local error is O(h^5): halving the step divides it by at least 16.
        Assert.True(Error(0.2) / Error(0.1) > 16.0);
    }

    [Fact]
    public void DecreasingTimesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DormandPrince45.Integrate(Decay, [1.0], [0.0, 1.0, 0.5], new double[3]));
        Assert.Contains("nondecreasing", error.Message);
    }

    [Fact]
    public void TapeRungeKuttaMatchesDoubleVersion()
    {
        var trajectory = new double[2 * 11];
        RungeKutta4.Integrate(Oscillator, 0, [1.0, 0.0], 0.1, 10, trajectory);
        var tape = new Tape();
        var states = RungeKutta4.Integrate(
            tape,
            (t, z) => tape.ConcatColumns([tape.SliceColumns(z, 1, 1), tape.Scale(tape.SliceColumns(z, 0, 1), -4)]),
            0,
            tape.Constant(1, 2, [1.0, 0.0]),
            0.1,
            10);
        Assert.Equal(11, states.Count);
        for (int k = 0; k <= 10; k++)
        {
            Assert.Equal(trajectory[2 * k], states[k].Value[0, 0], 14);
            Assert.Equal(trajectory[(2 * k) + 1], states[k].Value[0, 1], 14);
        }
    }

    [Fact]
    public void TapeRungeKuttaGradientMatchesFiniteDifferences()
    {
        // The final state of y' = -a y after RK4 as a function of the rate a, differentiated through the steps.
        static double Final(double rate, out double derivative)
        {
            var tape = new Tape();
            var a = tape.Constant(1, 1, [rate]);
            var states = RungeKutta4.Integrate(tape, (t, z) => tape.Scale(tape.Multiply(a, z), -1), 0, tape.Constant(1, 1, [1.0]), 0.1, 20);
            derivative = tape.Gradients(states[^1], [a])[0].Value[0, 0];
            return states[^1].Value[0, 0];
        }

        Final(0.7, out double analytic);
        double numeric = (Final(0.7 + 1e-6, out _) - Final(0.7 - 1e-6, out _)) / 2e-6;
        Assert.Equal(numeric, analytic, 8);

        // The exact flow gives d/da exp(-2a) = -2 exp(-2a); RK4 with h = 0.1 is within 1e-5 of it.
        Assert.Equal(-2 * Math.Exp(-1.4), analytic, 5);
    }
}
