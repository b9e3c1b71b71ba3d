namespace InvTheory.Polynomials.Groebner;

/// <summary>Which engine computes a Groebner basis.</summary>
public enum GroebnerAlgorithm
{
    /// <summary>
    /// Chooses a sound engine from the input: <see cref="Modular"/> over Q, <see cref="F4"/> over GF(p) with
    /// p &lt; 2^31, <see cref="Buchberger"/> otherwise and whenever cofactors are requested.
    /// </summary>
    Auto,

    /// <summary>Buchberger's algorithm over the coefficient field itself, with the Gebauer-Moeller criteria and the sugar strategy.</summary>
    Buchberger,

    /// <summary>
    /// Over Q: F4 over several 31-bit primes, Chinese remaindering, rational reconstruction and an exact
    /// verification over Q. Other fields use <see cref="Buchberger"/>.
    /// </summary>
    Modular,

    /// <summary>
    /// F4: all pairs of one sugar degree are reduced together on a sparse Macaulay matrix. Works over GF(p) with
    /// p &lt; 2^31; over Q it runs <see cref="Modular"/>, which uses F4 per prime. Other fields raise <see cref="NotSupportedException"/>.
    /// </summary>
    F4,
}

/// <summary>Which limit stopped a Groebner basis computation.</summary>
public enum GroebnerLimit
{
    /// <summary>The sugar degree of the next pair exceeded <see cref="GroebnerOptions.MaxDegree"/>.</summary>
    MaxDegree,

    /// <summary>More than <see cref="GroebnerOptions.MaxPairs"/> pairs were reduced.</summary>
    MaxPairs,

    /// <summary>The run took longer than <see cref="GroebnerOptions.TimeLimit"/>.</summary>
    TimeLimit,
}

/// <summary>Settings of a Groebner basis computation: the engine, truncation, limits and cofactor recording.</summary>
public sealed record GroebnerOptions
{
    /// <summary>The default settings: <see cref="GroebnerAlgorithm.Auto"/>, no limits, no truncation.</summary>
    public static GroebnerOptions Default { get; } = new();

    /// <summary>The engine.</summary>
    public GroebnerAlgorithm Algorithm { get; init; } = GroebnerAlgorithm.Auto;

    /// <summary>
    /// For homogeneous generators only: stop after all pairs and generators of degree at most this bound, returning
    /// a truncated basis (<see cref="GroebnerBasis{T}.IsTruncated"/>). Null computes the whole basis.
    /// </summary>
    public int? DegreeBound { get; init; }

    /// <summary>Limit on the sugar degree of a pair; exceeding it raises <see cref="GroebnerLimitExceededException"/>. Null means no limit.</summary>
    public int? MaxDegree { get; init; }

    /// <summary>Limit on the number of reduced pairs; exceeding it raises <see cref="GroebnerLimitExceededException"/>. Null means no limit.</summary>
    public long? MaxPairs { get; init; }

    /// <summary>Limit on the wall-clock time; exceeding it raises <see cref="GroebnerLimitExceededException"/>. Null means no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// Whether to record cofactors: each basis element as a combination of the generators
    /// (<see cref="GroebnerBasis{T}.Cofactors"/>). Recording forces the <see cref="GroebnerAlgorithm.Buchberger"/> engine.
    /// </summary>
    public bool RecordCofactors { get; init; }

    /// <summary>
    /// Largest number of threads that the modular engine over Q uses, for the primes and for the exact verification;
    /// it is further capped by <see cref="Environment.ProcessorCount"/>, and 1 runs everything on the calling thread.
    /// The other engines are single-threaded. The basis does not depend on this setting.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxDegreeOfParallelism = value;
        }
    }

    private readonly int _maxDegreeOfParallelism = 2;
}

/// <summary>
/// Progress of a Groebner basis computation, reported by Buchberger's algorithm when the sugar degree grows and every
/// few hundred pairs, and by F4 once per matrix.
/// </summary>
/// <param name="Degree">Sugar degree of the pair being reduced.</param>
/// <param name="PairsLeft">Pairs and generators still waiting.</param>
/// <param name="BasisSize">Number of polynomials in the current (not yet reduced) basis.</param>
/// <param name="PairsReduced">Pairs and generators reduced so far.</param>
/// <param name="Phase">What the engine is doing: <c>buchberger</c>, <c>f4</c>, <c>modular p=...</c>, <c>lift</c>, <c>verify</c>, <c>interreduce</c>.</param>
public readonly record struct GroebnerProgress(int Degree, int PairsLeft, int BasisSize, long PairsReduced, string Phase)
{
    /// <summary>Rows of the Macaulay matrix being reduced (F4 engine only; 0 otherwise).</summary>
    public int MatrixRows { get; init; }

    /// <summary>Columns (monomials) of the Macaulay matrix being reduced (F4 engine only; 0 otherwise).</summary>
    public int MatrixColumns { get; init; }
}

/// <summary>A Groebner basis computation stopped at a limit set in <see cref="GroebnerOptions"/>.</summary>
public sealed class GroebnerLimitExceededException : InvariantTheoryException
{
    /// <summary>Creates the exception for the limit that was hit.</summary>
    public GroebnerLimitExceededException(GroebnerLimit limit, string message)
        : base(message)
    {
        Limit = limit;
    }

    /// <summary>The limit that was hit.</summary>
    public GroebnerLimit Limit { get; }
}
