using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;

namespace InvTheory.Representations.Tests.Classical;

public sealed class ClassicalGroupTests
{
    public static TheoryData<string> GroupNames() => ["O(1)", "O(2)", "O(3)", "SO(3)", "SO(4)", "E(3)", "O(1,1)", "O(1,2)", "O(1,3)", "SO+(1,3)", "O(1,4)"];

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void LieAlgebraPreservesMetric(string name)
    {
        var group = ClassicalGroup.Parse(name);
        var j = group.Metric;
        foreach (var x in group.LieAlgebraBasis)
        {
            Assert.True((x.Transpose() * j + j * x).IsZero, $"{name}: X^T J + J X != 0");
        }
    }

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void LieAlgebraHasDimensionDChooseTwo(string name)
    {
        // dim so(d) = dim so(1, d-1) = d(d-1)/2; the basis is linearly independent.
        var group = ClassicalGroup.Parse(name);
        int d = group.Dimension;
        Assert.Equal(d * (d - 1) / 2, group.LieAlgebraBasis.Count);
        Assert.Equal(group.LieAlgebraBasis.Count, group.LieAlgebraBasisNames.Count);
        if (group.LieAlgebraBasis.Count > 0)
        {
            var flattened = Matrix.FromFunction(RationalField.Instance, group.LieAlgebraBasis.Count, d * d, (r, c) => group.LieAlgebraBasis[r][c / d, c % d]);
            Assert.Equal(group.LieAlgebraBasis.Count, flattened.Rank());
        }
    }

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void ComponentGeneratorsPreserveMetric(string name)
    {
        var group = ClassicalGroup.Parse(name);
        var j = group.Metric;
        foreach (var g in group.ComponentGenerators)
        {
            Assert.Equal(j, g.Transpose() * j * g);
        }
    }

    [Theory]
    [InlineData("O(3)", 2)]
    [InlineData("SO(3)", 1)]
    [InlineData("E(2)", 2)]
    [InlineData("O(1,3)", 4)]
    [InlineData("O(1,2)", 4)]
    [InlineData("SO+(1,3)", 1)]
    public void ComponentCountMatchesTextbook(string name, int components)
    {
        // O(d) has 2 components (sign of det); O(1, n) has 4 (signs of det and of g_00); SO(d), SO+(1, n) are connected.
        var group = ClassicalGroup.Parse(name);
        Assert.Equal(components, group.ComponentCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void ParityAndTimeReversalLeaveIdentityComponent(int d)
    {
        // det(P) = -1 and T_00 = -1: P reverses orientation, T reverses time, P T does both.
        var group = ClassicalGroup.Lorentz(d);
        var parity = group.ComponentGenerators[0];
        var time = group.ComponentGenerators[1];
        Assert.Equal(Rational.MinusOne, parity.Determinant());
        Assert.Equal(Rational.One, parity[0, 0]);
        Assert.Equal(Rational.MinusOne, time[0, 0]);
        Assert.Equal(Rational.MinusOne, time.Determinant());
    }

    [Fact]
    public void FourDimensionalParityInvertsSpace()
    {
        var parity = ClassicalGroup.Lorentz(4).ComponentGenerators[0];
        Assert.Equal(Matrix.Diagonal<Rational>(RationalField.Instance, [1, -1, -1, -1]), parity);
    }

    [Fact]
    public void LieAlgebraBracketsOfSo3()
    {
        // [L12, L23] = E_12 E_23 - E_32 E_21 = E_13 - E_31 = L13 for L_ij = E_ij - E_ji.
        var group = ClassicalGroup.SpecialOrthogonal(3);
        var l12 = group.LieAlgebraBasis[0];
        var l13 = group.LieAlgebraBasis[1];
        var l23 = group.LieAlgebraBasis[2];
        Assert.Equal(["L12", "L13", "L23"], group.LieAlgebraBasisNames);
        Assert.Equal(l13, l12 * l23 - l23 * l12);
    }

    [Fact]
    public void BoostsCommuteToRotation()
    {
        // [K1, K2] = E_10 E_02 - E_20 E_01 = E_12 - E_21 = L12 for K_i = E_0i + E_i0: boosts close on a rotation.
        var group = ClassicalGroup.Lorentz(4);
        var k1 = group.LieAlgebraBasis[0];
        var k2 = group.LieAlgebraBasis[1];
        var l12 = group.LieAlgebraBasis[3];
        Assert.Equal("L12", group.LieAlgebraBasisNames[3]);
        Assert.Equal(l12, k1 * k2 - k2 * k1);
    }

    [Theory]
    [InlineData("O(3)", "O(3)")]
    [InlineData("so(3)", "SO(3)")]
    [InlineData("SO+(1,3)", "SO+(1,3)")]
    [InlineData("O(1, 3)", "O(1,3)")]
    [InlineData("Lorentz", "O(1,3)")]
    [InlineData("E(3)", "E(3)")]
    public void ParseAcceptsNames(string text, string name)
    {
        Assert.Equal(name, ClassicalGroup.Parse(text).Name);
    }

    [Theory]
    [InlineData("U(3)")]
    [InlineData("O(0)")]
    [InlineData("SO(1,0)")]
    [InlineData("O(65)")]
    [InlineData("SO+(3)")]
    public void ParseRejectsUnknownNames(string text)
    {
        Assert.Throws<FormatException>(() => ClassicalGroup.Parse(text));
    }

    [Fact]
    public void CentringRemovesTranslations()
    {
        var group = ClassicalGroup.Euclidean(2);
        double[] points = [1, 2, 3, 5, -1, 0];
        double[] shifted = [11, -2, 13, 1, 9, -4];
        var centred = group.Centre(points);
        var centredShifted = group.Centre(shifted);
        for (int k = 0; k < points.Length; k++)
        {
            Assert.Equal(centred[k], centredShifted[k], 12);
        }

        Assert.Equal(0, centred.Where((_, k) => k % 2 == 0).Sum(), 12);
        Assert.True(group.HasTranslations);
        Assert.Throws<ArgumentException>(() => group.Centre([1, 2, 3]));
    }
}
