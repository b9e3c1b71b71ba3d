namespace InvTheory.Runtime.Units;

/// <summary>What is wrong with one sample's inputs or output.</summary>
public enum UnitsInputIssueKind
{
    /// <summary>An input used by a feature or the output scaling is zero.</summary>
    ZeroInput,

    /// <summary>An input is NaN or infinite.</summary>
    NotFinite,

    /// <summary>The output scaling takes an even root of a negative product.</summary>
    NegativeUnderRoot,

    /// <summary>A feature or the output scaling exceeds the largest finite double.</summary>
    Overflow,

    /// <summary>A feature or the output scaling falls below the smallest normal double, so it would lose precision or become zero.</summary>
    Underflow,

    /// <summary>The wrapped model returned NaN or an infinity.</summary>
    ModelOutputNotFinite,
}

/// <summary>One problem with one sample, naming the input or feature it concerns.</summary>
/// <param name="Sample">Zero-based index of the sample in the batch.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Quantity">The input, feature or output the problem concerns.</param>
/// <param name="Message">A one-line description with the values involved.</param>
public sealed record UnitsInputIssue(int Sample, UnitsInputIssueKind Kind, string Quantity, string Message);

/// <summary>The outputs of a batch and the problems found; a sample with a problem has output NaN, never an infinity.</summary>
public sealed class UnitsPrediction
{
    internal UnitsPrediction(IReadOnlyList<double> outputs, IReadOnlyList<UnitsInputIssue> issues)
    {
        Outputs = outputs;
        Issues = issues;
    }

    /// <summary>One output per sample: the rescaled model output, or NaN for a sample listed in <see cref="Issues"/>.</summary>
    public IReadOnlyList<double> Outputs { get; }

    /// <summary>The problems found, ordered by sample.</summary>
    public IReadOnlyList<UnitsInputIssue> Issues { get; }

    /// <summary>The samples that have at least one problem, in increasing order.</summary>
    public IReadOnlyList<int> RejectedSamples => Issues.Select(i => i.Sample).Distinct().ToList().AsReadOnly();
}

/// <summary>A single prediction was rejected because its inputs would make a feature or the output invalid.</summary>
public sealed class UnitsInputException : InvTheory.Polynomials.InvariantTheoryException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public UnitsInputException(IReadOnlyList<UnitsInputIssue> issues)
        : base("Units-equivariant model rejected the inputs: " + string.Join(" ", (issues ?? []).Select(i => i.Message)))
    {
        Issues = issues ?? [];
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<UnitsInputIssue> Issues { get; }
}
