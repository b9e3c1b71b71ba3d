using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class PolynomialSubstitutionTests
{
    private static readonly PolynomialRing<Rational> Q3 =
        new(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);

    private static readonly PolynomialRing<Rational> Q2 =
        new(RationalField.Instance, ["s", "t"], MonomialOrder.Lex);

    private static Gen<Polynomial<Rational>> Small(PolynomialRing<Rational> ring) =>
        PolynomialGenerators.Sparse(ring, 5, 3, PolynomialGenerators.SmallRational);

    // f, g in Q[x,y,z] (some order) and three images in Q[s,t].
    private static Gen<(Polynomial<Rational> F, Polynomial<Rational> G, Polynomial<Rational>[] Images)> SubstitutionCases =>
        from ring in PolynomialGenerators.RingQ3
        from f in Small(ring)
        from g in Small(ring)
        from images in Gen.ArrayOf(PolynomialGenerators.Sparse(Q2, 3, 2, PolynomialGenerators.SmallInteger), 3)
        select (f, g, images);

    [Property(MaxTest = 100)]
    public Property SubstitutionIsAdditive() =>
        Prop.ForAll(SubstitutionCases.ToArbitrary(), t =>
            (t.F + t.G).Substitute(t.Images, Q2) == t.F.Substitute(t.Images, Q2) + t.G.Substitute(t.Images, Q2));

    [Property(MaxTest = 100)]
    public Property SubstitutionIsMultiplicative() =>
        Prop.ForAll(SubstitutionCases.ToArbitrary(), t =>
            (t.F * t.G).Substitute(t.Images, Q2) == t.F.Substitute(t.Images, Q2) * t.G.Substitute(t.Images, Q2)
            && t.F.Ring.One.Substitute(t.Images, Q2) == Q2.One);

    [Property(MaxTest = 100)]
    public Property SubstitutionMatchesReference() =>
        Prop.ForAll(SubstitutionCases.ToArbitrary(), t =>
        {
            var expected = NaivePolynomial<Rational>.From(t.F)
                .Substitute(t.Images.Select(NaivePolynomial<Rational>.From).ToArray(), Q2.VariableCount);
            Assert.True(expected.Matches(t.F.Substitute(t.Images, Q2)));
        });

    [Fact]
    public void SubstitutionIntoOtherRing()
    {
        // x -> s + t, y -> s*t, z -> 2: x^2 - 2y + z = s^2 + t^2 + 2.
        var images = new[] { Q2.Parse("s+t"), Q2.Parse("s*t"), Q2.Parse("2") };
        Assert.Equal(Q2.Parse("s^2 + t^2 + 2"), Q3.Parse("x^2 - 2*y + z").Substitute(images, Q2));
    }

    [Fact]
    public void SubstitutionChecksImages()
    {
        var ex = Assert.Throws<ArgumentException>(() => Q3.Parse("x").Substitute([Q2.Parse("s")], Q2));
        Assert.Contains("needs 3 images", ex.Message);
        Assert.Throws<ArgumentException>(() => Q3.Parse("x").Substitute([Q3.Parse("x"), Q2.Parse("s"), Q2.Parse("t")], Q2));
    }

    [Fact]
    public void HighPowersUseGaps()
    {
        // x^40 + x: the Horner scheme multiplies by the cached power image^39 for the gap.
        var f = Q3.Parse("x^40 + x");
        var image = Q3.Parse("y + 1");
        var expected = NaivePolynomial<Rational>.From(f).Substitute(
            [NaivePolynomial<Rational>.From(image), NaivePolynomial<Rational>.From(Q3.Parse("y")), NaivePolynomial<Rational>.From(Q3.Parse("z"))],
            3);
        Assert.True(expected.Matches(f.Substitute([image, Q3.Parse("y"), Q3.Parse("z")])));
    }

    // Matrices of several shapes: dense, with one nonzero per row (monomial matrices), block diagonal and singular.
    private static Gen<Rational[][]> MatrixOfKind(int n, int kind)
    {
        var entry = Gen.Choose(-3, 3).Select(i => (Rational)i);
        return kind switch
        {
            0 => PolynomialGenerators.Matrix(n, entry),
            1 => from permutation in Gen.Shuffle(Enumerable.Range(0, n))
                 from scales in Gen.ArrayOf(Gen.Elements(-2, -1, 1, 3).Select(i => (Rational)i), n)
                 select Enumerable.Range(0, n)
                     .Select(i => Enumerable.Range(0, n).Select(j => j == permutation[i] ? scales[i] : Rational.Zero).ToArray())
                     .ToArray(),
            2 => PolynomialGenerators.Matrix(n, entry).Select(m =>
                     m.Select((row, i) => row.Select((x, j) => (i < n / 2) == (j < n / 2) ? x : Rational.Zero).ToArray()).ToArray()),
            _ => PolynomialGenerators.Matrix(n, entry).Select(m => m.Select((row, i) => i == 0 ? m[n - 1].ToArray() : row).ToArray()),
        };
    }

    private static Gen<(Polynomial<Rational> F, Rational[][] G)> LinearChangeCases(int n, int maxDegree) =>
        from order in Gen.Elements(PolynomialGenerators.Orders.Where(o => !o.Name.StartsWith("wdeg", StringComparison.Ordinal)).ToArray())
        let ring = new PolynomialRing<Rational>(RationalField.Instance, n, order)
        from dense in Gen.Elements(false, true)
        from f in dense
            ? PolynomialGenerators.Dense(ring, maxDegree, PolynomialGenerators.SmallInteger)
            : PolynomialGenerators.Sparse(ring, 6, maxDegree, PolynomialGenerators.SmallRational)
        from kind in Gen.Choose(0, 3)
        from g in MatrixOfKind(n, kind)
        select (f, g);

    [Property(MaxTest = 100)]
    public Property LinearChangeMatchesReference() =>
        Prop.ForAll(
            Gen.Choose(1, 4).SelectMany(n => LinearChangeCases(n, 4)).ToArbitrary(),
            t =>
            {
                var expected = NaivePolynomial<Rational>.From(t.F).LinearChange(t.G);
                var actual = t.F.LinearChange(t.G);
                Assert.True(expected.Matches(actual), $"f = {t.F}\ng = {Format(t.G)}\nactual {actual}\nexpected {expected}");
            });

    [Property(MaxTest = 60)]
    public Property LinearChangeComposesAsRightAction() =>
        // f(g x) then h gives f(g h x).
        Prop.ForAll(
            (from n in Gen.Choose(1, 4)
             from c in LinearChangeCases(n, 3)
             from kind in Gen.Choose(0, 3)
             from h in MatrixOfKind(n, kind)
             select (c.F, c.G, h)).ToArbitrary(),
            t => t.F.LinearChange(t.G).LinearChange(t.h) == t.F.LinearChange(PolynomialGenerators.Multiply(t.G, t.h)));

    [Property(MaxTest = 40)]
    public Property LinearChangeModPrimeMatchesReference() =>
        Prop.ForAll(
            (from f in PolynomialGenerators.Dense(
                 new PolynomialRing<ModInt>(PolynomialGenerators.GF32003, 3, MonomialOrder.GradedReverseLex), 4,
                 PolynomialGenerators.Residue(PolynomialGenerators.GF32003))
             from g in PolynomialGenerators.Matrix(3, PolynomialGenerators.Residue(PolynomialGenerators.GF32003))
             select (f, g)).ToArbitrary(),
            t => Assert.True(NaivePolynomial<ModInt>.From(t.f).LinearChange(t.g).Matches(t.f.LinearChange(t.g))));

    [Fact]
    [Trait("Category", "Slow")]
    public void DenseLinearChangeOfDegreeEightMatchesSubstitution()
    {
        // A dense polynomial of degree 8 in 5 variables (1287 terms) under a dense integer matrix: the dense Horner kernel
        // against the sparse Horner substitution of the same linear forms.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, 5, MonomialOrder.GradedReverseLex);
        var random = new Random(20240607);
        var f = ring.FromTerms(Enumerable.Range(0, 9).SelectMany(ring.MonomialsOfDegree).Select(m => ((Rational)random.Next(-9, 10), m)));
        var g = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 5).Select(_ => (Rational)random.Next(-3, 4)).ToArray()).ToArray();
        var forms = g.Select(row => ring.FromTerms(row.Select((c, j) => (c, Monomial.Variable(5, j))))).ToArray();
        Assert.Equal(f.Substitute(forms), f.LinearChange(g));
    }

    [Fact]
    public void LinearChangeAcceptsMatrix()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.GradedReverseLex);
        var g = InvTheory.Polynomials.LinearAlgebra.Matrix.Create<Rational>(RationalField.Instance, [[1, 1], [1, -1]]);
        Assert.Equal(ring.Parse("x^2 - y^2"), ring.Parse("x*y").LinearChange(g));
        var wrongField = InvTheory.Polynomials.LinearAlgebra.Matrix.Identity(PrimeField.Get(5), 2);
        Assert.Throws<ArgumentException>(() => Q3.Parse("x").LinearChange(InvTheory.Polynomials.LinearAlgebra.Matrix.Identity(RationalField.Instance, 2)));
        var ringGF = new PolynomialRing<ModInt>(PrimeField.Get(7), 2, MonomialOrder.Lex);
        Assert.Throws<ArgumentException>(() => ringGF.Parse("x1").LinearChange(wrongField));
    }

    [Fact]
    public void LinearChangeChecksShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Q3.Parse("x").LinearChange([[Rational.One]]));
        Assert.Contains("3 x 3", ex.Message);
    }

    [Fact]
    public void LinearChangeRotatesQuadraticForm()
    {
        // g = [[1, 1], [1, -1]]: x -> x + y, y -> x - y maps x*y to x^2 - y^2 and x^2 + y^2 to 2x^2 + 2y^2.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.GradedReverseLex);
        Rational[][] g = [[1, 1], [1, -1]];
        Assert.Equal(ring.Parse("x^2 - y^2"), ring.Parse("x*y").LinearChange(g));
        Assert.Equal(ring.Parse("2*x^2 + 2*y^2"), ring.Parse("x^2 + y^2").LinearChange(g));
    }

    [Property(MaxTest = 100)]
    public Property EvaluationIsRingHomomorphism() =>
        Prop.ForAll(
            (from c in SubstitutionCases
             from point in Gen.ArrayOf(PolynomialGenerators.SmallRational, 3)
             select (c.F, c.G, point)).ToArbitrary(),
            t => (t.F * t.G).Evaluate(t.point) == t.F.Evaluate(t.point) * t.G.Evaluate(t.point)
                 && (t.F + t.G).Evaluate(t.point) == t.F.Evaluate(t.point) + t.G.Evaluate(t.point)
                 && t.F.Evaluate(t.point) == t.F.Substitute(t.point.Select(v => t.F.Ring.Constant(v)).ToArray()).CoefficientOf(Monomial.One(3)));

    [Fact]
    public void EvaluateComputesValue()
    {
        // 2 * 3^3 - 3 * (-1) + 1/2 = 54 + 3 + 1/2.
        Assert.Equal(Rational.Create(115, 2), Q3.Parse("2*x^3 - 3*y + 1/2").Evaluate([3, -1, 7]));
        Assert.Throws<ArgumentException>(() => Q3.Parse("x").Evaluate([1]));
    }

    [Property(MaxTest = 100)]
    public Property DerivativeSatisfiesProductRule() =>
        Prop.ForAll(
            (from c in SubstitutionCases
             from i in Gen.Choose(0, 2)
             select (c.F, c.G, i)).ToArbitrary(),
            t => (t.F * t.G).Derivative(t.i) == (t.F.Derivative(t.i) * t.G) + (t.F * t.G.Derivative(t.i)));

    [Fact]
    public void DerivativeOfKnownPolynomials()
    {
        Assert.Equal(Q3.Parse("6*x*y + z"), Q3.Parse("3*x^2*y + x*z - 7").Derivative(0));
        Assert.Equal(Q3.Parse("3*x^2"), Q3.Parse("3*x^2*y + x*z - 7").Derivative("y"));

        // In GF(3), d/dx x^3 = 3x^2 = 0.
        var ring = new PolynomialRing<ModInt>(PrimeField.Get(3), ["x", "y"], MonomialOrder.Lex);
        Assert.Equal(ring.Parse("y"), ring.Parse("x^3 + x*y").Derivative(0));
    }

    [Fact]
    public void EmbedMapsVariablesByName()
    {
        var big = new PolynomialRing<Rational>(RationalField.Instance, ["w", "z", "y", "x"], MonomialOrder.Lex);
        Assert.Equal(big.Parse("x^2*y - 3*z + 1"), Q3.Parse("x^2*y - 3*z + 1").Embed(big));
        Assert.Equal(
            big.Parse("w^2*y - 3*x + 1"),
            Q3.Parse("x^2*y - 3*z + 1").Embed(big, new Dictionary<string, string> { ["x"] = "w", ["z"] = "x" }));

        // Two variables sent to one multiply their monomials together.
        Assert.Equal(big.Parse("x^3 + x"), Q3.Parse("x^2*y + z").Embed(big, new Dictionary<string, string> { ["y"] = "x", ["z"] = "x" }));
    }

    [Fact]
    public void EmbedRejectsMissingVariable()
    {
        var small = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.Lex);
        var ex = Assert.Throws<ArgumentException>(() => Q3.Parse("x + z").Embed(small));
        Assert.Contains("'z'", ex.Message);
        Assert.Throws<ArgumentException>(() => Q3.Parse("x").Embed(small, new Dictionary<string, string> { ["q"] = "x" }));
    }

    [Property(MaxTest = 50)]
    public Property EmbedIsRingHomomorphism() =>
        Prop.ForAll(SubstitutionCases.ToArbitrary(), t =>
        {
            var big = new PolynomialRing<Rational>(RationalField.Instance, ["a", "z", "x", "y"], MonomialOrder.GradedReverseLex);
            return (t.F * t.G).Embed(big) == t.F.Embed(big) * t.G.Embed(big) && (t.F + t.G).Embed(big) == t.F.Embed(big) + t.G.Embed(big);
        });

    [Fact]
    public void MapToRingChangesOrder()
    {
        var lex = Q3.WithOrder(MonomialOrder.Lex);
        var p = Q3.Parse("y^3 + x*z");
        Assert.Equal("y^3+x*z", p.ToString());
        Assert.Equal("x*z+y^3", p.MapToRing(lex).ToString());
        Assert.Equal(p, p.MapToRing(lex).MapToRing(Q3));
    }

    private static string Format(Rational[][] g) => string.Join("; ", g.Select(row => string.Join(", ", row)));
}
