using System.Text.Json.Nodes;

namespace InvTheory.Invariants.Certificates;

/// <summary>Checks the certificate of one result kind from the result document alone.</summary>
/// <remarks>
/// Implementations recompute every claimed property from the data in the document with exact arithmetic and
/// never trust a stored verdict. A field that is missing or has the wrong type raises
/// <see cref="CertificateFormatException"/>; a property that does not hold is a failed <see cref="CertificateCheck"/>.
/// </remarks>
public interface ICertificateVerifier
{
    /// <summary>The value of the envelope's <c>kind</c> field that this verifier reads, such as <c>pi</c>.</summary>
    string Kind { get; }

    /// <summary>The newest format version this verifier reads; documents with a larger <c>version</c> are rejected.</summary>
    int MaxVersion { get; }

    /// <summary>Returns the checks of the certificate in <paramref name="document"/>, in a fixed order.</summary>
    /// <exception cref="CertificateFormatException">A required field is missing or malformed.</exception>
    IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default);
}
