using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Classical;

/// <summary>The tensor types that the first fundamental theorem generators accept as inputs and outputs.</summary>
public enum ClassicalTensorKind
{
    /// <summary>An invariant scalar, <c>T0</c> or <c>1</c>.</summary>
    Scalar,

    /// <summary>A pseudoscalar, <c>det</c>.</summary>
    Pseudoscalar,

    /// <summary>A vector, <c>T1</c> or <c>V</c>.</summary>
    Vector,

    /// <summary>A pseudovector, <c>det*V</c>.</summary>
    Pseudovector,

    /// <summary>A symmetric rank-2 tensor, <c>Sym2(V)</c>, with coordinates T_ij (i &lt;= j).</summary>
    SymmetricTensor,

    /// <summary>A general rank-2 tensor, <c>T2</c> = <c>V*V</c>, with coordinates T_ij in row-major order.</summary>
    Tensor,
}

/// <summary>Classifies representation expressions as the tensor types of <see cref="ClassicalTensorKind"/>.</summary>
public static class ClassicalTensorKinds
{
    private static readonly RepresentationExpression PseudovectorLeft =
        RepresentationExpression.Tensor(RepresentationExpression.Determinant, RepresentationExpression.Standard);

    private static readonly RepresentationExpression PseudovectorRight =
        RepresentationExpression.Tensor(RepresentationExpression.Standard, RepresentationExpression.Determinant);

    /// <summary>Returns the tensor type of an expression, or null when it is none of them.</summary>
    public static ClassicalTensorKind? TryClassify(RepresentationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Equals(RepresentationExpression.Trivial))
        {
            return ClassicalTensorKind.Scalar;
        }

        if (expression.Equals(RepresentationExpression.Determinant))
        {
            return ClassicalTensorKind.Pseudoscalar;
        }

        if (expression.Equals(RepresentationExpression.Standard))
        {
            return ClassicalTensorKind.Vector;
        }

        if (expression.Equals(PseudovectorLeft) || expression.Equals(PseudovectorRight))
        {
            return ClassicalTensorKind.Pseudovector;
        }

        if (expression.Equals(RepresentationExpression.SymmetricPowerOf(RepresentationExpression.Standard, 2)))
        {
            return ClassicalTensorKind.SymmetricTensor;
        }

        if (expression.Equals(RepresentationExpression.TensorPowerOf(RepresentationExpression.Standard, 2))
            || expression.Equals(RepresentationExpression.Tensor(RepresentationExpression.Standard, RepresentationExpression.Standard)))
        {
            return ClassicalTensorKind.Tensor;
        }

        return null;
    }

    /// <summary>Returns the tensor type of an expression.</summary>
    /// <exception cref="NotSupportedException">The expression is not a scalar, pseudoscalar, vector, pseudovector or rank-2 tensor.</exception>
    public static ClassicalTensorKind Classify(RepresentationExpression expression) =>
        TryClassify(expression) ?? throw new NotSupportedException(
            $"The first fundamental theorem generators take scalars (T0), pseudoscalars (det), vectors (T1), pseudovectors, symmetric (Sym2(V)) and general (T2) rank-2 tensors; {expression} is none of them. "
            + "Use --degree for the equivariants of one degree instead.");
}
