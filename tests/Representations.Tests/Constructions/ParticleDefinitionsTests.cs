using System.Numerics;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Constructions;

public sealed class ParticleDefinitionsTests
{
    [Theory]
    [InlineData(1, 48)]     // |Oh| = 48, and S_1 is trivial
    [InlineData(2, 96)]     // 48 * 2!
    [InlineData(3, 288)]    // 48 * 3!
    [InlineData(4, 1152)]   // 48 * 4!
    public void OrderIsGroupOrderTimesFactorial(int n, int expected)
    {
        // G x S_n acts faithfully on V^n: (g, sigma) is the identity only for sigma = 1 and g = I.
        var definition = GroupResolver.Resolve($"particles(Oh, {n})");
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        Assert.Equal(new BigInteger(expected), definition.Order);
        Assert.Equal(new BigInteger(expected), group.Order);
        Assert.Equal(3 * n, group.Dimension);
    }

    [Fact]
    public void OrderOfUnstatedInnerGroupIsEnumerated()
    {
        // Oh:Sym2(V) states no order (Sym2 need not be faithful). -I acts trivially on Sym2(V), so the image has order
        // 48 / 2 = 24, and with two particles 24 * 2! = 48.
        var definition = GroupResolver.Resolve("particles(Oh:Sym2(V), 2)");
        Assert.Null(definition.Order);
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        Assert.Equal(new BigInteger(48), group.Order);
        Assert.Equal(12, group.Dimension);
    }

    [Fact]
    public void SignOnTheLineWithTwoParticles()
    {
        // C_2 acting by -1 on R, two particles x1, x2: the group is {I, -I} x {1, swap} of order 4. The invariants are
        // the symmetric polynomials of even degree, the even-degree part of Q[e1, e2] with e1 = x1 + x2 and
        // e2 = x1 x2. By hand: degree 1 has none; degree 2 has x1^2 + x2^2 and x1 x2; degree 4 has x1^4 + x2^4,
        // x1^3 x2 + x1 x2^3 and x1^2 x2^2; in general degree 2k has k + 1 (e1^(2a) e2^(k-a), a = 0..k). So the series
        // is 1/(1 - t^2)^2.
        var line = new GroupDefinition("sign", null, FieldSpec.Parse("Q"), 1, [[["-1"]]], 2);
        var definition = ParticleDefinitions.Apply(line, 2);
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        var series = group.MolienSeries();

        Assert.Equal(new BigInteger(4), group.Order);
        Assert.Equal([1, 0, 2, 0, 3, 0, 4, 0, 5], series.Coefficients(8).Select(c => (int)c));
        Assert.Equal([2, 2], series.DenominatorDegrees);
        for (int degree = 0; degree <= 4; degree++)
        {
            Assert.Equal(BruteForceInvariants.Count(group.Field, group.Generators, degree), (int)series.Coefficient(degree));
        }
    }

    [Theory]
    [InlineData("particles(S3, 2)")]
    [InlineData("particles(Oh, 2)")]
    [InlineData("particles(C3, 3)")]
    public void MolienCoefficientsCountInvariants(string text)
    {
        var definition = GroupResolver.Resolve(text);
        var coefficients = definition.Field.Accept(new CountVisitor(definition, 4));
        Assert.Equal(coefficients.Molien, coefficients.BruteForce);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    public void OhQuadraticInvariants(int n, int expected)
    {
        // Oh acts irreducibly on R^3 with the invariant form x.y and no invariant vector. So V^n has no invariant
        // linear forms, and its invariant quadratic forms are sum a_ij x_i.x_j (one per pair i <= j). S_n-invariance
        // leaves sum |x_i|^2 and, for n >= 2, sum over i < j of x_i.x_j.
        var definition = GroupResolver.Resolve($"particles(Oh, {n})");
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        var series = group.MolienSeries();
        Assert.Equal(BigInteger.Zero, series.Coefficient(1));
        Assert.Equal(new BigInteger(expected), series.Coefficient(2));
    }

    [Fact]
    public void ExpressionAfterParticlesApplies()
    {
        // Sym2 of the 6-dimensional V + V of particles(S3, 2) has dimension 21.
        var definition = GroupResolver.Resolve("particles(S3, 2):Sym2(V)");
        Assert.Equal(21, definition.Dimension);
        Assert.Equal("particles(S3, 2):Sym2(V)", definition.Name);
    }

    [Theory]
    [InlineData("particles(Oh, 0)", "at least 1; got 0")]
    [InlineData("particles(Oh, -2)", "at least 1; got -2")]
    [InlineData("particles(Oh, three)", "'three' is not an integer")]
    public void BadCountIsRejected(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => GroupResolver.Resolve(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderBeyondLargestLimitNamesTheOption()
    {
        // 48 * 13! exceeds int.MaxValue, the largest element limit.
        var error = Assert.Throws<GroupOrderLimitException>(() => GroupResolver.Resolve("particles(Oh, 13)"));
        Assert.Contains("--max-order", error.Message, StringComparison.Ordinal);
        Assert.Contains("298896998400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderBeyondChosenLimitNamesTheOption()
    {
        var group = MatrixGroup<Rational>.FromDefinition(GroupResolver.Resolve("particles(Oh, 4)"), RationalField.Instance);
        var error = Assert.Throws<GroupOrderLimitException>(() => group.Enumerate(new GroupEnumerationOptions { MaxOrder = 1000 }));
        Assert.Contains("--max-order", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("particles(Oh, 3)", true, "Oh", "3")]
    [InlineData("  Particles ( Oh:Sym2(V) , 2 ) ", true, "Oh:Sym2(V)", "2")]
    [InlineData("particles(W(F4), 2)", true, "W(F4)", "2")]
    [InlineData("particles(Oh, 3):Sym2(V)", false, "", "")]
    [InlineData("particles(Oh)", false, "", "")]
    [InlineData("particlesOh, 3", false, "", "")]
    [InlineData("Oh", false, "", "")]
    public void TryParseSplitsGroupAndCount(string text, bool expected, string group, string count)
    {
        Assert.Equal(expected, ParticleDefinitions.TryParse(text, out string actualGroup, out string actualCount));
        Assert.Equal(group, actualGroup);
        Assert.Equal(count, actualCount);
    }

    private sealed class CountVisitor(GroupDefinition definition, int maxDegree) : IFieldVisitor<(int[] Molien, int[] BruteForce)>
    {
        public (int[] Molien, int[] BruteForce) Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var molien = group.MolienSeries().Coefficients(maxDegree).Select(c => (int)c).ToArray();
            var bruteForce = Enumerable.Range(0, maxDegree + 1).Select(d => BruteForceInvariants.Count(field, group.Generators, d)).ToArray();
            return (molien, bruteForce);
        }
    }
}
