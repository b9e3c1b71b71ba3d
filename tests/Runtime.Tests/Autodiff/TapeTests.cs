using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Tests.Autodiff;

public sealed class TapeTests
{
    private static readonly ElementwiseFunction[] SmoothActivations =
        [ElementwiseFunction.Tanh, ElementwiseFunction.Sigmoid, ElementwiseFunction.Softplus, ElementwiseFunction.Silu];

    // A random network: input width 1..4, one or two hidden layers of width 1..5, output width 1..3, batch 1..3.
    private static Gen<(int[] Sizes, int Batch, int Activation, int Seed)> NetworkGen() =>
        from inputs in Gen.Choose(1, 4)
        from hiddenCount in Gen.Choose(1, 2)
        from hidden in Gen.ArrayOf(Gen.Choose(1, 5), hiddenCount)
        from outputs in Gen.Choose(1, 3)
        from batch in Gen.Choose(1, 3)
        from activation in Gen.Choose(0, SmoothActivations.Length - 1)
        from seed in Gen.Choose(0, 1_000_000)
        select ((int[])[inputs, .. hidden, outputs], batch, activation, seed);

    [Property(MaxTest = 60)]
    public Property NetworkGradientsMatchFiniteDifferences()
    {
        return Prop.ForAll(NetworkGen().ToArbitrary(), c =>
        {
            var random = new DeterministicRandom((ulong)c.Seed);
            var mlp = new Mlp("net", c.Sizes, SmoothActivations[c.Activation], random);
            var x = GradientChecker.Random(c.Batch, c.Sizes[0], random);
            var target = GradientChecker.Random(c.Batch, c.Sizes[^1], random);

            // The loss as a function of the input and of every parameter (fed as inputs so all are checked).
            var inputs = new[] { x }.Concat(mlp.Parameters.Select(p => p.Value)).ToArray();
            Node Loss(Tape tape, Node[] nodes)
            {
                var h = nodes[0];
                for (int layer = 0; layer < c.Sizes.Length - 1; layer++)
                {
                    h = tape.AddRow(tape.MatMul(h, nodes[1 + (2 * layer)]), nodes[2 + (2 * layer)]);
                    if (layer < c.Sizes.Length - 2)
                    {
                        h = tape.Apply(mlp.Activation, h);
                    }
                }

                return Losses.MeanSquaredError(tape, h, tape.Input(target));
            }

            return GradientChecker.MaxViolation(Loss, inputs, 1e-6) == 0;
        });
    }

    [Property(MaxTest = 40)]
    public Property SecondOrderGradientsMatchFiniteDifferences()
    {
        return Prop.ForAll(NetworkGen().ToArbitrary(), c =>
        {
            var random = new DeterministicRandom((ulong)c.Seed);
            var sizes = c.Sizes[..^1].Append(1).ToArray();
            var mlp = new Mlp("net", sizes, SmoothActivations[c.Activation], random);
            var x = GradientChecker.Random(c.Batch, sizes[0], random);
            var weights = GradientChecker.Random(c.Batch, sizes[0], random);
            var inputs = new[] { x }.Concat(mlp.Parameters.Select(p => p.Value)).ToArray();

            // L = sum(w * dH/dx) + sum((dH/dx)^2) with H = sum of the network outputs: the shape of a Hamiltonian loss.
            Node Loss(Tape tape, Node[] nodes)
            {
                var h = nodes[0];
                for (int layer = 0; layer < sizes.Length - 1; layer++)
                {
                    h = tape.AddRow(tape.MatMul(h, nodes[1 + (2 * layer)]), nodes[2 + (2 * layer)]);
                    if (layer < sizes.Length - 2)
                    {
                        h = tape.Apply(mlp.Activation, h);
                    }
                }

                var gradient = tape.Gradients(tape.Sum(h), [nodes[0]], createGraph: true)[0];
                return tape.Add(tape.Sum(tape.Multiply(gradient, tape.Input(weights))), tape.Sum(tape.Square(gradient)));
            }

            return GradientChecker.MaxViolation(Loss, inputs, 1e-5) == 0;
        });
    }

