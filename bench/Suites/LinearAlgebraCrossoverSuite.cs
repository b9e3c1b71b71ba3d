using System.Globalization;
using InvTheory.Bench.Harness;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Bench.Suites;

/// <summary>
/// Direct against modular elimination over Q at small sizes, to place the thresholds of <see cref="RationalMatrixAlgorithms.PrefersModular"/>.
/// </summary>
public sealed class LinearAlgebraCrossoverSuite : IBenchmarkSuite
{
    private const int Repetitions = 50;

    /// <inheritdoc />
    public string Name => "linalg-crossover";

    /// <inheritdoc />
    public string Description => $"direct vs modular RREF, determinant and characteristic polynomial over Q on random n x n matrices (dense: entries in [-9, 9]; sparse: 0, 1, -1), time of {Repetitions} calls";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var cases = new List<BenchmarkCase>();
        foreach (int n in new[] { 2, 3, 4, 6, 8, 12, 16, 24, 32 })
        {
            AddCases(cases, n, "dense", BenchmarkMatrices.RandomEntries(n, n, 9, seed: (ulong)(1000 + n)));

            // Sparse 0/1/-1 matrices, like the matrices of permutation and signed permutation groups: about 4 in 5 entries are 0.
            var sparse = BenchmarkMatrices.RandomEntries(n, n, 4, seed: (ulong)(2000 + n)).Select(e => e is 1 or -1 ? e : 0L).ToArray();
            AddCases(cases, n, "sparse", sparse);
        }

        return cases;
    }

    private static void AddCases(List<BenchmarkCase> cases, int n, string kind, long[] entries)
    {
        foreach (var algorithm in new[] { LinearAlgebraAlgorithm.Direct, LinearAlgebraAlgorithm.Modular })
        {
            string label = kind + "-" + algorithm.ToString().ToLowerInvariant();
            cases.Add(BenchmarkCase.Create(
                $"rref-{label}-{n}",
                $"{Repetitions} x RREF of a {kind} {n}x{n} matrix, {algorithm}",
                () => Matrix.FromRowMajor(RationalField.Instance, n, n, entries.Select(e => (Rational)e).ToArray()),
                a => Repeat(() => RationalMatrixAlgorithms.ReducedRowEchelon(a, algorithm).Rank)));
            cases.Add(BenchmarkCase.Create(
                $"det-{label}-{n}",
                $"{Repetitions} x determinant of a {kind} {n}x{n} matrix, {algorithm}",
                () => Matrix.FromRowMajor(RationalField.Instance, n, n, entries.Select(e => (Rational)e).ToArray()),
                a => Repeat(() => RationalMatrixAlgorithms.Determinant(a, algorithm).Sign)));
            cases.Add(BenchmarkCase.Create(
                $"charpoly-{label}-{n}",
                $"{Repetitions} x characteristic polynomial of a {kind} {n}x{n} matrix, {algorithm}",
                () => Matrix.FromRowMajor(RationalField.Instance, n, n, entries.Select(e => (Rational)e).ToArray()),
                a => Repeat(() => RationalMatrixAlgorithms.CharacteristicPolynomial(a, algorithm)[0].Sign)));
        }
    }

    private static string Repeat(Func<int> computation)
    {
        int result = 0;
        for (int k = 0; k < Repetitions; k++)
        {
            result = computation();
        }

        return result.ToString(CultureInfo.InvariantCulture);
    }
}
