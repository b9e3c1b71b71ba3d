using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations;

/// <summary>
/// A conjugacy class {h g h^-1 : h in G} of a finite matrix group, given by a representative.
/// </summary>
/// <typeparam name="T">The element type of the field.</typeparam>
public sealed class ConjugacyClass<T>
    where T : struct, IFieldElement<T>
{
    internal ConjugacyClass(int index, Matrix<T> representative, long size, long elementOrder, int firstElementNumber)
    {
        Index = index;
        Representative = representative;
        Size = size;
        ElementOrder = elementOrder;
        FirstElementNumber = firstElementNumber;
    }

    /// <summary>Position of the class in <see cref="MatrixGroup{T}.ConjugacyClasses"/>, starting at 0.</summary>
    public int Index { get; }

    /// <summary>
    /// The representative: the element of the class that comes first in <see cref="MatrixGroup{T}.Elements"/>.
    /// </summary>
    public Matrix<T> Representative { get; }

    /// <summary>The number of elements in the class; it divides the group order.</summary>
    public long Size { get; }

    /// <summary>The order of every element of the class.</summary>
    public long ElementOrder { get; }

    /// <summary>The trace of the representative, the value of the character of the natural representation on this class.</summary>
    public T Trace => Representative.Trace();

    /// <summary>The position of the representative in <see cref="MatrixGroup{T}.Elements"/>.</summary>
    internal int FirstElementNumber { get; }

    /// <inheritdoc />
    public override string ToString() => $"class {Index}: size {Size}, element order {ElementOrder}, representative {Representative}";
}
