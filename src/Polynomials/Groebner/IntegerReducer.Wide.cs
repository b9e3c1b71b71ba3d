using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// The fixed-width path of <see cref="IntegerReducer"/> for bases with coefficients above 62 bits: each queued
/// remainder coefficient lives in a register of <c>_width</c> 64-bit limbs in two's complement, and a reduction step
/// adds the products of the reducer's coefficients in place, with no allocation per term.
/// </summary>
/// <remarks>
/// Every register carries an upper bound on the bit length of its absolute value. A step runs only when its products
/// and scalings keep the bounds below 64 <c>_width</c> - 2 bits, so nothing wraps around; from the first step that
/// cannot, the reduction continues with <see cref="BigInteger"/> coefficients, as the 128-bit path does.
/// </remarks>
internal sealed partial class IntegerReducer
{
    /// <summary>Largest register width in limbs; bases that would need more use big integers only.</summary>
    private const int MaxWidth = 64;

    private readonly int _width;
    private readonly List<WideCoefficient[]> _wideCoefficients = [];
    private readonly Stack<int> _freeRegisters = new();
    private ulong[] _limbs = [];
    private int[] _bitBound = [];
    private int[] _registerOf = new int[1024];
    private int _registerCount;
    private ulong[] _product = new ulong[2 * MaxWidth + 2];
    private ulong[] _scale = new ulong[MaxWidth + 1];

    /// <summary>A nonzero integer as its sign, magnitude limbs (least significant first) and bit length.</summary>
    private readonly record struct WideCoefficient(ulong[] Magnitude, bool Negative, int Bits);

    private int WideLimitBits => (64 * _width) - 2;

    /// <summary>Returns the register width for a basis whose coefficients have at most <paramref name="maxBits"/> bits, or 0 when it is too wide.</summary>
    private static int WidthFor(int maxBits)
    {
        int width = ((2 * maxBits) + 383) / 64;
        return width <= MaxWidth ? Math.Max(width, 4) : 0;
    }

    private static WideCoefficient ToWide(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        int bits = (int)magnitude.GetBitLength();
        var limbs = new ulong[Math.Max(1, (bits + 63) / 64)];
        magnitude.TryWriteBytes(MemoryMarshal.AsBytes(limbs.AsSpan()), out _, isUnsigned: true, isBigEndian: false);
        return new WideCoefficient(limbs, value.Sign < 0, bits);
    }

    /// <summary>Reduces the S-polynomial of elements i and j in registers; the remainder is empty on return.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool WideSPolynomialReducesToZero(int i, int j)
    {
        var f = _basis[i];
        var g = _basis[j];
        int lcm = _table.Lcm(f.Monomials[0], g.Monomials[0]);
        var d = BigInteger.GreatestCommonDivisor(f.Coefficients[0], g.Coefficients[0]);
        var fScale = ToWide(g.Coefficients[0] / d);
        var gScale = ToWide(-(f.Coefficients[0] / d));
        int fMultiplier = _table.Divide(lcm, f.Monomials[0]);
        int gMultiplier = _table.Divide(lcm, g.Monomials[0]);

        // The scales and the coefficients are no wider than the widest basis coefficient, and WidthFor leaves 300 bits
        // above twice that width, so these products and their sums fit the registers.
        var fCoefficients = _wideCoefficients[i];
        for (int k = 1; k < f.Monomials.Length; k++)
        {
            AddWideProduct(_table.Multiply(f.Monomials[k], fMultiplier), fScale, fCoefficients[k]);
        }

        var gCoefficients = _wideCoefficients[j];
        for (int k = 1; k < g.Monomials.Length; k++)
        {
            AddWideProduct(_table.Multiply(g.Monomials[k], gMultiplier), gScale, gCoefficients[k]);
        }

        return ReduceWide();
    }

