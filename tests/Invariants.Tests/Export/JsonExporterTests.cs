using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Export;

namespace InvTheory.Invariants.Tests.Export;

public sealed class JsonExporterTests
{
    public static TheoryData<string> Samples() => [.. ExportSamples.Names];

    private static JsonSchemaSubset Schema() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(ExportSamples.RepositoryRoot, "docs", "schema", "invtheory-result.schema.json")))!.AsObject());

    private static string Export(string sample) => Encoding.UTF8.GetString(ResultExporter.Export(ExportSamples.Json(sample), ExportFormat.Json));

    [Theory]
    [MemberData(nameof(Samples))]
    public void ExportValidatesAgainstSchema(string sample)
    {
        var errors = Schema().Validate(JsonNode.Parse(Export(sample)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ExportVerifiesAsResultFile(string sample)
    {
        var report = CertificateVerifierRegistry.CreateDefault().Verify(Export(sample));
        Assert.True(report.AllPassed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => c.Name)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ExportIsFixedPoint(string sample)
    {
        // Exporting the export changes nothing: the form is canonical.
        string once = Export(sample);
        string twice = Encoding.UTF8.GetString(ResultExporter.Export(once, ExportFormat.Json));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void EnvelopeComesFirstAndKeysSorted()
    {
        var document = JsonNode.Parse(Export("ring-Oh"))!.AsObject();
        var keys = document.Select(p => p.Key).ToList();
        Assert.Equal(["schema", "version", "kind"], keys.Take(3));
        Assert.Equal(keys.Skip(3).Order(StringComparer.Ordinal), keys.Skip(3));
    }

    [Fact]
    public void ReorderedTermsBecomeCanonical()
    {
        // x3^2+x2^2+x1^2 is the same polynomial as the canonical x1^2+x2^2+x3^2 (grevlex, x1 > x2 > x3).
        var document = JsonNode.Parse(ExportSamples.Json("ring-Oh"))!.AsObject();
        document["fundamental"]![0]!["polynomial"] = "x3^2+x2^2+x1^2";
        var exported = JsonNode.Parse(Encoding.UTF8.GetString(ResultExporter.Export(document.ToJsonString(), ExportFormat.Json)))!;
        Assert.Equal("x1^2+x2^2+x3^2", exported["fundamental"]![0]!["polynomial"]!.GetValue<string>());
    }

    [Fact]
    public void SchemaRejectsMissingFieldAndWrongVersion()
    {
        var document = JsonNode.Parse(Export("equivariants-Oh"))!.AsObject();
        document.Remove("basis");
        document["version"] = 2;
        var errors = Schema().Validate(document);
        Assert.Contains(errors, e => e.Contains("missing required field 'basis'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.version", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaRejectsNumericPolynomial()
    {
        var document = JsonNode.Parse(Export("ring-Oh"))!.AsObject();
        document["primary"]![0]!["polynomial"] = 3;
        Assert.Contains(Schema().Validate(document), e => e.StartsWith("$.primary[0].polynomial", StringComparison.Ordinal));
    }
}
