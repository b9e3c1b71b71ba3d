using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Models;

namespace InvTheory.Runtime.Experiments;

/// <summary>
/// The training loop of the pendulum experiment, one epoch at a time: Adam on the mean squared error between RK4 on the
/// tape, started at each chunk's first state, and the chunk's later states, over seeded mini-batches.
/// </summary>
/// <remarks>
/// Algorithm: Adam [KB15] on mini-batches of a fresh seeded permutation per epoch, with the learning rate of the
/// settings' schedule. The tape is reset before every batch, so from the second batch on the loop reuses its tensors.
/// </remarks>
public sealed class PendulumTrainer
{
    private readonly IVectorField _model;
    private readonly PendulumChunks _chunks;
    private readonly PendulumSettings _settings;
    private readonly Adam _adam;
    private readonly MiniBatchShuffler _shuffler;
    private readonly Tape _tape;
    private readonly ChunkBatch _batch;

    /// <summary>Creates the loop for <paramref name="model"/> on <paramref name="chunks"/>; <paramref name="seed"/> drives the mini-batch order.</summary>
    /// <param name="model">The model to train; its parameters change with every epoch.</param>
    /// <param name="chunks">The training chunks.</param>
    /// <param name="settings">Batch size, schedule, chunk length, sampling interval and RK4 substeps.</param>
    /// <param name="seed">The seed of the mini-batch permutations.</param>
    /// <param name="tape">A tape to build on (its pooled tensors are reused), or null for a new one.</param>
    public PendulumTrainer(IVectorField model, PendulumChunks chunks, PendulumSettings settings, ulong seed, Tape? tape = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(settings);
        if (chunks.Length != settings.ChunkLength)
        {
            throw new ArgumentException($"PendulumTrainer: the chunks hold {chunks.Length} states but the settings ask for {settings.ChunkLength}. Cut the chunks with the same settings.", nameof(chunks));
        }

        _model = model;
        _chunks = chunks;
        _settings = settings;
        _adam = new Adam(model.Parameters, settings.Schedule.RateAt(0));
        _shuffler = new MiniBatchShuffler(chunks.Count, settings.BatchSize, seed);
        _tape = tape ?? new Tape();
        _batch = new ChunkBatch(settings.ChunkLength);
    }

    /// <summary>
    /// Runs the zero-based epoch <paramref name="epoch"/> (one Adam step per mini-batch) and returns the training loss
    /// averaged over the chunks, each batch's loss taken before its step.
    /// </summary>
    public double RunEpoch(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        _adam.LearningRate = _settings.Schedule.RateAt(epoch);
        _shuffler.Shuffle();
        double epochLoss = 0;
        for (int b = 0; b < _shuffler.BatchCount; b++)
        {
            var indices = _shuffler.Batch(b);
            _batch.Fill(_chunks, indices);
            _tape.Reset();
            var loss = PendulumExperiment.ChunkLossOnTape(_tape, _model, _batch, indices.Length, _settings);
            _tape.Backward(loss);
            _adam.Step();
            epochLoss += loss.Value[0, 0] * indices.Length;
        }

        return epochLoss / _chunks.Count;
    }
}

// Preallocated batch tensors: the first state and each later state of the chunks in a batch.
internal sealed class ChunkBatch(int chunkLength)
{
    private readonly Dictionary<int, Tensor[]> _byRows = [];
    private Tensor[] _current = [];

    public void Fill(PendulumChunks chunks, ReadOnlySpan<int> indices)
    {
        if (!_byRows.TryGetValue(indices.Length, out var tensors))
        {
            tensors = new Tensor[chunkLength];
            for (int k = 0; k < chunkLength; k++)
            {
                tensors[k] = new Tensor(indices.Length, SpringPendulum.StateDimension);
            }

            _byRows.Add(indices.Length, tensors);
        }

        for (int k = 0; k < chunkLength; k++)
        {
            for (int r = 0; r < indices.Length; r++)
            {
                chunks.State(indices[r], k).CopyTo(tensors[k].Row(r));
            }
        }

        _current = tensors;
    }

    public Tensor Initial(int rows) => _current[0].Rows == rows ? _current[0] : throw new InvalidOperationException("ChunkBatch: the batch was filled for another size; this points to a bug.");

    public Tensor Target(int k, int rows) => _current[k].Rows == rows ? _current[k] : throw new InvalidOperationException("ChunkBatch: the batch was filled for another size; this points to a bug.");
}