    public static TheoryData<ElementwiseFunction, double> ThirdDerivativeCases() => new()
    {
        // Points chosen away from the kinks and poles of each function.
        { ElementwiseFunction.Tanh, 0.7 },
        { ElementwiseFunction.Sigmoid, -1.3 },
        { ElementwiseFunction.Softplus, 0.4 },
        { ElementwiseFunction.Silu, 1.1 },
        { ElementwiseFunction.Exp, 0.3 },
        { ElementwiseFunction.Log, 1.7 },
        { ElementwiseFunction.Square, -0.6 },
    };

    [Theory]
    [MemberData(nameof(ThirdDerivativeCases))]
    public void NestedGradientsMatchFiniteDifferences(ElementwiseFunction function, double point)
    {
        // d/dx of the second derivative of f, computed by differentiating the tape three times.
        Node SecondDerivative(Tape tape, Node[] nodes)
        {
            var y = tape.Apply(function, nodes[0]);
            var first = tape.Gradients(y, [nodes[0]], createGraph: true)[0];
            return tape.Gradients(first, [nodes[0]], createGraph: true)[0];
        }

        var x = new Tensor(1, 1, [point]);
        Assert.Equal(0.0, GradientChecker.MaxViolation(SecondDerivative, [x], 1e-6));
    }

    [Fact]
    public void StructuralOperationsHaveCorrectGradients()
    {
        var random = new DeterministicRandom(7);
        var a = GradientChecker.Random(3, 4, random);
        var b = GradientChecker.Random(4, 2, random);
        var c = GradientChecker.Random(3, 2, random);
        var row = GradientChecker.Random(1, 2, random);
        var weights = GradientChecker.Random(3, 7, random);
        var d = GradientChecker.Random(2, 4, random);

        // Every structural operation feeds a scalar through weights, so each backward rule is exercised.
        Node Loss(Tape tape, Node[] n)
        {
            var product = tape.MatMul(n[0], n[1]);
            var viaTransposeB = tape.MatMul(n[0], n[4], transposeB: true);
            var viaTransposeA = tape.MatMul(n[0], n[2], transposeA: true);
            var left = tape.AddRow(tape.Subtract(product, n[2]), n[3]);
            var gathered = tape.GatherColumns(n[0], [3, 0, 0]);
            var scattered = tape.ScatterColumns(gathered, [1, 1, 0], 2);
            var joined = tape.ConcatColumns([left, tape.Multiply(scattered, n[2]), tape.SliceColumns(n[0], 1, 2), tape.SumColumns(n[2])]);
            var broadcast = tape.Add(tape.BroadcastRows(tape.SumRows(n[2]), 3), tape.BroadcastColumns(tape.SliceColumns(n[0], 0, 1), 2));
            var padded = tape.PadColumns(tape.Scale(broadcast, 0.5) + 1.0, 4, 7);
            var total = tape.Sum(tape.Multiply(tape.Add(joined, padded), tape.Input(weights)));
            var extra = tape.Sum(tape.Multiply(viaTransposeB, product)) + tape.Sum(tape.Square(viaTransposeA));
            return tape.Add(total, tape.BroadcastScalar(tape.Mean(extra), 1, 1));
        }

        Assert.Equal(0.0, GradientChecker.MaxViolation(Loss, [a, b, c, row, d], 1e-6));
    }

    [Fact]
    public void UnusedInputGetsZeroGradient()
    {
        var tape = new Tape();
        var x = tape.Constant(1, 2, [1.0, 2.0]);
        var unused = tape.Constant(1, 1, [3.0]);
        var y = tape.Sum(tape.Square(x));
        var gradients = tape.Gradients(y, [x, unused]);
        Assert.Equal([2.0, 4.0], gradients[0].Value.AsSpan().ToArray());
        Assert.Equal(0.0, gradients[1].Value[0, 0]);
    }

