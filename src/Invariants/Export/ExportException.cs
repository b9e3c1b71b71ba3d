using InvTheory.Polynomials;

namespace InvTheory.Invariants.Export;

/// <summary>
/// A result file cannot be exported: its certificate fails, its kind or version is not exportable, or the format does
/// not apply to its kind or field. The message names the failed condition and the remedy.
/// </summary>
public sealed class ExportException : InvariantTheoryException
{
    /// <summary>Creates the exception with a message that names the failed condition and the remedy.</summary>
    public ExportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception; <paramref name="certificateFailed"/> marks a failed certificate check.</summary>
    public ExportException(string message, bool certificateFailed)
        : base(message)
    {
        CertificateFailed = certificateFailed;
    }

    /// <summary>Whether the export stopped because a certificate check of the result failed.</summary>
    public bool CertificateFailed { get; }
}
