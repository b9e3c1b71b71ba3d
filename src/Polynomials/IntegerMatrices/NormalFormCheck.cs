namespace InvTheory.Polynomials.IntegerMatrices;

/// <summary>One check of a normal-form certificate: its name, whether it holds, and the values behind the verdict.</summary>
/// <param name="Name">Short name of the checked property, such as <c>U*A*V = D</c>.</param>
/// <param name="Passed">Whether the property holds.</param>
/// <param name="Detail">The values that were compared, or where the property fails.</param>
public sealed record NormalFormCheck(string Name, bool Passed, string Detail);

/// <summary>The outcome of verifying a normal-form certificate: every check in the order it ran.</summary>
public sealed class NormalFormVerification
{
    /// <summary>Creates the outcome from its checks.</summary>
    public NormalFormVerification(IEnumerable<NormalFormCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        Checks = checks.ToList().AsReadOnly();
    }

    /// <summary>The checks in the order they ran.</summary>
    public IReadOnlyList<NormalFormCheck> Checks { get; }

    /// <summary>Whether every check passed.</summary>
    public bool AllPassed => Checks.All(c => c.Passed);
}
