using System.Text;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <summary>Factory methods for <see cref="SparseVector{T}"/>.</summary>
public static class SparseVector
{
    /// <summary>
    /// Returns the vector with the given (column, value) entries. Entries may come in any order; values at the same
    /// column are added, and zeros are dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A column index is negative.</exception>
    public static SparseVector<T> Create<T>(IEnumerable<KeyValuePair<int, T>> entries)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<int, T>>(entries);
        foreach (var entry in list)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(entry.Key, nameof(entries));
        }

        list.Sort(static (x, y) => x.Key.CompareTo(y.Key));
        var indices = new List<int>(list.Count);
        var values = new List<T>(list.Count);
        int k = 0;
        while (k < list.Count)
        {
            int column = list[k].Key;
            T sum = list[k].Value;
            k++;
            while (k < list.Count && list[k].Key == column)
            {
                sum += list[k].Value;
                k++;
            }

            if (!sum.IsZero)
            {
                indices.Add(column);
                values.Add(sum);
            }
        }

        return new SparseVector<T>(indices.ToArray(), values.ToArray());
    }

    /// <summary>Returns the vector with the given strictly increasing column indices and values; zero values are dropped.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or the indices are not strictly increasing and nonnegative.</exception>
    public static SparseVector<T> FromSorted<T>(IReadOnlyList<int> indices, IReadOnlyList<T> values)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        if (indices.Count != values.Count)
        {
            throw new ArgumentException($"SparseVector.FromSorted: {indices.Count} indices but {values.Count} values; the counts must match.", nameof(values));
        }

        var keptIndices = new List<int>(indices.Count);
        var keptValues = new List<T>(indices.Count);
        int previous = -1;
        for (int k = 0; k < indices.Count; k++)
        {
            if (indices[k] <= previous)
            {
                throw new ArgumentException(
                    $"SparseVector.FromSorted: index {indices[k]} at position {k} does not exceed the previous index {previous}; indices must be strictly increasing and nonnegative.",
                    nameof(indices));
            }

            previous = indices[k];
            if (!values[k].IsZero)
            {
                keptIndices.Add(indices[k]);
                keptValues.Add(values[k]);
            }
        }

        return new SparseVector<T>(keptIndices.ToArray(), keptValues.ToArray());
    }

    /// <summary>Returns the sparse form of a dense vector (entry j goes to column j).</summary>
    public static SparseVector<T> FromDense<T>(IReadOnlyList<T> dense)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(dense);
        int count = 0;
        for (int j = 0; j < dense.Count; j++)
        {
            if (!dense[j].IsZero)
            {
                count++;
            }
        }

        var indices = new int[count];
        var values = new T[count];
        int k = 0;
        for (int j = 0; j < dense.Count; j++)
        {
            if (!dense[j].IsZero)
            {
                indices[k] = j;
                values[k] = dense[j];
                k++;
            }
        }

        return new SparseVector<T>(indices, values);
    }
}

