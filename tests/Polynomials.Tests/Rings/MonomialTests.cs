using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace InvTheory.Polynomials.Tests.Rings;

public sealed class MonomialTests
{
    private static Monomial M(params int[] e) => Monomial.FromExponents(e);

    [Fact]
    public void ArithmeticOnExponents()
    {
        var a = M(2, 0, 1);
        var b = M(1, 3, 0);
        Assert.Equal(M(3, 3, 1), a.Multiply(b));
        Assert.Equal(M(2, 3, 1), a.Lcm(b));
        Assert.Equal(M(1, 0, 0), a.Gcd(b));
        Assert.Equal(M(1, 0, 1), a.Divide(M(1, 0, 0)));
        Assert.Equal(M(4, 0, 2), a.Power(2));
        Assert.Equal(3, a.TotalDegree);
    }

    [Fact]
    public void DivisibilityAndCoprimality()
    {
        Assert.True(M(1, 0, 1).Divides(M(2, 3, 1)));
        Assert.False(M(1, 0, 2).Divides(M(2, 3, 1)));
        Assert.True(M(2, 0, 0).IsCoprimeTo(M(0, 5, 1)));
        Assert.False(M(2, 1, 0).IsCoprimeTo(M(0, 5, 1)));
        var ex = Assert.Throws<ArgumentException>(() => M(1, 0).Divide(M(0, 1)));
        Assert.Contains("does not divide", ex.Message);
    }

    [Fact]
    public void ExponentOverflowThrows()
    {
        var big = Monomial.Variable(2, 0, Monomial.MaxExponent);
        Assert.Throws<OverflowException>(() => big.Multiply(Monomial.Variable(2, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Monomial.FromExponents([-1, 0]));
    }

    public static TheoryData<int, int, long> Counts => new()
    {
        // C(n + d - 1, d): stars and bars.
        { 0, 0, 1 },
        { 0, 3, 0 },
        { 1, 7, 1 },
        { 3, 2, 6 },
        { 4, 20, 1771 },
        { 6, 12, 6188 },
        { 10, 10, 92378 },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void CountOfDegreeIsBinomial(int n, int d, long expected) => Assert.Equal(new BigInteger(expected), Monomial.CountOfDegree(n, d));

    [Fact]
    public void OfDegreeListsGrevlexLargestFirst()
    {
        // Degree 2 in x > y > z under grevlex: x^2 > xy > y^2 > xz > yz > z^2 ([CLO15, Ch. 2, Sec. 2], definition of grevlex).
        var expected = new[] { M(2, 0, 0), M(1, 1, 0), M(0, 2, 0), M(1, 0, 1), M(0, 1, 1), M(0, 0, 2) };
        Assert.Equal(expected, Monomial.OfDegree(3, 2, MonomialOrder.GradedReverseLex));
    }

    [Fact]
    public void OfDegreeListsLexLargestFirst()
    {
        // Degree 2 in x > y > z under lex: x^2 > xy > xz > y^2 > yz > z^2.
        var expected = new[] { M(2, 0, 0), M(1, 1, 0), M(1, 0, 1), M(0, 2, 0), M(0, 1, 1), M(0, 0, 2) };
        Assert.Equal(expected, Monomial.OfDegree(3, 2, MonomialOrder.Lex));
    }

    [Property(MaxTest = 100)]
    public Property OfDegreeIsCompleteAndSorted() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 5)
             from d in Gen.Choose(0, 6)
             from orderIndex in Gen.Choose(0, 4)
             select (n, d, orderIndex)).ToArbitrary(),
            t =>
            {
                // The weighted order gets one weight per variable.
                var order = t.orderIndex == 3
                    ? MonomialOrder.WeightedDegree([.. Enumerable.Range(1, t.n)])
                    : PolynomialGenerators.Orders[t.orderIndex];
                var monomials = Monomial.OfDegree(t.n, t.d, order).ToArray();
                Assert.Equal(Monomial.CountOfDegree(t.n, t.d), new BigInteger(monomials.Length));
                Assert.All(monomials, m => Assert.Equal(t.d, m.TotalDegree));
                for (int i = 1; i < monomials.Length; i++)
                {
                    Assert.True(order.Compare(monomials[i - 1], monomials[i]) > 0, $"{monomials[i - 1]} should be larger than {monomials[i]} in {order}");
                }
            });
}
