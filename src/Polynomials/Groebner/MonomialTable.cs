using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// Monomials of one ring interned in a hash table and referred to by int index, with the exponent vectors stored
/// in one flat array. Products, quotients and lcms of indexed monomials are looked up without allocation unless
/// the result is new.
/// </summary>
/// <remarks>
/// The hash of a monomial is a linear form in its exponents (fixed pseudo-random weights), so the hash of a
/// product is the sum of the hashes. The divisibility mask sets, for each variable, one bit per exponent threshold
/// it reaches (up to 8 thresholds when the variables are few), so a divisor's mask is a subset of the multiple's.
/// When the order is compiled into at most 16 rows, each monomial also gets a 128-bit key that packs its row values
/// (<see cref="TermOrder.TryComputeKey"/>), so that <see cref="Compare"/> is one integer comparison. The table stops
/// using keys for good as soon as one monomial's row value does not fit its field; both ways give the same order.
/// Not thread-safe.
/// </remarks>
internal sealed class MonomialTable
{
    private readonly int _variableCount;
    private readonly TermOrder _order;
    private readonly int[]? _weights;
    private readonly ulong[] _hashWeights;
    private readonly int _maskLevels;
    private readonly ushort[] _scratch;
    private ushort[] _exponents;
    private Monomial[] _monomials;
    private int[] _degrees;
    private ulong[] _masks;
    private ulong[] _hashes;
    private int[] _slots;
    private UInt128[] _keys;
    private readonly int _keyBits;
    private bool _useKeys;
    private int _count;

    /// <summary>Creates an empty table for monomials in <paramref name="variableCount"/> variables.</summary>
    /// <param name="variableCount">Number of variables.</param>
    /// <param name="order">The monomial order used by <see cref="Compare"/>.</param>
    /// <param name="weights">Positive weights of the degree returned by <see cref="Degree"/>; null for the total degree.</param>
    public MonomialTable(int variableCount, TermOrder order, int[]? weights)
    {
        _variableCount = variableCount;
        _order = order;
        _weights = weights;
        _hashWeights = new ulong[variableCount];
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < variableCount; i++)
        {
            // SplitMix64 steps from a fixed seed, so hashes and probe sequences are the same on every run.
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            _hashWeights[i] = z ^ (z >> 31);
        }

