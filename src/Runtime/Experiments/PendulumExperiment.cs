using System.Diagnostics;
using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Dynamics;
using InvTheory.Runtime.Models;

namespace InvTheory.Runtime.Experiments;

/// <summary>The models compared on the springy double pendulum.</summary>
public enum PendulumModelKind
{
    /// <summary>A Hamiltonian network on the 15 O(3)-invariant inner products of (q1, q2, p1, p2, g).</summary>
    Hamiltonian,

    /// <summary>A neural ODE whose field is sum_j c_rj(invariants) u_j over the vectors u = (q1, q2, p1, p2, g).</summary>
    EquivariantOde,

    /// <summary>A neural ODE dz/dt = MLP(z) on the raw 12 coordinates.</summary>
    Mlp,
}

/// <summary>Settings of the pendulum experiment; the defaults are the published setting.</summary>
/// <param name="Trajectories">Trajectories per split (training, validation, test), one chunk each.</param>
/// <param name="Epochs">Training epochs.</param>
/// <param name="Seeds">Independent repetitions with seeds FirstSeed .. FirstSeed + Seeds - 1 (data and initial weights).</param>
/// <param name="BatchSize">Chunks per Adam step.</param>
/// <param name="Hidden">Hidden layer widths of every network.</param>
/// <param name="Substeps">RK4 steps per sampling interval when training through the integrator.</param>
/// <param name="ChunkLength">Consecutive states per training chunk.</param>
/// <param name="SampleInterval">Time between stored states.</param>
/// <param name="TimePoints">Stored states per trajectory, and output times of the rollout metric.</param>
/// <param name="DataTolerance">Relative tolerance of Dormand-Prince for the true dynamics (absolute: 1e-3 times it).</param>
/// <param name="RolloutTolerance">Relative tolerance of Dormand-Prince for rollouts of the learned dynamics.</param>
/// <param name="FirstSeed">The first seed, so that separate runs can cover disjoint seeds.</param>
/// <param name="Models">The models to train and score, or null for all three.</param>
/// <param name="Standardize">
/// Whether each network standardizes its inputs with the training-set mean and standard deviation; when false the networks
/// see the raw features or states.
/// </param>
public sealed record PendulumSettings(
    int Trajectories = 500,
    int Epochs = 2000,
    int Seeds = 3,
    int BatchSize = 500,
    IReadOnlyList<int>? Hidden = null,
    int Substeps = 1,
    int ChunkLength = 5,
    double SampleInterval = 0.2,
    int TimePoints = 150,
    double DataTolerance = 1e-7,
    double RolloutTolerance = 1e-6,
    int FirstSeed = 0,
    IReadOnlyList<PendulumModelKind>? Models = null,
    bool Standardize = true)
{
    /// <summary>The models in effect, in the order of <see cref="PendulumModelKind"/>: all three unless set.</summary>
    public IReadOnlyList<PendulumModelKind> ModelKinds =>
        Models is null ? Enum.GetValues<PendulumModelKind>() : [.. Enum.GetValues<PendulumModelKind>().Where(Models.Contains)];

    /// <summary>The hidden widths in effect: four layers of 100 unless set.</summary>
    public IReadOnlyList<int> HiddenLayers => Hidden ?? [100, 100, 100, 100];

    /// <summary>The learning rate at a zero-based epoch: 5e-3, then 2e-3 from epoch 200, then 5e-4 from epoch 1000.</summary>
    public PiecewiseConstantSchedule Schedule { get; } = new(5e-3, [(200, 2e-3), (1000, 5e-4)]);

    /// <exception cref="ArgumentException">A count is not positive or a chunk is longer than a trajectory.</exception>
    internal void Validate()
    {
        if (Models is not null && (Models.Count == 0 || Models.Any(m => !Enum.IsDefined(m))))
        {
            throw new ArgumentException($"Pendulum settings are invalid: the model list [{string.Join(", ", Models)}] is empty or names an unknown model. Pass at least one of {string.Join(", ", Enum.GetValues<PendulumModelKind>())}.");
        }

        if (Trajectories < 1 || Epochs < 0 || Seeds < 1 || FirstSeed < 0 || BatchSize < 1 || Substeps < 1 || ChunkLength < 2 || TimePoints < ChunkLength)
        {
            throw new ArgumentException(
                $"Pendulum settings are invalid: trajectories {Trajectories}, epochs {Epochs}, seeds {Seeds} from {FirstSeed}, batch {BatchSize}, substeps {Substeps}, "
                + $"chunk {ChunkLength}, time points {TimePoints}. Counts must be positive, epochs nonnegative, and 2 <= chunk length <= time points.");
        }
    }
}

