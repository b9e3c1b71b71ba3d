using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations.Tests.Internal;

public sealed class BrauerLiftTests
{
    [Theory]
    [InlineData(5UL, 3, 2)]    // 5 = 2 mod 3, 5^2 = 1 mod 3
    [InlineData(11UL, 5, 1)]   // 11 = 1 mod 5
    [InlineData(2UL, 7, 3)]    // 2^3 = 8 = 1 mod 7
    [InlineData(7UL, 12, 2)]   // 7^2 = 49 = 1 mod 12
    [InlineData(3UL, 1, 1)]
    public void RootHasExactOrderInExtensionOfMultiplicativeOrder(ulong p, int m, int k)
    {
        var lift = new BrauerLift(p, m);
        Assert.Equal(k, lift.ExtensionDegree);
        var root = lift.Root.ToArray();
        Assert.True(ExtensionField.IsOne(lift.Field.Power(root, m)));
        foreach (int divisor in NumberTheory.Divisors(m).Where(d => d < m))
        {
            Assert.False(ExtensionField.IsOne(lift.Field.Power(root, divisor)), $"w^{divisor} = 1");
        }
    }

    [Fact]
    public void DiagonalMatrixEigenvaluesArePowersOfRoot()
    {
        // Over GF(7) with m = 6, w is a primitive sixth root of unity; diag(1, w^2, w^2) has eigenvalues w^0, w^2, w^2.
        var lift = new BrauerLift(7, 6);
        var field = PrimeField.Get(7);
        var w = field.FromResidue(lift.Root[0]);
        var g = Matrix.Diagonal(field, [field.One, w * w, w * w]);
        Assert.Equal([(0, 1), (2, 2)], lift.Eigenvalues(g, 3, CancellationToken.None));
    }

    [Fact]
    public void NonDiagonalizableMatrixGivesNull()
    {
        var lift = new BrauerLift(5, 4);
        var field = PrimeField.Get(5);
        var unipotent = Matrix.Create(field, [[field.One, field.One], [field.Zero, field.One]]);
        Assert.Null(lift.Eigenvalues(unipotent, 1, CancellationToken.None));
        Assert.Null(lift.Eigenvalues(unipotent, 4, CancellationToken.None));
    }

    [Fact]
    public void ExponentDivisibleByPIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BrauerLift(3, 6));
    }
}
