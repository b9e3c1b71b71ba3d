using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.Tests.LinearAlgebra.MatrixTestData;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

public sealed class RationalMatrixAlgorithmsTests
{
    // The first prime the modular algorithm uses, 2^31 - 1 (a Mersenne prime).
    private const long FirstPrime = 2147483647;

    [Fact]
    public void UnluckyPrimeLowersRank()
    {
        // det = FirstPrime, so modulo the first prime the rank drops to 1; over Q the matrix is invertible.
        var a = Integers([1, 1], [1, 1 + FirstPrime]);
        var rref = RationalMatrixAlgorithms.ReducedRowEchelon(a, LinearAlgebraAlgorithm.Modular);
        Assert.Equal([0, 1], rref.PivotColumns);
        Assert.True(rref.Reduced.IsIdentity);
        Assert.Equal((Rational)FirstPrime, RationalMatrixAlgorithms.Determinant(a, LinearAlgebraAlgorithm.Modular));
    }

    [Fact]
    public void UnluckyPrimeMovesPivot()
    {
        // Modulo the first prime the first column vanishes, so the pivot moves to column 1; over Q it is column 0.
        // RREF over Q: divide by FirstPrime.
        var a = Integers([FirstPrime, 1, 0], [2 * FirstPrime, 2, 0]);
        var rref = RationalMatrixAlgorithms.ReducedRowEchelon(a, LinearAlgebraAlgorithm.Modular);
        Assert.Equal([0], rref.PivotColumns);
        Assert.Equal(Rational.Create(1, FirstPrime), rref.Reduced[0, 1]);
        Assert.Equal(RationalMatrixAlgorithms.ReducedRowEchelon(a, LinearAlgebraAlgorithm.Direct).Reduced, rref.Reduced);
    }

    [Fact]
    public void UnluckyPrimeChoosesTooFewPivotRows()
    {
        // Modulo the first prime the rank is 1, so later primes reduce only row 0; the exact check then fails
        // (row 1 is not a multiple of row 0 over Q) and the algorithm must return to all rows. Over Q the rank is 2.
        var a = Integers([1, 1], [1, 1 + FirstPrime], [2, 2]);
        var rref = RationalMatrixAlgorithms.ReducedRowEchelon(a, LinearAlgebraAlgorithm.Modular);
        Assert.Equal([0, 1], rref.PivotColumns);
        Assert.Equal(Integers([1, 0], [0, 1], [0, 0]), rref.Reduced);
    }

    [Fact]
    public void HilbertInverseByModularAlgorithm()
    {
        // The 12x12 Hilbert matrix: its inverse has integer entries, and H * H^-1 = I is an independent check.
        var hilbert = Matrix.FromFunction(Q, 12, 12, (i, j) => Rational.Create(1, i + j + 1));
        var inverse = hilbert.Inverse(LinearAlgebraAlgorithm.Modular);
        Assert.True((hilbert * inverse).IsIdentity);
        Assert.All(inverse.RowMajorEntries.ToArray(), x => Assert.True(x.IsInteger));
        Assert.Equal(hilbert.Determinant(LinearAlgebraAlgorithm.Direct), hilbert.Determinant(LinearAlgebraAlgorithm.Modular));
    }

    [Fact]
    public void ModularEdgeCases()
    {
        foreach (var (rows, columns) in new[] { (0, 0), (0, 3), (3, 0), (1, 1), (1, 5), (4, 1) })
        {
            var zero = Matrix.Zero(Q, rows, columns);
            var rref = RationalMatrixAlgorithms.ReducedRowEchelon(zero, LinearAlgebraAlgorithm.Modular);
            Assert.Empty(rref.PivotColumns);
            Assert.True(rref.Reduced.IsZero);
        }

        Assert.Equal(Rational.One, RationalMatrixAlgorithms.Determinant(Integers(), LinearAlgebraAlgorithm.Modular));
        Assert.Equal(Rational.Zero, RationalMatrixAlgorithms.Determinant(Integers([1, 2], [0, 0]), LinearAlgebraAlgorithm.Modular));
        Assert.Equal(Rational.Create(-7, 3), RationalMatrixAlgorithms.Determinant(Rationals(["-7/3"]), LinearAlgebraAlgorithm.Modular));
    }

    [Fact]
    public void ModularAlgorithmRejectedOverPrimeField()
    {
        Assert.False(Matrix<ModInt>.IsAlgorithmSupported(LinearAlgebraAlgorithm.Modular));
        Assert.True(Matrix<Rational>.IsAlgorithmSupported(LinearAlgebraAlgorithm.Modular));
        var error = Assert.Throws<NotSupportedException>(() => Modular(7, [1, 2]).ReducedRowEchelon(LinearAlgebraAlgorithm.Modular));
        Assert.Contains("GF(7)", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 100)]
    public Property ModularAndDirectAgree() =>
        Prop.ForAll(SmallRationalMatrix(8).ToArbitrary(), a => SameEchelonForm(a));

