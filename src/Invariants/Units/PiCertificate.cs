using System.Numerics;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Invariants.Units;

/// <summary>
/// The certificate of a Buckingham-Pi result: the recomputed facts (dimension-matrix rank, rank and invariant factors of
/// the group exponent matrix, lattice index) and the checks that prove the groups form a basis of all dimensionless
/// products with integer exponents.
/// </summary>
/// <remarks>
/// Proof sketch. Let M be the dimension matrix (dimensions x variables) and K = {x in Z^n : M x = 0} the lattice of
/// integer exponent vectors of dimensionless products, of rank n - rank M. Let G be the k x n matrix of group exponents.
/// If every group is dimensionless (M G^T = 0) and rank G = k = n - rank M, the groups span a full-rank sublattice of
/// K, whose index in K is the product of the invariant factors of G (the gcd of its k x k minors), because K is
/// saturated: K = Q^n-span(K) intersected with Z^n. Index 1 means every dimensionless product with integer exponents is
/// a product of integer powers of the groups.
/// </remarks>
public sealed class PiCertificate
{
    private PiCertificate(int dimensionRank, int groupRank, IReadOnlyList<BigInteger> invariantFactors, IReadOnlyList<CertificateCheck> checks)
    {
        DimensionRank = dimensionRank;
        GroupRank = groupRank;
        GroupInvariantFactors = invariantFactors;
        Checks = checks;
    }

    /// <summary>The rank of the dimension matrix.</summary>
    public int DimensionRank { get; }

    /// <summary>The rank of the group exponent matrix.</summary>
    public int GroupRank { get; }

    /// <summary>The invariant factors of the group exponent matrix (its Smith form diagonal without zeros).</summary>
    public IReadOnlyList<BigInteger> GroupInvariantFactors { get; }

    /// <summary>The index of the group lattice in the lattice of all dimensionless products: the product of the invariant factors.</summary>
    public BigInteger LatticeIndex => GroupInvariantFactors.Aggregate(BigInteger.One, (product, f) => product * f);

    /// <summary>The checks in a fixed order.</summary>
    public IReadOnlyList<CertificateCheck> Checks { get; }

    /// <summary>Whether every check passed.</summary>
    public bool AllPassed => Checks.All(c => c.Passed);

    /// <summary>Returns the names of the checks that <see cref="Compute"/> runs, in order.</summary>
    public static IReadOnlyList<string> CheckNames { get; } = Array.AsReadOnly(
    [
        "group variables", "groups dimensionless", "groups independent", "group count = n - rank", "lattice index 1", "target scaling",
    ]);

    /// <summary>Recomputes the certificate of <paramref name="groups"/> (and the target scaling, if any) for the variables.</summary>
    /// <remarks>Algorithm: exact rank by fraction-free elimination [Bar68] and invariant factors by the Smith normal form [Coh93, Alg. 2.4.14].</remarks>
    public static PiCertificate Compute(
        IReadOnlyList<DimensionalVariable> variables,
        IReadOnlyList<PowerProduct> groups,
        string? target,
        PowerProduct? targetScaling,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(groups);
        var names = variables.Select(v => v.Name).ToList();
        var dimensions = variables.Select(v => v.Dimension).ToList();
        var checks = new List<CertificateCheck>();

        // Phase 1: every group is a product over exactly the table's variables and is not the empty product.
        var malformed = groups.Select((g, i) => (g, i))
            .Where(p => !p.g.Names.SequenceEqual(names) || p.g.IsOne)
            .Select(p => p.g.IsOne ? $"group {p.i + 1} is the empty product" : $"group {p.i + 1} uses variables other than the table's")
            .ToList();
        checks.Add(new CertificateCheck(
            "group variables",
            malformed.Count == 0,
            malformed.Count == 0 ? $"{Count(groups.Count, "group")} over the variables {string.Join(", ", names)}" : string.Join("; ", malformed)));

        var dimensionMatrix = DimensionMatrix(variables);
        int dimensionRank = dimensionMatrix.Rank();
        if (malformed.Count > 0)
        {
            return new PiCertificate(dimensionRank, 0, [], checks);
        }

        ct.ThrowIfCancellationRequested();

        // Phase 2: M g = 0 for every group.
        var notDimensionless = new List<string>();
        for (int i = 0; i < groups.Count; i++)
        {
            var dimension = SafeDimension(groups[i], dimensions);
            if (dimension is null || !dimension.IsDimensionless)
            {
                notDimensionless.Add($"group {i + 1} ({groups[i]}) has dimension {dimension?.ToString() ?? "beyond the int range"}");
            }
        }

        checks.Add(new CertificateCheck(
            "groups dimensionless",
            notDimensionless.Count == 0,
            notDimensionless.Count == 0 ? $"every group has dimension 1 ({Count(groups.Count, "group")})" : string.Join("; ", notDimensionless)));

        // Phase 3: rank, count and lattice index of the group exponent matrix.
        var groupMatrix = IntegerMatrix.Create(groups.Count, names.Count, (i, j) => groups[i].Exponents[j]);
        int groupRank = groupMatrix.Rank();
        checks.Add(new CertificateCheck(
            "groups independent",
            groupRank == groups.Count,
            $"the {groups.Count} x {names.Count} exponent matrix has rank {groupRank}"));

        int expected = names.Count - dimensionRank;
        checks.Add(new CertificateCheck(
            "group count = n - rank",
            groups.Count == expected,
            $"{Count(groups.Count, "group")}; n - rank = {Count(names.Count, "variable")} - rank {dimensionRank} of the dimension matrix = {expected}"));

        ct.ThrowIfCancellationRequested();
        var factors = SmithNormalForm.InvariantFactors(groupMatrix, ct);
        var index = factors.Aggregate(BigInteger.One, (product, f) => product * f);
        bool indexOne = groupRank == groups.Count && index.IsOne;
        checks.Add(new CertificateCheck(
            "lattice index 1",
            indexOne,
            groupRank == groups.Count
                ? $"invariant factors of the exponent matrix: [{string.Join(", ", factors)}], so the gcd of its maximal minors is {index}"
                : "the exponent matrix is rank-deficient, so the groups do not span a full-rank lattice"));

        // Phase 4: the target scaling has the target's dimension and does not use the target.
        if (target is not null)
        {
            checks.Add(CheckTargetScaling(names, dimensions, groups, target, targetScaling, indexOne && notDimensionless.Count == 0 && groups.Count == expected));
        }

        return new PiCertificate(dimensionRank, groupRank, factors, checks);
    }

