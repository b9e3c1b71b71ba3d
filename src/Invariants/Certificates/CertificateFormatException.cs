using InvTheory.Polynomials;

namespace InvTheory.Invariants.Certificates;

/// <summary>
/// A result file cannot be verified because it is not a valid InvTheory result: malformed JSON, a missing or wrong
/// envelope, an unknown kind, a newer format version, or a field of the wrong type.
/// </summary>
public sealed class CertificateFormatException : InvariantTheoryException
{
    /// <summary>Creates the exception with a message that names the file problem and the remedy.</summary>
    public CertificateFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser exception that caused it.</summary>
    public CertificateFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
