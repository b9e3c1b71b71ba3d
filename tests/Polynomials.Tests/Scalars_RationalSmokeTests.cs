using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests;

public sealed class RationalSmokeTests
{
    [Fact]
    public void DefaultIsZero() => Assert.True(default(Rational).IsZero);
}
