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
        // FNV-1a over the exponents with a final mix; cheap because kernels create a monomial per result term.
        int degree = 0;
        uint hash = 2166136261;
        foreach (ushort x in exponents)
        {
            degree += x;
            hash = (hash ^ x) * 16777619;
        }

        return new Monomial(exponents, degree, (int)(hash ^ (hash >> 15)));
    }

    /// <summary>Returns the number C(n + d - 1, d) of monomials of total degree <paramref name="degree"/> in <paramref name="variableCount"/> variables.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static System.Numerics.BigInteger CountOfDegree(int variableCount, int degree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variableCount);
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        if (variableCount == 0)
        {
            return degree == 0 ? 1 : 0;
        }

        // C(n + d - 1, n - 1) as a running product; each partial product is itself a binomial coefficient, so the division is exact.
        System.Numerics.BigInteger c = 1;
        for (int i = 1; i < variableCount; i++)
        {
            c = c * (degree + i) / i;
        }

        return c;
    }

    /// <summary>
    /// Returns the monomials of total degree <paramref name="degree"/> in <paramref name="variableCount"/> variables,
    /// largest first in <paramref name="order"/> (the order in which polynomials store their terms).
    /// </summary>
    /// <remarks>
    /// Lex, graded lex and graded reverse lex are generated directly in order, one monomial per step and lazily. Other orders
    /// are generated and then sorted.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the degree exceeds <see cref="MaxExponent"/>.</exception>
    public static IEnumerable<Monomial> OfDegree(int variableCount, int degree, MonomialOrder order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variableCount);
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(degree, MaxExponent);
        ArgumentNullException.ThrowIfNull(order);
        if (ReferenceEquals(order, MonomialOrder.Lex) || ReferenceEquals(order, MonomialOrder.GradedLex))
        {
            // On one degree, graded lex and lex agree.
            return EnumerateOfDegree(variableCount, degree, reverse: false);
        }

        if (ReferenceEquals(order, MonomialOrder.GradedReverseLex))
        {
            return EnumerateOfDegree(variableCount, degree, reverse: true);
        }

        var all = EnumerateOfDegree(variableCount, degree, reverse: false).ToArray();
        Array.Sort(all, (a, b) => order.Compare(b, a));
        return all;
    }

    /// <summary>
    /// Enumerates exponent vectors of one degree: with <paramref name="reverse"/> false in decreasing lex order (e_1 from the
    /// degree down to 0, recursively), otherwise in decreasing graded reverse lex order (e_n from 0 up, then e_(n-1) from 0 up, ...).
    /// </summary>
    private static IEnumerable<Monomial> EnumerateOfDegree(int variableCount, int degree, bool reverse)
    {
        if (variableCount == 0)
        {
            if (degree == 0)
            {
                yield return One(0);
            }

            yield break;
        }

        // Both orders start at x_1^d, the largest monomial of degree d.
        var e = new int[variableCount];
        e[0] = degree;

        while (true)
        {
            var exponents = new ushort[variableCount];
            for (int i = 0; i < variableCount; i++)
            {
                exponents[i] = (ushort)e[i];
            }

            yield return FromExponentsUnchecked(exponents);
            if (!(reverse ? NextReverseLex(e) : NextLex(e)))
            {
                yield break;
            }
        }

        // Moves to the next smaller vector in lex order with the same sum; false after the last one (x_n^d).
        static bool NextLex(int[] e)
        {
            int n = e.Length;

            // Find the rightmost position before the last that is nonzero, move one unit from it to the right and
            // gather everything after it into the position just right of it.
            int tail = e[n - 1];
            int i = n - 2;
            while (i >= 0 && e[i] == 0)
            {
                i--;
            }

            if (i < 0)
            {
                return false;
            }

            e[i]--;
            e[n - 1] = 0;
            e[i + 1] = tail + 1;
            return true;
        }

        // Moves to the next smaller vector in graded reverse lex order with the same sum; false after the last one (x_n^d).
        static bool NextReverseLex(int[] e)
        {
            // Within one degree, a is larger than b in grevlex when the last differing exponent of a is smaller. Reading the
            // vector from the right, this is the lex successor on the reversed vector with exponents increasing. The first
            // exponent e[0] is what the others leave of the degree.
            int n = e.Length;
            if (n == 1)
            {
                return false;
            }

            // Find the leftmost position j >= 1 whose increase is possible: e[0] > 0 feeds it directly; otherwise reset a
            // prefix into e[0] and carry into the next position.
            int sumPrefix = e[0];
            int j = 1;
            while (j < n)
            {
                if (sumPrefix > 0)
                {
                    e[j]++;
                    e[0] = sumPrefix - 1;
                    for (int k = 1; k < j; k++)
                    {
                        e[k] = 0;
                    }

                    return true;
                }

                sumPrefix += e[j];
                j++;
            }

            return false;
        }
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
