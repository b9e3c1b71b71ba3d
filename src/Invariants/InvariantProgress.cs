namespace InvTheory.Invariants;

/// <summary>A progress report of an invariant-ring computation: the phase, the degree being worked on and the count so far.</summary>
/// <param name="Phase">The phase, such as <c>invariants</c>, <c>primary</c>, <c>secondary</c> or <c>fundamental</c>.</param>
/// <param name="Degree">The degree being worked on, or 0 when the phase has no degree.</param>
/// <param name="Found">How many objects of the phase are known so far.</param>
/// <param name="Expected">How many the phase needs in total, or -1 when that is not known in advance.</param>
public readonly record struct InvariantProgress(string Phase, int Degree, int Found, int Expected)
{
    /// <summary>Text such as <c>secondary: degree 6, 3/9</c>.</summary>
    public override string ToString() =>
        Expected >= 0 ? $"{Phase}: degree {Degree}, {Found}/{Expected}" : $"{Phase}: degree {Degree}, {Found} found";
}
