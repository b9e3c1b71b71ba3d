using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Dynamics;

namespace InvTheory.Runtime.Experiments;

/// <summary>
/// The springy double pendulum in 3-D: unit masses at q1 and q2, a spring of rest length 1 from a fixed pivot at the
/// origin to q1 and one from q1 to q2, and gravity along -z. The state is z = (q1, q2, p1, p2) in R^12 and the
/// Hamiltonian is H = |p1|^2/2 + |p2|^2/2 + (|q1| - 1)^2/2 + (|q1 - q2| - 1)^2 + q1_z + q2_z.
/// </summary>
/// <remarks>
/// The second spring term has no factor 1/2 (stiffness 2), matching the code behind the published results of the
/// equivariant MLP benchmark [FWW21]. The system is invariant under rotations about the z axis and reflections in
/// vertical planes. Models that take the gravity vector as an extra input are O(3)-equivariant in (z, g) jointly.
/// </remarks>
public static class SpringPendulum
{
    /// <summary>The state dimension, 12.</summary>
    public const int StateDimension = 12;

    /// <summary>The gravity direction g = (0, 0, -1).</summary>
    public static IReadOnlyList<double> Gravity { get; } = [0.0, 0.0, -1.0];

    /// <summary>Returns H(z) for one state.</summary>
    public static double Energy(ReadOnlySpan<double> z)
    {
        double kinetic = 0;
        for (int i = 6; i < 12; i++)
        {
            kinetic += 0.5 * z[i] * z[i];
        }

        double r1 = Norm(z[0], z[1], z[2]);
        double r12 = Norm(z[0] - z[3], z[1] - z[4], z[2] - z[5]);
        return kinetic + (0.5 * (r1 - 1) * (r1 - 1)) + ((r12 - 1) * (r12 - 1)) + z[2] + z[5];
    }

    /// <summary>Writes the Hamiltonian vector field dz/dt = (dH/dp, -dH/dq) of every 12-entry state in <paramref name="states"/>.</summary>
    public static void VectorField(double t, ReadOnlySpan<double> states, Span<double> derivatives)
    {
        for (int offset = 0; offset < states.Length; offset += StateDimension)
        {
            var z = states.Slice(offset, StateDimension);
            var dz = derivatives.Slice(offset, StateDimension);
            for (int i = 0; i < 6; i++)
            {
                dz[i] = z[6 + i];
            }

            double r1 = Norm(z[0], z[1], z[2]);
            double d0 = z[0] - z[3];
            double d1 = z[1] - z[4];
            double d2 = z[2] - z[5];
            double r12 = Norm(d0, d1, d2);

            // dH/dq1 = (r1 - 1) q1 / r1 + 2 (r12 - 1) d / r12 + e_z and dH/dq2 = -2 (r12 - 1) d / r12 + e_z, with d = q1 - q2.
            double s1 = (r1 - 1) / r1;
            double s12 = 2 * (r12 - 1) / r12;
            dz[6] = -((s1 * z[0]) + (s12 * d0));
            dz[7] = -((s1 * z[1]) + (s12 * d1));
            dz[8] = -((s1 * z[2]) + (s12 * d2) + 1);
            dz[9] = s12 * d0;
            dz[10] = s12 * d1;
            dz[11] = (s12 * d2) - 1;
        }
    }

    /// <summary>
    /// Writes a random initial state: q1 ~ N((0, 0, -1.5), 0.2^2 I), q2 ~ N((0, 0, -3), 0.2^2 I), p1, p2 ~ N(0, 0.4^2 I).
    /// </summary>
    public static void SampleInitialState(DeterministicRandom random, Span<double> z)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < 3; i++)
        {
            z[i] = random.NextGaussian(i == 2 ? -1.5 : 0.0, 0.2);
        }

        for (int i = 0; i < 3; i++)
        {
            z[3 + i] = random.NextGaussian(i == 2 ? -3.0 : 0.0, 0.2);
        }

        for (int i = 6; i < 12; i++)
        {
            z[i] = random.NextGaussian(0.0, 0.4);
        }
    }

    /// <summary>
    /// Integrates the true dynamics of <paramref name="count"/> initial states (row-major, count x 12) and writes the
    /// states at <paramref name="times"/> to <paramref name="output"/> as count x times x 12.
    /// </summary>
    public static void Integrate(ReadOnlySpan<double> initial, int count, ReadOnlySpan<double> times, Span<double> output, DormandPrinceOptions options, CancellationToken ct = default)
    {
        int n = count * StateDimension;
        var byTime = new double[times.Length * n];
        DormandPrince45.Integrate(VectorField, initial[..n], times, byTime, options, ct);
        Reorder(byTime, count, times.Length, output);
    }

    /// <summary>Rearranges times x count x 12 (the integrator's layout) into count x times x 12.</summary>
    internal static void Reorder(ReadOnlySpan<double> byTime, int count, int timeCount, Span<double> output)
    {
        for (int k = 0; k < timeCount; k++)
        {
            for (int i = 0; i < count; i++)
            {
                byTime.Slice(((k * count) + i) * StateDimension, StateDimension).CopyTo(output.Slice(((i * timeCount) + k) * StateDimension, StateDimension));
            }
        }
    }

    private static double Norm(double x, double y, double z) => Math.Sqrt((x * x) + (y * y) + (z * z));
}
