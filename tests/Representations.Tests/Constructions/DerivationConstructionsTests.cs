using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Constructions;

public sealed class DerivationConstructionsTests
{
    private static readonly RationalField Q = RationalField.Instance;

    private static readonly string[] Expressions = ["V", "V^*", "det", "V+V", "V*V", "V^3", "Sym2(V)", "Sym3(V)", "Lambda2(V)", "Lambda3(V)", "Sym2(V*V)+Lambda2(V)^*", "det*V"];

    [Property(MaxTest = 40)]
    public bool DerivationIsLieAlgebraHomomorphism(int seed)
    {
        // d F([X, Y]) = [d F(X), d F(Y)] for every construction F.
        var random = new Random(seed);
        int d = random.Next(1, 4);
        var x = ConstructionTestSupport.RandomMatrix(random, d);
        var y = ConstructionTestSupport.RandomMatrix(random, d);
        var expression = RepresentationExpression.Parse(Expressions[random.Next(Expressions.Length)]);
        var fx = expression.Differentiate(x);
        var fy = expression.Differentiate(y);
        Assert.Equal(expression.Differentiate(x * y - y * x), fx * fy - fy * fx);
        return true;
    }

    [Property(MaxTest = 40)]
    public bool DerivationIsFirstOrderTermOfGroupAction(int seed)
    {
        // For the constructions without a dual, p(t) = F(I + tX) is a polynomial of degree at most 4 (d <= 3), so the
        // central difference C(h) = (p(h) - p(-h))/2h equals p'(0) + c h^2 and (4 C(h/2) - C(h))/3 = p'(0) exactly.
        var random = new Random(seed);
        int d = random.Next(1, 4);
        var x = ConstructionTestSupport.RandomMatrix(random, d);
        var polynomialExpressions = Expressions.Where(e => !e.Contains('*', StringComparison.Ordinal) || e == "V*V" || e == "det*V").ToArray();
        var expression = RepresentationExpression.Parse(polynomialExpressions[random.Next(polynomialExpressions.Length)]);
        var identity = Matrix.Identity(Q, d);
        Matrix<Rational> Central(Rational h) =>
            (expression.Evaluate(identity + h * x) - expression.Evaluate(identity - h * x)) * (1 / (2 * h));

        var h = Rational.Create(1, 1000);
        var estimate = (Central(h / 2) * 4 - Central(h)) * Rational.Create(1, 3);
        Assert.Equal(expression.Differentiate(x), estimate);
        return true;
    }

    [Fact]
    public void DualDerivationIsMinusTranspose()
    {
        var x = Matrix.Create<Rational>(Q, [[1, 2], [3, 4]]);
        Assert.Equal(Matrix.Create<Rational>(Q, [[-1, -3], [-2, -4]]), DerivationConstructions.Dual(x));
    }

    [Fact]
    public void KroneckerSumMatchesDefinition()
    {
        // X (x) I + I (x) Y for X = [[1]] (1 x 1) is I + Y.
        var x = Matrix.Create<Rational>(Q, [[1]]);
        var y = Matrix.Create<Rational>(Q, [[0, 2], [3, 0]]);
        Assert.Equal(Matrix.Create<Rational>(Q, [[1, 2], [3, 1]]), DerivationConstructions.KroneckerSum(x, y));
    }
}
