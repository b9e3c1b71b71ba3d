namespace InvTheory.Runtime.Autodiff;

/// <summary>
/// Recycles tensor storage between training steps: tensors rented since the last <see cref="ReleaseAll"/> go back to
/// per-length free lists, so a training loop whose steps have the same shapes stops allocating after the first step.
/// </summary>
internal sealed class TensorPool
{
    private readonly Dictionary<int, Stack<Tensor>> _free = [];
    private readonly List<Tensor> _rented = [];

    /// <summary>Returns a tensor of the given shape with unspecified contents.</summary>
    public Tensor Rent(int rows, int columns)
    {
        int length = rows * columns;
        Tensor tensor;
        if (_free.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            tensor = stack.Pop();
            tensor.Reshape(rows, columns);
        }
        else
        {
            tensor = new Tensor(rows, columns);
        }

        _rented.Add(tensor);
        return tensor;
    }

    /// <summary>Returns a zero tensor of the given shape.</summary>
    public Tensor RentZeroed(int rows, int columns)
    {
        var tensor = Rent(rows, columns);
        tensor.AsSpan().Clear();
        return tensor;
    }

    /// <summary>Returns every rented tensor to the free lists; the caller must hold no references to them.</summary>
    public void ReleaseAll()
    {
        foreach (var tensor in _rented)
        {
            int length = tensor.Data.Length;
            if (!_free.TryGetValue(length, out var stack))
            {
                stack = new Stack<Tensor>();
                _free.Add(length, stack);
            }

            stack.Push(tensor);
        }

        _rented.Clear();
    }
}
