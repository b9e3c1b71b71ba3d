using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class PiCommandTests
{
    private const string PipeFlow = """
        {
          "variables": [
            {"name": "dp", "units": "Pa"},
            {"name": "L", "units": "m"},
            {"name": "D", "units": "m"},
            {"name": "rho", "units": "kg/m^3"},
            {"name": "mu", "units": "Pa*s"},
            {"name": "v", "units": "m/s"}
          ]
        }
        """;

    private static string WriteTable(string content, string fileName = "pipe.json")
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, fileName), content);
        return directory;
    }

    [Fact]
    public void JsonHasEnvelopeGroupsAndCertificate()
    {
        string directory = WriteTable(PipeFlow);
        var result = InvTheoryProcess.Run(directory, "pi", "pipe.json", "--target", "dp", "--json");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("invtheory-result", (string?)document["schema"]);
        Assert.Equal(1, (int?)document["version"]);
        Assert.Equal("pi", (string?)document["kind"]);

        // Six variables over M, L, T with a rank-3 dimension matrix: 6 - 3 = 3 groups.
        Assert.Equal(3, (int?)document["rank"]);
        Assert.Equal(3, document["groups"]!.AsArray().Count);
        Assert.Equal(1, (int?)document["groups"]![0]!["dp"]);
        Assert.NotNull(document["target_scaling"]);
        Assert.Equal(1, (int?)document["certificate"]!["lattice_index"]);
    }

    [Fact]
    public void PrintsRepeatingGroupsReadably()
    {
        string directory = WriteTable(PipeFlow);
        var result = InvTheoryProcess.Run(directory, "pi", "pipe.json", "--target", "dp", "--repeating", "rho,v,D");
        Assert.Equal(0, result.ExitCode);

        // Textbook groups for repeating rho, v, D: Euler number, length ratio, inverse Reynolds number.
        Assert.Contains("pi1 = dp/(rho*v^2)", result.StandardOutput);
        Assert.Contains("pi2 = L/D", result.StandardOutput);
        Assert.Contains("pi3 = mu/(D*rho*v)", result.StandardOutput);
        Assert.Contains("target scaling: dp = rho*v^2 * f(pi2, pi3)", result.StandardOutput);
    }

    [Fact]
    public void ReadsCsvTable()
    {
        string directory = WriteTable("name,units\nperiod,s\nlength,m\ng,m/s^2\n", "pendulum.csv");
        var result = InvTheoryProcess.Run(directory, "pi", "pendulum.csv");
        Assert.Equal(0, result.ExitCode);

        // period^2 g / length: T^2 * L T^-2 / L = 1.
        Assert.Contains("pi1 = period^2*g/length", result.StandardOutput);
    }

    [Fact]
    public void VerifyAcceptsWrittenResult()
    {
        string directory = WriteTable(PipeFlow);
        Assert.Equal(0, InvTheoryProcess.Run(directory, "pi", "pipe.json", "--target", "dp", "--out", "pi.json").ExitCode);
        var result = InvTheoryProcess.Run(directory, "verify", "pi.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kind pi, version 1", result.StandardOutput);
    }

    [Fact]
    public void VerifyRejectsChangedExponent()
    {
        var result = TamperAndVerify(document => document["groups"]![1]!["L"] = 2);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAIL  groups dimensionless", result.StandardOutput);
        Assert.Contains("group 2", result.StandardOutput);
    }

    [Fact]
    public void VerifyRejectsDroppedGroup()
    {
        var result = TamperAndVerify(document =>
        {
            document["groups"]!.AsArray().RemoveAt(2);
            document["group_text"]!.AsArray().RemoveAt(2);
        });
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAIL  group count = n - rank", result.StandardOutput);
    }

    [Theory]
    [InlineData("""{"variables": [{"name": "mu", "units": "kg*m^-1*sx^-1"}]}""", "Variable 'mu'")]
    [InlineData("""{"variables": [{"name": "mu", "units": "kg*m^-1*sx^-1"}]}""", "position 9")]
    [InlineData("""{"variables": [{"name": "mu", "units": "kg*m^-1*sx^-1"}]}""", "unknown unit 'sx'")]
    [InlineData("""{"variables": [{"name": "a", "units": "m"}, {"name": "a", "units": "s"}]}""", "duplicate variable name 'a'")]
    [InlineData("""{"variables": [{"name": "a", "units": "m"}""", "malformed")]
    public void RejectsInvalidTableInOneLine(string table, string expected)
    {
        string directory = WriteTable(table);
        var result = InvTheoryProcess.Run(directory, "pi", "pipe.json");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.StandardError);
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
    }

    [Fact]
    public void RejectsUnknownTarget()
    {
        string directory = WriteTable(PipeFlow);
        var result = InvTheoryProcess.Run(directory, "pi", "pipe.json", "--target", "speed");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("target 'speed' is not a variable", result.StandardError);
    }

    [Fact]
    public void RejectsMissingTable()
    {
        var result = InvTheoryProcess.Run(null, "pi", "missing.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'missing.json' was not found", result.StandardError);
    }

    private static InvTheoryProcess.Result TamperAndVerify(Action<JsonObject> tamper)
    {
        string directory = WriteTable(PipeFlow);
        Assert.Equal(0, InvTheoryProcess.Run(directory, "pi", "pipe.json", "--target", "dp", "--out", "pi.json").ExitCode);
        string path = Path.Combine(directory, "pi.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        tamper(document);
        File.WriteAllText(path, document.ToJsonString());
        return InvTheoryProcess.Run(directory, "verify", "pi.json");
    }
}
