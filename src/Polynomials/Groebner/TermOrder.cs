using System.Globalization;
using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// A monomial order compiled into a list of integer rows, for comparisons without allocation:
/// two monomials compare by the first row on which their values differ.
/// </summary>
/// <remarks>
/// Every order that <see cref="MonomialOrder"/> builds (lex, deglex, grevlex, weighted degree and nested block
/// orders) is a matrix order, so it is recompiled from its canonical <see cref="MonomialOrder.Name"/>.
/// An order whose name is not recognized is compared through <see cref="MonomialOrder.Compare"/> instead.
/// </remarks>
internal sealed class TermOrder : IComparer<Monomial>
{
    private enum RowKind
    {
        Variable,
        NegatedVariable,
        Degree,
        WeightedDegree,
    }

    private readonly record struct Row(RowKind Kind, int Index, int End, int[]? Weights);

    private readonly Row[]? _rows;
    private readonly MonomialOrder _order;
    private readonly bool _isGrevlex;

    private TermOrder(MonomialOrder order, Row[]? rows, bool isGrevlex)
    {
        _order = order;
        _rows = rows;
        _isGrevlex = isGrevlex;
    }

    /// <summary>Whether the order was compiled into rows (false when it falls back to <see cref="MonomialOrder.Compare"/>).</summary>
    public bool IsCompiled => _rows is not null;

    /// <summary>The order this comparer implements.</summary>
    public MonomialOrder Order => _order;

    /// <summary>Compiles <paramref name="order"/> for monomials in <paramref name="variableCount"/> variables.</summary>
    public static TermOrder Compile(MonomialOrder order, int variableCount)
    {
        ArgumentNullException.ThrowIfNull(order);
        var rows = new List<Row>();
        int position = 0;
        if (TryParse(order.Name, ref position, 0, variableCount, rows) && position == order.Name.Length)
        {
            return new TermOrder(order, [.. rows], order.Name == "grevlex");
        }

        return new TermOrder(order, null, false);
    }

    /// <summary>Compares two monomials; positive when <paramref name="a"/> is larger.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Compare(Monomial a, Monomial b)
    {
        if (_isGrevlex)
        {
            return CompareGrevlex(a, b);
        }

        return _rows is null ? _order.Compare(a, b) : CompareRows(a, b);
    }

    private static int CompareGrevlex(Monomial a, Monomial b)
    {
        if (a.TotalDegree != b.TotalDegree)
        {
            return a.TotalDegree > b.TotalDegree ? 1 : -1;
        }

        var x = a.Exponents;
        var y = b.Exponents;
        for (int i = x.Length - 1; i >= 0; i--)
        {
            if (x[i] != y[i])
            {
                return x[i] < y[i] ? 1 : -1;
            }
        }

        return 0;
    }

    /// <summary>Number of rows of the compiled order, or 0 when it is not compiled.</summary>
    public int RowCount => _rows?.Length ?? 0;

    /// <summary>
    /// Packs the row values of the exponent vector <paramref name="e"/> into a key whose unsigned order is the monomial
    /// order: row r, shifted by 2^(bitsPerRow - 1), fills bit field r counted from the top. Returns false when the order
    /// is not compiled or a row value does not fit in its field.
    /// </summary>
    public bool TryComputeKey(ReadOnlySpan<ushort> e, int bitsPerRow, out UInt128 key)
    {
        key = UInt128.Zero;
        if (_rows is null || bitsPerRow * _rows.Length > 128)
        {
            return false;
        }

        long half = 1L << (bitsPerRow - 1);
        foreach (var row in _rows)
        {
            long value = 0;
            switch (row.Kind)
            {
                case RowKind.Variable:
                    value = e[row.Index];
                    break;
                case RowKind.NegatedVariable:
                    value = -e[row.Index];
                    break;
                case RowKind.Degree:
                    for (int i = row.Index; i < row.End; i++)
                    {
                        value += e[i];
                    }

                    break;
                default:
                    for (int i = row.Index; i < row.End; i++)
                    {
                        value += (long)row.Weights![i - row.Index] * e[i];
                    }

                    break;
            }

            if (value < -half || value >= half)
            {
                key = UInt128.Zero;
                return false;
            }

            key = (key << bitsPerRow) | (UInt128)(ulong)(value + half);
        }

        return true;
    }

