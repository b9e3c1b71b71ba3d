using System.Runtime.CompilerServices;
using System.Text;

namespace InvTheory.Polynomials;

/// <summary>
/// A monomial x_1^e_1 ... x_n^e_n, stored as its exponent vector with the total degree and hash cached.
/// </summary>
/// <remarks>
/// Exponents are limited to 65535 per variable; operations that would exceed it throw
/// <see cref="OverflowException"/>. <c>default</c> is the monomial 1 in zero variables.
/// </remarks>
public readonly struct Monomial : IEquatable<Monomial>
{
    /// <summary>Largest exponent of one variable.</summary>
    public const int MaxExponent = ushort.MaxValue;

    private static readonly ushort[] EmptyExponents = [];

    private readonly ushort[]? _exponents;
    private readonly int _hash;

    private Monomial(ushort[] exponents, int totalDegree, int hash)
    {
        _exponents = exponents;
        TotalDegree = totalDegree;
        _hash = hash;
    }

    /// <summary>Sum of the exponents.</summary>
    public int TotalDegree { get; }

    /// <summary>Number of variables.</summary>
    public int VariableCount => _exponents?.Length ?? 0;

    /// <summary>Exponent vector.</summary>
    public ReadOnlySpan<ushort> Exponents => _exponents ?? EmptyExponents;

    /// <summary>Exponent of variable <paramref name="index"/>.</summary>
    public int this[int index] => Exponents[index];

    /// <summary>Whether this is the monomial 1.</summary>
    public bool IsOne => TotalDegree == 0;

    /// <summary>Returns the monomial 1 in <paramref name="variableCount"/> variables.</summary>
    public static Monomial One(int variableCount) => FromExponentsUnchecked(new ushort[variableCount]);

    /// <summary>Returns the variable x_<paramref name="index"/> (0-based) in <paramref name="variableCount"/> variables.</summary>
    public static Monomial Variable(int variableCount, int index, int exponent = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, variableCount);
        var e = new ushort[variableCount];
        e[index] = CheckedExponent(exponent);
        return FromExponentsUnchecked(e);
    }

    /// <summary>Creates a monomial from its exponent vector.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An exponent is negative or above <see cref="MaxExponent"/>.</exception>
    public static Monomial FromExponents(ReadOnlySpan<int> exponents)
    {
        var e = new ushort[exponents.Length];
        for (int i = 0; i < e.Length; i++)
        {
            if (exponents[i] < 0 || exponents[i] > MaxExponent)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(exponents), exponents[i], $"Exponent of variable {i} must be between 0 and {MaxExponent}.");
            }

            e[i] = (ushort)exponents[i];
        }

        return FromExponentsUnchecked(e);
    }

    /// <summary>Creates a monomial that takes ownership of <paramref name="exponents"/>; the caller must not change the array afterwards.</summary>
    internal static Monomial FromExponentsUnchecked(ushort[] exponents)
    {
        int degree = 0;
        var hash = new HashCode();
        foreach (ushort x in exponents)
        {
            degree += x;
            hash.Add(x);
        }

        return new Monomial(exponents, degree, hash.ToHashCode());
    }

    private static ushort CheckedExponent(int value) =>
        value is >= 0 and <= MaxExponent
            ? (ushort)value
            : throw new OverflowException($"Exponent {value} is outside the supported range 0..{MaxExponent}.");

    /// <summary>Returns the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Monomial Multiply(Monomial other)
    {
        var a = Exponents;
        var b = other.Exponents;
        CheckSameLength(a.Length, b.Length);
        var e = new ushort[a.Length];
        for (int i = 0; i < e.Length; i++)
        {
            int s = a[i] + b[i];
            if (s > MaxExponent)
            {
                throw new OverflowException($"Exponent {s} of variable {i} is outside the supported range 0..{MaxExponent}.");
            }

            e[i] = (ushort)s;
        }

        return FromExponentsUnchecked(e);
    }

    /// <summary>Returns the k-th power.</summary>
    public Monomial Power(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var a = Exponents;
        var e = new ushort[a.Length];
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = CheckedExponent(a[i] * k);
        }

        return FromExponentsUnchecked(e);
    }

    /// <summary>Whether this monomial divides <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Divides(Monomial other)
    {
        if (TotalDegree > other.TotalDegree)
        {
            return false;
        }

        var a = Exponents;
        var b = other.Exponents;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns this / <paramref name="divisor"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="divisor"/> does not divide this monomial.</exception>
    public Monomial Divide(Monomial divisor)
    {
        var a = Exponents;
        var b = divisor.Exponents;
        CheckSameLength(a.Length, b.Length);
        var e = new ushort[a.Length];
        for (int i = 0; i < e.Length; i++)
        {
            if (b[i] > a[i])
            {
                throw new ArgumentException($"Monomial {divisor} does not divide {this}.", nameof(divisor));
            }

            e[i] = (ushort)(a[i] - b[i]);
        }

        return FromExponentsUnchecked(e);
    }

    /// <summary>Returns the least common multiple.</summary>
    public Monomial Lcm(Monomial other)
    {
        var a = Exponents;
        var b = other.Exponents;
        CheckSameLength(a.Length, b.Length);
        var e = new ushort[a.Length];
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = Math.Max(a[i], b[i]);
        }

        return FromExponentsUnchecked(e);
    }

    /// <summary>Returns the greatest common divisor.</summary>
    public Monomial Gcd(Monomial other)
    {
        var a = Exponents;
        var b = other.Exponents;
        CheckSameLength(a.Length, b.Length);
        var e = new ushort[a.Length];
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = Math.Min(a[i], b[i]);
        }

        return FromExponentsUnchecked(e);
    }

    /// <summary>Whether the two monomials share no variable.</summary>
    public bool IsCoprimeTo(Monomial other)
    {
        var a = Exponents;
        var b = other.Exponents;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != 0 && b[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns sum_i weights[i] * e_i.</summary>
    public long WeightedDegree(ReadOnlySpan<int> weights)
    {
        var a = Exponents;
        long d = 0;
        for (int i = 0; i < a.Length; i++)
        {
            d += (long)weights[i] * a[i];
        }

        return d;
    }

    private static void CheckSameLength(int a, int b)
    {
        if (a != b)
        {
            throw new ArgumentException($"Monomials in {a} and {b} variables cannot be combined.");
        }
    }

    /// <inheritdoc />
    public bool Equals(Monomial other) => _hash == other._hash && Exponents.SequenceEqual(other.Exponents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Monomial m && Equals(m);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Whether the monomials are equal.</summary>
    public static bool operator ==(Monomial a, Monomial b) => a.Equals(b);

    /// <summary>Whether the monomials differ.</summary>
    public static bool operator !=(Monomial a, Monomial b) => !a.Equals(b);

    /// <summary>Formats with variables x1..xn; rings print with their own names.</summary>
    public override string ToString()
    {
        var names = new string[VariableCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "x" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Format(names);
    }

    /// <summary>Formats as <c>x^2*y</c> with the given variable names, or <c>1</c>.</summary>
    public string Format(IReadOnlyList<string> variableNames)
    {
        if (IsOne)
        {
            return "1";
        }

        var sb = new StringBuilder();
        var e = Exponents;
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('*');
            }

            sb.Append(variableNames[i]);
            if (e[i] > 1)
            {
                sb.Append('^').Append(e[i]);
            }
        }

        return sb.ToString();
    }
}
