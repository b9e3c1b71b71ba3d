using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Invariants.Export;
using InvTheory.Invariants.Units;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;
using InvTheory.Runtime.Evaluation;

namespace InvTheory.Invariants.Tests.Export;

/// <summary>
/// Real result files for the export tests, computed once per run by the library (not pasted output), and an
/// independent evaluator for them: the runtime's <see cref="CompiledBasis"/> built from the exact polynomials.
/// </summary>
internal static class ExportSamples
{
    /// <summary>
    /// The names of the samples every format is tested on: the rings of Oh and of the reflection group W(A3) in its root
    /// basis (not orthogonal), Oh equivariants V -&gt; V in degree 3, O(3) generators for 2 vectors, O(1,3) equivariants
    /// in degree 3, and the pipe-flow Buckingham-Pi groups.
    /// </summary>
    public static readonly string[] Names = ["ring-Oh", "ring-WA3", "equivariants-Oh", "fft-O3", "degree-Lorentz", "pi-pipe"];

    private static readonly ConcurrentDictionary<string, Lazy<string>> Cache = new();

    /// <summary>Returns the result file text of sample <paramref name="name"/>.</summary>
    public static string Json(string name) => Cache.GetOrAdd(name, n => new Lazy<string>(() => Compute(n))).Value;

    /// <summary>Returns the verified, parsed sample.</summary>
    public static ExportedResult Read(string name) => ExportReader.Read(Json(name));

    /// <summary>The repository root (the directory with InvTheory.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InvTheory.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("InvTheory.sln was not found above the test directory.");
        }
    }

    /// <summary>
    /// Returns the runtime evaluator of the main function of <paramref name="result"/> (features or basis, and the
    /// ring sections of <paramref name="ringSections"/>), built from the exact polynomial texts of the document.
    /// </summary>
    public static CompiledBasis Reference(ExportedResult result, IReadOnlyList<string>? ringSections = null, string? section = null)
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, result.Variables, MonomialOrder.GradedReverseLex);
        var texts = new List<IReadOnlyList<string>>();
        var document = result.Document;
        switch (result.Kind)
        {
            case "ring":
                foreach (string name in ringSections ?? ["fundamental"])
                {
                    texts.AddRange(document[name]!.AsArray().Select(e => (IReadOnlyList<string>)[e!["polynomial"]!.GetValue<string>()]));
                }

                break;
            case "pi":
                throw new NotSupportedException($"Pi groups have negative exponents, which CompiledBasis does not take; use {nameof(PiValues)}.");
            default:
                texts.AddRange(document[section ?? "basis"]!.AsArray().Select(e => (IReadOnlyList<string>)[.. e!["components"]!.AsArray().Select(c => c!.GetValue<string>())]));
                break;
        }

        var polynomials = texts.Select(t => (IReadOnlyList<Polynomial<Rational>>)[.. t.Select(ring.Parse)]).ToList();
        return new CompiledBasis(PolynomialBasis.ToFloat64Basis(polynomials));
    }

    /// <summary>Evaluates <paramref name="basis"/> at the rows of <paramref name="inputs"/> (batch x n, row-major).</summary>
    public static double[] Evaluate(CompiledBasis basis, double[] inputs)
    {
        int batch = inputs.Length / basis.VariableCount;
        var outputs = new double[batch * basis.OutputCount];
        basis.Evaluate(inputs, batch, outputs);
        return outputs;
    }

    /// <summary>Returns the Jacobian of <paramref name="basis"/> at the rows of <paramref name="inputs"/>, batch x outputs x n.</summary>
    public static double[] Jacobian(CompiledBasis basis, double[] inputs)
    {
        int batch = inputs.Length / basis.VariableCount;
        var jacobian = new double[batch * basis.OutputCount * basis.VariableCount];
        basis.EvaluateJacobian(inputs, batch, jacobian);
        return jacobian;
    }

    /// <summary>Returns <paramref name="batch"/> rows of seeded random inputs in [0.5, 1.5) (positive, as the units of Pi groups need).</summary>
    public static double[] RandomInputs(int batch, int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, batch * n).Select(_ => 0.5 + random.NextDouble())];
    }

    /// <summary>Asserts that every value agrees with the reference to <paramref name="relative"/> times max(1, |reference|).</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double tolerance = relative * Math.Max(1.0, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"entry {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:R})");
        }
    }

    /// <summary>Returns the Pi groups at the rows of <paramref name="inputs"/> from the document's exponent objects and Math.Pow.</summary>
    public static double[] PiValues(ExportedResult result, double[] inputs)
    {
        var names = result.Variables;
        var groups = result.Document["groups"]!.AsArray();
        int n = names.Count, batch = inputs.Length / n;
        var values = new double[batch * groups.Count];
        for (int b = 0; b < batch; b++)
        {
            for (int k = 0; k < groups.Count; k++)
            {
                double value = 1.0;
                foreach (var (name, exponent) in groups[k]!.AsObject())
                {
                    value *= Math.Pow(inputs[(b * n) + names.ToList().IndexOf(name)], exponent!.GetValue<int>());
                }

                values[(b * groups.Count) + k] = value;
            }
        }

        return values;
    }

    private static string Compute(string name) => name switch
    {
        "ring-Oh" => Ring(GroupResolver.Resolve("Oh")),
        "ring-C3-complex" => Ring(GroupFile.Parse("""{"name": "C3c", "field": "Q(zeta_3)", "dimension": 1, "generators": [[["z"]]]}""")),
        "equivariants-Oh" => FiniteEquivariants("Oh", "V", "V", 3),
        "equivariants-S7" => FiniteEquivariants("S7", "V", "V", 2),
        "ring-C5" => Ring(GroupResolver.Resolve("C5")),
        "ring-WA3" => Ring(GroupResolver.Resolve("W(A3)")),
        "ring-swap-GF3" => Ring(GroupFile.Parse("""{"name": "swap", "field": "GF(3)", "dimension": 2, "generators": [[["0", "1"], ["1", "0"]]]}""")),
        "fft-O3" => ClassicalEquivariantDocument.Create(FirstFundamentalTheorem.Compute(
            ClassicalGroup.Orthogonal(3), [RepresentationExpression.Standard, RepresentationExpression.Standard], RepresentationExpression.Standard,
            new FirstFundamentalTheoremOptions())).ToJsonString(),
        "degree-Lorentz" => ClassicalEquivariantDocument.Create(
            new ClassicalEquivariantSpace(ClassicalGroup.Lorentz(4), [RepresentationExpression.Standard], RepresentationExpression.Standard), [3]).ToJsonString(),
        "pi-pipe" => PiDocument.Create(BuckinghamPi.Analyze(UnitsTable.Load(Path.Combine(RepositoryRoot, "docs", "examples", "pipe-flow.json")))).ToJsonString(),
        _ => throw new ArgumentException($"Unknown export sample '{name}'.", nameof(name)),
    };

    private static string Ring(GroupDefinition group)
    {
        var summary = RingRunner.Run(group);
        Assert.True(summary.Verified, summary.FailedChecks);
        return RingDocuments.WithCertificate(summary.Document, summary.Checks).ToJsonString();
    }

    private static string FiniteEquivariants(string group, string input, string output, int degree)
    {
        var definition = GroupResolver.Resolve(group);
        var matrixGroup = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(matrixGroup, RepresentationExpression.Parse(input), RepresentationExpression.Parse(output));
        return EquivariantDocument.Create(space, [degree]).ToJsonString();
    }
}
