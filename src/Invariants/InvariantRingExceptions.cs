using InvTheory.Polynomials;

namespace InvTheory.Invariants;

/// <summary>An invariant-ring computation stopped at a size limit of <see cref="InvariantRingOptions"/>.</summary>
/// <remarks>The message names the limit, the value that exceeded it and the option that raises it.</remarks>
public sealed class InvariantRingLimitException : InvariantTheoryException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, naming the limit and the option that raises it.</param>
    /// <param name="optionName">The option that raises the limit, such as <c>--max-degree</c>.</param>
    public InvariantRingLimitException(string message, string optionName)
        : base(message)
    {
        OptionName = optionName;
    }

    /// <summary>The option that raises the limit.</summary>
    public string OptionName { get; }
}

/// <summary>
/// The group is modular for the coefficient field: the characteristic p divides the group order, so the Reynolds
/// operator does not exist and the non-modular algorithms do not apply.
/// </summary>
public sealed class ModularInvariantRingException : InvariantTheoryException
{
    /// <summary>Creates the exception for characteristic <paramref name="characteristic"/> and group order <paramref name="groupOrder"/>.</summary>
    public ModularInvariantRingException(System.Numerics.BigInteger characteristic, System.Numerics.BigInteger groupOrder)
        : base($"Invariant ring: the characteristic p = {characteristic} divides the group order |G| = {groupOrder}, which is the modular case. "
            + "InvTheory computes invariant rings only when p does not divide |G|; use Q, Q(zeta_n) or GF(p) for a prime p that does not divide the order.")
    {
        Characteristic = characteristic;
        GroupOrder = groupOrder;
    }

    /// <summary>The characteristic p of the field.</summary>
    public System.Numerics.BigInteger Characteristic { get; }

    /// <summary>The group order |G|.</summary>
    public System.Numerics.BigInteger GroupOrder { get; }
}

/// <summary>
/// An internal consistency check of an invariant-ring computation failed, for example a space of invariants whose
/// dimension differs from the Molien coefficient. Such a failure points to a bug in InvTheory, not in the input.
/// </summary>
public sealed class InvariantRingInternalException : InvariantTheoryException
{
    /// <summary>Creates the exception; the text "This points to a bug in InvTheory" is appended to <paramref name="message"/>.</summary>
    public InvariantRingInternalException(string message)
        : base(message + " This points to a bug in InvTheory; please report it with the group file.")
    {
    }
}
