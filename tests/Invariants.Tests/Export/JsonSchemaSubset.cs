using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InvTheory.Invariants.Tests.Export;

/// <summary>
/// A validator for the subset of JSON Schema 2020-12 that docs/schema/invtheory-result.schema.json uses: type, const,
/// enum, required, properties, additionalProperties, items, minItems, minLength, minimum, pattern, allOf, if/then and
/// local $ref. Any other keyword raises, so the schema cannot use a keyword that this validator would ignore.
/// </summary>
internal sealed class JsonSchemaSubset(JsonObject root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];

    /// <summary>Returns the violations of <paramref name="instance"/>, each with its JSON path; empty when it is valid.</summary>
    public List<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? instance, string path, List<string> errors)
    {
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case var _ when Annotations.Contains(keyword):
                    break;
                case "$ref":
                    Check(Resolve(value!.GetValue<string>()), instance, path, errors);
                    break;
                case "type":
                    var types = value is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [value!.GetValue<string>()];
                    if (!types.Any(t => HasType(instance, t)))
                    {
                        errors.Add($"{path}: expected type {string.Join(" or ", types)}, found {Kind(instance)}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(value, instance))
                    {
                        errors.Add($"{path}: expected {value?.ToJsonString()}, found {instance?.ToJsonString() ?? "null"}");
                    }

                    break;
                case "enum":
                    if (!value!.AsArray().Any(v => JsonNode.DeepEquals(v, instance)))
                    {
                        errors.Add($"{path}: {instance?.ToJsonString() ?? "null"} is not one of {value.ToJsonString()}");
                    }

                    break;
                case "required":
                    foreach (var name in value!.AsArray().Select(n => n!.GetValue<string>()))
                    {
                        if (instance is JsonObject obj && !obj.ContainsKey(name))
                        {
                            errors.Add($"{path}: missing required field '{name}'");
                        }
                    }

                    break;
                case "properties":
                    if (instance is JsonObject properties)
                    {
                        foreach (var (name, subschema) in value!.AsObject())
                        {
                            if (properties.TryGetPropertyValue(name, out var child))
                            {
                                Check(subschema!.AsObject(), child, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (instance is JsonObject others)
                    {
                        var declared = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        foreach (var (name, child) in others.Where(p => !declared.Contains(p.Key)))
                        {
                            if (value is JsonValue flag && !flag.GetValue<bool>())
                            {
                                errors.Add($"{path}: unexpected field '{name}'");
                            }
                            else if (value is JsonObject subschema)
                            {
                                Check(subschema, child, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "items":
                    if (instance is JsonArray items)
                    {
                        for (int i = 0; i < items.Count; i++)
                        {
                            Check(value!.AsObject(), items[i], $"{path}[{i}]", errors);
                        }
                    }

                    break;
                case "minItems":
                    if (instance is JsonArray list && list.Count < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: {list.Count} items, at least {value} required");
                    }

                    break;
                case "minLength":
                    if (instance is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Length < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: string shorter than {value}");
                    }

                    break;
                case "minimum":
                    if (instance is JsonValue number && number.GetValueKind() == JsonValueKind.Number
                        && decimal.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) < value!.GetValue<decimal>())
                    {
                        errors.Add($"{path}: {number.ToJsonString()} is below the minimum {value}");
                    }

                    break;
                case "pattern":
                    if (instance is JsonValue patterned && patterned.GetValueKind() == JsonValueKind.String
                        && !Regex.IsMatch(patterned.GetValue<string>(), value!.GetValue<string>()))
                    {
                        errors.Add($"{path}: '{patterned.GetValue<string>()}' does not match {value}");
                    }

                    break;
                case "allOf":
                    foreach (var part in value!.AsArray())
                    {
                        Check(part!.AsObject(), instance, path, errors);
                    }

                    break;
                case "if":
                    var conditionErrors = new List<string>();
                    Check(value!.AsObject(), instance, path, conditionErrors);
                    if (conditionErrors.Count == 0 && schema["then"] is JsonObject then)
                    {
                        Check(then, instance, path, errors);
                    }

                    break;
                case "then":
                    break;
                default:
                    throw new NotSupportedException($"JSON Schema keyword '{keyword}' at {path} is outside the validated subset.");
            }
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references {prefix}NAME are supported; found '{reference}'.");
        }

        return root["$defs"]![reference[prefix.Length..]]!.AsObject();
    }

    private static bool HasType(JsonNode? node, string type) => type switch
    {
        "null" => node is null,
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => node is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => node is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "integer" => node is JsonValue i && i.GetValueKind() == JsonValueKind.Number && !i.ToJsonString().Contains('.') && !i.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase),
        _ => throw new NotSupportedException($"JSON Schema type '{type}' is outside the validated subset."),
    };

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };
}