    /// <summary>The register counterpart of <see cref="Reduce"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReduceWide()
    {
        int scalings = 0;
        while (_heap.TryDequeue(out int m, out _))
        {
            _inHeap[m] = false;
            int register = _registerOf[m] - 1;
            if (register < 0)
            {
                continue;
            }

            var v = ReadRegister(register);
            ReleaseRegister(m);
            if (v.IsZero)
            {
                continue;
            }

            int row = ReducerRow(m);
            if (row < 0)
            {
                ClearWide();
                return false;
            }

            var monomials = _reducerRows[row].Monomials;
            var element = _reducerRows[row].Element;
            var coefficients = element.Coefficients;
            var d = BigInteger.GreatestCommonDivisor(v, coefficients[0]);
            var remainderScale = coefficients[0] / d;
            var reducerScale = ToWide(-(v / d));
            bool scales = !remainderScale.IsOne;
            int scaleBits = scales ? (int)BigInteger.Abs(remainderScale).GetBitLength() : 0;
            if (reducerScale.Bits + element.MaxBits > WideLimitBits - 1 || (scales && MaxQueuedBound() + scaleBits > WideLimitBits - 1))
            {
                _coefficientOf[m] = v;
                _inHeap[m] = true;
                _heap.Enqueue(m, m);
                return SwitchWideToBigIntegers();
            }

            if (scales)
            {
                var scale = ToWide(remainderScale);
                foreach (var (queued, _) in _heap.UnorderedItems)
                {
                    int r = _registerOf[queued] - 1;
                    if (r >= 0)
                    {
                        MultiplyRegister(r, scale);
                    }
                }
            }

            var wide = _wideCoefficients[_reducerRows[row].ElementIndex];
            bool outOfRange = false;
            for (int k = 1; k < monomials.Length; k++)
            {
                outOfRange |= AddWideProduct(monomials[k], reducerScale, wide[k]) > WideLimitBits - 1;
            }

            if (outOfRange && !TightenBounds())
            {
                return SwitchWideToBigIntegers();
            }

            if (scales && ++scalings % 8 == 0)
            {
                RemoveQueuedWideContent();
            }
        }

        return true;
    }

    /// <summary>Adds s c to the register of monomial m, queueing m when needed; returns the register's new bit bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AddWideProduct(int m, WideCoefficient s, WideCoefficient c)
    {
        EnsureCapacity(m);
        if (_registerOf.Length <= m)
        {
            Array.Resize(ref _registerOf, Math.Max(m + 1, 2 * _registerOf.Length));
        }

        int register = _registerOf[m] - 1;
        if (register < 0)
        {
            register = AcquireRegister();
            _registerOf[m] = register + 1;
        }

        if (!_inHeap[m])
        {
            _inHeap[m] = true;
            _heap.Enqueue(m, m);
        }

        // Schoolbook product of the magnitudes.
        var a = s.Magnitude;
        var b = c.Magnitude;
        int length = a.Length + b.Length;
        var product = _product;
        Array.Clear(product, 0, length);
        MultiplyLimbsInto(a, b, product);

        var limbs = _limbs.AsSpan(register * _width, _width);
        length = Math.Min(length, _width);
        if (s.Negative != c.Negative)
        {
            ulong borrow = 0;
            int k = 0;
            for (; k < length; k++)
            {
                ulong before = limbs[k];
                ulong difference = before - product[k] - borrow;
                borrow = (before < product[k] || (before == product[k] && borrow != 0)) ? 1UL : 0UL;
                limbs[k] = difference;
            }

            for (; borrow != 0 && k < _width; k++)
            {
                borrow = limbs[k] == 0 ? 1UL : 0UL;
                limbs[k]--;
            }
        }
        else
        {
            ulong carry = 0;
            int k = 0;
            for (; k < length; k++)
            {
                ulong sum = limbs[k] + product[k];
                ulong next = sum < product[k] ? 1UL : 0UL;
                sum += carry;
                next += sum < carry ? 1UL : 0UL;
                limbs[k] = sum;
                carry = next;
            }

            for (; carry != 0 && k < _width; k++)
            {
                limbs[k]++;
                carry = limbs[k] == 0 ? 1UL : 0UL;
            }
        }

        int bound = Math.Max(_bitBound[register], s.Bits + c.Bits) + 1;
        _bitBound[register] = bound;
        return bound;
    }

    /// <summary>Multiplies a register by a nonzero integer in place; the caller has checked that the product fits.</summary>
    private void MultiplyRegister(int register, WideCoefficient scale)
    {
        var limbs = _limbs.AsSpan(register * _width, _width);
        bool negative = (long)limbs[_width - 1] < 0;
        if (negative)
        {
            Negate(limbs);
        }

        var product = _product;
        int used = _width;
        while (used > 0 && limbs[used - 1] == 0)
        {
            used--;
        }

        Array.Clear(product, 0, Math.Min(product.Length, used + scale.Magnitude.Length));
        var b = scale.Magnitude;
        MultiplyLimbsInto(limbs[..used], b, product);

        limbs.Clear();
        product.AsSpan(0, Math.Min(_width, used + b.Length)).CopyTo(limbs);
        if (negative != scale.Negative)
        {
            Negate(limbs);
        }

        _bitBound[register] += scale.Bits;
    }

