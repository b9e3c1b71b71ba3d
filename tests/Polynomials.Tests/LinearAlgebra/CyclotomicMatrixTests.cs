using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.Tests.LinearAlgebra.MatrixTestData;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

public sealed class CyclotomicMatrixTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    public void FourierMatrixInverse(int n)
    {
        // F[j, k] = z^(jk) with z = zeta_n satisfies F * conj(F)^T = n I, so F^-1 = conj(F)^T / n.
        var field = CyclotomicField.Get(n);
        var fourier = Matrix.FromFunction(field, n, n, (j, k) => field.RootOfUnity(j * k % n));
        var expected = Matrix.FromFunction(field, n, n, (j, k) => field.RootOfUnity((n - j * k % n) % n) / field.FromInteger(n));
        Assert.Equal(expected, fourier.Inverse());
        Assert.Equal(n, fourier.Rank());
    }

    [Fact]
    public void DiagonalRootsCharacteristicPolynomial()
    {
        // diag(z, z^2) over Q(zeta_5) has characteristic polynomial (x - z)(x - z^2) = x^2 - (z + z^2) x + z^3.
        var field = CyclotomicField.Get(5);
        var z = field.Zeta;
        var a = Matrix.Diagonal(field, [z, z * z]);
        Assert.Equal(new[] { z * z * z, -(z + z * z), field.One }, a.CharacteristicPolynomial());
    }

    [Fact]
    public void RotationOfOrderSevenCharacteristicPolynomial()
    {
        // The 6x6 companion matrix of Phi_7 = 1 + x + ... + x^6 has order 7 and characteristic polynomial Phi_7.
        var field = CyclotomicField.Get(7);
        var companion = Matrix.FromFunction(field, 6, 6, (i, j) => j == 5 ? -field.One : (i == j + 1 ? field.One : field.Zero));
        Assert.Equal(Enumerable.Repeat(field.One, 7).ToArray(), companion.CharacteristicPolynomial());
        Assert.True(companion.Power(7).IsIdentity);
        Assert.False(companion.Power(1).IsIdentity);
    }

    [Property(MaxTest = 40)]
    public Property FieldLawsOverQZeta5() =>
        Prop.ForAll(
            Gen.Choose(0, 3).SelectMany(n => Gen.Two(MatrixOf(Zeta5, n, n, SmallCyclotomic))).SelectMany(pair => Gen.Choose(-3, 3).Select(c => (pair.Item1, pair.Item2, c))).ToArbitrary(),
            triple =>
            {
                var (a, b, c) = triple;
                var kernel = a.NullSpace();
                bool kernelOk = kernel.All(v => a.Multiply(v).All(x => x.IsZero)) && a.Rank() + kernel.Count == a.ColumnCount;
                bool determinantOk = (a * b).Determinant() == a.Determinant() * b.Determinant();
                bool inverseOk = a.Determinant().IsZero ? a.Rank() < a.RowCount : (a * a.Inverse()).IsIdentity;

                // p(c) = det(c I - A) for the characteristic polynomial p.
                var p = a.CharacteristicPolynomial();
                var scalar = Zeta5.FromInteger(c);
                var value = Zeta5.Zero;
                for (int d = p.Count - 1; d >= 0; d--)
                {
                    value = value * scalar + p[d];
                }

                bool characteristicOk = value == (scalar * Matrix.Identity(Zeta5, a.RowCount) - a).Determinant();
                return kernelOk && determinantOk && inverseOk && characteristicOk;
            });

    private static CyclotomicField Zeta5 => CyclotomicField.Get(5);

    // Elements a + b z + c z^2 + d z^3 of Q(zeta_5) with small rational coefficients.
    private static Gen<CyclotomicNumber> SmallCyclotomic { get; } =
        Gen.ArrayOf(SmallRational, 4).Select(coefficients => Zeta5.FromCoefficients(coefficients));
}
