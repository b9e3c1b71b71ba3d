using System.Globalization;

namespace InvTheory.Invariants.Units;

/// <summary>Parses unit expressions such as <c>kg*m^-1*s^-2</c> or <c>W/(m*K)</c> into their dimension.</summary>
/// <remarks>
/// Grammar: expression = term (('*' | '/') term)*; term = factor ['^' exponent]; factor = unit | '1' | '(' expression ')';
/// exponent = ['+' | '-'] digits, optionally in parentheses. Units come from <see cref="UnitCatalog"/>, and
/// <c>1</c> stands for a dimensionless quantity. Whitespace between tokens is ignored, and '/' binds like '*' from
/// left to right, so <c>J/kg/K</c> is J*kg^-1*K^-1.
/// </remarks>
public static class UnitExpression
{
    /// <summary>Returns the dimension of <paramref name="expression"/>.</summary>
    /// <exception cref="UnitsTableException">
    /// The expression is malformed or uses an unknown unit; the message names <paramref name="context"/> (such as the
    /// variable), the 1-based character position and the token.
    /// </exception>
    public static DimensionVector Parse(string expression, string context = "unit expression")
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        var parser = new Parser(expression, context);
        return parser.ParseAll();
    }

    private sealed class Parser(string text, string context)
    {
        private int _position;

        public DimensionVector ParseAll()
        {
            SkipWhitespace();
            if (_position == text.Length)
            {
                throw Error(_position, "the expression is empty; write 1 for a dimensionless variable");
            }

            var result = ParseExpression();
            SkipWhitespace();
            if (_position < text.Length)
            {
                throw Error(_position, $"expected '*', '/' or the end, found '{TokenAt(_position)}'");
            }

            return result;
        }

        private DimensionVector ParseExpression()
        {
            var result = ParseTerm();
            while (true)
            {
                SkipWhitespace();
                char c = Peek();
                if (c != '*' && c != '/')
                {
                    return result;
                }

                _position++;
                var next = ParseTerm();
                result = Checked(() => result.Multiply(c == '*' ? next : next.Power(-1)));
            }
        }

        private DimensionVector ParseTerm()
        {
            var factor = ParseFactor();
            SkipWhitespace();
            if (Peek() != '^')
            {
                return factor;
            }

            _position++;
            int exponent = ParseExponent();
            return Checked(() => factor.Power(exponent));
        }

        private DimensionVector ParseFactor()
        {
            SkipWhitespace();
            int start = _position;
            char c = Peek();
            if (c == '(')
            {
                _position++;
                var inner = ParseExpression();
                SkipWhitespace();
                if (Peek() != ')')
                {
                    throw Error(_position, $"expected ')' to close the '(' at position {start + 1}, found {Describe(_position)}");
                }

                _position++;
                return inner;
            }

            if (char.IsAsciiDigit(c))
            {
                string number = ReadWhile(ch => char.IsAsciiDigit(ch) || ch == '.');
                if (number == "1")
                {
                    return DimensionVector.Dimensionless;
                }

                throw Error(start, $"the number '{number}' is not a unit; only 1 may stand alone (for a dimensionless variable), and scale factors do not affect dimensions");
            }

            if (IsSymbolCharacter(c))
            {
                string symbol = ReadWhile(IsSymbolCharacter);
                if (UnitCatalog.TryResolve(symbol, out var dimension, out var reason))
                {
                    return dimension;
                }

                throw Error(start, $"{reason}; see docs/units.md for the supported units and prefixes");
            }

            throw Error(start, $"expected a unit, '1' or '(', found {Describe(start)}");
        }

        private int ParseExponent()
        {
            SkipWhitespace();
            bool parenthesized = Peek() == '(';
            if (parenthesized)
            {
                _position++;
                SkipWhitespace();
            }

            int start = _position;
            if (Peek() is '-' or '+')
            {
                _position++;
            }

            string digits = ReadWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '.' || ch == '/');
            string token = text[start.._position];
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                throw Error(start, $"expected an integer exponent, found {(token.Length == 0 ? Describe(start) : $"'{token}'")}; exponents must be integers such as 2 or -1");
            }

            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent))
            {
                throw Error(start, $"the exponent '{token}' is too large");
            }

            if (parenthesized)
            {
                SkipWhitespace();
                if (Peek() != ')')
                {
                    throw Error(_position, $"expected ')' after the exponent, found {Describe(_position)}");
                }

                _position++;
            }

            return exponent;
        }

        private DimensionVector Checked(Func<DimensionVector> operation)
        {
            try
            {
                return operation();
            }
            catch (OverflowException ex)
            {
                throw new UnitsTableException($"{Capitalize(context)} '{text}': an exponent exceeds the range of a 32-bit integer.", ex);
            }
        }

        private static bool IsSymbolCharacter(char c) => char.IsLetter(c) || c is '\u00B5' or '\u03A9' or '_';

        private string ReadWhile(Func<char, bool> predicate)
        {
            int start = _position;
            while (_position < text.Length && predicate(text[_position]))
            {
                _position++;
            }

            return text[start.._position];
        }

        private string TokenAt(int position)
        {
            int end = position + 1;
            while (end < text.Length && char.IsLetterOrDigit(text[position]) && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            return text[position..end];
        }

        private string Describe(int position) => position >= text.Length ? "the end of the expression" : $"'{TokenAt(position)}'";

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private void SkipWhitespace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private UnitsTableException Error(int position, string problem) =>
            new($"{Capitalize(context)}: invalid unit expression '{text}' at position {position + 1}: {problem}.");

        private static string Capitalize(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];
    }
}
