using System.Text;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>Prints polynomials as canonical text or LaTeX.</summary>
internal static class PolynomialFormatter<T>
    where T : struct, IFieldElement<T>
{
    public static string Format(Polynomial<T> p, bool latex)
    {
        if (p.IsZero)
        {
            return "0";
        }

        var field = p.Ring.Field;
        var names = latex ? p.Ring.Variables.Select(LatexName).ToArray() : p.Ring.Variables.ToArray();
        var sb = new StringBuilder();
        var monomials = p.MonomialSpan;
        var coefficients = p.CoefficientSpan;
        for (int t = 0; t < monomials.Length; t++)
        {
            var c = coefficients[t];
            var m = monomials[t];
            bool negative = field.IsNegativeForPrinting(c) && !field.NeedsParentheses(c);
            if (negative)
            {
                c = -c;
            }

            string coefficientText = latex ? field.FormatLatex(c) : field.Format(c);
            if (negative)
            {
                sb.Append('-');
            }
            else if (t > 0 && !(m.IsOne && coefficientText.StartsWith('-')))
            {
                // A constant term that is a sum starting with a minus sign, such as -z+1, brings its own sign.
                sb.Append('+');
            }

            if (field.NeedsParentheses(c) && !m.IsOne)
            {
                coefficientText = latex ? $"\\left({coefficientText}\\right)" : $"({coefficientText})";
            }

            if (m.IsOne)
            {
                sb.Append(coefficientText);
                continue;
            }

            if (!c.IsOne)
            {
                sb.Append(coefficientText).Append(latex ? " " : "*");
            }

            AppendMonomial(sb, m, names, latex);
        }

        return sb.ToString();
    }

    private static void AppendMonomial(StringBuilder sb, Monomial m, string[] names, bool latex)
    {
        if (!latex)
        {
            sb.Append(m.Format(names));
            return;
        }

        bool first = true;
        var e = m.Exponents;
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] == 0)
            {
                continue;
            }

            if (!first)
            {
                sb.Append(' ');
            }

            first = false;
            sb.Append(names[i]);
            if (e[i] > 1)
            {
                sb.Append("^{").Append(e[i]).Append('}');
            }
        }
    }

    /// <summary>Turns a trailing number into a subscript: <c>x12</c> becomes <c>x_{12}</c>.</summary>
    private static string LatexName(string name)
    {
        int k = name.Length;
        while (k > 0 && char.IsAsciiDigit(name[k - 1]))
        {
            k--;
        }

        string stem = name[..k].Replace("_", "\\_", StringComparison.Ordinal);
        return k == name.Length || k == 0 ? stem.Length == 0 ? name : stem : $"{stem}_{{{name[k..]}}}";
    }
}