/// <summary>Progress of a pendulum run: the model and seed being trained and the latest training loss.</summary>
public readonly record struct PendulumProgress(PendulumModelKind Model, int Seed, int Epoch, int Epochs, double Loss);

/// <summary>The score of one model over the seeds.</summary>
/// <param name="Errors">The rollout error of each seed: the geometric mean of the relative errors.</param>
/// <param name="TrainSeconds">The training time of each seed.</param>
/// <param name="ValidationLoss">The chunk MSE on the validation split after training, per seed.</param>
/// <param name="ErrorByStep">
/// Per seed, the error curve: at each output time, the geometric mean over the test starts of the clamped relative error.
/// </param>
public sealed record PendulumModelScore(
    IReadOnlyList<double> Errors, IReadOnlyList<double> TrainSeconds, IReadOnlyList<double> ValidationLoss, IReadOnlyList<IReadOnlyList<double>> ErrorByStep)
{
    /// <summary>The mean error over the seeds.</summary>
    public double Mean => Errors.Average();

    /// <summary>The sample standard deviation of the errors over the seeds (0 for one seed).</summary>
    public double StandardDeviation
    {
        get
        {
            if (Errors.Count < 2)
            {
                return 0;
            }

            double mean = Mean;
            return Math.Sqrt(Errors.Sum(e => (e - mean) * (e - mean)) / (Errors.Count - 1));
        }
    }

    /// <summary>
    /// The error curve averaged over the seeds: at each output time, the arithmetic mean over the seeds of
    /// <see cref="ErrorByStep"/>, the same average that <see cref="Mean"/> takes of the overall errors.
    /// </summary>
    public IReadOnlyList<double> MeanErrorByStep =>
        ErrorByStep.Count == 0 ? [] : [.. Enumerable.Range(0, ErrorByStep[0].Count).Select(k => ErrorByStep.Average(curve => curve[k]))];
}

/// <summary>The rollout score of one model on one seed.</summary>
/// <param name="Error">The geometric mean of the clamped relative errors over all test starts and output times.</param>
/// <param name="ErrorByStep">
/// At each output time, the geometric mean over the test starts of the clamped relative error. The geometric mean of these
/// values is <paramref name="Error"/>.
/// </param>
public sealed record PendulumRolloutScore(double Error, IReadOnlyList<double> ErrorByStep);

/// <summary>The result of a pendulum run: a score for each model of the settings.</summary>
public sealed record PendulumResult(
    PendulumSettings Settings, IReadOnlyDictionary<PendulumModelKind, PendulumModelScore> Scores, double TotalTrainSeconds);

/// <summary>
/// Learns the springy double pendulum from trajectory chunks with three models and scores their long rollouts.
/// </summary>
/// <remarks>
/// Algorithm: the benchmark of [FWW21, Sec. 7] with Hamiltonian networks [GDY19] and neural ODEs [CRBD18].
/// Phases per seed: (1) sample initial states and integrate the true dynamics with Dormand-Prince, storing TimePoints
/// states at the sample interval; (2) cut one random chunk of ChunkLength consecutive states from each trajectory;
/// (3) train each model with Adam on the MSE between the chunk and RK4 on the tape started at the chunk's first state;
/// (4) from each test chunk's first state, integrate the true and learned dynamics with Dormand-Prince over TimePoints
/// output times and score |z_pred - z| / (|z_pred| + |z|), clamped below at 1e-7, by its geometric mean over all test
/// starts and times. Everything is single-threaded and seeded, so a run is reproducible on one machine.
/// </remarks>
public static class PendulumExperiment
{
    private const double ErrorFloor = 1e-7;
    private const double DivergenceBound = 1e3;

    // A healthy learned model needs a few hundred steps for 30 time units; this caps the time spent on a pathological one.
    private const int RolloutMaxSteps = 20_000;

    /// <summary>Runs the experiment for every model and seed.</summary>
    public static PendulumResult Run(PendulumSettings settings, IProgress<PendulumProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var kinds = settings.ModelKinds;
        var errors = kinds.ToDictionary(k => k, _ => new List<double>());
        var seconds = kinds.ToDictionary(k => k, _ => new List<double>());
        var validation = kinds.ToDictionary(k => k, _ => new List<double>());
        var curves = kinds.ToDictionary(k => k, _ => new List<IReadOnlyList<double>>());
        double total = 0;
        for (int seed = settings.FirstSeed; seed < settings.FirstSeed + settings.Seeds; seed++)
        {
            // Phases 1 and 2: data.
            var data = PendulumData.Generate(settings, (ulong)seed, ct);
            foreach (var kind in kinds)
            {
                ct.ThrowIfCancellationRequested();

                // Phase 3: training.
                var model = CreateModel(kind, settings, new DeterministicRandom(1000 + (ulong)seed));
                var clock = Stopwatch.StartNew();
                if (settings.Standardize)
                {
                    StandardizeInputs(model, data.Training);
                }

                Train(model, data, settings, (ulong)seed, kind, seed, progress, ct);
                double elapsed = clock.Elapsed.TotalSeconds;
                total += elapsed;
                seconds[kind].Add(elapsed);
                validation[kind].Add(ChunkLoss(model, data.Validation, settings));

                // Phase 4: rollout error on the test starts.
                var rollout = RolloutScore(model, data.TestStarts, settings, ct);
                errors[kind].Add(rollout.Error);
                curves[kind].Add(rollout.ErrorByStep);
            }
        }

        var scores = kinds.ToDictionary(k => k, k => new PendulumModelScore(errors[k], seconds[k], validation[k], curves[k]));
        return new PendulumResult(settings, scores, total);
    }

