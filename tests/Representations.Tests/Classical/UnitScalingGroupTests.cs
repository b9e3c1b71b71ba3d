using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;

namespace InvTheory.Representations.Tests.Classical;

public sealed class UnitScalingGroupTests
{
    // Base units M, L, T; quantities: mass m, length l, time t, velocity v = L/T, force F = M L/T^2.
    private static readonly UnitScalingGroup Mechanics = new(
        ["M", "L", "T"],
        ["m", "l", "t", "v", "F"],
        [
            [1, 0, 0, 0, 1],
            [0, 1, 0, 1, 1],
            [0, 0, 1, -1, -2],
        ]);

    [Fact]
    public void ScalesVelocityByLengthOverTime()
    {
        // Changing metres to centimetres (L x 100) and seconds to minutes (T x 1/60): v -> v * 100 * 60.
        var scaled = Mechanics.Act([1.0, 100.0, 1.0 / 60], [2.0, 3.0, 4.0, 5.0, 6.0]);
        Assert.Equal(5.0 * 100 * 60, scaled[3], 9);
        Assert.Equal(300.0, scaled[1], 9);
        Assert.Equal(6.0 * 100 * 3600, scaled[4], 6);
    }

    [Fact]
    public void ExactActionUsesIntegerPowers()
    {
        var scaled = Mechanics.Act([2, 3, 5], [Rational.One, 1, 1, 1, 1]);
        Assert.Equal(Rational.Create(3, 5), scaled[3]);
        Assert.Equal(Rational.Create(6, 25), scaled[4]);
    }

    [Fact]
    public void DimensionlessMonomialHasZeroWeightAndIsInvariant()
    {
        // F t^2 / (m l) is dimensionless: exponents (-1, -1, 2, 0, 1).
        int[] exponents = [-1, -1, 2, 0, 1];
        Assert.Equal([0, 0, 0], Mechanics.Weight(exponents));
        double[] values = [2.0, 3.0, 4.0, 5.0, 6.0];
        var scaled = Mechanics.Act([7.0, 0.25, 3.0], values);
        double Monomial(IReadOnlyList<double> q) => Enumerable.Range(0, 5).Aggregate(1.0, (p, j) => p * Math.Pow(q[j], exponents[j]));
        Assert.Equal(Monomial(values), Monomial(scaled), 12);
        Assert.Equal([0, 1, -1], Mechanics.Weight([0, 0, 0, 1, 0]));
        Assert.Equal([1, 2, -3], Mechanics.Weight([0, 0, 0, 1, 1]));
    }

    [Fact]
    public void DimensionOfReturnsColumn()
    {
        Assert.Equal([1, 1, -2], Mechanics.DimensionOf("F"));
        Assert.Throws<ArgumentException>(() => Mechanics.DimensionOf("E"));
    }

    [Fact]
    public void InvalidInputsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Mechanics.Act([1.0, 1.0], [1.0, 1, 1, 1, 1]));
        Assert.Throws<ArgumentException>(() => Mechanics.Act([1.0, -1.0, 1.0], [1.0, 1, 1, 1, 1]));
        Assert.Throws<ArgumentException>(() => Mechanics.Act([1.0, 1.0, 1.0], [1.0, 0, 1, 1, 1]));
        Assert.Throws<ArgumentException>(() => new UnitScalingGroup(["M", "M"], ["m"], [[1], [0]]));
        Assert.Throws<ArgumentException>(() => new UnitScalingGroup(["M"], ["m", "l"], [[1]]));
    }
}
