using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

/// <summary>
/// Reference polynomial arithmetic kept deliberately simple: a map from exponent vectors (as strings) to coefficients,
/// schoolbook multiplication, term-by-term substitution. It shares no code with the library's kernels.
/// </summary>
internal sealed class NaivePolynomial<T>
    where T : struct, IFieldElement<T>
{
    private readonly Dictionary<string, (int[] Exponents, T Coefficient)> _terms = new(StringComparer.Ordinal);

    public NaivePolynomial(int variableCount)
    {
        VariableCount = variableCount;
    }

    public int VariableCount { get; }

    public static NaivePolynomial<T> From(Polynomial<T> p)
    {
        var result = new NaivePolynomial<T>(p.Ring.VariableCount);
        foreach (var (c, m) in p.Terms)
        {
            result.AddTerm(m.Exponents.ToArray().Select(e => (int)e).ToArray(), c);
        }

        return result;
    }

    public static NaivePolynomial<T> Constant(int variableCount, T c)
    {
        var result = new NaivePolynomial<T>(variableCount);
        result.AddTerm(new int[variableCount], c);
        return result;
    }

    public void AddTerm(int[] exponents, T coefficient)
    {
        string key = string.Join(',', exponents);
        var sum = _terms.TryGetValue(key, out var existing) ? existing.Coefficient + coefficient : coefficient;
        if (sum.IsZero)
        {
            _terms.Remove(key);
        }
        else
        {
            _terms[key] = ((int[])exponents.Clone(), sum);
        }
    }

    public NaivePolynomial<T> Add(NaivePolynomial<T> other)
    {
        var result = new NaivePolynomial<T>(VariableCount);
        foreach (var (e, c) in _terms.Values)
        {
            result.AddTerm(e, c);
        }

        foreach (var (e, c) in other._terms.Values)
        {
            result.AddTerm(e, c);
        }

        return result;
    }

    public NaivePolynomial<T> Multiply(NaivePolynomial<T> other)
    {
        var result = new NaivePolynomial<T>(VariableCount);
        foreach (var (ea, ca) in _terms.Values)
        {
            foreach (var (eb, cb) in other._terms.Values)
            {
                var e = new int[VariableCount];
                for (int i = 0; i < e.Length; i++)
                {
                    e[i] = ea[i] + eb[i];
                }

                result.AddTerm(e, ca * cb);
            }
        }

        return result;
    }

    /// <summary>Returns f(images), each term expanded as c * prod images[i]^e_i by repeated multiplication.</summary>
    public NaivePolynomial<T> Substitute(IReadOnlyList<NaivePolynomial<T>> images, int targetVariableCount)
    {
        var result = new NaivePolynomial<T>(targetVariableCount);
        foreach (var (e, c) in _terms.Values)
        {
            var term = Constant(targetVariableCount, c);
            for (int i = 0; i < e.Length; i++)
            {
                for (int k = 0; k < e[i]; k++)
                {
                    term = term.Multiply(images[i]);
                }
            }

            result = result.Add(term);
        }

        return result;
    }

    /// <summary>Returns f(g x) with x_i replaced by sum_j g[i][j] x_j.</summary>
    public NaivePolynomial<T> LinearChange(T[][] matrix)
    {
        int n = VariableCount;
        var images = new NaivePolynomial<T>[n];
        for (int i = 0; i < n; i++)
        {
            images[i] = new NaivePolynomial<T>(n);
            for (int j = 0; j < n; j++)
            {
                var e = new int[n];
                e[j] = 1;
                images[i].AddTerm(e, matrix[i][j]);
            }
        }

        return Substitute(images, n);
    }

    /// <summary>Whether <paramref name="p"/> has exactly these terms and lists its monomials strictly decreasing in its ring's order.</summary>
    public bool Matches(Polynomial<T> p)
    {
        if (p.TermCount != _terms.Count)
        {
            return false;
        }

        for (int t = 0; t < p.TermCount; t++)
        {
            var m = p.Monomials[t];
            if (t > 0 && p.Ring.Order.Compare(p.Monomials[t - 1], m) <= 0)
            {
                return false;
            }

            string key = string.Join(',', m.Exponents.ToArray());
            if (!_terms.TryGetValue(key, out var term) || !term.Coefficient.Equals(p.Coefficients[t]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() =>
        string.Join(" + ", _terms.Values.Select(t => $"{t.Coefficient}*[{string.Join(',', t.Exponents)}]"));
}
