using System.Globalization;
using System.Text.RegularExpressions;

namespace InvTheory.Polynomials.Scalars;

/// <summary>The kind of a coefficient field named in text.</summary>
public enum FieldKind
{
    /// <summary>The rational numbers Q.</summary>
    Rational,

    /// <summary>A prime field GF(p).</summary>
    Prime,

    /// <summary>A cyclotomic field Q(zeta_n).</summary>
    Cyclotomic,
}

/// <summary>
/// Runs generic code on the field element type that a <see cref="FieldSpec"/> names at run time.
/// </summary>
public interface IFieldVisitor<out TResult>
{
    /// <summary>Called with the field object; <typeparamref name="T"/> is its element type.</summary>
    TResult Visit<T>(Field<T> field)
        where T : struct, IFieldElement<T>;
}

/// <summary>
/// A coefficient field named in text: <c>Q</c>, <c>GF(p)</c> or <c>Q(zeta_n)</c>.
/// </summary>
/// <param name="Kind">Which family the field belongs to.</param>
/// <param name="Parameter">p for GF(p), n for Q(zeta_n), 1 for Q.</param>
public sealed partial record FieldSpec(FieldKind Kind, ulong Parameter)
{
    /// <summary>Q.</summary>
    public static FieldSpec Rationals { get; } = new(FieldKind.Rational, 1);

    /// <summary>Canonical name: <c>Q</c>, <c>GF(7)</c>, <c>Q(zeta_5)</c>.</summary>
    public string Name => Kind switch
    {
        FieldKind.Rational => "Q",
        FieldKind.Prime => $"GF({Parameter})",
        _ => $"Q(zeta_{Parameter})",
    };

    /// <summary>
    /// Parses a field name (case-insensitive, white space ignored). Accepted forms: <c>Q</c>, <c>QQ</c>;
    /// <c>GF(p)</c>, <c>GF p</c>, <c>GF_p</c>, <c>F_p</c>, <c>Fp</c>, <c>Z/p</c>, <c>Z/pZ</c> with p prime;
    /// <c>Q(zeta_n)</c>, <c>Q(z_n)</c>, <c>QQ(zeta_n)</c>, <c>CF(n)</c>, <c>cyclotomic(n)</c>. Q(zeta_1) and Q(zeta_2) are Q.
    /// </summary>
    /// <exception cref="FormatException">The text names no supported field; the message lists the accepted forms.</exception>
    public static FieldSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = WhiteSpace().Replace(text, string.Empty);
        if (t.Equals("Q", StringComparison.OrdinalIgnoreCase) || t.Equals("QQ", StringComparison.OrdinalIgnoreCase))
        {
            return Rationals;
        }

        var prime = PrimePattern().Match(t);
        if (prime.Success)
        {
            string digits = prime.Groups["p"].Value;
            if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ulong p)
                || p > PrimeModulus.MaxModulus || !PrimeModulus.IsPrime(p))
            {
                throw new FormatException(
                    $"Field '{text}': {digits} is not a prime below 2^62. Only prime fields GF(p) are supported, with p prime and below 2^62.");
            }

            return new FieldSpec(FieldKind.Prime, p);
        }

        var cyclotomic = CyclotomicPattern().Match(t);
        if (cyclotomic.Success)
        {
            if (!ulong.TryParse(cyclotomic.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) || n == 0 || n > CyclotomicField.MaxOrder)
            {
                throw new FormatException($"Field '{text}': the order n of zeta_n must be an integer from 1 to {CyclotomicField.MaxOrder}.");
            }

            return n <= 2 ? Rationals : new FieldSpec(FieldKind.Cyclotomic, n);
        }

        throw new FormatException($"Unknown field '{text}'. Use Q, GF(p) with p prime, or Q(zeta_n).");
    }

    /// <summary>Returns the visitor's result for the field object this spec names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The parameter names no supported field (possible only for a spec built by hand).</exception>
    public TResult Accept<TResult>(IFieldVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return Kind switch
        {
            FieldKind.Rational => visitor.Visit(RationalField.Instance),
            FieldKind.Prime => visitor.Visit(PrimeField.Get(Parameter)),
            FieldKind.Cyclotomic when Parameter <= CyclotomicField.MaxOrder => visitor.Visit(CyclotomicField.Get((int)Parameter)),
            FieldKind.Cyclotomic => throw new ArgumentOutOfRangeException(
                nameof(Parameter), Parameter, $"Q(zeta_n) needs an order n from 1 to {CyclotomicField.MaxOrder}; got {Parameter}."),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"Unknown field kind {Kind}."),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    [GeneratedRegex(@"^(?:GF\((?<p>[0-9]+)\)|GF_?(?<p>[0-9]+)|F_?(?<p>[0-9]+)|Z/(?<p>[0-9]+)Z?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrimePattern();

    [GeneratedRegex(@"^(?:QQ?\((?:zeta|z|E)_?(?<n>[0-9]+)\)|CF\((?<n>[0-9]+)\)|cyclotomic\((?<n>[0-9]+)\))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CyclotomicPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