    /// <summary>Returns a freshly initialized model of the given kind.</summary>
    public static IVectorField CreateModel(PendulumModelKind kind, PendulumSettings settings, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hidden = settings.HiddenLayers;
        string[] vectors = ["q1", "q2", "p1", "p2", "g"];
        var invariants = InnerProductBasis.InnerProducts(5, 3, vectors);
        return kind switch
        {
            PendulumModelKind.Hamiltonian => new HamiltonianModel(
                new InvariantModel(new PolynomialFeatureMap(invariants, SpringPendulum.Gravity), hidden, ElementwiseFunction.Silu, random, "hnn")),
            PendulumModelKind.EquivariantOde => new EquivariantModel(
                invariants, InnerProductBasis.Vectors(5, 3, vectors), 4, hidden, ElementwiseFunction.Silu, random, SpringPendulum.Gravity, "node"),
            PendulumModelKind.Mlp => new NeuralOdeModel(SpringPendulum.StateDimension, hidden, ElementwiseFunction.Silu, random, "mlp"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown pendulum model."),
        };
    }

    /// <summary>
    /// Sets the input standardization of the model's network to the statistics of its inputs (the invariant features or
    /// the raw states) over all states of <paramref name="chunks"/>. Standardizing invariant features keeps them invariant.
    /// </summary>
    public static void StandardizeInputs(IVectorField model, PendulumChunks chunks)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chunks);
        int n = SpringPendulum.StateDimension;
        var states = new Tensor(chunks.Count * chunks.Length, n);
        for (int c = 0; c < chunks.Count; c++)
        {
            for (int k = 0; k < chunks.Length; k++)
            {
                chunks.State(c, k).CopyTo(states.Row((c * chunks.Length) + k));
            }
        }

