using System.Text.Json.Nodes;
using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Evaluation;

namespace InvTheory.Runtime.Tests.Autodiff;

public sealed class TrainingTests
{
    [Fact]
    public void AdamMinimizesConvexQuadratic()
    {
        // f(theta) = sum_i a_i (theta_i - c_i)^2 with a_i > 0 has its unique minimum at theta = c.
        double[] a = [1.0, 10.0, 0.1, 3.0];
        double[] c = [2.0, -1.0, 0.5, 4.0];
        var theta = new Parameter("theta", new Tensor(1, 4));
        var adam = new Adam([theta], 0.05);
        var tape = new Tape();
        for (int step = 0; step < 3000; step++)
        {
            tape.Reset();
            var difference = tape.Subtract(tape.Parameter(theta), tape.Constant(1, 4, c));
            var loss = tape.Sum(tape.Multiply(tape.Square(difference), tape.Constant(1, 4, a)));
            tape.Backward(loss);
            adam.LearningRate = step < 2000 ? 0.05 : 0.005;
            adam.Step();
        }

        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(theta.Value[0, i] - c[i]) < 1e-3, $"theta[{i}] = {theta.Value[0, i]}, minimum at {c[i]}");
        }
    }

    [Fact]
    public void AdamFirstStepHasLearningRateSize()
    {
        // With bias correction the first step is lr * g / (|g| + eps): exactly lr in each coordinate, whatever |g| is.
        var theta = new Parameter("theta", new Tensor(1, 2));
        theta.Gradient[0, 0] = 1e-3;
        theta.Gradient[0, 1] = -50.0;
        new Adam([theta], 0.1, epsilon: 0).Step();
        Assert.Equal(-0.1, theta.Value[0, 0], 14);
        Assert.Equal(0.1, theta.Value[0, 1], 14);
    }

    [Fact]
    public void ScheduleSwitchesAtEpochs()
    {
        var schedule = new PiecewiseConstantSchedule(5e-3, [(200, 2e-3), (1000, 5e-4)]);
        Assert.Equal(5e-3, schedule.RateAt(0));
        Assert.Equal(5e-3, schedule.RateAt(199));
        Assert.Equal(2e-3, schedule.RateAt(200));
        Assert.Equal(2e-3, schedule.RateAt(999));
        Assert.Equal(5e-4, schedule.RateAt(1000));
        Assert.Throws<ArgumentException>(() => new PiecewiseConstantSchedule(1.0, [(10, 0.5), (10, 0.1)]));
    }

    [Fact]
    public void ShufflerCoversEverySampleOnce()
    {
        var first = new MiniBatchShuffler(23, 5, seed: 11);
        var second = new MiniBatchShuffler(23, 5, seed: 11);
        first.Shuffle();
        second.Shuffle();
        var seen = new List<int>();
        for (int b = 0; b < first.BatchCount; b++)
        {
            seen.AddRange(first.Batch(b).ToArray());
            Assert.Equal(first.Batch(b).ToArray(), second.Batch(b).ToArray());
        }

        Assert.Equal(5, first.BatchCount);
        Assert.Equal(Enumerable.Range(0, 23), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 23), seen);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        static double Train()
        {
            var random = new DeterministicRandom(3);
            var mlp = new Mlp("net", [2, 8, 1], ElementwiseFunction.Tanh, random);
            var x = GradientChecker.Random(32, 2, random);
            var y = GradientChecker.Random(32, 1, random);
            var adam = new Adam(mlp.Parameters, 1e-2);
            var tape = new Tape();
            double loss = 0;
            for (int step = 0; step < 50; step++)
            {
                tape.Reset();
                var value = Losses.MeanSquaredError(tape, mlp.Forward(tape, tape.Input(x)), tape.Input(y));
                tape.Backward(value);
                adam.Step();
                loss = value.Value[0, 0];
            }

            return loss;
        }

        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void CheckpointRoundTripIsExact()
    {
        var mlp = new Mlp("net", [3, 5, 2], ElementwiseFunction.Silu, new DeterministicRandom(5));
        mlp.StandardizeInputs(new Tensor(2, 3, [1.0, 2.0, 3.0, 1.5, -2.0, 3.0]));
        var basis = new Float64Basis(3, [Float64BasisElement.Scalar([new Float64Term(1.0 / 3.0, [2, 0, 0]), new Float64Term(Math.PI, [0, 1, 1])], "x1^2/3 + pi x2 x3")]);
        var json = Checkpoint.ToJson(mlp.State, new JsonObject { ["features"] = Float64BasisJson.ToJson(basis) });
        string text = json.ToJsonString();

        var restored = new Mlp("net", [3, 5, 2], ElementwiseFunction.Silu, new DeterministicRandom(99));
        var model = Checkpoint.LoadInto(JsonNode.Parse(text)!, restored.State);
        for (int p = 0; p < mlp.State.Count; p++)
        {
            Assert.Equal(mlp.State[p].Value.AsSpan().ToArray(), restored.State[p].Value.AsSpan().ToArray());
        }

        // Column 2 is constant, so its scale stays 1; column 0 has mean 1.25 and standard deviation 0.25.
        Assert.Equal([1.25, 0.0, 3.0], restored.InputShift.Value.AsSpan().ToArray());
        Assert.Equal([0.25, 2.0, 1.0], restored.InputScale.Value.AsSpan().ToArray());

        var restoredBasis = Float64BasisJson.FromJson(model!["features"]!);
        Assert.Equal(basis.VariableNames, restoredBasis.VariableNames);
        var terms = restoredBasis.Elements[0].Components[0];
        Assert.Equal(1.0 / 3.0, terms[0].Coefficient);
        Assert.Equal(Math.PI, terms[1].Coefficient);
        Assert.Equal([0, 1, 1], terms[1].Exponents);
        Assert.Equal("x1^2/3 + pi x2 x3", restoredBasis.Elements[0].Name);
    }

    [Fact]
    public void CheckpointShapeMismatchIsRejected()
    {
        var json = Checkpoint.ToJson(new Mlp("net", [3, 5, 2], ElementwiseFunction.Tanh, new DeterministicRandom(1)).Parameters);
        var other = new Mlp("net", [3, 4, 2], ElementwiseFunction.Tanh, new DeterministicRandom(1));
        var error = Assert.Throws<FormatException>(() => Checkpoint.LoadInto(json, other.Parameters));
        Assert.Contains("net.0.weight", error.Message);
    }
}
