using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Polynomials.Tests.IntegerMatrices;

public sealed class IntegerMatrixTests
{
    [Theory]
    [InlineData("[]", 0, 0)]
    [InlineData("[[]]", 1, 0)]
    [InlineData("[[], []]", 2, 0)]
    [InlineData("[[7]]", 1, 1)]
    [InlineData(" [ [1, -2, 3] ,\n [4,5,+6] ] ", 2, 3)]
    public void ParseReadsShape(string text, int rows, int columns)
    {
        var matrix = IntegerMatrix.Parse(text);
        Assert.Equal(rows, matrix.RowCount);
        Assert.Equal(columns, matrix.ColumnCount);
    }

    [Fact]
    public void ParseRoundTripsBigEntries()
    {
        var text = "[[123456789012345678901234567890,-1],[0,-98765432109876543210]]";
        var matrix = IntegerMatrix.Parse(text);
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), matrix[0, 0]);
        Assert.Equal(text, matrix.ToString());
    }

    [Theory]
    [InlineData("[[1,2],[3]]", "ragged rows")]
    [InlineData("[[1,2.5]]", "'2.5'")]
    [InlineData("[[1,x]]", "'x'")]
    [InlineData("[[1,2]", "end of text")]
    [InlineData("[[1,2]] extra", "'extra'")]
    [InlineData("1,2", "'1'")]
    [InlineData("[[1e3]]", "'1e3'")]
    public void ParseRejectsInvalidText(string text, string expectedFragment)
    {
        var error = Assert.Throws<FormatException>(() => IntegerMatrix.Parse(text));
        Assert.Contains(expectedFragment, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void ParseErrorNamesPosition()
    {
        var error = Assert.Throws<FormatException>(() => IntegerMatrix.Parse("[[1,2],[3,four]]"));
        Assert.Contains("position 11", error.Message);
        Assert.Contains("'four'", error.Message);
    }

    [Fact]
    public void FromRowsRejectsRaggedRows()
    {
        var rows = new[] { new long[] { 1, 2 }, new long[] { 3 } };
        Assert.Throws<ArgumentException>(() => IntegerMatrix.FromRows(rows));
    }

    public static TheoryData<string, string> Determinants => new()
    {
        // The 0 x 0 determinant is the empty product.
        { "[]", "1" },
        // Triangular: the product of the diagonal, 2 * 4 * 97.
        { "[[2,0,68],[0,4,36],[0,0,97]]", "776" },
        // Cofactor expansion along the first row: 12*30 - 6*30 + 4*30.
        { "[[12,6,4],[3,9,6],[2,16,14]]", "300" },
        // Two equal rows.
        { "[[1,2,3],[4,5,6],[1,2,3]]", "0" },
        // A zero first column forces a row swap to find no pivot.
        { "[[0,1],[0,2]]", "0" },
        // A zero leading entry forces a row swap: det [[0,1],[1,0]] = -1.
        { "[[0,1],[1,0]]", "-1" },
        // Vandermonde matrix of 1, 2, 3, 4: product of (x_j - x_i) over i < j = 1*2*3*1*2*1 = 12.
        { "[[1,1,1,1],[1,2,4,8],[1,3,9,27],[1,4,16,64]]", "12" },
    };

    [Theory]
    [MemberData(nameof(Determinants))]
    public void DeterminantMatchesKnownValue(string matrix, string expected) =>
        Assert.Equal(BigInteger.Parse(expected), IntegerMatrix.Parse(matrix).Determinant());

    [Property(MaxTest = 100)]
    public Property DeterminantMatchesCofactorExpansion() =>
        Prop.ForAll(
            Gen.Choose(0, 4).SelectMany(n => MatrixGenerators.Matrix(n, n, 9)).ToArbitrary(),
            m => m.Determinant() == CofactorDeterminant(m));

    public static TheoryData<string, int> Ranks => new()
    {
        // Rank of the empty matrix is 0.
        { "[]", 0 },
        // Second row is twice the first.
        { "[[1,2,3],[2,4,6]]", 1 },
        // Zero first column, independent rows.
        { "[[0,1,2],[0,3,4]]", 2 },
        // Nonzero determinant 300.
        { "[[12,6,4],[3,9,6],[2,16,14]]", 3 },
        // Row 3 = row 1 + row 2.
        { "[[1,0,2],[0,1,3],[1,1,5]]", 2 },
    };

    [Theory]
    [MemberData(nameof(Ranks))]
    public void RankMatchesKnownValue(string matrix, int expected) =>
        Assert.Equal(expected, IntegerMatrix.Parse(matrix).Rank());

    [Fact]
    public void ProductHandlesEmptyInnerDimension()
    {
        var product = IntegerMatrix.Zero(2, 0) * IntegerMatrix.Zero(0, 3);
        Assert.Equal(IntegerMatrix.Zero(2, 3), product);
    }

    [Fact]
    public void ProductRejectsMismatchedShapes() =>
        Assert.Throws<ArgumentException>(() => IntegerMatrix.Zero(2, 3) * IntegerMatrix.Zero(2, 3));

    // Laplace expansion along the first row: an algorithm independent of the elimination under test.
    private static BigInteger CofactorDeterminant(IntegerMatrix m)
    {
        if (m.RowCount == 0)
        {
            return BigInteger.One;
        }

        BigInteger sum = BigInteger.Zero;
        for (int j = 0; j < m.ColumnCount; j++)
        {
            var columns = Enumerable.Range(0, m.ColumnCount).Where(c => c != j).ToList();
            var minor = m.SelectRows(Enumerable.Range(1, m.RowCount - 1).ToList()).SelectColumns(columns);
            var term = m[0, j] * CofactorDeterminant(minor);
            sum += j % 2 == 0 ? term : -term;
        }

        return sum;
    }
}
