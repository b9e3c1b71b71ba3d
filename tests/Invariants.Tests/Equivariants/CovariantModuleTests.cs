using System.Numerics;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Tests.Equivariants;

public sealed class CovariantModuleTests
{
    private static (EquivariantSpace<Rational> Space, CovariantModule<Rational> Module) Compute(GroupDefinition definition, string output = "V")
    {
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Parse(output));
        var primaries = new InvariantRing<Rational>(group).PrimaryInvariants();
        return (space, CovariantModule<Rational>.Compute(space, primaries));
    }

    [Fact]
    public void ReflectionGroupCovariantsAreGeneratedInTheExponents()
    {
        // Oh = W(B3) with basic invariants of degrees 2, 4, 6: the covariants V -> V are free with generators in the
        // exponents 1, 3, 5, the gradients of the basic invariants [Sol63].
        var (_, module) = Compute(GroupCatalogue.Get("Oh"));
        Assert.Equal([2, 4, 6], module.PrimaryDegrees.Order());
        Assert.Equal([1, 3, 5], module.Generators.Select(g => g.Degree));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void NonModularPrimeFieldCovariantsAreGeneratedInTheExponents(int p)
    {
        // Oh = W(B3) reduced mod p for p not dividing 48: the Brauer lift gives the same weighted Molien series as over Q,
        // and the covariants V -> V are free with generators in the exponents 1, 3, 5 [Sol63]. The document verifies.
        var field = PrimeField.Get((ulong)p);
        var definition = GroupCatalogue.Get("Oh") with { Field = FieldSpec.Parse($"GF({p})") };
        var group = MatrixGroup<ModInt>.FromDefinition(definition, field);
        var space = EquivariantSpace<ModInt>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
        var module = CovariantModule<ModInt>.Compute(space, new InvariantRing<ModInt>(group).PrimaryInvariants());
        Assert.Equal([1, 3, 5], module.Generators.Select(g => g.Degree));
        Assert.All(module.Generators, g => Assert.Empty(space.ViolatedConstraints(g)));
        var document = EquivariantDocument.Create(space, [0, 1, 2, 3, 4, 5], module);
        Assert.True(CertificateVerifierRegistry.CreateDefault().Verify(document.ToJsonString()).AllPassed);
    }

    [Fact]
    public void ModularPrimeFieldHasNoCovariantModule()
    {
        // 3 divides |Oh| = 48: the covariants need not be free over the primaries, and the weighted Molien series does not count them.
        var field = PrimeField.Get(3);
        var group = MatrixGroup<ModInt>.FromDefinition(GroupCatalogue.Get("Oh") with { Field = FieldSpec.Parse("GF(3)") }, field);
        var space = EquivariantSpace<ModInt>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
        var x = Enumerable.Range(0, 3).Select(space.Ring.Variable).ToList();
        var powerSums = new[] { 2, 4, 6 }.Select(k => x.Aggregate(space.Ring.Zero, (sum, xi) => sum + xi.Power(k))).ToList();
        Assert.Throws<NotSupportedException>(() => CovariantModule<ModInt>.Compute(space, powerSums));
    }

    [Fact]
    public void GeneratorCountEqualsRankTimesDegreeProductOverOrder()
    {
        // A free module of the covariants of W over K[p] has rank dim(W) * prod(d_i) / |G| [DK15, Sec. 3.7]: for the
        // rotations of the tetrahedron (order 12) and W = V this is 3 * prod(d_i) / 12.
        var definition = GroupFile.Read(EquivariantReferenceData.GroupFile("tetrahedral_rot"));
        var (space, module) = Compute(definition);
        var product = module.PrimaryDegrees.Aggregate(BigInteger.One, (a, d) => a * d);
        Assert.Equal(3 * product / 12, (BigInteger)module.Generators.Count);
        Assert.All(module.Generators, g => Assert.Empty(space.ViolatedConstraints(g)));
    }

    [Fact]
    public void DocumentWithModuleVerifiesAndDetectsADependentGenerator()
    {
        var (space, module) = Compute(GroupCatalogue.Get("Oh"));
        var document = EquivariantDocument.Create(space, [0, 1, 2, 3, 4, 5], module);
        Assert.True(CertificateVerifierRegistry.CreateDefault().Verify(document.ToJsonString()).AllPassed);

        // p1 * E1 = |x|^2 (x1, x2, x3) is equivariant of degree 3 but lies in the ideal of the primaries.
        document["module_generators"]![1]!["components"] = new System.Text.Json.Nodes.JsonArray("x1^3+x1*x2^2+x1*x3^2", "x1^2*x2+x2^3+x2*x3^2", "x1^2*x3+x2^2*x3+x3^3");
        var report = CertificateVerifierRegistry.CreateDefault().Verify(document.ToJsonString());
        Assert.Contains(report.Checks, c => c.Name == "module generators independent modulo the primaries" && !c.Passed);
        Assert.Contains(report.Checks, c => c.Name == "module generators are equivariant" && c.Passed);
    }
}
