using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class VerifyCommandTests
{
    [Fact]
    public void AcceptsUntouchedSmithResult()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        Assert.Equal(0, InvTheoryProcess.Run(directory, "snf", "[[12,6,4],[3,9,6],[2,16,14]]", "--out", "snf.json").ExitCode);
        var result = InvTheoryProcess.Run(directory, "verify", "snf.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kind snf, version 1", result.StandardOutput);
        Assert.DoesNotContain("FAIL", result.StandardOutput);
    }

    [Fact]
    public void RejectsNegatedSmithFactor()
    {
        // Negating the last diagonal entry (30 -> -30) and the matching row of U keeps U*A*V = D but breaks the form.
        var result = VerifyTampered("snf", "[[12,6,4],[3,9,6],[2,16,14]]", document =>
        {
            document["form"]![2]![2] = -30;
            document["diagonal"]![2] = -30;
            var row = document["U"]![2]!.AsArray();
            for (int j = 0; j < row.Count; j++)
            {
                row[j] = -(long)row[j]!;
            }
        });
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAIL  D in Smith form", result.StandardOutput);
    }

    [Fact]
    public void RejectsChangedTransformEntry()
    {
        var result = VerifyTampered("hnf", "[[1,12],[0,8],[0,5]]", document => document["U"]![0]![0] = 7);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAIL  H = U*A", result.StandardOutput);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON at line 1, column 3")]
    [InlineData("{\"kind\":\"ring\",\n", "bad.json: The result file is not valid JSON at line 2")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"schema\":\"other\",\"version\":1,\"kind\":\"snf\"}", "schema 'other'")]
    [InlineData("{\"schema\":\"invtheory-result\",\"version\":1,\"kind\":\"teapot\"}", "kind 'teapot'")]
    [InlineData("{\"schema\":\"invtheory-result\",\"version\":2,\"kind\":\"snf\"}", "version 2")]
    [InlineData("{\"schema\":\"invtheory-result\",\"version\":1,\"kind\":\"snf\"}", "lacks the field 'shape'")]
    [InlineData("{\"schema\":\"invtheory-result\",\"version\":\"one\",\"kind\":\"snf\"}", "must be an integer")]
    public void RejectsMalformedFileClearly(string content, string expected)
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "bad.json"), content);
        var result = InvTheoryProcess.Run(directory, "verify", "bad.json");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.StandardError);
        Assert.Contains(expected, result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
    }

    [Fact]
    public void ReportsMissingFile()
    {
        var result = InvTheoryProcess.Run(null, "verify", "missing.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'missing.json' was not found", result.StandardError);
    }

    internal static InvTheoryProcess.Result VerifyTampered(string command, string input, Action<JsonObject> tamper)
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        Assert.Equal(0, InvTheoryProcess.Run(directory, command, input, "--out", "r.json").ExitCode);
        string path = Path.Combine(directory, "r.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        tamper(document);
        File.WriteAllText(path, document.ToJsonString());
        return InvTheoryProcess.Run(directory, "verify", "r.json");
    }
}
