using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;

namespace InvTheory.Invariants.Units;

/// <summary>Verifies <c>pi</c> result documents (see <see cref="PiDocument"/>) from the document alone.</summary>
/// <remarks>
/// Algorithm: the checks of <see cref="PiCertificate.Compute"/> (dimensionless groups, independence, count n - rank,
/// lattice index 1 by the Smith normal form, target scaling), recomputed from the stored variables and groups, then a
/// comparison of the stored unit expressions, rank, readable group text and certificate values with recomputed ones.
/// </remarks>
public sealed class PiCertificateVerifier : ICertificateVerifier
{
    /// <inheritdoc />
    public string Kind => PiDocument.Kind;

    /// <inheritdoc />
    public int MaxVersion => 1;

    /// <inheritdoc />
    public IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var content = PiDocument.Read(document);
        var checks = new List<CertificateCheck> { UnitsMatchDimensions(content) };

        if (content.GroupErrors.Count > 0)
        {
            checks.Add(new CertificateCheck("group variables", false, string.Join("; ", content.GroupErrors)));
            return checks;
        }

        var certificate = PiCertificate.Compute(content.Variables, content.Groups, content.Target, content.TargetScaling, ct);
        checks.AddRange(certificate.Checks);

        checks.Add(Compare("stored rank", content.StoredRank, certificate.DimensionRank));
        checks.Add(Compare("stored group count", CertificateJson.ReadInteger(content.Certificate, "group_count"), content.Groups.Count));
        checks.Add(Compare("stored lattice index", CertificateJson.ReadInteger(content.Certificate, "lattice_index"), certificate.LatticeIndex));
        if (content.GroupText is not null)
        {
            var recomputed = content.Groups.Select(g => g.ToString()).ToList();
            var mismatches = content.GroupText.Select((text, i) => (text, i))
                .Where(p => p.i >= recomputed.Count || p.text != recomputed[p.i])
                .Select(p => $"group {p.i + 1}: stored '{p.text}', exponents give '{(p.i < recomputed.Count ? recomputed[p.i] : "(none)")}'")
                .ToList();
            if (content.GroupText.Count != recomputed.Count)
            {
                mismatches.Add($"{content.GroupText.Count} texts for {recomputed.Count} groups");
            }

            bool matches = mismatches.Count == 0;
            string detail = matches ? "every readable group agrees with its exponents" : string.Join("; ", mismatches);
            checks.Add(new CertificateCheck("group text matches exponents", matches, detail));
        }

        return checks;
    }

    private static CertificateCheck UnitsMatchDimensions(PiDocument.Content content)
    {
        var mismatches = new List<string>();
        foreach (var variable in content.Variables.Where(v => v.Units is not null))
        {
            try
            {
                var parsed = UnitExpression.Parse(variable.Units!, $"variable '{variable.Name}'");
                if (!parsed.Equals(variable.Dimension))
                {
                    mismatches.Add($"'{variable.Name}': units {variable.Units} have dimension {parsed}, stored {variable.Dimension}");
                }
            }
            catch (UnitsTableException ex)
            {
                mismatches.Add(ex.Message);
            }
        }

        return new CertificateCheck(
            "units match dimensions",
            mismatches.Count == 0,
            mismatches.Count == 0 ? "every stored unit expression has the stored dimension" : string.Join("; ", mismatches));
    }

    private static CertificateCheck Compare(string name, BigInteger stored, BigInteger recomputed) =>
        new(name, stored == recomputed, $"stored {stored}, recomputed {recomputed}");
}
