using System.Text.Json.Nodes;

namespace InvTheory.Runtime.Evaluation;

/// <summary>
/// The JSON form of a <see cref="Float64Basis"/>: <c>{"variables": [names], "elements": [{"name": ..., "components":
/// [[{"coefficient": c, "exponents": [e...]}, ...], ...]}]}</c>. Doubles are written in shortest round-trip form, so
/// reading gives back the same bits.
/// </summary>
public static class Float64BasisJson
{
    /// <summary>Returns the JSON object of <paramref name="basis"/>.</summary>
    public static JsonObject ToJson(Float64Basis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var elements = new JsonArray();
        foreach (var element in basis.Elements)
        {
            var components = new JsonArray();
            foreach (var component in element.Components)
            {
                var terms = new JsonArray();
                foreach (var term in component)
                {
                    terms.Add(new JsonObject
                    {
                        ["coefficient"] = term.Coefficient,
                        ["exponents"] = new JsonArray([.. term.Exponents.Select(e => (JsonNode?)e)]),
                    });
                }

                components.Add(terms);
            }

            var item = new JsonObject();
            if (element.Name is not null)
            {
                item["name"] = element.Name;
            }

            item["components"] = components;
            elements.Add(item);
        }

        return new JsonObject
        {
            ["variables"] = new JsonArray([.. basis.VariableNames.Select(n => (JsonNode?)n)]),
            ["elements"] = elements,
        };
    }

    /// <summary>Reads a basis written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">A required field is missing or has the wrong type.</exception>
    public static Float64Basis FromJson(JsonNode json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var names = json["variables"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var elements = new List<Float64BasisElement>();
            foreach (var item in json["elements"]!.AsArray())
            {
                var components = item!["components"]!.AsArray().Select(component => component!.AsArray().Select(term => new Float64Term(
                    term!["coefficient"]!.GetValue<double>(),
                    term["exponents"]!.AsArray().Select(e => e!.GetValue<int>()))).ToList()).ToList();
                elements.Add(new Float64BasisElement(components, item["name"]?.GetValue<string>()));
            }

            return new Float64Basis(names.Count, elements, names);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException)
        {
            throw new FormatException($"Float64BasisJson: the basis JSON is missing a field or has a field of the wrong type ({ex.Message}). Write it with Float64BasisJson.ToJson.", ex);
        }
    }
}
