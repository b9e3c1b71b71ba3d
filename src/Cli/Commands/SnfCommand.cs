using System.CommandLine;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory snf MATRIX</c>: Smith normal form with unimodular transforms and a checked certificate.</summary>
internal static class SnfCommand
{
    public static Command Create()
    {
        var matrix = new Argument<string>("MATRIX") { Description = "Integer matrix such as [[12,6,4],[3,9,6],[2,16,14]], or a file that contains one." };
        var json = new Option<bool>("--json") { Description = "Print the result document (JSON with diagonal, form, U, V, certificate) instead of text." };
        var output = new Option<string?>("--out") { Description = "Also write the result document to this file." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var command = new Command("snf", "Compute the Smith normal form D = U*A*V of an integer matrix, with unimodular U and V.");
        command.Arguments.Add(matrix);
        command.Options.Add(json);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            var a = MatrixArgument.Read(parseResult.GetValue(matrix)!);
            var decomposition = SmithNormalForm.Decompose(a);
            bool printJson = parseResult.GetValue(json);
            string? outputPath = parseResult.GetValue(output);
            var report = CertificatePrinter.VerifyAndEmit(NormalFormDocuments.Smith(a, decomposition), printJson, outputPath, parseResult.GetValue(force));
            if (printJson)
            {
                return report.AllPassed ? ExitCodes.Success : ExitCodes.VerificationFailed;
            }

            var factors = SmithNormalForm.InvariantFactors(decomposition.D);
            Console.WriteLine($"Smith normal form of a {a.RowCount} x {a.ColumnCount} matrix, rank {factors.Count}");
            Console.WriteLine($"invariant factors: {(factors.Count == 0 ? "(none)" : string.Join(", ", factors))}");
            Console.WriteLine("D =");
            Console.WriteLine(MatrixArgument.Format(decomposition.D));
            Console.WriteLine("U =");
            Console.WriteLine(MatrixArgument.Format(decomposition.U));
            Console.WriteLine("V =");
            Console.WriteLine(MatrixArgument.Format(decomposition.V));
            Console.WriteLine("certificate (U*A*V = D):");
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
