using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Computation;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Invariants.Certificates;

/// <summary>
/// Writes <c>ring</c> result documents: the envelope, the input group, the Molien series (over GF(p) the dimensions of
/// the invariants of low degree instead), the primary, secondary,
/// irreducible secondary and fundamental invariants, optional relations and the certificate checks. The format is
/// described in docs/invariants.md.
/// </summary>
public static class RingDocuments
{
    /// <summary>The envelope kind of invariant-ring results.</summary>
    public const string Kind = "ring";

    /// <summary>
    /// Returns the result document of <paramref name="result"/> without the <c>certificate</c> field;
    /// <paramref name="definition"/> is the input group, embedded so that verification needs nothing else.
    /// </summary>
    public static JsonObject Create<T>(InvariantRingResult<T> result, GroupDefinition definition)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(definition);
        var ring = result.InvariantRing;
        var document = ResultEnvelope.Create(Kind);
        document["group"] = JsonNode.Parse(GroupFile.Format(definition with { Order = ring.Order }));
        document["field"] = ring.Ring.Field.Name;
        document["order"] = CertificateJson.Integer(ring.Order);
        if (ring.MolienSeries is { } molien)
        {
            document["molien"] = Molien(molien, SeriesLength(result));
        }
        else
        {
            // Over GF(p) the dimensions up to the largest degree of a primary or secondary invariant replace the series.
            int top = result.PrimaryInvariants.Concat(result.SecondaryInvariants).Select(p => p.TotalDegree).DefaultIfEmpty(0).Max();
            document["hilbert_function"] = new JsonArray([.. Enumerable.Range(0, top + 1).Select(d => (JsonNode?)ring.HilbertFunction(d))]);
        }

        document["polynomial_ring"] = new JsonObject
        {
            ["field"] = ring.Ring.Field.Name,
            ["variables"] = new JsonArray([.. ring.Ring.Variables.Select(v => (JsonNode?)v)]),
            ["order"] = ring.Ring.Order.Name,
        };
        document["primary"] = PolynomialList(result.PrimaryInvariants);
        document["secondary_degree_counts"] = CertificateJson.IntegerArray(result.SecondaryDegreeCounts);
        document["secondary"] = PolynomialList(result.SecondaryInvariants);
        document["irreducible_secondary"] = PolynomialList(result.IrreducibleSecondaryInvariants);
        document["fundamental"] = PolynomialList(result.FundamentalInvariants);
        if (result.Relations is { } relations)
        {
            // The optional relations, with the weighted degree up to which the certificate checks that they generate.
            int[] weights = [.. result.FundamentalInvariants.Select(f => Math.Max(f.TotalDegree, 1))];
            document["relations"] = new JsonObject
            {
                ["variables"] = new JsonArray([.. relations.Ring.Variables.Select(v => (JsonNode?)v)]),
                ["order"] = relations.Ring.Order.Name,
                ["polynomials"] = new JsonArray([.. relations.Elements.Select(r => (JsonNode?)r.ToString())]),
                ["weighted_degree_bound"] = RelationDegreeBound(weights, relations.Elements.Select(r => r.IsZero ? 0 : r.Monomials.Max(m => m.WeightedDegree(weights)))),
            };
        }

        return document;
    }

    /// <summary>
    /// Returns the <c>molien</c> object, with the fields of <c>invtheory molien --json</c>: the standard form
    /// <c>numerator</c> / <c>denominator</c> (expanded, with its <c>denominator_degrees</c>), the lowest-terms form
    /// <c>reduced_numerator</c> / <c>reduced_denominator</c>, the text <c>rational_function</c> and the first
    /// <paramref name="seriesLength"/> <c>series</c> coefficients. Coefficient lists start at t^0.
    /// </summary>
    public static JsonObject Molien(MolienSeries molien, int seriesLength)
    {
        ArgumentNullException.ThrowIfNull(molien);
        return new JsonObject
        {
            ["numerator"] = CertificateJson.IntegerArray(molien.Numerator),
            ["denominator"] = CertificateJson.IntegerArray(molien.Denominator),
            ["denominator_degrees"] = new JsonArray([.. molien.DenominatorDegrees.Select(k => (JsonNode?)k)]),
            ["reduced_numerator"] = CertificateJson.IntegerArray(molien.ReducedNumerator),
            ["reduced_denominator"] = CertificateJson.IntegerArray(molien.ReducedDenominator),
            ["rational_function"] = molien.ToString(),
            ["series"] = CertificateJson.IntegerArray(molien.Coefficients(seriesLength - 1)),
        };
    }

    /// <summary>Adds the <c>certificate</c> field: whether every check passed and each check with its detail.</summary>
    public static JsonObject WithCertificate(JsonObject document, IReadOnlyList<CertificateCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(checks);
        document["certificate"] = new JsonObject
        {
            ["verified"] = checks.Count > 0 && checks.All(c => c.Passed),
            ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name,
                ["passed"] = c.Passed,
                ["detail"] = c.Detail,
            })]),
        };
        return document;
    }

    /// <summary>The number of series coefficients written: through the largest degree the certificate looks at, at least 21.</summary>
    private static int SeriesLength<T>(InvariantRingResult<T> result)
        where T : struct, IFieldElement<T>
    {
        int top = new[] { result.PrimaryInvariants, result.SecondaryInvariants, result.FundamentalInvariants }
            .SelectMany(list => list)
            .Select(p => p.TotalDegree)
            .DefaultIfEmpty(0)
            .Max();
        return Math.Max(21, top + 1);
    }

    private static JsonArray PolynomialList<T>(IEnumerable<Polynomial<T>> polynomials)
        where T : struct, IFieldElement<T> =>
        new([.. polynomials.Select(p => (JsonNode?)new JsonObject
        {
            ["degree"] = Math.Max(p.TotalDegree, 0),
            ["polynomial"] = p.ToString(),
        })]);

    /// <summary>
    /// Returns the weighted degree up to which the certificate checks that the relations generate the relation ideal:
    /// the largest weighted degree of a relation, and at least twice the largest weight, so that every product of two
    /// fundamental invariants is covered.
    /// </summary>
    /// <param name="weights">The degrees of the fundamental invariants, the weights of y1..ym.</param>
    /// <param name="relationDegrees">The weighted degrees of the relations.</param>
    internal static long RelationDegreeBound(IReadOnlyList<int> weights, IEnumerable<long> relationDegrees) =>
        Math.Max(relationDegrees.DefaultIfEmpty(0).Max(), 2L * weights.DefaultIfEmpty(0).Max());

    /// <summary>Returns the coefficients of Molien(t) * prod (1 - t^d_i), or null when it is not a polynomial.</summary>
    internal static BigInteger[]? SecondaryDegreeCounts(MolienSeries molien, IEnumerable<int> primaryDegrees) =>
        SeriesArithmetic.TryExactDivide(
            SeriesArithmetic.Multiply(molien.ReducedNumerator, SeriesArithmetic.ProductOfOneMinusPowers(primaryDegrees)),
            molien.ReducedDenominator);
}
