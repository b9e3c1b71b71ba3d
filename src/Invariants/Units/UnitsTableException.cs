using InvTheory.Polynomials;

namespace InvTheory.Invariants.Units;

/// <summary>
/// A units table cannot be used: invalid JSON or CSV, an invalid variable name, an unknown unit, a malformed unit
/// expression, a duplicate name, or a target or repeating set that does not fit the table. The message names the
/// variable, the position and the token where they apply.
/// </summary>
public sealed class UnitsTableException : InvariantTheoryException
{
    /// <summary>Creates the exception with a message that names the problem, where it is, and the remedy.</summary>
    public UnitsTableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser exception that caused it.</summary>
    public UnitsTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
