using System.Diagnostics;
using System.Globalization;

namespace InvTheory.Bench.Harness;

/// <summary>The output of a finished (or killed) child process.</summary>
public sealed record ProcessOutcome(int? ExitCode, string StandardOutput, string StandardError, long? PeakRssKb, bool TimedOut);

/// <summary>Runs a child process with a timeout and records its peak memory with GNU time when available.</summary>
public static class ProcessRunner
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>Runs <paramref name="fileName"/> with the arguments; standard input is empty.</summary>
    public static ProcessOutcome Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        string? rssFile = File.Exists(GnuTime) ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (rssFile is not null)
        {
            // GNU time writes the maximum resident set size of the child in KiB (%M) to the file.
            start.FileName = GnuTime;
            foreach (var a in new[] { "-f", "%M", "-o", rssFile, fileName })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            bool finished = process.WaitForExit(timeout);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            long? rss = null;
            if (rssFile is not null && finished)
            {
                var lines = File.ReadAllLines(rssFile);
                if (lines.Length > 0 && long.TryParse(lines[^1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long kb))
                {
                    rss = kb;
                }
            }

            return new ProcessOutcome(finished ? process.ExitCode : null, stdout.Result, stderr.Result, rss, !finished);
        }
        finally
        {
            if (rssFile is not null)
            {
                File.Delete(rssFile);
            }
        }
    }
}
