using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InvTheory.Invariants.Export;

/// <summary>
/// Writes the polynomials of a result in a LaTeX <c>align*</c> environment (package amsmath), one
/// <c>\intertext</c> heading per section, with subscripted variable names such as <c>x_{1}</c> and <c>v_{1,2}</c>.
/// </summary>
internal static partial class LatexExporter
{
    private static readonly HashSet<string> Greek = new(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
        "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi",
        "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    };

    // The maximum length, in characters of LaTeX source, of one line of a formula. The rest of the sum moves to a
    // continuation line. Source is wider than its rendering (\, braces and ^{} print nothing), so 100 characters
    // fit the text width of the standard article class with room to spare.
    private const int MaxLineSource = 100;

    public static string Export(ExportedResult result, string toolVersion)
    {
        var names = result.Variables.Select(VariableName).ToList();
        var text = new StringBuilder();
        text.AppendLine($"% {Comment(result.Kind)} result for the group {Comment(result.GroupName)}{(result.GroupOrder is null ? string.Empty : $" of order {result.GroupOrder}")}, field {Comment(result.Field)},");
        text.AppendLine($"% input {Comment(result.Input)}, output {Comment(result.Output)}; exported by InvTheory {Comment(toolVersion)} after {result.PassedChecks} certificate checks passed.");
        text.AppendLine($"% Variables in order: {string.Join(", ", result.Variables.Select((v, i) => $"{Comment(v)} = {names[i]}"))}.");
        text.AppendLine("% Needs \\usepackage{amsmath}.");
        text.AppendLine("\\begin{align*}");

        // Each row is (heading, formula, comment); every formula but the last ends with a line break.
        var rows = new List<(string? Heading, string Formula, string Comment)>();
        foreach (var section in result.Sections.Where(s => s.Elements.Count > 0))
        {
            for (int i = 0; i < section.Elements.Count; i++)
            {
                var element = section.Elements[i];
                string body = section.IsVectorValued
                    ? VectorBody(element.Terms, names)
                    : Wrap(Terms(element.Terms[0], names));
                bool named = section.IsVectorValued ? !element.Name.StartsWith('(') : element.Name != element.Texts[0];
                string heading = $"\\intertext{{{Capitalize(section.Title)}:}}";
                rows.Add((i == 0 ? heading : null, $"  {section.Symbol}_{{{i + 1}}} &= {body}", named ? $" % {Comment(element.Name)}" : string.Empty));
            }
        }

        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Heading is { } heading)
            {
                text.AppendLine(heading);
            }

            text.AppendLine(rows[r].Formula + (r + 1 < rows.Count ? " \\\\" : string.Empty) + rows[r].Comment);
        }

        text.AppendLine("\\end{align*}");
        return text.ToString();
    }

    /// <summary>Returns the LaTeX name of a variable: <c>x1</c> becomes <c>x_{1}</c>, <c>v1_2</c> becomes <c>v_{1,2}</c>, <c>rho</c> becomes <c>\rho</c>.</summary>
    internal static string VariableName(string name)
    {
        var match = IndexedName().Match(name);
        string stem = match.Success ? match.Groups[1].Value : name;
        string indices = match.Success ? string.Join(",", match.Groups[2].Value.Split('_', StringSplitOptions.RemoveEmptyEntries)) : string.Empty;
        string body = $"\\mathrm{{{stem.Replace("_", "\\_", StringComparison.Ordinal)}}}";
        if (Greek.Contains(stem))
        {
            body = "\\" + stem;
        }
        else if (stem.Length == 1)
        {
            body = stem;
        }

        return indices.Length == 0 ? body : $"{body}_{{{indices}}}";
    }

    private static string VectorBody(IReadOnlyList<IReadOnlyList<ExportTerm>> components, IReadOnlyList<string> names)
    {
        // Each component after the first starts with the separator ",\ ", which Wrap moves to the end of a line when
        // it breaks there.
        var pieces = new List<string>();
        for (int c = 0; c < components.Count; c++)
        {
            var terms = Terms(components[c], names);
            pieces.Add((c == 0 ? string.Empty : ",\\ ") + terms[0]);
            pieces.AddRange(terms.Skip(1));
        }

        string body = Wrap(pieces);

        // \left and \right must stay on one line of align*, so a broken vector uses fixed-size delimiters.
        return body.Contains(Environment.NewLine, StringComparison.Ordinal) ? "\\bigl(" + body + "\\bigr)" : "\\left(" + body + "\\right)";
    }

    /// <summary>
    /// Joins the pieces of a formula, starting a continuation line <c>\\ &amp;\quad</c> before a piece when the current
    /// line would exceed <see cref="MaxLineSource"/> characters. A break never falls inside a piece.
    /// </summary>
    private static string Wrap(IReadOnlyList<string> pieces)
    {
        const string Separator = ",\\ ";
        var text = new StringBuilder();
        int lineLength = 0;
        foreach (string piece in pieces)
        {
            if (lineLength > 0 && lineLength + piece.Length > MaxLineSource)
            {
                string rest = piece.TrimStart();
                if (piece.StartsWith(Separator, StringComparison.Ordinal))
                {
                    text.Append(',');
                    rest = piece[Separator.Length..];
                }

                text.Append(" \\\\").Append(Environment.NewLine).Append("  &\\quad ");
                text.Append(rest);
                lineLength = rest.Length;
                continue;
            }

            text.Append(piece);
            lineLength += piece.Length;
        }

        return text.ToString();
    }

    /// <summary>Returns the terms of a polynomial as LaTeX, each after the first with its sign as " + " or " - ".</summary>
    private static List<string> Terms(IReadOnlyList<ExportTerm> terms, IReadOnlyList<string> names)
    {
        if (terms.Count == 0)
        {
            return ["0"];
        }

        var pieces = new List<string>();
        foreach (var term in terms)
        {
            string monomial = Monomial(term.Exponents, names);
            string body = $"{term.LatexMagnitude}\\,{monomial}";
            if (monomial.Length == 0)
            {
                body = term.LatexMagnitude;
            }
            else if (term.LatexMagnitude == "1")
            {
                body = monomial;
            }

            if (pieces.Count == 0)
            {
                pieces.Add((term.IsNegative ? "-" : string.Empty) + body);
            }
            else
            {
                pieces.Add((term.IsNegative ? " - " : " + ") + body);
            }
        }

        return pieces;
    }

    private static string Monomial(IReadOnlyList<int> exponents, IReadOnlyList<string> names)
    {
        string Product(Func<int, int> power) => string.Join(" ", exponents
            .Select((e, v) => (Power: power(e), Name: names[v]))
            .Where(p => p.Power > 0)
            .Select(p => p.Power == 1 ? p.Name : $"{p.Name}^{{{p.Power.ToString(CultureInfo.InvariantCulture)}}}"));

        string numerator = Product(e => e);
        string denominator = Product(e => -e);
        if (denominator.Length == 0)
        {
            return numerator;
        }

        return $"\\frac{{{(numerator.Length == 0 ? "1" : numerator)}}}{{{denominator}}}";
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Comment(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    [GeneratedRegex(@"^([A-Za-z]+)((?:_?[0-9]+)+)$")]
    private static partial Regex IndexedName();
}
