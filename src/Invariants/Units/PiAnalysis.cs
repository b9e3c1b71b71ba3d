using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Invariants.Units;

/// <summary>The result of a Buckingham-Pi analysis: the dimensionless groups, the target scaling, notes and the certificate.</summary>
public sealed class PiAnalysis
{
    internal PiAnalysis(
        UnitsTable table,
        IntegerMatrix dimensionMatrix,
        IReadOnlyList<PowerProduct> groups,
        PowerProduct? targetScaling,
        string? targetScalingNote,
        bool usesRepeatingForm,
        IReadOnlyList<string> notes,
        PiCertificate certificate)
    {
        Table = table;
        DimensionMatrix = dimensionMatrix;
        Groups = groups;
        TargetScaling = targetScaling;
        TargetScalingNote = targetScalingNote;
        UsesRepeatingForm = usesRepeatingForm;
        Notes = notes;
        Certificate = certificate;
    }

    /// <summary>The analysed table (variables, target, repeating set).</summary>
    public UnitsTable Table { get; }

    /// <summary>The base dimensions that occur, in canonical order: the rows of <see cref="DimensionMatrix"/>.</summary>
    public IReadOnlyList<string> DimensionNames => PiCertificate.DimensionNames(Table.Variables);

    /// <summary>The dimension matrix: entry (i, j) is the exponent of base dimension i in variable j.</summary>
    public IntegerMatrix DimensionMatrix { get; }

    /// <summary>The rank of the dimension matrix; there are n - rank groups.</summary>
    public int Rank => Certificate.DimensionRank;

    /// <summary>
    /// The dimensionless groups: a basis of the lattice of all dimensionless products with integer exponents, in the
    /// canonical order and signs described in docs/units.md.
    /// </summary>
    public IReadOnlyList<PowerProduct> Groups { get; }

    /// <summary>
    /// A product of powers of the other variables with the target's dimension, so that target / scaling is one of the
    /// groups; null when there is no target or no integer scaling exists (see <see cref="TargetScalingNote"/>).
    /// </summary>
    public PowerProduct? TargetScaling { get; }

    /// <summary>Why <see cref="TargetScaling"/> is null although a target is set; null otherwise.</summary>
    public string? TargetScalingNote { get; }

    /// <summary>Whether the groups are in repeating-variable form: each non-repeating variable times powers of the repeating ones.</summary>
    public bool UsesRepeatingForm { get; }

    /// <summary>Remarks about degenerate tables and about repeating sets that need fractional exponents.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The recomputed certificate of the groups and the target scaling.</summary>
    public PiCertificate Certificate { get; }
}
