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
        where T : struct, IFieldElement<T> => field is RationalField or CyclotomicField;

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

        if (field is CyclotomicField)
        {
            var number = Unsafe.As<T, CyclotomicNumber>(ref value);
            rational = number.IsRational ? number.ToRational() : default;
            return number.IsRational;
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

        if (g is Matrix<CyclotomicNumber> cyclotomic && cyclotomic.Field is CyclotomicField field)
        {
            return RestrictCyclotomic(cyclotomic, field);
        }

        throw new NotSupportedException($"Restriction of scalars from {g.Field.Name} to Q is not supported.");
    }

    // Block (i, j) of the result is the matrix of multiplication by g[i, j] on Q(zeta_n) in the basis 1, z, ..., z^(k-1):
    // its column c holds the coordinates of g[i, j] * z^c.
    private static Matrix<Rational> RestrictCyclotomic(Matrix<CyclotomicNumber> g, CyclotomicField field)
    {
        int d = g.RowCount, k = field.Degree, n = d * k;
        var basis = new CyclotomicNumber[k];
        for (int c = 0; c < k; c++)
        {
            basis[c] = field.RootOfUnity(c);
        }

        var entries = new Rational[n * n];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                var a = g[i, j];
                if (a.IsZero)
                {
                    continue;
                }

                for (int c = 0; c < k; c++)
                {
                    var coordinates = Coordinates(a * basis[c], k);
                    for (int r = 0; r < k; r++)
                    {
                        entries[(i * k + r) * n + j * k + c] = coordinates[r];
                    }
                }
            }
        }

        return Matrix.FromRowMajor(RationalField.Instance, n, n, entries);
    }

    /// <summary>Returns the k coordinates of a cyclotomic number in the power basis; a field-less constant c gives (c, 0, ..., 0).</summary>
    public static Rational[] Coordinates(CyclotomicNumber value, int k)
    {
        var coordinates = new Rational[k];
        var coefficients = value.Coefficients;
        for (int r = 0; r < coefficients.Count && r < k; r++)
        {
            coordinates[r] = coefficients[r];
        }

        return coordinates;
    }
}
