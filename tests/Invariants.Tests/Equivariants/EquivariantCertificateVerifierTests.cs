using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Tests.Equivariants;

public sealed class EquivariantCertificateVerifierTests
{
    private static JsonObject FiniteDocument()
    {
        var group = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get("Oh"), RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
        return EquivariantDocument.Create(space, [0, 1, 2, 3]);
    }

    private static JsonObject ClassicalDocument()
    {
        var space = new ClassicalEquivariantSpace(ClassicalGroup.Parse("SO(3)"), RepresentationText.ParseSummands("2*T1"), RepresentationText.Parse("T1"));
        return ClassicalEquivariantDocument.Create(space, [1, 2]);
    }

    private static CertificateReport Verify(JsonObject document) =>
        CertificateVerifierRegistry.CreateDefault().Verify(document.ToJsonString());

    [Fact]
    public void UntouchedDocumentsPass()
    {
        Assert.True(Verify(FiniteDocument()).AllPassed);
        Assert.True(Verify(ClassicalDocument()).AllPassed);
    }

    [Fact]
    public void ChangedCoefficientFailsEquivariance()
    {
        var document = FiniteDocument();
        // (x1^3, x2^3, x3^3) -> (2*x1^3, x2^3, x3^3) is no longer equivariant under the 4-fold rotation.
        var element = document["basis"]!.AsArray().First(e => (string?)e!["components"]![0] == "x1^3")!;
        element["components"]![0] = "2*x1^3";
        var report = Verify(document);
        Assert.Contains(report.Checks, c => c.Name == "equivariance" && !c.Passed);
    }

    [Fact]
    public void ChangedCountFailsStoredCountsAndMolien()
    {
        var document = FiniteDocument();
        document["count_by_degree"]!["3"] = 3;
        var report = Verify(document);
        Assert.Contains(report.Checks, c => c.Name == "stored counts" && !c.Passed);
        Assert.Contains(report.Checks, c => c.Name == "counts equal the weighted Molien series" && !c.Passed);
    }

    [Fact]
    public void RemovedElementFailsTheMolienCount()
    {
        // Dropping an element and lowering the stored count keeps the document consistent; only the Molien series catches it.
        var document = FiniteDocument();
        var basis = document["basis"]!.AsArray();
        basis.RemoveAt(basis.Count - 1);
        document["count_by_degree"]!["3"] = 1;
        var report = Verify(document);
        Assert.Contains(report.Checks, c => c.Name == "counts equal the weighted Molien series" && !c.Passed);
        Assert.Contains(report.Checks, c => c.Name == "stored counts" && c.Passed);
    }

    [Fact]
    public void DuplicatedElementFailsIndependence()
    {
        var document = ClassicalDocument();
        var basis = document["basis"]!.AsArray();
        basis.Add(basis[^1]!.DeepClone());
        document["count_by_degree"]!["2"] = 2;
        var report = Verify(document);
        Assert.Contains(report.Checks, c => c.Name == "linear independence" && !c.Passed);
        Assert.Contains(report.Checks, c => c.Name == "counts equal the kernel dimension" && !c.Passed);
    }

    [Fact]
    public void ReflectedClassicalGroupFailsEquivariance()
    {
        // The cross product is SO(3)-equivariant but changes sign under the reflection of O(3).
        var document = ClassicalDocument();
        document["group"]!["name"] = "O(3)";
        var report = Verify(document);
        Assert.Contains(report.Checks, c => c.Name == "equivariance" && !c.Passed);
    }
}