    [Property(MaxTest = 60)]
    public Property ModularAndDirectAgreeOnLargeEntries() =>
        Prop.ForAll(LargeEntryMatrix(6).ToArbitrary(), a => SameEchelonForm(a));

    [Property(MaxTest = 60)]
    public Property ModularDeterminantMatchesDirect() =>
        Prop.ForAll(
            Gen.OneOf(SquareRationalMatrix(7), Gen.Choose(0, 5).SelectMany(n => Gen.OneOf(MatrixOf(Q, n, n, LargeRational), LowRankLarge(n, n)))).ToArbitrary(),
            a => RationalMatrixAlgorithms.Determinant(a, LinearAlgebraAlgorithm.Modular) == RationalMatrixAlgorithms.Determinant(a, LinearAlgebraAlgorithm.Direct));

    [Property(MaxTest = 40)]
    public Property ModularInverseAndSolveAreCorrect() =>
        Prop.ForAll(
            Gen.Choose(1, 6).SelectMany(n => MatrixOf(Q, n, n, LargeRational)).ToArbitrary(),
            a =>
            {
                if (a.Rank(LinearAlgebraAlgorithm.Direct) < a.RowCount)
                {
                    return true;
                }

                var inverse = a.Inverse(LinearAlgebraAlgorithm.Modular);
                var b = a.Column(0);
                var x = a.Solve(b, LinearAlgebraAlgorithm.Modular);
                return (a * inverse).IsIdentity && x is not null && a.Multiply(x).SequenceEqual(b);
            });

    [Property(MaxTest = 60)]
    public Property ModularCharacteristicPolynomialMatchesDirect() =>
        Prop.ForAll(
            Gen.OneOf(SquareRationalMatrix(7), Gen.Choose(0, 5).SelectMany(n => MatrixOf(Q, n, n, LargeRational))).ToArbitrary(),
            a => RationalMatrixAlgorithms.CharacteristicPolynomial(a, LinearAlgebraAlgorithm.Modular)
                .SequenceEqual(RationalMatrixAlgorithms.CharacteristicPolynomial(a, LinearAlgebraAlgorithm.Direct)));

    [Fact]
    public void ModularCharacteristicPolynomialOfHilbertMatrix()
    {
        // Independent check by Cayley-Hamilton: p(H) = 0 for the 6x6 Hilbert matrix, and p(0) = det(-H) = det H.
        var hilbert = Matrix.FromFunction(Q, 6, 6, (i, j) => Rational.Create(1, i + j + 1));
        var p = RationalMatrixAlgorithms.CharacteristicPolynomial(hilbert, LinearAlgebraAlgorithm.Modular);
        var value = Matrix.Zero(Q, 6, 6);
        for (int d = p.Count - 1; d >= 0; d--)
        {
            value = value * hilbert + p[d] * Matrix.Identity(Q, 6);
        }

        Assert.True(value.IsZero);
        Assert.Equal(hilbert.Determinant(LinearAlgebraAlgorithm.Direct), p[0]);
    }

    private static bool SameEchelonForm(Matrix<Rational> a)
    {
        var direct = RationalMatrixAlgorithms.ReducedRowEchelon(a, LinearAlgebraAlgorithm.Direct);
        var modular = RationalMatrixAlgorithms.ReducedRowEchelon(a, LinearAlgebraAlgorithm.Modular);
        return direct.Reduced == modular.Reduced && direct.PivotColumns.SequenceEqual(modular.PivotColumns);
    }

    /// <summary>Rationals with numerators up to 2^80 and denominators up to 2^40, so that entries leave the 64-bit fast path.</summary>
    private static Gen<Rational> LargeRational { get; } =
        Gen.Frequency(
            (1, Gen.Constant(Rational.Zero)),
            (3, Gen.Choose(-1000, 1000).SelectMany(high => Gen.Choose(0, int.MaxValue).SelectMany(low => Gen.Choose(1, int.MaxValue).Select(d =>
                Rational.Create(((BigInteger)high << 70) + ((BigInteger)low << 20) + 1, (BigInteger)d << 9))))));

    private static Gen<Matrix<Rational>> LowRankLarge(int rows, int columns) =>
        Gen.Choose(0, Math.Min(rows, columns)).SelectMany(r =>
            MatrixOf(Q, rows, r, LargeRational).SelectMany(left => MatrixOf(Q, r, columns, LargeRational).Select(right => left * right)));

    private static Gen<Matrix<Rational>> LargeEntryMatrix(int maxSize) =>
        Shape(1, maxSize).SelectMany(s => Gen.OneOf(MatrixOf(Q, s.Rows, s.Columns, LargeRational), LowRankLarge(s.Rows, s.Columns)));
}
