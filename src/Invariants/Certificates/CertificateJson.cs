using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Invariants.Certificates;

/// <summary>
/// Reads and writes the JSON values of result files: exact integers of any size (written as JSON numbers),
/// integer matrices (arrays of rows) and strings, with errors that name the offending field.
/// </summary>
public static class CertificateJson
{
    /// <summary>Returns a JSON number node with the exact decimal digits of <paramref name="value"/>.</summary>
    public static JsonNode Integer(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>Returns a JSON array of exact integers.</summary>
    public static JsonArray IntegerArray(IEnumerable<BigInteger> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new JsonArray(values.Select(v => (JsonNode?)Integer(v)).ToArray());
    }

    /// <summary>Returns the matrix as a JSON array of rows of exact integers.</summary>
    public static JsonArray Matrix(IntegerMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new JsonArray(Enumerable.Range(0, matrix.RowCount).Select(i => (JsonNode?)IntegerArray(matrix.Row(i))).ToArray());
    }

    /// <summary>Returns the string field <paramref name="name"/> of <paramref name="parent"/>.</summary>
    /// <exception cref="CertificateFormatException">The field is missing or not a string.</exception>
    public static string ReadString(JsonObject parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var node = Require(parent, name);
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw new CertificateFormatException($"Field '{name}' must be a string; found {Describe(node)}.");
    }

    /// <summary>Returns the string field <paramref name="name"/>, or null when it is absent or JSON null.</summary>
    /// <exception cref="CertificateFormatException">The field is present but not a string.</exception>
    public static string? ReadOptionalString(JsonObject parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent[name] is null ? null : ReadString(parent, name);
    }

    /// <summary>Returns the integer field <paramref name="name"/> of <paramref name="parent"/>.</summary>
    /// <exception cref="CertificateFormatException">The field is missing or not an integer.</exception>
    public static BigInteger ReadInteger(JsonObject parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return ReadInteger(Require(parent, name), $"field '{name}'");
    }

    /// <summary>Returns the exact integer in <paramref name="node"/>; <paramref name="where"/> names it in errors.</summary>
    /// <exception cref="CertificateFormatException">The node is not a JSON number with an integer value.</exception>
    public static BigInteger ReadInteger(JsonNode? node, string where)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            string text = value.ToJsonString();
            if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
            {
                return result;
            }

            throw new CertificateFormatException($"{Capitalize(where)} must be an integer; found {text}.");
        }

        throw new CertificateFormatException($"{Capitalize(where)} must be an integer; found {Describe(node)}.");
    }

    /// <summary>Returns the array field <paramref name="name"/> of <paramref name="parent"/>.</summary>
    /// <exception cref="CertificateFormatException">The field is missing or not an array.</exception>
    public static JsonArray ReadArray(JsonObject parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var node = Require(parent, name);
        return node as JsonArray ?? throw new CertificateFormatException($"Field '{name}' must be an array; found {Describe(node)}.");
    }

    /// <summary>Returns the object field <paramref name="name"/> of <paramref name="parent"/>.</summary>
    /// <exception cref="CertificateFormatException">The field is missing or not an object.</exception>
    public static JsonObject ReadObject(JsonObject parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var node = Require(parent, name);
        return node as JsonObject ?? throw new CertificateFormatException($"Field '{name}' must be an object; found {Describe(node)}.");
    }

    /// <summary>Returns the array field <paramref name="name"/> as a list of exact integers.</summary>
    /// <exception cref="CertificateFormatException">The field is missing, not an array, or has a non-integer element.</exception>
    public static IReadOnlyList<BigInteger> ReadIntegerArray(JsonObject parent, string name)
    {
        var array = ReadArray(parent, name);
        return array.Select((node, i) => ReadInteger(node, $"element {i + 1} of field '{name}'")).ToList().AsReadOnly();
    }

    /// <summary>
    /// Returns the matrix in field <paramref name="name"/> (an array of rows); <paramref name="columnCount"/> gives the
    /// width when the matrix has no rows.
    /// </summary>
    /// <exception cref="CertificateFormatException">The field is missing, a row is not an array, rows are ragged, or an entry is not an integer.</exception>
    public static IntegerMatrix ReadMatrix(JsonObject parent, string name, int columnCount)
    {
        var array = ReadArray(parent, name);
        var rows = new List<List<BigInteger>>();
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonArray row)
            {
                throw new CertificateFormatException($"Row {i + 1} of field '{name}' must be an array; found {Describe(array[i])}.");
            }

            if (i > 0 && row.Count != rows[0].Count)
            {
                throw new CertificateFormatException($"Field '{name}' has ragged rows: row {i + 1} has {row.Count} entries, row 1 has {rows[0].Count}.");
            }

            rows.Add(row.Select((node, j) => ReadInteger(node, $"entry ({i + 1},{j + 1}) of field '{name}'")).ToList());
        }

        return IntegerMatrix.FromRows(rows, rows.Count == 0 ? columnCount : 0);
    }

    private static JsonNode Require(JsonObject parent, string name) =>
        parent[name] ?? throw new CertificateFormatException($"The result file lacks the field '{name}' (or it is null).");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => node.ToJsonString(),
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
