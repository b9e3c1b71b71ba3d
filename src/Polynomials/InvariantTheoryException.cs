namespace InvTheory.Polynomials;

/// <summary>
/// Root of the domain failures raised by InvTheory (a group that is not finite, a modular case that
/// is not supported, a certificate that does not hold). Misuse raises the standard .NET exceptions instead.
/// </summary>
public class InvariantTheoryException : Exception
{
    /// <summary>Creates the exception with a message that names the operation, the values and the remedy.</summary>
    public InvariantTheoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public InvariantTheoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
