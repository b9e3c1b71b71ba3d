using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Dynamics;
using InvTheory.Runtime.Experiments;
using InvTheory.Runtime.Models;

namespace InvTheory.Runtime.Tests.Experiments;

public sealed class PendulumExperimentTests
{
    // Small enough to train in about a second: 12 chunks, networks 16 x 16, rollouts over 20 times.
    private static readonly PendulumSettings Tiny = new(Trajectories: 12, Epochs: 3, Seeds: 1, BatchSize: 12, Hidden: [16, 16], TimePoints: 20);

    private static readonly double[] State = [0.1, -0.2, -1.4, 0.05, 0.3, -2.9, 0.2, -0.1, 0.3, -0.4, 0.25, 0.1];

    [Fact]
    public void VectorFieldIsSymplecticGradient()
    {
        var field = new double[12];
        SpringPendulum.VectorField(0, State, field);
        for (int i = 0; i < 12; i++)
        {
            var plus = (double[])State.Clone();
            var minus = (double[])State.Clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            double derivative = (SpringPendulum.Energy(plus) - SpringPendulum.Energy(minus)) / 2e-6;

            // dq/dt = dH/dp for i >= 6, and dp/dt = -dH/dq for i < 6.
            double expected = i < 6 ? -derivative : derivative;
            int component = i < 6 ? i + 6 : i - 6;
            Assert.Equal(expected, field[component], 7);
        }
    }

    [Fact]
    public void TrueDynamicsConserveEnergy()
    {
        var times = Enumerable.Range(0, 150).Select(k => 0.2 * k).ToArray();
        var output = new double[150 * 12];
        DormandPrince45.Integrate(SpringPendulum.VectorField, State, times, output, new DormandPrinceOptions(1e-9, 1e-12));
        double initial = SpringPendulum.Energy(State);
        for (int k = 0; k < 150; k++)
        {
            Assert.True(Math.Abs(SpringPendulum.Energy(output.AsSpan(k * 12, 12)) - initial) < 1e-6, $"H at t = {times[k]}");
        }
    }

    [Fact]
    public void ChunksFollowTrueFlow()
    {
        var data = PendulumData.Generate(Tiny, 4);
        var chunks = data.Training;
        Assert.Equal(12, chunks.Count);
        for (int c = 0; c < chunks.Count; c++)
        {
            // Integrating from the first state over four intervals of 0.2 reproduces the last state.
            var output = new double[2 * 12];
            DormandPrince45.Integrate(SpringPendulum.VectorField, chunks.State(c, 0), [0.0, 0.8], output, new DormandPrinceOptions(1e-10, 1e-13));
            for (int i = 0; i < 12; i++)
            {
                Assert.Equal(chunks.State(c, 4)[i], output[12 + i], 5);
            }
        }
    }

    [Fact]
    public void SmallRunIsDeterministic()
    {
        var first = PendulumExperiment.Run(Tiny);
        var second = PendulumExperiment.Run(Tiny);
        foreach (var kind in Enum.GetValues<PendulumModelKind>())
        {
            double error = first.Scores[kind].Mean;
            Assert.InRange(error, 1e-7, 1.0);
            Assert.Equal(error, second.Scores[kind].Mean);
            Assert.Equal(first.Scores[kind].ValidationLoss, second.Scores[kind].ValidationLoss);
            Assert.Equal(first.Scores[kind].ErrorByStep[0], second.Scores[kind].ErrorByStep[0]);
            Assert.Equal(Tiny.TimePoints, first.Scores[kind].MeanErrorByStep.Count);
        }
    }

    [Fact]
    public void ModelSubsetMatchesFullRun()
    {
        // Each model's initial weights depend only on the seed, so training one model alone gives the same score.
        var full = PendulumExperiment.Run(Tiny);
        var alone = PendulumExperiment.Run(Tiny with { Models = [PendulumModelKind.Hamiltonian] });
        Assert.Equal([PendulumModelKind.Hamiltonian], alone.Scores.Keys);
        Assert.Equal(full.Scores[PendulumModelKind.Hamiltonian].Errors, alone.Scores[PendulumModelKind.Hamiltonian].Errors);
    }

    [Fact]
    public void RunWithoutStandardizationTrainsOnRawInputs()
    {
        // The same steps by hand, without StandardizeInputs: the validation loss must agree exactly.
        var settings = Tiny with { Models = [PendulumModelKind.Mlp], Standardize = false };
        var result = PendulumExperiment.Run(settings);
        var data = PendulumData.Generate(settings, 0);
        var model = PendulumExperiment.CreateModel(PendulumModelKind.Mlp, settings, new DeterministicRandom(1000));
        PendulumExperiment.Train(model, data, settings, 0);
        Assert.Equal(PendulumExperiment.ChunkLoss(model, data.Validation, settings), result.Scores[PendulumModelKind.Mlp].ValidationLoss[0]);
        Assert.NotEqual(PendulumExperiment.Run(settings with { Standardize = true }).Scores[PendulumModelKind.Mlp].ValidationLoss[0], result.Scores[PendulumModelKind.Mlp].ValidationLoss[0]);
    }

