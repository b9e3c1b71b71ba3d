using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// Decides whether polynomials over Q reduce to zero modulo a fixed list G, working fraction-free on primitive integer
/// polynomials: a normal form is zero exactly when repeated reduction reaches zero, and the reduction step
/// p := (a/d) p - (c/d) m g with d = gcd(a, c) needs no division.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: fraction-free (pseudo-) reduction with content removal, as in integer Buchberger implementations
/// [BW93, Sec. 5.5]. Scaling by nonzero integers does not change whether the normal form is zero.
/// </para>
/// <para>
/// Monomials are interned in a <see cref="MonomialTable"/>, the remainder keeps one coefficient per monomial index,
/// and a heap yields its monomials in decreasing order. A step costs the reducer's length times a heap operation, plus
/// the remainder's length only when the remainder must be scaled (a/d ≠ 1). The reducer chosen for a monomial (the
/// shortest element of G whose leading monomial divides it) and its multiple are cached for later polynomials.
/// </para>
/// </remarks>
internal sealed class IntegerReducer
{
    private readonly MonomialTable _table;
    private readonly List<(int[] Monomials, BigInteger[] Coefficients)> _basis = [];
    private readonly Dictionary<int, int> _reducerCache = [];
    private readonly List<(int[] Monomials, BigInteger[] Coefficients)> _reducerRows = [];
    private readonly PriorityQueue<int, int> _heap;
    private BigInteger[] _coefficientOf = new BigInteger[1024];
    private bool[] _inHeap = new bool[1024];

