using System.Numerics;
using System.Runtime.CompilerServices;
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
/// S-polynomials are reduced with 128-bit integer coefficients while every remainder coefficient stays below 2^125 in
/// absolute value; from the first step that would leave that range on, the same reduction continues with
/// <see cref="BigInteger"/> coefficients. Both perform the same exact arithmetic, so the result does not depend on the
/// switch. The 128-bit path is used only when every basis coefficient fits in 62 bits. Wider bases use registers of a
/// fixed number of 64-bit limbs in the same way (IntegerReducer.Wide.cs).
/// </para>
/// <para>
/// Monomials are interned in a <see cref="MonomialTable"/>, the remainder keeps one coefficient per monomial index,
/// and a heap yields its monomials in decreasing order. A step costs the reducer's length times a heap operation, plus
/// the remainder's length only when the remainder must be scaled (a/d ≠ 1). The reducer chosen for a monomial (the
/// shortest element of G whose leading monomial divides it) and its multiple are cached for later polynomials.
/// </para>
/// </remarks>
internal sealed partial class IntegerReducer
{
    /// <summary>Bit length above which a remainder coefficient leaves the 128-bit fast path.</summary>
    private const int SmallLimitBits = 125;

    /// <summary>Bit length up to which a basis coefficient is stored as a 64-bit integer.</summary>
    private const int SmallBasisBits = 62;

    private readonly MonomialTable _table;
    private readonly List<BasisElement> _basis = [];
    private readonly Dictionary<int, int> _reducerCache = [];
    private readonly List<ReducerMultiple> _reducerRows = [];
    private readonly PriorityQueue<int, int> _heap;
    private readonly bool _smallBasis;
    private BigInteger[] _coefficientOf = new BigInteger[1024];
    private Int128[] _smallCoefficientOf = new Int128[1024];
    private bool[] _inHeap = new bool[1024];

    /// <summary>A primitive integer polynomial: interned monomials in decreasing order and coefficients, also as 64-bit integers when they fit.</summary>
    private sealed record BasisElement(int[] Monomials, BigInteger[] Coefficients, long[]? SmallCoefficients, int MaxBits);

    /// <summary>A multiple x^a g of a basis element: its monomials, and g with its index in the basis.</summary>
    private sealed record ReducerMultiple(int[] Monomials, BasisElement Element, int ElementIndex);

