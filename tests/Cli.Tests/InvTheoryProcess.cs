using System.Diagnostics;

namespace InvTheory.Cli.Tests;

/// <summary>
/// Runs the built <c>invtheory.dll</c> (copied next to the test assembly) in a child process, so that tests capture
/// its standard output and error without redirecting the console of the test host, which other tests share.
/// </summary>
internal static class InvTheoryProcess
{
    /// <summary>The output of one run.</summary>
    internal sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <c>invtheory ARGS</c> in <paramref name="workingDirectory"/> (a new temporary directory when null).</summary>
    public static Result Run(string? workingDirectory, params string[] arguments)
    {
        string assemblyDirectory = Path.GetDirectoryName(typeof(InvTheoryProcess).Assembly.Location)!;
        string dll = Path.Combine(assemblyDirectory, "invtheory.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? CreateTemporaryDirectory(),
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the dotnet host for invtheory.dll.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"invtheory {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Creates and returns an empty temporary directory for a test's files.</summary>
    public static string CreateTemporaryDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "invtheory-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
