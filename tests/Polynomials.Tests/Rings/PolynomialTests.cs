using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.PolynomialMultiplication;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class PolynomialTests
{
    private static readonly PolynomialRing<Rational> Q3 =
        new(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);

    private static Gen<(Polynomial<Rational> A, Polynomial<Rational> B, Polynomial<Rational> C)> ThreeOverQ =>
        from ring in PolynomialGenerators.RingQ3
        from a in PolynomialGenerators.Sparse(ring, 6, 3, PolynomialGenerators.SmallRational)
        from b in PolynomialGenerators.Sparse(ring, 6, 3, PolynomialGenerators.SmallRational)
        from c in PolynomialGenerators.Sparse(ring, 6, 3, PolynomialGenerators.SmallRational)
        select (a, b, c);

    [Property(MaxTest = 100)]
    public Property AdditionIsCommutativeAndAssociative() =>
        Prop.ForAll(ThreeOverQ.ToArbitrary(), t =>
            t.A + t.B == t.B + t.A
            && (t.A + t.B) + t.C == t.A + (t.B + t.C)
            && t.A + t.A.Ring.Zero == t.A
            && t.A - t.A == t.A.Ring.Zero
            && t.A + (-t.A) == t.A.Ring.Zero);

    [Property(MaxTest = 100)]
    public Property MultiplicationIsCommutativeAndAssociative() =>
        Prop.ForAll(ThreeOverQ.ToArbitrary(), t =>
            t.A * t.B == t.B * t.A
            && (t.A * t.B) * t.C == t.A * (t.B * t.C)
            && t.A * t.A.Ring.One == t.A
            && (t.A * t.A.Ring.Zero).IsZero);

    [Property(MaxTest = 100)]
    public Property MultiplicationDistributesOverAddition() =>
        Prop.ForAll(ThreeOverQ.ToArbitrary(), t => t.A * (t.B + t.C) == (t.A * t.B) + (t.A * t.C));

    [Property(MaxTest = 100)]
    public Property ScalarMultiplicationIsLinear() =>
        Prop.ForAll(
            (from p in ThreeOverQ
             from s in PolynomialGenerators.SmallRational
             select (p.A, p.B, s)).ToArbitrary(),
            t =>
                t.A.ScalarMultiple(t.s) + t.B.ScalarMultiple(t.s) == (t.A + t.B) * t.s
                && t.A.ScalarMultiple(t.s) == t.A * t.A.Ring.Constant(t.s)
                && (t.s.IsZero || t.A.ScalarMultiple(t.s) / t.s == t.A));

    private static readonly ProductMethod[] AllMethods = [ProductMethod.Auto, ProductMethod.Dense, ProductMethod.Hashed, ProductMethod.Dictionary];

    private static readonly Gen<MonomialOrder> AnyOrder = Gen.Elements(PolynomialGenerators.Orders);

    // The fast product against the schoolbook reference: both factors from one ring, each summation method in turn.
    private static Property ProductMatchesReference<T>(
        Field<T> field, int variableCount, Gen<MonomialOrder> orders, Func<PolynomialRing<T>, Gen<Polynomial<T>>> factor, params ProductMethod[] methods)
        where T : struct, IFieldElement<T>
    {
        var cases =
            from order in orders
            from method in Gen.Elements(methods.Length == 0 ? AllMethods : methods)
            let ring = new PolynomialRing<T>(field, variableCount, order)
            from a in factor(ring)
            from b in factor(ring)
            select (method, a, b);
        return Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (method, a, b) = t;
            var expected = NaivePolynomial<T>.From(a).Multiply(NaivePolynomial<T>.From(b));
            var product = a.IsZero || b.IsZero || method == ProductMethod.Auto ? a * b : Multiply(a, b, method);
            Assert.True(expected.Matches(product), $"method {method}\na = {a}\nb = {b}\nproduct = {product}\nexpected {expected}");
        });
    }

    [Property(MaxTest = 60)]
    public Property ProductOfSparseSmallIntegersMatchesReference() =>
        ProductMatchesReference(PolynomialGenerators.Q, 3, AnyOrder, r => PolynomialGenerators.Sparse(r, 8, 4, PolynomialGenerators.SmallInteger));

    [Property(MaxTest = 40)]
    public Property ProductOfDenseRationalsMatchesReference() =>
        ProductMatchesReference(PolynomialGenerators.Q, 3, AnyOrder, r => PolynomialGenerators.Dense(r, 4, PolynomialGenerators.SmallRational));

    [Property(MaxTest = 40)]
    public Property ProductOfLargeIntegersMatchesReference() =>
        ProductMatchesReference(PolynomialGenerators.Q, 3, AnyOrder, r => PolynomialGenerators.Dense(r, 3, PolynomialGenerators.LargeInteger));

    [Property(MaxTest = 40)]
    public Property ProductOfHugeRationalsMatchesReference() =>
        ProductMatchesReference(PolynomialGenerators.Q, 3, AnyOrder, r => PolynomialGenerators.Dense(r, 3, PolynomialGenerators.HugeRational));

    [Property(MaxTest = 40)]
    public Property ProductModSmallPrimeMatchesReference() =>
        ProductMatchesReference(
            PolynomialGenerators.GF32003, 3, AnyOrder, r => PolynomialGenerators.Dense(r, 4, PolynomialGenerators.Residue(PolynomialGenerators.GF32003)));

    [Property(MaxTest = 40)]
    public Property ProductModWordPrimeMatchesReference() =>
        // p = 2^31 - 1: two products near p^2 exceed 2^62, so the kernel that reduces its sums on overflow runs.
        ProductMatchesReference(
            PolynomialGenerators.GF2147483647, 3, AnyOrder,
            r => PolynomialGenerators.Dense(r, 3, PolynomialGenerators.Residue(PolynomialGenerators.GF2147483647)));

    [Property(MaxTest = 40)]
    public Property ProductModLargePrimeMatchesReference() =>
        ProductMatchesReference(
            PolynomialGenerators.GFMersenne61, 3, AnyOrder,
            r => PolynomialGenerators.Sparse(r, 10, 3, PolynomialGenerators.Residue(PolynomialGenerators.GFMersenne61)));

    [Property(MaxTest = 30)]
    public Property ProductWithWideKeysMatchesReference() =>
        // 12 variables with exponents up to 40: the packed keys need about 75 bits, so the 128-bit hash table runs.
        ProductMatchesReference(
            PolynomialGenerators.Q, 12, Gen.Constant(MonomialOrder.GradedReverseLex),
            r => PolynomialGenerators.Sparse(r, 5, 40, PolynomialGenerators.SmallInteger), ProductMethod.Auto);

    [Property(MaxTest = 20)]
    public Property ProductWithOverlongKeysMatchesReference() =>
        // 24 variables with exponents up to 200: the packed keys would need about 200 bits, so the dictionary method runs.
        ProductMatchesReference(
            PolynomialGenerators.Q, 24, Gen.Constant(MonomialOrder.Lex),
            r => PolynomialGenerators.Sparse(r, 4, 200, PolynomialGenerators.SmallInteger), ProductMethod.Auto);

    [Fact]
    public void LayoutWidthsSelectKeyTypes()
    {
        // The two properties above rely on these key widths.
        Assert.True(KroneckerLayout.ForBounds(Enumerable.Repeat(80, 12).ToArray())!.FitsUInt128);
        Assert.False(KroneckerLayout.ForBounds(Enumerable.Repeat(80, 12).ToArray())!.FitsUInt64);
        Assert.Null(KroneckerLayout.ForBounds(Enumerable.Repeat(400, 24).ToArray()));
    }

    [Fact]
    public void ProductOfPowersMatchesBinomialTheorem()
    {
        // (x + y)^5 (x - y)^5 = (x^2 - y^2)^5 = sum_k C(5, k) x^(2(5-k)) (-y^2)^k.
        var p = Q3.Parse("(x+y)^5") * Q3.Parse("(x-y)^5");
        Assert.Equal(Q3.Parse("x^10 - 5*x^8*y^2 + 10*x^6*y^4 - 10*x^4*y^6 + 5*x^2*y^8 - y^10"), p);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void FatemanProductMatchesReference()
    {
        // p = (1 + x + y + z + w)^8 has C(12, 4) = 495 terms; p * (p + 1) goes through the dense method with 128-bit sums.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z", "w"], MonomialOrder.GradedReverseLex);
        var p = ring.Parse("1+x+y+z+w").Power(8);
        Assert.Equal(495, p.TermCount);
        var q = p + ring.One;
        var expected = NaivePolynomial<Rational>.From(p).Multiply(NaivePolynomial<Rational>.From(q));
        Assert.True(expected.Matches(p * q));

        // The product equals (1 + x + y + z + w)^16 + p, whose coefficient of x^16 is 1 and of (xyzw)^4 is 16!/(4!)^4.
        var r = p * q;
        Assert.Equal((Rational)1, r.CoefficientOf(Monomial.FromExponents([16, 0, 0, 0])));
        Assert.Equal((Rational)63063000, r.CoefficientOf(Monomial.FromExponents([4, 4, 4, 4])));
    }

    [Property(MaxTest = 100)]
    public Property ExactDivisionInvertsMultiplication() =>
        Prop.ForAll(ThreeOverQ.ToArbitrary(), t =>
            t.B.IsZero || (t.A * t.B).ExactDivide(t.B) == t.A);

    [Fact]
    public void ExactDivisionRejectsNonDivisor()
    {
        var ex = Assert.Throws<ArgumentException>(() => Q3.Parse("x^2+y").ExactDivide(Q3.Parse("x+y")));
        Assert.Equal("divisor", ex.ParamName);
        Assert.Contains("does not divide", ex.Message);
        Assert.Throws<DivideByZeroException>(() => Q3.Parse("x").ExactDivide(Q3.Zero));
    }

    [Property(MaxTest = 50)]
    public Property PowerIsRepeatedMultiplication() =>
        Prop.ForAll(
            (from ring in PolynomialGenerators.RingQ3
             from p in PolynomialGenerators.Sparse(ring, 3, 2, PolynomialGenerators.SmallInteger)
             from k in Gen.Choose(0, 6)
             select (p, k)).ToArbitrary(),
            t => t.p.Power(t.k) == Enumerable.Repeat(t.p, t.k).Aggregate(t.p.Ring.One, (acc, x) => acc * x));

    [Fact]
    public void TermsListsCoefficientsWithMonomials()
    {
        var p = Q3.Parse("3*x^2 - y + 1/2");
        Assert.Equal(
            [((Rational)3, Monomial.FromExponents([2, 0, 0])), (-1, Monomial.FromExponents([0, 1, 0])), (Rational.Create(1, 2), Monomial.One(3))],
            p.Terms.ToArray());
        Assert.Equal(3, p.Terms.Count);
        Assert.Equal(Monomial.FromExponents([0, 1, 0]), p.Terms[1].Monomial);
    }

    [Theory]
    [InlineData("x^2*y", true, true)]
    [InlineData("1", true, true)]
    [InlineData("3*x", false, true)]
    [InlineData("x+y", false, false)]
    [InlineData("0", false, false)]
    public void MonomialAndTermPredicates(string text, bool isMonomial, bool isTerm)
    {
        var p = Q3.Parse(text);
        Assert.Equal(isMonomial, p.IsMonomial);
        Assert.Equal(isTerm, p.IsTerm);
    }

    [Fact]
    public void HomogeneousComponentsAscendByDegree()
    {
        var p = Q3.Parse("x^3 + 2*y + x*y*z - 4 + z^3 + x");
        var components = p.HomogeneousComponents();
        Assert.Equal([0, 1, 3], components.Keys.ToArray());
        Assert.Equal(Q3.Parse("-4"), components[0]);
        Assert.Equal(Q3.Parse("x + 2*y"), components[1]);
        Assert.Equal(Q3.Parse("x^3 + x*y*z + z^3"), components[3]);
        Assert.Equal(p.HomogeneousComponent(3), components[3]);
        Assert.Empty(Q3.Zero.HomogeneousComponents());
    }

    [Property(MaxTest = 100)]
    public Property HomogeneousComponentsSumToPolynomial() =>
        Prop.ForAll(ThreeOverQ.ToArbitrary(), t =>
            t.A.HomogeneousComponents().Values.Aggregate(t.A.Ring.Zero, (s, c) => s + c) == t.A
            && t.A.HomogeneousComponents().All(kv => kv.Value.IsHomogeneous && kv.Value.TotalDegree == kv.Key));

    [Fact]
    public void WeightedDegreeUsesWeights()
    {
        var p = Q3.Parse("x^3 + y*z + z");
        Assert.Equal(5, p.WeightedDegree([1, 2, 3]));
        Assert.Equal(3, p.WeightedDegree([1, 1, 1]));
        Assert.Equal(-1, Q3.Zero.WeightedDegree([1, 2, 3]));
        Assert.True(Q3.Parse("x^2 + y").IsWeightedHomogeneous([1, 2, 3]));
        Assert.False(Q3.Parse("x^2 + z").IsWeightedHomogeneous([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => p.WeightedDegree([1, 2]));
        Assert.Throws<ArgumentException>(() => p.WeightedDegree([1, -2, 1]));
    }

    [Fact]
    public void DegreesAndLeadingTerms()
    {
        // The degree-4 term leads in grevlex.
        var p = Q3.Parse("2*x*y^3 + x^3 - z");
        Assert.Equal(4, p.TotalDegree);
        Assert.Equal(3, p.Degree(0));
        Assert.Equal(3, p.Degree(1));
        Assert.Equal(Monomial.FromExponents([1, 3, 0]), p.LeadingMonomial);
        Assert.Equal((Rational)2, p.LeadingCoefficient);
        Assert.Equal(Q3.Parse("x*y^3 + 1/2*x^3 - 1/2*z"), p.Monic());
        Assert.Equal((Rational)(-1), p.CoefficientOf(Monomial.FromExponents([0, 0, 1])));
        Assert.Equal(default, p.CoefficientOf(Monomial.FromExponents([0, 0, 2])));
        Assert.Throws<InvalidOperationException>(() => Q3.Zero.LeadingMonomial);
        Assert.Equal(-1, Q3.Zero.TotalDegree);
    }

    [Fact]
    public void DivisionByZeroScalarThrows()
    {
        var ex = Assert.Throws<DivideByZeroException>(() => Q3.Parse("x") / Rational.Zero);
        Assert.Contains("scalar 0", ex.Message);
    }

    [Fact]
    public void MixingRingsThrows()
    {
        var other = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.Lex);
        var ex = Assert.Throws<ArgumentException>(() => Q3.Parse("x") * other.Parse("x+y"));
        Assert.Contains("different rings", ex.Message);
    }

    [Fact]
    public void CharacteristicKillsMultiples()
    {
        // In GF(5), (x + y)^5 = x^5 + y^5 (the Frobenius map is additive).
        var ring = new PolynomialRing<ModInt>(PrimeField.Get(5), ["x", "y"], MonomialOrder.GradedReverseLex);
        Assert.Equal(ring.Parse("x^5 + y^5"), ring.Parse("x + y").Power(5));
    }
}
