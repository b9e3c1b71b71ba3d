using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InvTheory.Invariants;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Cli.Commands;

/// <summary>
/// <c>invtheory equivariants GROUP --in REP --out REP [--degree D | --module]</c>: bases of the polynomial equivariants
/// of a finite or classical group, with a certificate.
/// </summary>
internal static partial class EquivariantsCommand
{
    public static Command Create()
    {
        var group = new Argument<string>("GROUP")
        {
            Description = "A group file, a catalogue name (Oh, S5, F4, GROUP:EXPR, particles(GROUP, n)), or a classical group: O(d), SO(d), O(1,d-1), SO+(1,d-1), Lorentz.",
        };
        var input = new Option<string[]>("--in")
        {
            Description = "Input representation (repeatable; the inputs are summed): V, V^*, V+V, V*V, Sym2(V), T0, T1, T2, pseudovector, 2*T1+pseudovector. Default V.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out") { Description = "Output representation, same syntax as --in (not a file: the result file is --output). Default V (finite groups), T0 (classical groups)." };
        var degree = new Option<string?>("--degree") { Description = "Degree d, or a range a..b, of the equivariants. Default 0..3 for finite groups; for classical groups the default is the first-fundamental-theorem generating set." };
        var module = new Option<bool>("--module") { Description = "Finite groups: module generators of the covariants over the primary invariants (free module, non-modular case)." };
        var translations = new Option<bool>("--translations") { Description = "Classical groups: the vector inputs are positions; remove translations by centring them (x_a minus the centroid)." };
        var permutations = new Option<bool>("--permutations") { Description = "Classical groups: also require invariance under permutations of identical inputs (runs such as 4*T1)." };
        var reduced = new Option<bool>("--reduced") { Description = "Classical groups: the reduced O(n d) set of scalars of vectors (inner products with the first d inputs)." };
        var wordLength = new Option<int?>("--word-length") { Description = "Classical groups: longest word in the tensor inputs used in traces and contractions. Default: no limit (words are extended until redundant, so the sets are complete)." };
        var checkDegree = new Option<int>("--check-degree") { Description = "Classical groups: check that the generators span every degree up to this one (default 2).", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the result document (JSON) instead of text." };
        var outputFile = new Option<string?>("--output") { Description = "Also write the result document to this file." };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists." };
        var command = new Command(
            "equivariants",
            "Compute a certified basis of the polynomial equivariant maps F: U -> W with F(g x) = rho_W(g) F(x): per degree for finite groups "
            + "(sparse linear algebra on the generators, counts checked against the character-weighted Molien series) and classical groups "
            + "(exact Lie algebra nullspace), or first-fundamental-theorem generators for O(d), SO(d), O(1,d-1).");
        command.Arguments.Add(group);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(degree);
        command.Options.Add(module);
        command.Options.Add(translations);
        command.Options.Add(permutations);
        command.Options.Add(reduced);
        command.Options.Add(wordLength);
        command.Options.Add(checkDegree);
        command.Options.Add(json);
        command.Options.Add(outputFile);
        command.Options.Add(force);
        command.SetAction(parseResult => CliRunner.Run(() => WithoutParameterNames(() =>
        {
            string groupText = parseResult.GetValue(group)!;
            var inputTexts = parseResult.GetValue(input) is { Length: > 0 } given ? given : null;
            string? outputText = parseResult.GetValue(output);
            if (outputText is not null && outputText.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                // Other commands write their result with --out; here --out is the output representation.
                throw new ArgumentException(
                    $"--out '{outputText}' looks like a file name, but in this command --out names the output representation (V, T1, Sym2(V), ...). "
                    + "Write the result document with --output FILE.");
            }

            string? degreeText = parseResult.GetValue(degree);
            bool wantModule = parseResult.GetValue(module);
            if (wantModule && degreeText is not null)
            {
                throw new ArgumentException("Give either --degree or --module, not both: the module generators come with their own degrees.");
            }

            JsonObject document;
            List<string> lines;
            if (IsClassical(groupText))
            {
                if (wantModule)
                {
                    throw new ArgumentException("--module applies to finite groups; for a classical group use --degree or the default generating set.");
                }

                var fftOptions = new FirstFundamentalTheoremOptions
                {
                    Translations = parseResult.GetValue(translations),
                    Permutations = parseResult.GetValue(permutations),
                    Reduced = parseResult.GetValue(reduced),
                    MaxWordLength = parseResult.GetValue(wordLength),
                    CompletenessDegree = parseResult.GetValue(checkDegree),
                };
                (document, lines) = Classical(ClassicalGroup.Parse(groupText), inputTexts ?? ["T1"], outputText ?? "T0", degreeText, fftOptions);
            }
            else
            {
                var definition = RepresentationDefinitions.Resolve(groupText);
                var inputs = (inputTexts ?? ["V"]).SelectMany(RepresentationText.ParseSummands).ToList();
                var visitor = new FiniteVisitor(definition, RepresentationText.Sum(inputs), RepresentationText.Parse(outputText ?? "V"), degreeText, wantModule);
                (document, lines) = definition.Field.Accept(visitor);
            }

            bool printJson = parseResult.GetValue(json);
            string? path = parseResult.GetValue(outputFile);
            var report = CertificatePrinter.VerifyAndEmit(document, printJson, path, parseResult.GetValue(force));
            if (printJson)
            {
                return report.AllPassed ? ExitCodes.Success : ExitCodes.VerificationFailed;
            }

            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine("certificate:");
            int code = CertificatePrinter.PrintChecks(report, Console.Out);
            if (path is not null)
            {
                Console.WriteLine($"wrote {path}");
            }

            return code;
        })));
        return command;
    }

    /// <summary>Runs the body and rethrows argument errors without the " (Parameter 'name')" suffix, which means nothing on the command line.</summary>
    private static int WithoutParameterNames(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ArgumentException ex) when (ex.ParamName is not null && ex is not ArgumentOutOfRangeException)
        {
            string suffix = $" (Parameter '{ex.ParamName}')";
            string message = ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message;
            throw new ArgumentException(message, ex);
        }
    }

