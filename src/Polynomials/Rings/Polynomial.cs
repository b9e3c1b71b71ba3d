using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>
/// An element of a <see cref="PolynomialRing{T}"/>: a finite sum of terms c*m with nonzero coefficients,
/// stored sparsely with the monomials sorted from largest to smallest in the ring's order.
/// </summary>
/// <remarks>
/// Polynomials are immutable. The printed form (<see cref="ToString"/>) is canonical: equal polynomials print the same.
/// </remarks>
public sealed partial class Polynomial<T> : IEquatable<Polynomial<T>>
    where T : struct, IFieldElement<T>
{
    private readonly Monomial[] _monomials;
    private readonly T[] _coefficients;
    private int _hash;

    internal Polynomial(PolynomialRing<T> ring, Monomial[] monomials, T[] coefficients)
    {
        Ring = ring;
        _monomials = monomials;
        _coefficients = coefficients;
    }

    /// <summary>The ring this polynomial belongs to.</summary>
    public PolynomialRing<T> Ring { get; }

    /// <summary>Monomials, largest first in the ring's order.</summary>
    public ImmutableArray<Monomial> Monomials => ImmutableCollectionsMarshal.AsImmutableArray(_monomials);

    /// <summary>Coefficients, aligned with <see cref="Monomials"/>.</summary>
    public ImmutableArray<T> Coefficients => ImmutableCollectionsMarshal.AsImmutableArray(_coefficients);

    /// <summary>Raw monomial storage for kernels in this assembly; never modify it.</summary>
    internal ReadOnlySpan<Monomial> MonomialSpan => _monomials;

    /// <summary>Raw coefficient storage for kernels in this assembly; never modify it.</summary>
    internal ReadOnlySpan<T> CoefficientSpan => _coefficients;

    /// <summary>Number of terms.</summary>
    public int TermCount => _monomials.Length;

    /// <summary>The terms (coefficient, monomial), largest monomial first.</summary>
    public IReadOnlyList<(T Coefficient, Monomial Monomial)> Terms => new TermList(this);

    /// <summary>Whether this is a single monomial with coefficient 1, such as <c>x^2*y</c> or <c>1</c>.</summary>
    public bool IsMonomial => _monomials.Length == 1 && _coefficients[0].IsOne;

    /// <summary>Whether this is a single term c*m with c nonzero.</summary>
    public bool IsTerm => _monomials.Length == 1;

    /// <summary>Whether this is the zero polynomial.</summary>
    public bool IsZero => _monomials.Length == 0;

    /// <summary>Whether this is a constant (including zero).</summary>
    public bool IsConstant => _monomials.Length == 0 || (_monomials.Length == 1 && _monomials[0].IsOne);

    /// <summary>The largest monomial in the ring's order.</summary>
    /// <exception cref="InvalidOperationException">The polynomial is zero.</exception>
    public Monomial LeadingMonomial => IsZero ? throw ZeroHasNoLeadingTerm() : _monomials[0];

    /// <summary>The coefficient of the leading monomial.</summary>
    /// <exception cref="InvalidOperationException">The polynomial is zero.</exception>
    public T LeadingCoefficient => IsZero ? throw ZeroHasNoLeadingTerm() : _coefficients[0];

    /// <summary>Total degree, or -1 for the zero polynomial.</summary>
    public int TotalDegree
    {
        get
        {
            int d = -1;
            foreach (var m in _monomials)
            {
                d = Math.Max(d, m.TotalDegree);
            }

            return d;
        }
    }

    /// <summary>Whether all terms have the same total degree (zero counts as homogeneous).</summary>
    public bool IsHomogeneous
    {
        get
        {
            for (int i = 1; i < _monomials.Length; i++)
            {
                if (_monomials[i].TotalDegree != _monomials[0].TotalDegree)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static InvalidOperationException ZeroHasNoLeadingTerm() => new("The zero polynomial has no leading term.");

    /// <summary>Returns the coefficient of <paramref name="monomial"/> (zero if absent).</summary>
    public T CoefficientOf(Monomial monomial)
    {
        Ring.CheckMonomial(monomial);
        int lo = 0, hi = _monomials.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = Ring.Order.Compare(_monomials[mid], monomial);
            if (c == 0)
            {
                return _coefficients[mid];
            }

            if (c > 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return default;
    }

    /// <summary>Returns the degree in variable <paramref name="index"/>, or -1 for zero.</summary>
    public int Degree(int index)
    {
        int d = -1;
        foreach (var m in _monomials)
        {
            d = Math.Max(d, m[index]);
        }

        return d;
    }

    /// <summary>Returns the sum of the terms of total degree <paramref name="degree"/>.</summary>
    public Polynomial<T> HomogeneousComponent(int degree)
    {
        var ms = new List<Monomial>();
        var cs = new List<T>();
        for (int i = 0; i < _monomials.Length; i++)
        {
            if (_monomials[i].TotalDegree == degree)
            {
                ms.Add(_monomials[i]);
                cs.Add(_coefficients[i]);
            }
        }

        return new Polynomial<T>(Ring, [.. ms], [.. cs]);
    }

    /// <summary>Returns the nonzero homogeneous components, keyed by degree and enumerated in ascending degree.</summary>
    public IReadOnlyDictionary<int, Polynomial<T>> HomogeneousComponents()
    {
        // Terms of one degree keep their relative order, so each component is sorted already.
        var byDegree = new SortedDictionary<int, (List<Monomial> Monomials, List<T> Coefficients)>();
        for (int i = 0; i < _monomials.Length; i++)
        {
            int d = _monomials[i].TotalDegree;
            if (!byDegree.TryGetValue(d, out var lists))
            {
                lists = ([], []);
                byDegree.Add(d, lists);
            }

            lists.Monomials.Add(_monomials[i]);
            lists.Coefficients.Add(_coefficients[i]);
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<int, Polynomial<T>>();
        foreach (var (d, lists) in byDegree)
        {
            builder.Add(d, new Polynomial<T>(Ring, [.. lists.Monomials], [.. lists.Coefficients]));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Returns the weighted degree max over the terms of sum_i weights[i] * e_i, or -1 for the zero polynomial.
    /// </summary>
    /// <exception cref="ArgumentException">The number of weights differs from the number of variables, or a weight is negative.</exception>
    public long WeightedDegree(IReadOnlyList<int> weights)
    {
        var w = CheckWeights(weights);
        long d = -1;
        foreach (var m in _monomials)
        {
            d = Math.Max(d, m.WeightedDegree(w));
        }

        return d;
    }

    /// <summary>Whether all terms have the same weighted degree (zero counts as homogeneous).</summary>
    /// <exception cref="ArgumentException">The number of weights differs from the number of variables, or a weight is negative.</exception>
    public bool IsWeightedHomogeneous(IReadOnlyList<int> weights)
    {
        var w = CheckWeights(weights);
        for (int i = 1; i < _monomials.Length; i++)
        {
            if (_monomials[i].WeightedDegree(w) != _monomials[0].WeightedDegree(w))
            {
                return false;
            }
        }

        return true;
    }

    private int[] CheckWeights(IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Ring.VariableCount)
        {
            throw new ArgumentException(
                $"Weighted degree in {Ring} needs {Ring.VariableCount} weights, one per variable, but got {weights.Count}.", nameof(weights));
        }

        var w = weights.ToArray();
        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] < 0)
            {
                throw new ArgumentException($"Weight {w[i]} of variable {Ring.Variables[i]} is negative; weights must be non-negative.", nameof(weights));
            }
        }

        return w;
    }

    /// <summary>Returns the sum of two polynomials.</summary>
    public static Polynomial<T> operator +(Polynomial<T> a, Polynomial<T> b) => AddScaled(a, b, a.Ring.Field.One);

    /// <summary>Returns the difference of two polynomials.</summary>
    public static Polynomial<T> operator -(Polynomial<T> a, Polynomial<T> b) => AddScaled(a, b, -a.Ring.Field.One);

    /// <summary>Returns the negation.</summary>
    public static Polynomial<T> operator -(Polynomial<T> a) => a * -a.Ring.Field.One;

    /// <summary>Returns a + s*b by merging the sorted term lists.</summary>
    public static Polynomial<T> AddScaled(Polynomial<T> a, Polynomial<T> b, T s)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Ring.CheckSameRing(b.Ring);
        if (b.IsZero || s.IsZero)
        {
            return a;
        }

        var order = a.Ring.Order;
        var ms = new Monomial[a.TermCount + b.TermCount];
        var cs = new T[ms.Length];
        int i = 0, j = 0, k = 0;
        while (i < a._monomials.Length && j < b._monomials.Length)
        {
            int c = order.Compare(a._monomials[i], b._monomials[j]);
            if (c > 0)
            {
                ms[k] = a._monomials[i];
                cs[k++] = a._coefficients[i++];
            }
            else if (c < 0)
            {
                ms[k] = b._monomials[j];
                cs[k++] = s * b._coefficients[j++];
            }
            else
            {
                var sum = a._coefficients[i] + s * b._coefficients[j];
                if (!sum.IsZero)
                {
                    ms[k] = a._monomials[i];
                    cs[k++] = sum;
                }

                i++;
                j++;
            }
        }

        while (i < a._monomials.Length)
        {
            ms[k] = a._monomials[i];
            cs[k++] = a._coefficients[i++];
        }

        while (j < b._monomials.Length)
        {
            ms[k] = b._monomials[j];
            cs[k++] = s * b._coefficients[j++];
        }

        Array.Resize(ref ms, k);
        Array.Resize(ref cs, k);
        return new Polynomial<T>(a.Ring, ms, cs);
    }

    /// <summary>Returns the product with a scalar.</summary>
    public static Polynomial<T> operator *(Polynomial<T> a, T s)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (s.IsZero)
        {
            return a.Ring.Zero;
        }

        var cs = new T[a._coefficients.Length];
        for (int i = 0; i < cs.Length; i++)
        {
            cs[i] = a._coefficients[i] * s;
        }

        return new Polynomial<T>(a.Ring, a._monomials, cs);
    }

    /// <summary>Returns the product with a scalar.</summary>
    public static Polynomial<T> operator *(T s, Polynomial<T> a) => a * s;

    /// <summary>Returns s * this.</summary>
    public Polynomial<T> ScalarMultiple(T s) => this * s;

    /// <summary>Returns this / s for a nonzero scalar s.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="s"/> is zero.</exception>
    public Polynomial<T> Divide(T s) =>
        s.IsZero ? throw new DivideByZeroException($"Cannot divide the polynomial {this} by the scalar 0.") : this * s.Inverse();

    /// <summary>Returns a / s for a nonzero scalar s.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="s"/> is zero.</exception>
    public static Polynomial<T> operator /(Polynomial<T> a, T s)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Divide(s);
    }

    /// <summary>Returns the product of two polynomials.</summary>
    /// <remarks>
    /// Algorithm: packed exponent keys summed in dense chunks or a hash table, see <see cref="PolynomialMultiplication"/>.
    /// The result equals the schoolbook sum of all term products.
    /// </remarks>
    /// <exception cref="ArgumentException">The polynomials belong to different rings.</exception>
    /// <exception cref="OverflowException">An exponent of the product exceeds <see cref="Monomial.MaxExponent"/>.</exception>
    public static Polynomial<T> operator *(Polynomial<T> a, Polynomial<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Ring.CheckSameRing(b.Ring);
        if (a.IsZero || b.IsZero)
        {
            return a.Ring.Zero;
        }

        if (a.TermCount == 1)
        {
            return b.MultiplyByTerm(a._coefficients[0], a._monomials[0]);
        }

        if (b.TermCount == 1)
        {
            return a.MultiplyByTerm(b._coefficients[0], b._monomials[0]);
        }

        return PolynomialMultiplication.Multiply(a, b);
    }

    /// <summary>Returns the product with the term c*m. The order is multiplicative, so the result stays sorted.</summary>
    public Polynomial<T> MultiplyByTerm(T coefficient, Monomial monomial)
    {
        Ring.CheckMonomial(monomial);
        if (coefficient.IsZero)
        {
            return Ring.Zero;
        }

        var ms = new Monomial[_monomials.Length];
        var cs = new T[_monomials.Length];
        for (int i = 0; i < ms.Length; i++)
        {
            ms[i] = _monomials[i].Multiply(monomial);
            cs[i] = _coefficients[i] * coefficient;
        }

        return new Polynomial<T>(Ring, ms, cs);
    }

    /// <summary>Returns the k-th power by repeated squaring.</summary>
    public Polynomial<T> Power(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = Ring.One;
        var b = this;
        while (k > 0)
        {
            if ((k & 1) != 0)
            {
                result *= b;
            }

            k >>= 1;
            if (k > 0)
            {
                b *= b;
            }
        }

        return result;
    }

    /// <summary>Returns this polynomial divided by its leading coefficient.</summary>
    public Polynomial<T> Monic() => IsZero || _coefficients[0].IsOne ? this : this * _coefficients[0].Inverse();

    /// <summary>
    /// Returns q with this = q * <paramref name="divisor"/>.
    /// </summary>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    /// <exception cref="ArgumentException">The divisor does not divide this polynomial.</exception>
    public Polynomial<T> ExactDivide(Polynomial<T> divisor)
    {
        ArgumentNullException.ThrowIfNull(divisor);
        Ring.CheckSameRing(divisor.Ring);
        if (divisor.IsZero)
        {
            throw new DivideByZeroException("Exact division by the zero polynomial.");
        }

        // The leading monomials of the remainder strictly decrease, so the quotient terms come out sorted.
        var quotientMonomials = new List<Monomial>();
        var quotientCoefficients = new List<T>();
        var remainder = this;
        var lm = divisor.LeadingMonomial;
        var lcInverse = divisor.LeadingCoefficient.Inverse();
        while (!remainder.IsZero)
        {
            var m = remainder.LeadingMonomial;
            if (!lm.Divides(m))
            {
                throw new ArgumentException(
                    $"Exact division failed: {divisor} does not divide {this}; the leading monomial {m.Format(Ring.Variables)} of the remainder "
                    + $"is not divisible by {lm.Format(Ring.Variables)}. Use a Groebner basis reduction for division with remainder.",
                    nameof(divisor));
            }

            var qm = m.Divide(lm);
            var qc = remainder.LeadingCoefficient * lcInverse;
            quotientMonomials.Add(qm);
            quotientCoefficients.Add(qc);
            remainder = AddScaled(remainder, divisor.MultiplyByTerm(qc, qm), -Ring.Field.One);
        }

        return new Polynomial<T>(Ring, [.. quotientMonomials], [.. quotientCoefficients]);
    }

    /// <inheritdoc />
    public bool Equals(Polynomial<T>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!Ring.Equals(other.Ring) || TermCount != other.TermCount)
        {
            return false;
        }

        for (int i = 0; i < _monomials.Length; i++)
        {
            if (!_monomials[i].Equals(other._monomials[i]) || !_coefficients[i].Equals(other._coefficients[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Polynomial<T> p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            for (int i = 0; i < _monomials.Length; i++)
            {
                h.Add(_monomials[i]);
                h.Add(_coefficients[i]);
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    /// <summary>Whether two polynomials are equal.</summary>
    public static bool operator ==(Polynomial<T>? a, Polynomial<T>? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Whether two polynomials differ.</summary>
    public static bool operator !=(Polynomial<T>? a, Polynomial<T>? b) => !(a == b);

    /// <summary>Canonical text, terms from largest to smallest: <c>x1^2+3/2*x2*x3-1</c>; zero prints as <c>0</c>.</summary>
    public override string ToString() => PolynomialFormatter<T>.Format(this, latex: false);

    /// <summary>LaTeX text such as <c>x_{1}^{2}+\frac{3}{2} x_{2} x_{3}</c>.</summary>
    public string ToLatex() => PolynomialFormatter<T>.Format(this, latex: true);

    /// <summary>A read-only view of the terms as (coefficient, monomial) pairs.</summary>
    private sealed class TermList(Polynomial<T> polynomial) : IReadOnlyList<(T Coefficient, Monomial Monomial)>
    {
        public (T Coefficient, Monomial Monomial) this[int index] => (polynomial._coefficients[index], polynomial._monomials[index]);

        public int Count => polynomial._monomials.Length;

        public IEnumerator<(T Coefficient, Monomial Monomial)> GetEnumerator()
        {
            for (int i = 0; i < polynomial._monomials.Length; i++)
            {
                yield return (polynomial._coefficients[i], polynomial._monomials[i]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
