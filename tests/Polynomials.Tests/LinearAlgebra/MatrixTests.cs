using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.Tests.LinearAlgebra.MatrixTestData;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

public sealed class MatrixTests
{
    public static TheoryData<Matrix<Rational>, Rational> Determinants => new()
    {
        // 2x2 rule ad - bc.
        { Integers([1, 2], [3, 4]), -2 },

        // Cofactor expansion along the first row: 2(0 + 4) + 3(10 + 1) + 1(8 - 0) = 49.
        { Integers([2, -3, 1], [2, 0, -1], [1, 4, 5]), 49 },

        // Rows 1, 2, 3 are in arithmetic progression, so the matrix is singular.
        { Integers([1, 2, 3], [4, 5, 6], [7, 8, 9]), 0 },

        // Upper triangular: product of the diagonal.
        { Rationals(["1/2", "7", "-3"], ["0", "2/3", "5"], ["0", "0", "-9"]), Rational.Create(-3, 1) },

        // A row swap of the identity has determinant -1.
        { Integers([0, 1], [1, 0]), -1 },

        // The empty product: det of the 0x0 matrix is 1.
        { Integers(), 1 },
    };

    [Theory]
    [MemberData(nameof(Determinants))]
    public void DeterminantTable(Matrix<Rational> a, Rational expected) => Assert.Equal(expected, a.Determinant());

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void HilbertDeterminantAndInverse(int n)
    {
        // H[i, j] = 1/(i + j + 1) (0-based). det H_n = c_n^4 / c_2n with c_n = 1! 2! ... (n-1)!, and the inverse has the
        // integer entries (-1)^(i+j) (i+j-1) C(n+i-1, n-j) C(n+j-1, n-i) C(i+j-2, i-1)^2 (1-based i, j), the
        // classical closed formulas for the Hilbert matrix.
        var hilbert = Matrix.FromFunction(Q, n, n, (i, j) => Rational.Create(1, i + j + 1));
        Assert.Equal(Rational.Create(BigInteger.Pow(SuperFactorial(n), 4), SuperFactorial(2 * n)), hilbert.Determinant());

        var inverse = hilbert.Inverse();
        for (int i = 1; i <= n; i++)
        {
            for (int j = 1; j <= n; j++)
            {
                var expected = ((i + j) % 2 == 0 ? 1 : -1) * (i + j - 1) * Binomial(n + i - 1, n - j) * Binomial(n + j - 1, n - i)
                    * BigInteger.Pow(Binomial(i + j - 2, i - 1), 2);
                Assert.Equal((Rational)expected, inverse[i - 1, j - 1]);
            }
        }
    }

    [Theory]
    [InlineData(new long[] { 3, -1, 4 })]
    [InlineData(new long[] { 0, 0, 0, 0, 0 })]
    [InlineData(new long[] { -7 })]
    [InlineData(new long[] { 1, 2, 3, 5, 8, 13 })]
    public void VandermondeDeterminant(long[] nodes)
    {
        // det [x_i^j] = product over i < j of (x_j - x_i).
        var a = Matrix.FromFunction(Q, nodes.Length, nodes.Length, (i, j) => ((Rational)nodes[i]).Pow(j));
        Rational expected = 1;
        for (int i = 0; i < nodes.Length; i++)
        {
            for (int j = i + 1; j < nodes.Length; j++)
            {
                expected *= nodes[j] - nodes[i];
            }
        }

        Assert.Equal(expected, a.Determinant());
    }

