using System.Runtime.CompilerServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>The operation that produced a <see cref="Node"/>.</summary>
internal enum Operation
{
    Leaf,
    Add,
    Subtract,
    Multiply,
    ScaleShift,
    MatMul,
    AddRow,
    SumRows,
    BroadcastRows,
    SumColumns,
    BroadcastColumns,
    Sum,
    BroadcastScalar,
    Elementwise,
    MultiplyByDerivative,
    SliceColumns,
    PadColumns,
    ConcatColumns,
    GatherColumns,
    ScatterColumns,
    Bilinear,
    Affine,
}

/// <summary>
/// A value on a <see cref="Tape"/>: a tensor together with the operation and inputs that produced it, so that
/// <see cref="Tape.Gradients"/> can differentiate through it.
/// </summary>
/// <remarks>
/// A node with <see cref="IsRecorded"/> false was created while the tape was not recording (for example the gradients of
/// a backward pass without <c>createGraph</c>); it behaves as a constant in later operations.
/// </remarks>
public sealed class Node
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Node(Tape tape, Tensor value, Operation operation)
    {
        Tape = tape;
        Value = value;
        Operation = operation;
        Index = -1;
    }

    /// <summary>The tensor value.</summary>
    public Tensor Value { get; }

    /// <summary>The number of rows of the value.</summary>
    public int Rows => Value.Rows;

    /// <summary>The number of columns of the value.</summary>
    public int Columns => Value.Columns;

    /// <summary>Whether the tape recorded this node, so that gradients can flow through it.</summary>
    public bool IsRecorded => Index >= 0;

    internal Tape Tape { get; }

    internal Operation Operation { get; }

    // Position in the tape's node list, or -1 for a node that was not recorded.
    internal int Index { get; set; }

    internal Node? A { get; set; }

    internal Node? B { get; set; }

    internal Node? C { get; set; }

    internal Node[]? Inputs { get; set; }

    // Operation data: scale and shift, matmul transposes, slice bounds, elementwise function and derivative order.
    internal double Scale { get; set; }

    internal double Shift { get; set; }

    internal int First { get; set; }

    internal int Second { get; set; }

    internal bool TransposeA { get; set; }

    internal bool TransposeB { get; set; }

    internal int[]? ColumnIndices { get; set; }

    internal BilinearPlan? Plan { get; set; }

    internal ElementwiseFunction Function { get; set; }

    internal Parameter? Parameter { get; set; }

    // The number of cotangent slots of a running backward pass that hold this node.
    internal int SlotCount { get; set; }

    // The serial number of the backward pass without createGraph that created this node as a temporary value, or 0.
    internal long TemporaryPass { get; set; }

    // Whether a running backward pass returns the cotangent of this node, so the pass must keep that cotangent.
    internal bool IsGradientTarget { get; set; }

    // sigmoid(Value), computed once for all sigmoid-based functions and derivatives of this node.
    internal Tensor? SigmoidOfValue { get; set; }

    /// <summary>Returns the elementwise sum.</summary>
    public static Node operator +(Node a, Node b) => a.Tape.Add(a, b);

    /// <summary>Returns the elementwise difference.</summary>
    public static Node operator -(Node a, Node b) => a.Tape.Subtract(a, b);

    /// <summary>Returns the elementwise (Hadamard) product.</summary>
    public static Node operator *(Node a, Node b) => a.Tape.Multiply(a, b);

    /// <summary>Returns the product with a scalar.</summary>
    public static Node operator *(double s, Node a) => a.Tape.Scale(a, s);

    /// <summary>Returns the product with a scalar.</summary>
    public static Node operator *(Node a, double s) => a.Tape.Scale(a, s);

    /// <summary>Returns a + s in every entry.</summary>
    public static Node operator +(Node a, double s) => a.Tape.AddScalar(a, s);

    /// <summary>Returns the negation.</summary>
    public static Node operator -(Node a) => a.Tape.Scale(a, -1.0);

    /// <inheritdoc />
    public override string ToString() => $"{Operation} {Rows} x {Columns}";
}
