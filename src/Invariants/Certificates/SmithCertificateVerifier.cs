using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Invariants.Certificates;

/// <summary>Verifies <c>snf</c> result documents (see <see cref="NormalFormDocuments.Smith"/>).</summary>
/// <remarks>
/// Algorithm: exact recomputation of U*A*V, fraction-free determinants [Bar68] and the divisibility chain, through
/// <see cref="SmithNormalForm.Verify"/>; then the stored diagonal and certificate values are compared with the
/// recomputed ones.
/// </remarks>
public sealed class SmithCertificateVerifier : ICertificateVerifier
{
    /// <inheritdoc />
    public string Kind => NormalFormDocuments.SmithKind;

    /// <inheritdoc />
    public int MaxVersion => 1;

    /// <inheritdoc />
    public IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var a = NormalFormDocuments.ReadInput(document);
        var d = CertificateJson.ReadMatrix(document, "form", a.ColumnCount);
        var u = CertificateJson.ReadMatrix(document, "U", a.RowCount);
        var v = CertificateJson.ReadMatrix(document, "V", a.ColumnCount);
        var diagonal = CertificateJson.ReadIntegerArray(document, "diagonal");
        var certificate = CertificateJson.ReadObject(document, "certificate");

        var checks = NormalFormDocuments.Convert(SmithNormalForm.Verify(a, new SmithDecomposition(d, u, v))).ToList();
        if (!checks[0].Passed)
        {
            return checks;
        }

        ct.ThrowIfCancellationRequested();
        var actualDiagonal = Enumerable.Range(0, Math.Min(d.RowCount, d.ColumnCount)).Select(i => d[i, i]).ToList();
        bool diagonalMatches = actualDiagonal.SequenceEqual(diagonal);
        checks.Add(new CertificateCheck(
            "diagonal matches D",
            diagonalMatches,
            $"diagonal [{string.Join(", ", diagonal)}], D has [{string.Join(", ", actualDiagonal)}]"));

        checks.Add(CompareStored("certificate det_U", CertificateJson.ReadInteger(certificate, "det_U"), u.Determinant()));
        checks.Add(CompareStored("certificate det_V", CertificateJson.ReadInteger(certificate, "det_V"), v.Determinant()));
        checks.Add(CompareStored("certificate rank", CertificateJson.ReadInteger(certificate, "rank"), a.Rank()));
        return checks;
    }

    internal static CertificateCheck CompareStored(string name, BigInteger stored, BigInteger recomputed) =>
        new(name, stored == recomputed, $"stored {stored}, recomputed {recomputed}");
}
