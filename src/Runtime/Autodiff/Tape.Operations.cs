using System.Runtime.CompilerServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>The differentiable operations of a tape.</summary>
public sealed partial class Tape
{
    /// <summary>Returns a + b elementwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Add(Node a, Node b)
    {
        CheckSameShape(a, b, nameof(Add));
        var y = _pool.Rent(a.Rows, a.Columns);
        TensorKernels.Add(a.Value.AsSpan(), b.Value.AsSpan(), y.AsSpan());
        return Record(new Node(this, y, Operation.Add) { A = a, B = b });
    }

    /// <summary>Returns a - b elementwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Subtract(Node a, Node b)
    {
        CheckSameShape(a, b, nameof(Subtract));
        var y = _pool.Rent(a.Rows, a.Columns);
        TensorKernels.Subtract(a.Value.AsSpan(), b.Value.AsSpan(), y.AsSpan());
        return Record(new Node(this, y, Operation.Subtract) { A = a, B = b });
    }

    /// <summary>Returns the elementwise product a * b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Multiply(Node a, Node b)
    {
        CheckSameShape(a, b, nameof(Multiply));
        var y = _pool.Rent(a.Rows, a.Columns);
        TensorKernels.Multiply(a.Value.AsSpan(), b.Value.AsSpan(), y.AsSpan());
        return Record(new Node(this, y, Operation.Multiply) { A = a, B = b });
    }

    /// <summary>Returns s * a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Scale(Node a, double s) => ScaleShift(a, s, 0.0);

    /// <summary>Returns a + t in every entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node AddScalar(Node a, double t) => ScaleShift(a, 1.0, t);