        var tape = new Tape { IsRecording = false };
        var input = tape.Input(states);
        switch (model)
        {
            case HamiltonianModel hamiltonian:
                hamiltonian.Hamiltonian.Network.StandardizeInputs(hamiltonian.Hamiltonian.Features.Forward(tape, input).Value);
                break;
            case EquivariantModel equivariant:
                equivariant.Network.StandardizeInputs(equivariant.FeatureMap.Forward(tape, input).Value);
                break;
            case NeuralOdeModel plain:
                plain.Network.StandardizeInputs(states);
                break;
            default:
                throw new NotSupportedException($"StandardizeInputs: models of type {model.GetType().Name} are not supported. Standardize their networks directly.");
        }
    }

    /// <summary>Trains <paramref name="model"/> on the training chunks with Adam and the settings' schedule.</summary>
    public static void Train(
        IVectorField model, PendulumData data, PendulumSettings settings, ulong seed, PendulumModelKind kind = default, int seedIndex = 0,
        IProgress<PendulumProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        var trainer = new PendulumTrainer(model, data.Training, settings, seed);
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            double loss = trainer.RunEpoch(epoch);
            progress?.Report(new PendulumProgress(kind, seedIndex, epoch + 1, settings.Epochs, loss));
        }
    }

    /// <summary>Returns the mean squared error between RK4 rollouts of the model and the given chunks.</summary>
    public static double ChunkLoss(IVectorField model, PendulumChunks chunks, PendulumSettings settings)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(settings);
        var batch = new ChunkBatch(settings.ChunkLength);
        var all = Enumerable.Range(0, chunks.Count).ToArray();
        batch.Fill(chunks, all);
        var tape = new Tape();
        return ChunkLossOnTape(tape, model, batch, chunks.Count, settings).Value[0, 0];
    }

    /// <summary>
    /// Returns the geometric mean over all starts and output times of the clamped relative error between the learned and
    /// the true rollouts from the first states of <paramref name="starts"/>.
    /// </summary>
    public static double RolloutError(IVectorField model, PendulumChunks starts, PendulumSettings settings, CancellationToken ct = default) =>
        RolloutScore(model, starts, settings, ct).Error;

    /// <summary>
    /// Returns the rollout score from the first states of <paramref name="starts"/>: the geometric mean over all starts and
    /// output times of the clamped relative error between the learned and the true rollouts, and its curve over the output
    /// times (the geometric mean over the starts at each time).
    /// </summary>
    public static PendulumRolloutScore RolloutScore(IVectorField model, PendulumChunks starts, PendulumSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(settings);
        int count = starts.Count;
        int n = SpringPendulum.StateDimension;
        var initial = new double[count * n];
        for (int i = 0; i < count; i++)
        {
            starts.State(i, 0).CopyTo(initial.AsSpan(i * n));
        }

        var times = Enumerable.Range(0, settings.TimePoints).Select(k => k * settings.SampleInterval).ToArray();
        var truth = new double[times.Length * count * n];
        var predicted = new double[times.Length * count * n];
        DormandPrince45.Integrate(SpringPendulum.VectorField, initial, times, truth, DataOptions(settings), ct);
        var learned = new DormandPrinceOptions(settings.RolloutTolerance, settings.RolloutTolerance * 1e-3, MaxSteps: RolloutMaxSteps);
        try
        {
            DormandPrince45.Integrate(Guarded(VectorFields.ToOdeFunction(model, count)), initial, times, predicted, learned, ct);
        }
        catch (InvalidOperationException)
        {
            // The learned dynamics are too stiff or singular to integrate: score them with the largest possible error.
            return new PendulumRolloutScore(1.0, [.. Enumerable.Repeat(1.0, times.Length)]);
        }

        // The output contains the states of all starts at the first time, then at the second, and so on.
        var byStep = new double[times.Length];
        double logSum = 0;
        for (int step = 0; step < times.Length; step++)
        {
            double stepLogSum = 0;
            for (int start = 0; start < count; start++)
            {
                int row = (step * count) + start;
                stepLogSum += Math.Log(ClampedRelativeError(predicted.AsSpan(row * n, n), truth.AsSpan(row * n, n)));
            }

            byStep[step] = Math.Exp(stepLogSum / count);
            logSum += stepLogSum;
        }

        return new PendulumRolloutScore(Math.Exp(logSum / (times.Length * count)), byStep);
    }

    // |p - z| / (|p| + |z|), clamped below at the floor; NaN (both zero or a non-finite prediction) counts as 1.
    private static double ClampedRelativeError(ReadOnlySpan<double> p, ReadOnlySpan<double> z)
    {
        double difference = 0;
        double normTrue = 0;
        double normPredicted = 0;
        for (int i = 0; i < p.Length; i++)
        {
            difference += (p[i] - z[i]) * (p[i] - z[i]);
            normTrue += z[i] * z[i];
            normPredicted += p[i] * p[i];
        }

        double relative = Math.Sqrt(difference) / (Math.Sqrt(normPredicted) + Math.Sqrt(normTrue));
        return double.IsNaN(relative) ? 1.0 : Math.Max(relative, ErrorFloor);
    }

    // Learned fields can blow up in finite time, as an untrained quadratic field does. A state row that leaves the ball of
    // radius DivergenceBound is frozen, so the other rows keep normal step sizes. Its relative error then tends to 1.
    private static OdeFunction Guarded(OdeFunction field) => (t, state, derivative) =>
    {
        int n = SpringPendulum.StateDimension;
        field(t, state, derivative);
        for (int row = 0; row < state.Length; row += n)
        {
            bool diverged = false;
            for (int i = row; i < row + n; i++)
            {
                diverged |= !(Math.Abs(state[i]) <= DivergenceBound) || !double.IsFinite(derivative[i]);
            }

            if (diverged)
            {
                derivative.Slice(row, n).Clear();
            }
        }
    };

    internal static DormandPrinceOptions DataOptions(PendulumSettings settings) =>
        new(settings.DataTolerance, settings.DataTolerance * 1e-3);

    internal static Node ChunkLossOnTape(Tape tape, IVectorField model, ChunkBatch batch, int rows, PendulumSettings settings)
    {
        var initial = tape.Input(batch.Initial(rows));
        var states = VectorFields.IntegrateOnTape(tape, model, initial, settings.SampleInterval, settings.ChunkLength - 1, settings.Substeps);
        Node? sum = null;
        for (int k = 1; k < states.Count; k++)
        {
            var squared = tape.Sum(tape.Square(tape.Subtract(states[k], tape.Input(batch.Target(k, rows)))));
            sum = sum is null ? squared : tape.Add(sum, squared);
        }

        return tape.Scale(sum!, 1.0 / ((states.Count - 1) * rows * SpringPendulum.StateDimension));
    }
}
