namespace InvTheory.Invariants;

/// <summary>Limits and choices for an invariant-ring computation.</summary>
public sealed record InvariantRingOptions
{
    /// <summary>The default largest degree of an invariant the computation may need.</summary>
    public const int DefaultMaxDegree = 40;

    /// <summary>The default largest group order.</summary>
    public const long DefaultMaxGroupOrder = 100_000;

    /// <summary>The options with every default.</summary>
    public static InvariantRingOptions Default { get; } = new();

    /// <summary>
    /// The largest degree of an invariant the computation may need (a primary invariant, a secondary invariant or a
    /// generator). A computation that needs more stops with <see cref="InvariantRingLimitException"/>.
    /// </summary>
    public int MaxDegree { get; init; } = DefaultMaxDegree;

    /// <summary>The largest group order accepted.</summary>
    public long MaxGroupOrder { get; init; } = DefaultMaxGroupOrder;

    /// <summary>The method for the bases of invariants of one degree.</summary>
    public InvariantAlgorithm Algorithm { get; init; } = InvariantAlgorithm.Auto;

    /// <summary>
    /// Seed of the pseudo-random integer combinations tried while searching primary invariants; the same seed gives
    /// the same result.
    /// </summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Whether <c>InvariantRing.Compute</c> also computes the ideal of relations among the fundamental invariants.</summary>
    public bool ComputeRelations { get; init; }

    /// <summary>The command-line option that raises <see cref="MaxDegree"/>; limit messages name it.</summary>
    public string MaxDegreeOptionName { get; init; } = "--max-degree";

    /// <summary>The command-line option that raises <see cref="MaxGroupOrder"/>; limit messages name it.</summary>
    public string MaxGroupOrderOptionName { get; init; } = "--max-order";
}
