using System.Globalization;

namespace InvTheory.Representations.Constructions;

/// <summary>Recursive-descent parser for the grammar documented on <see cref="RepresentationExpression"/>.</summary>
internal sealed class RepresentationExpressionParser
{
    private static readonly (string Name, RepresentationOperation Operation)[] PowerNames =
    [
        ("Lambda", RepresentationOperation.ExteriorPower),
        ("Wedge", RepresentationOperation.ExteriorPower),
        ("Alt", RepresentationOperation.ExteriorPower),
        ("Dual", RepresentationOperation.Dual),
        ("Sym", RepresentationOperation.SymmetricPower),
        ("det", RepresentationOperation.Determinant),
        ("S", RepresentationOperation.SymmetricPower),
        ("T", RepresentationOperation.TensorPower),
    ];

    private readonly string _text;
    private int _position;

    public RepresentationExpressionParser(string text)
    {
        _text = text;
    }

    public RepresentationExpression ParseAll()
    {
        SkipSpaces();
        if (_position == _text.Length)
        {
            throw new FormatException("Representation expression is empty; write for example V, V+V, V*V, Sym2(V), Lambda2(V) or V^*.");
        }

        var result = ParseSum();
        SkipSpaces();
        if (_position < _text.Length)
        {
            throw Error($"unexpected '{_text[_position]}'; expected '+', '*', '^' or the end");
        }

        return result;
    }

    private RepresentationExpression ParseSum()
    {
        var left = ParseProduct();
        while (Accept('+'))
        {
            left = RepresentationExpression.Sum(left, ParseProduct());
        }

        return left;
    }

    private RepresentationExpression ParseProduct()
    {
        var left = ParsePostfix();
        while (Accept('*'))
        {
            left = RepresentationExpression.Tensor(left, ParsePostfix());
        }

        return left;
    }

    private RepresentationExpression ParsePostfix()
    {
        var operand = ParsePrimary();
        while (Accept('^'))
        {
            operand = Accept('*')
                ? RepresentationExpression.DualOf(operand)
                : RepresentationExpression.TensorPowerOf(operand, ParsePower("after '^' (write ^* for the dual or ^k for a tensor power)"));
        }

        return operand;
    }

    private RepresentationExpression ParsePrimary()
    {
        SkipSpaces();
        if (Accept('('))
        {
            var inner = ParseSum();
            Expect(')');
            return inner;
        }

        if (_position < _text.Length && _text[_position] == '1')
        {
            _position++;
            return RepresentationExpression.Trivial;
        }

        if (_position < _text.Length && (_text[_position] is 'V' or 'v')
            && (_position + 1 == _text.Length || !char.IsLetter(_text[_position + 1])))
        {
            _position++;
            return RepresentationExpression.Standard;
        }

        foreach (var (name, operation) in PowerNames)
        {
            if (string.Compare(_text, _position, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            int start = _position;
            _position += name.Length;
            if (operation == RepresentationOperation.Determinant)
            {
                return RepresentationExpression.Determinant;
            }

            if (operation == RepresentationOperation.Dual)
            {
                Expect('(');
                var dualOperand = ParseSum();
                Expect(')');
                return RepresentationExpression.DualOf(dualOperand);
            }

            SkipSpaces();
            Accept('^');
            SkipSpaces();
            if (_position >= _text.Length || !char.IsAsciiDigit(_text[_position]))
            {
                _position = start;
                throw Error($"'{name}' needs a power k, as in {name}2(V) or {name}^2(V)");
            }

            int k = ParsePower($"after '{name}'");
            Expect('(');
            var operand = ParseSum();
            Expect(')');
            return operation switch
            {
                RepresentationOperation.SymmetricPower => RepresentationExpression.SymmetricPowerOf(operand, k),
                RepresentationOperation.ExteriorPower => RepresentationExpression.ExteriorPowerOf(operand, k),
                _ => RepresentationExpression.TensorPowerOf(operand, k),
            };
        }

        throw Error(_position < _text.Length
            ? $"unexpected '{_text[_position]}'; expected V, 1, det, Sym, Lambda, T, Dual or '('"
            : "the expression ends early; expected V, 1, det, Sym, Lambda, T, Dual or '('");
    }

    private int ParsePower(string context)
    {
        SkipSpaces();
        int start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Error($"expected a power k {context}");
        }

        string digits = _text[start.._position];
        if (digits.Length > 3 || int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) > RepresentationExpression.MaximumPower)
        {
            _position = start;
            throw Error($"power {digits} is larger than {RepresentationExpression.MaximumPower}");
        }

        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private bool Accept(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!Accept(c))
        {
            throw Error(_position < _text.Length ? $"expected '{c}' but found '{_text[_position]}'" : $"expected '{c}' but the expression ends");
        }
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string problem) =>
        new($"Representation expression '{_text}', position {_position}: {problem}.");
}
