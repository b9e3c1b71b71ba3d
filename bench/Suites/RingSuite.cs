using System.Globalization;
using System.Text;
using InvTheory.Bench.Harness;
using InvTheory.Invariants;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Bench.Suites;

/// <summary>
/// Invariant rings of reference groups over Q: primary, secondary and fundamental invariants from the generators,
/// against Singular's <c>invariant_ring</c> (finvar.lib), which computes primary, secondary and irreducible secondary
/// invariants.
/// </summary>
/// <remarks>
/// The groups are the group files of the shared reference data (<c>&lt;repository root&gt;/../shared/reference/groups</c>).
/// The check text is the product of the primary degrees and the number of secondary invariants, which any two correct
/// systems with optimal primary invariants share. Every run starts from the group definition, so nothing carries over.
/// The <c>-certified</c> cases add the certificate checks of <see cref="RingCertificateVerifier"/>.
/// </remarks>
public sealed class RingSuite : IBenchmarkSuite
{
    // Small and mid-sized groups first; weyl_F4 is the case where finvar.lib takes about a minute.
    private static readonly string[] Groups = ["tetrahedral_rot", "octahedral_rot", "m2_c4xc2", "cyclic5_perm", "sym6_perm", "weyl_B4", "weyl_F4"];

    /// <inheritdoc />
    public string Name => "ring";

    /// <inheritdoc />
    public string Description => "invariant rings (primary, secondary, fundamental invariants) of reference groups over Q";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var cases = new List<BenchmarkCase>();
        foreach (string name in Groups)
        {
            string path = GroupPath(name);
            var definition = GroupFile.Read(path);
            cases.Add(RingCase(name, definition, certified: false));
        }

        cases.Add(RingCase("weyl_F4", GroupFile.Read(GroupPath("weyl_F4")), certified: true));
        return cases;
    }

    private static BenchmarkCase RingCase(string name, GroupDefinition definition, bool certified)
    {
        var peers = certified ? [] : new[] { SingularCase(definition) };
        return BenchmarkCase.Create(
            certified ? $"{name}-certified" : name,
            $"invariant ring of {definition.Name} ({definition.Dimension} variables, order {definition.Order})"
                + (certified ? ", with the certificate checks" : string.Empty),
            () => definition,
            input => Run(input, certified),
            peers) with { DefaultRuns = 3 };
    }

    private static string Run(GroupDefinition definition, bool certified)
    {
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        var ring = new InvariantRing<Rational>(group);
        var result = ring.Compute();
        if (certified)
        {
            var checks = new RingCertificateVerifier().Verify(RingDocuments.Create(result, definition));
            if (!checks.All(c => c.Passed))
            {
                throw new InvalidOperationException($"The certificate of {definition.Name} failed: {string.Join("; ", checks.Where(c => !c.Passed).Select(c => c.Name))}.");
            }
        }

        long product = result.PrimaryInvariants.Aggregate(1L, (p, f) => p * f.TotalDegree);
        return Check(product, result.SecondaryInvariants.Count);
    }

    private static string Check(long product, int secondaries) =>
        string.Create(CultureInfo.InvariantCulture, $"product {product}, secondaries {secondaries}");

    private static PeerCase SingularCase(GroupDefinition definition)
    {
        int d = definition.Dimension;
        var setup = new StringBuilder();
        setup.AppendLine("LIB \"finvar.lib\";");
        setup.AppendLine(CultureInfo.InvariantCulture, $"ring r = 0, (x(1..{d})), dp;");
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
              return("product " + string(product) + ", secondaries " + string(ncols(S)));
            }
            """);
        string generators = string.Join(",", Enumerable.Range(1, definition.Generators.Count).Select(k => $"g{k}"));
        return new PeerCase("Singular", "invariant_ring (finvar.lib)", setup.ToString(), $"L = invariant_ring({generators});", "ringCheck(L[1], L[2])")
        {
            DefaultRuns = 1,
            WarmupRuns = 0,
        };
    }

    /// <summary>Returns the path of a reference group file; the reference data sits next to the repository (or its main checkout).</summary>
    private static string GroupPath(string name)
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
                string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "groups", name + ".json"));
                if (File.Exists(path))
                {
                    return path;
                }
            }

            break;
        }

        throw new ArgumentException($"the reference group file {name}.json was not found in <repository root>/../shared/reference/groups.");
    }
}
