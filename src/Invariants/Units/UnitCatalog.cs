namespace InvTheory.Invariants.Units;

/// <summary>
/// The unit symbols that unit expressions may use, with their dimensions, and the decimal prefixes allowed on them.
/// </summary>
/// <remarks>
/// Only dimensions matter for dimensional analysis, so a unit's scale (gram versus kilogram, minute versus second) is
/// ignored. A symbol is looked up exactly first. Otherwise it is read as prefix + unit when the unit accepts prefixes;
/// if two such readings exist the symbol is rejected as ambiguous. The tables are listed in docs/units.md.
/// </remarks>
public static class UnitCatalog
{
    private static readonly Dictionary<string, UnitDefinition> Units = BuildUnits();

    private static readonly Dictionary<string, string> PrefixTable = new(StringComparer.Ordinal)
    {
        ["Y"] = "yotta", ["Z"] = "zetta", ["E"] = "exa", ["P"] = "peta", ["T"] = "tera", ["G"] = "giga", ["M"] = "mega",
        ["k"] = "kilo", ["h"] = "hecto", ["da"] = "deca", ["d"] = "deci", ["c"] = "centi", ["m"] = "milli",
        ["u"] = "micro", ["\u00B5"] = "micro", ["\u03BC"] = "micro", ["n"] = "nano", ["p"] = "pico", ["f"] = "femto",
        ["a"] = "atto", ["z"] = "zepto", ["y"] = "yocto",
    };

    /// <summary>A unit symbol, its dimension, whether it accepts prefixes, and its name.</summary>
    /// <param name="Symbol">The symbol as written in unit expressions, such as <c>Pa</c>.</param>
    /// <param name="Dimension">The dimension of the unit.</param>
    /// <param name="AcceptsPrefixes">Whether decimal prefixes such as <c>k</c> or <c>m</c> may precede the symbol.</param>
    /// <param name="Name">The unit's name, such as <c>pascal</c>.</param>
    public sealed record UnitDefinition(string Symbol, DimensionVector Dimension, bool AcceptsPrefixes, string Name);

    /// <summary>Every unit symbol in the catalog, in the order of docs/units.md.</summary>
    public static IReadOnlyList<UnitDefinition> All { get; } = Units.Values.ToList().AsReadOnly();

    /// <summary>The decimal prefix symbols with their names.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Prefixes { get; } = PrefixTable.ToList().AsReadOnly();

    /// <summary>
    /// Looks up <paramref name="symbol"/> exactly, then as prefix + unit. Returns false with a reason in
    /// <paramref name="error"/> when the symbol is unknown or ambiguous.
    /// </summary>
    public static bool TryResolve(string symbol, out DimensionVector dimension, out string error)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        dimension = DimensionVector.Dimensionless;
        error = string.Empty;
        if (Units.TryGetValue(symbol, out var exact))
        {
            dimension = exact.Dimension;
            return true;
        }

        var readings = new List<(string Prefix, UnitDefinition Unit)>();
        foreach (var prefix in PrefixTable.Keys)
        {
            if (symbol.Length > prefix.Length && symbol.StartsWith(prefix, StringComparison.Ordinal)
                && Units.TryGetValue(symbol[prefix.Length..], out var unit) && unit.AcceptsPrefixes)
            {
                readings.Add((prefix, unit));
            }
        }

        if (readings.Count == 1)
        {
            dimension = readings[0].Unit.Dimension;
            return true;
        }

        error = readings.Count == 0
            ? $"unknown unit '{symbol}'"
            : $"ambiguous unit '{symbol}' ({string.Join(" or ", readings.Select(r => $"{PrefixTable[r.Prefix]}-{r.Unit.Name}"))})";
        return false;
    }

    private static Dictionary<string, UnitDefinition> BuildUnits()
    {
        var units = new Dictionary<string, UnitDefinition>(StringComparer.Ordinal);
        void Add(string symbol, string name, bool prefixes, int kg = 0, int m = 0, int s = 0, int ampere = 0, int kelvin = 0, int mol = 0, int cd = 0)
        {
            var dimension = DimensionVector.FromExponents(
            [
                new("M", kg), new("L", m), new("T", s), new("I", ampere), new("Theta", kelvin), new("N", mol), new("J", cd),
            ]);
            units.Add(symbol, new UnitDefinition(symbol, dimension, prefixes, name));
        }

        // SI base units. The kilogram takes no further prefix; prefixes go on the gram (mg, Mg).
        Add("kg", "kilogram", false, kg: 1);
        Add("g", "gram", true, kg: 1);
        Add("m", "metre", true, m: 1);
        Add("s", "second", true, s: 1);
        Add("A", "ampere", true, ampere: 1);
        Add("K", "kelvin", true, kelvin: 1);
        Add("mol", "mole", true, mol: 1);
        Add("cd", "candela", true, cd: 1);

        // SI derived units with special names.
        Add("rad", "radian", true);
        Add("sr", "steradian", true);
        Add("Hz", "hertz", true, s: -1);
        Add("N", "newton", true, kg: 1, m: 1, s: -2);
        Add("Pa", "pascal", true, kg: 1, m: -1, s: -2);
        Add("J", "joule", true, kg: 1, m: 2, s: -2);
        Add("W", "watt", true, kg: 1, m: 2, s: -3);
        Add("C", "coulomb", true, s: 1, ampere: 1);
        Add("V", "volt", true, kg: 1, m: 2, s: -3, ampere: -1);
        Add("F", "farad", true, kg: -1, m: -2, s: 4, ampere: 2);
        Add("ohm", "ohm", true, kg: 1, m: 2, s: -3, ampere: -2);
        Add("\u03A9", "ohm", true, kg: 1, m: 2, s: -3, ampere: -2);
        Add("S", "siemens", true, kg: -1, m: -2, s: 3, ampere: 2);
        Add("Wb", "weber", true, kg: 1, m: 2, s: -2, ampere: -1);
        Add("T", "tesla", true, kg: 1, s: -2, ampere: -1);
        Add("H", "henry", true, kg: 1, m: 2, s: -2, ampere: -2);
        Add("lm", "lumen", true, cd: 1);
        Add("lx", "lux", true, m: -2, cd: 1);
        Add("Bq", "becquerel", true, s: -1);
        Add("Gy", "gray", true, m: 2, s: -2);
        Add("Sv", "sievert", true, m: 2, s: -2);
        Add("kat", "katal", true, s: -1, mol: 1);

        // Units accepted for use with the SI.
        Add("L", "litre", true, m: 3);
        Add("bar", "bar", true, kg: 1, m: -1, s: -2);
        Add("eV", "electronvolt", true, kg: 1, m: 2, s: -2);
        Add("min", "minute", false, s: 1);
        Add("h", "hour", false, s: 1);
        Add("d", "day", false, s: 1);
        return units;
    }
}