    public IntegerReducer(PolynomialRing<Rational> ring, IReadOnlyList<Polynomial<Rational>> basis)
    {
        _table = new MonomialTable(ring.VariableCount, TermOrder.Compile(ring.Order, ring.VariableCount), null);
        _heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => _table.Compare(b, a)));
        foreach (var g in basis)
        {
            _basis.Add(ToPrimitiveInteger(g));
        }
    }

    /// <summary>Whether f reduces to zero modulo the basis.</summary>
    public bool ReducesToZero(Polynomial<Rational> f)
    {
        if (f.IsZero)
        {
            return true;
        }

        var (monomials, coefficients) = ToPrimitiveInteger(f);
        for (int k = 0; k < monomials.Length; k++)
        {
            AddTerm(monomials[k], coefficients[k]);
        }

        return Reduce();
    }

    /// <summary>Whether the S-polynomial of basis elements i and j reduces to zero.</summary>
    public bool SPolynomialReducesToZero(int i, int j)
    {
        var f = _basis[i];
        var g = _basis[j];
        int lcm = _table.Lcm(f.Monomials[0], g.Monomials[0]);
        var d = BigInteger.GreatestCommonDivisor(f.Coefficients[0], g.Coefficients[0]);
        var fScale = g.Coefficients[0] / d;
        var gScale = -(f.Coefficients[0] / d);
        int fMultiplier = _table.Divide(lcm, f.Monomials[0]);
        int gMultiplier = _table.Divide(lcm, g.Monomials[0]);

        // The leading terms cancel, so the S-polynomial lives on the tails.
        for (int k = 1; k < f.Monomials.Length; k++)
        {
            AddTerm(_table.Multiply(f.Monomials[k], fMultiplier), fScale * f.Coefficients[k]);
        }

        for (int k = 1; k < g.Monomials.Length; k++)
        {
            AddTerm(_table.Multiply(g.Monomials[k], gMultiplier), gScale * g.Coefficients[k]);
        }

        return Reduce();
    }

    /// <summary>Adds c x^m to the remainder, queueing m when it is not queued.</summary>
    private void AddTerm(int m, BigInteger c)
    {
        if (_coefficientOf.Length <= m)
        {
            int size = Math.Max(_table.Count, 2 * _coefficientOf.Length);
            Array.Resize(ref _coefficientOf, size);
            Array.Resize(ref _inHeap, size);
        }

        _coefficientOf[m] += c;
        if (!_inHeap[m])
        {
            _inHeap[m] = true;
            _heap.Enqueue(m, m);
        }
    }

    /// <summary>
    /// Reduces the remainder held in the heap, largest monomial first; returns whether it reduces to zero. The heap
    /// and the coefficients are empty again on return.
    /// </summary>
    private bool Reduce()
    {
        int scalings = 0;
        while (_heap.TryDequeue(out int m, out _))
        {
            _inHeap[m] = false;
            var v = _coefficientOf[m];
            if (v.IsZero)
            {
                continue;
            }

            _coefficientOf[m] = BigInteger.Zero;
            int row = ReducerRow(m);
            if (row < 0)
            {
                Clear();
                return false;
            }

            var (monomials, coefficients) = _reducerRows[row];
            var d = BigInteger.GreatestCommonDivisor(v, coefficients[0]);
            var remainderScale = coefficients[0] / d;
            var reducerScale = -(v / d);
            if (!remainderScale.IsOne)
            {
                // Only the queued monomials can carry nonzero coefficients, so scaling them scales the remainder.
                foreach (var (queued, _) in _heap.UnorderedItems)
                {
                    ref var slot = ref _coefficientOf[queued];
                    if (!slot.IsZero)
                    {
                        slot *= remainderScale;
                    }
                }

            }

            for (int k = 1; k < monomials.Length; k++)
            {
                AddTerm(monomials[k], reducerScale * coefficients[k]);
            }

            // The content is removed only from a complete remainder, after the reducer's terms are added.
            if (!remainderScale.IsOne && ++scalings % 8 == 0)
            {
                RemoveQueuedContent();
            }
        }

        return true;
    }

    private void Clear()
    {
        while (_heap.TryDequeue(out int m, out _))
        {
            _inHeap[m] = false;
            _coefficientOf[m] = BigInteger.Zero;
        }
    }

    /// <summary>Divides the remainder by the gcd of its coefficients.</summary>
    private void RemoveQueuedContent()
    {
        BigInteger content = BigInteger.Zero;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            if (_coefficientOf[m].IsZero)
            {
                continue;
            }

            content = BigInteger.GreatestCommonDivisor(content, _coefficientOf[m]);
            if (content.IsOne)
            {
                return;
            }
        }

        if (content.IsZero)
        {
            return;
        }

        foreach (var (m, _) in _heap.UnorderedItems)
        {
            _coefficientOf[m] /= content;
        }
    }

    /// <summary>Returns the index of the cached multiple m/lm(g) * g of the shortest g whose leading monomial divides m, or -1.</summary>
    private int ReducerRow(int m)
    {
        if (_reducerCache.TryGetValue(m, out int row))
        {
            return row;
        }

        int best = -1;
        for (int k = 0; k < _basis.Count; k++)
        {
            var b = _basis[k];
            if (_table.Divides(b.Monomials[0], m) && (best < 0 || b.Monomials.Length < _basis[best].Monomials.Length))
            {
                best = k;
            }
        }

        row = -1;
        if (best >= 0)
        {
            var g = _basis[best];
            int multiplier = _table.Divide(m, g.Monomials[0]);
            var monomials = new int[g.Monomials.Length];
            for (int k = 0; k < monomials.Length; k++)
            {
                monomials[k] = _table.Multiply(g.Monomials[k], multiplier);
            }

            _reducerRows.Add((monomials, g.Coefficients));
            row = _reducerRows.Count - 1;
        }

        _reducerCache[m] = row;
        return row;
    }

    private (int[] Monomials, BigInteger[] Coefficients) ToPrimitiveInteger(Polynomial<Rational> f)
    {
        BigInteger lcm = BigInteger.One;
        foreach (var c in f.CoefficientSpan)
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        var cs = new BigInteger[f.TermCount];
        var ms = new int[f.TermCount];
        BigInteger content = BigInteger.Zero;
        for (int t = 0; t < cs.Length; t++)
        {
            var c = f.CoefficientSpan[t];
            cs[t] = c.Numerator * (lcm / c.Denominator);
            ms[t] = _table.Intern(f.MonomialSpan[t]);
            content = BigInteger.GreatestCommonDivisor(content, cs[t]);
        }

        if (!content.IsZero && !content.IsOne)
        {
            for (int t = 0; t < cs.Length; t++)
            {
                cs[t] /= content;
            }
        }

        return (ms, cs);
    }
}
