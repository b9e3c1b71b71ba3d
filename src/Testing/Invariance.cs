using FsCheck;

namespace InvTheory.Testing;

/// <summary>
/// Property-based checks that a scalar function f : R^m -&gt; R is invariant, f(rho(g) x) = f(x): the equivariance
/// checks of <see cref="Equivariance"/> with the trivial output representation.
/// </summary>
public static class Invariance
{
    /// <summary>Returns the FsCheck property "f(rho(g) x) = f(x) within <paramref name="tolerance"/>", with shrinking.</summary>
    /// <remarks>The error is |f(gx) - f(x)| / max(1, |f(x)|); see <see cref="Equivariance.Holds"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or not finite.</exception>
    public static Property Holds(
        Func<double[], double> f,
        SymmetryGroup group,
        Representation input,
        double tolerance = Equivariance.DefaultTolerance,
        Gen<IReadOnlyList<double>>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Equivariance.Holds(x => [f(x)], group, input, Representation.Scalar, tolerance, inputs);
    }

    /// <summary>Runs the invariance check without FsCheck's runner; see <see cref="Equivariance.Check"/>.</summary>
    public static EquivarianceResult Check(Func<double[], double> f, SymmetryGroup group, Representation input, EquivarianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Equivariance.Check(x => [f(x)], group, input, Representation.Scalar, options);
    }
}
