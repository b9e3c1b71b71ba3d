using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>
/// A compact set of d x d matrices in insertion order, with lookup by value.
/// </summary>
/// <remarks>
/// <para>
/// Finite matrix groups use few distinct entries (W(E6) in the root basis uses small integers only), so every
/// distinct entry value is stored once in a table and each matrix is stored as d^2 table indices. An index takes
/// one byte while the table has at most 256 values, two bytes up to 65536 values, and four bytes beyond; the store
/// widens itself when the table grows. Indices live in fixed-size chunks, so no single array has to hold the
/// whole group. Lookup uses an open-addressing hash table of element numbers.
/// </para>
/// <para>
/// Not thread-safe while elements are added. Once filling has finished, concurrent readers are safe.
/// </para>
/// </remarks>
internal sealed class ElementStore<T>
    where T : struct, IFieldElement<T>
{
    private const int ChunkShift = 12;

    // Integer values in [-SmallRange, SmallRange) are looked up in an array instead of the dictionary.
    private const int SmallRange = 1024;
    private const int ChunkElements = 1 << ChunkShift;

    private readonly int _entryCount;
    private readonly Dictionary<T, int> _valueIndex = [];
    private readonly List<T> _values = [];
    private readonly int[]? _smallIndex;
    private readonly List<byte[]> _chunks = [];
    private int[] _hashes = new int[ChunkElements];
    private int[] _slots = new int[2 * ChunkElements];
    private int _width = 1;

    /// <summary>Creates an empty store for matrices with <paramref name="entryCount"/> = d^2 entries.</summary>
    public ElementStore(int entryCount)
    {
        _entryCount = entryCount;
        if (typeof(T) == typeof(SmallInteger))
        {
            _smallIndex = new int[2 * SmallRange];
            Array.Fill(_smallIndex, -1);
        }
    }

    /// <summary>Number of stored matrices.</summary>
    public int Count { get; private set; }

    /// <summary>Number of distinct entry values.</summary>
    public int DistinctValueCount => _values.Count;

    /// <summary>Bytes used by the index chunks, the hash table and the value table (an estimate for the values).</summary>
    public long ApproximateBytes =>
        (long)_chunks.Count * ChunkElements * _entryCount * _width + 4L * (_hashes.Length + _slots.Length) + 32L * _values.Count;

    /// <summary>
    /// Adds a matrix given by its row-major entries if it is not present, and returns its element number.
    /// <paramref name="added"/> is true when the matrix was new.
    /// </summary>
    public int Add(ReadOnlySpan<T> entries, out bool added)
    {
        Span<int> indices = _entryCount <= 256 ? stackalloc int[_entryCount] : new int[_entryCount];
        for (int k = 0; k < _entryCount; k++)
        {
            indices[k] = InternValue(entries[k]);
        }

        int hash = Hash(indices);
        int existing = Find(indices, hash);
        if (existing >= 0)
        {
            added = false;
            return existing;
        }

        int number = Count;
        if ((number & (ChunkElements - 1)) == 0)
        {
            _chunks.Add(new byte[ChunkElements * _entryCount * _width]);
        }

        if (number == _hashes.Length)
        {
            Array.Resize(ref _hashes, 2 * _hashes.Length);
        }

        WriteIndices(number, indices);
        _hashes[number] = hash;
        Count = number + 1;
        if (2L * Count > _slots.Length)
        {
            Rehash(2 * _slots.Length);
        }
        else
        {
            InsertSlot(number, hash);
        }

        added = true;
        return number;
    }

    /// <summary>Returns the element number of a matrix given by its row-major entries, or -1 if it is absent.</summary>
    public int IndexOf(ReadOnlySpan<T> entries)
    {
        Span<int> indices = _entryCount <= 256 ? stackalloc int[_entryCount] : new int[_entryCount];
        for (int k = 0; k < _entryCount; k++)
        {
            int index = LookUpValue(entries[k]);
            if (index < 0)
            {
                return -1;
            }

            indices[k] = index;
        }

        return Find(indices, Hash(indices));
    }

    /// <summary>Writes the row-major entries of element <paramref name="number"/> to <paramref name="destination"/>.</summary>
    public void Decode(int number, Span<T> destination)
    {
        if ((uint)number >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"Element number {number} is outside the store of {Count} elements.");
        }

        var chunk = _chunks[number >> ChunkShift];
        int offset = (number & (ChunkElements - 1)) * _entryCount * _width;
        for (int k = 0; k < _entryCount; k++)
        {
            destination[k] = _values[ReadIndex(chunk, offset, k)];
        }
    }

    // Returns the table index of a value, or -1 when the value is not in the table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LookUpValue(T value)
    {
        if (_smallIndex is not null)
        {
            long small = Unsafe.As<T, SmallInteger>(ref value).Value + SmallRange;
            if ((ulong)small < 2 * SmallRange)
            {
                return _smallIndex[small];
            }
        }

        return _valueIndex.TryGetValue(value, out int index) ? index : -1;
    }

    private int InternValue(T value)
    {
        int index = LookUpValue(value);
        if (index >= 0)
        {
            return index;
        }

        index = _values.Count;
        _values.Add(value);
        _valueIndex.Add(value, index);
        if (_smallIndex is not null)
        {
            long small = Unsafe.As<T, SmallInteger>(ref value).Value + SmallRange;
            if ((ulong)small < 2 * SmallRange)
            {
                _smallIndex[small] = index;
            }
        }

        int needed = index < 256 ? 1 : index < 65536 ? 2 : 4;
        if (needed > _width)
        {
            Widen(needed);
        }

        return index;
    }

    private int Find(ReadOnlySpan<int> indices, int hash)
    {
        int mask = _slots.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            int number = entry - 1;
            if (_hashes[number] == hash && Matches(number, indices))
            {
                return number;
            }
        }
    }

    private bool Matches(int number, ReadOnlySpan<int> indices)
    {
        var chunk = _chunks[number >> ChunkShift];
        int offset = (number & (ChunkElements - 1)) * _entryCount * _width;
        for (int k = 0; k < _entryCount; k++)
        {
            if (ReadIndex(chunk, offset, k) != indices[k])
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ReadIndex(byte[] chunk, int offset, int k) => _width switch
    {
        1 => chunk[offset + k],
        2 => chunk[offset + 2 * k] | (chunk[offset + 2 * k + 1] << 8),
        _ => BitConverter.ToInt32(chunk, offset + 4 * k),
    };

    private void WriteIndices(int number, ReadOnlySpan<int> indices)
    {
        var chunk = _chunks[number >> ChunkShift];
        int offset = (number & (ChunkElements - 1)) * _entryCount * _width;
        for (int k = 0; k < _entryCount; k++)
        {
            int v = indices[k];
            switch (_width)
            {
                case 1:
                    chunk[offset + k] = (byte)v;
                    break;
                case 2:
                    chunk[offset + 2 * k] = (byte)v;
                    chunk[offset + 2 * k + 1] = (byte)(v >> 8);
                    break;
                default:
                    BitConverter.TryWriteBytes(chunk.AsSpan(offset + 4 * k, 4), v);
                    break;
            }
        }
    }

    // Re-encodes every stored element with a wider index type once the value table outgrows the current width.
    private void Widen(int width)
    {
        var indices = new int[_entryCount];
        var oldChunks = _chunks.ToArray();
        int oldWidth = _width;
        _chunks.Clear();
        for (int c = 0; c < oldChunks.Length; c++)
        {
            _chunks.Add(new byte[ChunkElements * _entryCount * width]);
        }

        for (int number = 0; number < Count; number++)
        {
            var chunk = oldChunks[number >> ChunkShift];
            int offset = (number & (ChunkElements - 1)) * _entryCount * oldWidth;
            _width = oldWidth;
            for (int k = 0; k < _entryCount; k++)
            {
                indices[k] = ReadIndex(chunk, offset, k);
            }

            _width = width;
            WriteIndices(number, indices);
        }

        _width = width;
    }

    private void Rehash(int slotCount)
    {
        _slots = new int[slotCount];
        for (int number = 0; number < Count; number++)
        {
            InsertSlot(number, _hashes[number]);
        }
    }

    private void InsertSlot(int number, int hash)
    {
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = number + 1;
    }

    // FNV-1a over the table indices followed by a finalizer that spreads the low bits; deterministic across runs.
    private static int Hash(ReadOnlySpan<int> indices)
    {
        uint h = 2166136261;
        foreach (int v in indices)
        {
            h = (h ^ (uint)v) * 16777619;
        }

        h ^= h >> 16;
        h *= 0x7feb352d;
        h ^= h >> 15;
        h *= 0x846ca68b;
        h ^= h >> 16;
        return (int)(h & 0x7fffffff);
    }
}
