using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;

namespace InvTheory.Invariants.Units;

/// <summary>
/// The result document of kind <c>pi</c>: the variables with their dimensions, the groups (objects from variable name to
/// integer exponent), the target scaling and the certificate, which <see cref="PiCertificateVerifier"/> checks from the
/// document alone.
/// </summary>
public static class PiDocument
{
    /// <summary>The kind of Buckingham-Pi results.</summary>
    public const string Kind = "pi";

    /// <summary>Returns the result document of <paramref name="analysis"/>.</summary>
    public static JsonObject Create(PiAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var table = analysis.Table;
        var document = ResultEnvelope.Create(Kind);
        document["variables"] = new JsonArray(table.Variables.Select(v =>
        {
            var entry = new JsonObject { ["name"] = v.Name };
            if (v.Units is not null)
            {
                entry["units"] = v.Units;
            }

            var dimensions = new JsonObject();
            foreach (var (name, exponent) in v.Dimension.Exponents)
            {
                dimensions[name] = exponent;
            }

            entry["dimensions"] = dimensions;
            return (JsonNode?)entry;
        }).ToArray());
        document["dimensions"] = new JsonArray(analysis.DimensionNames.Select(d => (JsonNode?)d).ToArray());
        document["target"] = table.Target;
        document["repeating"] = table.Repeating is null ? null : new JsonArray(table.Repeating.Select(r => (JsonNode?)r).ToArray());
        document["repeating_form"] = analysis.UsesRepeatingForm;
        document["rank"] = analysis.Rank;
        document["groups"] = new JsonArray(analysis.Groups.Select(g => (JsonNode?)Exponents(g)).ToArray());
        document["group_text"] = new JsonArray(analysis.Groups.Select(g => (JsonNode?)g.ToString()).ToArray());
        document["target_scaling"] = analysis.TargetScaling is null ? null : Exponents(analysis.TargetScaling);
        document["target_scaling_text"] = analysis.TargetScaling?.ToString();
        document["target_scaling_note"] = analysis.TargetScalingNote;
        document["notes"] = new JsonArray(analysis.Notes.Select(n => (JsonNode?)n).ToArray());
        var certificate = analysis.Certificate;
        document["certificate"] = new JsonObject
        {
            ["group_count"] = analysis.Groups.Count,
            ["expected_group_count"] = table.Variables.Count - certificate.DimensionRank,
            ["group_rank"] = certificate.GroupRank,
            ["group_invariant_factors"] = CertificateJson.IntegerArray(certificate.GroupInvariantFactors),
            ["lattice_index"] = CertificateJson.Integer(certificate.LatticeIndex),
            ["checks"] = new JsonArray(certificate.Checks.Select(c => (JsonNode?)c.Name).ToArray()),
        };
        return document;
    }

    /// <summary>The stored content of a <c>pi</c> document that the verifier needs.</summary>
    internal sealed record Content(
        IReadOnlyList<DimensionalVariable> Variables,
        IReadOnlyList<PowerProduct> Groups,
        IReadOnlyList<string> GroupErrors,
        string? Target,
        PowerProduct? TargetScaling,
        BigInteger StoredRank,
        IReadOnlyList<string>? GroupText,
        JsonObject Certificate);

    /// <summary>Reads the fields of a <c>pi</c> document.</summary>
    /// <exception cref="CertificateFormatException">A required field is missing or has the wrong type.</exception>
    internal static Content Read(JsonObject document)
    {
        var variablesArray = CertificateJson.ReadArray(document, "variables");
        var variables = new List<DimensionalVariable>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < variablesArray.Count; i++)
        {
            if (variablesArray[i] is not JsonObject entry)
            {
                throw new CertificateFormatException($"Element {i + 1} of field 'variables' must be an object with name and dimensions.");
            }

            string name = CertificateJson.ReadString(entry, "name");
            if (!names.Add(name))
            {
                throw new CertificateFormatException($"Field 'variables' lists the name '{name}' twice.");
            }

            var dimensionsObject = CertificateJson.ReadObject(entry, "dimensions");
            var exponents = dimensionsObject.Select(p => new KeyValuePair<string, int>(
                p.Key, ToInt(CertificateJson.ReadInteger(p.Value, $"exponent of '{p.Key}' in variable '{name}'"), $"variable '{name}'"))).ToList();
            DimensionVector dimension;
            try
            {
                dimension = DimensionVector.FromExponents(exponents);
            }
            catch (ArgumentException ex)
            {
                throw new CertificateFormatException($"Variable '{name}' has an invalid dimension name: {ex.Message}", ex);
            }

            variables.Add(new DimensionalVariable(name, dimension, CertificateJson.ReadOptionalString(entry, "units")));
        }

        var order = variables.Select(v => v.Name).ToList();
        var groupErrors = new List<string>();
        var groups = CertificateJson.ReadArray(document, "groups")
            .Select((node, i) => ReadProduct(node, $"group {i + 1}", order, groupErrors))
            .ToList();
        string? target = CertificateJson.ReadOptionalString(document, "target");
        PowerProduct? scaling = document["target_scaling"] is null ? null : ReadProduct(document["target_scaling"], "target_scaling", order, groupErrors);
        IReadOnlyList<string>? groupText = document["group_text"] is JsonArray textArray
            ? textArray.Select((node, i) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw new CertificateFormatException($"Element {i + 1} of field 'group_text' must be a string.")).ToList()
            : null;
        return new Content(
            variables,
            groups,
            groupErrors,
            target,
            scaling,
            CertificateJson.ReadInteger(document, "rank"),
            groupText,
            CertificateJson.ReadObject(document, "certificate"));
    }

    private static JsonObject Exponents(PowerProduct product)
    {
        var result = new JsonObject();
        for (int j = 0; j < product.Names.Count; j++)
        {
            if (!product.Exponents[j].IsZero)
            {
                result[product.Names[j]] = CertificateJson.Integer(product.Exponents[j]);
            }
        }

        return result;
    }

    // Reads an object from variable name to exponent. Unknown names are recorded as errors (a failed check, not a
    // format error), and the product then keeps only the known names.
    private static PowerProduct ReadProduct(JsonNode? node, string where, List<string> names, List<string> errors)
    {
        if (node is not JsonObject entry)
        {
            throw new CertificateFormatException($"The {where} must be an object from variable name to integer exponent.");
        }

        var exponents = new BigInteger[names.Count];
        foreach (var (name, value) in entry)
        {
            var exponent = CertificateJson.ReadInteger(value, $"exponent of '{name}' in {where}");
            int index = names.IndexOf(name);
            if (index < 0)
            {
                errors.Add($"{where} uses '{name}', which is not a variable of the table");
                continue;
            }

            exponents[index] = exponent;
        }

        return new PowerProduct(names, exponents);
    }

    private static int ToInt(BigInteger value, string where) =>
        value >= int.MinValue && value <= int.MaxValue
            ? (int)value
            : throw new CertificateFormatException($"A dimension exponent of {where} ({value.ToString(CultureInfo.InvariantCulture)}) exceeds the range of a 32-bit integer.");
}
