using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Tests;

public sealed class GroupFileTests
{
    private const string Valid = """
        {
          "name": "c4",
          "description": "rotation by 90 degrees",
          "field": "Q",
          "dimension": 2,
          "generators": [ [["0", -1], [1, "0"]] ],
          "order": 4
        }
        """;

    [Fact]
    public void ParsesStringAndIntegerEntries()
    {
        var definition = GroupFile.Parse(Valid, "test");
        Assert.Equal("c4", definition.Name);
        Assert.Equal("rotation by 90 degrees", definition.Description);
        Assert.Equal(FieldSpec.Rationals, definition.Field);
        Assert.Equal(2, definition.Dimension);
        Assert.Equal(["0", "-1"], definition.Generators[0][0]);
        Assert.Equal(["1", "0"], definition.Generators[0][1]);
        Assert.Equal(new BigInteger(4), definition.Order);
    }

    [Fact]
    public void DescriptionAndOrderAreOptional()
    {
        var definition = GroupFile.Parse("""{"name": "x", "field": "GF(7)", "dimension": 1, "generators": [[["3"]]]}""", "test");
        Assert.Null(definition.Description);
        Assert.Null(definition.Order);
        Assert.Equal("GF(7)", definition.Field.Name);
    }

    [Fact]
    public void OrderMayBeAString()
    {
        var definition = GroupFile.Parse("""{"name": "x", "field": "Q", "dimension": 1, "generators": [[["-1"]]], "order": "2"}""", "test");
        Assert.Equal(new BigInteger(2), definition.Order);
    }

    [Fact]
    public void EveryReferenceFileParses()
    {
        foreach (var path in ReferenceData.GroupFiles)
        {
            var definition = GroupFile.Read(path);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), definition.Name);
        }
    }

    [Fact]
    public void FormatRoundTrips()
    {
        var definition = GroupFile.Read(ReferenceData.GroupFile("dihedral8"));
        var text = GroupFile.Format(definition);
        var again = GroupFile.Parse(text, "round trip");
        Assert.Equal(definition.Name, again.Name);
        Assert.Equal(definition.Description, again.Description);
        Assert.Equal(definition.Field, again.Field);
        Assert.Equal(definition.Order, again.Order);
        Assert.Equal(definition.Generators.SelectMany(g => g.SelectMany(r => r)), again.Generators.SelectMany(g => g.SelectMany(r => r)));

        // '+' stays readable instead of the escaped \u002B.
        Assert.Contains("2+z-z^3", text);
    }

    public static TheoryData<string, string[]> Errors => new()
    {
        { """{"name": "x", "field": "Q", "dimension": 2, """, ["malformed JSON", "line 1"] },
        { """[1, 2]""", ["top level must be a JSON object"] },
        { """{"field": "Q", "dimension": 1, "generators": [[["1"]]]}""", ["\"name\" is missing"] },
        { """{"name": "x", "dimension": 1, "generators": [[["1"]]]}""", ["\"field\" is missing"] },
        { """{"name": "x", "field": "Q", "generators": [[["1"]]]}""", ["\"dimension\" is missing"] },
        { """{"name": "x", "field": "Q", "dimension": 1}""", ["\"generators\" is missing"] },
        { """{"name": "x", "field": "R", "dimension": 1, "generators": [[["1"]]]}""", ["unsupported field \"R\""] },
        { """{"name": "x", "field": "Q", "dimension": 0, "generators": [[["1"]]]}""", ["\"dimension\" is 0", "from 1 to 64"] },
        { """{"name": "x", "field": "Q", "dimension": 65, "generators": [[["1"]]]}""", ["\"dimension\" is 65"] },
        { """{"name": "x", "field": "Q", "dimension": "2", "generators": [[["1"]]]}""", ["\"dimension\" must be an integer"] },
        { """{"name": "x", "field": "Q", "dimension": 2, "generators": []}""", ["non-empty list"] },
        { """{"name": "x", "field": "Q", "dimension": 2, "generators": [[["1", "0"], ["0", "1"]], [["1", "0"]]]}""", ["generator 2 has 1 rows", "needs 2 rows"] },
        { """{"name": "x", "field": "Q", "dimension": 2, "generators": [[["1", "0"], ["0"]]]}""", ["generator 1, row 2 has 1 entries"] },
        { """{"name": "x", "field": "Q", "dimension": 1, "generators": [[[0.5]]]}""", ["generator 1, row 1, column 1", "not an integer", "\"1/2\""] },
        { """{"name": "x", "field": "Q", "dimension": 1, "generators": [[[true]]]}""", ["string or an integer"] },
        { """{"name": "x", "field": "Q(zeta_5)", "dimension": 2, "generators": [[["1", "0"], ["0", "1"]], [["1", "z^"], ["0", "1"]]]}""", ["generator 2, row 1, column 2", "'z^'", "Q(zeta_5)"] },
        { """{"name": "x", "field": "Q", "dimension": 1, "generators": [[["z"]]]}""", ["generator 1, row 1, column 1", "not an element of Q"] },
        { """{"name": "x", "field": "Q", "dimension": 1, "generators": [[[""]]]}""", ["the entry is empty"] },
        { """{"name": "x", "field": "Q", "dimension": 1, "generators": [[["1"]]], "oder": 1}""", ["unknown key \"oder\""] },
        { """{"name": "x", "name": "y", "field": "Q", "dimension": 1, "generators": [[["1"]]]}""", ["appears twice"] },
        { """{"name": "x", "field": "Q", "dimension": 1, "generators": [[["1"]]], "order": 0}""", ["\"order\" must be a positive integer"] },
        { """{"name": " ", "field": "Q", "dimension": 1, "generators": [[["1"]]]}""", ["\"name\" is empty"] },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void InvalidFileIsReportedWithPosition(string json, string[] fragments)
    {
        var error = Assert.Throws<GroupFileException>(() => GroupFile.Parse(json, "bad.json"));
        Assert.StartsWith("bad.json: ", error.Message);
        Assert.Equal("bad.json", error.SourceName);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message);
        }
    }

    [Fact]
    public void ReadNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"invtheory-bad-{Environment.ProcessId}.json");
        File.WriteAllText(path, """{"name": "x", "field": "Q", "dimension": 2, "generators": [[["1", "0"], ["0"]]]}""");
        try
        {
            var error = Assert.Throws<GroupFileException>(() => GroupFile.Read(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileThrowsIOException()
    {
        Assert.Throws<FileNotFoundException>(() => GroupFile.Read(Path.Combine(Path.GetTempPath(), "no-such-invtheory-group.json")));
    }

    [Fact]
    public void DefinitionWithWrongSizesIsRejected()
    {
        var definition = new GroupDefinition("x", null, FieldSpec.Rationals, 2, [[["1", "0"]]], null);
        var error = Assert.Throws<GroupFileException>(() => MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance));
        Assert.Contains("generator 1 has 1 rows", error.Message);
        Assert.Throws<ArgumentException>(() => MatrixGroup<ModInt>.FromDefinition(definition, PrimeField.Get(5)));
    }
}
