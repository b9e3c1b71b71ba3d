using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Runtime.Evaluation;

namespace InvTheory.Runtime.Tests.Evaluation;

public sealed class CompiledBasisTests
{
    // Values must agree with exact rational evaluation within this tolerance relative to sum_t |c_t x^m_t|,
    // the size of the terms, which bounds the rounding error of any summation order.
    private const double RelativeTolerance = 1e-12;

    private static readonly PolynomialRing<Rational> Ring3 = new(RationalField.Instance, 3, MonomialOrder.GradedReverseLex);

    // A random polynomial in 3 variables with up to 6 terms, coefficients p/q with |p| <= 50, 1 <= q <= 9 and degree <= 5.
    private static Gen<Polynomial<Rational>> PolynomialGen() =>
        from termCount in Gen.Choose(0, 6)
        from terms in Gen.ListOf(
            from p in Gen.Choose(-50, 50)
            from q in Gen.Choose(1, 9)
            from e in Gen.ArrayOf(Gen.Choose(0, 2), 3)
            select (Rational.Create(p, q), e),
            termCount)
        select Ring3.FromTerms(terms.Select(t => (t.Item1, Monomial.FromExponents(t.e))));

    private static Gen<Rational[]> PointGen() =>
        from p in Gen.ArrayOf(Gen.Choose(-40, 40), 3)
        from q in Gen.ArrayOf(Gen.Choose(1, 7), 3)
        select p.Zip(q, (a, b) => Rational.Create(a, b)).ToArray();

