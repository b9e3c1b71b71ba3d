using InvTheory.Polynomials;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Representations;

/// <summary>Finds a group definition from text that names a group file or a catalogue group.</summary>
public static class GroupResolver
{
    /// <summary>
    /// Returns the group definition that <paramref name="groupText"/> names: the group file at that path when one
    /// exists, otherwise the catalogue group of that name (see <see cref="GroupCatalogue"/>). Text of the form
    /// <c>GROUP:EXPRESSION</c>, such as <c>Oh:Sym2(V)</c>, names the group acting on a representation built from V
    /// (see <see cref="Constructions.RepresentationExpression"/>), and <c>particles(GROUP, n)</c>, such as
    /// <c>particles(Oh, 3)</c>, names G x S_n acting on n copies of V (see <see cref="Constructions.ParticleDefinitions"/>).
    /// </summary>
    /// <exception cref="GroupFileException">The file exists but is not a valid group file.</exception>
    /// <exception cref="InvariantTheoryException">There is no such file and no such catalogue name. The message states the reason and the command that lists the catalogue.</exception>
    /// <exception cref="FormatException">The representation expression after the colon is invalid (the message names the position), or the particle count is not an integer of at least 1.</exception>
    /// <exception cref="GroupOrderLimitException">A particle group has more than int.MaxValue elements, the largest enumeration limit.</exception>
    public static GroupDefinition Resolve(string groupText)
    {
        ArgumentNullException.ThrowIfNull(groupText);
        if (File.Exists(groupText))
        {
            return GroupFile.Read(groupText);
        }

        if (Constructions.ParticleDefinitions.TryParse(groupText, out _, out _))
        {
            return Constructions.ParticleDefinitions.Resolve(groupText);
        }

        if (groupText.Contains(':', StringComparison.Ordinal))
        {
            return Constructions.RepresentationDefinitions.Resolve(groupText);
        }

        if (GroupCatalogue.TryGet(groupText, out var definition))
        {
            GroupFile.Validate(definition, $"catalogue group '{definition.Name}'");
            return definition;
        }

        bool looksLikePath = groupText.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || groupText.Contains(Path.DirectorySeparatorChar) || groupText.Contains(Path.AltDirectorySeparatorChar);
        if (looksLikePath)
        {
            throw new InvariantTheoryException(
                $"Group file '{groupText}' was not found (working directory {Environment.CurrentDirectory}). Check the path, or give a catalogue name; 'invtheory groups' lists them.");
        }

        string problem;
        try
        {
            GroupCatalogue.GetEntry(groupText);
            problem = $"Unknown group name '{groupText}'.";
        }
        catch (ArgumentException ex)
        {
            const string parameterSuffix = " (Parameter 'name')";
            problem = ex.Message.EndsWith(parameterSuffix, StringComparison.Ordinal) ? ex.Message[..^parameterSuffix.Length] : ex.Message;
        }

        throw new InvariantTheoryException($"Group '{groupText}' not found: no group file has this path, and no catalogue group has this name. {problem}");
    }
}
