namespace InvTheory.Runtime.Dynamics;

/// <summary>The right-hand side of y' = f(t, y): writes f(t, y) to <paramref name="derivative"/>.</summary>
/// <param name="t">The time.</param>
/// <param name="state">The state y.</param>
/// <param name="derivative">Receives f(t, y); it has the length of the state and does not overlap it.</param>
public delegate void OdeFunction(double t, ReadOnlySpan<double> state, Span<double> derivative);

/// <summary>Counts of the work an integrator did.</summary>
/// <param name="AcceptedSteps">The number of accepted steps.</param>
/// <param name="RejectedSteps">The number of steps rejected by the error control.</param>
/// <param name="Evaluations">The number of evaluations of the right-hand side.</param>
public readonly record struct OdeStatistics(int AcceptedSteps, int RejectedSteps, int Evaluations);
