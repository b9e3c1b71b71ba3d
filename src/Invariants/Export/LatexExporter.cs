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
                    ? "\\left(" + string.Join(",\\ ", element.Terms.Select(t => Polynomial(t, names))) + "\\right)"
                    : Polynomial(element.Terms[0], names);
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

    private static string Polynomial(IReadOnlyList<ExportTerm> terms, IReadOnlyList<string> names)
    {
        if (terms.Count == 0)
        {
            return "0";
        }

        var text = new StringBuilder();
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

            if (text.Length == 0)
            {
                text.Append(term.IsNegative ? "-" : string.Empty).Append(body);
            }
            else
            {
                text.Append(term.IsNegative ? " - " : " + ").Append(body);
            }
        }

        return text.ToString();
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
