using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

public sealed class CyclotomicFieldTests
{
    // Coefficients lowest degree first, from GAP 4.12.1:
    // CoefficientsOfUnivariatePolynomial(CyclotomicPolynomial(Rationals, n)).
    public static TheoryData<int, long[]> CyclotomicPolynomials => new()
    {
        { 1, [-1, 1] },
        { 2, [1, 1] },
        { 3, [1, 1, 1] },
        { 4, [1, 0, 1] },
        { 5, [1, 1, 1, 1, 1] },
        { 6, [1, -1, 1] },
        { 7, [1, 1, 1, 1, 1, 1, 1] },
        { 8, [1, 0, 0, 0, 1] },
        { 9, [1, 0, 0, 1, 0, 0, 1] },
        { 10, [1, -1, 1, -1, 1] },
        { 12, [1, 0, -1, 0, 1] },
        { 15, [1, -1, 0, 1, -1, 1, 0, -1, 1] },
        { 16, [1, 0, 0, 0, 0, 0, 0, 0, 1] },
        { 20, [1, 0, -1, 0, 1, 0, -1, 0, 1] },
        { 30, [1, 1, 0, -1, -1, -1, 0, 1, 1] },
        {
            105,
            [
                1, 1, 1, 0, 0, -1, -1, -2, -1, -1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, -1, 0,
                -1, 0, -1, 0, -1, 0, -1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, -1, -1, -2, -1, -1,
                0, 0, 1, 1, 1,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(CyclotomicPolynomials))]
    public void CyclotomicPolynomialMatchesGap(int n, long[] expected)
    {
        var field = CyclotomicField.Get(n);

        Assert.Equal(expected, field.CyclotomicPolynomial);
        Assert.Equal(expected.Length - 1, field.Degree);
        Assert.Equal(n, field.Order);
        Assert.Equal($"Q(zeta_{n})", field.Name);
    }

    [Fact]
    public void Phi105HasCoefficientMinusTwo()
    {
        // Phi_105 is the first cyclotomic polynomial with a coefficient outside {-1, 0, 1} (Migotti, 1883).
        var phi = CyclotomicField.Get(105).CyclotomicPolynomial;

        Assert.Equal(-2, phi[7]);
        Assert.Equal(-2, phi[41]);
        Assert.All(CyclotomicField.Get(104).CyclotomicPolynomial, c => Assert.InRange(c, -1, 1));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(7, 6)]
    [InlineData(36, 12)]
    [InlineData(97, 96)]
    [InlineData(120, 32)]
    [InlineData(99_991, 99_990)]
    [InlineData(100_000, 40_000)]
    public void DegreeIsEulerPhi(int n, int phi)
    {
        // Euler's phi from its product formula, computed by hand.
        Assert.Equal(phi, CyclotomicField.Get(n).Degree);
    }

    [Fact]
    public void GetIsCachedAndChecksRange()
    {
        Assert.Same(CyclotomicField.Get(12), CyclotomicField.Get(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => CyclotomicField.Get(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CyclotomicField.Get(CyclotomicField.MaxOrder + 1));
    }

    [Fact]
    public void ZetaHasOrderN()
    {
        foreach (int n in new[] { 1, 2, 3, 4, 5, 6, 8, 9, 12, 15, 16, 20, 105 })
        {
            var zeta = CyclotomicField.Get(n).Zeta;

            Assert.True(zeta.Pow(n).IsOne, $"zeta_{n}^{n} should be 1");
            for (int k = 1; k < n; k++)
            {
                Assert.False(zeta.Pow(k).IsOne, $"zeta_{n}^{k} should not be 1");
            }
        }
    }

    [Fact]
    public void OrdersOneAndTwoAreRational()
    {
        var q1 = CyclotomicField.Get(1);
        var q2 = CyclotomicField.Get(2);

        Assert.Equal(Rational.One, q1.Zeta.ToRational());
        Assert.Equal(Rational.MinusOne, q2.Zeta.ToRational());
        Assert.Equal(q2.FromInteger(3), q2.Parse("z^2+2"));
        Assert.Equal("-1", q2.Format(q2.Zeta));
    }
}
