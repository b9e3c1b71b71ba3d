using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Classical;

/// <summary>
/// The <c>equivariants</c> result documents of classical groups, with <c>"group": {"type": "classical", "name": ...}</c>:
/// per-degree bases (<c>"mode": "degree"</c>) and first-fundamental-theorem generating sets (<c>"mode": "fft"</c>).
/// </summary>
public static class ClassicalEquivariantDocument
{
    /// <summary>
    /// Returns the per-degree document: <c>group</c>, <c>in</c> (the input summands), <c>out</c>, dimensions,
    /// <c>variables</c>, <c>basis</c>, <c>count_by_degree</c> and <c>certificate</c>.
    /// </summary>
    public static JsonObject Create(ClassicalEquivariantSpace space, IReadOnlyList<int> degrees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(degrees);
        var document = Header(space.Group, space.Inputs.Select(i => i.ToString()), space.Output.ToString(), "degree");
        document["input_dimension"] = space.Ring.VariableCount;
        document["output_dimension"] = space.OutputDimension;
        document["variables"] = new JsonArray(space.Ring.Variables.Select(v => (JsonNode?)v).ToArray());
        var basis = new JsonArray();
        var counts = new JsonObject();
        foreach (int d in degrees.Distinct().Order())
        {
            var elements = space.OfDegree(d, ct);
            counts[d.ToString(CultureInfo.InvariantCulture)] = elements.Count;
            foreach (var f in elements)
            {
                basis.Add(EquivariantDocument.Element(d, f));
            }
        }

        document["basis"] = basis;
        document["count_by_degree"] = counts;
        document["certificate"] = new JsonObject
        {
            ["method"] = "exact common kernel of the Lie algebra derivations and the component-group generators on Sym^k(U*) x W",
            ["lie_algebra"] = new JsonArray(space.Group.LieAlgebraBasisNames.Select(n => (JsonNode?)n).ToArray()),
            ["component_generators"] = new JsonArray(space.Group.ComponentGeneratorNames.Select(n => (JsonNode?)n).ToArray()),
            ["checks"] = new JsonArray(
                "every basis element is homogeneous of its degree",
                "X.F = d rho_W(X) F exactly for every Lie algebra basis element X (derivation on the input coordinates)",
                "F(c x) = rho_W(c) F(x) exactly for every component-group generator c",
                "the elements of each degree are linearly independent",
                "each count equals the dimension of the common kernel, recomputed"),
        };
        return document;
    }

    /// <summary>Returns the envelope with the group, inputs, output and mode.</summary>
    internal static JsonObject Header(ClassicalGroup group, IEnumerable<string> inputs, string output, string mode)
    {
        var document = ResultEnvelope.Create(EquivariantDocument.Kind);
        document["group"] = new JsonObject { ["type"] = "classical", ["name"] = group.Name, ["dimension"] = group.Dimension };
        document["mode"] = mode;
        document["in"] = new JsonArray(inputs.Select(i => (JsonNode?)i).ToArray());
        document["out"] = output;
        return document;
    }

    /// <summary>Verifies a classical document (either mode) from the document alone.</summary>
    /// <exception cref="CertificateFormatException">A field is missing or malformed.</exception>
    public static IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var groupNode = CertificateJson.ReadObject(document, "group");
        ClassicalGroup group;
        IReadOnlyList<RepresentationExpression> inputs;
        RepresentationExpression output;
        try
        {
            group = ClassicalGroup.Parse(CertificateJson.ReadString(groupNode, "name"));
            inputs = CertificateJson.ReadArray(document, "in").Select(n => RepresentationExpression.Parse(n?.GetValue<string>() ?? string.Empty)).ToList();
            output = RepresentationExpression.Parse(CertificateJson.ReadString(document, "out"));
        }
        catch (FormatException ex)
        {
            throw new CertificateFormatException($"The group, 'in' or 'out' of the classical result is invalid: {ex.Message}", ex);
        }