    /// <summary>Returns the dimension matrix: one row per base dimension that occurs (canonical order), one column per variable.</summary>
    public static IntegerMatrix DimensionMatrix(IReadOnlyList<DimensionalVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var dimensionNames = DimensionNames(variables);
        return IntegerMatrix.Create(dimensionNames.Count, variables.Count, (i, j) => variables[j].Dimension.Exponent(dimensionNames[i]));
    }

    /// <summary>Returns the base dimensions that occur in the variables, in canonical order.</summary>
    public static IReadOnlyList<string> DimensionNames(IReadOnlyList<DimensionalVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return variables.SelectMany(v => v.Dimension.Exponents.Select(p => p.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(Comparer<string>.Create(BaseDimensions.Compare))
            .ToList()
            .AsReadOnly();
    }

    private static CertificateCheck CheckTargetScaling(
        List<string> names, List<DimensionVector> dimensions, IReadOnlyList<PowerProduct> groups, string target, PowerProduct? scaling, bool groupsAreBasis)
    {
        const string name = "target scaling";
        int t = names.IndexOf(target);
        if (t < 0)
        {
            return new CertificateCheck(name, false, $"the target '{target}' is not a variable of the table");
        }

        if (scaling is not null)
        {
            if (!scaling.Names.SequenceEqual(names))
            {
                return new CertificateCheck(name, false, "the target scaling uses variables other than the table's");
            }

            if (!scaling.Exponents[t].IsZero)
            {
                return new CertificateCheck(name, false, $"the target scaling {scaling} uses the target '{target}' itself");
            }

            var dimension = SafeDimension(scaling, dimensions);
            bool matches = dimension is not null && dimension.Equals(dimensions[t]);
            return new CertificateCheck(
                name,
                matches,
                $"{scaling} has dimension {dimension?.ToString() ?? "beyond the int range"}; the target '{target}' has {dimensions[t]}");
        }

        // No integer scaling is claimed. Because the groups form a basis, an integer scaling exists exactly when some
        // integer combination of the groups has target exponent 1. That happens when the target's exponents over the
        // groups have gcd 1.
        if (!groupsAreBasis)
        {
            return new CertificateCheck(name, false, "no target scaling is given, and the claim cannot be checked because the groups are not a verified basis");
        }

        var gcd = groups.Aggregate(BigInteger.Zero, (g, group) => BigInteger.GreatestCommonDivisor(g, group.Exponents[t]));
        return new CertificateCheck(
            name,
            !gcd.IsOne,
            gcd.IsZero
                ? $"no target scaling: '{target}' occurs in no group, so its dimension {dimensions[t]} cannot be made from the other variables"
                : gcd.IsOne
                    ? $"no target scaling is given, but the target exponents over the groups have gcd 1, so an integer scaling exists"
                    : $"no integer target scaling: the target exponents over the groups have gcd {gcd}, so only ({target})^{gcd} has an integer scaling");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static DimensionVector? SafeDimension(PowerProduct product, IReadOnlyList<DimensionVector> dimensions)
    {
        try
        {
            return product.Dimension(dimensions);
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
