using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;

namespace InvTheory.Invariants.Tests.Certificates;

public sealed class RingCertificateVerifierTests
{
    [Fact]
    public void UntouchedDocumentPassesEveryCheck()
    {
        var document = Document("tetrahedral_rot");
        var checks = Verify(document);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Contains(checks, c => c.Name == "primary invariants form an hsop");
        Assert.Contains(checks, c => c.Name == "fundamental invariants are minimal");
    }

    [Fact]
    public void ChangedCoefficientFailsInvariance()
    {
        var document = Document("tetrahedral_rot");
        // The quadratic primary invariant is x1^2+x2^2+x3^2; doubling the coefficient of its second term breaks the
        // symmetry under the 3-cycle of the coordinates.
        var entry = document["primary"]![0]!.AsObject();
        string text = (string)entry["polynomial"]!;
        int plus = text.IndexOf('+', StringComparison.Ordinal);
        Assert.True(plus > 0, text);
        entry["polynomial"] = text.Insert(plus + 1, "2*");
        var checks = Verify(document);
        var invariance = checks.Single(c => c.Name == "invariance");
        Assert.False(invariance.Passed);
        Assert.Contains("primary 1", invariance.Detail);
    }

    [Fact]
    public void DroppedSecondaryFailsTheDegreeCount()
    {
        var document = Document("tetrahedral_rot");
        var secondary = document["secondary"]!.AsArray();
        secondary.RemoveAt(secondary.Count - 1);
        var checks = Verify(document);
        var degrees = checks.Single(c => c.Name == "secondary degrees");
        Assert.False(degrees.Passed);
        Assert.Contains("Molien", degrees.Detail);
    }

    [Fact]
    public void DuplicatedSecondaryFailsIndependence()
    {
        // c3_diag3 has seven cubic secondaries; replacing one by a copy of another keeps the degree counts.
        var document = Document("c3_diag3");
        var secondary = document["secondary"]!.AsArray();
        secondary[2] = secondary[1]!.DeepClone();
        var checks = Verify(document);
        Assert.False(checks.Single(c => c.Name == "secondary invariants independent modulo the primaries").Passed);
        Assert.True(checks.Single(c => c.Name == "secondary degrees").Passed);
    }

    [Fact]
    public void DroppedFundamentalFailsGeneration()
    {
        var document = Document("tetrahedral_rot");
        var fundamental = document["fundamental"]!.AsArray();
        fundamental.RemoveAt(fundamental.Count - 1);
        Assert.False(Verify(document).Single(c => c.Name == "fundamental invariants generate").Passed);
    }

    [Fact]
    public void RedundantFundamentalFailsMinimality()
    {
        // Adding the square of the quadratic invariant as a fourth-degree generator makes it redundant.
        var document = Document("tetrahedral_rot");
        var fundamental = document["fundamental"]!.AsArray();
        string quadratic = (string)fundamental[0]!["polynomial"]!;
        fundamental.Add(new JsonObject { ["degree"] = 4, ["polynomial"] = $"({quadratic})^2" });
        var checks = Verify(document);
        Assert.False(checks.Single(c => c.Name == "fundamental invariants are minimal").Passed);
    }

    [Fact]
    public void ChangedMolienSeriesFails()
    {
        var document = Document("tetrahedral_rot");
        document["molien"]!["series"]![4] = 3;
        Assert.False(Verify(document).Single(c => c.Name == "Molien series").Passed);
    }

    [Fact]
    public void PrimeFieldDocumentChecksMolienSeriesAgainstLinearAlgebra()
    {
        var document = PrimeFieldDocument();
        var checks = Verify(document);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Contains(checks, c => c.Name == "Molien series");
        Assert.Contains(checks, c => c.Name == "Molien series against linear algebra");
    }

    [Fact]
    public void PrimeFieldDocumentWithDimensionsInsteadOfSeriesStillVerifies()
    {
        // A document over GF(p) may state the dimensions of the invariants instead of the Molien series. The
        // tetrahedral rotation group over GF(5) has the dimensions 1, 0, 1, 1, 2, 1, 4 in degrees 0..6 (Singular over Q,
        // expected.json, which holds for every p not dividing |G| = 12).
        var document = PrimeFieldDocument();
        document.Remove("molien");
        document["hilbert_function"] = new JsonArray(1, 0, 1, 1, 2, 1, 4);
        var checks = Verify(document);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Contains(checks, c => c.Name == "dimensions of the invariants");
        Assert.DoesNotContain(checks, c => c.Name == "Molien series");
    }

    [Fact]
    public void RegistryDispatchesTheRingKind()
    {
        var registry = CertificateVerifierRegistry.CreateDefault();
        Assert.Contains(RingDocuments.Kind, registry.Kinds);
        var report = registry.Verify(Document("c2_neg").ToJsonString());
        Assert.True(report.AllPassed);
    }

    private static JsonObject PrimeFieldDocument()
    {
        var definition = Representations.GroupFile.Read(ReferenceData.Get("tetrahedral_rot").Path) with { Field = Polynomials.Scalars.FieldSpec.Parse("GF(5)") };
        return (JsonObject)RingRunner.Run(definition).Document.DeepClone();
    }

    private static JsonObject Document(string name) => (JsonObject)RingRunner.Reference(name).Document.DeepClone();

    private static IReadOnlyList<CertificateCheck> Verify(JsonObject document) => new RingCertificateVerifier().Verify(document);
}