    /// <summary>Prepares the reduction modulo <paramref name="basis"/>.</summary>
    /// <param name="ring">The ring of the polynomials.</param>
    /// <param name="basis">The fixed list G, converted to primitive integer polynomials.</param>
    /// <param name="fixedWidthPaths">False to reduce with big integers only, which tests use as the reference.</param>
    public IntegerReducer(PolynomialRing<Rational> ring, IReadOnlyList<Polynomial<Rational>> basis, bool fixedWidthPaths = true)
    {
        _table = new MonomialTable(ring.VariableCount, TermOrder.Compile(ring.Order, ring.VariableCount), null);
        _heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => _table.Compare(b, a)));
        foreach (var g in basis)
        {
            var (monomials, coefficients) = ToPrimitiveInteger(g);
            int maxBits = coefficients.Length == 0 ? 0 : coefficients.Max(c => (int)BigInteger.Abs(c).GetBitLength());
            long[]? small = maxBits <= SmallBasisBits ? [.. coefficients.Select(c => (long)c)] : null;
            _basis.Add(new BasisElement(monomials, coefficients, small, maxBits));
        }

        _smallBasis = fixedWidthPaths && _basis.All(g => g.SmallCoefficients is not null);
        if (fixedWidthPaths && !_smallBasis && _basis.Count > 0)
        {
            _width = WidthFor(_basis.Max(g => g.MaxBits));
        }

        if (_width > 0)
        {
            foreach (var g in _basis)
            {
                _wideCoefficients.Add([.. g.Coefficients.Select(ToWide)]);
            }
        }
    }

    /// <summary>Number of S-polynomial reductions that left the 128-bit or fixed-width path and finished with big integers.</summary>
    public int FastPathFailures { get; private set; }

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool SPolynomialReducesToZero(int i, int j)
    {
        if (_smallBasis)
        {
            return SmallSPolynomialReducesToZero(i, j);
        }

        if (_width > 0)
        {
            return WideSPolynomialReducesToZero(i, j);
        }

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddTerm(int m, BigInteger c)
    {
        EnsureCapacity(m);

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

            var monomials = _reducerRows[row].Monomials;
            var coefficients = _reducerRows[row].Element.Coefficients;
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

    private void EnsureCapacity(int m)
    {
        if (_coefficientOf.Length <= m)
        {
            int size = Math.Max(_table.Count, 2 * _coefficientOf.Length);
            Array.Resize(ref _coefficientOf, size);
            Array.Resize(ref _smallCoefficientOf, size);
            Array.Resize(ref _inHeap, size);
        }
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

            _reducerRows.Add(new ReducerMultiple(monomials, g, best));
            row = _reducerRows.Count - 1;
        }

        _reducerCache[m] = row;
        return row;
    }

    /// <summary>
    /// Reduces the S-polynomial of elements i and j with 128-bit coefficients while they stay below 2^125, and with big
    /// integers from the step where one would leave that range. The remainder is empty on return.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SmallSPolynomialReducesToZero(int i, int j)
    {
        var f = _basis[i];
        var g = _basis[j];
        long fLead = f.SmallCoefficients![0];
        long gLead = g.SmallCoefficients![0];
        int lcm = _table.Lcm(f.Monomials[0], g.Monomials[0]);
        long d = (long)GreatestCommonDivisor((ulong)Math.Abs(fLead), (ulong)Math.Abs(gLead));
        long fScale = gLead / d;
        long gScale = -(fLead / d);
        int fMultiplier = _table.Divide(lcm, f.Monomials[0]);
        int gMultiplier = _table.Divide(lcm, g.Monomials[0]);

        // Products of two coefficients below 2^62 in absolute value stay below 2^124, and their sums below 2^125.
        for (int k = 1; k < f.Monomials.Length; k++)
        {
            int m = _table.Multiply(f.Monomials[k], fMultiplier);
            EnsureCapacity(m);
            AddSmallTerm(m, (Int128)fScale * f.SmallCoefficients[k]);
        }

        for (int k = 1; k < g.Monomials.Length; k++)
        {
            int m = _table.Multiply(g.Monomials[k], gMultiplier);
            EnsureCapacity(m);
            AddSmallTerm(m, (Int128)gScale * g.SmallCoefficients[k]);
        }

        return ReduceSmall();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSmallTerm(int m, Int128 c)
    {
        _smallCoefficientOf[m] += c;
        if (!_inHeap[m])
        {
            _inHeap[m] = true;
            _heap.Enqueue(m, m);
        }
    }

    /// <summary>
    /// The 128-bit counterpart of <see cref="Reduce"/>. Invariant: every queued coefficient is below 2^125 in absolute
    /// value. A step that cannot keep it hands the remainder to <see cref="Reduce"/> as big integers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReduceSmall()
    {
        int scalings = 0;
        while (_heap.TryDequeue(out int m, out _))
        {
            _inHeap[m] = false;
            var v = _smallCoefficientOf[m];
            if (v == Int128.Zero)
            {
                continue;
            }

            _smallCoefficientOf[m] = Int128.Zero;
            int row = ReducerRow(m);
            if (row < 0)
            {
                ClearSmall();
                return false;
            }

            var monomials = _reducerRows[row].Monomials;
            var element = _reducerRows[row].Element;
            var coefficients = element.SmallCoefficients!;
            long lead = coefficients[0];
            ulong absoluteLead = (ulong)Math.Abs(lead);
            long d = (long)GreatestCommonDivisor(absoluteLead, (ulong)(Int128.Abs(v) % absoluteLead));
            long remainderScale = lead / d;
            Int128 reducerScale = -(v / d);
            if (BitLength(reducerScale) + element.MaxBits > SmallLimitBits - 1
                || (remainderScale != 1 && QueuedBitLength() + BitLength(remainderScale) > SmallLimitBits))
            {
                AddSmallTerm(m, v);
                return SwitchToBigIntegers();
            }

            if (remainderScale != 1)
            {
                foreach (var (queued, _) in _heap.UnorderedItems)
                {
                    _smallCoefficientOf[queued] *= remainderScale;
                }
            }

            // |reducerScale * c| < 2^124 and |slot| < 2^125, so the sum fits in 127 bits. The range is checked after the step.
            bool outOfRange = false;
            for (int k = 1; k < monomials.Length; k++)
            {
                int column = monomials[k];
                EnsureCapacity(column);
                ref var slot = ref _smallCoefficientOf[column];
                slot += reducerScale * coefficients[k];
                outOfRange |= BitLength(slot) > SmallLimitBits;
                if (!_inHeap[column])
                {
                    _inHeap[column] = true;
                    _heap.Enqueue(column, column);
                }
            }

            if (outOfRange)
            {
                return SwitchToBigIntegers();
            }

            if (remainderScale != 1 && ++scalings % 8 == 0)
            {
                RemoveQueuedSmallContent();
            }
        }

        return true;
    }

    /// <summary>Moves the queued 128-bit coefficients to the big-integer remainder and finishes the reduction there.</summary>
    private bool SwitchToBigIntegers()
    {
        FastPathFailures++;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            _coefficientOf[m] = (BigInteger)_smallCoefficientOf[m];
            _smallCoefficientOf[m] = Int128.Zero;
        }

        return Reduce();
    }

    /// <summary>Returns the largest bit length of a queued coefficient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int QueuedBitLength()
    {
        int bits = 0;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            bits = Math.Max(bits, BitLength(_smallCoefficientOf[m]));
        }

        return bits;
    }

    private void ClearSmall()
    {
        while (_heap.TryDequeue(out int m, out _))
        {
            _inHeap[m] = false;
            _smallCoefficientOf[m] = Int128.Zero;
        }
    }

    /// <summary>Divides the 128-bit remainder by the gcd of its coefficients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RemoveQueuedSmallContent()
    {
        UInt128 content = UInt128.Zero;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            var c = _smallCoefficientOf[m];
            if (c == Int128.Zero)
            {
                continue;
            }

            content = GreatestCommonDivisor(content, (UInt128)Int128.Abs(c));
            if (content == UInt128.One)
            {
                return;
            }
        }

        if (content == UInt128.Zero)
        {
            return;
        }

        var divisor = (Int128)content;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            _smallCoefficientOf[m] /= divisor;
        }
    }

    /// <summary>Returns the number of bits of |x|.</summary>
    private static int BitLength(Int128 x) => 128 - (int)UInt128.LeadingZeroCount((UInt128)Int128.Abs(x));

    private static ulong GreatestCommonDivisor(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static UInt128 GreatestCommonDivisor(UInt128 a, UInt128 b)
    {
        while (b != UInt128.Zero)
        {
            if (a <= ulong.MaxValue && b <= ulong.MaxValue)
            {
                return GreatestCommonDivisor((ulong)a, (ulong)b);
            }

            (a, b) = (b, a % b);
        }

        return a;
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
