using System.Runtime.CompilerServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>
/// A tape for reverse-mode automatic differentiation of functions of 2-D tensors. Operations on nodes append to the
/// tape; <see cref="Gradients"/> runs the backward pass. With <c>createGraph: true</c> the backward pass itself is
/// recorded, so a gradient can appear inside a loss that is differentiated again (gradients of gradients).
/// </summary>
/// <remarks>
/// Algorithm: reverse accumulation over a topologically ordered tape [GW08]. Every backward rule is written with
/// the tape's own differentiable operations, which is what makes higher-order derivatives work: a recorded backward pass
/// is an ordinary graph. Tensors come from a pool that <see cref="Reset"/> recycles, so a loop that builds the same graph
/// each step stops allocating tensor storage after the first step. A tape is not thread-safe; use one per thread.
/// </remarks>
public sealed partial class Tape
{
    private readonly List<Node> _nodes = [];
    private readonly TensorPool _pool = new();
    private readonly Dictionary<Parameter, Node> _parameterNodes = [];
    private readonly List<Parameter> _parameters = [];

    // Nodes created by the running backward pass without createGraph whose storage has not been released yet, or null
    // outside such a pass.
    private List<Node>? _temporaries;
    private readonly List<Node> _temporaryList = [];

    // The serial number of the current backward pass, which marks the temporaries it creates.
    private long _pass;

    /// <summary>Whether new operations are recorded; when false they only compute values (inference mode).</summary>
    public bool IsRecording { get; set; } = true;

    /// <summary>The number of recorded nodes.</summary>
    public int Count => _nodes.Count;

    /// <summary>Forgets all nodes and recycles their tensors; nodes created before must not be used afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reset()
    {
        _nodes.Clear();
        _parameterNodes.Clear();
        _parameters.Clear();
        _pool.ReleaseAll();
    }

