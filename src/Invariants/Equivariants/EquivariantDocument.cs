using System.Globalization;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// Result documents of kind <c>equivariants</c>: the group, the input and output representations, the variables, the
/// basis (each element with its degree and its components in canonical polynomial text), the counts per degree and
/// the certificate that <see cref="EquivariantCertificateVerifier"/> re-checks from the document alone.
/// </summary>
public static class EquivariantDocument
{
    /// <summary>The kind of equivariant results.</summary>
    public const string Kind = "equivariants";

    /// <summary>
    /// Returns the document of the equivariants of a finite group in the given degrees: <c>group</c> (the group file of
    /// G acting on V, with <c>"type": "finite"</c>), <c>in</c> and <c>out</c> (canonical expressions in V),
    /// <c>input_dimension</c>, <c>output_dimension</c>, <c>variables</c>, <c>basis</c>, <c>count_by_degree</c>, the
    /// optional <c>module_generators</c> and <c>certificate</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A representation is not given by an expression.</exception>
    public static JsonObject Create<T>(EquivariantSpace<T> space, IReadOnlyList<int> degrees, CovariantModule<T>? module = null, CancellationToken ct = default)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(degrees);
        if (space.Input.Expression is null || space.Output.Expression is null)
        {
            throw new ArgumentException("EquivariantDocument.Create: the input and output must be expressions in V so that a verifier can rebuild them.", nameof(space));
        }

        var document = ResultEnvelope.Create(Kind);
        var group = (JsonObject)JsonNode.Parse(GroupFile.Format(space.Input.Group.ToDefinition(includeOrder: true)))!;
        group["type"] = "finite";
        document["group"] = group;
        document["in"] = space.Input.Expression.ToString();
        document["out"] = space.Output.Expression.ToString();
        document["input_dimension"] = space.Input.Dimension;
        document["output_dimension"] = space.Output.Dimension;
        document["variables"] = new JsonArray(space.Ring.Variables.Select(v => (JsonNode?)v).ToArray());

        var basis = new JsonArray();
        var counts = new JsonObject();
        foreach (int d in degrees.Distinct().Order())
        {
            ct.ThrowIfCancellationRequested();
            var elements = space.OfDegree(d, ct);
            counts[d.ToString(CultureInfo.InvariantCulture)] = elements.Count;
            foreach (var f in elements)
            {
                basis.Add(Element(d, f));
            }
        }

        document["basis"] = basis;
        document["count_by_degree"] = counts;
        var checks = new JsonArray(
            "every basis element is homogeneous of its degree",
            "F(g x) = rho_W(g) F(x) exactly for every generator g",
            "the elements of each degree are linearly independent",
            "count_by_degree equals the number of elements per degree");
        var certificate = new JsonObject { ["method"] = "sparse nullspace of the generator conditions on Sym^k(U*) x W (dual trick)" };
        if (space.IsCountCheckSupported)
        {
            certificate["weighted_molien_series"] = space.WeightedMolienSeries(ct).ToString();
            checks.Add("each count equals the t^k coefficient of (1/|H|) sum_h conj(chi_W(h)) / det(I - t h)");
        }

        if (module is not null)
        {
            document["module_generators"] = ModuleGenerators(module);
            document["primary_invariants"] = new JsonArray(module.PrimaryInvariants.Select(p => (JsonNode?)p.ToString()).ToArray());
            certificate["module_numerator"] = new JsonArray(module.ExpectedGeneratorCounts.Select(c => (JsonNode?)CertificateJson.Integer(c)).ToArray());
            checks.Add("the primary invariants are invariant");
            checks.Add("the module generators are equivariant");
            checks.Add("generator counts per degree equal the coefficients of the weighted Molien series times prod(1 - t^d_i)");
            checks.Add("the generators are linearly independent modulo the ideal of the primaries (normal forms, componentwise)");
        }

        certificate["checks"] = checks;
        document["certificate"] = certificate;
        return document;
    }

    /// <summary>Returns the JSON of one basis element: its degree and its components.</summary>
    internal static JsonObject Element<T>(int degree, PolynomialMap<T> map)
        where T : struct, IFieldElement<T> =>
        new()
        {
            ["degree"] = degree,
            ["components"] = new JsonArray(map.FormatComponents().Select(c => (JsonNode?)c).ToArray()),
        };

    private static JsonArray ModuleGenerators<T>(CovariantModule<T> module)
        where T : struct, IFieldElement<T> =>
        new(module.Generators.Select(g => (JsonNode?)Element(g.Degree, g)).ToArray());
}
