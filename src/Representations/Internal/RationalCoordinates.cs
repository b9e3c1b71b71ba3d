using System.Runtime.CompilerServices;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>
/// Views scalars of a characteristic-0 field as vectors over Q: the rational number of a scalar that lies in Q,
/// and the restriction of scalars of a matrix (a d x d matrix over a field of degree k over Q becomes a
/// dk x dk rational matrix with the same finite or infinite order).
/// </summary>
internal static class RationalCoordinates
{
    /// <summary>Whether this helper knows the field type.</summary>
    public static bool Supports<T>(Field<T> field)
        where T : struct, IFieldElement<T> => field is RationalField;

    /// <summary>Returns true and the rational value when <paramref name="value"/> lies in Q.</summary>
    /// <exception cref="NotSupportedException">The field type is not supported (see <see cref="Supports"/>).</exception>
    public static bool TryGetRational<T>(Field<T> field, T value, out Rational rational)
        where T : struct, IFieldElement<T>
    {
        if (field is RationalField)
        {
            rational = Unsafe.As<T, Rational>(ref value);
            return true;
        }

        throw new NotSupportedException($"Rational coordinates of elements of {field.Name} are not supported.");
    }

    /// <summary>Returns the rational matrix of <paramref name="g"/> acting on K^d viewed as a vector space over Q.</summary>
    /// <exception cref="NotSupportedException">The field type is not supported (see <see cref="Supports"/>).</exception>
    public static Matrix<Rational> RestrictScalars<T>(Matrix<T> g)
        where T : struct, IFieldElement<T>
    {
        if (g is Matrix<Rational> rational)
        {
            return rational;
        }

        throw new NotSupportedException($"Restriction of scalars from {g.Field.Name} to Q is not supported.");
    }
}
