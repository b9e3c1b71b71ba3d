using System.CommandLine;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory hnf MATRIX</c>: row-style Hermite normal form with a unimodular transform and a checked certificate.</summary>
internal static class HnfCommand
{
    public static Command Create()
    {
        var matrix = new Argument<string>("MATRIX") { Description = "Integer matrix such as [[1,12],[0,8],[0,5]], or a file that contains one." };
        var json = new Option<bool>("--json") { Description = "Print the result document (JSON with form, U, certificate) instead of text." };
        var output = new Option<string?>("--out") { Description = "Also write the result document to this file." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var command = new Command(
            "hnf",
            "Compute the row-style Hermite normal form H = U*A of an integer matrix, with unimodular U "
            + "(positive pivots, entries above each pivot in [0, pivot), zero rows last).");
        command.Arguments.Add(matrix);
        command.Options.Add(json);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            var a = MatrixArgument.Read(parseResult.GetValue(matrix)!);
            var decomposition = HermiteNormalForm.Decompose(a);
            bool printJson = parseResult.GetValue(json);
            string? outputPath = parseResult.GetValue(output);
            var report = CertificatePrinter.VerifyAndEmit(NormalFormDocuments.Hermite(a, decomposition), printJson, outputPath, parseResult.GetValue(force));
            if (printJson)
            {
                return report.AllPassed ? ExitCodes.Success : ExitCodes.VerificationFailed;
            }

            Console.WriteLine($"Hermite normal form of a {a.RowCount} x {a.ColumnCount} matrix, rank {decomposition.Rank}");
            Console.WriteLine("H =");
            Console.WriteLine(MatrixArgument.Format(decomposition.H));
            Console.WriteLine("U =");
            Console.WriteLine(MatrixArgument.Format(decomposition.U));
            Console.WriteLine("certificate (H = U*A):");
            int code = CertificatePrinter.PrintChecks(report, Console.Out);
            if (outputPath is not null)
            {
                Console.WriteLine($"wrote {outputPath}");
            }

            return code;
        }));
        return command;
    }
}
