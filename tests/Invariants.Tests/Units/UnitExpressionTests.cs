using InvTheory.Invariants.Units;

namespace InvTheory.Invariants.Tests.Units;

public sealed class UnitExpressionTests
{
    // Expected dimensions follow from the SI definitions of the derived units (BIPM SI Brochure, 9th ed., Table 4):
    // Pa = kg m^-1 s^-2, J = kg m^2 s^-2, W = kg m^2 s^-3, V = W/A, ohm = V/A.
    public static TheoryData<string, string> Expressions => new()
    {
        { "kg*m^-1*s^-2", "M*L^-1*T^-2" },
        { "Pa", "M*L^-1*T^-2" },
        { "N/m^2", "M*L^-1*T^-2" },
        { "Pa*s", "M*L^-1*T^-1" },
        { "kg/m^3", "M*L^-3" },
        { "J/(kg*K)", "L^2*T^-2*Theta^-1" },
        { "W/(m*K)", "M*L*T^-3*Theta^-1" },
        { "J/kg/K", "L^2*T^-2*Theta^-1" },
        { "V/A", "M*L^2*T^-3*I^-2" },
        { "ohm", "M*L^2*T^-3*I^-2" },
        { "\u03A9", "M*L^2*T^-3*I^-2" },
        { "mol/L", "L^-3*N" },
        { "cd*sr", "J" },
        { "1", "1" },
        { "rad", "1" },
        { "1/s", "T^-1" },
        { "m^(-2)", "L^-2" },
        { "(m/s)^2", "L^2*T^-2" },
        { " m / s ^ 2 ", "L*T^-2" },
        { "Hz*s", "1" },
        // Prefixes change only the scale: kJ, mm, micrometre, MPa, mmol, kilo-ohm, millikelvin.
        { "kJ", "M*L^2*T^-2" },
        { "mm", "L" },
        { "\u00B5m", "L" },
        { "um", "L" },
        { "MPa", "M*L^-1*T^-2" },
        { "mmol", "N" },
        { "kohm", "M*L^2*T^-3*I^-2" },
        { "mK", "Theta" },
        { "mg", "M" },
        { "km/h", "L*T^-1" },
        { "L/min", "L^3*T^-1" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void ParseGivesDimension(string expression, string expected) =>
        Assert.Equal(expected, UnitExpression.Parse(expression).ToString());

    [Theory]
    [InlineData("kg*m^-x", "position 6", "'-x'")]
    [InlineData("Pas", "position 1", "unknown unit 'Pas'")]
    [InlineData("kg*m^0.5", "position 6", "'0.5'")]
    [InlineData("2*m", "position 1", "'2'")]
    [InlineData("(m", "position 3", "')'")]
    [InlineData("kg m", "position 4", "'m'")]
    [InlineData("", "position 1", "empty")]
    [InlineData("m*", "position 3", "the end of the expression")]
    [InlineData("kkg", "position 1", "unknown unit 'kkg'")]
    [InlineData("m^99999999999", "position 3", "too large")]
    public void ParseRejectsInvalidExpression(string expression, string position, string token)
    {
        var error = Assert.Throws<UnitsTableException>(() => UnitExpression.Parse(expression, "variable 'x'"));
        Assert.Contains("Variable 'x'", error.Message);
        Assert.Contains(position, error.Message);
        Assert.Contains(token, error.Message);
    }

    [Fact]
    public void NestedPowersOverflowClearly()
    {
        var error = Assert.Throws<UnitsTableException>(() => UnitExpression.Parse("((m^100000)^100000)^100000"));
        Assert.Contains("exceeds", error.Message);
    }

    [Fact]
    public void PrefixedUnitsAreUnambiguous()
    {
        // Every prefix on every prefixable unit resolves to that unit's dimension. The only prefixed spelling that is
        // also an exact symbol is kg (kilo + gram), which has the same dimension.
        foreach (var unit in UnitCatalog.All.Where(u => u.AcceptsPrefixes))
        {
            foreach (var (prefix, _) in UnitCatalog.Prefixes)
            {
                Assert.True(UnitCatalog.TryResolve(prefix + unit.Symbol, out var dimension, out var error), error);
                Assert.Equal(unit.Dimension, dimension);
            }
        }
    }
}
