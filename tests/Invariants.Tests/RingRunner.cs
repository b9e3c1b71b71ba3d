using System.Collections.Concurrent;
using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Invariants.Tests;

/// <summary>
/// The degrees and the certificate of one invariant-ring computation, independent of the field type. Molien holds the
/// coefficients of t^0..t^30 of the Molien series, or over GF(p) the dimensions of degrees 0..10.
/// </summary>
public sealed record RingSummary(
    IReadOnlyList<long> Molien,
    IReadOnlyList<int> PrimaryDegrees,
    IReadOnlyList<int> SecondaryDegrees,
    IReadOnlyList<int> IrreducibleSecondaryDegrees,
    IReadOnlyList<int> FundamentalDegrees,
    IReadOnlyList<CertificateCheck> Checks,
    JsonObject Document)
{
    public bool Verified => Checks.Count > 0 && Checks.All(c => c.Passed);

    public string FailedChecks => string.Join("; ", Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));
}

/// <summary>Runs the invariant-ring computation of a group file once per file and caches the summary for the tests.</summary>
public static class RingRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<RingSummary>> Cache = new();

    /// <summary>Returns the summary of the reference group <paramref name="name"/>, computing it on first use.</summary>
    public static RingSummary Reference(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<RingSummary>(() => Run(GroupFile.Read(ReferenceData.Get(n).Path)))).Value;

    /// <summary>Computes the invariant ring of <paramref name="definition"/>, writes its document and verifies it.</summary>
    public static RingSummary Run(GroupDefinition definition, InvariantRingOptions? options = null) =>
        definition.Field.Accept(new Visitor(definition, options ?? InvariantRingOptions.Default));

    private sealed class Visitor(GroupDefinition definition, InvariantRingOptions options) : IFieldVisitor<RingSummary>
    {
        public RingSummary Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var ring = new InvariantRing<T>(MatrixGroup<T>.FromDefinition(definition, field), options);
            var result = ring.Compute();
            var document = RingDocuments.Create(result, definition);
            var checks = new RingCertificateVerifier().Verify(document);
            return new RingSummary(
                ring.MolienSeries is { } molien ? [.. molien.Coefficients(30).Select(c => (long)c)] : [.. Enumerable.Range(0, 11).Select(d => (long)ring.HilbertFunction(d))],
                [.. result.PrimaryInvariants.Select(p => p.TotalDegree)],
                [.. result.SecondaryInvariants.Select(p => Math.Max(p.TotalDegree, 0))],
                [.. result.IrreducibleSecondaryInvariants.Select(p => p.TotalDegree)],
                [.. result.FundamentalInvariants.Select(p => p.TotalDegree)],
                checks,
                document);
        }
    }

    /// <summary>
    /// Returns the secondary degrees that the Molien series implies for the primary degrees: the multiset with
    /// multiplicity of k equal to the coefficient of t^k in Molien(t) * prod (1 - t^d_i), from the reference coefficients.
    /// </summary>
    public static IReadOnlyList<int> ImpliedSecondaryDegrees(IReadOnlyList<long> molien, IReadOnlyList<int> primaryDegrees)
    {
        var product = new BigInteger[molien.Count];
        for (int k = 0; k < molien.Count; k++)
        {
            product[k] = molien[k];
        }

        foreach (int d in primaryDegrees)
        {
            for (int k = product.Length - 1; k >= d; k--)
            {
                product[k] -= product[k - d];
            }
        }

        var degrees = new List<int>();
        for (int k = 0; k < product.Length; k++)
        {
            if (product[k].Sign < 0)
            {
                throw new InvalidOperationException($"Molien(t) * prod (1 - t^d_i) has the negative coefficient {product[k]} at t^{k}.");
            }

            for (var c = BigInteger.Zero; c < product[k]; c++)
            {
                degrees.Add(k);
            }
        }

        return degrees;
    }
}
