using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;

namespace InvTheory.Cli.Commands;

/// <summary>Prints certificate checks and writes or prints result documents for the commands that produce them.</summary>
internal static class CertificatePrinter
{
    /// <summary>Prints each check as <c>pass</c> or <c>FAIL</c> with its detail, then a summary line; returns the exit code.</summary>
    public static int PrintChecks(CertificateReport report, TextWriter output)
    {
        foreach (var check in report.Checks)
        {
            output.WriteLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
        }

        var failed = report.Checks.Where(c => !c.Passed).Select(c => c.Name).ToList();
        if (failed.Count == 0 && report.Checks.Count > 0)
        {
            output.WriteLine($"all {report.Checks.Count} checks passed");
            return ExitCodes.Success;
        }

        output.WriteLine(report.Checks.Count == 0
            ? "no checks ran"
            : $"{failed.Count} of {report.Checks.Count} checks failed: {string.Join(", ", failed)}");
        return ExitCodes.VerificationFailed;
    }

    /// <summary>
    /// Verifies the document that a command is about to emit, then prints it (with <paramref name="json"/>) or writes it to
    /// <paramref name="outputPath"/>; returns the report for the readable output.
    /// </summary>
    public static CertificateReport VerifyAndEmit(JsonObject document, bool json, string? outputPath, bool force)
    {
        string text = CliRunner.ToJson(document);
        var report = CertificateVerifierRegistry.CreateDefault().Verify(text);
        if (outputPath is not null)
        {
            CliRunner.WriteFile(outputPath, text + Environment.NewLine, force);
        }

        if (json)
        {
            Console.WriteLine(text);
        }

        return report;
    }
}
