using System.Globalization;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Invariants.Units;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Export;

/// <summary>Reads, verifies and parses result files for export.</summary>
public static class ExportReader
{
    /// <summary>The result kinds that can be exported.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [RingDocuments.Kind, EquivariantDocument.Kind, PiDocument.Kind];

    /// <summary>The result format version the exporter reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>The largest group order whose elements are all stored for the generated equivariance check.</summary>
    public const int MaxStoredElements = 5000;

    // The stored group elements may hold at most this many matrix entries in total.
    private const long MaxStoredEntries = 250_000;

    /// <summary>
    /// Returns the result in <paramref name="json"/> after its certificate has been re-checked from the file alone.
    /// </summary>
    /// <remarks>
    /// Algorithm: read the envelope, check that the kind and version are exportable, run the verifier of the kind from
    /// <see cref="CertificateVerifierRegistry.CreateDefault"/>, then parse every polynomial in the ring of the stored
    /// variables and convert the coefficients to doubles (real embedding for cyclotomic fields).
    /// </remarks>
    /// <exception cref="CertificateFormatException">The file is not JSON, has no valid envelope, or a field is malformed.</exception>
    /// <exception cref="ExportException">The kind or version is not exportable, or a certificate check fails.</exception>
    public static ExportedResult Read(string json, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (document, kind, version) = ResultEnvelope.Read(json);
        if (!Kinds.Contains(kind))
        {
            throw new ExportException($"Result kind '{kind}' cannot be exported. Export reads the kinds {string.Join(", ", Kinds)}.");
        }

        if (version != SupportedVersion)
        {
            throw new ExportException($"The result file has {kind} format version {version}, but export reads version {SupportedVersion} only. Regenerate the file with this InvTheory build.");
        }

        var report = CertificateVerifierRegistry.CreateDefault().Verify(json, ct);
        var failed = report.Checks.FirstOrDefault(c => !c.Passed);
        if (failed is not null || report.Checks.Count == 0)
        {
            string what = failed is null ? "no certificate checks ran" : $"the certificate check '{failed.Name}' failed: {failed.Detail}";
            throw new ExportException($"The result file was not exported because {what}. The file was changed after it was written or is damaged; regenerate it with the command that wrote it.", certificateFailed: true);
        }

        int passed = report.Checks.Count;
        return kind switch
        {
            RingDocuments.Kind => ReadRing(document, version, passed),
            EquivariantDocument.Kind => ReadEquivariants(document, version, passed),
            _ => ReadPi(document, version, passed),
        };
    }

    private static ExportedResult ReadRing(JsonObject document, int version, int passed)
    {
        var definition = ReadGroup(CertificateJson.ReadObject(document, "group"));
        var ringNode = CertificateJson.ReadObject(document, "polynomial_ring");
        var variables = ReadStrings(ringNode, "variables");
        var sections = new (string Name, string Title, string Symbol)[]
        {
            ("primary", "primary invariants", "p"),
            ("secondary", "secondary invariants", "s"),
            ("irreducible_secondary", "irreducible secondary invariants", "r"),
            ("fundamental", "fundamental invariants", "f"),
        };
        var raw = sections.Select(s => new RawSection(s.Name, s.Title, s.Symbol, false, 1, ReadPolynomialList(document, s.Name))).ToList();
        var visitor = new FiniteVisitor(definition, variables, raw, RepresentationExpression.Standard, RepresentationExpression.Trivial);
        var (parsed, symmetry, problem) = definition.Field.Accept(visitor);
        string order = CertificateJson.ReadInteger(document, "order").ToString(CultureInfo.InvariantCulture);
        return new ExportedResult(
            document, RingDocuments.Kind, version, definition.Field.Name, definition.Name, order, "finite",
            "V", "1", variables, parsed, symmetry, problem, passed);
    }