    [Theory]
    [InlineData(new long[] { 6, -5, 1 })]
    [InlineData(new long[] { 0, 0, 0, 0 })]
    [InlineData(new long[] { -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new long[] { 5, 4, 3, 2, 1, 0, -1 })]
    public void CompanionCharacteristicPolynomial(long[] lowerCoefficients)
    {
        // The companion matrix of the monic p(x) = c_0 + ... + c_(n-1) x^(n-1) + x^n has characteristic polynomial p.
        int n = lowerCoefficients.Length;
        var companion = Matrix.FromFunction(Q, n, n, (i, j) =>
            j == n - 1 ? -(Rational)lowerCoefficients[i] : (i == j + 1 ? Rational.One : Rational.Zero));
        var expected = lowerCoefficients.Select(c => (Rational)c).Append(Rational.One).ToArray();
        Assert.Equal(expected, companion.CharacteristicPolynomial());
    }

    [Fact]
    public void CompanionCharacteristicPolynomialOverGF7()
    {
        // p(x) = x^4 + 6x^3 + 2x + 3 over GF(7), with the companion matrix built as in the rational case.
        var field = PrimeField.Get(7);
        long[] c = [3, 2, 0, 6];
        var companion = Matrix.FromFunction(field, 4, 4, (i, j) =>
            j == 3 ? -field.FromInteger(c[i]) : (i == j + 1 ? field.One : field.Zero));
        Assert.Equal(c.Select(x => field.FromInteger(x)).Append(field.One).ToArray(), companion.CharacteristicPolynomial());
    }

    [Fact]
    public void CharacteristicPolynomialOf3x3OverGF37()
    {
        // Giac manual, pcar_hessenberg: [[4,1,-2],[1,2,-1],[2,1,0]] mod 37 has characteristic polynomial x^3 - 6x^2 + 12x - 8.
        var a = Modular(37, [4, 1, -2], [1, 2, -1], [2, 1, 0]);
        var field = PrimeField.Get(37);
        Assert.Equal(new long[] { -8, 12, -6, 1 }.Select(x => field.FromInteger(x)).ToArray(), a.CharacteristicPolynomial());
    }

    [Fact]
    public void SingularMatrixRankAndNullSpace()
    {
        // [[1,2,3],[4,5,6],[7,8,9]] has RREF [[1,0,-1],[0,1,2],[0,0,0]]: rank 2, kernel spanned by (1,-2,1).
        var a = Integers([1, 2, 3], [4, 5, 6], [7, 8, 9]);
        var (reduced, pivots) = a.ReducedRowEchelon();
        Assert.Equal(Integers([1, 0, -1], [0, 1, 2], [0, 0, 0]), reduced);
        Assert.Equal([0, 1], pivots);
        Assert.Equal(2, a.Rank());
        var kernel = Assert.Single(a.NullSpace());
        Assert.Equal(new Rational[] { 1, -2, 1 }, kernel);
    }

    [Fact]
    public void RankOverPrimeFieldDependsOnCharacteristic()
    {
        // det [[1,2],[3,4]] = -2: singular over GF(2), regular over GF(3) and Q.
        Assert.Equal(1, Modular(2, [1, 2], [3, 4]).Rank());
        Assert.Equal(2, Modular(3, [1, 2], [3, 4]).Rank());
        Assert.Equal(PrimeField.Get(7).FromInteger(5), Modular(7, [1, 2], [3, 4]).Determinant());
    }

    [Fact]
    public void EmptyMatrixEdgeCases()
    {
        var empty = Integers();
        Assert.Equal(0, empty.RowCount);
        Assert.True(empty.IsIdentity);
        Assert.Equal(0, empty.Rank());
        Assert.Empty(empty.NullSpace());
        Assert.Equal(empty, empty.Inverse());
        Assert.Equal(new Rational[] { 1 }, empty.CharacteristicPolynomial());
        Assert.Equal(Rational.Zero, empty.Trace());
        Assert.Equal("[]", empty.ToString());

        var zeroByThree = Matrix.Zero(Q, 0, 3);
        Assert.Equal(3, zeroByThree.NullSpace().Count);
        Assert.Equal(new Rational[] { 0, 0, 0 }, zeroByThree.Solve(Array.Empty<Rational>()));
    }

    [Fact]
    public void SingleRowMatrix()
    {
        // 1 x 4 row (0, 2, 4, -2): RREF (0, 1, 2, -1), pivot column 1, kernel basis e0, (0,-2,1,0), (0,1,0,1).
        var a = Integers([0, 2, 4, -2]);
        var rref = a.ReducedRowEchelon();
        Assert.Equal(Integers([0, 1, 2, -1]), rref.Reduced);
        Assert.Equal([1], rref.PivotColumns);
        Assert.Equal(
            new[] { new Rational[] { 1, 0, 0, 0 }, [0, -2, 1, 0], [0, 1, 0, 1] },
            a.NullSpace().Select(v => v.ToArray()).ToArray());
        Assert.Equal(new Rational[] { 0, 3, 0, 0 }, a.Solve(new Rational[] { 6 }));
    }

    [Fact]
    public void SolveInconsistentReturnsNull()
    {
        // x + y = 1 and 2x + 2y = 3 contradict each other.
        Assert.Null(Integers([1, 1], [2, 2]).Solve(new Rational[] { 1, 3 }));
    }

    [Fact]
    public void InverseOfSingularThrowsWithRank()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Integers([1, 2, 3], [4, 5, 6], [7, 8, 9]).Inverse());
        Assert.Contains("3x3", error.Message, StringComparison.Ordinal);
        Assert.Contains("rank 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerMatchesRepeatedProduct()
    {
        // [[1,1],[1,0]]^n = [[F(n+1), F(n)], [F(n), F(n-1)]] with Fibonacci numbers F.
        var fibonacci = Integers([1, 1], [1, 0]);
        Assert.Equal(Integers([10946, 6765], [6765, 4181]), fibonacci.Power(20));
        Assert.True(fibonacci.Power(0).IsIdentity);
        Assert.Equal(Integers([0, 1], [1, -1]), fibonacci.Power(-1));
        Assert.True((fibonacci.Power(-7) * fibonacci.Power(7)).IsIdentity);
    }

    [Fact]
    public void ArithmeticRowsColumnsAndTranspose()
    {
        var a = Integers([1, 2, 3], [4, 5, 6]);
        var b = Integers([1, 0], [0, 1], [1, 1]);
        Assert.Equal(Integers([4, 5], [10, 11]), a * b);
        Assert.Equal(Integers([2, 4, 6], [8, 10, 12]), a + a);
        Assert.Equal(Integers([3, 6, 9], [12, 15, 18]), (Rational)3 * a);
        Assert.True((a - a).IsZero);
        Assert.Equal(Integers([1, 4], [2, 5], [3, 6]), a.Transpose());
        Assert.Equal(new Rational[] { 4, 5, 6 }, a.Row(1));
        Assert.Equal(new Rational[] { 3, 6 }, a.Column(2));
        Assert.Equal(new Rational[] { 14, 32 }, a.Multiply(new Rational[] { 1, 2, 3 }));
        Assert.Equal("[[1, 2, 3], [4, 5, 6]]", a.ToString());
        Assert.Throws<ArgumentException>(() => a * a);
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2, 0]);
    }

    [Fact]
    public void EqualityAndHashingAsDictionaryKey()
    {
        var field = PrimeField.Get(5);
        var a = Modular(5, [1, 2], [3, 4]);
        var b = Matrix.FromRowMajor(field, 2, 2, [field.FromInteger(6), field.FromInteger(-3), field.FromInteger(3), field.FromInteger(4)]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        var set = new HashSet<Matrix<ModInt>> { a, b, Modular(5, [1, 2], [3, 3]) };
        Assert.Equal(2, set.Count);
        Assert.NotEqual(Modular(7, [1, 2], [3, 4]), a);
        Assert.Throws<ArgumentException>(() => Modular(7, [1]) + Modular(5, [1]));
    }

    [Property(MaxTest = 100)]
    public Property NullSpaceIsAnnihilated() =>
        Prop.ForAll(SmallRationalMatrix(6).ToArbitrary(), a =>
        {
            var kernel = a.NullSpace();
            return kernel.All(v => a.Multiply(v).All(x => x.IsZero)) && a.Rank() + kernel.Count == a.ColumnCount;
        });

    [Property(MaxTest = 100)]
    public Property RankOfTransposeEqualsRank() =>
        Prop.ForAll(SmallRationalMatrix(6).ToArbitrary(), a => a.Rank() == a.Transpose().Rank());

    [Property(MaxTest = 100)]
    public Property ReducedRowEchelonIsIdempotent() =>
        Prop.ForAll(SmallRationalMatrix(6).ToArbitrary(), a =>
        {
            var r = a.ReducedRowEchelon();
            var again = r.Reduced.ReducedRowEchelon();
            return again.Reduced == r.Reduced && again.PivotColumns.SequenceEqual(r.PivotColumns);
        });

    [Property(MaxTest = 100)]
    public Property DeterminantIsMultiplicative() =>
        Prop.ForAll(
            Gen.Choose(0, 5).SelectMany(n => Gen.Two(Gen.OneOf(MatrixOf(Q, n, n, SmallRational), LowRankRational(n, n, n)))).ToArbitrary(),
            pair => (pair.Item1 * pair.Item2).Determinant() == pair.Item1.Determinant() * pair.Item2.Determinant());

    [Property(MaxTest = 100)]
    public Property InverseTimesMatrixIsIdentity() =>
        Prop.ForAll(SquareRationalMatrix(6).ToArbitrary(), a =>
        {
            if (a.Determinant().IsZero)
            {
                return a.Rank() < a.RowCount && Throws(() => a.Inverse());
            }

            var inverse = a.Inverse();
            return (a * inverse).IsIdentity && (inverse * a).IsIdentity;
        });

    [Property(MaxTest = 100)]
    public Property SolveGivesSolution() =>
        Prop.ForAll(
            SmallRationalMatrix(5).SelectMany(a => Gen.ArrayOf(SmallRational, a.ColumnCount).Select(x => (a, x))).ToArbitrary(),
            pair =>
            {
                var (a, x) = pair;
                var b = a.Multiply(x);
                var solution = a.Solve(b);
                return solution is not null && a.Multiply(solution).SequenceEqual(b);
            });

    [Property(MaxTest = 100)]
    public Property CharacteristicPolynomialMatchesDeterminant() =>
        Prop.ForAll(
            SquareRationalMatrix(5).SelectMany(a => Gen.Choose(-4, 4).Select(c => (a, c))).ToArbitrary(),
            pair =>
            {
                // p(c) = det(c I - A) for every scalar c, and Cayley-Hamilton p(A) = 0.
                var (a, c) = pair;
                var p = a.CharacteristicPolynomial();
                Rational value = 0;
                for (int d = p.Count - 1; d >= 0; d--)
                {
                    value = value * c + p[d];
                }

                var shifted = (Rational)c * Matrix.Identity(Q, a.RowCount) - a;
                var atMatrix = Matrix.Zero(Q, a.RowCount, a.RowCount);
                for (int d = p.Count - 1; d >= 0; d--)
                {
                    atMatrix = atMatrix * a + p[d] * Matrix.Identity(Q, a.RowCount);
                }

                return value == shifted.Determinant() && atMatrix.IsZero && p[^1].IsOne && (a.RowCount == 0 || p[^2] == -a.Trace());
            });

    [Property(MaxTest = 100)]
    public Property PrimeFieldLawsHold() =>
        Prop.ForAll(
            Gen.Elements(2UL, 3UL, 101UL, 32003UL, 4611686018427387847UL)
                .SelectMany(p => Gen.Choose(0, 5).SelectMany(n => Gen.Two(MatrixOf(PrimeField.Get(p), n, n, ModularEntry(p)))))
                .ToArbitrary(),
            pair =>
            {
                var (a, b) = pair;
                var kernel = a.NullSpace();
                bool kernelOk = kernel.All(v => a.Multiply(v).All(x => x.IsZero)) && a.Rank() + kernel.Count == a.ColumnCount;
                bool determinantOk = (a * b).Determinant() == a.Determinant() * b.Determinant();
                bool inverseOk = a.Determinant().IsZero ? a.Rank() < a.RowCount : (a * a.Inverse()).IsIdentity;
                var r = a.ReducedRowEchelon().Reduced;
                return kernelOk && determinantOk && inverseOk && r.ReducedRowEchelon().Reduced == r;
            });

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static BigInteger SuperFactorial(int n)
    {
        BigInteger product = 1, factorial = 1;
        for (int i = 1; i < n; i++)
        {
            factorial *= i;
            product *= factorial;
        }

        return product;
    }

    private static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        BigInteger result = 1;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
