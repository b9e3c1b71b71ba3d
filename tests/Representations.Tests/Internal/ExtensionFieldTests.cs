using System.Numerics;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations.Tests.Internal;

public sealed class ExtensionFieldTests
{
    [Theory]
    [InlineData(2UL, 1)]
    [InlineData(2UL, 2)]
    [InlineData(2UL, 4)]
    [InlineData(2UL, 6)]
    [InlineData(3UL, 3)]
    [InlineData(5UL, 2)]
    [InlineData(7UL, 2)]
    public void IrreducibleCountMatchesGaussFormula(ulong p, int k)
    {
        // The number of monic irreducible polynomials of degree k over GF(p) is (1/k) sum over d | k of mu(d) p^(k/d)
        // [IR90, Ch. 7, Sec. 2].
        BigInteger expected = 0;
        foreach (int d in NumberTheory.Divisors(k))
        {
            expected += NumberTheory.Moebius(d) * BigInteger.Pow(p, k / d);
        }

        expected /= k;
        long count = 0;
        var total = BigInteger.Pow(p, k);
        for (BigInteger number = 0; number < total; number++)
        {
            var f = new ulong[k + 1];
            var digits = number;
            for (int i = 0; i < k; i++)
            {
                digits = BigInteger.DivRem(digits, p, out var digit);
                f[i] = (ulong)digit;
            }

            f[k] = 1;
            if (ExtensionField.IsIrreducible(p, f))
            {
                count++;
            }
        }

        Assert.Equal(expected, count);
    }

    [Fact]
    public void FirstIrreducibleIsLexicographicallyFirst()
    {
        // Over GF(2): x^2 + x + 1 is the only irreducible quadratic, x^3 + x + 1 comes before x^3 + x^2 + 1.
        Assert.Equal([1UL, 1, 1], ExtensionField.Create(2, 2).Modulus);
        Assert.Equal([1UL, 1, 0, 1], ExtensionField.Create(2, 3).Modulus);
        Assert.Equal([1UL, 0, 1, 1], ExtensionField.Create(2, 3, irreducibleIndex: 1).Modulus);

        // Over GF(5) the first irreducible quadratic is x^2 + 2 (-2 is not a square mod 5, while 0 and -1 = 2^2 are).
        Assert.Equal([2UL, 0, 1], ExtensionField.Create(5, 2).Modulus);
    }

    [Theory]
    [InlineData(2UL, 4)]
    [InlineData(3UL, 3)]
    [InlineData(5UL, 2)]
    public void EveryNonzeroElementIsAUnitOfOrderDividingQMinusOne(ulong p, int k)
    {
        var field = ExtensionField.Create(p, k);
        var q = field.Size;
        for (BigInteger number = 1; number < q; number++)
        {
            var a = field.FromNumber(number);
            Assert.True(ExtensionField.IsOne(field.Multiply(a, field.Inverse(a))), $"a * a^-1 for a = {number}");
            Assert.True(ExtensionField.IsOne(field.Power(a, q - 1)), $"a^(q-1) for a = {number}");
        }
    }

    [Fact]
    public void DegreeAboveLimitIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtensionField.Create(2, ExtensionField.MaxDegree + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtensionField.Create(4, 2));
    }
}
