using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Experiments;

/// <summary>Chunks of consecutive states, stored row-major as count x length x 12.</summary>
public sealed class PendulumChunks
{
    private readonly double[] _states;

    internal PendulumChunks(double[] states, int count, int length)
    {
        _states = states;
        Count = count;
        Length = length;
    }

    /// <summary>The number of chunks.</summary>
    public int Count { get; }

    /// <summary>The number of states per chunk.</summary>
    public int Length { get; }

    /// <summary>Returns state <paramref name="k"/> of chunk <paramref name="chunk"/>.</summary>
    public ReadOnlySpan<double> State(int chunk, int k) =>
        _states.AsSpan(((chunk * Length) + k) * SpringPendulum.StateDimension, SpringPendulum.StateDimension);
}

/// <summary>The training, validation and test chunks of one seed.</summary>
public sealed class PendulumData
{
    private PendulumData(PendulumChunks training, PendulumChunks validation, PendulumChunks test)
    {
        Training = training;
        Validation = validation;
        TestStarts = test;
    }

    /// <summary>The training chunks.</summary>
    public PendulumChunks Training { get; }

    /// <summary>The validation chunks.</summary>
    public PendulumChunks Validation { get; }

    /// <summary>The test chunks; their first states start the rollouts of the error metric.</summary>
    public PendulumChunks TestStarts { get; }

    /// <summary>
    /// Samples Trajectories initial states per split, integrates them over TimePoints states at the sample interval,
    /// and keeps one chunk of ChunkLength consecutive states at a uniformly random start from each trajectory.
    /// </summary>
    public static PendulumData Generate(PendulumSettings settings, ulong seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var random = new DeterministicRandom(seed);
        var times = Enumerable.Range(0, settings.TimePoints).Select(k => k * settings.SampleInterval).ToArray();
        var splits = new PendulumChunks[3];
        int n = SpringPendulum.StateDimension;
        for (int split = 0; split < 3; split++)
        {
            int count = settings.Trajectories;
            var initial = new double[count * n];
            for (int i = 0; i < count; i++)
            {
                SpringPendulum.SampleInitialState(random, initial.AsSpan(i * n, n));
            }

            var trajectories = new double[count * times.Length * n];
            SpringPendulum.Integrate(initial, count, times, trajectories, PendulumExperiment.DataOptions(settings), ct);
            var chunks = new double[count * settings.ChunkLength * n];
            for (int i = 0; i < count; i++)
            {
                int start = random.NextInt(settings.TimePoints - settings.ChunkLength + 1);
                trajectories.AsSpan(((i * times.Length) + start) * n, settings.ChunkLength * n).CopyTo(chunks.AsSpan(i * settings.ChunkLength * n));
            }

            splits[split] = new PendulumChunks(chunks, count, settings.ChunkLength);
        }

        return new PendulumData(splits[0], splits[1], splits[2]);
    }
}
