using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        tensor.PoolSlot = _rented.Count;
        _rented.Add(tensor);
        return tensor;
    }

    /// <summary>Returns a zero tensor of the given shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Tensor RentZeroed(int rows, int columns)
    {
        var tensor = Rent(rows, columns);
        tensor.AsSpan().Clear();
        return tensor;
    }

    /// <summary>Returns every rented tensor to the free lists; the caller must hold no references to them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReleaseAll()
    {
        foreach (var tensor in _rented)
        {
            PushFree(tensor);
        }

        _rented.Clear();
    }

    /// <summary>Returns one rented tensor to its free list before the next <see cref="ReleaseAll"/>; nothing may use it afterwards.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not currently rented from this pool.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Release(Tensor tensor)
    {
        int slot = tensor.PoolSlot;
        if (slot < 0 || slot >= _rented.Count || !ReferenceEquals(_rented[slot], tensor))
        {
            throw new InvalidOperationException("TensorPool.Release: the tensor is not rented from this pool; this points to a bug.");
        }

        // Swap-remove keeps the release O(1); the moved tensor records its new position.
        var moved = _rented[^1];
        _rented[slot] = moved;
        moved.PoolSlot = slot;
        _rented.RemoveAt(_rented.Count - 1);
        PushFree(tensor);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PushFree(Tensor tensor)
    {
        tensor.PoolSlot = -1;
        int length = tensor.Data.Length;
        if (!_free.TryGetValue(length, out var stack))
        {
            stack = new Stack<Tensor>();
            _free.Add(length, stack);
        }

        stack.Push(tensor);
    }
}