    private static ExportedResult ReadEquivariants(JsonObject document, int version, int passed)
    {
        var groupNode = CertificateJson.ReadObject(document, "group");
        string type = CertificateJson.ReadString(groupNode, "type");
        var variables = ReadStrings(document, "variables");
        int outputDimension = (int)CertificateJson.ReadInteger(document, "output_dimension");
        if (type == "classical")
        {
            return ReadClassical(document, groupNode, variables, outputDimension, version, passed);
        }

        var groupFile = (JsonObject)groupNode.DeepClone();
        groupFile.Remove("type");
        var definition = ReadGroup(groupFile);
        var input = RepresentationExpression.Parse(CertificateJson.ReadString(document, "in"));
        var output = RepresentationExpression.Parse(CertificateJson.ReadString(document, "out"));
        var raw = new List<RawSection> { new("basis", "equivariant basis", "F", true, outputDimension, ReadMaps(document, "basis")) };
        if (document["module_generators"] is not null)
        {
            raw.Add(new RawSection("module_generators", "module generators over the primary invariants", "E", true, outputDimension, ReadMaps(document, "module_generators")));
            var primaries = ReadStrings(document, "primary_invariants").Select(p => new RawElement(null, -1, [p])).ToList();
            raw.Add(new RawSection("primary_invariants", "primary invariants", "p", false, 1, primaries));
        }

        var (parsed, symmetry, problem) = definition.Field.Accept(new FiniteVisitor(definition, variables, raw, input, output));
        string order = CertificateJson.ReadInteger(groupNode, "order").ToString(CultureInfo.InvariantCulture);
        return new ExportedResult(
            document, EquivariantDocument.Kind, version, definition.Field.Name, definition.Name, order, "finite",
            input.ToString(), output.ToString(), variables, parsed, symmetry, problem, passed);
    }

    private static ExportedResult ReadClassical(JsonObject document, JsonObject groupNode, IReadOnlyList<string> variables, int outputDimension, int version, int passed)
    {
        var group = ClassicalGroup.Parse(CertificateJson.ReadString(groupNode, "name"));
        var inputs = ReadStrings(document, "in").Select(RepresentationExpression.Parse).ToList();
        var output = RepresentationExpression.Parse(CertificateJson.ReadString(document, "out"));
        string mode = CertificateJson.ReadString(document, "mode");
        var raw = new List<RawSection>();
        bool translations = group.HasTranslations, permutations = false;
        if (mode == "fft")
        {
            var options = CertificateJson.ReadObject(document, "options");
            translations |= options["translations"]?.GetValue<bool>() ?? false;
            permutations = options["permutations"]?.GetValue<bool>() ?? false;
            raw.Add(new RawSection("invariants", "invariants (generators of the invariant scalars)", "I", false, 1, ReadMaps(document, "invariants")));
        }

        raw.Add(new RawSection("basis", mode == "fft" ? "equivariant generators" : "equivariant basis", "F", true, outputDimension, ReadMaps(document, "basis")));
        var (parsed, problem) = ParseSections(RationalField.Instance, variables, raw);
        string family = group.Kind switch
        {
            ClassicalGroupKind.SpecialOrthogonal => "SO",
            ClassicalGroupKind.Lorentz => "O1",
            ClassicalGroupKind.ProperOrthochronousLorentz => "SO+1",
            _ => "O",
        };
        var symmetry = new ClassicalSymmetry(group.Name, family, group.Dimension, inputs, output, translations, permutations);
        return new ExportedResult(
            document, EquivariantDocument.Kind, version, RationalField.Instance.Name, group.Name, null, "classical",
            string.Join(" + ", inputs), output.ToString(), variables, parsed, symmetry, problem, passed);
    }