    [Property(MaxTest = 100)]
    public Property ValuesMatchExactEvaluation()
    {
        var cases =
            from polynomials in Gen.ListOf(PolynomialGen(), 4)
            from points in Gen.ListOf(PointGen(), 5)
            select (polynomials, points);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var compiled = new CompiledBasis(PolynomialBasis.ToFloat64Basis(c.polynomials.ToList()));
            var inputs = c.points.SelectMany(p => p.Select(r => r.ToDouble())).ToArray();
            var outputs = new double[c.points.Count * 4];
            compiled.Evaluate(inputs, c.points.Count, outputs);
            for (int b = 0; b < c.points.Count; b++)
            {
                for (int o = 0; o < 4; o++)
                {
                    var polynomial = c.polynomials[o];
                    double exact = polynomial.Evaluate(c.points[b]).ToDouble();
                    double scale = TermMagnitude(polynomial, c.points[b]);
                    if (Math.Abs(outputs[(b * 4) + o] - exact) > RelativeTolerance * scale)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void VectorElementOrdersComponents()
    {
        // E(x) = |x|^2 x, the standard O(3)-equivariant cubic, and the invariant |x|^2.
        var x = Enumerable.Range(0, 3).Select(Ring3.Variable).ToArray();
        var norm = (x[0] * x[0]) + (x[1] * x[1]) + (x[2] * x[2]);
        IReadOnlyList<IReadOnlyList<Polynomial<Rational>>> elements = [[norm], [norm * x[0], norm * x[1], norm * x[2]]];
        var compiled = new CompiledBasis(PolynomialBasis.ToFloat64Basis(elements));
        Assert.Equal(4, compiled.OutputCount);
        Assert.Equal(1, compiled.OutputOffset(1));
        double[] input = [1.0, -2.0, 0.5];
        var output = new double[4];
        compiled.Evaluate(input, 1, output);
        Assert.Equal(5.25, output[0], 15);
        Assert.Equal(5.25, output[1], 15);
        Assert.Equal(-10.5, output[2], 15);
        Assert.Equal(2.625, output[3], 15);
    }

    [Property(MaxTest = 50)]
    public Property JacobianMatchesFiniteDifferences()
    {
        var cases =
            from polynomials in Gen.ListOf(PolynomialGen(), 3)
            from point in PointGen()
            select (polynomials, point);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var compiled = new CompiledBasis(PolynomialBasis.ToFloat64Basis(c.polynomials.ToList()));
            var x = c.point.Select(r => r.ToDouble()).ToArray();
            var jacobian = new double[3 * 3];
            compiled.EvaluateJacobian(x, 1, jacobian);
            for (int v = 0; v < 3; v++)
            {
                // Central differences have error O(h^2 f''') plus rounding O(eps |f| / h).
                double h = 1e-5 * Math.Max(1.0, Math.Abs(x[v]));
                var plus = (double[])x.Clone();
                var minus = (double[])x.Clone();
                plus[v] += h;
                minus[v] -= h;
                var fPlus = new double[3];
                var fMinus = new double[3];
                compiled.Evaluate(plus, 1, fPlus);
                compiled.Evaluate(minus, 1, fMinus);
                for (int o = 0; o < 3; o++)
                {
                    double difference = (fPlus[o] - fMinus[o]) / (2 * h);
                    double scale = 1.0 + TermMagnitude(c.polynomials[o], c.point);
                    if (Math.Abs(difference - jacobian[(o * 3) + v]) > 1e-5 * scale)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void EvaluationWithJacobianMatchesSeparateCalls()
    {
        var x = Enumerable.Range(0, 3).Select(Ring3.Variable).ToArray();
        var compiled = new CompiledBasis(PolynomialBasis.ToFloat64Basis([(x[0] * x[1]) + x[2].Power(3), x[0] - Ring3.Constant(2)]));
        var input = Enumerable.Range(0, 3 * 37).Select(i => Math.Sin(i)).ToArray();
        var values = new double[37 * 2];
        var jacobian = new double[37 * 2 * 3];
        var valuesBoth = new double[37 * 2];
        var jacobianBoth = new double[37 * 2 * 3];
        compiled.Evaluate(input, 37, values);
        compiled.EvaluateJacobian(input, 37, jacobian);
        compiled.EvaluateWithJacobian(input, 37, valuesBoth, jacobianBoth);
        Assert.Equal(values, valuesBoth);
        Assert.Equal(jacobian, jacobianBoth);

        // Row 36 crosses a block boundary: d(x1 x2 + x3^3)/dx3 = 3 x3^2, and x1 - 2 at that row.
        double x3 = input[(36 * 3) + 2];
        Assert.Equal(3 * x3 * x3, jacobian[(36 * 6) + 2], 14);
        Assert.Equal(input[36 * 3] - 2, values[(36 * 2) + 1], 15);
    }

    [Fact]
    public void HotCallAllocatesNothing()
    {
        var x = Enumerable.Range(0, 3).Select(Ring3.Variable).ToArray();
        var norm = (x[0] * x[0]) + (x[1] * x[1]) + (x[2] * x[2]);
        var compiled = new CompiledBasis(PolynomialBasis.ToFloat64Basis([norm, norm * norm, x[0] * x[1] * x[2]]));
        var input = Enumerable.Range(0, 3 * 100).Select(i => Math.Cos(i)).ToArray();
        var output = new double[100 * 3];
        var jacobian = new double[100 * 3 * 3];
        compiled.EvaluateWithJacobian(input, 100, output, jacobian);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            compiled.Evaluate(input, 100, output);
            compiled.EvaluateWithJacobian(input, 100, output, jacobian);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ShortOutputSpanIsRejected()
    {
        var compiled = new CompiledBasis(PolynomialBasis.ToFloat64Basis([Ring3.Variable(0)]));
        var error = Assert.Throws<ArgumentException>(() => compiled.Evaluate(new double[6], 2, new double[1]));
        Assert.Contains("outputs has length 1", error.Message);
    }

    [Fact]
    public void RealCyclotomicCoefficientsConvert()
    {
        // zeta_8 + zeta_8^-1 = 2 cos(pi/4) = sqrt(2).
        var field = CyclotomicField.Get(8);
        var ring = new PolynomialRing<CyclotomicNumber>(field, 2, MonomialOrder.GradedReverseLex);
        var sqrt2 = field.RootOfUnity(1) + field.RootOfUnity(-1);
        var basis = PolynomialBasis.ToFloat64Basis([ring.Variable(0) * sqrt2 + ring.Constant(3L)]);
        var term = basis.Elements[0].Components[0].Single(t => t.TotalDegree == 1);
        Assert.Equal(Math.Sqrt(2), term.Coefficient, 15);
    }

    [Fact]
    public void NonRealCyclotomicCoefficientIsRejected()
    {
        var field = CyclotomicField.Get(4);
        var ring = new PolynomialRing<CyclotomicNumber>(field, 1, MonomialOrder.GradedReverseLex);
        var error = Assert.Throws<ArgumentException>(() => PolynomialBasis.ToFloat64Basis([ring.Variable(0) * field.RootOfUnity(1)]));
        Assert.Contains("is not real", error.Message);
    }

    private static double TermMagnitude(Polynomial<Rational> polynomial, IReadOnlyList<Rational> point)
    {
        double sum = 0;
        for (int t = 0; t < polynomial.TermCount; t++)
        {
            var term = polynomial.Coefficients[t];
            var e = polynomial.Monomials[t];
            for (int v = 0; v < point.Count; v++)
            {
                for (int k = 0; k < e[v]; k++)
                {
                    term *= point[v];
                }
            }

            sum += Math.Abs(term.ToDouble());
        }

        return sum;
    }
}
