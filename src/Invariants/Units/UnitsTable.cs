using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvTheory.Invariants.Units;

/// <summary>
/// The input of a dimensional analysis: named variables with their dimensions, an optional target variable and an
/// optional set of repeating variables. Read from JSON or CSV (the formats are documented in docs/units.md).
/// </summary>
public sealed class UnitsTable
{
    private static readonly string[] TopLevelKeys = ["variables", "target", "repeating", "description"];
    private static readonly string[] VariableKeys = ["name", "units", "dimensions", "description"];

    /// <summary>Creates a table and checks it.</summary>
    /// <exception cref="UnitsTableException">
    /// There are no variables, a name is invalid or repeated, the target or a repeating variable is not in the table,
    /// the repeating list repeats a name, or the target is also repeating.
    /// </exception>
    public UnitsTable(IEnumerable<DimensionalVariable> variables, string? target = null, IEnumerable<string>? repeating = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        Variables = variables.ToList().AsReadOnly();
        Target = target;
        Repeating = repeating?.ToList().AsReadOnly();
        Validate();
    }

    /// <summary>The variables in table order.</summary>
    public IReadOnlyList<DimensionalVariable> Variables { get; }

    /// <summary>The variable to be predicted from the others, or null.</summary>
    public string? Target { get; }

    /// <summary>The repeating variables that every group may use, or null to let the analysis choose small groups.</summary>
    public IReadOnlyList<string>? Repeating { get; }

