namespace InvTheory.Runtime.Autodiff;

/// <summary>
/// The terms of a sparse bilinear map of two row batches: y[r, o_t] = sum over t of c_t u[r, i_t] v[r, j_t], with
/// term t given by (i_t, j_t, o_t, c_t). Quadratic polynomial features are such a map of the inputs (with a column of
/// ones appended) with themselves.
/// </summary>
/// <remarks>
/// The cotangents of both inputs are bilinear maps of the same kind with the index roles exchanged:
/// u-bar[r, i_t] gets c_t y-bar[r, o_t] v[r, j_t], and v-bar[r, j_t] gets c_t y-bar[r, o_t] u[r, i_t]. So the map can be
/// differentiated any number of times, and each plan creates its two adjoint plans once.
/// </remarks>
internal sealed class BilinearPlan
{
    private BilinearPlan? _leftAdjoint;
    private BilinearPlan? _rightAdjoint;

    /// <summary>Creates the plan from arrays with one entry per term.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or an index is outside the columns of its operand or of the output.</exception>
    public BilinearPlan(int[] left, int[] right, int[] output, double[] coefficient, int leftColumns, int rightColumns, int outputColumns)
    {
        if (left.Length != right.Length || left.Length != output.Length || left.Length != coefficient.Length)
        {
            throw new ArgumentException(
                $"BilinearPlan: the term arrays have lengths {left.Length}, {right.Length}, {output.Length} and {coefficient.Length}; they must be equal.");
        }

        for (int t = 0; t < left.Length; t++)
        {
            if ((uint)left[t] >= (uint)leftColumns || (uint)right[t] >= (uint)rightColumns || (uint)output[t] >= (uint)outputColumns)
            {
                throw new ArgumentException(
                    $"BilinearPlan: term {t} has indices ({left[t]}, {right[t]}) -> {output[t]}, outside {leftColumns} x {rightColumns} -> {outputColumns} columns.");
            }
        }

        // Terms sorted by output (stably), with the terms of output o at OutputStart[o] .. OutputStart[o + 1] - 1, so a
        // kernel can sum each output in a register.
        var order = Enumerable.Range(0, left.Length).OrderBy(t => output[t]).ToArray();
        Left = [.. order.Select(t => left[t])];
        Right = [.. order.Select(t => right[t])];
        Output = [.. order.Select(t => output[t])];
        Coefficient = [.. order.Select(t => coefficient[t])];
        OutputStart = new int[outputColumns + 1];
        foreach (int o in output)
        {
            OutputStart[o + 1]++;
        }

        for (int o = 0; o < outputColumns; o++)
        {
            OutputStart[o + 1] += OutputStart[o];
        }

        LeftColumns = leftColumns;
        RightColumns = rightColumns;
        OutputColumns = outputColumns;
    }

    public int[] Left { get; }

    public int[] Right { get; }

    public int[] Output { get; }

    public double[] Coefficient { get; }

    public int[] OutputStart { get; }

    public int LeftColumns { get; }

    public int RightColumns { get; }

    public int OutputColumns { get; }

    /// <summary>The plan of u-bar as a bilinear map of (y-bar, v).</summary>
    public BilinearPlan LeftAdjoint() =>
        _leftAdjoint ??= new BilinearPlan(Output, Right, Left, Coefficient, OutputColumns, RightColumns, LeftColumns);

    /// <summary>The plan of v-bar as a bilinear map of (y-bar, u).</summary>
    public BilinearPlan RightAdjoint() =>
        _rightAdjoint ??= new BilinearPlan(Output, Left, Right, Coefficient, OutputColumns, LeftColumns, RightColumns);
}
