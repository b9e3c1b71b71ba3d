using InvTheory.Polynomials;

namespace InvTheory.Representations;

/// <summary>A generator of a matrix group has infinite order, so the group is not finite.</summary>
public sealed class GroupNotFiniteException : InvariantTheoryException
{
    /// <summary>Creates the exception for the generator with 1-based number <paramref name="generatorNumber"/>.</summary>
    public GroupNotFiniteException(string message, int generatorNumber)
        : base(message)
    {
        GeneratorNumber = generatorNumber;
    }

    /// <summary>The 1-based number of the generator of infinite order.</summary>
    public int GeneratorNumber { get; }
}
