using System.Globalization;
using System.Text.RegularExpressions;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// Reads the representation texts of the <c>equivariants</c> command: a sum of terms, each an optional multiplicity
/// and a named tensor type or a <see cref="RepresentationExpression"/> in the defining representation V.
/// </summary>
/// <remarks>
/// <para>Grammar (white space ignored):</para>
/// <code>
/// text := term { '+' term }          '+' at the top level, outside parentheses
/// term := [ k '*' ] atom             k copies, k a positive integer: 2*T1
/// atom := 'T' k                      rank-k tensors V^k (T0 = 1, T1 = V)
///       | 'vector' | 'scalar' | 'pseudovector' | 'pseudoscalar' | 'Sym2'
///       | expression                 the grammar of RepresentationExpression: V, V^*, V*V, Sym2(V), det, 1, ...
/// </code>
/// <para>
/// <c>pseudovector</c> is <c>det*V</c>, <c>pseudoscalar</c> is <c>det</c>, <c>Sym2</c> is <c>Sym2(V)</c>. The result is
/// the list of summands, one entry per copy, in the order written; their direct sum is the representation.
/// </para>
/// </remarks>
public static partial class RepresentationText
{
    /// <summary>Returns the summands of the text, one per copy, in order.</summary>
    /// <exception cref="FormatException">A term is not a named type and not an expression; the message names the term.</exception>
    public static IReadOnlyList<RepresentationExpression> ParseSummands(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (compact.Length == 0)
        {
            throw new FormatException("A representation text is empty; write for example V, 2*T1+pseudovector, T2 or Sym2(V).");
        }

        var result = new List<RepresentationExpression>();
        foreach (var term in SplitTopLevel(compact))
        {
            int copies = 1;
            string atom = term;
            var multiplicity = MultiplicityPattern().Match(term);
            if (multiplicity.Success)
            {
                if (!int.TryParse(multiplicity.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out copies) || copies < 1 || copies > 1000)
                {
                    throw new FormatException($"Representation term '{term}': the multiplicity must be an integer from 1 to 1000.");
                }

                atom = multiplicity.Groups[2].Value;
            }

            var expression = ParseAtom(atom, term);
            for (int k = 0; k < copies; k++)
            {
                result.Add(expression);
            }
        }

        return result.AsReadOnly();
    }

    /// <summary>Returns the direct sum of the summands of the text as one expression.</summary>
    /// <exception cref="FormatException">The text is invalid.</exception>
    public static RepresentationExpression Parse(string text) => Sum(ParseSummands(text));

    /// <summary>Returns the direct sum of the given summands, left to right.</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static RepresentationExpression Sum(IReadOnlyList<RepresentationExpression> summands)
    {
        ArgumentNullException.ThrowIfNull(summands);
        if (summands.Count == 0)
        {
            throw new ArgumentException("A direct sum needs at least one summand.", nameof(summands));
        }

        var result = summands[0];
        for (int k = 1; k < summands.Count; k++)
        {
            result = RepresentationExpression.Sum(result, summands[k]);
        }

        return result;
    }

    private static RepresentationExpression ParseAtom(string atom, string term)
    {
        var tensor = TensorPattern().Match(atom);
        if (tensor.Success)
        {
            if (!int.TryParse(tensor.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k > RepresentationExpression.MaximumPower)
            {
                throw new FormatException($"Representation term '{term}': the tensor rank must be from 0 to {RepresentationExpression.MaximumPower}.");
            }

            return k switch
            {
                0 => RepresentationExpression.Trivial,
                1 => RepresentationExpression.Standard,
                _ => RepresentationExpression.TensorPowerOf(RepresentationExpression.Standard, k),
            };
        }

        switch (atom.ToLowerInvariant())
        {
            case "vector":
                return RepresentationExpression.Standard;
            case "scalar":
                return RepresentationExpression.Trivial;
            case "pseudovector":
            case "axialvector":
                return RepresentationExpression.Tensor(RepresentationExpression.Determinant, RepresentationExpression.Standard);
            case "pseudoscalar":
                return RepresentationExpression.Determinant;
            case "sym2":
                return RepresentationExpression.SymmetricPowerOf(RepresentationExpression.Standard, 2);
        }

        try
        {
            return RepresentationExpression.Parse(atom);
        }
        catch (FormatException ex)
        {
            throw new FormatException(
                $"Representation term '{term}' is neither a named type (T0, T1, T2, ..., vector, pseudovector, pseudoscalar, scalar, Sym2) nor an expression in V: {ex.Message}", ex);
        }
    }

    private static List<string> SplitTopLevel(string text)
    {
        var terms = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '+' && depth == 0)
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }

        terms.Add(text[start..]);
        if (terms.Any(t => t.Length == 0))
        {
            throw new FormatException($"Representation '{text}' has an empty term; write terms such as V, 2*T1 or pseudovector between the '+' signs.");
        }

        return terms;
    }

    [GeneratedRegex(@"^([0-9]+)\*(.+)$")]
    private static partial Regex MultiplicityPattern();

    [GeneratedRegex(@"^[Tt]([0-9]+)$")]
    private static partial Regex TensorPattern();
}
