using System.Buffers;
using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials;

/// <summary>
/// Scratch arrays for kernels, rented from <see cref="ArrayPool{T}.Shared"/> so that repeated large products do not
/// allocate on the large-object heap every time.
/// </summary>
internal static class ScratchArrays
{
    /// <summary>Returns an array with at least <paramref name="length"/> elements and unspecified contents.</summary>
    public static T[] Rent<T>(int length) => length == 0 ? [] : ArrayPool<T>.Shared.Rent(length);

    /// <summary>Returns an array to the pool; arrays holding references are cleared so they keep nothing alive.</summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    /// <summary>Replaces <paramref name="array"/> by a rented array of at least <paramref name="length"/> elements holding the first <paramref name="count"/> old ones.</summary>
    public static void Grow<T>(ref T[] array, int count, int length)
    {
        var larger = Rent<T>(length);
        Array.Copy(array, larger, count);
        Return(array);
        array = larger;
    }
}
