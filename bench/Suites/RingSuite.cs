using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Bench.Harness;
using InvTheory.Invariants;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Bench.Suites;

/// <summary>
/// Invariant rings of the reference groups (over Q and cyclotomic fields) and of two larger catalogue groups: primary,
/// secondary and fundamental invariants from the generators, against Singular's <c>invariant_ring</c> (finvar.lib) and
/// Macaulay2's InvariantRing package; and the Molien series alone, against Macaulay2's <c>molienSeries</c>.
/// </summary>
/// <remarks>
/// <para>
/// The groups are the group files of the shared reference data (<c>&lt;repository root&gt;/../shared/reference</c>), in
/// the order of its <c>expected.json</c> (small groups first), followed by the permutation representation of S7 and the
/// Weyl group W(E6) in root coordinates from the group catalogue. Every run starts from the group definition, so nothing
/// carries over between runs.
/// </para>
/// <para>
/// The check text of a ring case is <c>primaries n; product P; secondaries s; fundamental d1,d2,...</c>: the number of
/// primary invariants and the product of their degrees, the number of secondary invariants, and the degrees of the
/// fundamental invariants. Any two correct systems that find optimal primary invariants agree on all four. Singular's
/// <c>invariant_ring</c> returns irreducible secondaries rather than a minimal generating set, so its check states the
/// first three fields only; Macaulay2 states all four. InvTheory's own values are also compared with the reference
/// (optimal degree product and fundamental degrees), and a disagreement fails the case.
/// </para>
/// <para>
/// The check text of a <c>-molien</c> case is the coefficients of t^0..t^30 of the Molien series. InvTheory's are
/// compared with the reference coefficients before they are printed, so where Macaulay2 disagrees the check column says
/// <c>wrong</c>. The <c>-certified</c> case adds the certificate checks of <see cref="RingCertificateVerifier"/>.
/// </para>
/// </remarks>
public sealed class RingSuite : IBenchmarkSuite
{
    /// <summary>The highest degree of the Molien coefficients compared.</summary>
    private const int MolienDegree = 30;

    /// <summary>Groups above this order get one peer run without warm-up, as the peers take minutes on them.</summary>
    private const int LargeOrder = 1000;

    /// <summary>The larger groups from the catalogue, after the reference groups: (case name, catalogue name).</summary>
    private static readonly (string CaseName, string CatalogueName)[] CatalogueGroups = [("sym7_perm", "S7"), ("weyl_E6", "W(E6)")];

    /// <inheritdoc />
    public string Name => "ring";

    /// <inheritdoc />
    public string Description =>
        "invariant rings (primary, secondary, fundamental invariants) and Molien series of the reference groups, S7 and W(E6)";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var cases = new List<BenchmarkCase>();
        var expected = JsonNode.Parse(File.ReadAllText(ReferencePath("expected.json")))?["groups"]?.AsArray()
            ?? throw new InvalidOperationException("The reference file expected.json has no 'groups' array.");
        var groups = new List<(string CaseName, GroupDefinition Definition, Reference? Reference)>();
        foreach (var node in expected)
        {
            string name = node?["name"]?.GetValue<string>() ?? throw new InvalidOperationException("A group of expected.json has no name.");
            groups.Add((name, GroupFile.Read(ReferencePath(Path.Combine("groups", name + ".json"))), Reference.Read(node!)));
        }

        groups.AddRange(CatalogueGroups.Select(g => (g.CaseName, GroupCatalogue.Get(g.CatalogueName), (Reference?)null)));
        foreach (var (caseName, definition, reference) in groups)
        {
            cases.Add(RingCase(caseName, definition, reference, certified: false));
            cases.Add(MolienCase(caseName, definition, reference));
        }

