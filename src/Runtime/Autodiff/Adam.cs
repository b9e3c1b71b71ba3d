using System.Runtime.CompilerServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>The Adam optimizer with bias-corrected first and second moment estimates.</summary>
/// <remarks>
/// Algorithm: Adam [KB15, Alg. 1]: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
/// theta -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps). Updates run in place on the parameter values.
/// </remarks>
public sealed class Adam
{
    private readonly Parameter[] _parameters;
    private readonly double[][] _firstMoments;
    private readonly double[][] _secondMoments;

    /// <summary>Creates the optimizer for <paramref name="parameters"/>.</summary>
    public Adam(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), $"Adam: beta1 = {beta1} and beta2 = {beta2} must lie in [0, 1).");
        }

        _parameters = [.. parameters];
        _firstMoments = [.. _parameters.Select(p => new double[p.Value.Length])];
        _secondMoments = [.. _parameters.Select(p => new double[p.Value.Length])];
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>The step size; schedules change it between steps.</summary>
    public double LearningRate { get; set; }

    /// <summary>The decay rate of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>The decay rate of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>The term added to the denominator for numerical stability.</summary>
    public double Epsilon { get; }

    /// <summary>The number of steps taken.</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter from its <see cref="Parameter.Gradient"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step()
    {
        StepCount++;
        double correction1 = 1 - Math.Pow(Beta1, StepCount);
        double correction2 = 1 - Math.Pow(Beta2, StepCount);
        double stepSize = LearningRate / correction1;
        double rootCorrection2 = Math.Sqrt(correction2);
        for (int p = 0; p < _parameters.Length; p++)
        {
            var theta = _parameters[p].Value.AsSpan();
            var g = _parameters[p].Gradient.AsSpan();
            var m = _firstMoments[p];
            var v = _secondMoments[p];
            for (int i = 0; i < theta.Length; i++)
            {
                m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g[i]);
                v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g[i] * g[i]);
                theta[i] -= stepSize * m[i] / ((Math.Sqrt(v[i]) / rootCorrection2) + Epsilon);
            }
        }
    }
}

/// <summary>A piecewise constant learning rate: the initial rate, replaced by each listed rate from its epoch on.</summary>
public sealed class PiecewiseConstantSchedule
{
    private readonly (int Epoch, double Rate)[] _changes;

    /// <summary>Creates the schedule; <paramref name="changes"/> lists (first epoch, rate) pairs.</summary>
    /// <exception cref="ArgumentException">The epochs are not strictly increasing and positive.</exception>
    public PiecewiseConstantSchedule(double initialRate, IReadOnlyList<(int Epoch, double Rate)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialRate);
        _changes = [.. changes];
        for (int i = 0; i < _changes.Length; i++)
        {
            if (_changes[i].Epoch <= (i == 0 ? 0 : _changes[i - 1].Epoch) || _changes[i].Rate <= 0)
            {
                throw new ArgumentException(
                    $"PiecewiseConstantSchedule: change {i} at epoch {_changes[i].Epoch} with rate {_changes[i].Rate} must come after the previous epoch and have a positive rate.",
                    nameof(changes));
            }
        }

        InitialRate = initialRate;
    }

    /// <summary>The rate before the first change.</summary>
    public double InitialRate { get; }

    /// <summary>The (first epoch, rate) pairs.</summary>
    public IReadOnlyList<(int Epoch, double Rate)> Changes => _changes;

    /// <summary>Returns the rate in effect at the zero-based <paramref name="epoch"/>.</summary>
    public double RateAt(int epoch)
    {
        double rate = InitialRate;
        foreach (var (start, value) in _changes)
        {
            if (epoch >= start)
            {
                rate = value;
            }
        }

        return rate;
    }
}

/// <summary>Splits sample indices 0 .. count - 1 into mini-batches, in a fresh seeded random order each epoch.</summary>
public sealed class MiniBatchShuffler
{
    private readonly int[] _order;
    private readonly DeterministicRandom _random;

    /// <summary>Creates the shuffler for <paramref name="count"/> samples and batches of at most <paramref name="batchSize"/>.</summary>
    public MiniBatchShuffler(int count, int batchSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _order = new int[count];
        for (int i = 0; i < count; i++)
        {
            _order[i] = i;
        }

        BatchSize = Math.Min(batchSize, count);
        _random = new DeterministicRandom(seed);
    }

    /// <summary>The largest batch size.</summary>
    public int BatchSize { get; }

    /// <summary>The number of batches per epoch; the last may be smaller.</summary>
    public int BatchCount => (_order.Length + BatchSize - 1) / BatchSize;

    /// <summary>Draws a new random order of the samples.</summary>
    public void Shuffle() => _random.Shuffle(_order);

    /// <summary>Returns the sample indices of batch <paramref name="batch"/> in the current order.</summary>
    public ReadOnlySpan<int> Batch(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(batch, BatchCount);
        int start = batch * BatchSize;
        return _order.AsSpan(start, Math.Min(BatchSize, _order.Length - start));
    }
}
