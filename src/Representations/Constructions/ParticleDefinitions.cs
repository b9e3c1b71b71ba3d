using System.Globalization;
using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Constructions;

/// <summary>
/// Resolves group text of the form <c>particles(GROUP, n)</c>: the group G x S_n acting on n copies of the defining
/// representation V of GROUP, where G acts on every copy and S_n permutes the copies (see
/// <see cref="GroupConstructions.Particles{T}"/>). GROUP is any group text that <see cref="GroupResolver.Resolve"/>
/// accepts, such as <c>Oh</c>, <c>Oh:Sym2(V)</c> or a group file.
/// </summary>
public static class ParticleDefinitions
{
    /// <summary>The keyword that starts the syntax, matched case-insensitively.</summary>
    public const string Keyword = "particles";

    /// <summary>
    /// Returns true and the parts when <paramref name="text"/> is <c>particles(GROUP, COUNT)</c> as a whole: the
    /// parenthesis after the keyword closes at the end of the text, and the last comma outside nested parentheses
    /// separates GROUP from COUNT. The count text is returned unparsed.
    /// </summary>
    public static bool TryParse(string text, out string group, out string count)
    {
        ArgumentNullException.ThrowIfNull(text);
        group = string.Empty;
        count = string.Empty;
        string trimmed = text.Trim();
        if (!trimmed.StartsWith(Keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = trimmed[Keyword.Length..].TrimStart();
        if (rest.Length < 2 || rest[0] != '(' || rest[^1] != ')')
        {
            return false;
        }

        // Invariant: depth is the number of parentheses open after rest[0]; the opening one must close at the end.
        int depth = 0;
        int comma = -1;
        for (int i = 1; i < rest.Length - 1; i++)
        {
            char c = rest[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth < 0)
            {
                return false;
            }
            else if (c == ',' && depth == 0)
            {
                comma = i;
            }
        }

        if (depth != 0 || comma < 0)
        {
            return false;
        }

        group = rest[1..comma].Trim();
        count = rest[(comma + 1)..^1].Trim();
        return true;
    }

    /// <summary>Returns the definition that <c>particles(GROUP, n)</c> names.</summary>
    /// <exception cref="FormatException">The text is not of this form, or n is not an integer of at least 1.</exception>
    /// <exception cref="GroupOrderLimitException">|G| n! (n! alone when GROUP states no order) exceeds the largest enumeration limit, int.MaxValue.</exception>
    /// <exception cref="Polynomials.InvariantTheoryException">GROUP is not found.</exception>
    public static GroupDefinition Resolve(string text)
    {
        if (!TryParse(text, out string groupText, out string countText))
        {
            throw new FormatException($"'{text}' is not of the form particles(GROUP, n), such as particles(Oh, 3) or particles(S4:Sym2(V), 2).");
        }

        if (!int.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int particles))
        {
            throw new FormatException($"{text}: the number of particles '{countText}' is not an integer; write for example particles({groupText}, 3).");
        }

        if (particles < 1)
        {
            throw new FormatException($"{text}: the number of particles must be at least 1; got {particles}.");
        }

        return Apply(GroupResolver.Resolve(groupText), particles);
    }

    /// <summary>
    /// Returns the definition of G x S_n acting on V^n with the generators of <see cref="RepresentationConstructions.Particles{T}"/>.
    /// Its stated order is |G| n! when <paramref name="definition"/> states |G|: the action is faithful, because a block
    /// permutation times diag(g, ..., g) is the identity only for the identity permutation and g = I.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particles"/> is below 1.</exception>
    /// <exception cref="GroupOrderLimitException">
    /// The order |G| n! (n! when |G| is not stated, which is a lower bound) exceeds int.MaxValue, the largest
    /// enumeration limit (<c>--max-order</c> on the command line), so the group cannot be enumerated.
    /// </exception>
    public static GroupDefinition Apply(GroupDefinition definition, int particles)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(particles, 1);
        BigInteger factorial = BigInteger.One;
        for (int j = 2; j <= particles; j++)
        {
            factorial *= j;
        }

        string name = $"{Keyword}({definition.Name}, {particles})";
        BigInteger lowerBound = (definition.Order ?? BigInteger.One) * factorial;
        if (lowerBound > int.MaxValue)
        {
            string orderText = definition.Order is { } order ? $"{order} * {particles}! = {lowerBound}" : $"at least {particles}! = {lowerBound}";
            throw new GroupOrderLimitException(
                $"Group '{name}' has {orderText} elements, above {int.MaxValue}, the largest enumeration limit (--max-order on the command line, "
                + "GroupEnumerationOptions.MaxOrder in C#). Use fewer particles.",
                int.MaxValue);
        }

        return definition.Field.Accept(new ApplyVisitor(definition, particles, name, definition.Order is null ? null : lowerBound));
    }

    private sealed class ApplyVisitor(GroupDefinition definition, int particles, string name, BigInteger? order) : IFieldVisitor<GroupDefinition>
    {
        public GroupDefinition Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var generators = GroupFile.ParseGenerators(definition, field, $"group '{definition.Name}'");
            var images = RepresentationConstructions.Particles(field, definition.Dimension, generators, particles);
            var text = images
                .Select(g => (IReadOnlyList<IReadOnlyList<string>>)Enumerable.Range(0, g.RowCount)
                    .Select(i => (IReadOnlyList<string>)g.Row(i).Select(field.Format).ToArray())
                    .ToArray())
                .ToArray();
            int d = definition.Dimension;
            string description = $"{definition.Name} x S{particles} acting on {particles} copies of V, {d} coordinates per particle in particle order";
            return new GroupDefinition(name, description, definition.Field, checked(d * particles), text, order);
        }
    }
}
