using System.Collections.ObjectModel;
using System.Globalization;
using InvTheory.Representations.Classical;

namespace InvTheory.Testing;

/// <summary>
/// An element of a <see cref="SymmetryGroup"/>: a real matrix g acting on the defining representation V, with a
/// permutation of identical particles when the group is a product G x S_n.
/// </summary>
/// <remarks>
/// A permutation p moves particle j to position p(j). The permutation is empty when the group permutes no particles.
/// </remarks>
public sealed class GroupElement
{
    private static readonly ReadOnlyCollection<int> NoPermutation = Array.AsReadOnly(Array.Empty<int>());

    /// <summary>Creates the element (g, p) with a description for failure reports.</summary>
    /// <exception cref="ArgumentException">g is not square, or <paramref name="permutation"/> is not a permutation of 0..n-1.</exception>
    public GroupElement(RealMatrix matrix, string description, IReadOnlyList<int>? permutation = null)
        : this(matrix, description, permutation, ShrinkKind.None, -1)
    {
    }

    internal GroupElement(RealMatrix matrix, string description, IReadOnlyList<int>? permutation, ShrinkKind kind, int index)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(description);
        if (matrix.RowCount != matrix.ColumnCount)
        {
            throw new ArgumentException($"GroupElement: the matrix must be square; got {matrix.RowCount}x{matrix.ColumnCount}.", nameof(matrix));
        }

        Matrix = matrix;
        Description = description;
        Permutation = permutation is null || permutation.Count == 0 ? NoPermutation : CheckedPermutation(permutation);
        Kind = kind;
        Index = index;
    }

    /// <summary>How the shrinker of the owning group locates this element.</summary>
    internal enum ShrinkKind
    {
        /// <summary>An element built outside a group; it does not shrink.</summary>
        None,

        /// <summary>A random element of a classical group.</summary>
        Random,

        /// <summary>Element <see cref="Index"/> of the owning group's list of simple elements.</summary>
        Simple,

        /// <summary>Element <see cref="Index"/> of a finite group in breadth-first order.</summary>
        Enumerated,
    }

    /// <summary>The matrix g on the defining representation V.</summary>
    public RealMatrix Matrix { get; }

    /// <summary>The permutation p of particles (p[j] is the new position of particle j); empty when no particles are permuted.</summary>
    public IReadOnlyList<int> Permutation { get; }

    /// <summary>A short description, such as <c>reflection diag(-1, 1, 1)</c> or <c>element 17 of Oh (breadth-first order)</c>.</summary>
    public string Description { get; }

    internal ShrinkKind Kind { get; }

    internal int Index { get; }

    /// <summary>Whether the permutation part is the identity (or absent).</summary>
    public bool IsPermutationIdentity => Permutation.Select((image, j) => image == j).All(x => x);

    /// <summary>Returns the same group element with another particle permutation.</summary>
    public GroupElement WithPermutation(IReadOnlyList<int> permutation) => new(Matrix, Description, permutation, Kind, Index);

    /// <summary>Returns the description, the matrix row by row and the permutation, if any.</summary>
    public override string ToString()
    {
        var rows = Enumerable.Range(0, Matrix.RowCount)
            .Select(i => "[" + string.Join(", ", Enumerable.Range(0, Matrix.ColumnCount).Select(j => Format(Matrix[i, j]))) + "]");
        string text = $"{Description}: [{string.Join(", ", rows)}]";
        return Permutation.Count == 0 ? text : $"{text}, particle permutation [{string.Join(", ", Permutation)}]";
    }

    /// <summary>Formats a number with up to 6 significant digits, and exact zeros as 0.</summary>
    internal static string Format(double value) =>
        value == 0 ? "0" : value.ToString("G6", CultureInfo.InvariantCulture);

    private static ReadOnlyCollection<int> CheckedPermutation(IReadOnlyList<int> permutation)
    {
        var seen = new bool[permutation.Count];
        foreach (int image in permutation)
        {
            if ((uint)image >= (uint)permutation.Count || seen[image])
            {
                throw new ArgumentException(
                    $"GroupElement: [{string.Join(", ", permutation)}] is not a permutation of 0..{permutation.Count - 1}.", nameof(permutation));
            }

            seen[image] = true;
        }

        return Array.AsReadOnly(permutation.ToArray());
    }
}
