using System.Text.Json.Nodes;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Invariants.Certificates;

/// <summary>
/// Result documents of the integer normal forms (kinds <c>snf</c> and <c>hnf</c>): the input, the form, the
/// transforms and a certificate that <see cref="SmithCertificateVerifier"/> and <see cref="HermiteCertificateVerifier"/>
/// check from the document alone.
/// </summary>
public static class NormalFormDocuments
{
    /// <summary>The kind of Smith normal form results.</summary>
    public const string SmithKind = "snf";

    /// <summary>The kind of Hermite normal form results.</summary>
    public const string HermiteKind = "hnf";

    /// <summary>
    /// Returns the <c>snf</c> document: <c>input</c>, <c>shape</c> [m, n], <c>diagonal</c> (d_1, ..., d_min(m,n)),
    /// <c>form</c> (D), <c>U</c>, <c>V</c> and <c>certificate</c> with <c>det_U</c>, <c>det_V</c>, <c>rank</c> and the
    /// list of checks that a verifier runs.
    /// </summary>
    public static JsonObject Smith(IntegerMatrix a, SmithDecomposition decomposition)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(decomposition);
        var document = ResultEnvelope.Create(SmithKind);
        document["input"] = CertificateJson.Matrix(a);
        document["shape"] = new JsonArray(a.RowCount, a.ColumnCount);
        document["diagonal"] = CertificateJson.IntegerArray(decomposition.Diagonal);
        document["form"] = CertificateJson.Matrix(decomposition.D);
        document["U"] = CertificateJson.Matrix(decomposition.U);
        document["V"] = CertificateJson.Matrix(decomposition.V);
        document["certificate"] = new JsonObject
        {
            ["det_U"] = CertificateJson.Integer(decomposition.U.Determinant()),
            ["det_V"] = CertificateJson.Integer(decomposition.V.Determinant()),
            ["rank"] = decomposition.Diagonal.Count(d => !d.IsZero),
            ["checks"] = new JsonArray("U*A*V = D", "det U = +-1", "det V = +-1", "D in Smith form", "diagonal matches D"),
        };
        return document;
    }

    /// <summary>
    /// Returns the <c>hnf</c> document: <c>input</c>, <c>shape</c> [m, n], <c>form</c> (H), <c>U</c>, <c>rank</c>,
    /// <c>pivot_columns</c> (1-based) and <c>certificate</c> with <c>det_U</c> and the list of checks.
    /// </summary>
    public static JsonObject Hermite(IntegerMatrix a, HermiteDecomposition decomposition)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(decomposition);
        var document = ResultEnvelope.Create(HermiteKind);
        document["input"] = CertificateJson.Matrix(a);
        document["shape"] = new JsonArray(a.RowCount, a.ColumnCount);
        document["form"] = CertificateJson.Matrix(decomposition.H);
        document["U"] = CertificateJson.Matrix(decomposition.U);
        document["rank"] = decomposition.Rank;
        document["pivot_columns"] = new JsonArray(HermiteNormalForm.PivotColumns(decomposition.H).Select(c => (JsonNode?)(c + 1)).ToArray());
        document["certificate"] = new JsonObject
        {
            ["det_U"] = CertificateJson.Integer(decomposition.U.Determinant()),
            ["checks"] = new JsonArray("H = U*A", "det U = +-1", "H in Hermite form", "rank H = rank A"),
        };
        return document;
    }

    /// <summary>Reads the <c>shape</c> field [m, n] and the <c>input</c> matrix of a normal-form document.</summary>
    internal static IntegerMatrix ReadInput(JsonObject document)
    {
        var shape = CertificateJson.ReadIntegerArray(document, "shape");
        if (shape.Count != 2 || shape[0].Sign < 0 || shape[1].Sign < 0 || shape[0] > 100_000 || shape[1] > 100_000)
        {
            throw new CertificateFormatException($"Field 'shape' must be [rows, columns] with two non-negative integers; found [{string.Join(", ", shape)}].");
        }

        var input = CertificateJson.ReadMatrix(document, "input", (int)shape[1]);
        if (input.RowCount != (int)shape[0] || input.ColumnCount != (int)shape[1])
        {
            throw new CertificateFormatException(
                $"Field 'input' is {input.RowCount} x {input.ColumnCount}, but 'shape' says {shape[0]} x {shape[1]}.");
        }

        return input;
    }

    /// <summary>Converts the checks of a normal-form verification.</summary>
    internal static IEnumerable<CertificateCheck> Convert(NormalFormVerification verification) =>
        verification.Checks.Select(c => new CertificateCheck(c.Name, c.Passed, c.Detail));
}
