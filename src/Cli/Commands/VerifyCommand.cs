using System.CommandLine;
using InvTheory.Invariants.Certificates;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory verify FILE</c>: re-checks the certificate of a result file from the file alone.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A result file written with --out or --json by an InvTheory command." };
        var command = new Command(
            "verify",
            "Check the certificate in a result file (kinds: " + string.Join(", ", CertificateVerifierRegistry.CreateDefault().Kinds)
            + "). Exits 0 when every check passes and 3 when one fails.");
        command.Arguments.Add(file);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            string path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Result file '{path}' was not found. Check the path.");
            }

            CertificateReport report;
            try
            {
                report = CertificateVerifierRegistry.CreateDefault().Verify(File.ReadAllText(path));
            }
            catch (CertificateFormatException ex)
            {
                // The library does not know the path; the user needs it when several files are checked in a loop.
                throw new CertificateFormatException($"{path}: {ex.Message}", ex);
            }

            Console.WriteLine($"{path}: kind {report.Kind}, version {report.Version}");
            int code = CertificatePrinter.PrintChecks(report, Console.Out);
            if (code == ExitCodes.VerificationFailed && report.Checks.Count > 0)
            {
                Console.WriteLine("The file was changed after it was written or is damaged. Regenerate it with the command that wrote it.");
            }

            return code;
        }));
        return command;
    }
}
