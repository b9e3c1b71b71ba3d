using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Equivariants;

/// <summary>Verifies <c>equivariants</c> result documents (see <see cref="EquivariantDocument"/>) from the document alone.</summary>
/// <remarks>
/// <para>
/// Algorithm: rebuild the conditions from the stored group and representations and check every basis element exactly
/// (finite groups: F(g x) = rho_W(g) F(x) for each generator; classical groups: the Lie algebra derivations and the
/// component-group generators), the homogeneity and linear independence of each degree, the stored counts, and the
/// counts against a recomputed dimension: the weighted Molien series for finite groups in characteristic 0, the
/// dimension of the common kernel for classical groups. Equivariant, independent and as many as the dimension means a
/// basis. With module generators: the checks of <see cref="CovariantModule{T}"/>, recomputed.
/// </para>
/// <para>Nothing stored as a verdict is trusted. A malformed field raises <see cref="CertificateFormatException"/>.</para>
/// </remarks>
public sealed class EquivariantCertificateVerifier : ICertificateVerifier
{
    /// <inheritdoc />
    public string Kind => EquivariantDocument.Kind;

    /// <inheritdoc />
    public int MaxVersion => 1;

    /// <inheritdoc />
    public IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var group = CertificateJson.ReadObject(document, "group");
        string type = CertificateJson.ReadString(group, "type");
        return type switch
        {
            "finite" => VerifyFinite(document, group, ct),
            "classical" => Classical.ClassicalEquivariantDocument.Verify(document, ct),
            _ => throw new CertificateFormatException($"Field 'group.type' is '{type}'; expected 'finite' or 'classical'."),
        };
    }

    /// <summary>Reads the basis elements: (degree, component texts) pairs.</summary>
    internal static IReadOnlyList<(int Degree, IReadOnlyList<string> Components)> ReadElements(JsonObject document, string name)
    {
        var array = CertificateJson.ReadArray(document, name);
        var result = new List<(int, IReadOnlyList<string>)>();
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject element)
            {
                throw new CertificateFormatException($"Element {i + 1} of '{name}' must be an object with 'degree' and 'components'.");
            }

            var degree = CertificateJson.ReadInteger(element, "degree");
            if (degree < 0 || degree > 10_000)
            {
                throw new CertificateFormatException($"Element {i + 1} of '{name}' has degree {degree}; degrees are from 0 to 10000.");
            }

            var components = CertificateJson.ReadArray(element, "components")
                .Select((c, j) => c is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new CertificateFormatException($"Component {j + 1} of element {i + 1} of '{name}' must be a string."))
                .ToList();
            result.Add(((int)degree, components));
        }

        return result;
    }

    /// <summary>Reads the object <c>count_by_degree</c> as degree -&gt; count.</summary>
    internal static SortedDictionary<int, BigInteger> ReadCounts(JsonObject document)
    {
        var counts = CertificateJson.ReadObject(document, "count_by_degree");
        var result = new SortedDictionary<int, BigInteger>();
        foreach (var (key, _) in counts)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int degree))
            {
                throw new CertificateFormatException($"Key '{key}' of 'count_by_degree' is not a degree (a non-negative integer).");
            }

            result[degree] = CertificateJson.ReadInteger(counts, key);
        }

        return result;
    }

    /// <summary>
    /// Parses the elements as maps of the ring with <paramref name="outputDimension"/> components; failures become
    /// messages in <paramref name="problems"/> and the element is skipped.
    /// </summary>
    internal static List<(int Degree, PolynomialMap<T> Map)> ParseMaps<T>(
        PolynomialRing<T> ring, int outputDimension, IReadOnlyList<(int Degree, IReadOnlyList<string> Components)> elements, string name, List<string> problems)
        where T : struct, IFieldElement<T>
    {
        var result = new List<(int, PolynomialMap<T>)>();
        for (int i = 0; i < elements.Count; i++)
        {
            var (degree, texts) = elements[i];
            if (texts.Count != outputDimension)
            {
                problems.Add($"{name} element {i + 1} has {texts.Count} components, the output has dimension {outputDimension}");
                continue;
            }

            try
            {
                var map = new PolynomialMap<T>(ring, texts.Select(ring.Parse));
                if (map.IsZero || map.Components.Any(c => !c.IsZero && (!c.IsHomogeneous || c.TotalDegree != degree)))
                {
                    problems.Add($"{name} element {i + 1} is {(map.IsZero ? "zero" : $"not homogeneous of degree {degree}")}");
                    continue;
                }

                result.Add((degree, map));
            }
            catch (FormatException ex)
            {
                problems.Add($"{name} element {i + 1} does not parse: {ex.Message}");
            }
        }

        return result;
    }

    /// <summary>Returns the checks of equivariance, homogeneity, independence and stored counts shared by every group type.</summary>
    internal static List<CertificateCheck> CommonChecks<T>(
        List<(int Degree, PolynomialMap<T> Map)> maps,
        List<string> parseProblems,
        IReadOnlyList<EquivarianceConstraint<T>> constraints,
        SortedDictionary<int, BigInteger> storedCounts,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var checks = new List<CertificateCheck>
        {
            new("basis elements parse and are homogeneous", parseProblems.Count == 0,
                parseProblems.Count == 0 ? $"{Quantity(maps.Count, "element")}, each homogeneous of its stated degree" : string.Join("; ", parseProblems.Take(5))),
        };

        var violations = new List<string>();
        for (int i = 0; i < maps.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var c in constraints)
            {
                if (!c.IsSatisfiedBy(maps[i].Map))
                {
                    violations.Add($"element {i + 1} (degree {maps[i].Degree}) fails {c.Name}");
                }
            }
        }

        checks.Add(new CertificateCheck("equivariance", violations.Count == 0,
            violations.Count == 0 ? $"{Quantity(maps.Count, "element")} checked against {Quantity(constraints.Count, "condition")}, all satisfied exactly" : string.Join("; ", violations.Take(5))));

        var dependent = new List<string>();
        foreach (var group in maps.GroupBy(m => m.Degree))
        {
            if (!AreIndependent(group.Select(g => g.Map).ToList()))
            {
                dependent.Add($"degree {group.Key}");
            }
        }

        checks.Add(new CertificateCheck("linear independence", dependent.Count == 0,
            dependent.Count == 0 ? "the elements of each degree are linearly independent" : "dependent elements in " + string.Join(", ", dependent)));

        var actual = maps.GroupBy(m => m.Degree).ToDictionary(g => g.Key, g => g.Count());
        var mismatches = storedCounts.Where(p => p.Value != actual.GetValueOrDefault(p.Key)).Select(p => $"degree {p.Key}: stored {p.Value}, basis has {actual.GetValueOrDefault(p.Key)}").ToList();
        mismatches.AddRange(actual.Keys.Where(d => !storedCounts.ContainsKey(d)).Select(d => $"degree {d} has elements but no stored count"));
        checks.Add(new CertificateCheck("stored counts", mismatches.Count == 0,
            mismatches.Count == 0 ? "count_by_degree matches the basis" : string.Join("; ", mismatches)));
        return checks;
    }

    /// <summary>Returns "1 noun" or "n nouns".</summary>
    internal static string Quantity(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Whether the maps are linearly independent over the field.</summary>
    internal static bool AreIndependent<T>(IReadOnlyList<PolynomialMap<T>> maps)
        where T : struct, IFieldElement<T>
    {
        if (maps.Count == 0)
        {
            return true;
        }

        var echelon = new IncrementalRowEchelon<T>(maps[0].Ring.Field);
        var columns = new Dictionary<(Monomial, int), int>();
        foreach (var f in maps)
        {
            var entries = new List<KeyValuePair<int, T>>();
            for (int j = 0; j < f.OutputDimension; j++)
            {
                var p = f.Components[j];
                for (int t = 0; t < p.TermCount; t++)
                {
                    var key = (p.Monomials[t], j);
                    if (!columns.TryGetValue(key, out int column))
                    {
                        column = columns.Count;
                        columns[key] = column;
                    }

                    entries.Add(new(column, p.Coefficients[t]));
                }
            }

            if (!echelon.TryInsert(SparseVector.Create(entries)))
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<CertificateCheck> VerifyFinite(JsonObject document, JsonObject group, CancellationToken ct)
    {
        var groupFile = (JsonObject)group.DeepClone();
        groupFile.Remove("type");
        GroupDefinition definition;
        try
        {
            definition = GroupFile.Parse(groupFile.ToJsonString(), "field 'group'");
        }
        catch (GroupFileException ex)
        {
            throw new CertificateFormatException($"Field 'group' is not a valid group: {ex.Message}", ex);
        }

        RepresentationExpression input, output;
        try
        {
            input = RepresentationExpression.Parse(CertificateJson.ReadString(document, "in"));
            output = RepresentationExpression.Parse(CertificateJson.ReadString(document, "out"));
        }
        catch (FormatException ex)
        {
            throw new CertificateFormatException($"Field 'in' or 'out' is not a representation expression: {ex.Message}", ex);
        }

        return definition.Field.Accept(new FiniteVisitor(document, definition, input, output, ct));
    }

    private sealed class FiniteVisitor(JsonObject document, GroupDefinition definition, RepresentationExpression input, RepresentationExpression output, CancellationToken ct)
        : IFieldVisitor<IReadOnlyList<CertificateCheck>>
    {
        public IReadOnlyList<CertificateCheck> Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var variables = CertificateJson.ReadArray(document, "variables").Select(v => v?.GetValue<string>() ?? string.Empty).ToList();
            EquivariantSpace<T> space;
            try
            {
                space = new EquivariantSpace<T>(GroupRepresentation<T>.FromExpression(group, input), GroupRepresentation<T>.FromExpression(group, output), variables);
            }
            catch (ArgumentException ex)
            {
                throw new CertificateFormatException($"The stored variables or representations do not fit together: {ex.Message}", ex);
            }

            var problems = new List<string>();
            var maps = ParseMaps(space.Ring, space.Output.Dimension, ReadElements(document, "basis"), "basis", problems);
            var counts = ReadCounts(document);
            var checks = CommonChecks(maps, problems, space.Constraints, counts, ct);

            if (space.IsCountCheckSupported)
            {
                var series = space.WeightedMolienSeries(ct);
                var wrong = counts.Where(p => series.Coefficient(p.Key) != p.Value).Select(p => $"degree {p.Key}: stored {p.Value}, Molien {series.Coefficient(p.Key)}").ToList();
                checks.Add(new CertificateCheck("counts equal the weighted Molien series", wrong.Count == 0,
                    wrong.Count == 0 ? $"{series} agrees in degrees {string.Join(", ", counts.Keys)}" : string.Join("; ", wrong)));
            }

            if (document["module_generators"] is not null)
            {
                checks.AddRange(ModuleChecks(space));
            }

            return checks;
        }

        private List<CertificateCheck> ModuleChecks<T>(EquivariantSpace<T> space)
            where T : struct, IFieldElement<T>
        {
            var checks = new List<CertificateCheck>();
            var primaryTexts = CertificateJson.ReadArray(document, "primary_invariants");
            var primaries = new List<Polynomial<T>>();
            try
            {
                primaries.AddRange(primaryTexts.Select(p => space.Ring.Parse(p?.GetValue<string>() ?? string.Empty)));
            }
            catch (FormatException ex)
            {
                checks.Add(new CertificateCheck("primary invariants", false, $"a primary invariant does not parse: {ex.Message}"));
                return checks;
            }

            Polynomials.Groebner.GroebnerBasis<T> ideal;
            try
            {
                ideal = CovariantModule<T>.CheckPrimaries(space, primaries, ct);
                checks.Add(new CertificateCheck("primary invariants", true,
                    $"{primaries.Count} homogeneous invariants of degrees [{string.Join(", ", primaries.Select(p => p.TotalDegree))}] forming a system of parameters"));
            }
            catch (ArgumentException ex)
            {
                checks.Add(new CertificateCheck("primary invariants", false, ex.Message.Replace(" (Parameter 'primaries')", string.Empty, StringComparison.Ordinal)));
                return checks;
            }

            var problems = new List<string>();
            var generators = ParseMaps(space.Ring, space.Output.Dimension, ReadElements(document, "module_generators"), "module generator", problems);
            var violations = generators.Select((g, i) => (g, i)).Where(p => space.ViolatedConstraints(p.g.Map).Count > 0).Select(p => $"generator {p.i + 1}").ToList();
            violations.AddRange(problems);
            checks.Add(new CertificateCheck("module generators are equivariant", violations.Count == 0,
                violations.Count == 0 ? $"{Quantity(generators.Count, "generator")} checked, every condition satisfied" : string.Join("; ", violations.Take(5))));

            IReadOnlyList<BigInteger> expected;
            try
            {
                expected = CovariantModule<T>.GeneratorCounts(space.WeightedMolienSeries(ct), primaries.Select(p => p.TotalDegree).ToArray());
            }
            catch (ArgumentException ex)
            {
                checks.Add(new CertificateCheck("module generator counts", false, ex.Message));
                return checks;
            }

            var byDegree = generators.GroupBy(g => g.Degree).ToDictionary(g => g.Key, g => g.Select(x => x.Map).ToList());
            var countProblems = new List<string>();
            int maxDegree = Math.Max(expected.Count - 1, byDegree.Keys.DefaultIfEmpty(0).Max());
            for (int k = 0; k <= maxDegree; k++)
            {
                var want = k < expected.Count ? expected[k] : BigInteger.Zero;
                int have = byDegree.GetValueOrDefault(k)?.Count ?? 0;
                if (want != have)
                {
                    countProblems.Add($"degree {k}: {have} generators, Molien times prod(1 - t^d_i) gives {want}");
                }
            }

            checks.Add(new CertificateCheck("module generator counts", countProblems.Count == 0,
                countProblems.Count == 0 ? $"degrees match the numerator [{string.Join(", ", expected)}]" : string.Join("; ", countProblems)));

            var dependent = new List<string>();
            foreach (var (k, maps) in byDegree.OrderBy(p => p.Key))
            {
                CovariantModule<T>.IndependentModulo(ideal, maps, out int rank);
                if (rank != maps.Count)
                {
                    dependent.Add($"degree {k}: rank {rank} of {maps.Count}");
                }
            }

            checks.Add(new CertificateCheck("module generators independent modulo the primaries", dependent.Count == 0,
                dependent.Count == 0 ? "componentwise normal forms modulo the Groebner basis of the primaries are independent in each degree" : string.Join("; ", dependent)));
            return checks;
        }
    }
}