        var f4 = groups.First(g => g.CaseName == "weyl_F4");
        cases.Add(RingCase(f4.CaseName, f4.Definition, f4.Reference, certified: true));
        return cases;
    }

    /// <summary>The values of one group in the reference data.</summary>
    private sealed record Reference(BigInteger OptimalProduct, IReadOnlyList<int> FundamentalDegrees, IReadOnlyList<BigInteger> Molien)
    {
        public static Reference Read(JsonNode node)
        {
            var fundamental = node["fundamental_degrees"]?.AsObject().Select(p => p.Value).FirstOrDefault()?.AsArray()
                ?? throw new InvalidOperationException("A group of expected.json has no fundamental degrees.");
            return new Reference(
                BigInteger.Parse(node["optimal_primary_degree_product"]!.ToJsonString(), CultureInfo.InvariantCulture),
                [.. fundamental.Select(d => d!.GetValue<int>())],
                [.. node["molien_series_0_30"]!.AsArray().Select(c => BigInteger.Parse(c!.ToJsonString(), CultureInfo.InvariantCulture))]);
        }
    }

    private static bool IsLarge(GroupDefinition definition) => definition.Order is null || definition.Order > LargeOrder;

    private static BenchmarkCase RingCase(string name, GroupDefinition definition, Reference? reference, bool certified)
    {
        var peers = certified ? [] : new[] { SingularCase(definition), Macaulay2RingCase(definition) };
        return BenchmarkCase.Create(
            certified ? $"{name}-certified" : name,
            $"invariant ring of {definition.Name} ({definition.Dimension} variables over {definition.Field.Name}, order {definition.Order})"
                + (certified ? ", with the certificate checks" : string.Empty),
            () => definition,
            input => input.Field.Accept(new RingRun(input, reference, certified)),
            peers) with { DefaultRuns = IsLarge(definition) ? 1 : 3 };
    }

    private static BenchmarkCase MolienCase(string name, GroupDefinition definition, Reference? reference) =>
        BenchmarkCase.Create(
            $"{name}-molien",
            $"Molien series of {definition.Name} (coefficients of t^0..t^{MolienDegree})",
            () => definition,
            input => input.Field.Accept(new MolienRun(input, reference)),
            Macaulay2MolienCase(definition, reference is not null)) with { DefaultRuns = IsLarge(definition) ? 1 : 5 };

    /// <summary>Computes the invariant ring over the field of the group and returns the check text.</summary>
    private sealed class RingRun(GroupDefinition definition, Reference? reference, bool certified) : IFieldVisitor<string>
    {
        public string Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var ring = new InvariantRing<T>(group);
            var result = ring.Compute();
            if (certified)
            {
                var checks = new RingCertificateVerifier().Verify(RingDocuments.Create(result, definition));
                if (!checks.All(c => c.Passed))
                {
                    throw new InvalidOperationException($"The certificate of {definition.Name} failed: {string.Join("; ", checks.Where(c => !c.Passed).Select(c => c.Name))}.");
                }
            }

            var product = result.PrimaryInvariants.Aggregate(BigInteger.One, (p, f) => p * f.TotalDegree);
            var fundamental = result.FundamentalInvariants.Select(f => f.TotalDegree).Order().ToList();
            if (reference is not null && (product != reference.OptimalProduct || !fundamental.SequenceEqual(reference.FundamentalDegrees)))
            {
                throw new InvalidOperationException(
                    $"{definition.Name}: primary degree product {product} and fundamental degrees [{string.Join(", ", fundamental)}] differ from the "
                    + $"reference values {reference.OptimalProduct} and [{string.Join(", ", reference.FundamentalDegrees)}].");
            }

            return string.Create(
                CultureInfo.InvariantCulture,
                $"primaries {result.PrimaryInvariants.Count}; product {product}; secondaries {result.SecondaryInvariants.Count}; fundamental {string.Join(",", fundamental)}");
        }
    }

    /// <summary>Computes the Molien series over the field of the group and returns its coefficients as the check text.</summary>
    private sealed class MolienRun(GroupDefinition definition, Reference? reference) : IFieldVisitor<string>
    {
        public string Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var coefficients = MatrixGroup<T>.FromDefinition(definition, field).MolienSeries().Coefficients(MolienDegree);
            if (reference is not null && !coefficients.Take(reference.Molien.Count).SequenceEqual(reference.Molien))
            {
                throw new InvalidOperationException(
                    $"{definition.Name}: the Molien coefficients [{string.Join(", ", coefficients)}] differ from the reference [{string.Join(", ", reference.Molien)}].");
            }

            return SeriesCheck(coefficients);
        }
    }

    private static string SeriesCheck(IReadOnlyList<BigInteger> coefficients) =>
        string.Join("; ", coefficients.Select((c, k) => string.Create(CultureInfo.InvariantCulture, $"t^{k} {c}")));

    private static PeerCase SingularCase(GroupDefinition definition)
    {
        int d = definition.Dimension;
        var setup = new StringBuilder();
        setup.AppendLine("LIB \"finvar.lib\";");
        setup.AppendLine(definition.Field.Kind switch
        {
            FieldKind.Rational => $"ring r = 0, (x(1..{d})), dp;",
            FieldKind.Prime => $"ring r = {definition.Field.Parameter}, (x(1..{d})), dp;",
            _ => $"ring r = (0,z), (x(1..{d})), dp; minpoly = {CyclotomicPolynomialText(definition.Field)};",
        });
        for (int k = 0; k < definition.Generators.Count; k++)
        {
            var entries = definition.Generators[k].SelectMany(row => row);
            setup.AppendLine(CultureInfo.InvariantCulture, $"matrix g{k + 1}[{d}][{d}] = {string.Join(",", entries)};");
        }

        setup.AppendLine("list L;");
        setup.AppendLine("""
            proc ringCheck(matrix P, matrix S)
            {
              int product = 1; int i;
              for (i = 1; i <= ncols(P); i++) { product = product * deg(P[1, i]); }
              return("primaries " + string(ncols(P)) + "; product " + string(product) + "; secondaries " + string(ncols(S)));
            }
            """);
        string generators = string.Join(",", Enumerable.Range(1, definition.Generators.Count).Select(k => $"g{k}"));
        return new PeerCase("Singular", "invariant_ring (finvar.lib)", setup.ToString(), $"L = invariant_ring({generators});", "ringCheck(L[1], L[2])")
        {
            DefaultRuns = 1,
            WarmupRuns = 0,
        };
    }

    /// <summary>
    /// Macaulay2 setup shared by the ring and Molien cases: the coefficient field (QQ, or Q(zeta_n) as a quotient of QQ[z]
    /// by the n-th cyclotomic polynomial, made a field with <c>toField</c>), the polynomial ring and the generator matrices.
    /// </summary>
    private static string Macaulay2Setup(GroupDefinition definition)
    {
        int d = definition.Dimension;
        var setup = new StringBuilder();
        setup.AppendLine("needsPackage \"InvariantRing\";");
        setup.AppendLine(definition.Field.Kind == FieldKind.Rational
            ? "K = QQ;"
            : $"K = toField(QQ[z] / ideal({CyclotomicPolynomialText(definition.Field)}));");
        setup.AppendLine(CultureInfo.InvariantCulture, $"R = K[x_1..x_{d}];");
        var matrices = definition.Generators.Select(g =>
            "sub(matrix{" + string.Join(", ", g.Select(row => "{" + string.Join(", ", row) + "}")) + "}, K)");
        setup.AppendLine("invtheoryGenerators = {" + string.Join(",\n    ", matrices) + "};");
        return setup.ToString();
    }

    /// <summary>Why Macaulay2's InvariantRing cannot run on the field, or null: its finite-group methods need characteristic 0.</summary>
    private static string? Macaulay2Unsupported(GroupDefinition definition) =>
        definition.Field.Kind == FieldKind.Prime ? $"InvariantRing needs characteristic 0, the group is over {definition.Field.Name}" : null;

    private static PeerCase Macaulay2RingCase(GroupDefinition definition) =>
        new(
            "Macaulay2",
            "primaryInvariants, secondaryInvariants, invariantRing (InvariantRing)",
            Macaulay2Setup(definition),
            "G = finiteAction(invtheoryGenerators, R); P = primaryInvariants G; S = secondaryInvariants(P, G); F = generators invariantRing G;",
            "\"primaries \" | toString(#P) | \"; product \" | toString(product(P, p -> first degree p)) | \"; secondaries \" | toString(#S)"
                + " | \"; fundamental \" | demark(\",\", apply(sort apply(F, f -> first degree f), toString))")
        {
            DefaultRuns = 1,
            WarmupRuns = 0,
            Unsupported = Macaulay2Unsupported(definition),
        };

    private static PeerCase Macaulay2MolienCase(GroupDefinition definition, bool hasReference)
    {
        // The series coefficients follow from numerator and denominator by the recursion of power-series division.
        string setup = Macaulay2Setup(definition) + """
            invtheorySeries = (h, n) -> (
                num := value numerator h;
                den := value denominator h;
                T := (ring num)_0;
                a := apply(n + 1, k -> coefficient(T^k, num));
                b := apply(n + 1, k -> coefficient(T^k, den));
                c := new MutableList from (n + 1) : 0;
                for k from 0 to n do c#k = (a#k - sum(1..k, j -> b#j * c#(k - j))) / b#0;
                toList c);
            """;
        bool large = IsLarge(definition);
        return new PeerCase(
            "Macaulay2",
            "molienSeries (InvariantRing)",
            setup,
            "G = finiteAction(invtheoryGenerators, R); M = molienSeries G;",
            $"demark(\"; \", apply(toList(0..{MolienDegree}), invtheorySeries(M, {MolienDegree}), (k, c) -> \"t^\" | toString k | \" \" | toString c))")
        {
            DefaultRuns = large ? 1 : 3,
            WarmupRuns = large ? 0 : 1,
            MismatchLabel = hasReference ? "wrong" : "MISMATCH",
            Unsupported = Macaulay2Unsupported(definition),
        };
    }

    /// <summary>Returns the n-th cyclotomic polynomial of a field Q(zeta_n) as text in the variable z, highest degree first.</summary>
    private static string CyclotomicPolynomialText(FieldSpec field)
    {
        var coefficients = CyclotomicField.Get((int)field.Parameter).CyclotomicPolynomial;
        var text = new StringBuilder();
        for (int k = coefficients.Count - 1; k >= 0; k--)
        {
            long c = coefficients[k];
            if (c == 0)
            {
                continue;
            }

            if (c < 0)
            {
                text.Append('-');
            }
            else if (text.Length > 0)
            {
                text.Append('+');
            }

            long magnitude = Math.Abs(c);
            string power = k switch { 0 => string.Empty, 1 => "z", _ => $"z^{k}" };
            text.Append(magnitude != 1 || k == 0
                ? magnitude.ToString(CultureInfo.InvariantCulture) + (k == 0 ? string.Empty : "*" + power)
                : power);
        }

        return text.ToString();
    }

    /// <summary>
    /// Returns the path of a file of the shared reference data; it sits next to the repository (or next to the main
    /// checkout when the repository is a git worktree).
    /// </summary>
    private static string ReferencePath(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "InvTheory.sln")))
            {
                continue;
            }

            var roots = new List<string> { directory.FullName };
            string gitFile = Path.Combine(directory.FullName, ".git");
            if (File.Exists(gitFile) && File.ReadAllText(gitFile).Trim() is var line && line.StartsWith("gitdir:", StringComparison.Ordinal)
                && new DirectoryInfo(line["gitdir:".Length..].Trim()).Parent?.Parent?.Parent is { } main)
            {
                // A git worktree: the shared folder sits next to the main checkout.
                roots.Add(main.FullName);
            }

            foreach (string root in roots)
            {
                string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", relative));
                if (File.Exists(path))
                {
                    return path;
                }
            }

            break;
        }

        throw new ArgumentException($"the reference file {relative} was not found in <repository root>/../shared/reference.");
    }
}
