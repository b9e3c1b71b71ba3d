using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Classical;

/// <summary>
/// The <c>equivariants</c> result documents of classical groups, with <c>"group": {"type": "classical", "name": ...}</c>:
/// per-degree bases (<c>"mode": "degree"</c>) and first-fundamental-theorem generating sets (<c>"mode": "fft"</c>).
/// </summary>
public static class ClassicalEquivariantDocument
{
    /// <summary>
    /// Returns the per-degree document: <c>group</c>, <c>in</c> (the input summands), <c>out</c>, dimensions,
    /// <c>variables</c>, <c>basis</c>, <c>count_by_degree</c> and <c>certificate</c>.
    /// </summary>
    public static JsonObject Create(ClassicalEquivariantSpace space, IReadOnlyList<int> degrees, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(degrees);
        var document = Header(space.Group, space.Inputs.Select(i => i.ToString()), space.Output.ToString(), "degree");
        document["input_dimension"] = space.Ring.VariableCount;
        document["output_dimension"] = space.OutputDimension;
        document["variables"] = new JsonArray(space.Ring.Variables.Select(v => (JsonNode?)v).ToArray());
        var basis = new JsonArray();
        var counts = new JsonObject();
        foreach (int d in degrees.Distinct().Order())
        {
            var elements = space.OfDegree(d, ct);
            counts[d.ToString(CultureInfo.InvariantCulture)] = elements.Count;
            foreach (var f in elements)
            {
                basis.Add(EquivariantDocument.Element(d, f));
            }
        }

        document["basis"] = basis;
        document["count_by_degree"] = counts;
        document["certificate"] = new JsonObject
        {
            ["method"] = "exact common kernel of the Lie algebra derivations and the component-group generators on Sym^k(U*) x W",
            ["lie_algebra"] = new JsonArray(space.Group.LieAlgebraBasisNames.Select(n => (JsonNode?)n).ToArray()),
            ["component_generators"] = new JsonArray(space.Group.ComponentGeneratorNames.Select(n => (JsonNode?)n).ToArray()),
            ["checks"] = new JsonArray(
                "every basis element is homogeneous of its degree",
                "X.F = d rho_W(X) F exactly for every Lie algebra basis element X (derivation on the input coordinates)",
                "F(c x) = rho_W(c) F(x) exactly for every component-group generator c",
                "the elements of each degree are linearly independent",
                "each count equals the dimension of the common kernel, recomputed"),
        };
        return document;
    }

    /// <summary>Returns the envelope with the group, inputs, output and mode.</summary>
    internal static JsonObject Header(ClassicalGroup group, IEnumerable<string> inputs, string output, string mode)
    {
        var document = ResultEnvelope.Create(EquivariantDocument.Kind);
        document["group"] = new JsonObject { ["type"] = "classical", ["name"] = group.Name, ["dimension"] = group.Dimension };
        document["mode"] = mode;
        document["in"] = new JsonArray(inputs.Select(i => (JsonNode?)i).ToArray());
        document["out"] = output;
        return document;
    }

    /// <summary>Verifies a classical document (either mode) from the document alone.</summary>
    /// <exception cref="CertificateFormatException">A field is missing or malformed.</exception>
    public static IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var groupNode = CertificateJson.ReadObject(document, "group");
        ClassicalGroup group;
        IReadOnlyList<RepresentationExpression> inputs;
        RepresentationExpression output;
        try
        {
            group = ClassicalGroup.Parse(CertificateJson.ReadString(groupNode, "name"));
            inputs = CertificateJson.ReadArray(document, "in").Select(n => RepresentationExpression.Parse(n?.GetValue<string>() ?? string.Empty)).ToList();
            output = RepresentationExpression.Parse(CertificateJson.ReadString(document, "out"));
        }
        catch (FormatException ex)
        {
            throw new CertificateFormatException($"The group, 'in' or 'out' of the classical result is invalid: {ex.Message}", ex);
        }

        string mode = CertificateJson.ReadString(document, "mode");
        return mode switch
        {
            "degree" => VerifyDegrees(document, new ClassicalEquivariantSpace(group, inputs, output), ct),
            "fft" => FirstFundamentalTheorem.Verify(document, group, inputs, output, ct),
            _ => throw new CertificateFormatException($"Field 'mode' is '{mode}'; expected 'degree' or 'fft'."),
        };
    }

    private static IReadOnlyList<CertificateCheck> VerifyDegrees(JsonObject document, ClassicalEquivariantSpace space, CancellationToken ct)
    {
        var variables = CertificateJson.ReadArray(document, "variables").Select(v => v?.GetValue<string>() ?? string.Empty).ToList();
        if (!variables.SequenceEqual(space.Ring.Variables))
        {
            throw new CertificateFormatException($"Field 'variables' must list the {space.Ring.VariableCount} input coordinates x1, x2, ...");
        }

        var problems = new List<string>();
        var maps = EquivariantCertificateVerifier.ParseMaps(space.Ring, space.OutputDimension, EquivariantCertificateVerifier.ReadElements(document, "basis"), "basis", problems);
        var counts = EquivariantCertificateVerifier.ReadCounts(document);
        var checks = EquivariantCertificateVerifier.CommonChecks(maps, problems, space.Constraints, counts, ct);
        var wrong = new List<string>();
        foreach (var (degree, stored) in counts)
        {
            if (degree > 64)
            {
                wrong.Add($"degree {degree} is beyond the recomputation limit 64");
                continue;
            }

            var dimension = (BigInteger)EquivariantSolver.Solve(space.Ring, space.OutputDimension, space.Constraints, degree, ct).Count;
            if (dimension != stored)
            {
                wrong.Add($"degree {degree}: stored {stored}, kernel dimension {dimension}");
            }
        }

        checks.Add(new CertificateCheck("counts equal the kernel dimension", wrong.Count == 0,
            wrong.Count == 0 ? $"recomputed in degrees {string.Join(", ", counts.Keys)}" : string.Join("; ", wrong)));
        return checks;
    }
}