    [Fact]
    public void IntermediateNodeGradientSurvivesBackwardPass()
    {
        // d/dh sum(tanh(h)^2) = 2 tanh(h) (1 - tanh(h)^2) for the non-leaf node h = x w.
        var tape = new Tape();
        var x = tape.Constant(2, 2, [0.3, -0.7, 1.1, 0.2]);
        var w = tape.Constant(2, 2, [0.5, -0.4, 0.9, 0.6]);
        var h = tape.MatMul(x, w);
        var loss = tape.Sum(tape.Square(tape.Tanh(tape.Add(h, h))));
        var gradient = tape.Gradients(loss, [h, x])[0];
        for (int k = 0; k < 4; k++)
        {
            double t = Math.Tanh(2 * h.Value.AsSpan()[k]);
            Assert.Equal(4 * t * (1 - (t * t)), gradient.Value.AsSpan()[k], 14);
        }
    }

    [Property(MaxTest = 30)]
    public Property PlainGradientsEqualRecordedGradients()
    {
        // The backward pass without createGraph recycles cotangent storage; its numbers must equal the recorded pass.
        return Prop.ForAll(NetworkGen().ToArbitrary(), c =>
        {
            var random = new DeterministicRandom((ulong)c.Seed);
            var mlp = new Mlp("net", c.Sizes, SmoothActivations[c.Activation], random);
            var x = GradientChecker.Random(c.Batch, c.Sizes[0], random);
            double[] Gradients(bool createGraph)
            {
                var tape = new Tape();
                var input = tape.Input(x);
                var energy = tape.Sum(mlp.Forward(tape, input));
                var inner = tape.Gradients(energy, [input], createGraph: true)[0];
                var loss = tape.Sum(tape.Square(inner));
                var nodes = mlp.Parameters.Select(tape.Parameter).Append(input).ToArray();
                return [.. tape.Gradients(loss, nodes, createGraph: createGraph).SelectMany(g => g.Value.AsSpan().ToArray())];
            }

            return Gradients(false).SequenceEqual(Gradients(true));
        });
    }

    [Fact]
    public void ReluGradientIsStep()
    {
        var tape = new Tape();
        var x = tape.Constant(1, 3, [-1.0, 0.5, 2.0]);
        var gradient = tape.Gradients(tape.Sum(tape.Relu(x)), [x])[0];
        Assert.Equal([0.0, 1.0, 1.0], gradient.Value.AsSpan().ToArray());
    }

    [Fact]
    public void ResetReusesStorage()
    {
        var tape = new Tape();
        var weight = new Parameter("w", new Tensor(8, 8, Enumerable.Range(0, 64).Select(i => i / 64.0).ToArray()));
        var input = new Tensor(16, 8, Enumerable.Range(0, 128).Select(i => Math.Sin(i)).ToArray());
        void Step()
        {
            tape.Reset();
            var y = tape.Tanh(tape.MatMul(tape.Input(input), tape.Parameter(weight)));
            tape.Backward(tape.Mean(tape.Square(y)));
        }

        Step();
        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Only node objects and small index arrays remain; the 16 x 8 and 8 x 8 tensors (1 KiB and 512 bytes each) are reused.
        Assert.True(allocated < 8 * 1024, $"one step allocated {allocated} bytes");
    }

    [Property(MaxTest = 50)]
    public Property MatMulMatchesNaiveProduct()
    {
        var shapes =
            from m in Gen.Choose(1, 13)
            from k in Gen.Choose(1, 11)
            from n in Gen.Choose(1, 19)
            from seed in Gen.Choose(0, 1000)
            select (m, k, n, seed);
        return Prop.ForAll(shapes.ToArbitrary(), s =>
        {
            var random = new DeterministicRandom((ulong)s.seed);
            var a = GradientChecker.Random(s.m, s.k, random);
            var b = GradientChecker.Random(s.k, s.n, random);
            var tape = new Tape();
            var c = tape.MatMul(tape.Input(a), tape.Input(b)).Value;
            for (int i = 0; i < s.m; i++)
            {
                for (int j = 0; j < s.n; j++)
                {
                    double expected = 0;
                    for (int p = 0; p < s.k; p++)
                    {
                        expected += a[i, p] * b[p, j];
                    }

                    if (Math.Abs(c[i, j] - expected) > 1e-13 * (1 + Math.Abs(expected)) * s.k)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }
}
