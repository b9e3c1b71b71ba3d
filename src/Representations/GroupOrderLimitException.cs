using InvTheory.Polynomials;

namespace InvTheory.Representations;

/// <summary>
/// Enumerating a matrix group stopped because the group has more elements than
/// <see cref="GroupEnumerationOptions.MaxOrder"/> allows.
/// </summary>
public sealed class GroupOrderLimitException : InvariantTheoryException
{
    /// <summary>Creates the exception; <paramref name="limit"/> is the element limit that was reached.</summary>
    public GroupOrderLimitException(string message, long limit)
        : base(message)
    {
        Limit = limit;
    }

    /// <summary>The limit on the number of elements that was reached.</summary>
    public long Limit { get; }
}
