namespace InvTheory.Representations;

/// <summary>Limits for enumerating the elements of a matrix group.</summary>
public sealed record GroupEnumerationOptions
{
    /// <summary>The default limit on the number of elements, 5,000,000.</summary>
    public const long DefaultMaxOrder = 5_000_000;

    /// <summary>The default options.</summary>
    public static GroupEnumerationOptions Default { get; } = new();

    /// <summary>
    /// The largest group order that enumeration accepts; a larger group stops with a
    /// <see cref="GroupOrderLimitException"/>. Each element is stored once, so memory grows linearly with it.
    /// At most <see cref="int.MaxValue"/>.
    /// </summary>
    public long MaxOrder
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, int.MaxValue);
            field = value;
        }
    } = DefaultMaxOrder;
}

/// <summary>The phase of a group computation that a <see cref="GroupProgress"/> report refers to.</summary>
public enum GroupComputationPhase
{
    /// <summary>Checking that every generator has finite order.</summary>
    CheckingGenerators,

    /// <summary>Enumerating the elements by closure under multiplication with the generators.</summary>
    Enumerating,

    /// <summary>Splitting the elements into conjugacy classes.</summary>
    ConjugacyClasses,

    /// <summary>Summing the class contributions of a Molien series.</summary>
    MolienSeries,
}

/// <summary>A progress report of a group computation.</summary>
/// <param name="Phase">The phase that is running.</param>
/// <param name="Done">Elements, classes or generators processed so far in this phase.</param>
/// <param name="Total">The total for this phase when it is known in advance, otherwise null.</param>
public sealed record GroupProgress(GroupComputationPhase Phase, long Done, long? Total);
