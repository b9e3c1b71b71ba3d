using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>The field Q of rational numbers.</summary>
public sealed class RationalField : Field<Rational>
{
    private RationalField()
    {
    }

    /// <summary>The unique instance.</summary>
    public static RationalField Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "Q";

    /// <inheritdoc />
    public override BigInteger Characteristic => BigInteger.Zero;

    /// <inheritdoc />
    public override Rational One => Rational.One;

    /// <inheritdoc />
    public override Rational FromInteger(BigInteger value) => value;

    /// <inheritdoc />
    public override Rational FromRational(Rational value) => value;

    /// <inheritdoc />
    public override Rational Parse(string text) => Rational.Parse(text);

    /// <inheritdoc />
    public override bool Contains(Rational value) => true;

    /// <inheritdoc />
    public override string Format(Rational value) => value.ToString();

    /// <inheritdoc />
    public override string FormatLatex(Rational value) =>
        value.IsInteger ? value.ToString() : $"{(value.Sign < 0 ? "-" : string.Empty)}\\frac{{{BigInteger.Abs(value.Numerator)}}}{{{value.Denominator}}}";

    /// <inheritdoc />
    public override bool IsNegativeForPrinting(Rational value) => value.Sign < 0;

    /// <inheritdoc />
    public override Complex ToComplex(Rational value) => new(value.ToDouble(), 0);
}
