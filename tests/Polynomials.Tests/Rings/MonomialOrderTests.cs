using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class MonomialOrderTests
{
    public static TheoryData<string, string, string> SortedPolynomials => new()
    {
        // [CLO15, Ch. 2, Sec. 2]: f = 4xy^2z + 4z^2 - 5x^3 + 7x^2z^2 under lex, grlex and grevlex; Singular 4.3.1 prints the same
        // term order in rings with the orderings lp, Dp and dp.
        { "lex", "4*x*y^2*z + 4*z^2 - 5*x^3 + 7*x^2*z^2", "-5*x^3+7*x^2*z^2+4*x*y^2*z+4*z^2" },
        { "deglex", "4*x*y^2*z + 4*z^2 - 5*x^3 + 7*x^2*z^2", "7*x^2*z^2+4*x*y^2*z-5*x^3+4*z^2" },
        { "grevlex", "4*x*y^2*z + 4*z^2 - 5*x^3 + 7*x^2*z^2", "4*x*y^2*z+7*x^2*z^2-5*x^3+4*z^2" },

        // Singular 4.3.1, ring (x,y,z) with wp(1,2,3): weighted degree first; the ties here are also ordered by total degree.
        { "wdeg(1,2,3)", "x^3+y+z+x*y+x^2+y^2", "y^2+x^3+x*y+z+x^2+y" },

        // Singular 4.3.1, ring (x,y,z) with (dp(1),lp(2)): grevlex on x, then lex on y, z.
        { "block(grevlex:1,lex)", "x+y^3+z^2+x*z+y*z+1+y^2*z+x^2", "x^2+x*z+x+y^3+y^2*z+y*z+z^2+1" },
    };

    [Theory]
    [MemberData(nameof(SortedPolynomials))]
    public void TermsPrintInOrder(string orderName, string text, string expected)
    {
        var order = orderName == "block(grevlex:1,lex)"
            ? MonomialOrder.Block(MonomialOrder.GradedReverseLex, 1, MonomialOrder.Lex)
            : MonomialOrder.Parse(orderName);
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], order);
        Assert.Equal(expected, ring.Parse(text).ToString());
    }

    public static TheoryData<string, int[], int[]> LargerPairs => new()
    {
        // [CLO15, Ch. 2, Sec. 2], examples after the definitions of lex, grlex and grevlex; Singular 4.3.1 agrees (lp, Dp, dp).
        { "lex", [1, 2, 0], [0, 3, 4] },
        { "lex", [3, 2, 4], [3, 2, 1] },
        { "deglex", [1, 2, 3], [3, 2, 0] },
        { "deglex", [1, 2, 4], [1, 1, 5] },
        { "grevlex", [4, 7, 1], [4, 2, 3] },
        { "grevlex", [1, 5, 2], [4, 1, 3] },
    };

    [Theory]
    [MemberData(nameof(LargerPairs))]
    public void CompareFindsLarger(string orderName, int[] larger, int[] smaller)
    {
        var order = MonomialOrder.Parse(orderName);
        Assert.True(order.Compare(Monomial.FromExponents(larger), Monomial.FromExponents(smaller)) > 0);
        Assert.True(order.Compare(Monomial.FromExponents(smaller), Monomial.FromExponents(larger)) < 0);
    }

    [Theory]
    [InlineData("lex", "lex")]
    [InlineData("lp", "lex")]
    [InlineData("grlex", "deglex")]
    [InlineData("Dp", "deglex")]
    [InlineData("degrevlex", "grevlex")]
    [InlineData("dp", "grevlex")]
    [InlineData(" wdeg(1, 2) ", "wdeg(1,2)")]
    [InlineData("elim(2)", "block(grevlex:2,grevlex)")]
    public void ParseAcceptsNames(string text, string name) => Assert.Equal(name, MonomialOrder.Parse(text).Name);

    [Theory]
    [InlineData("revlex")]
    [InlineData("wdeg(1,-2)")]
    [InlineData("wdeg(1,x)")]
    [InlineData("elim(x)")]
    public void ParseRejectsUnknownNames(string text)
    {
        var ex = Assert.ThrowsAny<Exception>(() => MonomialOrder.Parse(text));
        Assert.True(ex is FormatException or ArgumentException, ex.GetType().Name);
    }

    [Fact]
    public void StandardOrdersAreSingletons()
    {
        Assert.Same(MonomialOrder.GradedReverseLex, MonomialOrder.Parse("dp"));
        Assert.Equal(MonomialOrder.WeightedDegree([1, 2]), MonomialOrder.Parse("wdeg(1,2)"));
    }

    [Fact]
    public void EliminationOrderPutsFirstBlockFirst()
    {
        // Any monomial containing x1 or x2 is larger than every monomial in x3, x4 alone.
        var order = MonomialOrder.Parse("elim(2)");
        Assert.True(order.Compare(Monomial.FromExponents([0, 1, 0, 0]), Monomial.FromExponents([0, 0, 9, 9])) > 0);
        Assert.True(order.Compare(Monomial.FromExponents([1, 0, 0, 0]), Monomial.FromExponents([0, 1, 0, 0])) > 0);
    }

    private static Gen<(MonomialOrder Order, Monomial A, Monomial B, Monomial C)> Triples =>
        from order in Gen.Elements(PolynomialGenerators.Orders)
        from a in Gen.ArrayOf(Gen.Choose(0, 4), 3)
        from b in Gen.ArrayOf(Gen.Choose(0, 4), 3)
        from c in Gen.ArrayOf(Gen.Choose(0, 4), 3)
        select (order, Monomial.FromExponents(a), Monomial.FromExponents(b), Monomial.FromExponents(c));

    [Property(MaxTest = 300)]
    public Property OrderIsTotalAndAntisymmetric() =>
        Prop.ForAll(Triples.ToArbitrary(), t =>
            Math.Sign(t.Order.Compare(t.A, t.B)) == -Math.Sign(t.Order.Compare(t.B, t.A))
            && (t.Order.Compare(t.A, t.B) == 0) == (t.A == t.B));

    [Property(MaxTest = 300)]
    public Property OrderIsTransitive() =>
        Prop.ForAll(Triples.ToArbitrary(), t =>
            !(t.Order.Compare(t.A, t.B) > 0 && t.Order.Compare(t.B, t.C) > 0) || t.Order.Compare(t.A, t.C) > 0);

    [Property(MaxTest = 300)]
    public Property OrderIsCompatibleWithMultiplication() =>
        Prop.ForAll(Triples.ToArbitrary(), t =>
            Math.Sign(t.Order.Compare(t.A, t.B)) == Math.Sign(t.Order.Compare(t.A.Multiply(t.C), t.B.Multiply(t.C))));

    [Property(MaxTest = 300)]
    public Property OneIsSmallest() =>
        Prop.ForAll(Triples.ToArbitrary(), t => t.A.IsOne ? t.Order.Compare(t.A, Monomial.One(3)) == 0 : t.Order.Compare(t.A, Monomial.One(3)) > 0);

    [Property(MaxTest = 100)]
    public Property SortKeysAgreeWithCompare() =>
        Prop.ForAll(
            (from order in Gen.Elements(PolynomialGenerators.Orders)
             from exponents in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 6), 3), 20)
             select (order, exponents)).ToArbitrary(),
            t =>
            {
                var monomials = t.exponents.Select(e => Monomial.FromExponents(e)).ToArray();
                Assert.True(MonomialSorting.TryComputeSortKeys(t.order, monomials, out var keys));
                for (int i = 0; i < monomials.Length; i++)
                {
                    for (int j = 0; j < monomials.Length; j++)
                    {
                        Assert.Equal(Math.Sign(t.order.Compare(monomials[i], monomials[j])), keys[i].CompareTo(keys[j]));
                    }
                }
            });

    [Fact]
    public void SortKeysRejectWideExponents()
    {
        // Nine variables with exponents near 2^16 need more than 64 bits of row values; the comparer sort takes over.
        var monomials = Enumerable.Range(0, 20)
            .Select(i => Monomial.FromExponents(Enumerable.Range(0, 9).Select(j => (i * 997 + j * 7919) % 60000).ToArray()))
            .ToArray();
        Assert.False(MonomialSorting.TryComputeSortKeys(MonomialOrder.Lex, monomials, out _));
        var values = Enumerable.Range(0, monomials.Length).ToArray();
        MonomialSorting.SortDescending(MonomialOrder.Lex, monomials, values);
        for (int i = 1; i < monomials.Length; i++)
        {
            Assert.True(MonomialOrder.Lex.Compare(monomials[i - 1], monomials[i]) > 0);
        }
    }
}