        _maskLevels = variableCount == 0 ? 1 : Math.Clamp(64 / variableCount, 1, 8);
        _scratch = new ushort[variableCount];
        const int initial = 1024;
        _exponents = new ushort[initial * Math.Max(variableCount, 1)];
        _monomials = new Monomial[initial];
        _degrees = new int[initial];
        _masks = new ulong[initial];
        _hashes = new ulong[initial];
        _slots = new int[2 * initial];
        _keys = new UInt128[initial];
        _keyBits = order.RowCount is > 0 and <= 16 ? 128 / order.RowCount : 0;
        _useKeys = _keyBits > 0;
    }

    /// <summary>Number of interned monomials; indices run from 0 to Count - 1.</summary>
    public int Count => _count;

    /// <summary>The monomial with index <paramref name="index"/>.</summary>
    public Monomial this[int index] => _monomials[index];

    /// <summary>Degree of a monomial in the grading of the table (total or weighted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Degree(int index) => _degrees[index];

    /// <summary>Divisibility mask of a monomial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Mask(int index) => _masks[index];

    /// <summary>Returns the index of <paramref name="monomial"/>, interning it when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(Monomial monomial)
    {
        var e = monomial.Exponents;
        ulong hash = 0;
        for (int i = 0; i < e.Length; i++)
        {
            hash += e[i] * _hashWeights[i];
        }

        return Find(e, hash, monomial);
    }

    /// <summary>Returns the index of the product of two indexed monomials.</summary>
    /// <exception cref="OverflowException">An exponent of the product exceeds <see cref="Monomial.MaxExponent"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Multiply(int a, int b)
    {
        int n = _variableCount;
        var x = _exponents.AsSpan(a * n, n);
        var y = _exponents.AsSpan(b * n, n);
        var e = _scratch.AsSpan();
        for (int i = 0; i < n; i++)
        {
            int s = x[i] + y[i];
            if (s > Monomial.MaxExponent)
            {
                throw new OverflowException($"Exponent {s} of variable {i} is outside the supported range 0..{Monomial.MaxExponent}.");
            }

            e[i] = (ushort)s;
        }

        return Find(e, _hashes[a] + _hashes[b], default);
    }

    /// <summary>Returns the index of a / b, where b divides a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Divide(int a, int b)
    {
        int n = _variableCount;
        var x = _exponents.AsSpan(a * n, n);
        var y = _exponents.AsSpan(b * n, n);
        var e = _scratch.AsSpan();
        for (int i = 0; i < n; i++)
        {
            e[i] = (ushort)(x[i] - y[i]);
        }

        return Find(e, _hashes[a] - _hashes[b], default);
    }

    /// <summary>Returns the index of lcm(a, b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Lcm(int a, int b)
    {
        int n = _variableCount;
        var x = _exponents.AsSpan(a * n, n);
        var y = _exponents.AsSpan(b * n, n);
        var e = _scratch.AsSpan();
        ulong hash = 0;
        for (int i = 0; i < n; i++)
        {
            ushort m = Math.Max(x[i], y[i]);
            e[i] = m;
            hash += m * _hashWeights[i];
        }

        return Find(e, hash, default);
    }

    /// <summary>Whether monomial a divides monomial b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Divides(int a, int b)
    {
        if ((_masks[a] & ~_masks[b]) != 0)
        {
            return false;
        }

        int n = _variableCount;
        var x = _exponents.AsSpan(a * n, n);
        var y = _exponents.AsSpan(b * n, n);
        for (int i = 0; i < n; i++)
        {
            if (x[i] > y[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="lcm"/> is lcm(a, b), without interning lcm(a, b).</summary>
    public bool IsLcm(int a, int b, int lcm)
    {
        int n = _variableCount;
        var x = _exponents.AsSpan(a * n, n);
        var y = _exponents.AsSpan(b * n, n);
        var z = _exponents.AsSpan(lcm * n, n);
        for (int i = 0; i < n; i++)
        {
            if (Math.Max(x[i], y[i]) != z[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a and b have no variable in common.</summary>
    public bool AreCoprime(int a, int b)
    {
        int n = _variableCount;
        var x = _exponents.AsSpan(a * n, n);
        var y = _exponents.AsSpan(b * n, n);
        for (int i = 0; i < n; i++)
        {
            if (x[i] != 0 && y[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares two indexed monomials in the ring's order; positive when a is larger.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Compare(int a, int b)
    {
        if (a == b)
        {
            return 0;
        }

        return _useKeys ? _keys[a].CompareTo(_keys[b]) : _order.Compare(_monomials[a], _monomials[b]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<ushort> e, ulong hash, Monomial known)
    {
        int mask = _slots.Length - 1;
        int slot = (int)((hash * 0x9E3779B97F4A7C15UL) >> 33) & mask;
        int n = _variableCount;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            int index = entry - 1;
            if (_hashes[index] == hash && _exponents.AsSpan(index * n, n).SequenceEqual(e))
            {
                return index;
            }

            slot = (slot + 1) & mask;
        }

        return Insert(e, hash, known, slot);
    }

    private int Insert(ReadOnlySpan<ushort> e, ulong hash, Monomial known, int slot)
    {
        if (_count == _monomials.Length)
        {
            Grow();
            int mask = _slots.Length - 1;
            slot = (int)((hash * 0x9E3779B97F4A7C15UL) >> 33) & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
        }

        int index = _count++;
        int n = _variableCount;
        e.CopyTo(_exponents.AsSpan(index * n, n));
        _monomials[index] = known.VariableCount == n && n > 0 ? known : Monomial.FromExponentsUnchecked(e.ToArray());
        _hashes[index] = hash;
        int degree = 0;
        ulong bits = 0;
        for (int i = 0; i < n; i++)
        {
            int x = e[i];
            degree += _weights is null ? x : _weights[i] * x;
            if (x == 0)
            {
                continue;
            }

            if (n > 64)
            {
                bits |= 1UL << (i & 63);
                continue;
            }

            int levels = Math.Min(x, _maskLevels);
            bits |= ((1UL << levels) - 1) << (i * _maskLevels);
        }

        _degrees[index] = degree;
        _masks[index] = bits;
        if (_useKeys && !_order.TryComputeKey(e, _keyBits, out _keys[index]))
        {
            _useKeys = false;
        }

        _slots[slot] = index + 1;
        return index;
    }

    private void Grow()
    {
        int capacity = _monomials.Length * 2;
        Array.Resize(ref _exponents, capacity * Math.Max(_variableCount, 1));
        Array.Resize(ref _monomials, capacity);
        Array.Resize(ref _degrees, capacity);
        Array.Resize(ref _masks, capacity);
        Array.Resize(ref _hashes, capacity);
        Array.Resize(ref _keys, capacity);
        _slots = new int[2 * capacity];
        int mask = _slots.Length - 1;
        for (int index = 0; index < _count; index++)
        {
            int slot = (int)((_hashes[index] * 0x9E3779B97F4A7C15UL) >> 33) & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = index + 1;
        }
    }
}
