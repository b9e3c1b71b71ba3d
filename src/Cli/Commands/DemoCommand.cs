using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using InvTheory.Runtime.Experiments;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory demo pendulum</c>: learns the springy double pendulum with invariant and plain models and compares rollout errors.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Run a worked example end to end.");
        demo.Subcommands.Add(CreatePendulum());
        return demo;
    }

    private static Command CreatePendulum()
    {
        var defaults = new PendulumSettings();
        var trajectories = new Option<int>("--trajectories") { Description = $"Trajectories per split (training, validation, test), one chunk each. Default {defaults.Trajectories}.", DefaultValueFactory = _ => defaults.Trajectories };
        var epochs = new Option<int>("--epochs") { Description = $"Training epochs. Default {defaults.Epochs}.", DefaultValueFactory = _ => defaults.Epochs };
        var seeds = new Option<int>("--seeds") { Description = $"Repetitions with seeds F .. F+S-1 (data and initial weights). Default {defaults.Seeds}.", DefaultValueFactory = _ => defaults.Seeds };
        var firstSeed = new Option<int>("--first-seed") { Description = "The first seed F, so that separate runs can cover disjoint seeds. Default 0.", DefaultValueFactory = _ => 0 };
        var hidden = new Option<string?>("--hidden") { Description = "Comma-separated hidden layer widths of every network. Default 100,100,100,100." };
        var substeps = new Option<int>("--substeps") { Description = $"RK4 steps per 0.2 time units when training through the integrator. Default {defaults.Substeps}.", DefaultValueFactory = _ => defaults.Substeps };
        var batchSize = new Option<int>("--batch-size") { Description = $"Chunks per Adam step. Default {defaults.BatchSize}, one step per epoch with the default 500 chunks.", DefaultValueFactory = _ => defaults.BatchSize };
        var models = new Option<string?>("--models") { Description = "Comma-separated models to train: hnn, node, mlp. Default all three." };
        var noStandardize = new Option<bool>("--no-standardize") { Description = "Feed the raw features or states to the networks instead of standardizing them with training-set statistics." };
        var json = new Option<bool>("--json") { Description = "Print the result document (JSON) instead of text." };
        var output = new Option<string?>("--out") { Description = "Also write the result document to this file." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var quiet = new Option<bool>("--quiet") { Description = "Do not print training progress on standard error." };
        var command = new Command(
            "pendulum",
            "Learn the springy double pendulum (two unit masses on springs in 3-D under gravity) from 5-state trajectory chunks "
            + "with a Hamiltonian network on O(3)-invariant features, a neural ODE with an O(3)-equivariant field and a plain MLP "
            + "neural ODE, then report the geometric-mean relative error of 30-time-unit rollouts from the test starts. "
            + "The defaults are the published setting and take hours on two cores; --trajectories 20 --epochs 5 --seeds 1 --hidden 16,16 takes a few seconds, --trajectories 100 --epochs 50 --seeds 1 under a minute.");
        foreach (var option in new Option[] { trajectories, epochs, seeds, firstSeed, hidden, substeps, batchSize, models, noStandardize, json, output, force, quiet })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            var hiddenText = parseResult.GetValue(hidden);
            var settings = new PendulumSettings(
                Trajectories: parseResult.GetValue(trajectories),
                Epochs: parseResult.GetValue(epochs),
                Seeds: parseResult.GetValue(seeds),
                Hidden: hiddenText is null ? null : ParseWidths(hiddenText),
                Substeps: parseResult.GetValue(substeps),
                BatchSize: parseResult.GetValue(batchSize),
                FirstSeed: parseResult.GetValue(firstSeed),
                Models: parseResult.GetValue(models) is string modelText ? ParseModels(modelText) : null,
                Standardize: !parseResult.GetValue(noStandardize));
            bool printJson = parseResult.GetValue(json);

            // Training takes hours in the published setting, so a path that cannot be written is rejected before it starts.
            if (parseResult.GetValue(output) is string requestedOutput)
            {
                CliRunner.CheckOutputPath(requestedOutput, parseResult.GetValue(force));
            }

            IProgress<PendulumProgress>? progress = parseResult.GetValue(quiet) ? null : new ProgressPrinter(settings.Epochs);
            var result = PendulumExperiment.Run(settings, progress);
            var document = ToDocument(result);
            string? outputPath = parseResult.GetValue(output);
            if (outputPath is not null)
            {
                CliRunner.WriteFile(outputPath, CliRunner.ToJson(document) + Environment.NewLine, parseResult.GetValue(force));
            }

            if (printJson)
            {
                Console.WriteLine(CliRunner.ToJson(document));
            }
            else
            {
                PrintText(result);
                if (outputPath is not null)
                {
                    Console.WriteLine($"wrote {outputPath}");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static readonly (string Key, PendulumModelKind Kind, string Label)[] ModelNames =
    [
        ("hnn", PendulumModelKind.Hamiltonian, "Hamiltonian network on O(3) invariants"),
        ("node", PendulumModelKind.EquivariantOde, "neural ODE, O(3)-equivariant field    "),
        ("mlp", PendulumModelKind.Mlp, "neural ODE, plain MLP                 "),
    ];

    private static PendulumModelKind[] ParseModels(string text)
    {
        var kinds = new List<PendulumModelKind>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = ModelNames.FirstOrDefault(m => string.Equals(m.Key, part, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                throw new ArgumentException($"--models: '{part}' is not a model. Pass a comma-separated list of hnn, node and mlp.");
            }

            kinds.Add(match.Kind);
        }

        if (kinds.Count == 0)
        {
            throw new ArgumentException("--models: the list is empty. Pass a comma-separated list of hnn, node and mlp.");
        }

        return [.. kinds.Distinct()];
    }

    private static int[] ParseWidths(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
            {
                throw new ArgumentException($"--hidden: '{parts[i]}' is not a positive integer width. Pass widths such as 100,100,100,100.");
            }
        }

        return widths;
    }

    internal static JsonObject ToDocument(PendulumResult result)
    {
        JsonObject Score(PendulumModelKind kind)
        {
            var score = result.Scores[kind];
            return new JsonObject
            {
                ["mean"] = score.Mean,
                ["std"] = score.StandardDeviation,
                ["per_seed"] = new JsonArray([.. score.Errors.Select(e => (JsonNode?)e)]),
                ["train_seconds"] = new JsonArray([.. score.TrainSeconds.Select(e => (JsonNode?)Math.Round(e, 3))]),
                ["validation_mse"] = new JsonArray([.. score.ValidationLoss.Select(e => (JsonNode?)e)]),
                ["error_by_step"] = new JsonArray([.. score.ErrorByStep.Select(Curve)]),
                ["error_by_step_mean"] = Curve(score.MeanErrorByStep),
            };
        }

        static JsonNode? Curve(IReadOnlyList<double> values) => new JsonArray([.. values.Select(e => (JsonNode?)e)]);

        var s = result.Settings;
        var document = new JsonObject
        {
            ["schema"] = "invtheory-result",
            ["version"] = 1,
            ["kind"] = "demo-pendulum",
            ["settings"] = new JsonObject
            {
                ["trajectories"] = s.Trajectories,
                ["epochs"] = s.Epochs,
                ["seeds"] = s.Seeds,
                ["first_seed"] = s.FirstSeed,
                ["batch_size"] = s.BatchSize,
                ["hidden"] = new JsonArray([.. s.HiddenLayers.Select(w => (JsonNode?)w)]),
                ["substeps"] = s.Substeps,
                ["chunk_length"] = s.ChunkLength,
                ["sample_interval"] = s.SampleInterval,
                ["time_points"] = s.TimePoints,
                ["data_rtol"] = s.DataTolerance,
                ["rollout_rtol"] = s.RolloutTolerance,
                ["models"] = new JsonArray([.. ModelNames.Where(m => s.ModelKinds.Contains(m.Kind)).Select(m => (JsonNode?)m.Key)]),
                ["standardize"] = s.Standardize,
            },
            ["times"] = new JsonArray([.. Enumerable.Range(0, s.TimePoints).Select(k => (JsonNode?)Math.Round(k * s.SampleInterval, 12))]),
        };
        foreach (var (key, kind, _) in ModelNames)
        {
            if (result.Scores.ContainsKey(kind))
            {
                document[key + "_error"] = Score(kind);
            }
        }

        document["train_seconds"] = Math.Round(result.TotalTrainSeconds, 3);
        return document;
    }

    private static void PrintText(PendulumResult result)
    {
        var s = result.Settings;
        Console.WriteLine(
            $"springy double pendulum: {s.Trajectories} chunks per split, {s.Epochs} epochs, {s.Seeds} {(s.Seeds == 1 ? "seed" : "seeds")}, "
            + $"hidden {string.Join('x', s.HiddenLayers)}, rollouts over {s.TimePoints} times {s.SampleInterval} apart");
        // A sample standard deviation needs at least two seeds; with one seed the error is printed alone.
        Console.WriteLine(s.Seeds == 1
            ? "rollout error (geometric mean of |z_pred - z| / (|z_pred| + |z|)), one seed:"
            : "rollout error (geometric mean of |z_pred - z| / (|z_pred| + |z|)), mean +- std over seeds:");
        foreach (var (_, kind, label) in ModelNames)
        {
            if (!result.Scores.TryGetValue(kind, out var score))
            {
                continue;
            }

            Console.WriteLine(
                s.Seeds == 1
                    ? FormattableString.Invariant($"  {label}  {score.Mean:0.00000}  (training {score.TrainSeconds.Sum():0.0} s)")
                    : FormattableString.Invariant($"  {label}  {score.Mean:0.00000} +- {score.StandardDeviation:0.00000}  (training {score.TrainSeconds.Sum():0.0} s)"));
        }

        Console.WriteLine(FormattableString.Invariant($"total training time: {result.TotalTrainSeconds:0.0} s"));
    }

    private sealed class ProgressPrinter(int epochs) : IProgress<PendulumProgress>
    {
        private readonly int _every = Math.Max(1, epochs / 20);

        public void Report(PendulumProgress value)
        {
            if (value.Epoch % _every == 0 || value.Epoch == value.Epochs)
            {
                Console.Error.WriteLine(FormattableString.Invariant($"{value.Model} seed {value.Seed} epoch {value.Epoch}/{value.Epochs} loss {value.Loss:E3}"));
            }
        }
    }
}
