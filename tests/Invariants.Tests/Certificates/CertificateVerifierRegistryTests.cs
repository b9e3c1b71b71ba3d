using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;

namespace InvTheory.Invariants.Tests.Certificates;

public sealed class CertificateVerifierRegistryTests
{
    private sealed class StubVerifier(string kind) : ICertificateVerifier
    {
        public string Kind => kind;

        public int MaxVersion => 1;

        public IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default) =>
            [new CertificateCheck("stub", true, "always passes")];
    }

    [Fact]
    public void DefaultRegistryKnowsBuiltInKinds() =>
        Assert.Equal(["equivariants", "hnf", "pi", "ring", "snf"], CertificateVerifierRegistry.CreateDefault().Kinds);

    [Fact]
    public void RegisterAddsNewKind()
    {
        var registry = CertificateVerifierRegistry.CreateDefault();
        registry.Register(new StubVerifier("example"));
        var report = registry.Verify("""{"schema": "invtheory-result", "version": 1, "kind": "example"}""");
        Assert.Equal("example", report.Kind);
        Assert.True(report.AllPassed);
    }

    [Fact]
    public void RegisterRejectsDuplicateKind() =>
        Assert.Throws<ArgumentException>(() => CertificateVerifierRegistry.CreateDefault().Register(new StubVerifier("pi")));

    [Theory]
    [InlineData("""{"schema": "invtheory-result", "version": 1, "kind": "example"}""", "kind 'example'")]
    [InlineData("""{"schema": "invtheory-result", "version": 7, "kind": "pi"}""", "version 7")]
    [InlineData("""{"schema": "invtheory-result", "kind": "pi"}""", "'version'")]
    [InlineData("""{"schema": "invtheory-result", "version": 1.5, "kind": "pi"}""", "must be an integer")]
    [InlineData("""{"version": 1, "kind": "pi"}""", "'schema'")]
    [InlineData("not json", "not valid JSON")]
    public void VerifyRejectsBadEnvelope(string json, string expected)
    {
        var error = Assert.Throws<CertificateFormatException>(() => CertificateVerifierRegistry.CreateDefault().Verify(json));
        Assert.Contains(expected, error.Message);
    }
}
