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
public sealed class Polynomial<T> : IEquatable<Polynomial<T>>
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

    /// <summary>Returns the product of two polynomials.</summary>
    public static Polynomial<T> operator *(Polynomial<T> a, Polynomial<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.Ring.CheckSameRing(b.Ring);
        if (a.IsZero || b.IsZero)
        {
            return a.Ring.Zero;
        }

        if (a.TermCount < b.TermCount)
        {
            (a, b) = (b, a);
        }

        if (b.TermCount == 1)
        {
            return a.MultiplyByTerm(b._coefficients[0], b._monomials[0]);
        }

        var sums = new Dictionary<Monomial, T>(a.TermCount * 2);
        for (int j = 0; j < b._monomials.Length; j++)
        {
            var mb = b._monomials[j];
            var cb = b._coefficients[j];
            for (int i = 0; i < a._monomials.Length; i++)
            {
                var m = a._monomials[i].Multiply(mb);
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, m, out _);
                slot += a._coefficients[i] * cb;
            }
        }

        return a.Ring.FromDictionary(sums);
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

        var quotient = new Dictionary<Monomial, T>();
        var remainder = this;
        var lm = divisor.LeadingMonomial;
        var lcInverse = divisor.LeadingCoefficient.Inverse();
        while (!remainder.IsZero)
        {
            var m = remainder.LeadingMonomial;
            if (!lm.Divides(m))
            {
                throw new ArgumentException($"{divisor} does not divide {this}.", nameof(divisor));
            }

            var qm = m.Divide(lm);
            var qc = remainder.LeadingCoefficient * lcInverse;
            quotient[qm] = qc;
            remainder = AddScaled(remainder, divisor.MultiplyByTerm(qc, qm), -Ring.Field.One);
        }

        return Ring.FromDictionary(quotient);
    }

    /// <summary>Returns the value at the point <paramref name="point"/> (one value per variable).</summary>
    public T Evaluate(IReadOnlyList<T> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != Ring.VariableCount)
        {
            throw new ArgumentException($"Evaluation point has {point.Count} values but {Ring} has {Ring.VariableCount} variables.", nameof(point));
        }

        T sum = default;
        for (int t = 0; t < _monomials.Length; t++)
        {
            var term = _coefficients[t];
            var e = _monomials[t].Exponents;
            for (int i = 0; i < e.Length; i++)
            {
                for (int k = 0; k < e[i]; k++)
                {
                    term *= point[i];
                }
            }

            sum += term;
        }

        return sum;
    }

    /// <summary>Returns the partial derivative with respect to variable <paramref name="index"/>.</summary>
    public Polynomial<T> Derivative(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Ring.VariableCount);
        var terms = new List<(T, Monomial)>();
        for (int t = 0; t < _monomials.Length; t++)
        {
            int e = _monomials[t][index];
            if (e == 0)
            {
                continue;
            }

            var exponents = _monomials[t].Exponents.ToArray();
            exponents[index]--;
            terms.Add((_coefficients[t] * Ring.Field.FromInteger(e), Monomial.FromExponentsUnchecked(exponents)));
        }

        return Ring.FromTerms(terms);
    }

    /// <summary>
    /// Returns f(p_1, ..., p_n): each variable x_i replaced by <paramref name="images"/>[i], a polynomial of <paramref name="target"/>.
    /// </summary>
    public Polynomial<T> Substitute(IReadOnlyList<Polynomial<T>> images, PolynomialRing<T> target)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(target);
        if (images.Count != Ring.VariableCount)
        {
            throw new ArgumentException($"Substitution needs {Ring.VariableCount} images, one per variable of {Ring}, but got {images.Count}.", nameof(images));
        }

        foreach (var p in images)
        {
            target.CheckSameRing(p.Ring);
        }

        // Powers of each image are computed once and reused across terms.
        var powers = new List<Polynomial<T>>[images.Count];
        for (int i = 0; i < powers.Length; i++)
        {
            powers[i] = [target.One];
        }

        Polynomial<T> PowerOf(int i, int k)
        {
            var list = powers[i];
            while (list.Count <= k)
            {
                list.Add(list[^1] * images[i]);
            }

            return list[k];
        }

        var sum = target.Zero;
        for (int t = 0; t < _monomials.Length; t++)
        {
            var term = target.Constant(_coefficients[t]);
            var e = _monomials[t].Exponents;
            for (int i = 0; i < e.Length; i++)
            {
                if (e[i] > 0)
                {
                    term *= PowerOf(i, e[i]);
                }
            }

            sum += term;
        }

        return sum;
    }

    /// <summary>Returns f(p_1, ..., p_n) in this polynomial's ring.</summary>
    public Polynomial<T> Substitute(IReadOnlyList<Polynomial<T>> images) => Substitute(images, Ring);

    /// <summary>
    /// Returns the polynomial x -&gt; f(g x) for the matrix g given by rows: x_i becomes sum_j g[i][j] x_j.
    /// This is how a matrix group acts on polynomials.
    /// </summary>
    public Polynomial<T> LinearChange(IReadOnlyList<IReadOnlyList<T>> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = Ring.VariableCount;
        if (matrix.Count != n || matrix.Any(row => row.Count != n))
        {
            throw new ArgumentException($"A linear change of variables of {Ring} needs a {n} x {n} matrix.", nameof(matrix));
        }

        var images = new Polynomial<T>[n];
        for (int i = 0; i < n; i++)
        {
            var terms = new List<(T, Monomial)>();
            for (int j = 0; j < n; j++)
            {
                if (!matrix[i][j].IsZero)
                {
                    terms.Add((matrix[i][j], Monomial.Variable(n, j)));
                }
            }

            images[i] = Ring.FromTerms(terms);
        }

        return Substitute(images);
    }

    /// <summary>Returns the same polynomial in another ring with the same field and variables (for example another order).</summary>
    public Polynomial<T> MapToRing(PolynomialRing<T> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Field.Equals(Ring.Field) || !target.Variables.SequenceEqual(Ring.Variables))
        {
            throw new ArgumentException($"Cannot map {Ring} to {target}: the field and the variables must be the same.", nameof(target));
        }

        return target.FromUnsortedUnique((Monomial[])_monomials.Clone(), (T[])_coefficients.Clone());
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
}