    /// <summary>Returns the index of the variable named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < Variables.Count; i++)
        {
            if (Variables[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns a copy with another target and repeating set (null keeps the current value).</summary>
    /// <exception cref="UnitsTableException">The new target or repeating set does not fit the table.</exception>
    public UnitsTable With(string? target = null, IEnumerable<string>? repeating = null) =>
        new(Variables, target ?? Target, repeating ?? Repeating);

    /// <summary>Reads a table from a file: JSON when the first non-blank character is '{', CSV otherwise.</summary>
    /// <exception cref="UnitsTableException">The content is not a valid table; the message starts with the file name.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static UnitsTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Units table '{path}' was not found. Check the path.", path);
        }

        string text = File.ReadAllText(path);
        try
        {
            return text.TrimStart().StartsWith('{') ? ParseJson(text) : ParseCsv(text);
        }
        catch (UnitsTableException ex)
        {
            throw new UnitsTableException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Parses the JSON form <c>{"variables": [{"name": "dp", "units": "Pa"}, {"name": "L", "dimensions": {"L": 1}}],
    /// "target": "dp", "repeating": ["rho", "v", "D"]}</c>.
    /// </summary>
    /// <exception cref="UnitsTableException">The text is not valid JSON or not a valid table; the message names the variable and the field.</exception>
    public static UnitsTable ParseJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new UnitsTableException($"Invalid units table: the JSON is malformed ({ex.Message.Split('\n')[0].Trim()}).", ex);
        }

        if (root is not JsonObject table)
        {
            throw new UnitsTableException("Invalid units table: expected a JSON object with a \"variables\" array.");
        }

        RejectUnknownKeys(table, TopLevelKeys, "the units table");
        if (table["variables"] is not JsonArray array)
        {
            throw new UnitsTableException("Invalid units table: the field \"variables\" is missing or not an array.");
        }

        var variables = new List<DimensionalVariable>();
        for (int i = 0; i < array.Count; i++)
        {
            variables.Add(ParseJsonVariable(array[i], i + 1));
        }

        string? target = ReadOptionalString(table, "target");
        List<string>? repeating = null;
        if (table["repeating"] is JsonNode repeatingNode)
        {
            if (repeatingNode is not JsonArray repeatingArray)
            {
                throw new UnitsTableException("Invalid units table: \"repeating\" must be an array of variable names.");
            }

            repeating = repeatingArray.Select((node, i) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new UnitsTableException($"Invalid units table: element {i + 1} of \"repeating\" must be a variable name (a string).")).ToList();
        }

        return new UnitsTable(variables, target, repeating);
    }

    /// <summary>
    /// Parses the CSV form: a header <c>name,units</c> followed by rows <c>dp,kg*m^-1*s^-2</c>, or a header
    /// <c>name,M,L,T,...</c> followed by integer exponents (an empty cell is 0). Lines starting with '#' and blank
    /// lines are skipped; fields may be enclosed in double quotes.
    /// </summary>
    /// <exception cref="UnitsTableException">The text is not a valid table; the message names the line, the variable and the field.</exception>
    public static UnitsTable ParseCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n').Select((line, i) => (Number: i + 1, Text: line.TrimEnd('\r')))
            .Where(l => l.Text.Trim().Length > 0 && !l.Text.TrimStart().StartsWith('#'))
            .ToList();
        if (lines.Count == 0)
        {
            throw new UnitsTableException("Invalid units table: the CSV is empty; expected a header 'name,units' or 'name,M,L,T,...'.");
        }

        var header = SplitCsvLine(lines[0].Text, lines[0].Number).Select(h => h.Trim()).ToList();
        if (header.Count < 2 || !header[0].Equals("name", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnitsTableException(
                $"Invalid units table: line {lines[0].Number}: the header must start with 'name' followed by 'units' or by dimension names; found '{lines[0].Text.Trim()}'.");
        }

        bool unitsMode = header.Count == 2 && header[1].Equals("units", StringComparison.OrdinalIgnoreCase);
        if (!unitsMode)
        {
            ValidateDimensionHeader(header, lines[0].Number);
        }

        var variables = new List<DimensionalVariable>();
        foreach (var (number, text) in lines.Skip(1))
        {
            var fields = SplitCsvLine(text, number).Select(f => f.Trim()).ToList();
            if (fields.Count != header.Count)
            {
                throw new UnitsTableException(
                    $"Invalid units table: line {number}: expected {header.Count} fields ({string.Join(",", header)}), found {fields.Count}.");
            }

            string name = fields[0];
            CheckName(name, $"line {number}");
            if (unitsMode)
            {
                var dimension = UnitExpression.Parse(fields[1], $"line {number}, variable '{name}'");
                variables.Add(new DimensionalVariable(name, dimension, fields[1]));
                continue;
            }

            var exponents = new List<KeyValuePair<string, int>>();
            for (int j = 1; j < header.Count; j++)
            {
                if (fields[j].Length == 0)
                {
                    continue;
                }

                if (!int.TryParse(fields[j], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent))
                {
                    throw new UnitsTableException(
                        $"Invalid units table: line {number}, variable '{name}', column '{header[j]}': expected an integer exponent, found '{fields[j]}'.");
                }

                exponents.Add(new(header[j], exponent));
            }

            variables.Add(new DimensionalVariable(name, DimensionVector.FromExponents(exponents)));
        }

        return new UnitsTable(variables);
    }

    private static DimensionalVariable ParseJsonVariable(JsonNode? node, int index)
    {
        if (node is not JsonObject entry)
        {
            throw new UnitsTableException($"Invalid units table: variable {index} must be an object with \"name\" and \"units\" or \"dimensions\".");
        }

        string where = $"variable {index}";
        RejectUnknownKeys(entry, VariableKeys, where);
        string name = ReadOptionalString(entry, "name") ?? throw new UnitsTableException($"Invalid units table: {where} has no \"name\".");
        CheckName(name, where);
        where = $"variable {index} ('{name}')";

        bool hasUnits = entry["units"] is not null;
        bool hasDimensions = entry["dimensions"] is not null;
        if (hasUnits == hasDimensions)
        {
            throw new UnitsTableException(
                $"Invalid units table: {where} must have exactly one of \"units\" (such as \"kg*m^-3\") and \"dimensions\" (such as {{\"M\": 1, \"L\": -3}}).");
        }

        if (hasUnits)
        {
            string units = ReadOptionalString(entry, "units")!;
            return new DimensionalVariable(name, UnitExpression.Parse(units, $"variable '{name}'"), units);
        }

        if (entry["dimensions"] is not JsonObject dimensions)
        {
            throw new UnitsTableException($"Invalid units table: {where}: \"dimensions\" must be an object from dimension name to integer exponent.");
        }

        var exponents = new List<KeyValuePair<string, int>>();
        foreach (var (key, value) in dimensions)
        {
            if (!BaseDimensions.IsValidName(BaseDimensions.Normalize(key)))
            {
                throw new UnitsTableException($"Invalid units table: {where}: '{key}' is not a valid dimension name; use M, L, T, Theta, I, N, J or a name such as 'USD'.");
            }

            if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number
                || !int.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent))
            {
                throw new UnitsTableException($"Invalid units table: {where}: the exponent of '{key}' must be an integer; found {value?.ToJsonString() ?? "null"}.");
            }

            exponents.Add(new(key, exponent));
        }

        return new DimensionalVariable(name, DimensionVector.FromExponents(exponents));
    }

