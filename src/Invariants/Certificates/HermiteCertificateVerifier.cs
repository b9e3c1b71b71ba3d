using System.Text.Json.Nodes;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Invariants.Certificates;

/// <summary>Verifies <c>hnf</c> result documents (see <see cref="NormalFormDocuments.Hermite"/>).</summary>
/// <remarks>
/// Algorithm: exact recomputation of U*A, a fraction-free determinant and rank [Bar68] and the Hermite-form
/// conditions, through <see cref="HermiteNormalForm.Verify"/>; then the stored rank, pivot columns and det U are
/// compared with the recomputed ones.
/// </remarks>
public sealed class HermiteCertificateVerifier : ICertificateVerifier
{
    /// <inheritdoc />
    public string Kind => NormalFormDocuments.HermiteKind;

    /// <inheritdoc />
    public int MaxVersion => 1;

    /// <inheritdoc />
    public IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var a = NormalFormDocuments.ReadInput(document);
        var h = CertificateJson.ReadMatrix(document, "form", a.ColumnCount);
        var u = CertificateJson.ReadMatrix(document, "U", a.RowCount);
        var certificate = CertificateJson.ReadObject(document, "certificate");

        var checks = NormalFormDocuments.Convert(HermiteNormalForm.Verify(a, new HermiteDecomposition(h, u))).ToList();
        if (!checks[0].Passed)
        {
            return checks;
        }

        ct.ThrowIfCancellationRequested();
        var pivots = HermiteNormalForm.PivotColumns(h);
        checks.Add(SmithCertificateVerifier.CompareStored("stored rank", CertificateJson.ReadInteger(document, "rank"), pivots.Count));
        var storedPivots = CertificateJson.ReadIntegerArray(document, "pivot_columns");
        bool pivotsMatch = storedPivots.SequenceEqual(pivots.Select(p => (System.Numerics.BigInteger)(p + 1)));
        checks.Add(new CertificateCheck(
            "stored pivot columns",
            pivotsMatch,
            $"stored [{string.Join(", ", storedPivots)}], recomputed [{string.Join(", ", pivots.Select(p => p + 1))}]"));
        checks.Add(SmithCertificateVerifier.CompareStored("certificate det_U", CertificateJson.ReadInteger(certificate, "det_U"), u.Determinant()));
        return checks;
    }
}