    /// <summary>Whether the text names a classical group rather than a file or catalogue group.</summary>
    internal static bool IsClassical(string text) =>
        !File.Exists(text) && (ClassicalPattern().IsMatch(text.Replace(" ", string.Empty, StringComparison.Ordinal)) || text.Trim().Equals("Lorentz", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses <c>d</c> or <c>a..b</c> into the list of degrees.</summary>
    internal static IReadOnlyList<int> ParseDegrees(string text)
    {
        var match = DegreePattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"--degree '{text}' is not a degree d or a range a..b of non-negative integers.");
        }

        int first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int last = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : first;
        if (last < first || last > 64)
        {
            throw new FormatException($"--degree '{text}': the range must be increasing and end at most at 64.");
        }

        return Enumerable.Range(first, last - first + 1).ToList();
    }

    private static (JsonObject, List<string>) Classical(
        ClassicalGroup group, IReadOnlyList<string> inputTexts, string outputText, string? degreeText, FirstFundamentalTheoremOptions options)
    {
        var inputs = inputTexts.SelectMany(RepresentationText.ParseSummands).ToList();
        var output = RepresentationText.Parse(outputText);
        if (degreeText is null)
        {
            return Fundamental(group, inputs, output, options);
        }

        if (options.Translations || options.Permutations || options.Reduced)
        {
            throw new ArgumentException("--translations, --permutations and --reduced apply to the generating set; leave out --degree to compute it.");
        }

        var space = new ClassicalEquivariantSpace(group, inputs, output);
        var degrees = ParseDegrees(degreeText);
        var document = ClassicalEquivariantDocument.Create(space, degrees);
        var lines = new List<string>
        {
            $"group: {group.Name} (Lie algebra {string.Join(", ", group.LieAlgebraBasisNames)}; component generators: {(group.ComponentGeneratorNames.Count == 0 ? "none" : string.Join(", ", group.ComponentGeneratorNames))})",
            $"in: {string.Join(" + ", inputs)} (dimension {space.Ring.VariableCount}, coordinates {Coordinates(space.Ring.Variables)})",
            $"out: {output} (dimension {space.OutputDimension})",
        };
        AppendBasis(lines, degrees, space.OfDegree);
        return (document, lines);
    }

    private static (JsonObject, List<string>) Fundamental(
        ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, FirstFundamentalTheoremOptions options)
    {
        var result = FirstFundamentalTheorem.Compute(group, inputs, output, options);
        var lines = new List<string>
        {
            $"group: {group.Name} (Lie algebra {string.Join(", ", group.LieAlgebraBasisNames)}; component generators: {(group.ComponentGeneratorNames.Count == 0 ? "none" : string.Join(", ", group.ComponentGeneratorNames))})"
                + (options.Translations ? ", translations removed" : string.Empty) + (options.Permutations ? ", identical inputs permuted" : string.Empty),
            $"in: {string.Join(" + ", inputs)} (coordinates {Coordinates(result.Ring.Variables)})",
            $"out: {output}",
            $"invariants ({result.Invariants.Count} generators of the algebra of invariant scalars):",
        };
        lines.AddRange(result.Invariants.Take(MaxPrinted).Select(g => $"  {g.Name} = {g.Map.Components[0]}"));
        if (result.Invariants.Count > MaxPrinted)
        {
            lines.Add($"  ... {result.Invariants.Count - MaxPrinted} more (use --json or --output for all)");
        }

        if (!result.IsScalarOutput)
        {
            lines.Add($"equivariants ({result.Generators.Count} generators; every equivariant is a sum of invariant functions times these):");
            lines.AddRange(result.Generators.Take(MaxPrinted).Select(g => $"  {g.Name} = {g.Map}"));
            if (result.Generators.Count > MaxPrinted)
            {
                lines.Add($"  ... {result.Generators.Count - MaxPrinted} more (use --json or --output for all)");
            }
        }

        lines.Add(options.Reduced
            ? "dimension check: not applicable to the reduced set, which determines the other scalars as rational functions (rigidity is checked instead)"
            : "dimension check (spanned/dimension): " + string.Join(", ", result.Completeness.Select(c => $"degree {c.Degree}: {c.Spanned}/{c.Dimension}")));
        return (ClassicalEquivariantDocument.Create(result), lines);
    }

