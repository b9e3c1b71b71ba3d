using System.Numerics;
using InvTheory.Polynomials;

namespace InvTheory.Representations;

/// <summary>
/// The error raised when enumerating a matrix group finds a different number of elements than its stated order.
/// </summary>
public sealed class GroupOrderMismatchException : InvariantTheoryException
{
    /// <summary>Creates the exception with the stated order and the order of the group the generators generate.</summary>
    public GroupOrderMismatchException(string message, BigInteger statedOrder, BigInteger enumeratedOrder)
        : base(message)
    {
        StatedOrder = statedOrder;
        EnumeratedOrder = enumeratedOrder;
    }

    /// <summary>The order that the group definition states.</summary>
    public BigInteger StatedOrder { get; }

    /// <summary>The number of elements that the generators generate.</summary>
    public BigInteger EnumeratedOrder { get; }
}
