using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// A homogeneous polynomial of one degree as a coefficient list over the indices of a <see cref="MonomialTable.Level"/>:
/// strictly increasing indices (so the leading term comes first) with nonzero coefficients.
/// </summary>
internal readonly record struct SparseTerms<T>(int[] Indices, T[] Values)
    where T : struct, IFieldElement<T>
{
    public int Count => Indices.Length;

    public bool IsZero => Indices.Length == 0;

    /// <summary>Index of the leading monomial, or -1 for zero.</summary>
    public int Lead => Indices.Length == 0 ? -1 : Indices[0];

    public static SparseTerms<T> Empty { get; } = new([], []);
}

/// <summary>A dense accumulator over the monomials of one degree that returns the nonzero entries in index order.</summary>
internal sealed class DenseAccumulator<T>
    where T : struct, IFieldElement<T>
{
    private readonly T[] _values;
    private readonly bool[] _used;
    private readonly List<int> _touched = [];

    public DenseAccumulator(int length)
    {
        _values = new T[length];
        _used = new bool[length];
    }

    public void Add(int index, T value)
    {
        if (!_used[index])
        {
            _used[index] = true;
            _values[index] = value;
            _touched.Add(index);
        }
        else
        {
            _values[index] += value;
        }
    }

    /// <summary>Returns the accumulated nonzero entries sorted by index and clears the accumulator.</summary>
    public SparseTerms<T> Drain()
    {
        _touched.Sort();
        int count = 0;
        foreach (int i in _touched)
        {
            if (!_values[i].IsZero)
            {
                count++;
            }
        }

        var indices = new int[count];
        var values = new T[count];
        int k = 0;
        foreach (int i in _touched)
        {
            if (!_values[i].IsZero)
            {
                indices[k] = i;
                values[k++] = _values[i];
            }

            _used[i] = false;
            _values[i] = default;
        }

        _touched.Clear();
        return new SparseTerms<T>(indices, values);
    }
}
