namespace InvTheory.Runtime.Autodiff;

/// <summary>A trainable tensor with a name and a gradient buffer of the same shape.</summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter that owns <paramref name="value"/>.</summary>
    public Parameter(string name, Tensor value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Gradient = new Tensor(value.Rows, value.Columns);
    }

    /// <summary>The name, unique within a model; checkpoints match parameters by it.</summary>
    public string Name { get; }

    /// <summary>The current value, updated in place by optimizers.</summary>
    public Tensor Value { get; }

    /// <summary>The gradient written by <see cref="Tape.Backward"/>.</summary>
    public Tensor Gradient { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Value.Rows} x {Value.Columns}";
}
