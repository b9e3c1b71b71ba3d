using System.Diagnostics;
using System.Globalization;

namespace InvTheory.Bench.Harness;

/// <summary>Settings from the command line.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Timed runs per case for InvTheory, or null for each case's default.</summary>
    public int? Runs { get; init; }

    /// <summary>Untimed warm-up runs per case.</summary>
    public int Warmup { get; init; } = 1;

    /// <summary>Timed runs per peer, or null for each peer case's default.</summary>
    public int? PeerRuns { get; init; }

    /// <summary>Time limit of one child process (InvTheory or peer).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether to skip the peers.</summary>
    public bool SkipPeers { get; init; }

    /// <summary>Case names to run; empty runs all.</summary>
    public IReadOnlyList<string> Cases { get; init; } = [];
}

/// <summary>Runs the cases of a suite: InvTheory in a child process of this program, the peers in their own processes.</summary>
public static class BenchmarkRunner
{
    /// <summary>Measures every selected case of the suite and its peers and returns one row per (case, peer).</summary>
    public static List<ResultRow> RunSuite(IBenchmarkSuite suite, BenchmarkOptions options, Action<string> log)
    {
        var rows = new List<ResultRow>();
        foreach (var benchmarkCase in suite.CreateCases())
        {
            if (options.Cases.Count > 0 && !options.Cases.Contains(benchmarkCase.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            log($"  {suite.Name}/{benchmarkCase.Name}: InvTheory ...");
            var ours = RunOurs(suite, benchmarkCase, options);
            if (benchmarkCase.Peers.Count == 0 || options.SkipPeers)
            {
                rows.Add(new ResultRow(suite.Name, benchmarkCase, ours, null));
                continue;
            }

            foreach (var peerCase in benchmarkCase.Peers)
            {
                log($"  {suite.Name}/{benchmarkCase.Name}: {peerCase.Peer} {peerCase.Method} ...");
                var peer = PeerCatalog.Find(peerCase.Peer);
                Measurement measured;
                if (peer is null)
                {
                    measured = Measurement.Failed(peerCase.Peer, peerCase.Method, "unknown peer");
                }
                else if (peerCase.Unsupported is not null)
                {
                    measured = Measurement.Failed(peerCase.Peer, peerCase.Method, "unsupported: " + peerCase.Unsupported);
                }
                else
                {
                    measured = peer.Run(peerCase, options.PeerRuns ?? peerCase.DefaultRuns, Math.Min(options.Warmup, peerCase.WarmupRuns), options.Timeout);
                }

                rows.Add(new ResultRow(suite.Name, benchmarkCase, ours, measured, peerCase));
            }
        }

        return rows;
    }

    /// <summary>
    /// Runs one case in this process and prints the protocol lines. The child process calls this, so that its peak
    /// memory belongs to this case alone.
    /// </summary>
    public static int RunChild(string suiteName, string caseName, int runs, int warmup, TextWriter output)
    {
        var suite = SuiteCatalog.Find(suiteName) ?? throw new ArgumentException($"Unknown suite '{suiteName}'.", nameof(suiteName));
        var benchmarkCase = suite.CreateCases().FirstOrDefault(c => c.Name == caseName)
            ?? throw new ArgumentException($"Suite '{suiteName}' has no case '{caseName}'.", nameof(caseName));

        string check = string.Empty;
        for (int run = 0; run < warmup + runs; run++)
        {
            var input = benchmarkCase.Setup();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var stopwatch = Stopwatch.StartNew();
            check = benchmarkCase.Run(input);
            stopwatch.Stop();
            if (run >= warmup)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"INVTHEORY_TIME {stopwatch.Elapsed.TotalMilliseconds:0.###} ms"));
            }
        }

        output.WriteLine($"INVTHEORY_CHECK {check}");
        return 0;
    }

    private static Measurement RunOurs(IBenchmarkSuite suite, BenchmarkCase benchmarkCase, BenchmarkOptions options)
    {
        int runs = options.Runs ?? benchmarkCase.DefaultRuns;
        string executable = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the benchmark program is unknown.");
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet")
        {
            // Started as "dotnet InvTheory.Bench.dll": run the child the same way.
            arguments.Add(typeof(BenchmarkRunner).Assembly.Location);
        }

        arguments.AddRange(["--child", suite.Name, benchmarkCase.Name,
            "--runs", runs.ToString(CultureInfo.InvariantCulture), "--warmup", options.Warmup.ToString(CultureInfo.InvariantCulture)]);
        var outcome = ProcessRunner.Run(executable, arguments, options.Timeout);
        const string method = "InvTheory";
        if (outcome.TimedOut)
        {
            return Measurement.Failed("InvTheory", method, $"timed out after {options.Timeout.TotalSeconds:0} s");
        }

        var (times, check) = Measurement.ParseOutput(outcome.StandardOutput);
        if (outcome.ExitCode != 0 || times.Count < runs)
        {
            var firstLines = string.Join(" | ", (outcome.StandardError + outcome.StandardOutput).Trim().Split('\n').Take(3));
            return Measurement.Failed("InvTheory", method, $"failed (exit code {outcome.ExitCode}): {firstLines}");
        }

        return new Measurement("InvTheory", method, times, outcome.PeakRssKb, check, null);
    }
}
