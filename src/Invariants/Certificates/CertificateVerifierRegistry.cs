using System.Collections.Concurrent;
using InvTheory.Invariants.Units;
using InvTheory.Representations;
namespace InvTheory.Invariants.Certificates;

/// <summary>Maps each result kind to the verifier of its certificate, and verifies result files by their envelope.</summary>
/// <remarks>
/// <see cref="CreateDefault"/> lists the verifiers that ship with InvTheory; a new result kind adds its verifier
/// there or registers it on a registry with <see cref="Register"/>. Lookups and registrations are thread-safe.
/// </remarks>
public sealed class CertificateVerifierRegistry
{
    private readonly ConcurrentDictionary<string, ICertificateVerifier> _verifiers = new(StringComparer.Ordinal);

    /// <summary>Returns a registry with the verifiers of every result kind that InvTheory writes.</summary>
    public static CertificateVerifierRegistry CreateDefault()
    {
        var registry = new CertificateVerifierRegistry();
        registry.Register(new SmithCertificateVerifier());
        registry.Register(new HermiteCertificateVerifier());
        registry.Register(new PiCertificateVerifier());
        registry.Register(new RingCertificateVerifier());
        registry.Register(new Equivariants.EquivariantCertificateVerifier());
        return registry;
    }

    /// <summary>The registered kinds in ordinal order.</summary>
    public IReadOnlyList<string> Kinds => _verifiers.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly();

    /// <summary>Adds <paramref name="verifier"/> for its kind.</summary>
    /// <exception cref="ArgumentException">A verifier for the same kind is already registered.</exception>
    public void Register(ICertificateVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (!_verifiers.TryAdd(verifier.Kind, verifier))
        {
            throw new ArgumentException($"A certificate verifier for kind '{verifier.Kind}' is already registered.", nameof(verifier));
        }
    }

    /// <summary>Returns the verifier for <paramref name="kind"/>, or null when none is registered.</summary>
    public ICertificateVerifier? Find(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _verifiers.GetValueOrDefault(kind);
    }

    /// <summary>Reads the envelope of <paramref name="json"/>, dispatches on its kind and returns the verifier's checks.</summary>
    /// <remarks>
    /// An embedded group whose stated order differs from the order its generators generate gives a report with one
    /// failed check, <c>group order</c>, because the checks that follow need the group.
    /// </remarks>
    /// <exception cref="CertificateFormatException">
    /// The JSON or its envelope is malformed, the kind is unknown, the version is newer than the verifier reads, or
    /// a field the verifier needs is missing or malformed.
    /// </exception>
    public CertificateReport Verify(string json, CancellationToken ct = default)
    {
        var (document, kind, version) = ResultEnvelope.Read(json);
        var verifier = Find(kind) ?? throw new CertificateFormatException(
            $"The result file has kind '{kind}', which carries no certificate that this build can check. Kinds with a certificate: {string.Join(", ", Kinds)}.");
        if (version > verifier.MaxVersion)
        {
            throw new CertificateFormatException(
                $"The result file has {kind} format version {version}, but this build reads versions up to {verifier.MaxVersion}. "
                + "Verify it with a newer InvTheory.");
        }

        try
        {
            return new CertificateReport(kind, version, verifier.Verify(document, ct));
        }
        catch (GroupOrderMismatchException ex)
        {
            // A written result always states the order its generators generate, so a mismatch is a failed check of
            // the file, not a malformed request.
            var check = new CertificateCheck(
                "group order",
                false,
                $"the embedded group states order {ex.StatedOrder}, but its generators generate a group of order {ex.EnumeratedOrder}");
            return new CertificateReport(kind, version, [check]);
        }
    }
}
