using InvTheory.Bench.Suites;

namespace InvTheory.Bench.Harness;

/// <summary>Every benchmark suite. Add a new suite with one line here.</summary>
public static class SuiteCatalog
{
    /// <summary>The suites, in the order <c>--list</c> prints them.</summary>
    public static IReadOnlyList<IBenchmarkSuite> All { get; } =
    [
        new LinearAlgebraSuite(),
        new LinearAlgebraCrossoverSuite(),
        new PolynomialSuite(),
        new GroebnerSuite(),
        new GroupsSuite(),
        new EquivariantsSuite(),
        new RingSuite(),
        new RuntimeSuite(),
    ];

    /// <summary>Returns the suite with the given name, or null.</summary>
    public static IBenchmarkSuite? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
