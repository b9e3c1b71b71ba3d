using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvTheory.Invariants.Export;

/// <summary>
/// Re-emits a verified result as canonical JSON: the envelope fields first, every other object's keys in ordinal
/// order, polynomials in the canonical text of their ring, two-space indentation and a final newline.
/// </summary>
/// <remarks>The output is a valid result file of the same kind, so <c>invtheory verify</c> accepts it.</remarks>
internal static class JsonExporter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] Envelope = ["schema", "version", "kind"];

    public static string Export(ExportedResult result)
    {
        var document = (JsonObject)result.Document.DeepClone();
        CanonicalizePolynomials(document, result);
        var sorted = (JsonObject)Sort(document)!;
        var canonical = new JsonObject();
        foreach (string key in Envelope)
        {
            canonical[key] = sorted[key]!.DeepClone();
        }

        foreach (var (key, value) in sorted.Where(p => !Envelope.Contains(p.Key)))
        {
            canonical[key] = value?.DeepClone();
        }

        return canonical.ToJsonString(Options) + "\n";
    }

    private static void CanonicalizePolynomials(JsonObject document, ExportedResult result)
    {
        foreach (var section in result.Sections)
        {
            if (section.Name == "groups" || document[section.Name] is not JsonArray array)
            {
                continue;
            }

            for (int i = 0; i < array.Count && i < section.Elements.Count; i++)
            {
                var element = section.Elements[i];
                switch (array[i])
                {
                    case JsonObject entry when entry.ContainsKey("polynomial"):
                        entry["polynomial"] = element.Texts[0];
                        break;
                    case JsonObject entry when entry.ContainsKey("components"):
                        entry["components"] = new JsonArray([.. element.Texts.Select(t => (JsonNode?)t)]);
                        break;
                    case JsonValue:
                        array[i] = element.Texts[0];
                        break;
                }
            }
        }
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };
}
