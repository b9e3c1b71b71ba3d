using System.CommandLine;
using InvTheory.Invariants.Export;

namespace InvTheory.Cli.Commands;

/// <summary>
/// <c>invtheory export RESULT --format F --out PATH</c>: re-checks a result file's certificate and writes it as JSON,
/// a Python module, a C# class, an ONNX model or LaTeX.
/// </summary>
internal static class ExportCommand
{
    // The --out value that selects standard output.
    private const string StandardOutputPath = "-";

    public static Command Create()
    {
        var result = new Argument<string>("RESULT") { Description = "A result file of kind ring, equivariants or pi, written with --out or --output." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", ExportFormats.Names) + ".",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "The file to write, or - for standard output (text formats only).",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var sections = new Option<string?>("--set")
        {
            Description = "Ring results, code formats: comma-separated sections to evaluate, in order, from primary, secondary, "
                + "irreducible_secondary, fundamental. Default fundamental.",
        };
        var ns = new Option<string?>("--namespace") { Description = "Format csharp: the namespace of the generated class. Default InvTheory.Generated." };
        var className = new Option<string?>("--class-name") { Description = "Format csharp: the name of the generated class. Default ExportedFeatures." };
        var dtype = new Option<string?>("--dtype") { Description = "Format onnx: the tensor element type, float32 (default) or float64." };
        var command = new Command(
            "export",
            "Re-check the certificate of a result file and export it: json (canonical result), python (numpy module with Jacobian, "
            + "PyTorch module and equivariance check), csharp (static evaluator class), onnx (feature map) or latex (align*). "
            + "Exits 3 when a certificate check fails.");
        command.Arguments.Add(result);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(sections);
        command.Options.Add(ns);
        command.Options.Add(className);
        command.Options.Add(dtype);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            string path = parseResult.GetValue(result)!;
            string target = parseResult.GetValue(output)!;
            bool overwrite = parseResult.GetValue(force);
            var chosen = ExportFormats.Parse(parseResult.GetValue(format)!);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Result file '{path}' was not found. Check the path.");
            }

            bool toStandardOutput = target == StandardOutputPath;
            if (toStandardOutput && chosen == ExportFormat.Onnx)
            {
                throw new ArgumentException("--out - writes to standard output, but onnx is a binary format and needs a file. Pass a file path such as --out model.onnx.");
            }

            if (!toStandardOutput)
            {
                CliRunner.CheckOutputPath(target, overwrite);
            }

            var options = new ExportOptions
            {
                RingSections = parseResult.GetValue(sections) is { } list
                    ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : new ExportOptions().RingSections,
                Namespace = parseResult.GetValue(ns) ?? new ExportOptions().Namespace,
                ClassName = parseResult.GetValue(className) ?? new ExportOptions().ClassName,
                OnnxElementType = parseResult.GetValue(dtype) switch
                {
                    null or "float32" or "float" => OnnxElementType.Float32,
                    "float64" or "double" => OnnxElementType.Float64,
                    var other => throw new FormatException($"--dtype '{other}' is not a tensor type. Use float32 or float64."),
                },
            };

            ExportedResult verified;
            try
            {
                verified = ExportReader.Read(File.ReadAllText(path));
            }
            catch (ExportException ex) when (ex.CertificateFailed)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.VerificationFailed;
            }

            if (parseResult.GetValue(sections) is not null && verified.Kind != "ring")
            {
                throw new ArgumentException($"--set selects sections of ring results, but '{path}' contains a {verified.Kind} result. Leave out --set.");
            }

            byte[] bytes = ResultExporter.Export(verified, chosen, options);
            if (toStandardOutput)
            {
                // Standard output carries the export alone, so it can be piped or redirected.
                using var stream = Console.OpenStandardOutput();
                stream.Write(bytes);
                stream.Flush();
                return ExitCodes.Success;
            }

            WriteAtomically(target, bytes, overwrite);
            Console.WriteLine($"wrote {target} ({ExportFormats.Name(chosen)}, {verified.Kind} result for {verified.GroupName}, {verified.PassedChecks} certificate checks passed)");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Writes the bytes to a temporary file in the target's directory and moves it into place, so a failure leaves no partial file.</summary>
    private static void WriteAtomically(string path, byte[] bytes, bool overwrite)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
