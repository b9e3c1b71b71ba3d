using InvTheory.Invariants.Units;

namespace InvTheory.Invariants.Tests.Units;

public sealed class UnitsTableTests
{
    private const string PipeJson = """
        {
          "variables": [
            {"name": "dp", "units": "kg*m^-1*s^-2"},
            {"name": "L", "dimensions": {"L": 1}},
            {"name": "D", "units": "m"},
            {"name": "rho", "units": "kg/m^3"},
            {"name": "mu", "dimensions": {"M": 1, "L": -1, "T": -1}},
            {"name": "v", "units": "m/s"}
          ],
          "target": "dp",
          "repeating": ["rho", "v", "D"]
        }
        """;

    [Fact]
    public void JsonReadsVariablesTargetAndRepeating()
    {
        var table = UnitsTable.ParseJson(PipeJson);
        Assert.Equal(["dp", "L", "D", "rho", "mu", "v"], table.Variables.Select(v => v.Name));
        Assert.Equal("M*L^-1*T^-2", table.Variables[0].Dimension.ToString());
        Assert.Equal("kg*m^-1*s^-2", table.Variables[0].Units);
        Assert.Null(table.Variables[1].Units);
        Assert.Equal("dp", table.Target);
        Assert.Equal(["rho", "v", "D"], table.Repeating!);
    }

    [Fact]
    public void CsvUnitsAndDimensionFormsAgree()
    {
        var byUnits = UnitsTable.ParseCsv("# pipe\nname,units\ndp,Pa\nmu,\"Pa*s\"\n\nv,m/s\n");
        var byDimensions = UnitsTable.ParseCsv("name,M,L,T\r\ndp,1,-1,-2\r\nmu,1,-1,-1\r\nv,,1,-1\r\n");
        Assert.Equal(byUnits.Variables.Select(v => v.Dimension), byDimensions.Variables.Select(v => v.Dimension));
    }

    [Fact]
    public void CsvAcceptsUserNamedDimension()
    {
        var table = UnitsTable.ParseCsv("name,USD,T\nprice,1,\nrate,,-1\n");
        Assert.Equal(1, table.Variables[0].Dimension.Exponent("USD"));
    }

    [Theory]
    [InlineData("""{"variables": [{"name": "a", "units": "m"}, {"name": "a", "units": "s"}]}""", "duplicate variable name 'a'")]
    [InlineData("""{"variables": [{"name": "mu", "units": "Pas"}]}""", "Variable 'mu'")]
    [InlineData("""{"variables": [{"name": "mu", "units": "Pas"}]}""", "position 1")]
    [InlineData("""{"variables": [{"name": "x", "units": "m", "dimensions": {"L": 1}}]}""", "exactly one of")]
    [InlineData("""{"variables": [{"name": "x"}]}""", "exactly one of")]
    [InlineData("""{"variables": [{"name": "2x", "units": "m"}]}""", "'2x' is not a valid variable name")]
    [InlineData("""{"variables": [{"name": "x", "unit": "m"}]}""", "unknown field \"unit\"")]
    [InlineData("""{"variables": [{"name": "x", "dimensions": {"L": 1.5}}]}""", "must be an integer")]
    [InlineData("""{"variables": []}""", "no variables")]
    [InlineData("""{"variables": [{"name": "x", "units": "m"}], "target": "y"}""", "target 'y' is not a variable")]
    [InlineData("""{"variables": [{"name": "x", "units": "m"}], "repeating": ["x", "x"]}""", "listed twice")]
    [InlineData("""{"variables": [{"name": "x", "units": "m"}], "target": "x", "repeating": ["x"]}""", "cannot be a repeating variable")]
    [InlineData("""{"variables": [{"name": "x", "units": "m"}""", "malformed")]
    [InlineData("""[1]""", "expected a JSON object")]
    public void JsonRejectsInvalidTable(string json, string expected)
    {
        var error = Assert.Throws<UnitsTableException>(() => UnitsTable.ParseJson(json));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("variable,units\nx,m\n", "header must start with 'name'")]
    [InlineData("name,units\nx,m,s\n", "line 2: expected 2 fields")]
    [InlineData("name,M,L\nx,1,a\n", "column 'L': expected an integer exponent, found 'a'")]
    [InlineData("name,M,M\nx,1,1\n", "appears twice")]
    [InlineData("name,units\nx,\"m\n", "not closed")]
    [InlineData("name,units\nx,m\nx,s\n", "duplicate variable name 'x'")]
    [InlineData("name,units\nx,furlong\n", "Line 2, variable 'x'")]
    public void CsvRejectsInvalidTable(string csv, string expected)
    {
        var error = Assert.Throws<UnitsTableException>(() => UnitsTable.ParseCsv(csv));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void WithOverridesTarget()
    {
        var table = UnitsTable.ParseJson(PipeJson).With(target: "mu", repeating: ["rho", "v", "D"]);
        Assert.Equal("mu", table.Target);
    }
}
