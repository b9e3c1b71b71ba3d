namespace InvTheory.Invariants.Export;

/// <summary>One output coordinate of an exported function: a component of one element, as a list of terms.</summary>
internal sealed record ExportOutput(int Element, int Component, IReadOnlyList<ExportTerm> Terms);

/// <summary>
/// A function that the code formats generate: <c>features</c> (scalar invariants or Buckingham-Pi groups, shape
/// (batch, n)), <c>basis</c> (equivariants, shape (batch, n, out_dim)) or <c>invariants</c> (the scalar generators of a
/// first-fundamental-theorem result).
/// </summary>
internal sealed class ExportFunction
{
    public ExportFunction(string name, string description, bool isVectorValued, int outputDimension, IReadOnlyList<ExportElement> elements)
    {
        Name = name;
        Description = description;
        IsVectorValued = isVectorValued;
        OutputDimension = outputDimension;
        Elements = elements;
        var outputs = new List<ExportOutput>();
        for (int j = 0; j < elements.Count; j++)
        {
            for (int c = 0; c < elements[j].ComponentCount; c++)
            {
                outputs.Add(new ExportOutput(j, c, elements[j].Terms[c]));
            }
        }

        Outputs = outputs;
    }

    public string Name { get; }

    public string Description { get; }

    public bool IsVectorValued { get; }

    /// <summary>The number of components per element: 1 for scalars.</summary>
    public int OutputDimension { get; }

    public IReadOnlyList<ExportElement> Elements { get; }

    /// <summary>The outputs, element-major: the components of element 0, then of element 1, and so on.</summary>
    public IReadOnlyList<ExportOutput> Outputs { get; }

    /// <summary>
    /// Returns the functions that the code formats generate for <paramref name="result"/>; the first is the main one
    /// (<c>features</c> or <c>basis</c>).
    /// </summary>
    /// <exception cref="ExportException">A requested ring section does not exist, or the main function has no elements.</exception>
    public static IReadOnlyList<ExportFunction> Select(ExportedResult result, ExportOptions options)
    {
        var functions = new List<ExportFunction>();
        switch (result.Kind)
        {
            case "ring":
            {
                var elements = new List<ExportElement>();
                foreach (string name in options.RingSections)
                {
                    var section = result.Section(name) ?? throw new ExportException(
                        $"Ring results have no section '{name}'. Choose from primary, secondary, irreducible_secondary, fundamental.");
                    elements.AddRange(section.Elements);
                }

                functions.Add(new ExportFunction("features", "the " + string.Join(", then the ", options.RingSections.Select(n => result.Section(n)!.Title)), false, 1, elements));
                break;
            }

            case "pi":
                functions.Add(new ExportFunction("features", "the dimensionless groups", false, 1, result.Section("groups")!.Elements));
                break;
            default:
            {
                var basis = result.Section("basis")!;
                int m = int.Parse(result.Document["output_dimension"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                functions.Add(new ExportFunction("basis", "the " + basis.Title, true, m, basis.Elements));
                if (result.Section("invariants") is { } invariants)
                {
                    functions.Add(new ExportFunction("invariants", "the " + invariants.Title, false, 1, invariants.Elements));
                }

                break;
            }
        }

        if (functions[0].Elements.Count == 0)
        {
            throw new ExportException($"The {result.Kind} result has no elements in {functions[0].Description}, so there is nothing to evaluate. Export it as json or latex instead.");
        }

        return functions;
    }

    /// <summary>Throws when the coefficients of the result have no double values or a double overflows.</summary>
    /// <exception cref="ExportException">The field has no real embedding of the coefficients, or a coefficient rounds to an infinity.</exception>
    public static void RequireNumeric(ExportedResult result, ExportFormat format, IReadOnlyList<ExportFunction> functions)
    {
        if (result.NumericProblem is { } problem)
        {
            throw new ExportException(
                $"Format {ExportFormats.Name(format)} writes double-precision code, but {problem}. Export this result as json or latex, "
                + "or compute it over a field whose numbers are real (Q, or Q(zeta_n) with a real group and real invariants).");
        }

        foreach (var output in functions.SelectMany(f => f.Outputs))
        {
            foreach (var term in output.Terms.Where(t => !double.IsFinite(t.Coefficient)))
            {
                throw new ExportException($"Format {ExportFormats.Name(format)}: the coefficient {term.ExactCoefficient} has no finite double value. Rescale the polynomials before export.");
            }
        }
    }
}
