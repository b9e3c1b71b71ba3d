using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Constructions;

/// <summary>
/// Lie algebra actions (derivations) that match the group-level constructions of <see cref="MatrixConstructions"/>:
/// for each construction F, the function here returns dF(X) = d/dt F(exp(t X)) at t = 0.
/// </summary>
/// <remarks>
/// Every function here is a Lie algebra homomorphism: dF([X, Y]) = [dF(X), dF(Y)]. The bases and index
/// conventions are those of <see cref="MatrixConstructions"/>.
/// </remarks>
public static class DerivationConstructions
{
    /// <summary>Returns X ⊗ I + I ⊗ Y, the action on a tensor product.</summary>
    /// <exception cref="ArgumentException">The matrices are over different fields or not square.</exception>
    public static Matrix<T> KroneckerSum<T>(Matrix<T> x, Matrix<T> y)
        where T : struct, IFieldElement<T>
    {
        MatrixConstructions.RequireSquarePair(x, y, nameof(KroneckerSum));
        return MatrixConstructions.KroneckerProduct(x, Matrix.Identity(y.Field, y.RowCount))
            + MatrixConstructions.KroneckerProduct(Matrix.Identity(x.Field, x.RowCount), y);
    }

    /// <summary>Returns the action on the k-th tensor power: the sum over factors of I ⊗ ... ⊗ X ⊗ ... ⊗ I.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Matrix<T> TensorPower<T>(Matrix<T> x, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = Matrix.Zero(x.Field, 1, 1);
        for (int i = 0; i < k; i++)
        {
            result = KroneckerSum(result, x);
        }

        return result;
    }

    /// <summary>Returns -X^T, the action on the dual space.</summary>
    public static Matrix<T> Dual<T>(Matrix<T> x)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        return -x.Transpose();
    }

    /// <summary>
    /// Returns the action on degree-k monomials: d/dt m(exp(tX) x) = dSym^k(X) m(x), with entry (alpha, beta) equal to
    /// the sum of alpha_i X_ij over the pairs (i, j) with beta = alpha - e_i + e_j.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Matrix<T> SymmetricPower<T>(Matrix<T> x, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        MatrixConstructions.RequireSquare(x, nameof(SymmetricPower));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int d = x.RowCount;
        var field = x.Field;
        if (k == 0)
        {
            return Matrix.Zero(field, 1, 1);
        }

        var basis = new MonomialBasis(d, k);
        var monomials = basis.Degree(k);
        int size = monomials.Count;
        var entries = new T[size * size];
        for (int a = 0; a < size; a++)
        {
            var lowered = (int[])monomials[a].Clone();
            for (int i = 0; i < d; i++)
            {
                if (lowered[i] == 0)
                {
                    continue;
                }

                // x^alpha = x_i * x^(alpha - e_i) and d/dt x_i = sum_j X_ij x_j.
                var multiplicity = field.FromInteger(lowered[i]);
                lowered[i]--;
                int parent = basis.IndexOf(k - 1, lowered);
                for (int j = 0; j < d; j++)
                {
                    if (!x[i, j].IsZero)
                    {
                        entries[a * size + basis.Raise(k - 1, parent, j)] += multiplicity * x[i, j];
                    }
                }

                lowered[i]++;
            }
        }

        return Matrix.FromRowMajor(field, size, size, entries);
    }

    /// <summary>
    /// Returns the action on Lambda^k: X(e_J) = sum over j in J of e_(J with j replaced by i) X_ij with the sign of
    /// sorting the indices; entry (I, J) is the first-order term of det (I + tX)[I, J].
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Matrix<T> ExteriorPower<T>(Matrix<T> x, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        MatrixConstructions.RequireSquare(x, nameof(ExteriorPower));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var subsets = MatrixConstructions.Subsets(x.RowCount, k);
        int size = subsets.Count;
        var entries = new T[size * size];
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                entries[r * size + c] = MinorDerivative(x, subsets[r], subsets[c]);
            }
        }

        return Matrix.FromRowMajor(x.Field, size, size, entries);
    }

    /// <summary>Returns the action on the 1-dimensional determinant representation: the 1 x 1 matrix (tr X).</summary>
    public static Matrix<T> Determinant<T>(Matrix<T> x)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        return Matrix.FromFunction(x.Field, 1, 1, (_, _) => x.Trace());
    }

    /// <summary>Returns d/dt det((I + tX)[rows, columns]) at t = 0 for sorted index sets of equal size.</summary>
    private static T MinorDerivative<T>(Matrix<T> x, int[] rows, int[] columns)
        where T : struct, IFieldElement<T>
    {
        // The identity part of (I + tX)[rows, columns] is a partial matching of equal indices; the first-order term
        // needs all but at most one row matched, so rows and columns differ in at most one index.
        var onlyRows = rows.Except(columns).ToArray();
        var onlyColumns = columns.Except(rows).ToArray();
        if (onlyRows.Length == 0)
        {
            T trace = default;
            foreach (int i in rows)
            {
                trace += x[i, i];
            }

            return trace;
        }

        if (onlyRows.Length > 1)
        {
            return default;
        }

        // Row a (position p) pairs with column b (position q); the other indices match themselves, which shifts
        // the entries between positions p and q by one place: a cycle of sign (-1)^(p - q).
        int p = Array.IndexOf(rows, onlyRows[0]);
        int q = Array.IndexOf(columns, onlyColumns[0]);
        var value = x[onlyRows[0], onlyColumns[0]];
        return (p - q) % 2 == 0 ? value : -value;
    }
}