    [Fact]
    public void EmptyModelListIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => PendulumExperiment.Run(Tiny with { Models = [] }));
        Assert.Contains("model list", error.Message);
    }

    [Fact]
    public void ErrorCurveAveragesToOverallError()
    {
        var data = PendulumData.Generate(Tiny, 5);
        var model = PendulumExperiment.CreateModel(PendulumModelKind.Mlp, Tiny, new DeterministicRandom(6));
        PendulumExperiment.StandardizeInputs(model, data.Training);
        var score = PendulumExperiment.RolloutScore(model, data.TestStarts, Tiny);
        Assert.Equal(Tiny.TimePoints, score.ErrorByStep.Count);

        // Both rollouts start at the same state, so the first value is the floor 1e-7 of the metric.
        Assert.Equal(1e-7, score.ErrorByStep[0], 1e-20);

        // The overall error is the geometric mean over starts and times, so it is the geometric mean of the per-time values.
        double geometricMean = Math.Exp(score.ErrorByStep.Average(Math.Log));
        Assert.True(Math.Abs(geometricMean - score.Error) < 1e-12 * score.Error, $"{geometricMean} vs {score.Error}");
        Assert.Equal(score.Error, PendulumExperiment.RolloutError(model, data.TestStarts, Tiny));

        // An untrained model drifts away from the truth: the error grows from the floor.
        Assert.True(score.ErrorByStep[^1] > 1e3 * score.ErrorByStep[0], $"last value {score.ErrorByStep[^1]}");
    }

    [Fact]
    public void SingleStartCurveIsRelativeError()
    {
        // With a single test start, the value at each time is that start's relative error |z_pred - z| / (|z_pred| + |z|),
        // recomputed here from independent rollouts of both fields.
        var settings = Tiny with { Trajectories = 1, BatchSize = 1, TimePoints = 6 };
        var data = PendulumData.Generate(settings, 7);
        var model = PendulumExperiment.CreateModel(PendulumModelKind.Hamiltonian, settings, new DeterministicRandom(9));
        PendulumExperiment.StandardizeInputs(model, data.Training);
        var score = PendulumExperiment.RolloutScore(model, data.TestStarts, settings);
        double[] times = [0, 0.2, 0.4, 0.6, 0.8, 1.0];
        var truth = new double[6 * 12];
        var learned = new double[6 * 12];
        DormandPrince45.Integrate(SpringPendulum.VectorField, data.TestStarts.State(0, 0), times, truth, new DormandPrinceOptions(1e-11, 1e-14));
        DormandPrince45.Integrate(VectorFields.ToOdeFunction(model, 1), data.TestStarts.State(0, 0), times, learned, new DormandPrinceOptions(1e-11, 1e-14));
        for (int k = 1; k < 6; k++)
        {
            var z = truth.AsSpan(k * 12, 12);
            var p = learned.AsSpan(k * 12, 12);
            double difference = 0;
            double normTrue = 0;
            double normLearned = 0;
            for (int i = 0; i < 12; i++)
            {
                difference += (p[i] - z[i]) * (p[i] - z[i]);
                normTrue += z[i] * z[i];
                normLearned += p[i] * p[i];
            }

            double expected = Math.Sqrt(difference) / (Math.Sqrt(normTrue) + Math.Sqrt(normLearned));
            Assert.True(Math.Abs(score.ErrorByStep[k] - expected) < 1e-3 * expected, $"time {times[k]}: {score.ErrorByStep[k]} vs {expected}");
        }
    }

    [Theory]
    [InlineData(PendulumModelKind.Hamiltonian)]
    [InlineData(PendulumModelKind.EquivariantOde)]
    [InlineData(PendulumModelKind.Mlp)]
    public void TrainingReducesChunkLoss(PendulumModelKind kind)
    {
        var settings = Tiny with { Trajectories = 24, BatchSize = 8, Epochs = 15 };
        var data = PendulumData.Generate(settings, 1);
        var model = PendulumExperiment.CreateModel(kind, settings, new DeterministicRandom(2));
        PendulumExperiment.StandardizeInputs(model, data.Training);
        double before = PendulumExperiment.ChunkLoss(model, data.Training, settings);
        PendulumExperiment.Train(model, data, settings, 3);
        double after = PendulumExperiment.ChunkLoss(model, data.Training, settings);
        Assert.True(after < 0.5 * before, $"loss {before} -> {after}");
    }

    [Theory]
    [InlineData(PendulumModelKind.Hamiltonian)]
    [InlineData(PendulumModelKind.EquivariantOde)]
    public void InvariantModelsCommuteWithRotationsAboutGravity(PendulumModelKind kind)
    {
        // The models see g = (0, 0, -1) as a fixed input, so they are equivariant under the rotations and reflections
        // that fix g: the O(2) acting on the x-y plane.
        var random = new DeterministicRandom(8);
        var model = PendulumExperiment.CreateModel(kind, Tiny, random);
        var ode = VectorFields.ToOdeFunction(model, 1);
        for (int trial = 0; trial < 5; trial++)
        {
            double angle = random.NextDouble(0, 2 * Math.PI);
            double reflect = trial % 2 == 0 ? 1 : -1;
            double[] r = [Math.Cos(angle), -reflect * Math.Sin(angle), 0, Math.Sin(angle), reflect * Math.Cos(angle), 0, 0, 0, 1];
            var field = new double[12];
            var rotatedField = new double[12];
            ode(0, State, field);
            ode(0, Rotate(r, State), rotatedField);
            var expected = Rotate(r, field);
            for (int i = 0; i < 12; i++)
            {
                Assert.True(Math.Abs(expected[i] - rotatedField[i]) < 1e-12 * (1 + field.Max(Math.Abs)), $"trial {trial}, entry {i}");
            }
        }
    }

    private static double[] Rotate(double[] r, ReadOnlySpan<double> z)
    {
        var y = new double[z.Length];
        for (int block = 0; block < z.Length; block += 3)
        {
            for (int i = 0; i < 3; i++)
            {
                y[block + i] = (r[3 * i] * z[block]) + (r[(3 * i) + 1] * z[block + 1]) + (r[(3 * i) + 2] * z[block + 2]);
            }
        }

        return y;
    }
}