        string mode = CertificateJson.ReadString(document, "mode");
        return mode switch
        {
            "degree" => VerifyDegrees(document, new ClassicalEquivariantSpace(group, inputs, output), ct),
            "fft" => FirstFundamentalTheorem.Verify(document, group, inputs, output, ct),
            _ => throw new CertificateFormatException($"Field 'mode' is '{mode}'; expected 'degree' or 'fft'."),
        };
    }

    private static IReadOnlyList<CertificateCheck> VerifyDegrees(JsonObject document, ClassicalEquivariantSpace space, CancellationToken ct)
    {
        var variables = CertificateJson.ReadArray(document, "variables").Select(v => v?.GetValue<string>() ?? string.Empty).ToList();
        if (!variables.SequenceEqual(space.Ring.Variables))
        {
            throw new CertificateFormatException($"Field 'variables' must list the {space.Ring.VariableCount} input coordinates x1, x2, ...");
        }

        var problems = new List<string>();
        var maps = EquivariantCertificateVerifier.ParseMaps(space.Ring, space.OutputDimension, EquivariantCertificateVerifier.ReadElements(document, "basis"), "basis", problems);
        var counts = EquivariantCertificateVerifier.ReadCounts(document);
        var checks = EquivariantCertificateVerifier.CommonChecks(maps, problems, space.Constraints, counts, ct);
        var wrong = new List<string>();
        foreach (var (degree, stored) in counts)
        {
            if (degree > 64)
            {
                wrong.Add($"degree {degree} is beyond the recomputation limit 64");
                continue;
            }

            // The stored elements are exact, independent solutions, so the dimension is at least their number; the bound
            // from the rank modulo a prime shows it is at most that.
            var bound = (BigInteger)EquivariantSolver.DimensionUpperBound(space.Ring, space.OutputDimension, space.Constraints, degree, ct);
            if (bound != stored)
            {
                wrong.Add($"degree {degree}: stored {stored}, kernel dimension at most {bound}");
            }
        }

        checks.Add(new CertificateCheck("counts equal the kernel dimension", wrong.Count == 0,
            wrong.Count == 0 ? $"recomputed in degrees {string.Join(", ", counts.Keys)}" : string.Join("; ", wrong)));
        return checks;
    }

    /// <summary>
    /// Returns the generating-set document (<c>"mode": "fft"</c>): <c>options</c>, <c>variables</c>, <c>invariants</c> and
    /// <c>basis</c> (each element with a <c>name</c>, its <c>degree</c> and <c>components</c>), <c>count_by_degree</c> of the
    /// basis, and the <c>certificate</c> with the dimension check per degree.
    /// </summary>
    public static JsonObject Create(FirstFundamentalTheoremResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var document = Header(result.Group, result.Inputs.Select(i => i.ToString()), result.Output.ToString(), "fft");
        document["options"] = new JsonObject
        {
            ["translations"] = result.Options.Translations,
            ["permutations"] = result.Options.Permutations,
            ["reduced"] = result.Options.Reduced,
            ["max_word_length"] = result.Options.MaxWordLength,
            ["completeness_degree"] = result.Options.CompletenessDegree,
        };
        document["complete_by_construction"] = result.IsCompleteByConstruction;
        document["longest_word"] = result.LongestWord;
        document["input_dimension"] = result.Ring.VariableCount;
        document["output_dimension"] = result.Output.Dimension(result.Group.Dimension);
        document["variables"] = new JsonArray(result.Ring.Variables.Select(v => (JsonNode?)v).ToArray());
        document["invariants"] = Elements(result.Invariants);
        document["basis"] = Elements(result.Generators);
        var counts = new JsonObject();
        foreach (var group in result.Generators.GroupBy(g => g.Degree).OrderBy(g => g.Key))
        {
            counts[group.Key.ToString(CultureInfo.InvariantCulture)] = group.Count();
        }

        document["count_by_degree"] = counts;
        document["certificate"] = new JsonObject
        {
            ["method"] = "first fundamental theorem generators (inner products, brackets, traces and contractions of tensor words), sign-matched under the component group",
            ["lie_algebra"] = new JsonArray(result.Group.LieAlgebraBasisNames.Select(n => (JsonNode?)n).ToArray()),
            ["component_generators"] = new JsonArray(result.Group.ComponentGeneratorNames.Select(n => (JsonNode?)n).ToArray()),
            ["completeness"] = new JsonArray(result.Completeness.Select(c => (JsonNode?)new JsonObject
            {
                ["degree"] = c.Degree,
                ["dimension"] = c.Dimension,
                ["spanned"] = c.Spanned,
            }).ToArray()),
            ["checks"] = new JsonArray(
                "every invariant and generator satisfies every condition exactly (Lie algebra, components, translations, transpositions)",
                "count_by_degree equals the number of generators per degree",
                "in each degree up to completeness_degree the products of the generators span the equivariants (dimension recomputed)"),
        };
        return document;
    }

    private static JsonArray Elements(IReadOnlyList<FundamentalGenerator> generators) =>
        new(generators.Select(g =>
        {
            var element = EquivariantDocument.Element(g.Degree, g.Map);
            element["name"] = g.Name;
            return (JsonNode?)element;
        }).ToArray());

    /// <summary>
    /// Reruns the construction of the first fundamental theorem on the stated group, inputs and options and compares its
    /// generators and invariants with the document's, as sets of maps. The dimension check only reaches the stated
    /// completeness degree, and this check also catches an element removed in a higher degree.
    /// NOTE: the rerun costs about as much as the command that wrote the file, so verifying a large result takes as long.
    /// </summary>
    private static CertificateCheck ConstructionCheck(
        JsonObject document, ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, PolynomialRing<Rational> ring, int m,
        List<(int Degree, PolynomialMap<Rational> Map)> invariantMaps, List<(int Degree, PolynomialMap<Rational> Map)> maps, bool translations, bool permutations, CancellationToken ct)
    {
        const string name = "generators match a rerun of the construction";
        var options = CertificateJson.ReadObject(document, "options");
        int? wordLength = options["max_word_length"] is JsonValue w && w.TryGetValue<int>(out int length) ? length : null;
        var rerunOptions = new FirstFundamentalTheoremOptions
        {
            Translations = translations,
            Permutations = permutations,
            Reduced = false,
            MaxWordLength = wordLength,
            CompletenessDegree = (int)CertificateJson.ReadInteger(options, "completeness_degree"),
        };
        FirstFundamentalTheoremResult rerun;
        try
        {
            rerun = FirstFundamentalTheorem.Compute(group, inputs, output, rerunOptions, ct);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvariantTheoryException)
        {
            return new CertificateCheck(name, false, $"the construction cannot be rerun on the stated inputs and options: {ex.Message}");
        }

        var problems = new List<string>();
        var expectedInvariants = EquivariantCertificateVerifier.ParseMaps(ring, 1, rerun.Invariants.Select(g => (g.Degree, g.Map.FormatComponents())).ToList(), "rerun invariant", problems);
        var expectedGenerators = EquivariantCertificateVerifier.ParseMaps(ring, m, rerun.Generators.Select(g => (g.Degree, g.Map.FormatComponents())).ToList(), "rerun generator", problems);
        if (problems.Count > 0)
        {
            return new CertificateCheck(name, false, string.Join("; ", problems.Take(5)));
        }

        var differences = new List<string>();
        Compare("invariant", rerun.Invariants, expectedInvariants, invariantMaps, differences);
        Compare("generator", rerun.Generators, expectedGenerators, maps, differences);
        return new CertificateCheck(name, differences.Count == 0,
            differences.Count == 0
                ? $"the rerun gives the same {EquivariantCertificateVerifier.Quantity(maps.Count, "generator")} and {EquivariantCertificateVerifier.Quantity(invariantMaps.Count, "invariant")}"
                : string.Join("; ", differences.Take(5)) + (differences.Count > 5 ? $"; {differences.Count - 5} more" : string.Empty));

        // Missing elements are named as the rerun names them. Elements of the file are named by position, because their
        // polynomial text can be long.
        static void Compare(
            string noun, IReadOnlyList<FundamentalGenerator> named, List<(int Degree, PolynomialMap<Rational> Map)> expected,
            List<(int Degree, PolynomialMap<Rational> Map)> actual, List<string> differences)
        {
            var present = actual.Select(a => a.Map).ToHashSet();
            var produced = expected.Select(e => e.Map).ToHashSet();
            differences.AddRange(expected.Select((e, i) => (e, i)).Where(x => !present.Contains(x.e.Map))
                .Select(x => $"the {noun} {named[x.i].Name} of degree {x.e.Degree} is missing"));
            differences.AddRange(actual.Select((a, i) => (a, i)).Where(x => !produced.Contains(x.a.Map))
                .Select(x => $"{noun} {x.i + 1} of the file (degree {x.a.Degree}) is not produced by the construction"));
        }
    }

    /// <summary>Verifies an FFT document from the document alone.</summary>
    internal static IReadOnlyList<CertificateCheck> VerifyFundamental(
        JsonObject document, ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, CancellationToken ct)
    {
        var options = CertificateJson.ReadObject(document, "options");
        bool translations = options["translations"]?.GetValue<bool>() ?? false;
        bool permutations = options["permutations"]?.GetValue<bool>() ?? false;
        var completenessDegree = CertificateJson.ReadInteger(options, "completeness_degree");
        if (completenessDegree < 0 || completenessDegree > 12)
        {
            throw new CertificateFormatException($"Field 'options.completeness_degree' is {completenessDegree}; it must be from 0 to 12.");
        }

        IReadOnlyList<EquivarianceConstraint<Rational>> constraints;
        PolynomialRing<Rational> ring;
        try
        {
            constraints = FirstFundamentalTheorem.Constraints(group, inputs, output, translations, permutations);
            var variables = CertificateJson.ReadArray(document, "variables").Select(v => v?.GetValue<string>() ?? string.Empty).ToList();
            if (!variables.SequenceEqual(FirstFundamentalTheorem.VariableNames(group.Dimension, inputs)))
            {
                throw new CertificateFormatException("Field 'variables' does not list the coordinates of the inputs in order.");
            }

            ring = new PolynomialRing<Rational>(RationalField.Instance, variables, MonomialOrder.GradedReverseLex);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new CertificateFormatException($"The inputs and options of the classical result do not fit together: {ex.Message}", ex);
        }

        int m = output.Dimension(group.Dimension);
        var problems = new List<string>();
        var invariantMaps = EquivariantCertificateVerifier.ParseMaps(ring, 1, EquivariantCertificateVerifier.ReadElements(document, "invariants"), "invariant", problems);
        var maps = EquivariantCertificateVerifier.ParseMaps(ring, m, EquivariantCertificateVerifier.ReadElements(document, "basis"), "basis", problems);
        var counts = EquivariantCertificateVerifier.ReadCounts(document);
        var scalarConstraints = FirstFundamentalTheorem.Constraints(group, inputs, RepresentationExpression.Trivial, translations, permutations);
        var invariantViolations = invariantMaps.Select((p, i) => (p, i)).Where(x => scalarConstraints.Any(c => !c.IsSatisfiedBy(x.p.Map))).Select(x => $"invariant {x.i + 1}").ToList();

        var checks = new List<CertificateCheck>
        {
            new("invariants are invariant", invariantViolations.Count == 0,
                invariantViolations.Count == 0 ? $"{EquivariantCertificateVerifier.Quantity(invariantMaps.Count, "invariant")} checked against {EquivariantCertificateVerifier.Quantity(scalarConstraints.Count, "condition")}, all satisfied exactly" : string.Join("; ", invariantViolations.Take(5))),
        };
        var common = EquivariantCertificateVerifier.CommonChecks(maps, problems, constraints, counts, ct);
        checks.AddRange(common.Where(c => c.Name != "linear independence"));

        if (options["reduced"]?.GetValue<bool>() ?? false)
        {
            var failures = FirstFundamentalTheorem.RigidityFailures(group, inputs);
            checks.Add(new CertificateCheck("reduced scalars determine the others", failures.Count == 0,
                failures.Count == 0
                    ? "det(G) <u_a,u_b> = g_a^T adj(G) g_b holds as a polynomial identity for every omitted pair (G the Gram matrix of the first d inputs)"
                    : "the identity fails for " + string.Join(", ", failures.Take(5))));
            return checks;
        }

        checks.Add(ConstructionCheck(document, group, inputs, output, ring, m, invariantMaps, maps, translations, permutations, ct));

        var invariants = invariantMaps.Select((x, i) => new FundamentalGenerator($"invariant {i + 1}", x.Map)).ToList();
        var generators = maps.Select((x, i) => new FundamentalGenerator($"generator {i + 1}", x.Map)).ToList();
        bool scalar = output.Equals(RepresentationExpression.Trivial);
        var completeness = FirstFundamentalTheorem.CheckCompleteness(ring, m, constraints, invariants, generators, scalar, (int)completenessDegree, ct);
        var gaps = completeness.Where(c => !c.IsComplete).Select(c => $"degree {c.Degree}: dimension {c.Dimension}, spanned {c.Spanned}").ToList();
        checks.Add(new CertificateCheck("generators span every degree checked", gaps.Count == 0,
            gaps.Count == 0 ? $"degrees 0..{completenessDegree}: dimensions [{string.Join(", ", completeness.Select(c => c.Dimension))}] all spanned" : string.Join("; ", gaps)));
        return checks;
    }
}