    private static ExportedResult ReadPi(JsonObject document, int version, int passed)
    {
        var variableNodes = CertificateJson.ReadArray(document, "variables");
        var names = new List<string>();
        var dimensionNames = ReadStrings(document, "dimensions");
        var matrix = dimensionNames.Select(_ => new int[variableNodes.Count]).ToArray();
        for (int v = 0; v < variableNodes.Count; v++)
        {
            var node = variableNodes[v] as JsonObject ?? throw new CertificateFormatException($"Element {v + 1} of 'variables' must be an object.");
            names.Add(CertificateJson.ReadString(node, "name"));
            var dimensions = CertificateJson.ReadObject(node, "dimensions");
            foreach (var (dimension, _) in dimensions)
            {
                int row = dimensionNames.ToList().IndexOf(dimension);
                if (row < 0)
                {
                    throw new CertificateFormatException($"Variable '{names[^1]}' has dimension '{dimension}', which field 'dimensions' does not list.");
                }

                matrix[row][v] = (int)CertificateJson.ReadInteger(dimensions, dimension);
            }
        }

        var groups = CertificateJson.ReadArray(document, "groups");
        var texts = ReadStrings(document, "group_text");
        var elements = new List<ExportElement>();
        for (int k = 0; k < groups.Count; k++)
        {
            var exponents = new int[names.Count];
            var node = groups[k] as JsonObject ?? throw new CertificateFormatException($"Element {k + 1} of 'groups' must be an object of exponents.");
            foreach (var (name, _) in node)
            {
                int v = names.IndexOf(name);
                if (v < 0)
                {
                    throw new CertificateFormatException($"Group {k + 1} uses the variable '{name}', which field 'variables' does not list.");
                }

                exponents[v] = (int)CertificateJson.ReadInteger(node, name);
            }

            var term = new ExportTerm(1.0, "1", false, "1", exponents);
            elements.Add(new ExportElement(texts[k], exponents.Sum(), [texts[k]], [[term]]));
        }

        var section = new ExportSection("groups", "dimensionless groups", "\\pi", false, elements);
        var symmetry = new ScalingSymmetry(dimensionNames, matrix.Select(r => (IReadOnlyList<int>)r).ToList());
        return new ExportedResult(
            document, PiDocument.Kind, version, RationalField.Instance.Name, "unit rescalings", null, "scaling",
            "variables with units", "1", names, [section], symmetry, null, passed);
    }