    private static void Negate(Span<ulong> limbs)
    {
        ulong carry = 1;
        for (int k = 0; k < limbs.Length; k++)
        {
            ulong value = ~limbs[k] + carry;
            carry = value == 0 && carry == 1 ? 1UL : 0UL;
            limbs[k] = value;
        }
    }

    private BigInteger ReadRegister(int register) =>
        new(MemoryMarshal.AsBytes(_limbs.AsSpan(register * _width, _width)), isUnsigned: false, isBigEndian: false);

    private void WriteRegister(int register, BigInteger value)
    {
        var bytes = MemoryMarshal.AsBytes(_limbs.AsSpan(register * _width, _width));
        bytes.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        value.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: false);
        _bitBound[register] = (int)BigInteger.Abs(value).GetBitLength();
    }

    private int AcquireRegister()
    {
        if (_freeRegisters.TryPop(out int register))
        {
            return register;
        }

        register = _registerCount++;
        if (_bitBound.Length < _registerCount)
        {
            int capacity = Math.Max(64, 2 * _bitBound.Length);
            Array.Resize(ref _bitBound, capacity);
            Array.Resize(ref _limbs, capacity * _width);
        }

        return register;
    }

    /// <summary>Zeroes the register of monomial m and returns it to the pool.</summary>
    private void ReleaseRegister(int m)
    {
        int register = _registerOf[m] - 1;
        _limbs.AsSpan(register * _width, _width).Clear();
        _bitBound[register] = 0;
        _registerOf[m] = 0;
        _freeRegisters.Push(register);
    }

    private int MaxQueuedBound()
    {
        int bound = 0;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            int register = _registerOf[m] - 1;
            if (register >= 0)
            {
                bound = Math.Max(bound, _bitBound[register]);
            }
        }

        return bound;
    }

    /// <summary>Replaces the bit bounds of the queued registers by their exact bit lengths; returns whether all fit the limit again.</summary>
    private bool TightenBounds()
    {
        bool fits = true;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            int register = _registerOf[m] - 1;
            if (register >= 0)
            {
                int bits = (int)BigInteger.Abs(ReadRegister(register)).GetBitLength();
                _bitBound[register] = bits;
                fits &= bits <= WideLimitBits - 1;
            }
        }

        return fits;
    }

    /// <summary>Divides the queued registers by the gcd of their values.</summary>
    private void RemoveQueuedWideContent()
    {
        var content = BigInteger.Zero;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            int register = _registerOf[m] - 1;
            if (register >= 0)
            {
                content = BigInteger.GreatestCommonDivisor(content, ReadRegister(register));
                if (content.IsOne)
                {
                    return;
                }
            }
        }

        if (content.IsZero)
        {
            return;
        }

        foreach (var (m, _) in _heap.UnorderedItems)
        {
            int register = _registerOf[m] - 1;
            if (register >= 0)
            {
                WriteRegister(register, ReadRegister(register) / content);
            }
        }
    }

    /// <summary>Moves the queued registers to the big-integer remainder and finishes the reduction there.</summary>
    private bool SwitchWideToBigIntegers()
    {
        FastPathFailures++;
        foreach (var (m, _) in _heap.UnorderedItems)
        {
            if (_registerOf[m] > 0)
            {
                _coefficientOf[m] = ReadRegister(_registerOf[m] - 1);
                ReleaseRegister(m);
            }
        }

        return Reduce();
    }

    private void ClearWide()
    {
        while (_heap.TryDequeue(out int m, out _))
        {
            _inHeap[m] = false;
            if (_registerOf[m] > 0)
            {
                ReleaseRegister(m);
            }
        }
    }

    // Writes the schoolbook product of the little-endian limb numbers a and b into product. The first
    // a.Length + b.Length limbs of product must be zero on entry.
    private static void MultiplyLimbsInto(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> product)
    {
        for (int x = 0; x < a.Length; x++)
        {
            ulong carry = 0;
            ulong ax = a[x];
            for (int y = 0; y < b.Length; y++)
            {
                ulong high = Math.BigMul(ax, b[y], out ulong low);
                ulong sum = product[x + y] + low;
                high += sum < low ? 1UL : 0UL;
                sum += carry;
                high += sum < carry ? 1UL : 0UL;
                product[x + y] = sum;
                carry = high;
            }

            product[x + b.Length] = carry;
        }
    }
}