    private static void ValidateDimensionHeader(List<string> header, int lineNumber)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in header.Skip(1))
        {
            string normalized = BaseDimensions.Normalize(column);
            if (!BaseDimensions.IsValidName(normalized))
            {
                throw new UnitsTableException(
                    $"Invalid units table: line {lineNumber}: '{column}' is not a valid dimension name; the header is 'name,units' or 'name' followed by dimension names such as M,L,T.");
            }

            if (!seen.Add(normalized))
            {
                throw new UnitsTableException($"Invalid units table: line {lineNumber}: the dimension '{column}' appears twice in the header.");
            }
        }
    }

    private static List<string> SplitCsvLine(string line, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new UnitsTableException($"Invalid units table: line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static void CheckName(string name, string where)
    {
        if (!BaseDimensions.IsValidName(name))
        {
            throw new UnitsTableException(
                $"Invalid units table: {where}: '{name}' is not a valid variable name; use a letter or '_' followed by letters, digits or '_'.");
        }
    }

    private static string? ReadOptionalString(JsonObject parent, string key)
    {
        var node = parent[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw new UnitsTableException($"Invalid units table: \"{key}\" must be a string; found {node.ToJsonString()}.");
    }

    private static void RejectUnknownKeys(JsonObject entry, string[] allowed, string where)
    {
        foreach (var (key, _) in entry)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new UnitsTableException(
                    $"Invalid units table: {where} has the unknown field \"{key}\"; allowed fields are {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
            }
        }
    }

    private void Validate()
    {
        if (Variables.Count == 0)
        {
            throw new UnitsTableException("Invalid units table: it has no variables; list at least one variable with its units.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in Variables)
        {
            CheckName(variable.Name, "a variable");
            if (!names.Add(variable.Name))
            {
                throw new UnitsTableException($"Invalid units table: duplicate variable name '{variable.Name}'; every variable needs its own name.");
            }
        }

        string known = string.Join(", ", Variables.Select(v => v.Name));
        if (Target is not null && !names.Contains(Target))
        {
            throw new UnitsTableException($"Invalid units table: the target '{Target}' is not a variable of the table ({known}).");
        }

        if (Repeating is null)
        {
            return;
        }

        var repeatingNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Repeating)
        {
            if (!names.Contains(name))
            {
                throw new UnitsTableException($"Invalid repeating set: '{name}' is not a variable of the table ({known}).");
            }

            if (!repeatingNames.Add(name))
            {
                throw new UnitsTableException($"Invalid repeating set: '{name}' is listed twice.");
            }

            if (name == Target)
            {
                throw new UnitsTableException(
                    $"Invalid repeating set: the target '{name}' cannot be a repeating variable, because its group must express it through the others.");
            }
        }
    }
}
