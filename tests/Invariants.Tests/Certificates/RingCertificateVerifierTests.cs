using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Representations;

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

        // The message names the degree that lost its secondary invariant.
        Assert.Contains("expected 1, found 0", degrees.Detail);
    }

    [Fact]
    public void NonInvariantFundamentalDoesNotPassGeneration()
    {
        // The degree-4 invariants of the rotation group of the tetrahedron are spanned by (x1^2+x2^2+x3^2)^2 and
        // x1^4+x2^4+x3^4. Replacing the quartic fundamental invariant by x1^4+x2^4+2*x3^4 keeps the rank of the degree-4
        // products at 2, but the products no longer span the invariants, so generation must not pass.
        var document = Document("tetrahedral_rot");
        var quartic = document["fundamental"]!.AsArray().Select(n => n!.AsObject()).Single(o => (int)o["degree"]! == 4);
        quartic["polynomial"] = "x1^4+x2^4+2*x3^4";
        var checks = Verify(document);
        Assert.False(checks.Single(c => c.Name == "invariance").Passed);
        var generate = checks.Single(c => c.Name == "fundamental invariants generate");
        Assert.False(generate.Passed);
        Assert.Contains("invariance", generate.Detail);
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

    private const string RelationsGenerate = "relations generate the relation ideal up to the weighted degree bound";

    public static TheoryData<string, int, int[]> RelationCounts => new()
    {
        // S3 permuting three coordinates: the invariants form the polynomial ring in the elementary symmetric
        // polynomials (fundamental theorem of symmetric polynomials), so there is no relation.
        { "sym3_perm", 0, [] },
        // -1 on R^2: the invariants x^2, xy, y^2 satisfy the single relation (xy)^2 = x^2 y^2, of weighted degree 4.
        { "c2_neg", 1, [4] },
        // Diagonal sign changes on R^3 (Klein four-group): x^2, y^2, z^2 and xyz with the single relation
        // (xyz)^2 = x^2 y^2 z^2, of weighted degree 6.
        { "klein4_so3", 1, [6] },
        // Z/3 acting by a primitive cube root of unity on C^3: the invariants are the 10 cubic monomials, the cubic
        // Veronese embedding of P^2, whose ideal is generated by dim Sym^2(C^10) - dim C[x]_6 = 55 - 28 = 27 quadrics
        // (weighted degree 6).
        { "c3_diag3", 27, [.. Enumerable.Repeat(6, 27)] },
    };

    [Theory]
    [MemberData(nameof(RelationCounts))]
    public void RelationsHaveTheTextbookCountAndDegrees(string name, int count, int[] weightedDegrees)
    {
        var document = RelationsDocument(name);
        var relations = document["relations"]!["polynomials"]!.AsArray();
        Assert.Equal(count, relations.Count);
        int[] weights = [.. document["fundamental"]!.AsArray().Select(f => (int)f!["degree"]!)];
        Assert.Equal(weightedDegrees, relations.Select(r => WeightedDegree((string)r!, weights)).ToArray());
        var checks = Verify(document);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        var generate = checks.Single(c => c.Name == RelationsGenerate);
        long bound = (long)document["relations"]!["weighted_degree_bound"]!;
        Assert.True(bound >= weightedDegrees.DefaultIfEmpty(0).Max());
        Assert.Contains($"checked up to weighted degree {bound}", generate.Detail);
    }

    [Fact]
    public void DroppedRelationFailsGeneration()
    {
        var document = RelationsDocument("c2_neg");
        document["relations"]!["polynomials"]!.AsArray().RemoveAt(0);
        var checks = Verify(document);
        Assert.True(checks.Single(c => c.Name == "relations vanish on the fundamental invariants").Passed);
        var generate = checks.Single(c => c.Name == RelationsGenerate);
        Assert.False(generate.Passed);
        // The fundamental invariants are x1^2, x1*x2, x2^2 (reduced echelon basis, leading monomials decreasing), so in
        // weighted degree 4 the only relation is y2^2 - y1*y3 up to a scalar; the message names it.
        Assert.Contains("weighted degree 4", generate.Detail);
        Assert.Contains("y2^2", generate.Detail);
        Assert.Contains("y1*y3", generate.Detail);
    }

    [Fact]
    public void DroppedQuadricOfTheVeroneseFailsGeneration()
    {
        var document = RelationsDocument("c3_diag3");
        document["relations"]!["polynomials"]!.AsArray().RemoveAt(5);
        var generate = Verify(document).Single(c => c.Name == RelationsGenerate);
        Assert.False(generate.Passed);
        Assert.Contains("weighted degree 6: K[y]/(relations) has dimension 29 but the invariants have dimension 28", generate.Detail);
    }

    [Fact]
    public void BoundBelowTheRelationsFails()
    {
        var document = RelationsDocument("klein4_so3");
        document["relations"]!["weighted_degree_bound"] = 5;
        var generate = Verify(document).Single(c => c.Name == RelationsGenerate);
        Assert.False(generate.Passed);
        Assert.Contains("below the largest weighted degree 6", generate.Detail);
    }

    private static int WeightedDegree(string polynomial, int[] weights)
    {
        // Each term is a product of powers y_i^e; the weighted degree is the largest sum of e * weights[i - 1].
        return polynomial.Replace("-", "+", StringComparison.Ordinal).Split('+', StringSplitOptions.RemoveEmptyEntries)
            .Max(term => term.Split('*')
                .Where(factor => factor.StartsWith('y'))
                .Sum(factor =>
                {
                    var parts = factor[1..].Split('^');
                    return weights[int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) - 1]
                        * (parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
                }));
    }

    private static JsonObject RelationsDocument(string name) =>
        (JsonObject)RingRunner.Run(GroupFile.Read(ReferenceData.Get(name).Path), new InvariantRingOptions { ComputeRelations = true }).Document.DeepClone();

    private static JsonObject PrimeFieldDocument()
    {
        var definition = Representations.GroupFile.Read(ReferenceData.Get("tetrahedral_rot").Path) with { Field = Polynomials.Scalars.FieldSpec.Parse("GF(5)") };
        return (JsonObject)RingRunner.Run(definition).Document.DeepClone();
    }

    private static JsonObject Document(string name) => (JsonObject)RingRunner.Reference(name).Document.DeepClone();

    private static IReadOnlyList<CertificateCheck> Verify(JsonObject document) => new RingCertificateVerifier().Verify(document);
}
