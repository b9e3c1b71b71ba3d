using InvTheory.Polynomials;

namespace InvTheory.Representations;

/// <summary>
/// A consistency check inside a computation failed: a result that mathematics guarantees (a Molien series with
/// non-negative integer coefficients, a rational sum of cyclotomic terms) did not come out. It points to a bug.
/// </summary>
public sealed class InternalErrorException : InvariantTheoryException
{
    /// <summary>Creates the exception; the message states the failed check, and this constructor adds that it points to a bug.</summary>
    public InternalErrorException(string message)
        : base($"Internal error: {message} This points to a bug in InvTheory; please report it with the input.")
    {
    }
}
