using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void PendulumJsonHasErrorCurves()
    {
        var result = InvTheoryProcess.Run(
            null, "demo", "pendulum", "--trajectories", "8", "--epochs", "1", "--seeds", "2", "--hidden", "8", "--json", "--quiet");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!;
        var times = document["times"]!.AsArray();
        Assert.Equal(150, times.Count);
        Assert.Equal(29.8, times[^1]!.GetValue<double>(), 12);
        foreach (var name in new[] { "hnn_error", "node_error", "mlp_error" })
        {
            var score = document[name]!;
            var perSeed = score["error_by_step"]!.AsArray();
            Assert.Equal(2, perSeed.Count);
            var mean = score["error_by_step_mean"]!.AsArray();
            Assert.Equal(150, mean.Count);
            for (int k = 0; k < 150; k++)
            {
                // The mean curve is the arithmetic mean of the two seeds' curves, like the mean of the overall errors.
                double expected = (perSeed[0]![k]!.GetValue<double>() + perSeed[1]![k]!.GetValue<double>()) / 2;
                Assert.Equal(expected, mean[k]!.GetValue<double>(), 15);
            }

            // Each seed's overall error is the geometric mean of its curve.
            for (int seed = 0; seed < 2; seed++)
            {
                double logMean = perSeed[seed]!.AsArray().Average(v => Math.Log(v!.GetValue<double>()));
                double error = score["per_seed"]![seed]!.GetValue<double>();
                Assert.True(Math.Abs(Math.Exp(logMean) - error) < 1e-9 * error, $"{name} seed {seed}");
            }
        }
    }

    [Fact]
    public void PendulumRunsSelectedModels()
    {
        var result = InvTheoryProcess.Run(
            null, "demo", "pendulum", "--trajectories", "8", "--epochs", "1", "--seeds", "1", "--hidden", "8", "--models", "hnn,mlp", "--no-standardize", "--json", "--quiet");
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!;
        Assert.NotNull(document["hnn_error"]);
        Assert.Null(document["node_error"]);
        Assert.NotNull(document["mlp_error"]);
        Assert.False(document["settings"]!["standardize"]!.GetValue<bool>());
        Assert.Equal("[\"hnn\",\"mlp\"]", document["settings"]!["models"]!.ToJsonString());
    }

    [Fact]
    public void PendulumRejectsUnknownModel()
    {
        var result = InvTheoryProcess.Run(null, "demo", "pendulum", "--models", "hnn,lnn", "--quiet");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--models: 'lnn' is not a model", result.StandardError + result.StandardOutput);
    }
    [Fact]
    public void ExistingOutputRejectedBeforeTraining()
    {
        string directory = Directory.CreateTempSubdirectory("invtheory-demo-").FullName;
        File.WriteAllText(Path.Combine(directory, "keep.json"), "keep");
        // The default settings train for hours, so the rejection must come before training.
        var result = InvTheoryProcess.Run(directory, "demo", "pendulum", "--out", "keep.json", "--quiet");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", result.StandardError);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(directory, "keep.json")));
    }
}
