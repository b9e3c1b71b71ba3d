using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class MolienCommandTests
{
    [Fact]
    public void JsonForWeylGroupF4()
    {
        // W(F4) is a reflection group with degrees 2, 6, 8, 12 [Hum90, Table 3.1], so H(t) = 1/prod(1 - t^d).
        var result = InvTheoryProcess.Run(null, "molien", "W(F4)", "--json", "--degree", "12");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("invtheory-result", (string?)document["schema"]);
        Assert.Equal(1, (int?)document["version"]);
        Assert.Equal("molien", (string?)document["kind"]);
        Assert.Equal(1152, (int?)document["order"]);
        Assert.Equal("[1]", document["numerator"]!.ToJsonString());
        Assert.Equal("[2,6,8,12]", document["denominator_degrees"]!.ToJsonString());

        // Partitions of k into parts 2, 6, 8, 12 for k = 0..12.
        Assert.Equal("[1,0,1,0,1,0,2,0,3,0,3,0,5]", document["series"]!.ToJsonString());
        Assert.Equal(2 + 6 + 8 + 12 + 1, document["denominator"]!.AsArray().Count);
    }

    [Fact]
    public void TextForGroupFile()
    {
        // -I on the plane: H(t) = (1 + t^2)/(1 - t^2)^2, so the degree-k invariants number k + 1 for even k.
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "minus.json"),
            """{"name": "minus", "field": "Q", "dimension": 2, "generators": [[[-1, 0], [0, -1]]], "order": 2}""");
        var result = InvTheoryProcess.Run(directory, "molien", "minus.json", "--degree", "6");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Molien series: (1 + t^2)/(1 - t^2)^2", result.StandardOutput);
        Assert.Contains("invariants in degrees 0..6: 1, 0, 3, 0, 5, 0, 7", result.StandardOutput);
    }

    [Fact]
    public void TextForPrimeFieldGroup()
    {
        // [[0, -1], [1, -1]] has order 3 and is diagonalizable over GF(25) with the eigenvalues of order 3, like the
        // rotation by 120 degrees over Q: the invariants are those of diag(z, z^2), (1 + t^3)/((1 - t^2)(1 - t^3)),
        // with dimensions 1, 0, 1, 2, 1, 2, 3 in degrees 0..6.
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "c3.json"),
            """{"name": "c3", "field": "GF(5)", "dimension": 2, "generators": [[[0, -1], [1, -1]]], "order": 3}""");
        var result = InvTheoryProcess.Run(directory, "molien", "c3.json", "--degree", "6");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("field GF(5)", result.StandardOutput);
        Assert.Contains("Brauer lift", result.StandardOutput);
        Assert.Contains("invariants in degrees 0..6: 1, 0, 1, 2, 1, 2, 3", result.StandardOutput);
    }

    [Theory]
    [InlineData("infinite order", """{"name": "shear", "field": "Q", "dimension": 2, "generators": [[[1, 1], [0, 1]]]}""")]
    [InlineData("singular", """{"name": "zero", "field": "Q", "dimension": 1, "generators": [[[0]]]}""")]
    [InlineData("generator 1, row 2 has 1 entries", """{"name": "ragged", "field": "Q", "dimension": 2, "generators": [[[1, 0], [0]]]}""")]
    [InlineData("the modular case", """{"name": "sl", "field": "GF(3)", "dimension": 2, "generators": [[[1, 1], [0, 1]]]}""")]
    public void ErrorsAreOneLine(string expected, string json)
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "g.json"), json);
        var result = InvTheoryProcess.Run(directory, "molien", "g.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void ParticlesSyntax()
    {
        // Oh x S3 on three copies of R^3 has order 48 * 3! = 288. Degree 2: sum |x_i|^2 and sum over i < j of x_i.x_j.
        var result = InvTheoryProcess.Run(null, "molien", "particles(Oh, 3)", "--degree", "2");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("group: particles(Oh, 3), order 288, dimension 9", result.StandardOutput);
        Assert.Contains("invariants in degrees 0..2: 1, 0, 2", result.StandardOutput);
    }

    [Theory]
    [InlineData(1, "at least 1; got 0", "particles(Oh, 0)")]
    [InlineData(4, "--max-order", "particles(Oh, 13)")]
    [InlineData(4, "--max-order", "particles(Oh, 4)", "--max-order", "1000")]
    public void ParticlesErrors(int exitCode, string expected, params string[] arguments)
    {
        var result = InvTheoryProcess.Run(null, ["molien", .. arguments]);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void LimitExitsWithTheLimitCode()
    {
        var result = InvTheoryProcess.Run(null, "molien", "S6", "--max-order", "100");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--max-order", result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void UnknownGroupIsReported()
    {
        var result = InvTheoryProcess.Run(null, "molien", "NoSuchGroup");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not found", result.StandardError);
    }
}
