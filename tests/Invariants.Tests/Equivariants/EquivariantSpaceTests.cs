using System.Numerics;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Tests.Equivariants;

public sealed class EquivariantSpaceTests
{
    public static TheoryData<string, string, string, int, int> LinearCounts() => new()
    {
        // Linear S_n-equivariant maps between tensor powers of the permutation representation: dim Hom(V^k, V^l) is
        // the Bell number B(k + l) for n >= k + l [Maron et al. 2019, Thm. 1; Finzi et al. 2021, Sec. 6].
        { "S4", "V", "V", 1, 2 },
        { "S4", "V*V", "V", 1, 5 },
        { "S4", "V*V", "V*V", 1, 15 },
        { "S5", "V", "V", 1, 2 },
        { "S5", "V*V", "V", 1, 5 },
        { "S5", "V*V", "V*V", 1, 15 },
        // Invariant linear forms and invariant quadrics of the permutation representation: sum x_i; (sum x_i)^2 and sum x_i^2.
        { "S5", "V", "1", 1, 1 },
        { "S5", "V", "1", 2, 2 },
        // Oh acts irreducibly on R^3 (Schur: Hom_G(V, V) = R); Sym2(V) = 1 + E + T2g has three distinct irreducible summands.
        { "Oh", "V", "V", 1, 1 },
        { "Oh", "Sym2(V)", "Sym2(V)", 1, 3 },
        // Degree 0: constant equivariants are the fixed vectors of W; V of Oh has none, the trivial character one.
        { "Oh", "V", "V", 0, 0 },
        { "Oh", "V", "1", 0, 1 },
    };

    [Theory]
    [MemberData(nameof(LinearCounts))]
    public void CountsMatchRepresentationTheory(string group, string input, string output, int degree, int expected)
    {
        var g = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get(group), RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(g, RepresentationExpression.Parse(input), RepresentationExpression.Parse(output));
        var basis = space.OfDegree(degree);
        Assert.Equal(expected, basis.Count);
        Assert.All(basis, f => Assert.Empty(space.ViolatedConstraints(f)));
    }

    [Fact]
    public void CirculantsOfTheRegularRepresentationOfZ6()
    {
        // Source: the commutant of the regular representation of a finite group H has dimension |H| (circulant matrices for Z_6).
        var shift = Matrix.FromFunction(RationalField.Instance, 6, 6, (i, j) => j == (i + 1) % 6 ? Rational.One : Rational.Zero);
        var z6 = new MatrixGroup<Rational>(RationalField.Instance, [shift], "Z6 regular");
        var space = EquivariantSpace<Rational>.Create(z6, RepresentationExpression.Standard, RepresentationExpression.Standard);
        Assert.Equal(6, space.OfDegree(1).Count);
    }

