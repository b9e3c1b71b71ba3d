using System.Text.Json.Nodes;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Export;

/// <summary>One term c * x^e of an exported polynomial: the exact coefficient, its double value and the exponents.</summary>
/// <param name="Coefficient">The nearest double to the real value of the coefficient; NaN when the coefficient is not a real number.</param>
/// <param name="ExactCoefficient">The coefficient in the field's text form, such as <c>-3/2</c> or <c>z^2+z^3</c>.</param>
/// <param name="IsNegative">Whether the coefficient prints with a leading minus sign.</param>
/// <param name="LatexMagnitude">The LaTeX text of the coefficient without its sign (parenthesised when it is a sum).</param>
/// <param name="Exponents">The exponent of each variable, in the order of <see cref="ExportedResult.Variables"/>; negative only for Buckingham-Pi groups.</param>
public sealed record ExportTerm(double Coefficient, string ExactCoefficient, bool IsNegative, string LatexMagnitude, IReadOnlyList<int> Exponents);

/// <summary>One exported polynomial map: its name, degree, and per output component the exact text and the terms.</summary>
public sealed class ExportElement
{
    /// <summary>Creates the element.</summary>
    public ExportElement(string name, int degree, IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<ExportTerm>> terms)
    {
        Name = name;
        Degree = degree;
        Texts = texts;
        Terms = terms;
    }

    /// <summary>The stored name (such as <c>&lt;v1,v2&gt;</c>), or the polynomial text when the result names none.</summary>
    public string Name { get; }

    /// <summary>The total degree (for Buckingham-Pi groups: the sum of the exponents).</summary>
    public int Degree { get; }

    /// <summary>The canonical polynomial text of each component.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>The terms of each component, in the ring's monomial order.</summary>
    public IReadOnlyList<IReadOnlyList<ExportTerm>> Terms { get; }

    /// <summary>The number of output components: 1 for a scalar, the output dimension for an equivariant.</summary>
    public int ComponentCount => Texts.Count;
}

/// <summary>A named list of exported elements, such as the primary invariants or the equivariant basis.</summary>
/// <param name="Name">The result field it comes from: <c>primary</c>, <c>secondary</c>, <c>irreducible_secondary</c>, <c>fundamental</c>, <c>basis</c>, <c>invariants</c>, <c>module_generators</c>, <c>primary_invariants</c> or <c>groups</c>.</param>
/// <param name="Title">A heading for documents, such as <c>primary invariants</c>.</param>
/// <param name="Symbol">The symbol of the elements in LaTeX, such as <c>p</c> or <c>F</c>.</param>
/// <param name="IsVectorValued">Whether the elements are equivariant maps (one component per output coordinate) rather than scalars.</param>
/// <param name="Elements">The elements in the order of the result file.</param>
public sealed record ExportSection(string Name, string Title, string Symbol, bool IsVectorValued, IReadOnlyList<ExportElement> Elements);

/// <summary>The symmetry that the exported maps respect, with what the generated equivariance check needs to sample it.</summary>
public abstract record ExportSymmetry;

/// <summary>
/// A finite matrix group: for each stored element its matrix on V, on the input and on the output (row-major doubles).
/// With <paramref name="IsClosure"/> the elements are the whole group; otherwise they are the generators and their
/// inverses, and the check multiplies random words in them.
/// </summary>
public sealed record FiniteSymmetry(
    int DefiningDimension, int InputDimension, int OutputDimension, bool IsClosure, IReadOnlyList<FiniteGroupElement> Elements) : ExportSymmetry;

/// <summary>One element of a finite group: its matrices on V, the input and the output, row-major.</summary>
public sealed record FiniteGroupElement(IReadOnlyList<double> Defining, IReadOnlyList<double> Input, IReadOnlyList<double> Output);

/// <summary>
/// A classical group (O(d), SO(d), O(1,d-1), SO+(1,d-1)) acting on the direct sum of <paramref name="Inputs"/> and on
/// <paramref name="Output"/>, both expressions in the defining representation V. With <paramref name="Translations"/>
/// the summands V are positions that may also be translated; with <paramref name="Permutations"/> runs of equal
/// summands may also be permuted.
/// </summary>
public sealed record ClassicalSymmetry(
    string GroupName, string Family, int Dimension, IReadOnlyList<RepresentationExpression> Inputs, RepresentationExpression Output,
    bool Translations, bool Permutations) : ExportSymmetry;

/// <summary>
/// Rescalings of units: a positive scale s_k per base dimension multiplies variable v by prod_k s_k^D[k, v]; the
/// Buckingham-Pi groups are invariant. <paramref name="DimensionMatrix"/> has one row per base dimension.
/// </summary>
public sealed record ScalingSymmetry(IReadOnlyList<string> DimensionNames, IReadOnlyList<IReadOnlyList<int>> DimensionMatrix) : ExportSymmetry;

/// <summary>
/// A verified result file prepared for export: the canonical document, the group and representations, the variables
/// in column order, the sections of polynomials with exact and double coefficients, and the symmetry.
/// </summary>
public sealed class ExportedResult
{
    /// <summary>Creates the result.</summary>
    internal ExportedResult(
        JsonObject document,
        string kind,
        int version,
        string field,
        string groupName,
        string? groupOrder,
        string groupType,
        string input,
        string output,
        IReadOnlyList<string> variables,
        IReadOnlyList<ExportSection> sections,
        ExportSymmetry? symmetry,
        string? numericProblem,
        int passedChecks)
    {
        Document = document;
        Kind = kind;
        Version = version;
        Field = field;
        GroupName = groupName;
        GroupOrder = groupOrder;
        GroupType = groupType;
        Input = input;
        Output = output;
        Variables = variables;
        Sections = sections;
        Symmetry = symmetry;
        NumericProblem = numericProblem;
        PassedChecks = passedChecks;
    }

    /// <summary>The verified result document as read.</summary>
    public JsonObject Document { get; }

    /// <summary>The envelope kind: <c>ring</c>, <c>equivariants</c> or <c>pi</c>.</summary>
    public string Kind { get; }

    /// <summary>The envelope version.</summary>
    public int Version { get; }

    /// <summary>The coefficient field, such as <c>Q</c> or <c>Q(zeta_5)</c>.</summary>
    public string Field { get; }

    /// <summary>The group name, such as <c>Oh</c>, <c>O(3)</c>, or <c>unit rescalings</c> for a Buckingham-Pi result.</summary>
    public string GroupName { get; }

    /// <summary>The group order as decimal text, or null for infinite groups.</summary>
    public string? GroupOrder { get; }

    /// <summary><c>finite</c>, <c>classical</c> or <c>scaling</c>.</summary>
    public string GroupType { get; }

    /// <summary>The input representation, such as <c>V</c> or <c>V + V</c>.</summary>
    public string Input { get; }

    /// <summary>The output representation: <c>1</c> (trivial) for invariants.</summary>
    public string Output { get; }

    /// <summary>The variable names in column order of the inputs.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The sections of polynomials in the order of the result file.</summary>
    public IReadOnlyList<ExportSection> Sections { get; }

    /// <summary>The symmetry for the generated equivariance check, or null when it cannot be sampled.</summary>
    public ExportSymmetry? Symmetry { get; }

    /// <summary>Why the coefficients have no double values (a field of positive characteristic or a non-real coefficient), or null when they do.</summary>
    public string? NumericProblem { get; }

    /// <summary>The number of certificate checks that passed when the file was read.</summary>
    public int PassedChecks { get; }

    /// <summary>Returns the section named <paramref name="name"/>, or null.</summary>
    public ExportSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);
}