    /// <summary>Returns s * a + t in every entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node ScaleShift(Node a, double s, double t)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = _pool.Rent(a.Rows, a.Columns);
        TensorKernels.ScaleShift(a.Value.AsSpan(), s, t, y.AsSpan());
        return Record(new Node(this, y, Operation.ScaleShift) { A = a, Scale = s, Shift = t });
    }

    /// <summary>Returns op(a) op(b), where op transposes when the flag is set; both flags set is not supported.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ.</exception>
    /// <exception cref="NotSupportedException">Both operands are transposed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node MatMul(Node a, Node b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (transposeA && transposeB)
        {
            throw new NotSupportedException("MatMul: transposing both operands is not supported. Use (b a)^T = a^T b^T instead.");
        }

        int m = transposeA ? a.Columns : a.Rows;
        int k = transposeA ? a.Rows : a.Columns;
        int kb = transposeB ? b.Columns : b.Rows;
        int n = transposeB ? b.Rows : b.Columns;
        if (k != kb)
        {
            throw new ArgumentException(
                $"MatMul: the inner dimensions differ: op(a) is {m} x {k} and op(b) is {kb} x {n}.", nameof(b));
        }

        var y = _pool.Rent(m, n);
        if (transposeB)
        {
            var scratch = _pool.Rent(k, n);
            TensorKernels.MatMulTransposeB(a.Value.AsSpan(), b.Value.AsSpan(), y.AsSpan(), m, k, n, scratch.AsSpan());
            _pool.Release(scratch);
        }
        else
        {
            TensorKernels.MatMul(a.Value.AsSpan(), b.Value.AsSpan(), y.AsSpan(), m, k, n, transposeA);
        }

        return Record(new Node(this, y, Operation.MatMul) { A = a, B = b, TransposeA = transposeA, TransposeB = transposeB });
    }

    // Returns x w + 1 b^T, a dense layer, as one node. The bias is added in place right after the product, while the
    // product is still in the cache, so the tape stores no separate tensor for the product without the bias.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Node Affine(Node x, Node weight, Node bias)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (x.Columns != weight.Rows || bias.Rows != 1 || bias.Columns != weight.Columns)
        {
            throw new ArgumentException(
                $"Affine: x is {x.Rows} x {x.Columns}, the weight {weight.Rows} x {weight.Columns} and the bias {bias.Rows} x {bias.Columns}; "
                + "the weight needs one row per column of x and the bias one row with one column per weight column.",
                nameof(weight));
        }

        int m = x.Rows;
        int k = x.Columns;
        int n = weight.Columns;
        var y = _pool.Rent(m, n);
        TensorKernels.MatMul(x.Value.AsSpan(), weight.Value.AsSpan(), y.AsSpan(), m, k, n);
        TensorKernels.AddRow(y.AsSpan(), bias.Value.AsSpan(), y.AsSpan(), m, n);
        return Record(new Node(this, y, Operation.Affine) { A = x, B = weight, C = bias });
    }

    /// <summary>Returns a + 1 row^T: adds the 1 x n row to every row of the m x n tensor a (bias addition).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node AddRow(Node a, Node row)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Rows != 1 || row.Columns != a.Columns)
        {
            throw new ArgumentException($"AddRow: the row is {row.Rows} x {row.Columns} but must be 1 x {a.Columns}.", nameof(row));
        }

        var y = _pool.Rent(a.Rows, a.Columns);
        TensorKernels.AddRow(a.Value.AsSpan(), row.Value.AsSpan(), y.AsSpan(), a.Rows, a.Columns);
        return Record(new Node(this, y, Operation.AddRow) { A = a, B = row });
    }

    /// <summary>Returns the 1 x n row of column sums of the m x n tensor a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node SumRows(Node a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = _pool.Rent(1, a.Columns);
        TensorKernels.SumRows(a.Value.AsSpan(), y.AsSpan(), a.Rows, a.Columns);
        return Record(new Node(this, y, Operation.SumRows) { A = a });
    }

    /// <summary>Returns the m x n tensor whose rows all equal the 1 x n row a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node BroadcastRows(Node a, int rows)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != 1)
        {
            throw new ArgumentException($"BroadcastRows: the input must have one row but has {a.Rows}.", nameof(a));
        }

        var y = _pool.Rent(rows, a.Columns);
        for (int i = 0; i < rows; i++)
        {
            a.Value.AsSpan().CopyTo(y.Row(i));
        }

        return Record(new Node(this, y, Operation.BroadcastRows) { A = a });
    }

    /// <summary>Returns the m x 1 column of row sums of the m x n tensor a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node SumColumns(Node a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = _pool.Rent(a.Rows, 1);
        TensorKernels.SumColumns(a.Value.AsSpan(), y.AsSpan(), a.Rows, a.Columns);
        return Record(new Node(this, y, Operation.SumColumns) { A = a });
    }

    /// <summary>Returns the m x n tensor whose columns all equal the m x 1 column a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node BroadcastColumns(Node a, int columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Columns != 1)
        {
            throw new ArgumentException($"BroadcastColumns: the input must have one column but has {a.Columns}.", nameof(a));
        }

        var y = _pool.Rent(a.Rows, columns);
        for (int i = 0; i < a.Rows; i++)
        {
            y.Row(i).Fill(a.Value.Data[i]);
        }

        return Record(new Node(this, y, Operation.BroadcastColumns) { A = a });
    }

    /// <summary>Returns the 1 x 1 sum of all entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Sum(Node a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = _pool.Rent(1, 1);
        y.Data[0] = TensorKernels.Sum(a.Value.AsSpan());
        return Record(new Node(this, y, Operation.Sum) { A = a });
    }

    /// <summary>Returns the 1 x 1 mean of all entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Mean(Node a) => Scale(Sum(a), 1.0 / a.Value.Length);

    /// <summary>Returns the rows x columns tensor filled with the value of the 1 x 1 tensor a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node BroadcastScalar(Node a, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != 1 || a.Columns != 1)
        {
            throw new ArgumentException($"BroadcastScalar: the input must be 1 x 1 but is {a.Rows} x {a.Columns}.", nameof(a));
        }

        var y = _pool.Rent(rows, columns);
        y.AsSpan().Fill(a.Value.Data[0]);
        return Record(new Node(this, y, Operation.BroadcastScalar) { A = a });
    }

    /// <summary>Returns f(a) entry by entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Apply(ElementwiseFunction function, Node a) => Derivative(function, 0, a);

    /// <summary>Returns max(a, 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Relu(Node a) => Apply(ElementwiseFunction.Relu, a);

    /// <summary>Returns tanh(a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Tanh(Node a) => Apply(ElementwiseFunction.Tanh, a);

    /// <summary>Returns 1 / (1 + exp(-a)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Sigmoid(Node a) => Apply(ElementwiseFunction.Sigmoid, a);

    /// <summary>Returns log(1 + exp(a)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Softplus(Node a) => Apply(ElementwiseFunction.Softplus, a);

    /// <summary>Returns a sigmoid(a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Silu(Node a) => Apply(ElementwiseFunction.Silu, a);

    /// <summary>Returns exp(a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Exp(Node a) => Apply(ElementwiseFunction.Exp, a);

    /// <summary>Returns log(a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Log(Node a) => Apply(ElementwiseFunction.Log, a);

    /// <summary>Returns a^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Square(Node a) => Apply(ElementwiseFunction.Square, a);

    /// <summary>Returns the derivative f^(order)(a) entry by entry.</summary>
    /// <exception cref="NotSupportedException">The order exceeds the closed forms of <paramref name="function"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Derivative(ElementwiseFunction function, int order, Node a)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        ElementwiseDerivatives.CheckSupported(function, order);
        var y = _pool.Rent(a.Rows, a.Columns);
        if (ElementwiseDerivatives.UsesSigmoid(function, order))
        {
            ElementwiseDerivatives.ApplyFromSigmoid(function, order, a.Value.AsSpan(), SigmoidOf(a).AsSpan(), y.AsSpan());
        }
        else
        {
            ElementwiseDerivatives.Apply(function, order, a.Value.AsSpan(), y.AsSpan());
        }


        return Record(new Node(this, y, Operation.Elementwise) { A = a, Function = function, First = order });
    }

    // Returns g * f^(order)(a) entry by entry: the backward rule of f^(order - 1) in one pass, without a node for f^(order)(a).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Node MultiplyByDerivative(Node g, ElementwiseFunction function, int order, Node a)
    {
        CheckSameShape(g, a, nameof(MultiplyByDerivative));
        ElementwiseDerivatives.CheckSupported(function, order);
        var y = _pool.Rent(a.Rows, a.Columns);
        if (ElementwiseDerivatives.UsesSigmoid(function, order))
        {
            ElementwiseDerivatives.MultiplyFromSigmoid(function, order, g.Value.AsSpan(), a.Value.AsSpan(), SigmoidOf(a).AsSpan(), y.AsSpan());
        }
        else
        {
            ElementwiseDerivatives.Apply(function, order, a.Value.AsSpan(), y.AsSpan());
            TensorKernels.Multiply(g.Value.AsSpan(), y.AsSpan(), y.AsSpan());
        }

        return Record(new Node(this, y, Operation.MultiplyByDerivative) { A = g, B = a, Function = function, First = order });
    }

    // Adds g * f^(order)(a) to the value of the unrecorded node sum in place, for the cases where UsesSigmoid holds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddMultiplyByDerivative(Node sum, Node g, ElementwiseFunction function, int order, Node a)
    {
        CheckSameShape(g, a, nameof(AddMultiplyByDerivative));
        CheckSameShape(sum, a, nameof(AddMultiplyByDerivative));
        ElementwiseDerivatives.CheckSupported(function, order);
        ElementwiseDerivatives.AddMultiplyFromSigmoid(function, order, sum.Value.AsSpan(), g.Value.AsSpan(), a.Value.AsSpan(), SigmoidOf(a).AsSpan());
    }

    // Returns (g * h) * f^(order)(a). While recording it is the product node followed by MultiplyByDerivative, so it can be
    // differentiated. Otherwise one pass computes the value, and the result is a constant like every unrecorded node.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Node MultiplyByDerivative(Node g, Node h, ElementwiseFunction function, int order, Node a)
    {
        if (IsRecording || !ElementwiseDerivatives.UsesSigmoid(function, order))
        {
            return MultiplyByDerivative(Multiply(g, h), function, order, a);
        }

        CheckSameShape(g, a, nameof(MultiplyByDerivative));
        CheckSameShape(h, a, nameof(MultiplyByDerivative));
        ElementwiseDerivatives.CheckSupported(function, order);
        var y = _pool.Rent(a.Rows, a.Columns);
        ElementwiseDerivatives.MultiplyFromSigmoid(function, order, g.Value.AsSpan(), h.Value.AsSpan(), a.Value.AsSpan(), SigmoidOf(a).AsSpan(), y.AsSpan());
        return Record(new Node(this, y, Operation.MultiplyByDerivative) { A = g, B = a, Function = function, First = order });
    }

    /// <summary>Returns the columns start .. start + count - 1 of a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node SliceColumns(Node a, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (start < 0 || count < 0 || start + count > a.Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"SliceColumns: columns {start} .. {start + count - 1} are outside 0 .. {a.Columns - 1}.");
        }

        var y = _pool.Rent(a.Rows, count);
        for (int i = 0; i < a.Rows; i++)
        {
            a.Value.Row(i).Slice(start, count).CopyTo(y.Row(i));
        }

        return Record(new Node(this, y, Operation.SliceColumns) { A = a, First = start });
    }

    /// <summary>Returns the tensor with <paramref name="columns"/> columns that holds a at column offset start and zeros elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node PadColumns(Node a, int start, int columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (start < 0 || start + a.Columns > columns)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"PadColumns: {a.Columns} columns at offset {start} do not fit in {columns}.");
        }

        var y = _pool.RentZeroed(a.Rows, columns);
        for (int i = 0; i < a.Rows; i++)
        {
            a.Value.Row(i).CopyTo(y.Row(i).Slice(start));
        }

        return Record(new Node(this, y, Operation.PadColumns) { A = a, First = start });
    }

    /// <summary>Returns the parts side by side: [p_0 | p_1 | ...].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node ConcatColumns(IReadOnlyList<Node> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("ConcatColumns: there are no parts.", nameof(parts));
        }

        int rows = parts[0].Rows;
        int columns = 0;
        foreach (var part in parts)
        {
            if (part.Rows != rows)
            {
                throw new ArgumentException($"ConcatColumns: parts have {rows} and {part.Rows} rows; all must have the same number.", nameof(parts));
            }

            columns += part.Columns;
        }

        var y = _pool.Rent(rows, columns);
        int offset = 0;
        foreach (var part in parts)
        {
            for (int i = 0; i < rows; i++)
            {
                part.Value.Row(i).CopyTo(y.Row(i).Slice(offset));
            }

            offset += part.Columns;
        }

        return Record(new Node(this, y, Operation.ConcatColumns) { Inputs = [.. parts] });
    }

    /// <summary>Returns the tensor whose column k is column <c>indices[k]</c> of a (columns may repeat).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node GatherColumns(Node a, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(a);
        int[] map = CheckIndices(indices, a.Columns, nameof(GatherColumns));
        var y = _pool.Rent(a.Rows, map.Length);
        var x = a.Value.AsSpan();
        var output = y.AsSpan();
        int n = a.Columns;
        for (int i = 0; i < a.Rows; i++)
        {
            for (int k = 0; k < map.Length; k++)
            {
                output[(i * map.Length) + k] = x[(i * n) + map[k]];
            }
        }

        return Record(new Node(this, y, Operation.GatherColumns) { A = a, ColumnIndices = map });
    }

    /// <summary>
    /// Returns the tensor with <paramref name="columns"/> columns whose column c is the sum of the columns k of a with
    /// <c>indices[k] = c</c> (the adjoint of <see cref="GatherColumns"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node ScatterColumns(Node a, IReadOnlyList<int> indices, int columns)
    {
        ArgumentNullException.ThrowIfNull(a);
        int[] map = CheckIndices(indices, columns, nameof(ScatterColumns));
        if (map.Length != a.Columns)
        {
            throw new ArgumentException($"ScatterColumns: {map.Length} indices were given for {a.Columns} columns.", nameof(indices));
        }

        var y = _pool.RentZeroed(a.Rows, columns);
        var x = a.Value.AsSpan();
        var output = y.AsSpan();
        for (int i = 0; i < a.Rows; i++)
        {
            for (int k = 0; k < map.Length; k++)
            {
                output[(i * columns) + map[k]] += x[(i * map.Length) + k];
            }
        }

        return Record(new Node(this, y, Operation.ScatterColumns) { A = a, ColumnIndices = map });
    }

    // Returns the sparse bilinear map y[r, o_t] = sum_t c_t u[r, i_t] v[r, j_t] of the plan.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Node Bilinear(Node u, Node v, BilinearPlan plan)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.Columns != plan.LeftColumns || v.Columns != plan.RightColumns || u.Rows != v.Rows)
        {
            throw new ArgumentException(
                $"Bilinear: the inputs are {u.Rows} x {u.Columns} and {v.Rows} x {v.Columns} but the plan takes {plan.LeftColumns} and {plan.RightColumns} columns on equal rows.",
                nameof(v));
        }

        var y = _pool.Rent(u.Rows, plan.OutputColumns);
        TensorKernels.Bilinear(u.Value.AsSpan(), v.Value.AsSpan(), y.AsSpan(), u.Rows, plan);
        return Record(new Node(this, y, Operation.Bilinear) { A = u, B = v, Plan = plan });
    }

    // The forward value and the derivatives of SiLU, sigmoid and softplus all need sigmoid(a), and exp dominates their cost.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Tensor SigmoidOf(Node a)
    {
        if (a.SigmoidOfValue is null)
        {
            var s = _pool.Rent(a.Rows, a.Columns);
            ElementwiseDerivatives.Apply(ElementwiseFunction.Sigmoid, 0, a.Value.AsSpan(), s.AsSpan());
            a.SigmoidOfValue = s;
        }

        return a.SigmoidOfValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] CheckIndices(IReadOnlyList<int> indices, int columns, string operation)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var map = new int[indices.Count];
        for (int k = 0; k < map.Length; k++)
        {
            map[k] = indices[k];
            if ((uint)map[k] >= (uint)columns)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"{operation}: column index {map[k]} is outside 0 .. {columns - 1}.");
            }
        }

        return map;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckSameShape(Node a, Node b, string operation)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException($"{operation}: the shapes differ: {a.Rows} x {a.Columns} and {b.Rows} x {b.Columns}.", nameof(b));
        }
    }
}