    private static void AppendBasis<T>(List<string> lines, IReadOnlyList<int> degrees, Func<int, CancellationToken, IReadOnlyList<PolynomialMap<T>>> basis)
        where T : struct, IFieldElement<T>
    {
        foreach (int d in degrees)
        {
            var elements = basis(d, default);
            lines.Add($"degree {d}: {elements.Count} {(elements.Count == 1 ? "equivariant" : "equivariants")}");
            for (int i = 0; i < elements.Count && i < MaxPrinted; i++)
            {
                lines.Add($"  F{d}_{i + 1} = {elements[i]}");
            }

            if (elements.Count > MaxPrinted)
            {
                lines.Add($"  ... {elements.Count - MaxPrinted} more (use --json or --output for all)");
            }
        }
    }

    private const int MaxPrinted = 20;

    /// <summary>Formats non-negative integer coefficients, lowest degree first, as a polynomial in t such as <c>t + 2*t^3</c>.</summary>
    private static string FormatSeries(IReadOnlyList<System.Numerics.BigInteger> coefficients)
    {
        var terms = coefficients
            .Select((c, k) => (c, k))
            .Where(p => !p.c.IsZero)
            .Select(p => (p.k == 0 ? p.c.ToString(CultureInfo.InvariantCulture) : (p.c.IsOne ? string.Empty : $"{p.c}*") + (p.k == 1 ? "t" : $"t^{p.k}")));
        return string.Join(" + ", terms.DefaultIfEmpty("0"));
    }

    private static string Coordinates(IReadOnlyList<string> variables) =>
        variables.Count <= 6 ? string.Join(", ", variables) : $"{variables[0]}, ..., {variables[^1]}";

    private sealed class FiniteVisitor(GroupDefinition definition, RepresentationExpression input, RepresentationExpression output, string? degreeText, bool module)
        : IFieldVisitor<(JsonObject, List<string>)>
    {
        public (JsonObject, List<string>) Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var space = EquivariantSpace<T>.Create(group, input, output);
            var lines = new List<string>
            {
                $"group: {group.Name}{(group.Description is null ? string.Empty : $" ({group.Description})")}, order {group.Order}, over {field.Name}",
                $"in: {input} (dimension {space.Input.Dimension}, coordinates {Coordinates(space.Ring.Variables)})",
                $"out: {output} (dimension {space.Output.Dimension})",
            };
            if (space.IsCountCheckSupported)
            {
                lines.Add($"weighted Molien series: {space.WeightedMolienSeries()}");
            }

            if (module)
            {
                var primaries = new InvariantRing<T>(space.InputGroup).PrimaryInvariants();
                var covariants = CovariantModule<T>.Compute(space, primaries);
                lines.Add($"primary invariants (degrees {string.Join(", ", covariants.PrimaryDegrees)}):");
                lines.AddRange(covariants.PrimaryInvariants.Select((p, i) => $"  p{i + 1} = {p}"));
                lines.Add($"module generators ({covariants.Generators.Count}, free over K[p1..p{covariants.PrimaryInvariants.Count}]; numerator {FormatSeries(covariants.ExpectedGeneratorCounts)}):");
                lines.AddRange(covariants.Generators.Select((g, i) => $"  E{i + 1} (degree {g.Degree}) = {g}"));
                var moduleDegrees = Enumerable.Range(0, covariants.Generators.Select(g => g.Degree).DefaultIfEmpty(0).Max() + 1).ToList();
                return (EquivariantDocument.Create(space, moduleDegrees, covariants), lines);
            }

            var degrees = ParseDegrees(degreeText ?? "0..3");
            AppendBasis(lines, degrees, space.OfDegree);
            return (EquivariantDocument.Create(space, degrees), lines);
        }
    }

    [GeneratedRegex(@"^(O|SO|SO\+|E)\([0-9, ]+\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ClassicalPattern();

    [GeneratedRegex(@"^([0-9]+)(?:\.\.([0-9]+))?$")]
    private static partial Regex DegreePattern();
}
