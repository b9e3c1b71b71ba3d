using System.Numerics;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations.Tests.Internal;

public sealed class IntegerPolynomialTests
{
    [Fact]
    public void NormalizedCyclotomicPolynomials()
    {
        // Phi_1 = t - 1 normalized to 1 - t; Phi_6 = t^2 - t + 1; Phi_12 = t^4 - t^2 + 1; Phi_105 has the coefficient -2.
        Assert.Equal([BigInteger.One, BigInteger.MinusOne], IntegerPolynomial.NormalizedCyclotomic(1));
        Assert.Equal(new BigInteger[] { 1, -1, 1 }, IntegerPolynomial.NormalizedCyclotomic(6));
        Assert.Equal(new BigInteger[] { 1, 0, -1, 0, 1 }, IntegerPolynomial.NormalizedCyclotomic(12));
        Assert.Contains(new BigInteger(-2), IntegerPolynomial.NormalizedCyclotomic(105));
        Assert.Equal(49, IntegerPolynomial.NormalizedCyclotomic(105).Length);
    }

    [Fact]
    public void ExactDivisionDetectsRemainders()
    {
        // (1 - t^6) / (1 - t) = 1 + t + ... + t^5, while 1 + t^2 is not divisible by 1 + t.
        BigInteger[] binomial = [1, 0, 0, 0, 0, 0, -1];
        Assert.Equal(new BigInteger[] { 1, 1, 1, 1, 1, 1 }, IntegerPolynomial.TryDivideExact(binomial, IntegerPolynomial.NormalizedCyclotomic(1)));
        Assert.Null(IntegerPolynomial.TryDivideExact([1, 0, 1], [1, 1]));
    }
}
