using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

public sealed class FieldSpecTests
{
    public static TheoryData<string, string> AcceptedNames => new()
    {
        // Spellings listed in the FieldSpec.Parse documentation, with the canonical name each maps to.
        { "Q", "Q" },
        { "qq", "Q" },
        { " QQ\t", "Q" },
        { "GF(7)", "GF(7)" },
        { "gf(7)", "GF(7)" },
        { "GF 7", "GF(7)" },
        { "GF_7", "GF(7)" },
        { "F_7", "GF(7)" },
        { "F7", "GF(7)" },
        { "Z/7", "GF(7)" },
        { "Z/7Z", "GF(7)" },
        { "GF(007)", "GF(7)" },
        { "GF(4611686018427387847)", "GF(4611686018427387847)" },
        { "Q(zeta_5)", "Q(zeta_5)" },
        { "Q(z_5)", "Q(zeta_5)" },
        { "Q(zeta5)", "Q(zeta_5)" },
        { "QQ(zeta_12)", "Q(zeta_12)" },
        { "CF(5)", "Q(zeta_5)" },
        { "cyclotomic(8)", "Q(zeta_8)" },
        { "Q(zeta_100000)", "Q(zeta_100000)" },
        { "Q(zeta_1)", "Q" },
        { "Q(zeta_2)", "Q" },
    };

    [Theory]
    [MemberData(nameof(AcceptedNames))]
    public void ParseAcceptsName(string text, string canonical)
    {
        var spec = FieldSpec.Parse(text);

        Assert.Equal(canonical, spec.Name);
        Assert.Equal(spec, FieldSpec.Parse(spec.Name));
    }

    public static TheoryData<string, string> RejectedNames => new()
    {
        // Each rejected name with a fragment the message must contain.
        { "GF(4)", "4 is not a prime" },
        { "GF(1)", "1 is not a prime" },
        { "GF(0)", "0 is not a prime" },
        { "GF(4611686018427387904)", "below 2^62" },
        { "GF(18446744073709551557)", "below 2^62" },
        { "GF(99999999999999999999999)", "not a prime" },
        { "GF(7", "Unknown field 'GF(7'" },
        { "GF7)", "Unknown field 'GF7)'" },
        { "GF(\u0667)", "Unknown field" }, // ARABIC-INDIC DIGIT SEVEN: only ASCII digits are accepted.
        { "Q(zeta_0)", "from 1 to 100000" },
        { "Q(zeta_100001)", "from 1 to 100000" },
        { "Q(zeta_5", "Unknown field" },
        { "R", "Use Q, GF(p) with p prime, or Q(zeta_n)" },
        { "", "Unknown field ''" },
        { "Q(sqrt2)", "Unknown field" },
    };

    [Theory]
    [MemberData(nameof(RejectedNames))]
    public void ParseRejectsName(string text, string messageFragment)
    {
        var error = Assert.Throws<FormatException>(() => FieldSpec.Parse(text));

        Assert.Contains(messageFragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q", "Q", 1)]
    [InlineData("GF(65521)", "GF(65521)", 1)]
    [InlineData("Q(zeta_12)", "Q(zeta_12)", 4)]
    public void AcceptDispatchesToFieldObject(string text, string name, int degree)
    {
        var (visitedName, visitedDegree, elementType) = FieldSpec.Parse(text).Accept(new DescribeVisitor());

        Assert.Equal(name, visitedName);
        Assert.Equal(degree, visitedDegree);
        Assert.Equal(
            text switch { "Q" => typeof(Rational), "GF(65521)" => typeof(ModInt), _ => typeof(CyclotomicNumber) },
            elementType);
    }

    [Fact]
    public void AcceptReturnsCachedFields()
    {
        Assert.Same(CyclotomicField.Get(12), FieldSpec.Parse("Q(zeta_12)").Accept(new FieldObjectVisitor()));
        Assert.Same(PrimeField.Get(7), FieldSpec.Parse("GF(7)").Accept(new FieldObjectVisitor()));
        Assert.Same(RationalField.Instance, FieldSpec.Parse("Q").Accept(new FieldObjectVisitor()));
    }

    [Fact]
    public void AcceptRejectsHandBuiltInvalidSpecs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldSpec(FieldKind.Prime, 4).Accept(new FieldObjectVisitor()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldSpec(FieldKind.Cyclotomic, 1UL << 40).Accept(new FieldObjectVisitor()));
    }

    private sealed class DescribeVisitor : IFieldVisitor<(string Name, int Degree, Type ElementType)>
    {
        public (string Name, int Degree, Type ElementType) Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T> => (field.Name, field.DegreeOverPrimeField, typeof(T));
    }

    private sealed class FieldObjectVisitor : IFieldVisitor<object>
    {
        public object Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T> => field;
    }
}
