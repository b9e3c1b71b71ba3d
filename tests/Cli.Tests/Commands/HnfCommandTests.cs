using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class HnfCommandTests
{
    [Fact]
    public void RegressionKeepsFullRank()
    {
        // [[1,12],[0,8],[0,5]] has rank 2 (the minor 1*8 - 12*0 = 8 is nonzero); its Hermite form is [[1,0],[0,1],[0,0]].
        var result = InvTheoryProcess.Run(null, "hnf", "[[1,12],[0,8],[0,5]]", "--json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("hnf", (string?)document["kind"]);
        Assert.Equal(2, (int?)document["rank"]);
        Assert.Equal("[[1,0],[0,1],[0,0]]", document["form"]!.ToJsonString());
        Assert.NotNull(document["U"]);
        Assert.NotNull(document["certificate"]);
    }

    [Fact]
    public void PrintsFormAndChecks()
    {
        var result = InvTheoryProcess.Run(null, "hnf", "[[1,12],[0,8],[0,5]]");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rank 2", result.StandardOutput);
        Assert.Contains("pass  H in Hermite form", result.StandardOutput);
    }
}
