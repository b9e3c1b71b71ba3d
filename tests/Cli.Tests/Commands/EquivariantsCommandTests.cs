using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class EquivariantsCommandTests
{
    [Fact]
    public void JsonHasEnvelopeBasisCountsAndCertificate()
    {
        var result = InvTheoryProcess.Run(null, "equivariants", "S4", "--in", "V*V", "--out", "V", "--degree", "1", "--json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("invtheory-result", (string?)document["schema"]);
        Assert.Equal(1, (int?)document["version"]);
        Assert.Equal("equivariants", (string?)document["kind"]);
        Assert.Equal("V*V", (string?)document["in"]);
        Assert.Equal("V", (string?)document["out"]);
        Assert.Equal(16, document["variables"]!.AsArray().Count);

        // Linear S_n-equivariant maps V (x) V -> V: Bell number B(3) = 5 [MBSL19, Thm. 1].
        Assert.Equal(5, (int?)document["count_by_degree"]!["1"]);
        Assert.Equal(5, document["basis"]!.AsArray().Count);
        Assert.All(document["basis"]!.AsArray(), e => Assert.Equal(4, e!["components"]!.AsArray().Count));
        Assert.NotNull(document["certificate"]!["weighted_molien_series"]);
    }

    [Fact]
    public void OutFileNameSuggestsOutput()
    {
        var result = InvTheoryProcess.Run(null, "equivariants", "O(3)", "--in", "2*T1", "--out", "o3.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--output FILE", result.StandardError);
    }

    [Fact]
    public void NonFaithfulInputGivesEmptyBasis()
    {
        // -I acts trivially on Sym2(V) and by -1 on V, so every Oh-equivariant map Sym2(V) -> V is zero.
        var result = InvTheoryProcess.Run(null, "equivariants", "Oh", "--in", "Sym2(V)", "--out", "V", "--degree", "0..3");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("degree 3: 0 equivariants", result.StandardOutput);
        Assert.Contains("all 5 checks passed", result.StandardOutput);
    }

    [Fact]
    public void NonFaithfulInputCountsFixedSpace()
    {
        // The fixed space of -I in V + 1 is the trivial summand, so Sym2(V) -> V + 1 has as many equivariants in each
        // degree as Sym2(V) -> 1 has invariants.
        var mixed = InvTheoryProcess.Run(null, "equivariants", "Oh", "--in", "Sym2(V)", "--out", "V+1", "--degree", "0..3");
        var scalar = InvTheoryProcess.Run(null, "equivariants", "Oh", "--in", "Sym2(V)", "--out", "1", "--degree", "0..3");
        Assert.Equal(0, mixed.ExitCode);
        Assert.Equal(0, scalar.ExitCode);
        for (int degree = 0; degree <= 3; degree++)
        {
            string line = scalar.StandardOutput.Split('\n').Single(l => l.StartsWith($"degree {degree}:", StringComparison.Ordinal));
            Assert.Contains(line, mixed.StandardOutput);
        }

        Assert.Contains("degree 2: 3 equivariants", mixed.StandardOutput);
        Assert.Contains("all 5 checks passed", mixed.StandardOutput);
    }

    [Fact]
    public void TextOutputListsTheBasisAndPassesTheCertificate()
    {
        var result = InvTheoryProcess.Run(null, "equivariants", "Oh", "--degree", "1..3");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("degree 1: 1 equivariant", result.StandardOutput);
        Assert.Contains("(x1, x2, x3)", result.StandardOutput);
        Assert.Contains("all 5 checks passed", result.StandardOutput);
    }

    [Fact]
    public void ClassicalGroupWithSeveralInputs()
    {
        // SO(3) maps of two vectors to a vector in degree 2: the cross product only.
        var result = InvTheoryProcess.Run(null, "equivariants", "SO(3)", "--in", "T1", "--in", "T1", "--out", "T1", "--degree", "2", "--json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal(1, (int?)document["count_by_degree"]!["2"]);
        Assert.Equal("classical", (string?)document["group"]!["type"]);
    }

    [Fact]
    public void VerifyAcceptsTheFileAndRejectsATamperedOne()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        var written = InvTheoryProcess.Run(directory, "equivariants", "Oh", "--degree", "3", "--output", "oh.json");
        Assert.Equal(0, written.ExitCode);
        var verified = InvTheoryProcess.Run(directory, "verify", "oh.json");
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("kind equivariants", verified.StandardOutput);

        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "oh.json")))!.AsObject();
        document["basis"]![0]!["components"]![1] = "x1^3";
        File.WriteAllText(Path.Combine(directory, "tampered.json"), document.ToJsonString());
        var rejected = InvTheoryProcess.Run(directory, "verify", "tampered.json");
        Assert.Equal(3, rejected.ExitCode);
        Assert.Contains("FAIL  equivariance", rejected.StandardOutput);
    }

    [Fact]
    public void ExistingOutputFileNeedsForce()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        Assert.Equal(0, InvTheoryProcess.Run(directory, "equivariants", "S3", "--degree", "1", "--output", "s3.json").ExitCode);
        var again = InvTheoryProcess.Run(directory, "equivariants", "S3", "--degree", "1", "--output", "s3.json");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--force", again.StandardError);
        Assert.Equal(0, InvTheoryProcess.Run(directory, "equivariants", "S3", "--degree", "1", "--output", "s3.json", "--force").ExitCode);
    }

    [Theory]
    [InlineData("--in", "W", "neither a named type")]
    [InlineData("--degree", "3..1", "increasing")]
    public void InvalidInputGivesOneLineError(string option, string value, string message)
    {
        var result = InvTheoryProcess.Run(null, "equivariants", "Oh", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.StandardError);
        Assert.Contains(message, result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public void GroupWithTranslationsIsRejectedWithoutParameterName()
    {
        var result = InvTheoryProcess.Run(null, "equivariants", "E(3)", "--in", "T1", "--degree", "1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("use O(3) with centred inputs", result.StandardError);
        Assert.DoesNotContain("(Parameter", result.StandardError);
    }

    [Fact]
    public void ClassicalDefaultIsTheFundamentalGeneratingSet()
    {
        // O(3) with two vectors: the three inner products generate the invariants [Wey39].
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        var result = InvTheoryProcess.Run(directory, "equivariants", "O(3)", "--in", "2*T1", "--json", "--output", "fft.json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("fft", (string?)document["mode"]);
        Assert.Equal(3, document["invariants"]!.AsArray().Count);
        Assert.Equal(0, InvTheoryProcess.Run(directory, "verify", "fft.json").ExitCode);
    }
}
