using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// Decides whether polynomials over Q reduce to zero modulo a fixed list G, working fraction-free on primitive integer
/// polynomials: a normal form is zero exactly when repeated top reduction reaches zero, and top reduction by
/// p := (a/d) p - (c/d) m g with d = gcd(a, c) needs no division.
/// </summary>
/// <remarks>
/// Algorithm: fraction-free (pseudo-) reduction with content removal, as in integer Buchberger implementations
/// [BW93, Sec. 5.5]. Scaling by nonzero integers does not change whether the normal form is zero.
/// </remarks>
internal sealed class IntegerReducer
{
    private readonly TermOrder _order;
    private readonly List<(Monomial[] Monomials, BigInteger[] Coefficients, ulong Mask)> _basis = [];

    public IntegerReducer(PolynomialRing<Rational> ring, IReadOnlyList<Polynomial<Rational>> basis)
    {
        _order = TermOrder.Compile(ring.Order, ring.VariableCount);
        foreach (var g in basis)
        {
            var (m, c) = ToPrimitiveInteger(g);
            _basis.Add((m, c, DivisibilityMask.Of(m[0])));
        }
    }

    /// <summary>Whether f reduces to zero modulo the basis.</summary>
    public bool ReducesToZero(Polynomial<Rational> f)
    {
        if (f.IsZero)
        {
            return true;
        }

        var (m, c) = ToPrimitiveInteger(f);
        return TopReducesToZero(m, c);
    }

    /// <summary>Whether the S-polynomial of basis elements i and j reduces to zero.</summary>
    public bool SPolynomialReducesToZero(int i, int j)
    {
        var f = _basis[i];
        var g = _basis[j];
        var lcm = f.Monomials[0].Lcm(g.Monomials[0]);
        var d = BigInteger.GreatestCommonDivisor(f.Coefficients[0], g.Coefficients[0]);
        var (m, c) = Combine(
            f.Monomials, f.Coefficients, g.Coefficients[0] / d, lcm.Divide(f.Monomials[0]),
            g.Monomials, g.Coefficients, f.Coefficients[0] / d, lcm.Divide(g.Monomials[0]));
        return TopReducesToZero(m, c);
    }

    private bool TopReducesToZero(Monomial[] monomials, BigInteger[] coefficients)
    {
        int steps = 0;
        while (monomials.Length > 0)
        {
            var lead = monomials[0];
            ulong mask = DivisibilityMask.Of(lead);
            int r = -1;
            for (int k = 0; k < _basis.Count; k++)
            {
                var b = _basis[k];
                if ((b.Mask & ~mask) == 0 && b.Monomials[0].Divides(lead) && (r < 0 || b.Monomials.Length < _basis[r].Monomials.Length))
                {
                    r = k;
                }
            }

            if (r < 0)
            {
                return false;
            }

            var g = _basis[r];
            var d = BigInteger.GreatestCommonDivisor(coefficients[0], g.Coefficients[0]);
            (monomials, coefficients) = Combine(
                monomials, coefficients, g.Coefficients[0] / d, Monomial.One(lead.VariableCount),
                g.Monomials, g.Coefficients, coefficients[0] / d, lead.Divide(g.Monomials[0]));
            if (++steps % 8 == 0)
            {
                RemoveContentInPlace(coefficients);
            }
        }

        return true;
    }

    /// <summary>Returns a * u * f - b * v * g, whose leading terms are assumed to cancel; both inputs are sorted.</summary>
    private (Monomial[], BigInteger[]) Combine(
        Monomial[] fm, BigInteger[] fc, BigInteger a, Monomial u, Monomial[] gm, BigInteger[] gc, BigInteger b, Monomial v)
    {
        var ms = new Monomial[fm.Length + gm.Length];
        var cs = new BigInteger[ms.Length];
        bool uOne = u.IsOne, vOne = v.IsOne, aOne = a.IsOne;
        int i = 1, j = 1, k = 0;
        Monomial mi = i < fm.Length ? (uOne ? fm[i] : fm[i].Multiply(u)) : default;
        Monomial mj = j < gm.Length ? (vOne ? gm[j] : gm[j].Multiply(v)) : default;
        while (i < fm.Length || j < gm.Length)
        {
            int cmp = i >= fm.Length ? -1 : j >= gm.Length ? 1 : _order.Compare(mi, mj);
            if (cmp > 0)
            {
                ms[k] = mi;
                cs[k++] = aOne ? fc[i] : a * fc[i];
                if (++i < fm.Length)
                {
                    mi = uOne ? fm[i] : fm[i].Multiply(u);
                }
            }
            else if (cmp < 0)
            {
                ms[k] = mj;
                cs[k++] = -(b * gc[j]);
                if (++j < gm.Length)
                {
                    mj = vOne ? gm[j] : gm[j].Multiply(v);
                }
            }
            else
            {
                var s = (aOne ? fc[i] : a * fc[i]) - b * gc[j];
                if (!s.IsZero)
                {
                    ms[k] = mi;
                    cs[k++] = s;
                }

                if (++i < fm.Length)
                {
                    mi = uOne ? fm[i] : fm[i].Multiply(u);
                }

                if (++j < gm.Length)
                {
                    mj = vOne ? gm[j] : gm[j].Multiply(v);
                }
            }
        }

        Array.Resize(ref ms, k);
        Array.Resize(ref cs, k);
        return (ms, cs);
    }

    private static void RemoveContentInPlace(BigInteger[] coefficients)
    {
        BigInteger content = BigInteger.Zero;
        foreach (var c in coefficients)
        {
            content = BigInteger.GreatestCommonDivisor(content, c);
            if (content.IsOne)
            {
                return;
            }
        }

        if (content.IsZero)
        {
            return;
        }

        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] /= content;
        }
    }

    private static (Monomial[], BigInteger[]) ToPrimitiveInteger(Polynomial<Rational> f)
    {
        BigInteger lcm = BigInteger.One;
        foreach (var c in f.CoefficientSpan)
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        var cs = new BigInteger[f.TermCount];
        for (int t = 0; t < cs.Length; t++)
        {
            var c = f.CoefficientSpan[t];
            cs[t] = c.Numerator * (lcm / c.Denominator);
        }

        RemoveContentInPlace(cs);
        return (f.MonomialSpan.ToArray(), cs);
    }
}
