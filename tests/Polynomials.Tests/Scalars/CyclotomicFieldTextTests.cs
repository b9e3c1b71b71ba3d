using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

public sealed class CyclotomicFieldTextTests
{
    private static readonly CyclotomicField Q5 = CyclotomicField.Get(5);

    public static TheoryData<int, string, string> ParsedValues => new()
    {
        // Text, then the same value written in the power basis by hand (z^4 = -1 - z - z^2 - z^3 in Q(zeta_5)).
        { 5, "-z^2-z^3", "-z^3-z^2" },
        { 5, "1/2*z+3", "1/2*z+3" },
        { 5, "(z+1)^2", "z^2+2*z+1" },
        { 5, "z^7", "z^2" },
        { 5, "z^1000000001", "z" },
        { 5, "z^-1", "-z^3-z^2-z-1" },
        { 5, "z^(-1)", "-z^3-z^2-z-1" },
        { 5, "2/3", "2/3" },
        { 5, "2^-2", "1/4" },
        { 5, "1.5*zeta", "3/2*z" },
        { 5, "zeta_5^2", "z^2" },
        { 5, " z ^ 2 +\t1 ", "z^2+1" },
        { 5, "-(z)", "-z" },
        { 5, "--z", "z" },
        { 5, "+z", "z" },
        { 5, "-z^2", "-z^2" },
        { 5, "1/2/2", "1/4" },
        { 5, "2*3^2", "18" },
        { 5, "z^5-1", "0" },
        { 4, "z^2", "-1" },
        { 4, "(1+z)*(1-z)", "2" },
        { 12, "z^4", "z^2-1" },
        { 3, "1/(z+1)", "-z" },
    };

    [Theory]
    [MemberData(nameof(ParsedValues))]
    public void ParseReadsValue(int n, string text, string canonical)
    {
        var field = CyclotomicField.Get(n);

        Assert.Equal(canonical, field.Format(field.Parse(text)));
    }

    public static TheoryData<string, int, string> Errors => new()
    {
        // Text, the 0-based position the message must name, and the token or problem it must quote.
        { "z^^2", 2, "'^'" },
        { "2z", 1, "'z'" },
        { "(z+1", 4, "end of text" },
        { "w", 0, "'w'" },
        { "z+", 2, "end of text" },
        { "zeta_7", 4, "'_7'" },
        { "", 0, "empty" },
        { "z)", 1, "')'" },
        { "1..2", 0, "'1..2'" },
        { "2^100000", 2, "100000" },
        { "z # 2", 2, "'#'" },
        { "z^(2", 4, "')'" },
        { "3 4", 2, "'4'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ParseReportsPositionAndToken(string text, int position, string token)
    {
        var error = Assert.Throws<FormatException>(() => Q5.Parse(text));

        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        Assert.Contains(token, error.Message, StringComparison.Ordinal);
        Assert.Contains("Q(zeta_5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLimitsNesting()
    {
        string deep = new string('(', 300) + "z" + new string(')', 300);
        string shallow = new string('(', 200) + "z" + new string(')', 200);

        var error = Assert.Throws<FormatException>(() => Q5.Parse(deep));
        Assert.Contains("position 256", error.Message, StringComparison.Ordinal);
        Assert.Equal(Q5.Zeta, Q5.Parse(shallow));
        Assert.Equal(-Q5.Zeta, Q5.Parse(new string('-', 100_001) + "z"));
    }

    [Fact]
    public void ParseDivisionByZeroThrows()
    {
        Assert.Throws<DivideByZeroException>(() => Q5.Parse("1/0"));
        Assert.Throws<DivideByZeroException>(() => Q5.Parse("1/(z-z)"));
        Assert.Throws<DivideByZeroException>(() => Q5.Parse("(z^5-1)^-1"));
    }

    public static TheoryData<string, string, string> Formats => new()
    {
        // Text form, the expected canonical text and LaTeX, by hand.
        { "z^3+1/2*z-2", "z^3+1/2*z-2", @"\zeta_{5}^{3}+\frac{1}{2}\zeta_{5}-2" },
        { "-z", "-z", @"-\zeta_{5}" },
        { "-1/2*z^2", "-1/2*z^2", @"-\frac{1}{2}\zeta_{5}^{2}" },
        { "3*z^2-z", "3*z^2-z", @"3\zeta_{5}^{2}-\zeta_{5}" },
        { "-5/3", "-5/3", @"-\frac{5}{3}" },
        { "0", "0", "0" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void FormatIsCanonical(string text, string plain, string latex)
    {
        var x = Q5.Parse(text);

        Assert.Equal(plain, Q5.Format(x));
        Assert.Equal(latex, Q5.FormatLatex(x));
    }

    [Theory]
    [InlineData("z+1", true, false)]
    [InlineData("1/2*z", false, false)]
    [InlineData("-3", false, true)]
    [InlineData("-z+1", true, true)]
    [InlineData("z-1", true, false)]
    [InlineData("0", false, false)]
    public void PrintingPredicates(string text, bool needsParentheses, bool isNegative)
    {
        var x = Q5.Parse(text);

        Assert.Equal(needsParentheses, Q5.NeedsParentheses(x));
        Assert.Equal(isNegative, Q5.IsNegativeForPrinting(x));
    }

    [Fact]
    public void FieldLessConstantsFormatAsRationals()
    {
        Assert.Equal("0", Q5.Format(default));
        Assert.Equal("-3/4", Q5.Format(Rational.Create(-3, 4)));
        Assert.Equal(@"-\frac{3}{4}", Q5.FormatLatex(Rational.Create(-3, 4)));
        Assert.Equal("1", CyclotomicNumber.MultiplicativeIdentity.ToString());
    }

    [Fact]
    public void FormatRejectsOtherFields()
    {
        var error = Assert.Throws<ArgumentException>(() => Q5.Format(CyclotomicField.Get(7).Zeta));

        Assert.Contains("Q(zeta_7)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Q(zeta_5)", error.Message, StringComparison.Ordinal);
    }
}
