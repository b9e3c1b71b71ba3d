using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Constructions;

/// <summary>
/// Applies representation expressions to group definitions, for text such as <c>Oh:Sym2(V)</c> that names a group
/// (a catalogue name or a group file) and a representation built from its defining representation V.
/// </summary>
public static class RepresentationDefinitions
{
    /// <summary>
    /// Returns the group definition that <paramref name="text"/> names: <c>GROUP</c> alone as
    /// <see cref="GroupResolver.Resolve"/> resolves it, or <c>GROUP:EXPRESSION</c> with the expression applied.
    /// A path to an existing file is taken whole, even when it contains a colon.
    /// </summary>
    /// <exception cref="FormatException">The expression after the colon is invalid.</exception>
    /// <exception cref="InvTheory.Polynomials.InvariantTheoryException">The group is not found.</exception>
    public static GroupDefinition Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (File.Exists(text))
        {
            return GroupResolver.Resolve(text);
        }

        var (group, expression) = RepresentationExpression.SplitGroupSpecification(text);
        var definition = GroupResolver.Resolve(group);
        return expression is null ? definition : Apply(definition, expression);
    }

    /// <summary>
    /// Returns the definition of the group acting on the representation <paramref name="expression"/> of V = K^d, with
    /// generators the images of the given generators, entries printed in the field's canonical form, and no stated
    /// order (the new representation need not be faithful).
    /// </summary>
    /// <exception cref="GroupFileException">An entry of the definition is not a scalar of its field.</exception>
    public static GroupDefinition Apply(GroupDefinition definition, RepresentationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(expression);
        return definition.Field.Accept(new ApplyVisitor(definition, expression));
    }

    private sealed class ApplyVisitor(GroupDefinition definition, RepresentationExpression expression) : IFieldVisitor<GroupDefinition>
    {
        public GroupDefinition Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var generators = GroupFile.ParseGenerators(definition, field, $"group '{definition.Name}'");
            var images = expression.Apply(generators);
            var text = images
                .Select(g => (IReadOnlyList<IReadOnlyList<string>>)Enumerable.Range(0, g.RowCount)
                    .Select(i => (IReadOnlyList<string>)g.Row(i).Select(field.Format).ToArray())
                    .ToArray())
                .ToArray();
            string description = $"{expression} of the representation V of {definition.Name}"
                + (definition.Description is null ? string.Empty : $" ({definition.Description})");
            return new GroupDefinition($"{definition.Name}:{expression}", description, definition.Field, expression.Dimension(definition.Dimension), text, null);
        }
    }
}
