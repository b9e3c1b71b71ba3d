namespace InvTheory.Bench.Harness;

/// <summary>A named group of benchmark cases, selected on the command line by <see cref="Name"/>.</summary>
public interface IBenchmarkSuite
{
    /// <summary>Command-line name, such as <c>linalg</c>.</summary>
    string Name { get; }

    /// <summary>One line that describes what the suite measures.</summary>
    string Description { get; }

    /// <summary>Creates the cases; called once per process, so inputs may be generated here.</summary>
    IReadOnlyList<BenchmarkCase> CreateCases();
}
