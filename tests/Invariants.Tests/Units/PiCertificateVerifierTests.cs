using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Units;

namespace InvTheory.Invariants.Tests.Units;

public sealed class PiCertificateVerifierTests
{
    private static JsonObject PipeDocument() =>
        PiDocument.Create(BuckinghamPi.Analyze(BuckinghamPiTests.PipeFlow(repeating: ["rho", "v", "D"])));

    private static CertificateReport Verify(JsonObject document) =>
        CertificateVerifierRegistry.CreateDefault().Verify(document.ToJsonString());

    [Fact]
    public void UntouchedDocumentPasses()
    {
        var report = Verify(PipeDocument());
        Assert.Equal("pi", report.Kind);
        Assert.All(report.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Fact]
    public void ChangedExponentFailsDimensionless()
    {
        var document = PipeDocument();
        document["groups"]![0]!["v"] = -3;
        var report = Verify(document);
        var check = report.Checks.Single(c => c.Name == "groups dimensionless");
        Assert.False(check.Passed);
        Assert.Contains("group 1", check.Detail);
    }

    [Fact]
    public void DroppedGroupFailsCount()
    {
        var document = PipeDocument();
        document["groups"]!.AsArray().RemoveAt(1);
        var report = Verify(document);
        Assert.False(report.Checks.Single(c => c.Name == "group count = n - rank").Passed);
        Assert.False(report.AllPassed);
    }

    [Fact]
    public void SquaredGroupFailsLatticeIndex()
    {
        // Replacing L/D by (L/D)^2 keeps every group dimensionless and independent but leaves index 2.
        var document = PipeDocument();
        document["groups"]![1] = new JsonObject { ["L"] = 2, ["D"] = -2 };
        var report = Verify(document);
        Assert.True(report.Checks.Single(c => c.Name == "groups dimensionless").Passed);
        var index = report.Checks.Single(c => c.Name == "lattice index 1");
        Assert.False(index.Passed);
        Assert.Contains("2", index.Detail);
    }

    [Fact]
    public void ChangedUnitsFailUnitCheck()
    {
        var document = PipeDocument();
        document["variables"]![0]!["units"] = "Pa*s";
        Assert.False(Verify(document).Checks.Single(c => c.Name == "units match dimensions").Passed);
    }

    [Fact]
    public void UnknownVariableFailsGroupVariables()
    {
        var document = PipeDocument();
        document["groups"]![0]!["speed"] = 1;
        Assert.False(Verify(document).Checks.Single(c => c.Name == "group variables").Passed);
    }

    [Fact]
    public void WrongTargetScalingFails()
    {
        var document = PipeDocument();
        document["target_scaling"] = new JsonObject { ["rho"] = 1, ["v"] = 1 };
        Assert.False(Verify(document).Checks.Single(c => c.Name == "target scaling").Passed);
    }

    [Fact]
    public void MissingFieldIsFormatError()
    {
        var document = PipeDocument();
        document.Remove("groups");
        var error = Assert.Throws<CertificateFormatException>(() => Verify(document));
        Assert.Contains("'groups'", error.Message);
    }
}
