using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Classical;

/// <summary>Generating sets of invariants and equivariants of classical groups from the first fundamental theorem.</summary>
public static class FirstFundamentalTheorem
{
    /// <summary>Verifies an FFT document.</summary>
    internal static IReadOnlyList<CertificateCheck> Verify(
        JsonObject document, ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, CancellationToken ct)
    {
        _ = (document, group, inputs, output, ct);
        throw new CertificateFormatException("FFT documents are not readable by this build yet.");
    }
}
