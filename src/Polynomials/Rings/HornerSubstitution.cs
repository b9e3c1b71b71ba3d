using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>Substitution of polynomials for the variables of a polynomial by the multivariate Horner scheme.</summary>
/// <remarks>
/// Algorithm: multivariate Horner scheme. With the terms of f sorted lexicographically, f = sum_a x_1^a f_a(x_2, ..., x_n)
/// and f(p) = (...(f_A(p') p_1^(A - a') + f_a'(p')) p_1^(a' - a'') + ...) p_1^(a_min), where the f_a are substituted
/// recursively in the same way. Each image is multiplied once per step instead of once per term, and a power p_i^k
/// for a gap k &gt; 1 between exponents is computed once and cached.
/// </remarks>
internal sealed class HornerSubstitution<T>
    where T : struct, IFieldElement<T>
{
    private readonly IReadOnlyList<Polynomial<T>> _images;
    private readonly PolynomialRing<T> _target;
    private readonly Monomial[] _monomials;
    private readonly T[] _coefficients;
    private readonly Dictionary<int, Polynomial<T>>[] _powers;

    private HornerSubstitution(Polynomial<T> f, IReadOnlyList<Polynomial<T>> images, PolynomialRing<T> target)
    {
        _images = images;
        _target = target;
        _monomials = f.MonomialSpan.ToArray();
        _coefficients = f.CoefficientSpan.ToArray();
        if (!ReferenceEquals(f.Ring.Order, MonomialOrder.Lex))
        {
            Array.Sort(_monomials, _coefficients, Comparer<Monomial>.Create(static (a, b) => MonomialOrder.CompareLex(b.Exponents, a.Exponents)));
        }

        _powers = new Dictionary<int, Polynomial<T>>[images.Count];
        for (int i = 0; i < _powers.Length; i++)
        {
            _powers[i] = new Dictionary<int, Polynomial<T>> { [1] = images[i] };
        }
    }

    /// <summary>Returns f(images) in <paramref name="target"/>; the caller has checked the counts and rings.</summary>
    public static Polynomial<T> Substitute(Polynomial<T> f, IReadOnlyList<Polynomial<T>> images, PolynomialRing<T> target)
    {
        if (f.IsZero)
        {
            return target.Zero;
        }

        var substitution = new HornerSubstitution<T>(f, images, target);
        return substitution.Image(0, 0, f.TermCount);
    }

    /// <summary>Returns p_variable^exponent, cached.</summary>
    private Polynomial<T> Power(int variable, int exponent)
    {
        if (exponent == 0)
        {
            return _target.One;
        }

        var cache = _powers[variable];
        if (!cache.TryGetValue(exponent, out var power))
        {
            power = _images[variable].Power(exponent);
            cache[exponent] = power;
        }

        return power;
    }

    /// <summary>
    /// Returns the image of the terms [lo, hi), which agree in the exponents of the variables before <paramref name="variable"/>,
    /// with those variables left out.
    /// </summary>
    private Polynomial<T> Image(int variable, int lo, int hi)
    {
        int n = _images.Count;
        if (hi - lo == 1)
        {
            // A single term: the product of cached powers.
            var term = _target.Constant(_coefficients[lo]);
            var e = _monomials[lo].Exponents;
            for (int i = variable; i < n; i++)
            {
                if (e[i] > 0)
                {
                    term *= Power(i, e[i]);
                }
            }

            return term;
        }

        // Terms are in decreasing lex order, so the exponents of this variable decrease along the range.
        int start = lo;
        int previousExponent = _monomials[lo][variable];
        Polynomial<T>? accumulator = null;
        while (start < hi)
        {
            int exponent = _monomials[start][variable];
            int end = start + 1;
            while (end < hi && _monomials[end][variable] == exponent)
            {
                end++;
            }

            var part = Image(variable + 1, start, end);
            accumulator = accumulator is null ? part : (accumulator * Power(variable, previousExponent - exponent)) + part;
            previousExponent = exponent;
            start = end;
        }

        return previousExponent == 0 ? accumulator! : accumulator! * Power(variable, previousExponent);
    }
}
