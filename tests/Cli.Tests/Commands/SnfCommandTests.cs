using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class SnfCommandTests
{
    [Fact]
    public void PrintsRegressionInvariantFactors()
    {
        // 1, 10, 30: the gcds of the 1 x 1, 2 x 2 and 3 x 3 minors are 1, 10 and 300 (worked out in the library tests).
        var result = InvTheoryProcess.Run(null, "snf", "[[12,6,4],[3,9,6],[2,16,14]]");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("invariant factors: 1, 10, 30", result.StandardOutput);
        Assert.Contains("all 9 checks passed", result.StandardOutput);
    }

    [Fact]
    public void JsonHasEnvelopeAndKeys()
    {
        var result = InvTheoryProcess.Run(null, "snf", "[[2,0,68],[0,4,36],[0,0,97]]", "--json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("invtheory-result", (string?)document["schema"]);
        Assert.Equal(1, (int?)document["version"]);
        Assert.Equal("snf", (string?)document["kind"]);

        // 1, 2, 388 is a divisibility chain; the gcds of minors are 1, 2 and 776 (library tests).
        Assert.Equal("[1,2,388]", document["diagonal"]!.ToJsonString());
        Assert.NotNull(document["form"]);
        Assert.NotNull(document["U"]);
        Assert.NotNull(document["V"]);
        Assert.NotNull(document["certificate"]);
    }

    [Fact]
    public void ReadsMatrixFromFile()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "a.txt"), "[[6, 0],\n [0, 4]]\n");
        var result = InvTheoryProcess.Run(directory, "snf", "a.txt");
        Assert.Equal(0, result.ExitCode);

        // diag(6, 4) is not a chain; gcd 2 and lcm 12 give the Smith form diag(2, 12).
        Assert.Contains("invariant factors: 2, 12", result.StandardOutput);
    }

    [Theory]
    [InlineData("[[1,2],[3]]", "ragged rows")]
    [InlineData("[[1,2.5]]", "'2.5'")]
    [InlineData("[[1,2],[3,x]]", "'x'")]
    [InlineData("no-such-file.txt", "neither matrix text")]
    public void RejectsInvalidMatrixInOneLine(string matrix, string expected)
    {
        var result = InvTheoryProcess.Run(null, "snf", matrix);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.StandardError);
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
    }

    [Fact]
    public void OutRefusesToOverwriteWithoutForce()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "r.json"), "keep");
        var refused = InvTheoryProcess.Run(directory, "snf", "[[1]]", "--out", "r.json");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.StandardError);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(directory, "r.json")));

        var forced = InvTheoryProcess.Run(directory, "snf", "[[1]]", "--out", "r.json", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\"kind\": \"snf\"", File.ReadAllText(Path.Combine(directory, "r.json")));
    }
}
