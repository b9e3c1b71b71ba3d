using System.Globalization;

namespace InvTheory.Invariants.Export;

/// <summary>
/// A schedule that computes every monomial an exported map needs exactly once, each from a lower one with one
/// multiplication (or, for a negative exponent, one division) by a variable.
/// </summary>
/// <remarks>
/// Algorithm: close the set of needed exponent vectors under "parent": the parent of x^e moves the exponent of the last
/// variable with e_v != 0 one step towards 0. Monomial 0 is the constant 1; the others are sorted by the sum of
/// |e_v| and then by exponent vector, so every parent comes before its children. The cost is one operation per
/// monomial in the closure, at most the total degree per needed monomial and usually far less, because the
/// monomials of a basis share their prefixes.
/// </remarks>
internal sealed class MonomialPlan
{
    private readonly Dictionary<string, int> _index;

    private MonomialPlan(int variableCount, List<int[]> monomials)
    {
        VariableCount = variableCount;
        Monomials = monomials;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        Parent = new int[monomials.Count];
        Variable = new int[monomials.Count];
        Divides = new bool[monomials.Count];
        for (int i = 0; i < monomials.Count; i++)
        {
            _index[Key(monomials[i])] = i;
        }

        for (int i = 1; i < monomials.Count; i++)
        {
            var (parent, v) = ParentOf(monomials[i]);
            Parent[i] = _index[Key(parent)];
            Variable[i] = v;
            Divides[i] = monomials[i][v] < 0;
        }
    }

    /// <summary>The number of variables.</summary>
    public int VariableCount { get; }

    /// <summary>The exponent vectors; index 0 is the constant monomial.</summary>
    public IReadOnlyList<int[]> Monomials { get; }

    /// <summary>For monomial i &gt; 0, the index of the monomial it is computed from.</summary>
    public int[] Parent { get; }

    /// <summary>For monomial i &gt; 0, the variable it multiplies (or divides) its parent by.</summary>
    public int[] Variable { get; }

    /// <summary>For monomial i &gt; 0, whether it divides its parent by the variable (negative exponent).</summary>
    public bool[] Divides { get; }

    /// <summary>Returns the index of the monomial with the given exponents, which must be in the plan.</summary>
    public int IndexOf(IReadOnlyList<int> exponents) => _index[Key(exponents)];

    /// <summary>Returns the plan for the outputs' monomials and, with <paramref name="derivatives"/>, those of their partial derivatives.</summary>
    public static MonomialPlan Build(int variableCount, IEnumerable<ExportOutput> outputs, bool derivatives)
    {
        var needed = new Dictionary<string, int[]>(StringComparer.Ordinal) { [Key(new int[variableCount])] = new int[variableCount] };
        void Add(int[] e)
        {
            while (needed.TryAdd(Key(e), e) && e.Any(x => x != 0))
            {
                e = ParentOf(e).Parent;
            }
        }

        foreach (var output in outputs)
        {
            foreach (var term in output.Terms)
            {
                var e = term.Exponents.ToArray();
                Add(e);
                if (!derivatives)
                {
                    continue;
                }

                for (int v = 0; v < variableCount; v++)
                {
                    if (e[v] != 0)
                    {
                        var d = (int[])e.Clone();
                        d[v]--;
                        Add(d);
                    }
                }
            }
        }

        var sorted = needed.Values
            .OrderBy(e => e.Sum(Math.Abs))
            .ThenBy(e => e, Comparer<int[]>.Create(CompareDescending))
            .ToList();
        return new MonomialPlan(variableCount, sorted);
    }

    /// <summary>Returns the terms (coefficient, monomial index) of d output / d x_v.</summary>
    public IEnumerable<(double Coefficient, int Monomial)> Derivative(ExportOutput output, int v)
    {
        foreach (var term in output.Terms)
        {
            int e = term.Exponents[v];
            if (e == 0)
            {
                continue;
            }

            var d = term.Exponents.ToArray();
            d[v]--;
            yield return (term.Coefficient * e, IndexOf(d));
        }
    }

    /// <summary>Formats a double so that it reads back to the same value in C#, Python and JSON (shortest round-trip digits).</summary>
    public static string Literal(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static (int[] Parent, int Variable) ParentOf(int[] e)
    {
        int v = Array.FindLastIndex(e, x => x != 0);
        var parent = (int[])e.Clone();
        parent[v] -= Math.Sign(parent[v]);
        return (parent, v);
    }

    private static int CompareDescending(int[] a, int[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return b[i].CompareTo(a[i]);
            }
        }

        return 0;
    }

    private static string Key(IReadOnlyList<int> e) => string.Join(",", e);
}
