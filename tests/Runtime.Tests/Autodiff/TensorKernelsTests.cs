using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Tests.Autodiff;

public sealed class TensorKernelsTests
{
    // Shapes around the kernel's block sizes: 8-row panels plus remainders, 16-, 8- and 4-wide column strips plus scalars.
    private static Gen<(int M, int K, int N, int Seed)> ShapeGen() =>
        from m in Gen.Choose(1, 37)
        from k in Gen.Choose(1, 23)
        from n in Gen.Choose(1, 41)
        from seed in Gen.Choose(0, 1_000_000)
        select (m, k, n, seed);

    // The fused multiply-add chain over p = 0 .. k - 1, the summation order the kernels promise for every entry.
    private static double[] NaiveProduct(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        int m = transposeA ? a.Columns : a.Rows;
        int k = transposeA ? a.Rows : a.Columns;
        int n = transposeB ? b.Rows : b.Columns;
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                {
                    double left = transposeA ? a[p, i] : a[i, p];
                    double right = transposeB ? b[j, p] : b[p, j];
                    s = Math.FusedMultiplyAdd(left, right, s);
                }

                c[(i * n) + j] = s;
            }
        }

        return c;
    }

    [Property(MaxTest = 100)]
    public Property MatMulEqualsFusedTripleLoop()
    {
        return Prop.ForAll(ShapeGen().ToArbitrary(), s =>
        {
            var random = new DeterministicRandom((ulong)s.Seed);
            var a = GradientChecker.Random(s.M, s.K, random);
            var b = GradientChecker.Random(s.K, s.N, random);
            var tape = new Tape();
            var c = tape.MatMul(tape.Input(a), tape.Input(b)).Value;
            return c.AsSpan().SequenceEqual(NaiveProduct(a, b, false, false));
        });
    }

    [Property(MaxTest = 100)]
    public Property MatMulTransposeAEqualsFusedTripleLoop()
    {
        return Prop.ForAll(ShapeGen().ToArbitrary(), s =>
        {
            var random = new DeterministicRandom((ulong)s.Seed);
            var a = GradientChecker.Random(s.K, s.M, random);
            var b = GradientChecker.Random(s.K, s.N, random);
            var tape = new Tape();
            var c = tape.MatMul(tape.Input(a), tape.Input(b), transposeA: true).Value;
            return c.AsSpan().SequenceEqual(NaiveProduct(a, b, true, false));
        });
    }

    [Property(MaxTest = 100)]
    public Property MatMulTransposeBEqualsFusedTripleLoop()
    {
        return Prop.ForAll(ShapeGen().ToArbitrary(), s =>
        {
            var random = new DeterministicRandom((ulong)s.Seed);
            var a = GradientChecker.Random(s.M, s.K, random);
            var b = GradientChecker.Random(s.N, s.K, random);
            var tape = new Tape();
            var c = tape.MatMul(tape.Input(a), tape.Input(b), transposeB: true).Value;
            return c.AsSpan().SequenceEqual(NaiveProduct(a, b, false, true));
        });
    }

    [Fact]
    public void MatMulHandlesDemoShapes()
    {
        // The shapes of the pendulum network's products: batch 500, widths 15, 100 and 1.
        (int M, int K, int N)[] shapes = [(500, 15, 100), (500, 100, 100), (500, 100, 1), (100, 500, 100), (15, 500, 100), (500, 100, 15)];
        var random = new DeterministicRandom(7);
        foreach (var (m, k, n) in shapes)
        {
            var a = GradientChecker.Random(m, k, random);
            var b = GradientChecker.Random(k, n, random);
            var tape = new Tape();
            var c = tape.MatMul(tape.Input(a), tape.Input(b)).Value;
            Assert.True(c.AsSpan().SequenceEqual(NaiveProduct(a, b, false, false)), $"{m} x {k} times {k} x {n} differs from the fused triple loop");
        }
    }

    [Fact]
    public void MatMulWithEmptyInnerDimensionIsZero()
    {
        var tape = new Tape();
        var a = tape.Fill(3, 0, 0.0);
        var b = tape.Fill(0, 5, 0.0);
        var c = tape.MatMul(a, b).Value;
        Assert.Equal(15, c.Length);
        Assert.All(c.AsSpan().ToArray(), v => Assert.Equal(0.0, v));
    }

    [Property(MaxTest = 100)]
    public Property SigmoidMatchesScalarFormula()
    {
        var inputs =
            from length in Gen.Choose(1, 23)
            from values in Gen.ArrayOf(Gen.Choose(-700_000, 700_000).Select(v => v / 1000.0), length)
            select values;
        return Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var y = new double[x.Length];
            ElementwiseDerivatives.ApplySigmoid(x, y);
            for (int i = 0; i < x.Length; i++)
            {
                double expected = x[i] >= 0 ? 1 / (1 + Math.Exp(-x[i])) : Math.Exp(x[i]) / (1 + Math.Exp(x[i]));
                if (Math.Abs(y[i] - expected) > 1e-15 * expected)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Property(MaxTest = 100)]
    public Property SigmoidEntryDoesNotDependOnPosition()
    {
        var inputs =
            from length in Gen.Choose(1, 23)
            from values in Gen.ArrayOf(Gen.Choose(-20_000, 20_000).Select(v => v / 1000.0), length)
            select values;
        return Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var all = new double[x.Length];
            ElementwiseDerivatives.ApplySigmoid(x, all);
            var single = new double[1];
            for (int i = 0; i < x.Length; i++)
            {
                ElementwiseDerivatives.ApplySigmoid(x.AsSpan(i, 1), single);
                if (single[0] != all[i])
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void SigmoidHandlesExtremeInputs()
    {
        // sigmoid(x) = exp(x) / (1 + exp(x)) for x < 0, 1 / (1 + exp(-x)) for x >= 0, with limits 0 and 1 at -inf and +inf.
        double[] x = [-1000, -745, -709, -708, -700, -37, 37, 700, 1000, double.NegativeInfinity, double.PositiveInfinity, double.NaN];
        var y = new double[x.Length];
        ElementwiseDerivatives.ApplySigmoid(x, y);
        for (int i = 0; i < x.Length - 1; i++)
        {
            double expected = x[i] >= 0 ? 1 / (1 + Math.Exp(-x[i])) : Math.Exp(x[i]) / (1 + Math.Exp(x[i]));
            double tolerance = x[i] < -708 ? 1e-307 : 1e-15 * expected;
            Assert.True(Math.Abs(y[i] - expected) <= tolerance, $"sigmoid({x[i]}) = {y[i]}, expected {expected}");
        }

        Assert.True(double.IsNaN(y[^1]), $"sigmoid(NaN) = {y[^1]}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SiluDerivativeMatchesClosedForm(int order)
    {
        // silu^(k) = k s^(k-1) + x s^(k) with s' = s(1 - s), s'' = s'(1 - 2s), s''' = s'(1 - 6s + 6s^2).
        double[] x = [-30, -3.5, -1, -0.25, 0, 0.125, 0.5, 2, 7, 30, 1e-3];
        var s = new double[x.Length];
        var y = new double[x.Length];
        ElementwiseDerivatives.ApplySigmoid(x, s);
        ElementwiseDerivatives.ApplyFromSigmoid(ElementwiseFunction.Silu, order, x, s, y);
        for (int i = 0; i < x.Length; i++)
        {
            double sigma = 1 / (1 + Math.Exp(-x[i]));
            double[] derivatives =
            [
                sigma,
                sigma * (1 - sigma),
                sigma * (1 - sigma) * (1 - (2 * sigma)),
                sigma * (1 - sigma) * (1 - (6 * sigma) + (6 * sigma * sigma)),
            ];
            double expected = order == 0 ? x[i] * sigma : (order * derivatives[order - 1]) + (x[i] * derivatives[order]);
            Assert.True(Math.Abs(y[i] - expected) <= 1e-14 * (1 + Math.Abs(expected)), $"silu^({order})({x[i]}) = {y[i]}, expected {expected}");
        }
    }
}
