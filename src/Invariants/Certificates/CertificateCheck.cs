namespace InvTheory.Invariants.Certificates;

/// <summary>One check of a result certificate: its name, whether it holds, and the values behind the verdict.</summary>
/// <param name="Name">Short name of the checked property, such as <c>group dimensionless</c>.</param>
/// <param name="Passed">Whether the property holds.</param>
/// <param name="Detail">The values that were compared, or where the property fails.</param>
public sealed record CertificateCheck(string Name, bool Passed, string Detail);

/// <summary>The outcome of verifying one result file: its kind, version and every check in the order it ran.</summary>
public sealed class CertificateReport
{
    /// <summary>Creates the report.</summary>
    public CertificateReport(string kind, int version, IEnumerable<CertificateCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(checks);
        Kind = kind;
        Version = version;
        Checks = checks.ToList().AsReadOnly();
    }

    /// <summary>The result kind from the envelope, such as <c>pi</c> or <c>snf</c>.</summary>
    public string Kind { get; }

    /// <summary>The format version from the envelope.</summary>
    public int Version { get; }

    /// <summary>The checks in the order they ran.</summary>
    public IReadOnlyList<CertificateCheck> Checks { get; }

    /// <summary>Whether there is at least one check and every check passed.</summary>
    public bool AllPassed => Checks.Count > 0 && Checks.All(c => c.Passed);
}
