using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations;

/// <summary>
/// Reads and writes the JSON group-file format: an object with <c>name</c>, optional <c>description</c>,
/// <c>field</c>, <c>dimension</c>, <c>generators</c> (a list of matrices, each a list of rows of entries) and
/// optional <c>order</c>. Entries are strings in the field's notation or JSON integers.
/// </summary>
/// <remarks>
/// A matrix g acts on V = K^d by x -&gt; g x, and f is invariant when f(g x) = f(x) for every generator g.
/// Error messages count generators, rows and columns from 1. The format is documented in docs/groups.md.
/// </remarks>
public static class GroupFile
{
    /// <summary>
    /// The largest dimension a group file may have. Enumeration stores d^2 entries per element and the Molien
    /// series works with polynomials of degree (exponent of G) * d, so larger matrix groups are out of reach anyway.
    /// </summary>
    public const int MaxDimension = 64;

    private static readonly string[] KnownKeys = ["name", "description", "field", "dimension", "generators", "order"];

    // Relaxed escaping keeps '+' and non-ASCII letters readable; the output is still valid JSON.
    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 16,
    };

    /// <summary>Reads and validates the group file at <paramref name="path"/>, parsing every entry in the field.</summary>
    /// <exception cref="GroupFileException">The file is not a valid group file; the message names the file and the position.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GroupDefinition Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates group-file text; <paramref name="sourceName"/> names the input in messages.</summary>
    /// <exception cref="GroupFileException">The text is not a valid group file; the message names the source and the position.</exception>
    public static GroupDefinition Parse(string json, string sourceName = "group file")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            string position = ex.LineNumber is { } line
                ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}"
                : string.Empty;
            throw new GroupFileException(sourceName, $"malformed JSON{position}: {StripJsonPosition(ex.Message)}", ex);
        }

        using (document)
        {
            var definition = ReadDefinition(document.RootElement, sourceName);
            Validate(definition, sourceName);
            return definition;
        }
    }

    /// <summary>
    /// Checks a definition: the dimension range, the number and sizes of the generators, and that every entry
    /// parses in the field.
    /// </summary>
    /// <exception cref="GroupFileException">The definition is invalid; the message names <paramref name="sourceName"/> and the position.</exception>
    public static void Validate(GroupDefinition definition, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            definition.Field.Accept(new ValidatingVisitor(definition, sourceName));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new GroupFileException(sourceName, $"unsupported field {definition.Field.Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Returns the group-file JSON text of a definition, one matrix per line.</summary>
    public static string Format(GroupDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"name\": ").Append(Quote(definition.Name)).Append(",\n");
        if (definition.Description is not null)
        {
            text.Append("  \"description\": ").Append(Quote(definition.Description)).Append(",\n");
        }

        text.Append("  \"field\": ").Append(Quote(definition.Field.Name)).Append(",\n");
        text.Append("  \"dimension\": ").Append(definition.Dimension.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"generators\": [\n");
        for (int k = 0; k < definition.Generators.Count; k++)
        {
            text.Append("    [");
            var rows = definition.Generators[k];
            for (int i = 0; i < rows.Count; i++)
            {
                text.Append(i == 0 ? "[" : ", [");
                for (int j = 0; j < rows[i].Count; j++)
                {
                    text.Append(j == 0 ? string.Empty : ", ").Append(Quote(rows[i][j]));
                }

                text.Append(']');
            }

            text.Append(']').Append(k + 1 < definition.Generators.Count ? ",\n" : "\n");
        }

        text.Append("  ]");
        if (definition.Order is { } order)
        {
            text.Append(",\n  \"order\": ").Append(order.ToString(CultureInfo.InvariantCulture));
        }

        text.Append("\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// Parses the generators of a definition in <paramref name="field"/>, checking the sizes.
    /// </summary>
    /// <exception cref="GroupFileException">A size is wrong or an entry does not parse; the message names the position.</exception>
    internal static Matrix<T>[] ParseGenerators<T>(GroupDefinition definition, Field<T> field, string sourceName)
        where T : struct, IFieldElement<T>
    {
        int d = definition.Dimension;
        if (d < 1 || d > MaxDimension)
        {
            throw new GroupFileException(sourceName, $"dimension {d} is out of range; it must be from 1 to {MaxDimension}.");
        }

        if (definition.Generators is null || definition.Generators.Count == 0)
        {
            throw new GroupFileException(sourceName, "the group has no generators; give at least one matrix (the identity for the trivial group).");
        }

        var matrices = new Matrix<T>[definition.Generators.Count];
        for (int k = 0; k < matrices.Length; k++)
        {
            var rows = definition.Generators[k];
            if (rows is null || rows.Count != d)
            {
                throw new GroupFileException(
                    sourceName, $"generator {k + 1} has {rows?.Count ?? 0} rows; the dimension is {d}, so every generator needs {d} rows.");
            }

            var entries = new T[d * d];
            for (int i = 0; i < d; i++)
            {
                var row = rows[i];
                if (row is null || row.Count != d)
                {
                    throw new GroupFileException(
                        sourceName, $"generator {k + 1}, row {i + 1} has {row?.Count ?? 0} entries; the dimension is {d}, so every row needs {d} entries.");
                }

                for (int j = 0; j < d; j++)
                {
                    entries[i * d + j] = ParseEntry(field, row[j], sourceName, k, i, j);
                }
            }

            matrices[k] = Matrix.FromRowMajor(field, d, d, entries);
        }

        return matrices;
    }

    private static T ParseEntry<T>(Field<T> field, string? text, string sourceName, int k, int i, int j)
        where T : struct, IFieldElement<T>
    {
        string position = $"generator {k + 1}, row {i + 1}, column {j + 1}";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new GroupFileException(sourceName, $"{position}: the entry is empty; write a scalar of {field.Name} such as \"0\".");
        }

        try
        {
            return field.Parse(text);
        }
        catch (Exception ex) when (ex is FormatException or ArithmeticException or OverflowException or ArgumentException)
        {
            throw new GroupFileException(sourceName, $"{position}: '{text}' is not an element of {field.Name}: {ex.Message}", ex);
        }
    }

    private static GroupDefinition ReadDefinition(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GroupFileException(source, $"the top level must be a JSON object with the keys {string.Join(", ", KnownKeys)}; found {Describe(root)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(KnownKeys, property.Name) < 0)
            {
                throw new GroupFileException(source, $"unknown key \"{property.Name}\"; a group file has only the keys {string.Join(", ", KnownKeys)}.");
            }

            if (!seen.Add(property.Name))
            {
                throw new GroupFileException(source, $"the key \"{property.Name}\" appears twice.");
            }
        }

        string name = RequiredString(root, "name", source);
        if (name.Trim().Length == 0)
        {
            throw new GroupFileException(source, "\"name\" is empty; give the group a short name such as \"coxeter_H3\".");
        }

        string? description = null;
        if (root.TryGetProperty("description", out var descriptionElement) && descriptionElement.ValueKind != JsonValueKind.Null)
        {
            if (descriptionElement.ValueKind != JsonValueKind.String)
            {
                throw new GroupFileException(source, $"\"description\" must be a string; found {Describe(descriptionElement)}.");
            }

            description = descriptionElement.GetString();
        }

        string fieldText = RequiredString(root, "field", source);
        FieldSpec field;
        try
        {
            field = FieldSpec.Parse(fieldText);
        }
        catch (FormatException ex)
        {
            throw new GroupFileException(source, $"unsupported field \"{fieldText}\": {ex.Message}", ex);
        }

        int dimension = ReadDimension(root, source);
        var generators = ReadGenerators(root, dimension, source);
        BigInteger? order = ReadOrder(root, source);
        return new GroupDefinition(name, description, field, dimension, generators, order);
    }

    private static int ReadDimension(JsonElement root, string source)
    {
        if (!root.TryGetProperty("dimension", out var element))
        {
            throw new GroupFileException(source, "the required key \"dimension\" is missing; give the size d of the d x d generator matrices.");
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int dimension))
        {
            throw new GroupFileException(source, $"\"dimension\" must be an integer from 1 to {MaxDimension}; found {Describe(element)}.");
        }

        if (dimension < 1 || dimension > MaxDimension)
        {
            throw new GroupFileException(source, $"\"dimension\" is {dimension}; it must be from 1 to {MaxDimension}.");
        }

        return dimension;
    }

    private static List<IReadOnlyList<IReadOnlyList<string>>> ReadGenerators(JsonElement root, int d, string source)
    {
        if (!root.TryGetProperty("generators", out var element))
        {
            throw new GroupFileException(source, "the required key \"generators\" is missing; give a list of d x d matrices.");
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new GroupFileException(
                source, $"\"generators\" must be a non-empty list of matrices (the identity for the trivial group); found {Describe(element)}.");
        }

        var generators = new List<IReadOnlyList<IReadOnlyList<string>>>();
        int k = 0;
        foreach (var matrix in element.EnumerateArray())
        {
            k++;
            if (matrix.ValueKind != JsonValueKind.Array)
            {
                throw new GroupFileException(source, $"generator {k} must be a list of rows; found {Describe(matrix)}.");
            }

            if (matrix.GetArrayLength() != d)
            {
                throw new GroupFileException(
                    source, $"generator {k} has {matrix.GetArrayLength()} rows; the dimension is {d}, so every generator needs {d} rows.");
            }

            var rows = new List<IReadOnlyList<string>>(d);
            int i = 0;
            foreach (var row in matrix.EnumerateArray())
            {
                i++;
                if (row.ValueKind != JsonValueKind.Array)
                {
                    throw new GroupFileException(source, $"generator {k}, row {i} must be a list of entries; found {Describe(row)}.");
                }

                if (row.GetArrayLength() != d)
                {
                    throw new GroupFileException(
                        source, $"generator {k}, row {i} has {row.GetArrayLength()} entries; the dimension is {d}, so every row needs {d} entries.");
                }

                var entries = new string[d];
                int j = 0;
                foreach (var entry in row.EnumerateArray())
                {
                    entries[j] = ReadEntry(entry, source, k, i, j + 1);
                    j++;
                }

                rows.Add(Array.AsReadOnly(entries));
            }

            generators.Add(rows.AsReadOnly());
        }

        return generators;
    }

    private static string ReadEntry(JsonElement entry, string source, int k, int i, int j)
    {
        switch (entry.ValueKind)
        {
            case JsonValueKind.String:
                return entry.GetString()!;
            case JsonValueKind.Number:
                string raw = entry.GetRawText();
                if (BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    return raw;
                }

                throw new GroupFileException(
                    source, $"generator {k}, row {i}, column {j}: the number {raw} is not an integer; write fractions and other scalars as strings, such as \"1/2\".");
            default:
                throw new GroupFileException(
                    source, $"generator {k}, row {i}, column {j}: an entry must be a string or an integer; found {Describe(entry)}.");
        }
    }

    private static BigInteger? ReadOrder(JsonElement root, string source)
    {
        if (!root.TryGetProperty("order", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string text = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.String => element.GetString()!,
            _ => throw new GroupFileException(source, $"\"order\" must be a positive integer; found {Describe(element)}."),
        };

        if (!BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order.IsZero)
        {
            throw new GroupFileException(source, $"\"order\" must be a positive integer; found {text}.");
        }

        return order;
    }

    private static string RequiredString(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var element))
        {
            throw new GroupFileException(source, $"the required key \"{key}\" is missing.");
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw new GroupFileException(source, $"\"{key}\" must be a string; found {Describe(element)}.");
        }

        return element.GetString()!;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"a list of {element.GetArrayLength()} items",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 3." to its messages; the position is reported 1-based instead.
    private static string StripJsonPosition(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions);

    /// <summary>Parses every entry of a definition in the field its spec names.</summary>
    private sealed class ValidatingVisitor(GroupDefinition definition, string sourceName) : IFieldVisitor<bool>
    {
        public bool Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            ParseGenerators(definition, field, sourceName);
            return true;
        }
    }
}
