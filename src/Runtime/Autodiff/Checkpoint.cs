using System.Text.Json.Nodes;

namespace InvTheory.Runtime.Autodiff;

/// <summary>
/// Saves and loads trained parameters as JSON, together with a free-form description of the model (for example the
/// feature map's basis as written by <c>Float64BasisJson.ToJson</c>). Values are written in shortest round-trip form,
/// so loading restores every parameter bit for bit.
/// </summary>
public static class Checkpoint
{
    /// <summary>The value of the <c>schema</c> field.</summary>
    public const string Schema = "invtheory-checkpoint";

    /// <summary>Returns the checkpoint document of <paramref name="parameters"/> and <paramref name="model"/>.</summary>
    public static JsonObject ToJson(IReadOnlyList<Parameter> parameters, JsonNode? model = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = new JsonArray();
        foreach (var p in parameters)
        {
            var values = new JsonArray();
            foreach (double v in p.Value.AsSpan())
            {
                values.Add(v);
            }

            list.Add(new JsonObject
            {
                ["name"] = p.Name,
                ["rows"] = p.Value.Rows,
                ["columns"] = p.Value.Columns,
                ["values"] = values,
            });
        }

        return new JsonObject
        {
            ["schema"] = Schema,
            ["version"] = 1,
            ["model"] = model?.DeepClone(),
            ["parameters"] = list,
        };
    }

    /// <summary>
    /// Copies the values stored in <paramref name="checkpoint"/> into <paramref name="parameters"/>, matched by name,
    /// and returns the model description.
    /// </summary>
    /// <exception cref="FormatException">The document is not a checkpoint, a parameter is missing, or a shape differs.</exception>
    public static JsonNode? LoadInto(JsonNode checkpoint, IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(parameters);
        if (checkpoint["schema"]?.GetValue<string>() != Schema)
        {
            throw new FormatException($"Checkpoint: the document's schema is not '{Schema}'. Load a file written by Checkpoint.ToJson.");
        }

        var stored = new Dictionary<string, JsonNode>();
        foreach (var item in checkpoint["parameters"]!.AsArray())
        {
            stored[item!["name"]!.GetValue<string>()] = item;
        }

        foreach (var p in parameters)
        {
            if (!stored.TryGetValue(p.Name, out var item))
            {
                throw new FormatException($"Checkpoint: parameter '{p.Name}' is missing. The checkpoint was written for another model.");
            }

            int rows = item["rows"]!.GetValue<int>();
            int columns = item["columns"]!.GetValue<int>();
            var values = item["values"]!.AsArray();
            if (rows != p.Value.Rows || columns != p.Value.Columns || values.Count != rows * columns)
            {
                throw new FormatException(
                    $"Checkpoint: parameter '{p.Name}' is stored as {rows} x {columns} with {values.Count} values but the model has {p.Value.Rows} x {p.Value.Columns}.");
            }

            var target = p.Value.AsSpan();
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = values[i]!.GetValue<double>();
            }
        }

        return checkpoint["model"];
    }
}
