namespace InvTheory.Runtime.Autodiff;

/// <summary>A dense row-major matrix of doubles with <see cref="Rows"/> x <see cref="Columns"/> entries (batch x features).</summary>
/// <remarks>Tensors are mutable buffers; the tape owns the tensors it creates and reuses their storage after <see cref="Tape.Reset"/>.</remarks>
public sealed class Tensor
{
    internal double[] Data;

    // Position in the owning pool's list of rented tensors, or -1 when the tensor is not rented from a pool.
    internal int PoolSlot = -1;

    /// <summary>Creates a zero tensor of the given shape.</summary>
    public Tensor(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
        Data = new double[rows * columns];
    }

    /// <summary>Creates a tensor holding a copy of <paramref name="values"/> in row-major order.</summary>
    /// <exception cref="ArgumentException">The number of values is not rows x columns.</exception>
    public Tensor(int rows, int columns, ReadOnlySpan<double> values)
        : this(rows, columns)
    {
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"Tensor: {values.Length} values were given for a {rows} x {columns} tensor.", nameof(values));
        }

        values.CopyTo(Data);
    }

    internal Tensor(int rows, int columns, double[] storage)
    {
        Rows = rows;
        Columns = columns;
        Data = storage;
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; private set; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; private set; }

    /// <summary>The number of entries, rows x columns.</summary>
    public int Length => Rows * Columns;

    /// <summary>The entry in row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public double this[int row, int column]
    {
        get => Data[(row * Columns) + column];
        set => Data[(row * Columns) + column] = value;
    }

    /// <summary>The entries in row-major order.</summary>
    public Span<double> AsSpan() => Data.AsSpan(0, Length);

    /// <summary>Returns row <paramref name="row"/>.</summary>
    public Span<double> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>Returns a copy with its own storage.</summary>
    public Tensor Clone() => new(Rows, Columns, AsSpan());

    internal void Reshape(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
    }

    /// <inheritdoc />
    public override string ToString() => $"Tensor {Rows} x {Columns}";
}
