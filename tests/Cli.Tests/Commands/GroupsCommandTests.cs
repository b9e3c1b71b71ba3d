using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class GroupsCommandTests
{
    [Fact]
    public void ListsCatalogueEntries()
    {
        var result = InvTheoryProcess.Run(null, "groups");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("W(F4)", result.StandardOutput);
        Assert.Contains("families", result.StandardOutput);
    }

    [Fact]
    public void JsonHasOneObjectPerEntry()
    {
        var result = InvTheoryProcess.Run(null, "groups", "--json");
        Assert.Equal(0, result.ExitCode);
        var groups = JsonNode.Parse(result.StandardOutput)!["groups"]!.AsArray();
        var f4 = groups.Single(g => (string?)g!["name"] == "W(F4)")!;
        Assert.Equal(1152, (int?)f4["order"]);
        Assert.Equal(4, (int?)f4["dimension"]);
        Assert.Equal("Q", (string?)f4["field"]);
    }
}