    private static GroupDefinition ReadGroup(JsonObject group)
    {
        try
        {
            return GroupFile.Parse(group.ToJsonString(), "field 'group'");
        }
        catch (GroupFileException ex)
        {
            throw new CertificateFormatException($"Field 'group' is not a valid group: {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<string> ReadStrings(JsonObject parent, string name) =>
        CertificateJson.ReadArray(parent, name)
            .Select((node, i) => node is JsonValue value && value.TryGetValue<string>(out var text)
                ? text
                : throw new CertificateFormatException($"Element {i + 1} of field '{name}' must be a string."))
            .ToList();

    private static List<RawElement> ReadPolynomialList(JsonObject document, string name) =>
        CertificateJson.ReadArray(document, name)
            .Select((node, i) => node is JsonObject entry
                ? new RawElement(null, (int)CertificateJson.ReadInteger(entry, "degree"), [CertificateJson.ReadString(entry, "polynomial")])
                : throw new CertificateFormatException($"Element {i + 1} of field '{name}' must be an object with 'degree' and 'polynomial'."))
            .ToList();

    private static List<RawElement> ReadMaps(JsonObject document, string name)
    {
        var array = CertificateJson.ReadArray(document, name);
        var elements = EquivariantCertificateVerifier.ReadElements(document, name);
        return elements.Select((e, i) => new RawElement(
            (array[i] as JsonObject)?["name"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null,
            e.Degree,
            e.Components)).ToList();
    }

    private static (IReadOnlyList<ExportSection> Sections, string? Problem) ParseSections<T>(Field<T> field, IReadOnlyList<string> variables, IReadOnlyList<RawSection> raw)
        where T : struct, IFieldElement<T>
    {
        var ring = new PolynomialRing<T>(field, variables, MonomialOrder.GradedReverseLex);
        string? problem = field.Characteristic.IsZero
            ? null
            : $"the coefficients lie in {field.Name}, a field of characteristic {field.Characteristic}, which has no real numbers";
        var sections = new List<ExportSection>();
        foreach (var section in raw)
        {
            var elements = new List<ExportElement>();
            foreach (var element in section.Elements)
            {
                var polynomials = element.Components.Select(ring.Parse).ToList();
                var terms = new List<IReadOnlyList<ExportTerm>>();
                foreach (var p in polynomials)
                {
                    var list = new List<ExportTerm>(p.TermCount);
                    for (int t = 0; t < p.TermCount; t++)
                    {
                        var c = p.Coefficients[t];
                        double value = double.NaN;
                        if (problem is null)
                        {
                            if (field.Conjugate(c).Equals(c))
                            {
                                value = field.ToComplex(c).Real;
                            }
                            else
                            {
                                problem = $"the coefficient {field.Format(c)} in {field.Name} is not real";
                            }
                        }

                        bool negative = field.IsNegativeForPrinting(c);
                        var magnitude = negative ? -c : c;
                        string latex = field.FormatLatex(magnitude);
                        if (field.NeedsParentheses(magnitude))
                        {
                            latex = $"\\left({latex}\\right)";
                        }

                        var exponents = p.Monomials[t].Exponents.ToArray().Select(e => (int)e).ToArray();
                        list.Add(new ExportTerm(value, field.Format(c), negative, latex, exponents));
                    }

                    terms.Add(list);
                }

                int degree = element.Degree >= 0 ? element.Degree : Math.Max(polynomials.Max(p => p.TotalDegree), 0);
                var texts = polynomials.Select(p => p.ToString()).ToList();
                string name = element.Name ?? (texts.Count == 1 ? texts[0] : "(" + string.Join(", ", texts) + ")");
                elements.Add(new ExportElement(name, degree, texts, terms));
            }

            sections.Add(new ExportSection(section.Name, section.Title, section.Symbol, section.IsVectorValued, elements));
        }

        return (sections, problem);
    }

    private sealed record RawElement(string? Name, int Degree, IReadOnlyList<string> Components);

    private sealed record RawSection(string Name, string Title, string Symbol, bool IsVectorValued, int OutputDimension, IReadOnlyList<RawElement> Elements);

    private sealed class FiniteVisitor(
        GroupDefinition definition, IReadOnlyList<string> variables, IReadOnlyList<RawSection> raw, RepresentationExpression input, RepresentationExpression output)
        : IFieldVisitor<(IReadOnlyList<ExportSection>, ExportSymmetry?, string?)>
    {
        public (IReadOnlyList<ExportSection>, ExportSymmetry?, string?) Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var (sections, problem) = ParseSections(field, variables, raw);
            if (problem is not null)
            {
                return (sections, null, problem);
            }

            var group = MatrixGroup<T>.FromDefinition(definition, field);
            int d = group.Dimension, m = input.Dimension(d), k = output.Dimension(d);
            long perElement = ((long)d * d) + ((long)m * m) + ((long)k * k);
            var order = definition.Order;
            bool closure = order is { } o && o <= MaxStoredElements && o * perElement <= MaxStoredEntries;
            IEnumerable<Matrix<T>> matrices = closure
                ? group.Elements
                : group.Generators.Concat(group.Generators.Select(g => g.Inverse()));
            var elements = new List<FiniteGroupElement>();
            foreach (var g in matrices)
            {
                var converted = new[] { g, input.Evaluate(g), output.Evaluate(g) }.Select(a => ToDoubles(field, a)).ToArray();
                if (converted.Any(c => c is null))
                {
                    return (sections, null, $"a group matrix over {field.Name} has an entry that is not real");
                }

                elements.Add(new FiniteGroupElement(converted[0]!, converted[1]!, converted[2]!));
            }

            return (sections, new FiniteSymmetry(d, m, k, closure, elements), null);
        }

        private static double[]? ToDoubles<T>(Field<T> field, Matrix<T> matrix)
            where T : struct, IFieldElement<T>
        {
            var entries = matrix.RowMajorEntries;
            var result = new double[entries.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                if (!field.Conjugate(entries[i]).Equals(entries[i]))
                {
                    return null;
                }

                result[i] = field.ToComplex(entries[i]).Real;
            }

            return result;
        }
    }
}
