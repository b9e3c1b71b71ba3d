using System.Globalization;
using System.Text;

namespace InvTheory.Bench.Harness;

/// <summary>A computer algebra system that runs the peer side of benchmark cases.</summary>
public interface IPeer
{
    /// <summary>Name used in <see cref="PeerCase.Peer"/> and in the table.</summary>
    string Name { get; }

    /// <summary>Path of the executable, or null when the system is not installed.</summary>
    string? ExecutablePath { get; }

    /// <summary>Runs the case: <paramref name="warmupRuns"/> untimed and <paramref name="runs"/> timed repetitions in one process.</summary>
    Measurement Run(PeerCase peerCase, int runs, int warmupRuns, TimeSpan timeout);
}

/// <summary>The peer systems known to the harness.</summary>
public static class PeerCatalog
{
    /// <summary>Every peer.</summary>
    public static IReadOnlyList<IPeer> All { get; } = [new SingularPeer(), new GapPeer(), new PyTorchPeer(), new Macaulay2Peer()];

    /// <summary>Returns the peer with the given name, or null.</summary>
    public static IPeer? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the first existing path among the candidates, then searches PATH for the file name.</summary>
    internal static string? Locate(string fileName, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(directory, fileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Writes a script to a temporary file, runs it and parses the protocol lines.</summary>
    internal static Measurement RunScript(
        IPeer peer, PeerCase peerCase, string script, string extension, IReadOnlyList<string> argumentsBeforeScript, int runs, TimeSpan timeout)
    {
        var path = Path.Combine(Path.GetTempPath(), $"invtheory-bench-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, script);
        try
        {
            var outcome = ProcessRunner.Run(peer.ExecutablePath!, [.. argumentsBeforeScript, path], timeout);
            if (outcome.TimedOut)
            {
                return Measurement.Failed(peer.Name, peerCase.Method, $"timed out after {timeout.TotalSeconds:0} s");
            }

            var (times, check) = Measurement.ParseOutput(outcome.StandardOutput);
            if (times.Count < runs)
            {
                var detail = (outcome.StandardError + "\n" + outcome.StandardOutput).Trim();
                var firstLines = string.Join(" | ", detail.Split('\n').Take(3));
                return Measurement.Failed(peer.Name, peerCase.Method, $"failed (exit code {outcome.ExitCode}): {firstLines}");
            }

            return new Measurement(peer.Name, peerCase.Method, times, outcome.PeakRssKb, check, null);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// Singular, timed with <c>rtimer</c> at 1000 ticks per second around the computation only.
/// </summary>
/// <remarks>
/// The script runs the setup once, then the computation warm-up plus timed times, so the computation must assign to
/// variables declared in the setup (a declaration inside the loop would be redefined on each pass).
/// </remarks>
public sealed class SingularPeer : IPeer
{
    /// <inheritdoc />
    public string Name => "Singular";

    /// <inheritdoc />
    public string? ExecutablePath { get; } = PeerCatalog.Locate("Singular", "/usr/bin/Singular");

    /// <inheritdoc />
    public Measurement Run(PeerCase peerCase, int runs, int warmupRuns, TimeSpan timeout)
    {
        if (ExecutablePath is null)
        {
            return Measurement.Failed(Name, peerCase.Method, "not installed");
        }

        var script = new StringBuilder();
        script.AppendLine("system(\"--ticks-per-sec\", 1000);");
        script.AppendLine(peerCase.Setup);
        script.AppendLine("int invtheoryRun; int invtheoryTicks;");
        script.AppendLine(CultureInfo.InvariantCulture, $"for (invtheoryRun = 1; invtheoryRun <= {warmupRuns + runs}; invtheoryRun++)");
        script.AppendLine("{");
        script.AppendLine("  invtheoryTicks = rtimer;");
        script.AppendLine("  " + peerCase.Computation);
        script.AppendLine("  invtheoryTicks = rtimer - invtheoryTicks;");
        script.AppendLine(CultureInfo.InvariantCulture, $"  if (invtheoryRun > {warmupRuns}) {{ print(\"INVTHEORY_TIME \" + string(invtheoryTicks) + \" ms\"); }}");
        script.AppendLine("}");
        if (peerCase.Check is not null)
        {
            script.AppendLine($"print(\"INVTHEORY_CHECK \" + string({peerCase.Check}));");
        }

        script.AppendLine("quit;");
        return PeerCatalog.RunScript(this, peerCase, script.ToString(), ".sing", ["-q", "--no-rc"], runs, timeout);
    }
}

/// <summary>GAP, timed with <c>NanosecondsSinceEpoch</c> around the computation only.</summary>
/// <remarks>Setup and computation are GAP statements ending in <c>;</c>; the check is an expression that prints as the check text.</remarks>
public sealed class GapPeer : IPeer
{
    /// <inheritdoc />
    public string Name => "GAP";

    /// <inheritdoc />
    public string? ExecutablePath { get; } = PeerCatalog.Locate("gap", "/usr/bin/gap");

    /// <inheritdoc />
    public Measurement Run(PeerCase peerCase, int runs, int warmupRuns, TimeSpan timeout)
    {
        if (ExecutablePath is null)
        {
            return Measurement.Failed(Name, peerCase.Method, "not installed");
        }

        var script = new StringBuilder();
        script.AppendLine(peerCase.Setup);
        script.AppendLine(CultureInfo.InvariantCulture, $"for invtheoryRun in [1 .. {warmupRuns + runs}] do");
        script.AppendLine("  invtheoryStart := NanosecondsSinceEpoch();");
        script.AppendLine("  " + peerCase.Computation);
        script.AppendLine("  invtheoryMicroseconds := QuoInt(NanosecondsSinceEpoch() - invtheoryStart, 1000);");
        script.AppendLine(CultureInfo.InvariantCulture, $"  if invtheoryRun > {warmupRuns} then Print(\"INVTHEORY_TIME \", invtheoryMicroseconds, \" us\\n\"); fi;");
        script.AppendLine("od;");
        if (peerCase.Check is not null)
        {
            script.AppendLine($"Print(\"INVTHEORY_CHECK \", {peerCase.Check}, \"\\n\");");
        }

        script.AppendLine("QUIT;");
        return PeerCatalog.RunScript(this, peerCase, script.ToString(), ".g", ["-q", "-b"], runs, timeout);
    }
}

/// <summary>
/// PyTorch on the CPU, run by Debian's <c>/usr/bin/python3</c> (package python3-torch), timed with
/// <c>time.perf_counter()</c> around the computation only.
/// </summary>
/// <remarks>
/// Setup and computation are Python statements; the computation runs inside a loop body, so the harness indents it.
/// The first line of the output names the torch version and its intra-op thread count (<c>INVTHEORY_INFO</c>).
/// </remarks>
public sealed class PyTorchPeer : IPeer
{
    /// <inheritdoc />
    public string Name => "PyTorch";

    /// <inheritdoc />
    public string? ExecutablePath { get; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : null;

    /// <inheritdoc />
    public Measurement Run(PeerCase peerCase, int runs, int warmupRuns, TimeSpan timeout)
    {
        if (ExecutablePath is null)
        {
            return Measurement.Failed(Name, peerCase.Method, "not installed");
        }

        var script = new StringBuilder();
        script.AppendLine("import time");
        script.AppendLine("import torch");
        script.AppendLine(peerCase.Setup);
        script.AppendLine("print('INVTHEORY_INFO torch ' + torch.__version__ + ', threads ' + str(torch.get_num_threads()))");
        script.AppendLine(CultureInfo.InvariantCulture, $"for invtheory_run in range({warmupRuns + runs}):");
        script.AppendLine("    invtheory_start = time.perf_counter()");
        foreach (var line in peerCase.Computation.Split('\n'))
        {
            script.AppendLine("    " + line);
        }

        script.AppendLine("    invtheory_elapsed = time.perf_counter() - invtheory_start");
        script.AppendLine(CultureInfo.InvariantCulture, $"    if invtheory_run >= {warmupRuns}:");
        script.AppendLine("        print('INVTHEORY_TIME %.1f us' % (invtheory_elapsed * 1e6))");
        if (peerCase.Check is not null)
        {
            script.AppendLine($"print('INVTHEORY_CHECK ' + str({peerCase.Check}))");
        }

        return PeerCatalog.RunScript(this, peerCase, script.ToString(), ".py", ["-I"], runs, timeout);
    }
}

/// <summary>Macaulay2, timed with <c>elapsedTiming</c> around the computation only.</summary>
/// <remarks>
/// The script runs the setup once, then the computation warm-up plus timed times. The computation is a sequence of
/// Macaulay2 statements separated by <c>;</c> (it runs inside parentheses, so it must not define functions with
/// <c>:=</c> at top level); the check is an expression whose value is a string.
/// </remarks>
public sealed class Macaulay2Peer : IPeer
{
    /// <inheritdoc />
    public string Name => "Macaulay2";

    /// <inheritdoc />
    public string? ExecutablePath { get; } = PeerCatalog.Locate("M2", "/usr/bin/M2");

    /// <inheritdoc />
    public Measurement Run(PeerCase peerCase, int runs, int warmupRuns, TimeSpan timeout)
    {
        if (ExecutablePath is null)
        {
            return Measurement.Failed(Name, peerCase.Method, "not installed");
        }

        var script = new StringBuilder();
        script.AppendLine(peerCase.Setup);
        script.AppendLine(CultureInfo.InvariantCulture, $"for invtheoryRun from 1 to {warmupRuns + runs} do (");
        script.AppendLine("    invtheorySeconds = (elapsedTiming (");
        script.AppendLine("        " + peerCase.Computation);
        script.AppendLine("        ))#0;");
        script.AppendLine(CultureInfo.InvariantCulture, $"    if invtheoryRun > {warmupRuns} then print(\"INVTHEORY_TIME \" | toString(1000 * invtheorySeconds) | \" ms\");");
        script.AppendLine("    );");
        if (peerCase.Check is not null)
        {
            script.AppendLine($"print(\"INVTHEORY_CHECK \" | ({peerCase.Check}));");
        }

        script.AppendLine("exit 0;");
        return PeerCatalog.RunScript(this, peerCase, script.ToString(), ".m2", ["--script"], runs, timeout);
    }
}
