using System.Runtime.CompilerServices;
using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Dynamics;

/// <summary>The classical fourth-order Runge-Kutta method with a fixed step, for double states and for tape nodes.</summary>
/// <remarks>
/// Algorithm: classical RK4 [HNW93, Sec. II.1]: k1 = f(t, y), k2 = f(t + h/2, y + h/2 k1), k3 = f(t + h/2, y + h/2 k2),
/// k4 = f(t + h, y + h k3), y += h/6 (k1 + 2 k2 + 2 k3 + k4). Global error O(h^4).
/// </remarks>
public static class RungeKutta4
{
    /// <summary>
    /// Integrates from <paramref name="t0"/> with <paramref name="steps"/> steps of size <paramref name="step"/> and writes
    /// the states y(t0 + k step), k = 0 .. steps, as consecutive rows of <paramref name="trajectory"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The trajectory span is shorter than (steps + 1) x state length.</exception>
    public static OdeStatistics Integrate(OdeFunction f, double t0, ReadOnlySpan<double> initial, double step, int steps, Span<double> trajectory)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        int n = initial.Length;
        if (trajectory.Length < (long)(steps + 1) * n)
        {
            throw new ArgumentException($"RungeKutta4: the trajectory has length {trajectory.Length} but {steps + 1} states of length {n} need {(steps + 1) * n}.", nameof(trajectory));
        }

        initial.CopyTo(trajectory);
        var buffer = new double[5 * n];
        var k1 = buffer.AsSpan(0, n);
        var k2 = buffer.AsSpan(n, n);
        var k3 = buffer.AsSpan(2 * n, n);
        var k4 = buffer.AsSpan(3 * n, n);
        var stage = buffer.AsSpan(4 * n, n);
        for (int s = 0; s < steps; s++)
        {
            double t = t0 + (s * step);
            var y = trajectory.Slice(s * n, n);
            var next = trajectory.Slice((s + 1) * n, n);
            f(t, y, k1);
            Combine(y, 0.5 * step, k1, stage);
            f(t + (0.5 * step), stage, k2);
            Combine(y, 0.5 * step, k2, stage);
            f(t + (0.5 * step), stage, k3);
            Combine(y, step, k3, stage);
            f(t + step, stage, k4);
            for (int i = 0; i < n; i++)
            {
                next[i] = y[i] + (step / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]));
            }
        }

        return new OdeStatistics(steps, 0, 4 * steps);
    }

    /// <summary>
    /// Integrates on the tape from <paramref name="initial"/> with <paramref name="steps"/> steps of size
    /// <paramref name="step"/> and returns the nodes of the states at t0 + k step, k = 0 .. steps. Gradients flow
    /// through every step, so a loss on the states trains the parameters of <paramref name="f"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<Node> Integrate(Tape tape, Func<double, Node, Node> f, double t0, Node initial, double step, int steps)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var states = new List<Node>(steps + 1) { initial };
        var y = initial;
        for (int s = 0; s < steps; s++)
        {
            double t = t0 + (s * step);
            var k1 = f(t, y);
            var k2 = f(t + (0.5 * step), tape.Add(y, tape.Scale(k1, 0.5 * step)));
            var k3 = f(t + (0.5 * step), tape.Add(y, tape.Scale(k2, 0.5 * step)));
            var k4 = f(t + step, tape.Add(y, tape.Scale(k3, step)));
            var sum = tape.Add(tape.Add(k1, k4), tape.Scale(tape.Add(k2, k3), 2.0));
            y = tape.Add(y, tape.Scale(sum, step / 6));
            states.Add(y);
        }

        return states;
    }

    private static void Combine(ReadOnlySpan<double> y, double h, ReadOnlySpan<double> k, Span<double> result)
    {
        for (int i = 0; i < y.Length; i++)
        {
            result[i] = y[i] + (h * k[i]);
        }
    }
}
