using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Equivariants;

/// <summary>Whether a constraint comes from a group element or from a Lie algebra element.</summary>
public enum ConstraintKind
{
    /// <summary>A group element g: F(g x) = rho_W(g) F(x).</summary>
    GroupElement,

    /// <summary>A Lie algebra element X: dF_x(X_U x) = d rho_W(X) F(x), the derivative of the group condition at the identity.</summary>
    LieAlgebraElement,

    /// <summary>A translation by a fixed vector v of U, acting trivially on W: dF_x(v) = 0, so F(x + s v) = F(x) for all s.</summary>
    Translation,
}

/// <summary>
/// One linear condition on polynomial maps F: U -&gt; W. For a group element: F(A x) = B F(x), with A = rho_U(g) and
/// B = rho_W(g). For a Lie algebra element: sum_i (dF/dx_i)(x) (A x)_i = B F(x), with A = d rho_U(X) and B = d rho_W(X).
/// For a translation: sum_i v_i (dF/dx_i)(x) = 0, with A the n x 1 column v and B unused (the m x m zero matrix).
/// </summary>
/// <param name="Name">A name for messages and certificates, such as <c>generator 2</c> or <c>L12</c>.</param>
/// <param name="Kind">Group element or Lie algebra element.</param>
/// <param name="Input">A, acting on U (n x n).</param>
/// <param name="Output">B, acting on W (m x m).</param>
public sealed record EquivarianceConstraint<T>(string Name, ConstraintKind Kind, Matrix<T> Input, Matrix<T> Output)
    where T : struct, IFieldElement<T>
{
    /// <summary>
    /// Returns the residual of F, which is zero exactly when F satisfies the condition: F(A x) - B F(x) for a group
    /// element, dF_x(A x) - B F(x) for a Lie algebra element, dF_x(v) for a translation.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes of A or B do not match F.</exception>
    public PolynomialMap<T> Residual(PolynomialMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (Kind == ConstraintKind.Translation)
        {
            return new PolynomialMap<T>(map.Ring, map.Components.Select(f =>
            {
                var sum = map.Ring.Zero;
                for (int i = 0; i < Input.RowCount; i++)
                {
                    if (!Input[i, 0].IsZero)
                    {
                        sum = Polynomials.Polynomial<T>.AddScaled(sum, f.Derivative(i), Input[i, 0]);
                    }
                }

                return sum;
            }));
        }

        var left = Kind == ConstraintKind.GroupElement ? map.Precompose(Input) : map.DeriveAlong(Input);
        return left - map.Transform(Output);
    }

    /// <summary>Whether F satisfies the condition exactly.</summary>
    public bool IsSatisfiedBy(PolynomialMap<T> map) => Residual(map).IsZero;
}
