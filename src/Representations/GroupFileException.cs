using InvTheory.Polynomials;

namespace InvTheory.Representations;

/// <summary>
/// A group file or group definition is invalid: malformed JSON, a missing or unknown field, a wrong size,
/// or an entry that is not a scalar of the field. The message names the source and the position.
/// </summary>
public sealed class GroupFileException : InvariantTheoryException
{
    /// <summary>Creates the exception for the file or definition named <paramref name="source"/>.</summary>
    public GroupFileException(string source, string message)
        : base($"{source}: {message}")
    {
        SourceName = source;
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    public GroupFileException(string source, string message, Exception innerException)
        : base($"{source}: {message}", innerException)
    {
        SourceName = source;
    }

    /// <summary>The file path or definition name that the message refers to.</summary>
    public string SourceName { get; }
}
