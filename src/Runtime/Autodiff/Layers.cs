using System.Runtime.CompilerServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>A fully connected layer y = x W + b with W of shape inputs x outputs and b of shape 1 x outputs.</summary>
public sealed class Dense
{
    /// <summary>
    /// Creates a layer with weights drawn uniformly from [-1/sqrt(inputs), 1/sqrt(inputs)] and the bias likewise,
    /// the default initialization of common deep-learning libraries.
    /// </summary>
    public Dense(string name, int inputs, int outputs, DeterministicRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        ArgumentNullException.ThrowIfNull(random);
        double bound = 1.0 / Math.Sqrt(inputs);
        var weight = new Tensor(inputs, outputs);
        var bias = new Tensor(1, outputs);
        foreach (ref double w in weight.AsSpan())
        {
            w = random.NextDouble(-bound, bound);
        }

        foreach (ref double b in bias.AsSpan())
        {
            b = random.NextDouble(-bound, bound);
        }

        Weight = new Parameter(name + ".weight", weight);
        Bias = new Parameter(name + ".bias", bias);
    }

    /// <summary>The weight matrix W (inputs x outputs).</summary>
    public Parameter Weight { get; }

    /// <summary>The bias row b (1 x outputs).</summary>
    public Parameter Bias { get; }

    /// <summary>The number of inputs.</summary>
    public int Inputs => Weight.Value.Rows;

    /// <summary>The number of outputs.</summary>
    public int Outputs => Weight.Value.Columns;

    /// <summary>Returns x W + b for a batch x inputs tensor x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Forward(Tape tape, Node x)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return tape.Affine(x, tape.Parameter(Weight), tape.Parameter(Bias));
    }
}

/// <summary>A multilayer perceptron: dense layers with an activation after every layer except the last.</summary>
public sealed class Mlp
{
    private readonly Dense[] _layers;
    private readonly Parameter[] _parameters;

    /// <summary>Creates the network with layer widths <paramref name="sizes"/> (inputs, hidden..., outputs).</summary>
    /// <exception cref="ArgumentException">Fewer than two sizes are given.</exception>
    public Mlp(string name, IReadOnlyList<int> sizes, ElementwiseFunction activation, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2)
        {
            throw new ArgumentException($"Mlp: {sizes.Count} layer sizes were given; at least the input and the output width are needed.", nameof(sizes));
        }

        _layers = new Dense[sizes.Count - 1];
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i] = new Dense($"{name}.{i}", sizes[i], sizes[i + 1], random);
        }

        _parameters = [.. _layers.SelectMany(l => new[] { l.Weight, l.Bias })];
        var shift = new Tensor(1, sizes[0]);
        var scale = new Tensor(1, sizes[0]);
        scale.AsSpan().Fill(1.0);
        InputShift = new Parameter(name + ".input_shift", shift);
        InputScale = new Parameter(name + ".input_scale", scale);
        Sizes = [.. sizes];
        Activation = activation;
    }

    /// <summary>The layer widths, from the input to the output.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The activation between layers.</summary>
    public ElementwiseFunction Activation { get; }

    /// <summary>The weights and biases of all layers, in layer order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The number of inputs.</summary>
    public int Inputs => Sizes[0];

    /// <summary>The number of outputs.</summary>
    public int Outputs => Sizes[^1];

    /// <summary>The fixed shift m of the input standardization (x - m) / s, applied first in <see cref="Forward"/>; zero until set. Not trained.</summary>
    public Parameter InputShift { get; }

    /// <summary>The fixed scale s of the input standardization (x - m) / s; one until set. Not trained.</summary>
    public Parameter InputScale { get; }

    /// <summary>The trainable parameters followed by the standardization constants: everything a checkpoint must store.</summary>
    public IReadOnlyList<Parameter> State => [.. _parameters, InputShift, InputScale];

    /// <summary>
    /// Sets the input standardization to the column means and standard deviations of <paramref name="samples"/>
    /// (rows are samples); a column with standard deviation below 1e-8 (such as a constant feature) keeps scale 1.
    /// </summary>
    public void StandardizeInputs(Tensor samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Columns != Inputs || samples.Rows == 0)
        {
            throw new ArgumentException($"StandardizeInputs: the samples are {samples.Rows} x {samples.Columns} but the network takes {Inputs} inputs.", nameof(samples));
        }

        for (int j = 0; j < Inputs; j++)
        {
            double mean = 0;
            for (int i = 0; i < samples.Rows; i++)
            {
                mean += samples[i, j];
            }

            mean /= samples.Rows;
            double variance = 0;
            for (int i = 0; i < samples.Rows; i++)
            {
                variance += (samples[i, j] - mean) * (samples[i, j] - mean);
            }

            double deviation = Math.Sqrt(variance / samples.Rows);
            InputShift.Value[0, j] = mean;
            InputScale.Value[0, j] = deviation < 1e-8 ? 1.0 : deviation;
        }
    }

    /// <summary>Returns the network output for a batch x inputs tensor x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Forward(Tape tape, Node x)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(x);
        var inverseScale = tape.Fill(1, Inputs, 1.0);
        for (int j = 0; j < Inputs; j++)
        {
            inverseScale.Value[0, j] = 1.0 / InputScale.Value[0, j];
        }

        var shifted = tape.AddRow(x, tape.Scale(tape.Input(InputShift.Value), -1.0));
        var h = tape.Multiply(shifted, tape.BroadcastRows(inverseScale, x.Rows));

        for (int i = 0; i < _layers.Length; i++)
        {
            h = _layers[i].Forward(tape, h);
            if (i + 1 < _layers.Length)
            {
                h = tape.Apply(Activation, h);
            }
        }

        return h;
    }
}

/// <summary>Loss functions.</summary>
public static class Losses
{
    /// <summary>Returns the mean over all entries of (prediction - target)^2.</summary>
    public static Node MeanSquaredError(Tape tape, Node prediction, Node target)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return tape.Mean(tape.Square(tape.Subtract(prediction, target)));
    }
}
