using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations;

/// <summary>
/// A finite matrix group as written in a group file or produced by the catalogue: the field, the dimension
/// and generator matrices whose entries are scalars in the field's text notation (<c>"-1/2"</c>, <c>"z^2+z^3"</c>).
/// A matrix g acts on column vectors, x -&gt; g x.
/// </summary>
/// <param name="Name">Short name, such as <c>coxeter_H3</c> or <c>W(E6)</c>.</param>
/// <param name="Description">Optional human-readable description.</param>
/// <param name="Field">The field the entries live in.</param>
/// <param name="Dimension">The size d of the d x d generator matrices.</param>
/// <param name="Generators">Generator matrices, each a list of rows of scalar text.</param>
/// <param name="Order">The group order if it is stated; a stated order is checked when the group is enumerated.</param>
public sealed record GroupDefinition(
    string Name,
    string? Description,
    FieldSpec Field,
    int Dimension,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Generators,
    BigInteger? Order);
