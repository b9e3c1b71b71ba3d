using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials.Scalars;

/// <summary>
/// An exact rational number p/q in lowest terms with q &gt; 0. <c>default</c> is zero.
/// </summary>
/// <remarks>
/// Values whose numerator and denominator fit in a <see cref="long"/> are stored inline and use
/// 64-bit arithmetic with 128-bit intermediates; larger values fall back to <see cref="BigInteger"/>.
/// The representation is canonical (a value that fits inline is always stored inline), so equality
/// and hashing compare fields directly.
/// </remarks>
public readonly struct Rational :
    IFieldElement<Rational>,
    IComparable<Rational>,
    IComparable,
    IComparisonOperators<Rational, Rational, bool>,
    ISpanFormattable
{
    // Inline form: _big is null, value = _num / (_denMinusOne + 1). Storing the denominator minus one
    // makes default(Rational) the canonical zero 0/1.
    private readonly long _num;
    private readonly long _denMinusOne;
    private readonly BigPair? _big;

    private sealed class BigPair(BigInteger numerator, BigInteger denominator)
    {
        public readonly BigInteger Numerator = numerator;
        public readonly BigInteger Denominator = denominator;
    }

    private Rational(long num, long den)
    {
        _num = num;
        _denMinusOne = den - 1;
        _big = null;
    }

    private Rational(BigPair big)
    {
        _num = 0;
        _denMinusOne = 0;
        _big = big;
    }

    /// <summary>Zero.</summary>
    public static Rational Zero => default;

    /// <summary>One.</summary>
    public static Rational One => new(1, 1);

    /// <summary>Minus one.</summary>
    public static Rational MinusOne => new(-1, 1);

    /// <inheritdoc />
    public static Rational AdditiveIdentity => default;

    /// <inheritdoc />
    public static Rational MultiplicativeIdentity => One;

    /// <summary>Creates the rational number <paramref name="numerator"/>/<paramref name="denominator"/> in lowest terms.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is zero.</exception>
    public static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException($"Rational number {numerator}/0 has a zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne)
        {
            numerator /= g;
            denominator /= g;
        }

        return FromReduced(numerator, denominator);
    }

    /// <summary>Creates the rational number <paramref name="numerator"/>/<paramref name="denominator"/> in lowest terms.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is zero.</exception>
    public static Rational Create(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException($"Rational number {numerator}/0 has a zero denominator.");
        }

        return FromInt128(numerator, denominator);
    }

    /// <summary>Numerator (carries the sign).</summary>
    public BigInteger Numerator => _big is null ? _num : _big.Numerator;

    /// <summary>Denominator, always positive.</summary>
    public BigInteger Denominator => _big is null ? _denMinusOne + 1 : _big.Denominator;

    /// <summary>Whether numerator and denominator are stored inline as 64-bit integers.</summary>
    internal bool IsSmall => _big is null;

    /// <summary>Returns whether the value is an integer stored inline, and that integer.</summary>
    internal bool TryGetSmallInteger(out long value)
    {
        value = _num;
        return _big is null && _denMinusOne == 0;
    }

    /// <summary>Converts a 128-bit integer, inline when it fits 64 bits.</summary>
    internal static Rational FromInt128(Int128 value) => FromReduced128(value, 1);

    /// <inheritdoc />
    public bool IsZero => _big is null && _num == 0;

    /// <inheritdoc />
    public bool IsOne => _big is null && _num == 1 && _denMinusOne == 0;

    /// <summary>Whether the value is an integer.</summary>
    public bool IsInteger => _big is null ? _denMinusOne == 0 : _big.Denominator.IsOne;

    /// <summary>Sign: -1, 0 or 1.</summary>
    public int Sign => _big is null ? Math.Sign(_num) : _big.Numerator.Sign;

    /// <summary>Number of bits in the numerator plus the denominator, a measure of the size of the value.</summary>
    public long BitSize => _big is null
        ? 128 - (long)BitOperations.LeadingZeroCount(AbsAsUnsigned(_num)) - BitOperations.LeadingZeroCount((ulong)(_denMinusOne + 1))
        : _big.Numerator.GetBitLength() + _big.Denominator.GetBitLength();

    /// <summary>Converts an integer.</summary>
    public static implicit operator Rational(int value) => new(value, 1);

    /// <summary>Converts an integer.</summary>
    public static implicit operator Rational(long value) => new(value, 1);

    /// <summary>Converts an integer.</summary>
    public static implicit operator Rational(BigInteger value) => FromReduced(value, BigInteger.One);

    /// <summary>Returns the nearest double (may round or overflow to infinity).</summary>
    public static explicit operator double(Rational value) => value.ToDouble();

    /// <summary>
    /// Returns the double nearest to the value, with ties rounded to the even mantissa. Values beyond
    /// the double range give infinity, and values below half the smallest subnormal give zero.
    /// </summary>
    public double ToDouble()
    {
        if (_big is null)
        {
            // Both operands are exact doubles, and IEEE division rounds the exact quotient once.
            long d = _denMinusOne + 1;
            if (AbsAsUnsigned(_num) <= ExactDoubleLimit && d <= ExactDoubleLimit)
            {
                return (double)_num / d;
            }

            return RoundQuotient(_num, d);
        }

        return RoundQuotient(_big.Numerator, _big.Denominator);
    }

    // 2^53: integers up to this magnitude are exact doubles.
    private const long ExactDoubleLimit = 1L << 53;

    // Returns n/d rounded to the nearest double, ties to even, for d > 0.
    private static double RoundQuotient(BigInteger n, BigInteger d)
    {
        if (n.IsZero)
        {
            return 0;
        }

        bool negative = n.Sign < 0;
        n = BigInteger.Abs(n);

        // Scale by 2^-shift so that the integer quotient q has 55 or 56 bits; the remainder is the sticky bit.
        long shift = n.GetBitLength() - d.GetBitLength() - 55;
        BigInteger q = shift >= 0
            ? BigInteger.DivRem(n, d << (int)shift, out BigInteger remainder)
            : BigInteger.DivRem(n << (int)-shift, d, out remainder);

        // Keep 53 bits, or fewer where the result is subnormal (exponent of the last bit at least -1074).
        long extra = Math.Max(q.GetBitLength() - 53, -1074 - shift);
        if (extra > q.GetBitLength())
        {
            return negative ? -0.0 : 0.0;
        }

        BigInteger mantissa = q >> (int)extra;
        BigInteger rest = q - (mantissa << (int)extra);
        BigInteger half = BigInteger.One << (int)(extra - 1);
        int comparison = rest.CompareTo(half);
        if (comparison > 0 || (comparison == 0 && (!remainder.IsZero || !mantissa.IsEven)))
        {
            mantissa += 1;
        }

        // The mantissa has at most 54 bits after rounding up, so the conversion is exact and ScaleB only moves the exponent.
        double magnitude = Math.ScaleB((double)(ulong)mantissa, (int)Math.Clamp(shift + extra, int.MinValue, int.MaxValue));
        return negative ? -magnitude : magnitude;
    }

    private static Rational FromReduced(BigInteger numerator, BigInteger denominator)
    {
        if (numerator >= long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue)
        {
            return new Rational((long)numerator, (long)denominator);
        }

        return new Rational(new BigPair(numerator, denominator));
    }

    // Builds a rational from a 128-bit numerator and denominator that need not be reduced.
    private static Rational FromInt128(Int128 numerator, Int128 denominator)
    {
        if (denominator < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        if (numerator == 0)
        {
            return default;
        }

        Int128 g = Gcd128(Int128.Abs(numerator), denominator);
        if (g != 1)
        {
            numerator /= g;
            denominator /= g;
        }

        return FromReduced128(numerator, denominator);
    }

    // Builds a rational from a 128-bit numerator and denominator already in lowest terms, denominator positive.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Rational FromReduced128(Int128 numerator, Int128 denominator)
    {
        if (numerator >= long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue)
        {
            return new Rational((long)numerator, (long)denominator);
        }

        return new Rational(new BigPair((BigInteger)numerator, (BigInteger)denominator));
    }

    private static Int128 Gcd128(Int128 a, Int128 b)
    {
        if (a <= ulong.MaxValue && b <= ulong.MaxValue)
        {
            return Gcd64((ulong)a, (ulong)b);
        }

        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>Binary gcd of two unsigned 64-bit integers.</summary>
    internal static ulong Gcd64(ulong a, ulong b)
    {
        if (a == 0)
        {
            return b;
        }

        if (b == 0)
        {
            return a;
        }

        int shift = BitOperations.TrailingZeroCount(a | b);
        a >>= BitOperations.TrailingZeroCount(a);
        do
        {
            b >>= BitOperations.TrailingZeroCount(b);
            if (a > b)
            {
                (a, b) = (b, a);
            }

            b -= a;
        }
        while (b != 0);
        return a << shift;
    }

    private static ulong AbsAsUnsigned(long value) => value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;

    /// <inheritdoc />
    public static Rational operator +(Rational a, Rational b)
    {
        if (a._big is null && b._big is null)
        {
            long an = a._num, ad = a._denMinusOne + 1, bn = b._num, bd = b._denMinusOne + 1;
            if (ad == 1 && bd == 1)
            {
                return FromReduced128((Int128)an + bn, 1);
            }

            // Knuth, TAOCP vol. 2, 4.5.1: with g = gcd(ad, bd), the sum needs only one more gcd with g.
            ulong g = Gcd64((ulong)ad, (ulong)bd);
            if (g == 1)
            {
                return FromReduced128((Int128)an * bd + (Int128)bn * ad, (Int128)ad * bd);
            }

            long adg = ad / (long)g, bdg = bd / (long)g;
            Int128 t = (Int128)an * bdg + (Int128)bn * adg;
            if (t == 0)
            {
                return default;
            }

            ulong g2 = Gcd64((ulong)(UInt128)Int128.Abs(t % (long)g), g);
            return FromReduced128(t / (long)g2, (Int128)adg * (bd / (long)g2));
        }

        return Create(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    }

    /// <inheritdoc />
    public static Rational operator -(Rational a, Rational b) => a + (-b);

    /// <inheritdoc />
    public static Rational operator -(Rational a)
    {
        if (a._big is null && a._num != long.MinValue)
        {
            return new Rational(-a._num, a._denMinusOne + 1);
        }

        return FromReduced(-a.Numerator, a.Denominator);
    }

    /// <inheritdoc />
    public static Rational operator *(Rational a, Rational b)
    {
        if (a._big is null && b._big is null)
        {
            long an = a._num, ad = a._denMinusOne + 1, bn = b._num, bd = b._denMinusOne + 1;
            if (an == 0 || bn == 0)
            {
                return default;
            }

            if (ad == 1 && bd == 1)
            {
                return FromReduced128((Int128)an * bn, 1);
            }

            ulong g1 = Gcd64(AbsAsUnsigned(an), (ulong)bd);
            ulong g2 = Gcd64(AbsAsUnsigned(bn), (ulong)ad);
            Int128 n = ((Int128)an / (long)g1) * ((Int128)bn / (long)g2);
            Int128 d = ((Int128)ad / (long)g2) * ((Int128)bd / (long)g1);
            return FromReduced128(n, d);
        }

        return Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    }

    /// <inheritdoc />
    public static Rational operator /(Rational a, Rational b) => a * b.Inverse();

    /// <inheritdoc />
    public Rational Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Division by the rational number 0.");
        }

        if (_big is null && _num != long.MinValue)
        {
            long d = _denMinusOne + 1;
            return _num > 0 ? new Rational(d, _num) : new Rational(-d, -_num);
        }

        return Create(Denominator, Numerator);
    }

    /// <summary>Absolute value.</summary>
    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>Integer power; negative exponents invert.</summary>
    /// <exception cref="DivideByZeroException">The base is zero and the exponent negative.</exception>
    public Rational Pow(int exponent)
    {
        if (exponent < 0)
        {
            // -int.MinValue overflows, so split off one factor.
            Rational inverse = Inverse();
            return exponent == int.MinValue ? inverse.Pow(int.MaxValue) * inverse : inverse.Pow(-exponent);
        }

        var n = BigInteger.Pow(Numerator, exponent);
        var d = BigInteger.Pow(Denominator, exponent);
        return FromReduced(n, d);
    }

    /// <summary>Largest integer not greater than the value.</summary>
    public BigInteger Floor()
    {
        var q = BigInteger.DivRem(Numerator, Denominator, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    /// <inheritdoc />
    public bool Equals(Rational other)
    {
        if (_big is null)
        {
            return other._big is null && _num == other._num && _denMinusOne == other._denMinusOne;
        }

        return other._big is not null && _big.Numerator == other._big.Numerator && _big.Denominator == other._big.Denominator;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() =>
        _big is null ? HashCode.Combine(_num, _denMinusOne) : HashCode.Combine(_big.Numerator, _big.Denominator);

    /// <inheritdoc />
    public int CompareTo(Rational other)
    {
        if (_big is null && other._big is null)
        {
            return ((Int128)_num * (other._denMinusOne + 1)).CompareTo((Int128)other._num * (_denMinusOne + 1));
        }

        return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Rational r => CompareTo(r),
        _ => throw new ArgumentException($"Cannot compare a Rational with {obj.GetType().Name}.", nameof(obj)),
    };

    /// <inheritdoc />
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    /// <inheritdoc />
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    /// <inheritdoc />
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    /// <inheritdoc />
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    /// <inheritdoc />
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    /// <inheritdoc />
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>Canonical text: <c>n</c> for integers, else <c>n/d</c>.</summary>
    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
                  : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString();
        if (text.Length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        text.AsSpan().CopyTo(destination);
        charsWritten = text.Length;
        return true;
    }

    /// <summary>
    /// Parses <c>n</c>, <c>n/d</c> or a decimal such as <c>-1.25</c> or <c>3e-2</c> (surrounding spaces allowed).
    /// </summary>
    /// <exception cref="FormatException">The text is not a rational number; the message names the text.</exception>
    /// <exception cref="DivideByZeroException">The denominator is zero.</exception>
    public static Rational Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseCore(text.AsSpan().Trim(), out var value, out var zeroDenominator))
        {
            return value;
        }

        if (zeroDenominator)
        {
            throw new DivideByZeroException($"Rational number '{text}' has a zero denominator.");
        }

        throw new FormatException($"'{text}' is not a rational number; expected an integer, n/d or a decimal such as -1.25.");
    }

    /// <summary>Tries to parse like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? text, out Rational value)
    {
        value = default;
        return text is not null && TryParseCore(text.AsSpan().Trim(), out value, out _);
    }

    private static bool TryParseCore(ReadOnlySpan<char> s, out Rational value, out bool zeroDenominator)
    {
        value = default;
        zeroDenominator = false;
        int slash = s.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParseInteger(s[..slash].Trim(), out var n) || !TryParseInteger(s[(slash + 1)..].Trim(), out var d))
            {
                return false;
            }

            if (d.IsZero)
            {
                zeroDenominator = true;
                return false;
            }

            value = Create(n, d);
            return true;
        }

        if (TryParseInteger(s, out var integer))
        {
            value = integer;
            return true;
        }

        return TryParseDecimal(s, out value);
    }

    private static bool TryParseInteger(ReadOnlySpan<char> s, out BigInteger value)
    {
        value = default;
        if (s.IsEmpty)
        {
            return false;
        }

        int start = s[0] is '+' or '-' ? 1 : 0;
        if (start == s.Length)
        {
            return false;
        }

        foreach (char c in s[start..])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> s, out Rational value)
    {
        value = default;
        int exponentAt = s.IndexOfAny('e', 'E');
        int exponent = 0;
        if (exponentAt >= 0)
        {
            if (!int.TryParse(s[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || exponent < -100_000 || exponent > 100_000)
            {
                return false;
            }

            s = s[..exponentAt];
        }

        int dot = s.IndexOf('.');
        ReadOnlySpan<char> whole = dot >= 0 ? s[..dot] : s;
        ReadOnlySpan<char> fraction = dot >= 0 ? s[(dot + 1)..] : ReadOnlySpan<char>.Empty;
        bool negative = whole.Length > 0 && whole[0] == '-';
        if (whole.Length > 0 && whole[0] is '+' or '-')
        {
            whole = whole[1..];
        }

        if (whole.IsEmpty && fraction.IsEmpty)
        {
            return false;
        }

        foreach (char c in whole)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        foreach (char c in fraction)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var digits = string.Concat(whole, fraction);
        var mantissa = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        int scale = exponent - fraction.Length;
        var ten = BigInteger.Pow(10, Math.Abs(scale));
        value = scale >= 0 ? Create(mantissa * ten, BigInteger.One) : Create(mantissa, ten);
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
