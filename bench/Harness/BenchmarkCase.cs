namespace InvTheory.Bench.Harness;

/// <summary>
/// One computation measured in InvTheory and, side by side, in zero or more peer systems.
/// </summary>
/// <remarks>
/// <see cref="Setup"/> builds the input outside the timed region before every run, so that results cached inside
/// immutable objects never carry over from one run to the next. <see cref="Run"/> is the timed computation; it returns a
/// short check text (such as <c>rank 200</c>) that is compared with the check text printed by each peer.
/// </remarks>
public sealed record BenchmarkCase
{
    private BenchmarkCase(string name, string description, Func<object> setup, Func<object, string> run, IReadOnlyList<PeerCase> peers)
    {
        Name = name;
        Description = description;
        Setup = setup;
        Run = run;
        Peers = peers;
    }

    /// <summary>Short identifier, unique in its suite, such as <c>rref-q-200</c>.</summary>
    public string Name { get; }

    /// <summary>One line that describes the computation, with sizes.</summary>
    public string Description { get; }

    /// <summary>Builds a fresh input (not timed).</summary>
    public Func<object> Setup { get; }

    /// <summary>Runs the computation on an input from <see cref="Setup"/> and returns the check text (timed).</summary>
    public Func<object, string> Run { get; }

    /// <summary>The same computation in peer systems.</summary>
    public IReadOnlyList<PeerCase> Peers { get; }

    /// <summary>Number of timed runs when the command line does not set one; heavy cases lower it.</summary>
    public int DefaultRuns { get; init; } = 5;

    /// <summary>Creates a case with a typed input.</summary>
    public static BenchmarkCase Create<TInput>(
        string name, string description, Func<TInput> setup, Func<TInput, string> run, params PeerCase[] peers)
        where TInput : notnull
        => new(name, description, () => setup(), input => run((TInput)input), peers);
}

/// <summary>
/// The computation of a <see cref="BenchmarkCase"/> written for one peer system.
/// </summary>
/// <param name="Peer">Name of the peer in <see cref="PeerCatalog"/>: <c>Singular</c>, <c>GAP</c>, <c>PyTorch</c> or <c>Macaulay2</c>.</param>
/// <param name="Method">What the peer runs, shown in the table, such as <c>gauss_row (matrix.lib)</c>.</param>
/// <param name="Setup">Script that builds the input (not timed).</param>
/// <param name="Computation">Script of the timed computation.</param>
/// <param name="Check">
/// Script expression whose string value is compared with the check text of InvTheory, or null for none. A check text is
/// a list of fields <c>key value</c> separated by <c>"; "</c>; a peer may state a subset of the fields of InvTheory.
/// </param>
public sealed record PeerCase(string Peer, string Method, string Setup, string Computation, string? Check)
{
    /// <summary>Number of timed runs when the command line does not set one.</summary>
    public int DefaultRuns { get; init; } = 3;

    /// <summary>Untimed warm-up runs before the timed ones.</summary>
    public int WarmupRuns { get; init; } = 1;

    /// <summary>
    /// The word the check column shows when the peer's check disagrees with InvTheory's: <c>MISMATCH</c>, or
    /// <c>wrong</c> when InvTheory's value has been compared with independent reference values, so the peer is at fault.
    /// </summary>
    public string MismatchLabel { get; init; } = "MISMATCH";

    /// <summary>Why the peer cannot run this case (for example a coefficient field it does not support), or null.</summary>
    public string? Unsupported { get; init; }
}