    /// <summary>Returns a leaf node holding a copy of <paramref name="values"/> (rows x columns, row-major).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Constant(int rows, int columns, ReadOnlySpan<double> values)
    {
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"Constant: {values.Length} values were given for a {rows} x {columns} tensor.", nameof(values));
        }

        var tensor = _pool.Rent(rows, columns);
        values.CopyTo(tensor.AsSpan());
        return Record(new Node(this, tensor, Operation.Leaf));
    }

    /// <summary>Returns a leaf node filled with <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Fill(int rows, int columns, double value)
    {
        var tensor = _pool.Rent(rows, columns);
        tensor.AsSpan().Fill(value);
        return Record(new Node(this, tensor, Operation.Leaf));
    }

    /// <summary>
    /// Returns a leaf node that refers to <paramref name="tensor"/> without copying; the caller must keep it unchanged
    /// while the tape uses it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Input(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Record(new Node(this, tensor, Operation.Leaf));
    }

    /// <summary>Returns the leaf node of a trainable parameter; every call until <see cref="Reset"/> returns the same node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Parameter(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (_parameterNodes.TryGetValue(parameter, out var node))
        {
            return node;
        }

        node = Record(new Node(this, parameter.Value, Operation.Leaf) { Parameter = parameter });
        if (node.IsRecorded)
        {
            _parameterNodes.Add(parameter, node);
            _parameters.Add(parameter);
        }

        return node;
    }

    /// <summary>
    /// Returns the gradients d(sum of seed * output)/d(w) for each node w in <paramref name="withRespectTo"/>; the seed
    /// defaults to all ones, which for a 1 x 1 output gives the ordinary gradient. A node on which the output does not
    /// depend gets a zero gradient.
    /// </summary>
    /// <param name="output">The node to differentiate; it must have been recorded.</param>
    /// <param name="withRespectTo">Recorded nodes created before <paramref name="output"/>.</param>
    /// <param name="seed">The cotangent of the output, with the output's shape.</param>
    /// <param name="createGraph">Record the backward pass, so that the returned gradients can be differentiated again.</param>
    /// <exception cref="ArgumentException">A node belongs to another tape or was not recorded, or the seed has the wrong shape.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<Node> Gradients(Node output, IReadOnlyList<Node> withRespectTo, Node? seed = null, bool createGraph = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(withRespectTo);
        CheckOwned(output, nameof(output));
        if (!output.IsRecorded)
        {
            throw new ArgumentException("Gradients: the output node was not recorded, so nothing can be differentiated. Build it while IsRecording is true.", nameof(output));
        }

        if (seed is not null && (seed.Rows != output.Rows || seed.Columns != output.Columns))
        {
            throw new ArgumentException($"Gradients: the seed is {seed.Rows} x {seed.Columns} but the output is {output.Rows} x {output.Columns}.", nameof(seed));
        }

        // Phase 1: mark the nodes between the inputs of interest and the output.
        int last = output.Index;
        var relevant = new bool[last + 1];
        foreach (var w in withRespectTo)
        {
            CheckOwned(w, nameof(withRespectTo));
            if (!w.IsRecorded)
            {
                throw new ArgumentException("Gradients: a node to differentiate by was not recorded. Create it while IsRecording is true.", nameof(withRespectTo));
            }

            if (w.Index <= last)
            {
                relevant[w.Index] = true;
            }
        }

        for (int i = 0; i <= last; i++)
        {
            if (!relevant[i])
            {
                relevant[i] = DependsOnRelevant(_nodes[i], relevant);
            }
        }

        // Phase 2: reverse sweep, accumulating the cotangent of each node before its inputs are visited. Without
        // createGraph the cotangents are plain values, so the storage of each one goes back to the pool as soon as no
        // cotangent slot refers to it. The next operations then reuse that storage while it is still in the cache.
        var cotangents = new Node?[last + 1];
        bool wasRecording = IsRecording;
        IsRecording = createGraph;
        if (!createGraph)
        {
            _temporaryList.Clear();
            _temporaries = _temporaryList;
            _pass++;
            foreach (var w in withRespectTo)
            {
                w.IsGradientTarget = true;
            }
        }

        try
        {
            cotangents[last] = seed ?? Fill(output.Rows, output.Columns, 1.0);
            cotangents[last]!.SlotCount++;
            for (int i = last; i >= 0; i--)
            {
                var g = cotangents[i];
                if (g is null || !relevant[i] || _nodes[i].Operation == Operation.Leaf)
                {
                    continue;
                }

                Backpropagate(_nodes[i], g, relevant, cotangents);
                if (_temporaries is not null && !_nodes[i].IsGradientTarget)
                {
                    cotangents[i] = null;
                    g.SlotCount--;
                    ReleaseUnheldTemporaries();
                }
            }

            // Phase 3: zeros for inputs the output does not depend on.
            var result = new Node[withRespectTo.Count];
            for (int k = 0; k < result.Length; k++)
            {
                var w = withRespectTo[k];
                result[k] = (w.Index <= last ? cotangents[w.Index] : null) ?? Fill(w.Rows, w.Columns, 0.0);
            }

            return result;
        }
        finally
        {
            IsRecording = wasRecording;
            _temporaries = null;
            _temporaryList.Clear();
            foreach (var w in withRespectTo)
            {
                w.IsGradientTarget = false;
            }
        }
    }

    /// <summary>
    /// Differentiates the 1 x 1 <paramref name="loss"/> with respect to every parameter used on this tape since the last
    /// <see cref="Reset"/> and writes the results to <see cref="Autodiff.Parameter.Gradient"/>.
    /// </summary>
    /// <remarks>A parameter that was not used on the tape since the last reset keeps its previous gradient.</remarks>
    /// <exception cref="ArgumentException">The loss is not 1 x 1.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(Node loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (loss.Rows != 1 || loss.Columns != 1)
        {
            throw new ArgumentException($"Backward: the loss must be 1 x 1 but is {loss.Rows} x {loss.Columns}. Reduce it with Sum or Mean first.", nameof(loss));
        }

        var leaves = new Node[_parameters.Count];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = _parameterNodes[_parameters[i]];
        }

        var gradients = Gradients(loss, leaves);
        for (int i = 0; i < leaves.Length; i++)
        {
            gradients[i].Value.AsSpan().CopyTo(_parameters[i].Gradient.AsSpan());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool DependsOnRelevant(Node node, bool[] relevant)
    {
        if (node.A is { IsRecorded: true } a && relevant[a.Index])
        {
            return true;
        }

        if (node.B is { IsRecorded: true } b && relevant[b.Index])
        {
            return true;
        }

        if (node.C is { IsRecorded: true } c && relevant[c.Index])
        {
            return true;
        }

        if (node.Inputs is { } inputs)
        {
            foreach (var input in inputs)
            {
                if (input.IsRecorded && relevant[input.Index])
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Returns to the pool the storage of every temporary node that no cotangent slot refers to, and keeps the others.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReleaseUnheldTemporaries()
    {
        var list = _temporaries!;
        int retained = 0;
        for (int k = 0; k < list.Count; k++)
        {
            var node = list[k];
            if (node.SlotCount > 0)
            {
                list[retained++] = node;
            }
            else if (node.Value.PoolSlot >= 0)
            {
                _pool.Release(node.Value);
            }
        }

        list.RemoveRange(retained, list.Count - retained);
    }

    // Whether the node is a cotangent value of the running pass without createGraph that no slot holds (the caller
    // has already released its own hold), or with heldBySlot only the caller's slot, so it may be overwritten.
    private bool IsExclusiveTemporary(Node node, bool heldBySlot = false) =>
        _temporaries is not null && node.TemporaryPass == _pass && node.SlotCount == (heldBySlot ? 1 : 0) && node.Value.PoolSlot >= 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckOwned(Node node, string name)
    {
        ArgumentNullException.ThrowIfNull(node, name);
        if (!ReferenceEquals(node.Tape, this))
        {
            throw new ArgumentException("The node belongs to another tape. Build all nodes of one computation on the same tape.", name);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Node Record(Node node)
    {
        if (IsRecording)
        {
            node.Index = _nodes.Count;
            _nodes.Add(node);
        }
        else
        {
            if (_temporaries is not null)
            {
                node.TemporaryPass = _pass;
                _temporaries.Add(node);
            }
        }

        return node;
    }
}
