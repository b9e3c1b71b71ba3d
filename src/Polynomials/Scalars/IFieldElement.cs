using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>
/// An element of a field, with arithmetic as static operators so that generic polynomial and
/// linear-algebra code is compiled once per scalar type and runs without virtual calls.
/// </summary>
/// <remarks>
/// <para>
/// <c>default(T)</c> is always the zero of every field of that type, and
/// <see cref="IMultiplicativeIdentity{TSelf,TResult}.MultiplicativeIdentity"/> is a one that combines with
/// elements of any field of that type (for example with any modulus of <see cref="ModInt"/>).
/// Constants that belong to one field, such as the one of GF(7), come from the field object
/// (<see cref="Field{T}.One"/>); generic code should take them from there.
/// </para>
/// <para>Division by zero and <see cref="Inverse"/> of zero throw <see cref="DivideByZeroException"/>.</para>
/// </remarks>
public interface IFieldElement<T> :
    IEquatable<T>,
    IEqualityOperators<T, T, bool>,
    IAdditionOperators<T, T, T>,
    ISubtractionOperators<T, T, T>,
    IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>,
    IUnaryNegationOperators<T, T>,
    IAdditiveIdentity<T, T>,
    IMultiplicativeIdentity<T, T>
    where T : struct, IFieldElement<T>
{
    /// <summary>Whether this is the zero of the field.</summary>
    bool IsZero { get; }

    /// <summary>Whether this is the one of the field.</summary>
    bool IsOne { get; }

    /// <summary>Returns the multiplicative inverse.</summary>
    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    T Inverse();
}
