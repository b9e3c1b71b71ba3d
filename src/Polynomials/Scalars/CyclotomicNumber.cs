using System.Collections.Immutable;
using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>
/// An element of a cyclotomic field Q(zeta_n): a rational linear combination of
/// 1, z, ..., z^(phi(n)-1) with z = zeta_n = exp(2 pi i / n), reduced modulo Phi_n.
/// </summary>
/// <remarks>
/// <para>
/// Every value either belongs to one <see cref="CyclotomicField"/> or is a field-less rational
/// constant. <c>default</c> is the field-less zero and <see cref="MultiplicativeIdentity"/> the
/// field-less one; field-less constants (also made by the implicit conversions from integers and
/// <see cref="Rational"/>) combine with elements of any field. Combining elements of two different
/// fields throws <see cref="ArgumentException"/>; <see cref="Embed"/> moves an element into a larger field.
/// </para>
/// <para>
/// Equality: two elements of one field are equal when their coefficient vectors are equal. Elements
/// of different fields, and field-less constants, are equal only when both are the same rational
/// number, so a field-less constant c equals c in every field and has the same hash code.
/// </para>
/// </remarks>
public readonly struct CyclotomicNumber : IFieldElement<CyclotomicNumber>
{
    private static readonly Rational[] OneConstant = [Rational.One];

    // With _field null, _coefficients is null (zero) or contains one rational constant. With a field,
    // _coefficients has length phi(n). Arrays are never mutated after construction.
    private readonly CyclotomicField? _field;
    private readonly Rational[]? _coefficients;

    internal CyclotomicNumber(CyclotomicField field, Rational[] coefficients)
    {
        _field = field;
        _coefficients = coefficients;
    }

    private CyclotomicNumber(Rational constant)
    {
        _field = null;
        _coefficients = constant.IsZero ? null : [constant];
    }

    private CyclotomicNumber(Rational[] constant)
    {
        _field = null;
        _coefficients = constant;
    }

    /// <inheritdoc />
    public static CyclotomicNumber AdditiveIdentity => default;

    /// <inheritdoc />
    public static CyclotomicNumber MultiplicativeIdentity => new(OneConstant);

    /// <summary>The field this element belongs to, or null for a field-less rational constant.</summary>
    public CyclotomicField? Field => _field;

    /// <summary>
    /// The coefficients c_0, ..., c_(phi(n)-1) of the element in the power basis of <see cref="Field"/>;
    /// for a field-less constant c, the single entry c. Each call copies the vector; <see cref="Coefficient"/> does not.
    /// </summary>
    public IReadOnlyList<Rational> Coefficients =>
        _coefficients is null ? ImmutableArray.Create(Rational.Zero) : ImmutableArray.Create(_coefficients);

    /// <summary>Returns the coefficient of z^<paramref name="k"/> in the power basis, without copying the vector.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or not below the length of <see cref="Coefficients"/>.</exception>
    public Rational Coefficient(int k)
    {
        int length = _field?.Degree ?? 1;
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, length);
        return _coefficients is null ? Rational.Zero : _coefficients[k];
    }

    /// <inheritdoc />
    public bool IsZero
    {
        get
        {
            if (_coefficients is null)
            {
                return true;
            }

            foreach (Rational c in _coefficients)
            {
                if (!c.IsZero)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <inheritdoc />
    public bool IsOne => IsRational && ConstantTerm.IsOne;

    /// <summary>Whether the element is a rational number (all coefficients except the constant term are zero).</summary>
    public bool IsRational
    {
        get
        {
            if (_coefficients is null)
            {
                return true;
            }

            for (int i = 1; i < _coefficients.Length; i++)
            {
                if (!_coefficients[i].IsZero)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Whether the element is real under the embedding z = exp(2 pi i / n), that is, equals its complex conjugate.</summary>
    public bool IsReal => _field is null || Equals(Conjugate());

    private Rational ConstantTerm => _coefficients is null ? Rational.Zero : _coefficients[0];

    /// <summary>Converts a rational number to a field-less constant.</summary>
    public static implicit operator CyclotomicNumber(Rational value) => new(value);

    /// <summary>Converts an integer to a field-less constant.</summary>
    public static implicit operator CyclotomicNumber(int value) => new((Rational)value);

    /// <summary>Returns the rational number this element equals.</summary>
    /// <exception cref="InvalidOperationException">The element is not rational.</exception>
    public Rational ToRational()
    {
        if (!IsRational)
        {
            throw new InvalidOperationException($"ToRational: {this} in {_field!.Name} is not a rational number. Check IsRational first.");
        }

        return ConstantTerm;
    }

    /// <summary>Returns the complex number sum c_k exp(2 pi i k / n), in double precision.</summary>
    public Complex ToComplex() =>
        _field is null ? new Complex(ConstantTerm.ToDouble(), 0) : _field.Evaluate(_coefficients!);

    /// <summary>Returns the complex conjugate, the image under the automorphism z -> z^(n-1).</summary>
    public CyclotomicNumber Conjugate() => _field is null ? this : GaloisConjugate(_field.Order - 1);

    /// <summary>Returns the image under the field automorphism z -> z^<paramref name="k"/>.</summary>
    /// <remarks>Algorithm: substitute x^(jk mod n) for x^j and reduce modulo Phi_n.</remarks>
    /// <exception cref="ArgumentException"><paramref name="k"/> is not coprime to n, so z -> z^k is no automorphism.</exception>
    public CyclotomicNumber GaloisConjugate(int k)
    {
        if (_field is null)
        {
            return this;
        }

        int n = _field.Order;
        int kk = (int)(((long)k % n + n) % n);
        if (n > 1 && BigInteger.GreatestCommonDivisor(kk, n) != 1)
        {
            throw new ArgumentException(
                $"Invalid Galois conjugation z -> z^{k} in {_field.Name}: gcd({k}, {n}) is not 1, so the map is not an automorphism. Use an exponent coprime to {n}.",
                nameof(k));
        }

        Rational[] c = _coefficients!;
        var poly = new Rational[n];
        for (int j = 0; j < c.Length; j++)
        {
            if (!c[j].IsZero)
            {
                poly[(int)((long)j * kk % n)] += c[j];
            }
        }

        return new CyclotomicNumber(_field, _field.ReduceToBasis(poly));
    }

    /// <summary>Returns the same number as an element of <paramref name="larger"/>, which must contain this field.</summary>
    /// <remarks>Algorithm: zeta_n = zeta_m^(m/n) for n dividing m, then reduction modulo Phi_m.</remarks>
    /// <exception cref="ArgumentException">The order of this element's field does not divide the order of <paramref name="larger"/>.</exception>
    public CyclotomicNumber Embed(CyclotomicField larger)
    {
        ArgumentNullException.ThrowIfNull(larger);
        if (_field is null)
        {
            return larger.FromRationalCore(ConstantTerm);
        }

        if (ReferenceEquals(_field, larger))
        {
            return this;
        }

        if (larger.Order % _field.Order != 0)
        {
            throw new ArgumentException(
                $"Cannot embed {_field.Name} into {larger.Name}: {_field.Order} does not divide {larger.Order}. Embed both into Q(zeta_lcm) instead.",
                nameof(larger));
        }

        int step = larger.Order / _field.Order;
        Rational[] c = _coefficients!;
        var poly = new Rational[(c.Length - 1) * step + 1];
        for (int j = 0; j < c.Length; j++)
        {
            poly[j * step] = c[j];
        }

        return new CyclotomicNumber(larger, larger.ReduceToBasis(poly));
    }

    /// <summary>Returns this element to the power <paramref name="exponent"/> (negative exponents invert).</summary>
    /// <exception cref="DivideByZeroException">The element is zero and the exponent negative.</exception>
    public CyclotomicNumber Pow(int exponent)
    {
        CyclotomicNumber factor = exponent < 0 ? Inverse() : this;
        long e = Math.Abs((long)exponent);
        CyclotomicNumber result = _field is null ? MultiplicativeIdentity : _field.One;
        while (e > 0)
        {
            if ((e & 1) != 0)
            {
                result *= factor;
            }

            e >>= 1;
            if (e > 0)
            {
                factor *= factor;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public static CyclotomicNumber operator +(CyclotomicNumber a, CyclotomicNumber b)
    {
        if (a._field is null)
        {
            return b._field is null ? new CyclotomicNumber(a.ConstantTerm + b.ConstantTerm) : b.AddConstant(a.ConstantTerm);
        }

        if (b._field is null)
        {
            return a.AddConstant(b.ConstantTerm);
        }

        CheckSameField(a, b);
        Rational[] x = a._coefficients!, y = b._coefficients!;
        var sum = new Rational[x.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = x[i] + y[i];
        }

        return new CyclotomicNumber(a._field, sum);
    }

    /// <inheritdoc />
    public static CyclotomicNumber operator -(CyclotomicNumber a, CyclotomicNumber b)
    {
        if (b._field is null)
        {
            return a._field is null ? new CyclotomicNumber(a.ConstantTerm - b.ConstantTerm) : a.AddConstant(-b.ConstantTerm);
        }

        if (a._field is null)
        {
            return (-b).AddConstant(a.ConstantTerm);
        }

        CheckSameField(a, b);
        Rational[] x = a._coefficients!, y = b._coefficients!;
        var difference = new Rational[x.Length];
        for (int i = 0; i < difference.Length; i++)
        {
            difference[i] = x[i] - y[i];
        }

        return new CyclotomicNumber(a._field, difference);
    }

    /// <inheritdoc />
    public static CyclotomicNumber operator -(CyclotomicNumber a)
    {
        if (a._coefficients is null)
        {
            return a;
        }

        Rational[] x = a._coefficients;
        var negated = new Rational[x.Length];
        for (int i = 0; i < negated.Length; i++)
        {
            negated[i] = -x[i];
        }

        return a._field is null ? new CyclotomicNumber(negated) : new CyclotomicNumber(a._field, negated);
    }

    /// <inheritdoc />
    public static CyclotomicNumber operator *(CyclotomicNumber a, CyclotomicNumber b)
    {
        if (a._field is null)
        {
            return b._field is null ? new CyclotomicNumber(a.ConstantTerm * b.ConstantTerm) : b.Scale(a.ConstantTerm);
        }

        if (b._field is null)
        {
            return a.Scale(b.ConstantTerm);
        }

        CheckSameField(a, b);
        return new CyclotomicNumber(a._field, a._field.Multiply(a._coefficients!, b._coefficients!));
    }

    /// <inheritdoc />
    public static CyclotomicNumber operator /(CyclotomicNumber a, CyclotomicNumber b)
    {
        if (a._field is not null && b._field is not null)
        {
            CheckSameField(a, b);
        }

        return a * b.Inverse();
    }

    /// <inheritdoc />
    public CyclotomicNumber Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException(_field is null ? "Division by the cyclotomic number 0." : $"Division by zero in {_field.Name}.");
        }

        if (_field is null)
        {
            return new CyclotomicNumber(ConstantTerm.Inverse());
        }

        if (IsRational)
        {
            return _field.FromRationalCore(ConstantTerm.Inverse());
        }

        return new CyclotomicNumber(_field, _field.Invert(_coefficients!));
    }

    /// <inheritdoc />
    public bool Equals(CyclotomicNumber other)
    {
        if (_field is not null && ReferenceEquals(_field, other._field))
        {
            Rational[] x = _coefficients!, y = other._coefficients!;
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] != y[i])
                {
                    return false;
                }
            }

            return true;
        }

        return IsRational && other.IsRational && ConstantTerm == other.ConstantTerm;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CyclotomicNumber other && Equals(other);

    /// <summary>Hash code: that of the rational number for rational elements, so that equal values hash alike across fields.</summary>
    public override int GetHashCode()
    {
        if (IsRational)
        {
            return ConstantTerm.GetHashCode();
        }

        var hash = default(HashCode);
        hash.Add(_field!.Order);
        foreach (Rational c in _coefficients!)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public static bool operator ==(CyclotomicNumber a, CyclotomicNumber b) => a.Equals(b);

    /// <inheritdoc />
    public static bool operator !=(CyclotomicNumber a, CyclotomicNumber b) => !a.Equals(b);

    /// <summary>The canonical text of <see cref="CyclotomicField.Format"/>, such as <c>z^3+1/2*z-2</c>.</summary>
    public override string ToString() => _field is null ? ConstantTerm.ToString() : _field.Format(this);

    internal Rational[]? RawCoefficients => _coefficients;

    private static void CheckSameField(CyclotomicNumber a, CyclotomicNumber b)
    {
        if (!ReferenceEquals(a._field, b._field))
        {
            throw new ArgumentException(
                $"Cannot combine an element of {a._field!.Name} with an element of {b._field!.Name}. Embed both into one field first (CyclotomicNumber.Embed).");
        }
    }

    private CyclotomicNumber AddConstant(Rational constant)
    {
        var sum = (Rational[])_coefficients!.Clone();
        sum[0] += constant;
        return new CyclotomicNumber(_field!, sum);
    }

    private CyclotomicNumber Scale(Rational factor)
    {
        Rational[] x = _coefficients!;
        var scaled = new Rational[x.Length];
        if (!factor.IsZero)
        {
            for (int i = 0; i < scaled.Length; i++)
            {
                scaled[i] = x[i] * factor;
            }
        }

        return new CyclotomicNumber(_field!, scaled);
    }
}
