using System.Globalization;
using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>
/// Recursive-descent parser for polynomial text: sums, products, integer powers (<c>^</c> or <c>**</c>),
/// parentheses, unary signs, rational numbers and, over Q(zeta_n), the root of unity <c>z</c>.
/// Division is allowed by nonzero constants only.
/// </summary>
internal sealed class PolynomialParser<T>
    where T : struct, IFieldElement<T>
{
    private readonly PolynomialRing<T> _ring;
    private readonly string _text;
    private int _position;

    private PolynomialParser(PolynomialRing<T> ring, string text)
    {
        _ring = ring;
        _text = text;
    }

    public static Polynomial<T> Parse(PolynomialRing<T> ring, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new PolynomialParser<T>(ring, text);
        parser.SkipSpaces();
        if (parser.AtEnd)
        {
            throw new FormatException("Polynomial text is empty.");
        }

        var result = parser.ParseSum();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw parser.StartsOperand()
                ? parser.Error("missing operator (write products with '*') before")
                : parser.Error("unexpected");
        }

        return result;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private bool TryConsume(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private string CurrentToken()
    {
        if (AtEnd)
        {
            return "end of text";
        }

        int end = _position + 1;
        if (char.IsAsciiLetterOrDigit(Current) || Current == '_')
        {
            while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '_' or '.'))
            {
                end++;
            }
        }

        return $"'{_text[_position..end]}'";
    }

    /// <summary>Whether the text at the current position starts a number, a name or a parenthesized expression.</summary>
    private bool StartsOperand() => !AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '.' or '(');

    private FormatException Error(string what) =>
        new($"Cannot parse polynomial '{_text}': {what} {CurrentToken()} at position {_position}.");

    private Polynomial<T> ParseSum()
    {
        // The summands are collected and added once at the end, so a long sum costs O(T log T) instead of T merges.
        var first = ParseProduct();
        List<(T, Monomial)>? terms = null;
        while (true)
        {
            bool plus = TryConsume("+");
            if (!plus && !TryConsume("-"))
            {
                break;
            }

            var summand = ParseProduct();
            if (terms is null)
            {
                terms = [.. first.Terms];
            }

            var sign = plus ? _ring.Field.One : -_ring.Field.One;
            foreach (var (c, m) in summand.Terms)
            {
                terms.Add((sign * c, m));
            }
        }

        return terms is null ? first : _ring.FromTerms(terms);
    }

    private Polynomial<T> ParseProduct()
    {
        var product = ParseUnary();
        while (true)
        {
            SkipSpaces();
            if (!AtEnd && Current == '*' && !(_position + 1 < _text.Length && _text[_position + 1] == '*'))
            {
                _position++;
                product *= ParseUnary();
            }
            else if (TryConsume("/"))
            {
                SkipSpaces();
                int at = _position;
                var divisor = ParseUnary();
                if (!divisor.IsConstant || divisor.IsZero)
                {
                    _position = at;
                    throw Error(divisor.IsZero ? "division by zero before" : "division by a non-constant before");
                }

                product *= divisor.LeadingCoefficient.Inverse();
            }
            else
            {
                return product;
            }
        }
    }

    private Polynomial<T> ParseUnary()
    {
        if (TryConsume("-"))
        {
            return -ParseUnary();
        }

        if (TryConsume("+"))
        {
            return ParseUnary();
        }

        return ParsePower();
    }

    private Polynomial<T> ParsePower()
    {
        var b = ParseAtom();
        if (TryConsume("^") || TryConsume("**"))
        {
            SkipSpaces();

            // A nonzero constant base, such as z over Q(zeta_n), may take a negative exponent.
            bool invert = false;
            if (!AtEnd && Current == '-' && b.IsConstant && !b.IsZero)
            {
                invert = true;
                _position++;
                SkipSpaces();
            }

            int start = _position;
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }

            if (start == _position)
            {
                throw Error("expected a non-negative integer exponent, found");
            }

            if (!int.TryParse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k > Monomial.MaxExponent)
            {
                _position = start;
                throw Error($"exponent larger than {Monomial.MaxExponent}:");
            }

            return invert ? b.Ring.Constant(b.LeadingCoefficient.Inverse()).Power(k) : b.Power(k);
        }

        return b;
    }

    private Polynomial<T> ParseAtom()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("expected a number, a variable or '(', found");
        }

        if (Current == '(')
        {
            _position++;
            var inner = ParseSum();
            if (!TryConsume(")"))
            {
                throw Error("expected ')', found");
            }

            return inner;
        }

        if (char.IsAsciiDigit(Current) || Current == '.')
        {
            int start = _position;
            while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '.'))
            {
                _position++;
            }

            string number = _text[start.._position];
            if (!Rational.TryParse(number, out var value))
            {
                _position = start;
                throw Error("invalid number");
            }

            return _ring.Constant(value.IsInteger ? _ring.Field.FromInteger(value.Numerator) : _ring.Field.FromRational(value));
        }

        if (char.IsAsciiLetter(Current) || Current == '_')
        {
            int start = _position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
            {
                _position++;
            }

            string name = _text[start.._position];
            int index = _ring.IndexOf(name);
            if (index >= 0)
            {
                return _ring.Variable(index);
            }

            if (_ring.Field.DegreeOverPrimeField > 1)
            {
                try
                {
                    return _ring.Constant(_ring.Field.Parse(name));
                }
                catch (FormatException)
                {
                    // Not a name of the field either; reported below.
                }
            }

            _position = start;
            throw Error($"unknown variable (the ring's variables are {string.Join(", ", _ring.Variables)})");
        }

        throw Error("unexpected");
    }
}
