using System.Globalization;
using System.Numerics;
using System.Text;

namespace InvTheory.Polynomials.Scalars;

/// <summary>Parsing and printing of elements in the z notation.</summary>
public sealed partial class CyclotomicField
{
    /// <summary>
    /// Parses an expression in <c>z</c> (or <c>zeta</c>, <c>zeta_n</c>) with integers, decimals, <c>+ - * / ^</c>,
    /// parentheses and unary minus, such as <c>-z^2-z^3</c>, <c>1/2*z+3</c> or <c>(z+1)^2</c>, and reduces it modulo Phi_n.
    /// </summary>
    /// <remarks>
    /// Algorithm: recursive descent. <c>^</c> binds tighter than unary minus (<c>-z^2</c> is <c>-(z^2)</c>) and takes
    /// an integer exponent, optionally signed or in parentheses. Powers of <c>z</c> itself are reduced with z^n = 1,
    /// so any exponent is accepted there; other bases accept exponents up to <see cref="CyclotomicParser.MaxExponent"/> in absolute value.
    /// </remarks>
    /// <exception cref="FormatException">The text is not an expression in z; the message names the 0-based position and the token there.</exception>
    /// <exception cref="DivideByZeroException">The expression divides by zero.</exception>
    public override CyclotomicNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CyclotomicParser(this, text).ParseAll();
    }

    /// <summary>
    /// Formats canonically: terms in descending powers of z, rational coefficients in lowest terms,
    /// <c>*</c> between coefficient and power, such as <c>z^3+1/2*z-2</c>; zero is <c>0</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value belongs to another field.</exception>
    public override string Format(CyclotomicNumber value)
    {
        CheckMember(value);
        Rational[]? c = value.RawCoefficients;
        if (value.Field is null || c is null)
        {
            return c is null ? "0" : c[0].ToString();
        }

        var text = new StringBuilder();
        for (int k = c.Length - 1; k >= 0; k--)
        {
            Rational coefficient = c[k];
            if (coefficient.IsZero)
            {
                continue;
            }

            if (text.Length > 0 && coefficient.Sign > 0)
            {
                text.Append('+');
            }

            if (k == 0)
            {
                text.Append(coefficient.ToString());
                continue;
            }

            if (coefficient == Rational.MinusOne)
            {
                text.Append('-');
            }
            else if (!coefficient.IsOne)
            {
                text.Append(coefficient.ToString()).Append('*');
            }

            text.Append('z');
            if (k > 1)
            {
                text.Append('^').Append(k.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }

    /// <summary>Formats as LaTeX with <c>\zeta_{n}</c> for z and <c>\frac</c> for fractions, such as <c>\zeta_{5}^{3}+\frac{1}{2}\zeta_{5}-2</c>.</summary>
    /// <exception cref="ArgumentException">The value belongs to another field.</exception>
    public override string FormatLatex(CyclotomicNumber value)
    {
        CheckMember(value);
        Rational[]? c = value.RawCoefficients;
        if (value.Field is null || c is null)
        {
            return RationalField.Instance.FormatLatex(c is null ? Rational.Zero : c[0]);
        }

        var text = new StringBuilder();
        string zeta = $"\\zeta_{{{Order}}}";
        for (int k = c.Length - 1; k >= 0; k--)
        {
            Rational coefficient = c[k];
            if (coefficient.IsZero)
            {
                continue;
            }

            if (text.Length > 0 && coefficient.Sign > 0)
            {
                text.Append('+');
            }

            if (k == 0)
            {
                text.Append(RationalField.Instance.FormatLatex(coefficient));
                continue;
            }

            if (coefficient == Rational.MinusOne)
            {
                text.Append('-');
            }
            else if (!coefficient.IsOne)
            {
                text.Append(RationalField.Instance.FormatLatex(coefficient));
            }

            text.Append(zeta);
            if (k > 1)
            {
                text.Append("^{").Append(k.ToString(CultureInfo.InvariantCulture)).Append('}');
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }

    /// <summary>Whether the printed form has more than one term, such as <c>z+1</c>.</summary>
    public override bool NeedsParentheses(CyclotomicNumber value)
    {
        Rational[]? c = CheckMember(value).RawCoefficients;
        if (c is null)
        {
            return false;
        }

        int terms = 0;
        foreach (Rational coefficient in c)
        {
            if (!coefficient.IsZero && ++terms > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the printed form starts with a minus sign, that is, the coefficient of the highest power is negative.</summary>
    public override bool IsNegativeForPrinting(CyclotomicNumber value)
    {
        Rational[]? c = CheckMember(value).RawCoefficients;
        if (c is null)
        {
            return false;
        }

        for (int k = c.Length - 1; k >= 0; k--)
        {
            if (!c[k].IsZero)
            {
                return c[k].Sign < 0;
            }
        }

        return false;
    }
}

/// <summary>Recursive-descent parser for expressions in z over one cyclotomic field.</summary>
internal sealed class CyclotomicParser(CyclotomicField field, string text)
{
    /// <summary>Largest absolute exponent accepted on a base other than z itself.</summary>
    public const int MaxExponent = 10_000;

    /// <summary>Deepest accepted nesting of parentheses, which bounds the recursion depth of the parser.</summary>
    public const int MaxDepth = 256;

    private int _position;
    private int _depth;

    public CyclotomicNumber ParseAll()
    {
        SkipSpaces();
        if (_position == text.Length)
        {
            throw Error("the text is empty; expected an expression such as z^2+1/2*z-3");
        }

        CyclotomicNumber value = ParseSum();
        SkipSpaces();
        if (_position < text.Length)
        {
            string hint = char.IsLetterOrDigit(text[_position]) || text[_position] == '(' ? " (write products with '*')" : string.Empty;
            throw Error($"unexpected {CurrentToken()}{hint}");
        }

        return value;
    }

    // sum := product (('+' | '-') product)*
    private CyclotomicNumber ParseSum()
    {
        CyclotomicNumber value = ParseProduct();
        while (true)
        {
            SkipSpaces();
            if (TryConsume('+'))
            {
                value += ParseProduct();
            }
            else if (TryConsume('-'))
            {
                value -= ParseProduct();
            }
            else
            {
                return value;
            }
        }
    }

    // product := unary (('*' | '/') unary)*
    private CyclotomicNumber ParseProduct()
    {
        CyclotomicNumber value = ParseUnary();
        while (true)
        {
            SkipSpaces();
            if (TryConsume('*'))
            {
                value *= ParseUnary();
            }
            else if (TryConsume('/'))
            {
                value /= ParseUnary();
            }
            else
            {
                return value;
            }
        }
    }

    // unary := ('-' | '+')* power, read in a loop so that long sign chains need no recursion.
    private CyclotomicNumber ParseUnary()
    {
        bool negative = false;
        while (true)
        {
            SkipSpaces();
            if (TryConsume('-'))
            {
                negative = !negative;
            }
            else if (!TryConsume('+'))
            {
                break;
            }
        }

        CyclotomicNumber value = ParsePower();
        return negative ? -value : value;
    }

    // power := primary ('^' exponent)?
    private CyclotomicNumber ParsePower()
    {
        SkipSpaces();
        bool isZ = IsIdentifierStart();
        CyclotomicNumber value = ParsePrimary();
        SkipSpaces();
        if (!TryConsume('^'))
        {
            return value;
        }

        int exponentAt = _position;
        BigInteger exponent = ParseExponent();
        if (isZ)
        {
            return field.RootOfUnity((int)(exponent % field.Order));
        }

        if (BigInteger.Abs(exponent) > MaxExponent)
        {
            _position = exponentAt;
            throw Error($"the exponent {exponent} is larger than {MaxExponent} in absolute value");
        }

        return value.Pow((int)exponent);
    }

    // exponent := ('-' | '+')? digits | '(' ('-' | '+')? digits ')'
    private BigInteger ParseExponent()
    {
        SkipSpaces();
        bool parenthesized = TryConsume('(');
        SkipSpaces();
        bool negative = TryConsume('-');
        if (!negative)
        {
            TryConsume('+');
        }

        SkipSpaces();
        int start = _position;
        while (_position < text.Length && char.IsAsciiDigit(text[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Error($"expected an integer exponent, found {CurrentToken()}");
        }

        BigInteger exponent = BigInteger.Parse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture);
        if (parenthesized)
        {
            SkipSpaces();
            if (!TryConsume(')'))
            {
                throw Error($"expected ')' after the exponent, found {CurrentToken()}");
            }
        }

        return negative ? -exponent : exponent;
    }

    // primary := number | 'z' | 'zeta' | 'zeta_n' | '(' sum ')'
    private CyclotomicNumber ParsePrimary()
    {
        SkipSpaces();
        if (_position == text.Length)
        {
            throw Error("unexpected end of text; expected a number, z or '('");
        }

        char c = text[_position];
        if (c == '(')
        {
            if (++_depth > MaxDepth)
            {
                throw Error($"parentheses nest deeper than {MaxDepth} levels");
            }

            _position++;
            CyclotomicNumber inner = ParseSum();
            _depth--;
            SkipSpaces();
            if (!TryConsume(')'))
            {
                throw Error($"expected ')', found {CurrentToken()}");
            }

            return inner;
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            return ParseNumber();
        }

        if (IsIdentifierStart())
        {
            return ParseGenerator();
        }

        throw Error($"unexpected {CurrentToken()}; expected a number, z or '('");
    }

    private CyclotomicNumber ParseNumber()
    {
        int start = _position;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
        {
            _position++;
        }

        string literal = text[start.._position];
        if (!Rational.TryParse(literal, out Rational value))
        {
            _position = start;
            throw Error($"'{literal}' is not a number");
        }

        return field.FromRationalCore(value);
    }

    private CyclotomicNumber ParseGenerator()
    {
        int start = _position;
        while (_position < text.Length && char.IsAsciiLetter(text[_position]))
        {
            _position++;
        }

        string name = text[start.._position];
        if (name is not ("z" or "zeta"))
        {
            _position = start;
            throw Error($"unknown name '{name}'; the generator of {field.Name} is written z or zeta");
        }

        // An optional subscript must repeat the order: zeta_5 in Q(zeta_5).
        if (_position < text.Length && text[_position] == '_')
        {
            int subscriptAt = _position;
            _position++;
            int digitsAt = _position;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            string digits = text[digitsAt.._position];
            if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int order) || order != field.Order)
            {
                _position = subscriptAt;
                throw Error($"the subscript '{text[subscriptAt..(digitsAt + digits.Length)]}' does not name the generator of {field.Name}; write {name}_{field.Order} or {name}");
            }
        }

        return field.Zeta;
    }

    private bool IsIdentifierStart() => _position < text.Length && char.IsAsciiLetter(text[_position]);

    private void SkipSpaces()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (_position < text.Length && text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private string CurrentToken() => _position >= text.Length ? "end of text" : $"'{text[_position]}'";

    private FormatException Error(string problem) =>
        new($"Invalid element of {field.Name} '{text}' at position {_position}: {problem}.");
}