    [Theory]
    [InlineData(0, "V", 0)]
    [InlineData(1, "V", 1)]
    [InlineData(4, "V", 1)]
    [InlineData(2, "V", 0)]
    [InlineData(2, "V^*", 1)]
    [InlineData(1, "V^*", 0)]
    [InlineData(5, "V^*", 1)]
    public void CyclicGroupOnTheLinePinsTheConjugationConvention(int degree, string output, int expected)
    {
        // C3 acts on C by x -> zeta x. x^k(zeta x) = zeta^k x^k, so x^k is equivariant into V (character zeta) exactly
        // when k = 1 mod 3 and into V^* (character zeta^-1) exactly when k = 2 mod 3.
        var field = CyclotomicField.Get(3);
        var group = new MatrixGroup<CyclotomicNumber>(field, [Matrix.FromFunction(field, 1, 1, (_, _) => field.Parse("z"))], "C3 on C");
        var space = EquivariantSpace<CyclotomicNumber>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Parse(output));
        Assert.Equal(expected, space.OfDegree(degree).Count);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 0, 1)]
    [InlineData(3, 1, 0)]
    [InlineData(5, 2, 1)]
    public void SemiInvariantsOfTheCyclicGroup(int degree, int power, int expected)
    {
        // Semi-invariants with character chi(g) = zeta^power of C3 acting by zeta: x^k with k = power mod 3.
        var field = CyclotomicField.Get(3);
        var zeta = field.Parse("z");
        var group = new MatrixGroup<CyclotomicNumber>(field, [Matrix.FromFunction(field, 1, 1, (_, _) => zeta)], "C3 on C");
        var value = field.One;
        for (int i = 0; i < power; i++)
        {
            value *= zeta;
        }

        var space = EquivariantSpace<CyclotomicNumber>.SemiInvariants(group, [value]);
        Assert.Equal(expected, space.OfDegree(degree).Count);
    }

    [Fact]
    public void SignSemiInvariantsOfS4AreMultiplesOfTheVandermonde()
    {
        // Alternating polynomials are the Vandermonde product (degree 6 for n = 4) times symmetric ones [Stu08, Prop. 1.1.2].
        var g = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get("S4"), RationalField.Instance);
        var sign = g.Generators.Select(m => m.Determinant()).ToArray();
        var space = EquivariantSpace<Rational>.SemiInvariants(g, sign, "sign");
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1], Enumerable.Range(0, 8).Select(d => space.OfDegree(d).Count));
    }

    [Fact]
    public void KernelMovedOutputHasZeroMap()
    {
        // -I acts trivially on Sym2(V) and by det(-I) = -1 on det, so f(x) = f(-I x) = -f(x): every map is zero.
        var g = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get("Oh"), RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(g, RepresentationExpression.Parse("Sym2(V)"), RepresentationExpression.Determinant);
        Assert.All(Enumerable.Range(0, 5), d => Assert.Empty(space.OfDegree(d)));
        Assert.All(space.WeightedMolienSeries().Coefficients(6), c => Assert.True(c.IsZero));
    }

    public static TheoryData<string> ReflectionGroups()
    {
        var data = new TheoryData<string>();
        foreach (var name in EquivariantReferenceData.GroupNames())
        {
            var definition = GroupFile.Read(EquivariantReferenceData.GroupFile(name));
            if (EquivariantReferenceData.FundamentalDegrees(name).Count == definition.Dimension && definition.Order <= 400)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReflectionGroups))]
    public void GradientCovariantsOfReflectionGroups(string name)
    {
        // A reflection group has a polynomial invariant ring (Chevalley-Shephard-Todd), recognized here by as many
        // fundamental degrees d_i (Singular) as the dimension. Its equivariants V -> V^* are the invariant 1-forms, free
        // with basis df_1, ..., df_n [Sol63], so their series is sum_i t^(d_i - 1) / prod_j (1 - t^d_j).
        var degrees = EquivariantReferenceData.FundamentalDegrees(name);
        const int maxDegree = 7;
        var expected = new BigInteger[maxDegree + 1];
        foreach (int d in degrees)
        {
            if (d - 1 <= maxDegree)
            {
                expected[d - 1] += 1;
            }
        }

        foreach (int d in degrees)
        {
            for (int k = d; k <= maxDegree; k++)
            {
                expected[k] += expected[k - d];
            }
        }

        var definition = GroupFile.Read(EquivariantReferenceData.GroupFile(name));
        var counts = definition.Field.Accept(new CountVisitor(definition, "V", "V^*", maxDegree));
        Assert.Equal(expected, counts);
    }

    [Theory]
    [MemberData(nameof(AllReferenceGroups))]
    public void CountsMatchTheCharacterSumOverAllElements(string name)
    {
        // Independent of the Molien series code: (1/|G|) sum over every element g of tr Sym^k(g) * conj(tr g).
        var definition = GroupFile.Read(EquivariantReferenceData.GroupFile(name));
        int maxDegree = definition.Order > 500 ? 3 : 4;
        Assert.True(definition.Field.Accept(new BruteForceVisitor(definition, maxDegree)));
    }

    [Theory]
    [MemberData(nameof(AllReferenceGroups))]
    public void CountsMatchTheWeightedMolienSeriesOfTheClasses(string name)
    {
        // The character of V on the conjugacy classes, fed to the existing Molien series code.
        var definition = GroupFile.Read(EquivariantReferenceData.GroupFile(name));
        Assert.True(definition.Field.Accept(new MolienVisitor(definition, maxDegree: 4)));
    }

    public static TheoryData<string> AllReferenceGroups()
    {
        var data = new TheoryData<string>();
        foreach (var name in EquivariantReferenceData.GroupNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [InlineData("V", "V")]
    [InlineData("V", "Sym2(V)")]
    [InlineData("Sym2(V)", "Sym2(V)")]
    [InlineData("V", "det")]
    public void NonModularPrimeFieldCountsMatchRational(string input, string output)
    {
        // Oh has order 48, so GF(7) is non-modular: the reduction mod 7 has the same Brauer characters, and the counts
        // over GF(7) (each checked against the weighted series of the Brauer lift inside OfDegree) equal those over Q.
        var definition = GroupCatalogue.Get("Oh");
        var rational = EquivariantSpace<Rational>.Create(
            MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance), RepresentationExpression.Parse(input), RepresentationExpression.Parse(output));
        var field = PrimeField.Get(7);
        var modular = EquivariantSpace<ModInt>.Create(
            MatrixGroup<ModInt>.FromDefinition(definition with { Field = FieldSpec.Parse("GF(7)") }, field),
            RepresentationExpression.Parse(input),
            RepresentationExpression.Parse(output));

        Assert.True(modular.IsCountCheckSupported);
        Assert.Equal(rational.WeightedMolienSeries().Coefficients(8), modular.WeightedMolienSeries().Coefficients(8));
        for (int degree = 0; degree <= 3; degree++)
        {
            Assert.Equal(rational.OfDegree(degree).Count, modular.OfDegree(degree).Count);
        }
    }

    [Fact]
    public void ModularPrimeFieldSkipsTheCountCheck()
    {
        // 3 divides |Oh| = 48: the weighted Molien series does not count equivariants, and the basis comes from linear algebra alone.
        var field = PrimeField.Get(3);
        var group = MatrixGroup<ModInt>.FromDefinition(GroupCatalogue.Get("Oh") with { Field = FieldSpec.Parse("GF(3)") }, field);
        var space = EquivariantSpace<ModInt>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
        Assert.False(space.IsCountCheckSupported);
        Assert.Throws<NotSupportedException>(() => space.WeightedMolienSeries());
        Assert.Single(space.OfDegree(1));
    }

    [Fact]
    public void BasisIsCanonicalAndDeterministic()
    {
        var g1 = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get("Oh"), RationalField.Instance);
        var g2 = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get("Oh"), RationalField.Instance);
        var a = EquivariantSpace<Rational>.Create(g1, RepresentationExpression.Standard, RepresentationExpression.Standard).OfDegree(5);
        var b = EquivariantSpace<Rational>.Create(g2, RepresentationExpression.Standard, RepresentationExpression.Standard).OfDegree(5);
        Assert.Equal(a.Select(f => f.ToString()), b.Select(f => f.ToString()));

        // Oh covariants V -> V of degree 5: t^5 coefficient of (t + t^3 + t^5)/((1-t^2)(1-t^4)(1-t^6)) is 2 + 1 + 1 = 4 [Sol63].
        Assert.Equal(4, a.Count);
    }

    private sealed class CountVisitor(GroupDefinition definition, string input, string output, int maxDegree) : IFieldVisitor<BigInteger[]>
    {
        public BigInteger[] Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var space = EquivariantSpace<T>.Create(group, RepresentationExpression.Parse(input), RepresentationExpression.Parse(output));
            return Enumerable.Range(0, maxDegree + 1).Select(d => (BigInteger)space.OfDegree(d).Count).ToArray();
        }
    }

    private sealed class MolienVisitor(GroupDefinition definition, int maxDegree) : IFieldVisitor<bool>
    {
        public bool Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var character = group.ConjugacyClasses.Select(c => c.Representative.Trace()).ToArray();
            var series = group.MolienSeries(character);
            var space = EquivariantSpace<T>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
            for (int k = 0; k <= maxDegree; k++)
            {
                Assert.Equal(series.Coefficient(k), (BigInteger)space.OfDegree(k).Count);
            }

            return true;
        }
    }

    private sealed class BruteForceVisitor(GroupDefinition definition, int maxDegree) : IFieldVisitor<bool>
    {
        public bool Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var space = EquivariantSpace<T>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
            for (int k = 0; k <= maxDegree; k++)
            {
                T sum = field.Zero;
                foreach (var g in group.Elements)
                {
                    sum += MatrixConstructions.SymmetricPower(g, k).Trace() * field.Conjugate(g.Trace());
                }

                var count = sum / field.FromInteger(group.Order);
                var basis = space.OfDegree(k);
                Assert.Equal(count, field.FromInteger(basis.Count));
                Assert.All(basis, f => Assert.Empty(space.ViolatedConstraints(f)));
            }

            return true;
        }
    }
}