    private int CompareRows(Monomial a, Monomial b)
    {
        var x = a.Exponents;
        var y = b.Exponents;
        foreach (var row in _rows!)
        {
            long d;
            switch (row.Kind)
            {
                case RowKind.Variable:
                    d = x[row.Index] - y[row.Index];
                    break;
                case RowKind.NegatedVariable:
                    d = y[row.Index] - x[row.Index];
                    break;
                case RowKind.Degree:
                    if (row.Index == 0 && row.End == x.Length)
                    {
                        d = a.TotalDegree - b.TotalDegree;
                    }
                    else
                    {
                        d = 0;
                        for (int i = row.Index; i < row.End; i++)
                        {
                            d += x[i] - y[i];
                        }
                    }

                    break;
                default:
                    d = 0;
                    for (int i = row.Index; i < row.End; i++)
                    {
                        d += (long)row.Weights![i - row.Index] * (x[i] - y[i]);
                    }

                    break;
            }

            if (d != 0)
            {
                return d > 0 ? 1 : -1;
            }
        }

        return 0;
    }

    // Grammar of canonical names: lex | deglex | grevlex | wdeg(w1,...,wk) | block(NAME:k,NAME).
    private static bool TryParse(string name, ref int position, int start, int end, List<Row> rows)
    {
        if (Accept(name, ref position, "block("))
        {
            int save = position;
            var firstRows = new List<Row>();

            // The size follows the first order, so parse the first order after reading ahead to its size.
            int depth = 0, colon = -1;
            for (int i = position; i < name.Length; i++)
            {
                if (name[i] == '(')
                {
                    depth++;
                }
                else if (name[i] == ')')
                {
                    depth--;
                }
                else if (name[i] == ':' && depth == 0)
                {
                    colon = i;
                    break;
                }
            }

            if (colon < 0)
            {
                return false;
            }

            int comma = name.IndexOf(',', colon);
            if (comma < 0 || !int.TryParse(name.AsSpan(colon + 1, comma - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int size)
                || start + size > end)
            {
                return false;
            }

            position = save;
            if (!TryParse(name, ref position, start, start + size, firstRows) || position != colon)
            {
                return false;
            }

            rows.AddRange(firstRows);
            position = comma + 1;
            if (!TryParse(name, ref position, start + size, end, rows))
            {
                return false;
            }

            return Accept(name, ref position, ")");
        }

        if (Accept(name, ref position, "wdeg("))
        {
            int close = name.IndexOf(')', position);
            if (close < 0)
            {
                return false;
            }

            var parts = name[position..close].Split(',');
            if (parts.Length != end - start)
            {
                return false;
            }

            var weights = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out weights[i]))
                {
                    return false;
                }
            }

            position = close + 1;
            rows.Add(new Row(RowKind.WeightedDegree, start, end, weights));
            AddGrevlex(start, end, rows);
            return true;
        }

        if (Accept(name, ref position, "grevlex"))
        {
            AddGrevlex(start, end, rows);
            return true;
        }

        if (Accept(name, ref position, "deglex"))
        {
            rows.Add(new Row(RowKind.Degree, start, end, null));
            AddLex(start, end, rows);
            return true;
        }

        if (Accept(name, ref position, "lex"))
        {
            AddLex(start, end, rows);
            return true;
        }

        return false;
    }

    private static void AddGrevlex(int start, int end, List<Row> rows)
    {
        rows.Add(new Row(RowKind.Degree, start, end, null));
        for (int i = end - 1; i > start; i--)
        {
            rows.Add(new Row(RowKind.NegatedVariable, i, i + 1, null));
        }
    }

    private static void AddLex(int start, int end, List<Row> rows)
    {
        for (int i = start; i < end; i++)
        {
            rows.Add(new Row(RowKind.Variable, i, i + 1, null));
        }
    }

    private static bool Accept(string name, ref int position, string token)
    {
        if (string.CompareOrdinal(name, position, token, 0, token.Length) == 0)
        {
            position += token.Length;
            return true;
        }

        return false;
    }
}
