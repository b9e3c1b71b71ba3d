using System.CommandLine;
using InvTheory.Invariants.Units;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory pi TABLE</c>: Buckingham-Pi dimensionless groups of a units table, with a checked certificate.</summary>
internal static class PiCommand
{
    public static Command Create()
    {
        var table = new Argument<string>("TABLE") { Description = "Units table: a JSON or CSV file (format in docs/units.md)." };
        var target = new Option<string?>("--target") { Description = "Variable to predict; overrides the table's target. Its group comes first." };
        var repeating = new Option<string?>("--repeating") { Description = "Comma-separated repeating variables, such as rho,v,D; overrides the table's list." };
        var json = new Option<bool>("--json") { Description = "Print the result document (JSON with groups, target_scaling, rank, certificate) instead of text." };
        var output = new Option<string?>("--out") { Description = "Also write the result document to this file." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var command = new Command(
            "pi",
            "Compute a basis of the dimensionless groups (Buckingham Pi) of a units table: every dimensionless product of the "
            + "variables with integer exponents is a product of integer powers of the groups.");
        command.Arguments.Add(table);
        command.Options.Add(target);
        command.Options.Add(repeating);
        command.Options.Add(json);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            var units = UnitsTable.Load(parseResult.GetValue(table)!);
            var repeatingNames = parseResult.GetValue(repeating)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            units = units.With(parseResult.GetValue(target), repeatingNames);

            var analysis = BuckinghamPi.Analyze(units);
            bool printJson = parseResult.GetValue(json);
            string? outputPath = parseResult.GetValue(output);
            var report = CertificatePrinter.VerifyAndEmit(PiDocument.Create(analysis), printJson, outputPath, parseResult.GetValue(force));
            if (printJson)
            {
                return report.AllPassed ? ExitCodes.Success : ExitCodes.VerificationFailed;
            }

            PrintAnalysis(analysis);
            Console.WriteLine("certificate:");
            int code = CertificatePrinter.PrintChecks(report, Console.Out);
            if (outputPath is not null)
            {
                Console.WriteLine($"wrote {outputPath}");
            }

            return code;
        }));
        return command;
    }

    private static void PrintAnalysis(PiAnalysis analysis)
    {
        var variables = analysis.Table.Variables;
        int n = variables.Count;
        Console.WriteLine($"variables: {string.Join(", ", variables.Select(v => $"{v.Name} [{v.Dimension}]"))}");
        Console.WriteLine(
            $"dimension matrix: {analysis.DimensionMatrix.RowCount} x {n} over {(analysis.DimensionNames.Count == 0 ? "no dimensions" : string.Join(", ", analysis.DimensionNames))}, "
            + $"rank {analysis.Rank}, so {n} - {analysis.Rank} = {n - analysis.Rank} {(n - analysis.Rank == 1 ? "group" : "groups")}");
        if (analysis.UsesRepeatingForm)
        {
            Console.WriteLine($"repeating variables: {string.Join(", ", analysis.Table.Repeating!)}");
        }

        Console.WriteLine("groups:");
        for (int i = 0; i < analysis.Groups.Count; i++)
        {
            Console.WriteLine($"  pi{i + 1} = {analysis.Groups[i]}");
        }

        if (analysis.Groups.Count == 0)
        {
            Console.WriteLine("  (none)");
        }

        if (analysis.Table.Target is string target)
        {
            if (analysis.TargetScaling is not null)
            {
                var others = Enumerable.Range(2, Math.Max(analysis.Groups.Count - 1, 0)).Select(i => $"pi{i}");
                Console.WriteLine($"target scaling: {target} = {analysis.TargetScaling} * f({string.Join(", ", others)})");
            }
            else
            {
                Console.WriteLine($"target scaling: none. {analysis.TargetScalingNote}");
            }
        }

        foreach (var note in analysis.Notes)
        {
            Console.WriteLine($"note: {note}");
        }
    }
}