/// <summary>
/// An immutable sparse vector over a field: the nonzero entries as strictly increasing column indices with their values.
/// </summary>
/// <remarks>
/// The vector has no fixed length; every column that is not stored is zero. Stored values are never zero, so
/// the representation is canonical and equality compares it directly.
/// </remarks>
public sealed class SparseVector<T> : IEquatable<SparseVector<T>>
    where T : struct, IFieldElement<T>
{
    private readonly int[] _indices;
    private readonly T[] _values;

    /// <summary>Takes ownership of the arrays, which must be canonical (strictly increasing indices, nonzero values).</summary>
    internal SparseVector(int[] indices, T[] values)
    {
        _indices = indices;
        _values = values;
    }

    /// <summary>The zero vector.</summary>
    public static SparseVector<T> Zero { get; } = new([], []);

    /// <summary>Number of nonzero entries.</summary>
    public int Count => _indices.Length;

    /// <summary>Whether this is the zero vector.</summary>
    public bool IsZero => _indices.Length == 0;

    /// <summary>Column of the first nonzero entry, or -1 for the zero vector.</summary>
    public int LeadingIndex => _indices.Length == 0 ? -1 : _indices[0];

    /// <summary>Column of the last nonzero entry, or -1 for the zero vector.</summary>
    public int LastIndex => _indices.Length == 0 ? -1 : _indices[^1];

    /// <summary>The columns of the nonzero entries, strictly increasing.</summary>
    public IReadOnlyList<int> Indices => Array.AsReadOnly(_indices);

    /// <summary>The nonzero values, in the order of <see cref="Indices"/>.</summary>
    public IReadOnlyList<T> Values => Array.AsReadOnly(_values);

    /// <summary>The column indices as a span, for kernels.</summary>
    public ReadOnlySpan<int> IndexSpan => _indices;

    /// <summary>The values as a span, for kernels.</summary>
    public ReadOnlySpan<T> ValueSpan => _values;

    /// <summary>Entry at <paramref name="column"/> (zero when not stored).</summary>
    public T this[int column]
    {
        get
        {
            int k = Array.BinarySearch(_indices, column);
            return k >= 0 ? _values[k] : default;
        }
    }

    /// <summary>Returns the dense form with <paramref name="length"/> entries.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A nonzero entry lies at or beyond <paramref name="length"/>.</exception>
    public IReadOnlyList<T> ToDense(int length)
    {
        if (LastIndex >= length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The vector has a nonzero entry at column {LastIndex}, beyond length {length}.");
        }

        var dense = new T[length];
        for (int k = 0; k < _indices.Length; k++)
        {
            dense[_indices[k]] = _values[k];
        }

        return Array.AsReadOnly(dense);
    }

    /// <summary>Returns c * v.</summary>
    public SparseVector<T> Scale(T c)
    {
        if (c.IsZero)
        {
            return Zero;
        }

        var values = new T[_values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = c * _values[k];
        }

        return new SparseVector<T>(_indices, values);
    }

    /// <summary>Returns this + c * other.</summary>
    public SparseVector<T> AddScaled(SparseVector<T> other, T c)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (c.IsZero || other.IsZero)
        {
            return this;
        }

        return Merge(_indices, _values, other._indices, other._values, MergeMode.AddScaled, c);
    }

    /// <summary>Returns the sum.</summary>
    public static SparseVector<T> operator +(SparseVector<T> a, SparseVector<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return b.IsZero ? a : Merge(a._indices, a._values, b._indices, b._values, MergeMode.Add, default);
    }

    /// <summary>Returns the difference.</summary>
    public static SparseVector<T> operator -(SparseVector<T> a, SparseVector<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return b.IsZero ? a : Merge(a._indices, a._values, b._indices, b._values, MergeMode.Subtract, default);
    }

    /// <summary>Returns the negation.</summary>
    public static SparseVector<T> operator -(SparseVector<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var values = new T[a._values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = -a._values[k];
        }

        return new SparseVector<T>(a._indices, values);
    }

    /// <summary>Returns the dot product with another sparse vector.</summary>
    public T Dot(SparseVector<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        T sum = default;
        int a = 0, b = 0;
        while (a < _indices.Length && b < other._indices.Length)
        {
            int difference = _indices[a] - other._indices[b];
            if (difference == 0)
            {
                sum += _values[a] * other._values[b];
                a++;
                b++;
            }
            else if (difference < 0)
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return sum;
    }

    /// <inheritdoc />
    public bool Equals(SparseVector<T>? other) =>
        other is not null && _indices.AsSpan().SequenceEqual(other._indices) && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SparseVector<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (int k = 0; k < _indices.Length; k++)
        {
            hash.Add(_indices[k]);
            hash.Add(_values[k].GetHashCode());
        }

        return hash.ToHashCode();
    }

    /// <summary>Text such as <c>{0: 1, 5: -2/3}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        for (int k = 0; k < _indices.Length; k++)
        {
            if (k > 0)
            {
                text.Append(", ");
            }

            text.Append(_indices[k]).Append(": ").Append(_values[k].ToString());
        }

        return text.Append('}').ToString();
    }

    private enum MergeMode
    {
        Add,
        Subtract,
        AddScaled,
    }

    // The field-independent one of some element types (ModInt) cannot be negated, so subtraction is its own mode
    // instead of a scaling by -1.
    private static T Combine(T left, T right, MergeMode mode, T c) => mode switch
    {
        MergeMode.Add => left + right,
        MergeMode.Subtract => left - right,
        _ => left + c * right,
    };

    private static SparseVector<T> Merge(int[] leftIndices, T[] leftValues, int[] rightIndices, T[] rightValues, MergeMode mode, T c)
    {
        var indices = new int[leftIndices.Length + rightIndices.Length];
        var values = new T[indices.Length];
        int a = 0, b = 0, n = 0;
        while (a < leftIndices.Length || b < rightIndices.Length)
        {
            int column;
            T value;
            if (b == rightIndices.Length || (a < leftIndices.Length && leftIndices[a] < rightIndices[b]))
            {
                column = leftIndices[a];
                value = leftValues[a++];
            }
            else if (a == leftIndices.Length || rightIndices[b] < leftIndices[a])
            {
                column = rightIndices[b];
                value = Combine(default, rightValues[b++], mode, c);
            }
            else
            {
                column = leftIndices[a];
                value = Combine(leftValues[a++], rightValues[b++], mode, c);
            }

            if (!value.IsZero)
            {
                indices[n] = column;
                values[n] = value;
                n++;
            }
        }

        return new SparseVector<T>(indices[..n], values[..n]);
    }
}
