using System.Globalization;
using InvTheory.Bench.Harness;

namespace InvTheory.Bench;

/// <summary>
/// Command line of the benchmark harness: <c>dotnet run -c Release --project bench -- SUITE... [options]</c>.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench -- SUITE... [options]
               dotnet run -c Release --project bench -- --list

        Runs each case of the named suites in InvTheory (in a child process: warm-up, then timed runs, median)
        and the same computation in the peer systems (Singular, GAP), and prints one table per suite.

        options:
          --runs N          timed runs of InvTheory per case (default: the case's own, usually 5)
          --warmup N        untimed warm-up runs per case (default 1)
          --peer-runs N     timed runs per peer (default: the peer case's own, usually 3)
          --timeout SEC     time limit of one child process in seconds (default 600)
          --case NAME       run only this case (repeatable)
          --no-peers        measure InvTheory only
          --markdown        print the tables as Markdown
          --list            list the suites and their cases
        """;

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 2;
        }
    }

    private static int Run(string[] args)
    {
        if (args.Length >= 3 && args[0] == "--child")
        {
            var childOptions = ParseOptions(args[3..], out _, out _, out _);
            return BenchmarkRunner.RunChild(args[1], args[2], childOptions.Runs ?? 1, childOptions.Warmup, Console.Out);
        }

        var options = ParseOptions(args, out var suiteNames, out bool markdown, out bool list);
        if (list)
        {
            foreach (var suite in SuiteCatalog.All)
            {
                Console.WriteLine($"{suite.Name}: {suite.Description}");
                foreach (var benchmarkCase in suite.CreateCases())
                {
                    Console.WriteLine($"  {benchmarkCase.Name}: {benchmarkCase.Description}");
                }
            }

            return 0;
        }

        if (suiteNames.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var suites = suiteNames.Select(name => SuiteCatalog.Find(name)
            ?? throw new ArgumentException($"unknown suite '{name}'; the suites are: {string.Join(", ", SuiteCatalog.All.Select(s => s.Name))}.")).ToList();

        Console.WriteLine("InvTheory benchmarks: " + string.Join(" ", args));
        foreach (var line in MachineInfo.Describe())
        {
            Console.WriteLine(line);
        }

        foreach (var suite in suites)
        {
            Console.WriteLine();
            Console.WriteLine($"suite {suite.Name}: {suite.Description}");
            var rows = BenchmarkRunner.RunSuite(suite, options, message => Console.Error.WriteLine(message));
            foreach (var benchmarkCase in rows.Select(r => r.Case).Distinct())
            {
                Console.WriteLine($"  {benchmarkCase.Name}: {benchmarkCase.Description}");
            }

            Console.WriteLine();
            Console.Write(ResultTable.Format(rows, markdown));
        }

        return 0;
    }

    private static BenchmarkOptions ParseOptions(string[] args, out List<string> suites, out bool markdown, out bool list)
    {
        suites = [];
        markdown = false;
        list = false;
        var options = new BenchmarkOptions();
        var cases = new List<string>();
        for (int k = 0; k < args.Length; k++)
        {
            string argument = args[k];
            switch (argument)
            {
                case "--runs":
                    options = options with { Runs = PositiveInteger(args, ref k, minimum: 1) };
                    break;
                case "--warmup":
                    options = options with { Warmup = PositiveInteger(args, ref k, minimum: 0) };
                    break;
                case "--peer-runs":
                    options = options with { PeerRuns = PositiveInteger(args, ref k, minimum: 1) };
                    break;
                case "--timeout":
                    options = options with { Timeout = TimeSpan.FromSeconds(PositiveInteger(args, ref k, minimum: 1)) };
                    break;
                case "--case":
                    cases.Add(Value(args, ref k));
                    break;
                case "--no-peers":
                    options = options with { SkipPeers = true };
                    break;
                case "--markdown":
                    markdown = true;
                    break;
                case "--list":
                    list = true;
                    break;
                default:
                    if (argument.StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"unknown option '{argument}'.\n{Usage}");
                    }

                    suites.Add(argument);
                    break;
            }
        }

        return options with { Cases = cases };
    }

    private static string Value(string[] args, ref int k)
    {
        if (k + 1 >= args.Length)
        {
            throw new ArgumentException($"option {args[k]} needs a value.");
        }

        return args[++k];
    }

    private static int PositiveInteger(string[] args, ref int k, int minimum)
    {
        string option = args[k];
        string text = Value(args, ref k);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum)
        {
            throw new ArgumentException($"option {option} needs an integer of at least {minimum}, got '{text}'.");
        }

        return value;
    }
}
