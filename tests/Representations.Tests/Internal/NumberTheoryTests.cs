using System.Numerics;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations.Tests.Internal;

public sealed class NumberTheoryTests
{
    [Fact]
    public void MaxFiniteOrderMatchesOeis()
    {
        // Maximal order of an element of finite order in GL(2n, Z) and GL(2n+1, Z), n = 0, 1, ... [OEIS-A005417].
        // Finite subgroups of GL_n(Q) are conjugate into GL_n(Z), so the bound is the same over Q.
        long[] expected = [2, 6, 12, 30, 60, 120, 210, 420, 840, 1260, 2520, 2520, 5040, 9240, 13860, 27720];
        for (int n = 0; n < expected.Length; n++)
        {
            Assert.Equal(new BigInteger(expected[n]), NumberTheory.MaxFiniteOrderOverRationals(Math.Max(2 * n, 1)));
            Assert.Equal(new BigInteger(expected[n]), NumberTheory.MaxFiniteOrderOverRationals(2 * n + 1));
        }
    }

    [Fact]
    public void DivisorsAndMoebius()
    {
        Assert.Equal([1, 2, 3, 4, 6, 12], NumberTheory.Divisors(12));
        Assert.Equal(-1, NumberTheory.Moebius(30));
        Assert.Equal(0, NumberTheory.Moebius(12));
        Assert.Equal(4, NumberTheory.EulerPhi(12));
    }
}
