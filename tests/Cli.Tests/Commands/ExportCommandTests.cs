using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class ExportCommandTests
{
    private static string RingResult()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        var ring = InvTheoryProcess.Run(directory, "ring", "S3", "--out", "s3.json");
        Assert.True(ring.ExitCode == 0, ring.StandardError);
        return directory;
    }

    [Fact]
    public void WritesPythonModule()
    {
        string directory = RingResult();
        var result = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", "python", "--out", "s3.py");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("wrote s3.py (python, ring result for S3", result.StandardOutput);
        string module = File.ReadAllText(Path.Combine(directory, "s3.py"));
        Assert.Contains("def features(x):", module);
        Assert.Contains("def check_equivariance(fn", module);
    }

    [Fact]
    public void ExistingTargetNeedsForce()
    {
        string directory = RingResult();
        File.WriteAllText(Path.Combine(directory, "s3.tex"), "keep");
        var refused = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", "latex", "--out", "s3.tex");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists", refused.StandardError);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(directory, "s3.tex")));

        var forced = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", "latex", "--out", "s3.tex", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\\begin{align*}", File.ReadAllText(Path.Combine(directory, "s3.tex")));
    }

    [Theory]
    [InlineData("missing/s3.tex", "does not exist")]
    [InlineData("sub", "is a directory")]
    [InlineData("", "output path is empty")]
    public void UnwritableTargetIsNamedBeforeAnythingIsWritten(string target, string expected)
    {
        string directory = RingResult();
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        var result = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", "latex", "--out", target, "--force");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.StandardError);
        Assert.DoesNotContain(".tmp-", result.StandardError);
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "sub")));
    }

    [Fact]
    public void TamperedResultExitsThreeAndWritesNothing()
    {
        string directory = RingResult();
        string path = Path.Combine(directory, "s3.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        document["fundamental"]![0]!["polynomial"] = "x1^2+x2^2";
        File.WriteAllText(Path.Combine(directory, "bad.json"), document.ToJsonString());

        var result = InvTheoryProcess.Run(directory, "export", "bad.json", "--format", "onnx", "--out", "bad.onnx");
        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Contains("certificate check", result.StandardError);
        Assert.Equal(["bad.json", "s3.json"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("export")]
    public void WrongGroupOrderExitsThree(string command)
    {
        string directory = RingResult();
        string path = Path.Combine(directory, "s3.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(6, document["group"]!["order"]!.GetValue<int>());
        document["group"]!["order"] = 3;
        File.WriteAllText(Path.Combine(directory, "bad.json"), document.ToJsonString());

        var result = command == "verify"
            ? InvTheoryProcess.Run(directory, "verify", "bad.json")
            : InvTheoryProcess.Run(directory, "export", "bad.json", "--format", "python", "--out", "bad.py");
        string text = result.StandardOutput + result.StandardError;
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("states order 3", text);
        Assert.Contains("group of order 6", text);
        Assert.Contains("changed after it was written or is damaged", text);
        Assert.False(File.Exists(Path.Combine(directory, "bad.py")));
    }

    [Theory]
    [InlineData("json", "s3.out.json")]
    [InlineData("python", "s3.py")]
    [InlineData("latex", "s3.tex")]
    public void DashWritesExportToStandardOutput(string format, string file)
    {
        string directory = RingResult();
        var toFile = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", format, "--out", file);
        Assert.True(toFile.ExitCode == 0, toFile.StandardError);

        var toStandardOutput = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", format, "--out", "-");
        Assert.True(toStandardOutput.ExitCode == 0, toStandardOutput.StandardError);
        Assert.Equal(File.ReadAllText(Path.Combine(directory, file)), toStandardOutput.StandardOutput);
        Assert.False(File.Exists(Path.Combine(directory, "-")));
    }

    [Fact]
    public void DashRejectsOnnx()
    {
        string directory = RingResult();
        var result = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", "onnx", "--out", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("onnx is a binary format and needs a file", result.StandardError);
        Assert.Empty(result.StandardOutput);
        Assert.False(File.Exists(Path.Combine(directory, "-")));
    }

    [Fact]
    public void UnknownFormatListsFormats()
    {
        string directory = RingResult();
        var result = InvTheoryProcess.Run(directory, "export", "s3.json", "--format", "matlab", "--out", "s3.m");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unknown export format 'matlab'. Use one of: json, python, csharp, onnx, latex.", result.StandardError);
    }

    [Fact]
    public void MissingResultFileIsNamed()
    {
        var result = InvTheoryProcess.Run(null, "export", "none.json", "--format", "json", "--out", "out.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'none.json' was not found", result.StandardError);
    }

    [Fact]
    public void SetIsOnlyForRingResults()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        Assert.Equal(0, InvTheoryProcess.Run(directory, "equivariants", "S3", "--in", "V", "--out", "V", "--degree", "1", "--output", "e.json").ExitCode);
        var result = InvTheoryProcess.Run(directory, "export", "e.json", "--format", "python", "--out", "e.py", "--set", "primary");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--set selects sections of ring results", result.StandardError);
        Assert.False(File.Exists(Path.Combine(directory, "e.py")));
    }
}
