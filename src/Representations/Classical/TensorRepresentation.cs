using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Classical;

/// <summary>
/// A tensor representation of a linear group G in GL(V): scalars, pseudoscalars, vectors, pseudovectors,
/// rank-k tensors, symmetric and antisymmetric rank-2 tensors, or any <see cref="RepresentationExpression"/> in V.
/// </summary>
/// <remarks>
/// <para>
/// The same expression gives the exact group action of rational matrices (the component-group generators),
/// the exact Lie algebra action (a derivation: X acts on a tensor product by X ⊗ I + I ⊗ X) and the
/// double-precision action of sampled group elements, all in the bases of <see cref="MatrixConstructions"/>.
/// </para>
/// <para>
/// The pseudovector is det ⊗ V, g -&gt; det(g) g. Its Lie algebra action equals that of the vector because
/// tr X = 0 on the Lie algebras of O(d) and O(1, d-1); only the components of negative determinant tell them apart.
/// Symmetric rank-2 tensors T_ij = T_ji use the coordinates T_ij (i &lt;= j) in descending lexicographic order of
/// the index pair, on which g acts as on the quadratic monomials x_i x_j (T -&gt; g T g^T).
/// </para>
/// </remarks>
public sealed class TensorRepresentation
{
    private TensorRepresentation(string name, RepresentationExpression expression)
    {
        Name = name;
        Expression = expression;
    }

    /// <summary>The trivial representation (invariant scalars).</summary>
    public static TensorRepresentation Scalar { get; } = new("scalar", RepresentationExpression.Trivial);

    /// <summary>The determinant representation (pseudoscalars).</summary>
    public static TensorRepresentation Pseudoscalar { get; } = new("pseudoscalar", RepresentationExpression.Determinant);

    /// <summary>The defining representation T1 (vectors).</summary>
    public static TensorRepresentation Vector { get; } = new("vector", RepresentationExpression.Standard);

    /// <summary>The vector representation twisted by the determinant (pseudovectors, axial vectors).</summary>
    public static TensorRepresentation Pseudovector { get; } =
        new("pseudovector", RepresentationExpression.Tensor(RepresentationExpression.Determinant, RepresentationExpression.Standard));

    /// <summary>Symmetric rank-2 tensors Sym^2(V).</summary>
    public static TensorRepresentation SymmetricTensor { get; } =
        new("symmetric rank-2 tensor", RepresentationExpression.SymmetricPowerOf(RepresentationExpression.Standard, 2));

    /// <summary>Antisymmetric rank-2 tensors Lambda^2(V).</summary>
    public static TensorRepresentation AntisymmetricTensor { get; } =
        new("antisymmetric rank-2 tensor", RepresentationExpression.ExteriorPowerOf(RepresentationExpression.Standard, 2));

    /// <summary>A short description, such as <c>vector</c> or <c>rank-3 tensor</c>.</summary>
    public string Name { get; }

    /// <summary>The representation as an expression in the defining representation V.</summary>
    public RepresentationExpression Expression { get; }

    /// <summary>Returns the rank-k tensors T_k = V ⊗ ... ⊗ V (k factors); T_0 is the scalar representation.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or larger than <see cref="RepresentationExpression.MaximumPower"/>.</exception>
    public static TensorRepresentation Tensor(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, RepresentationExpression.MaximumPower);
        return k switch
        {
            0 => Scalar,
            1 => Vector,
            _ => new TensorRepresentation($"rank-{k} tensor", RepresentationExpression.TensorPowerOf(RepresentationExpression.Standard, k)),
        };
    }

    /// <summary>Returns the representation given by an expression in V.</summary>
    public static TensorRepresentation FromExpression(RepresentationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new TensorRepresentation(expression.ToString(), expression);
    }

    /// <summary>Returns the dimension when V has dimension d.</summary>
    public int Dimension(int d) => Expression.Dimension(d);

    /// <summary>Returns the exact action of a group element given as a rational matrix on V.</summary>
    public Matrix<Rational> GroupAction(Matrix<Rational> g) => Expression.Evaluate(g);

    /// <summary>Returns the double-precision action of a group element on V.</summary>
    public RealMatrix GroupAction(RealMatrix g) => RealRepresentation.Evaluate(Expression, g);

    /// <summary>Returns the exact action of a Lie algebra element X of gl(V): the derivative of the group action at the identity.</summary>
    public Matrix<Rational> LieAlgebraAction(Matrix<Rational> x) => Expression.Differentiate(x);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Expression})";
}
