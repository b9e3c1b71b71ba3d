using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>
/// A field whose elements have type <typeparamref name="T"/>: its name, characteristic, constants,
/// conversions, parsing and printing of scalars.
/// </summary>
/// <remarks>
/// Several fields can share one element type (GF(p) for every p uses <see cref="ModInt"/>,
/// Q(zeta_n) for every n uses one cyclotomic element type), so the field object is what tells
/// them apart. Field objects are immutable and compare by value (<see cref="Name"/>).
/// </remarks>
public abstract class Field<T> : IEquatable<Field<T>>
    where T : struct, IFieldElement<T>
{
    /// <summary>Canonical name of the field, as accepted by <see cref="FieldSpec.Parse"/>: <c>Q</c>, <c>GF(7)</c>, <c>Q(zeta_5)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Characteristic: 0 for Q and its extensions, p for GF(p).</summary>
    public abstract BigInteger Characteristic { get; }

    /// <summary>Degree of the field over its prime field (phi(n) for Q(zeta_n), 1 for Q and GF(p)).</summary>
    public virtual int DegreeOverPrimeField => 1;

    /// <summary>The zero of this field.</summary>
    public virtual T Zero => default;

    /// <summary>The one of this field.</summary>
    public abstract T One { get; }

    /// <summary>Returns the image of an integer.</summary>
    public abstract T FromInteger(BigInteger value);

    /// <summary>Returns the image of a rational number.</summary>
    /// <exception cref="DivideByZeroException">The denominator is divisible by the characteristic.</exception>
    public abstract T FromRational(Rational value);

    /// <summary>Parses one scalar written in this field's notation (<c>-3/4</c>, <c>z^2+1/2*z</c>).</summary>
    /// <exception cref="FormatException">The text is not a scalar of this field; the message names the position.</exception>
    public abstract T Parse(string text);

    /// <summary>Whether <paramref name="value"/> belongs to this field (for example, has this modulus).</summary>
    public abstract bool Contains(T value);

    /// <summary>Formats a scalar canonically; the inverse of <see cref="Parse"/>.</summary>
    public virtual string Format(T value) => value.ToString() ?? string.Empty;

    /// <summary>Formats a scalar as LaTeX.</summary>
    public virtual string FormatLatex(T value) => Format(value);

    /// <summary>
    /// Whether the printed form of <paramref name="value"/> needs parentheses when it multiplies a monomial,
    /// as a sum such as <c>z+1</c> does.
    /// </summary>
    public virtual bool NeedsParentheses(T value) => false;

    /// <summary>Whether the printed form of <paramref name="value"/> starts with a minus sign that can be written as a subtraction.</summary>
    public virtual bool IsNegativeForPrinting(T value) => false;

    /// <summary>Embeds the scalar into the complex numbers, where the field has a fixed embedding.</summary>
    /// <exception cref="NotSupportedException">The field has positive characteristic.</exception>
    public abstract Complex ToComplex(T value);

    /// <summary>Returns the complex conjugate under the fixed embedding (the identity on Q and GF(p)).</summary>
    public virtual T Conjugate(T value) => value;

    /// <inheritdoc />
    public bool Equals(Field<T>? other) => other is not null && other.Name == Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Field<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;
}
