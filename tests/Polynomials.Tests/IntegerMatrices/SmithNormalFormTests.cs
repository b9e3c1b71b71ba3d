using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Polynomials.Tests.IntegerMatrices;

public sealed class SmithNormalFormTests
{
    public static TheoryData<string, string> InvariantFactorCases => new()
    {
        // Published wrong answer elsewhere: -30 as the last factor. By hand: the gcd of the entries is 1; the 2 x 2
        // minors include 90, 60, 30, 20 and 160, whose gcd is 10; the determinant is 300. So d1 = 1,
        // d1*d2 = 10 and d1*d2*d3 = 300, giving 1, 10, 30. GAP 4 SmithNormalFormIntegerMat agrees.
        { "[[12,6,4],[3,9,6],[2,16,14]]", "1,10,30" },
        // Published wrong answer elsewhere: 2, 1, 388 (not a divisibility chain). By hand: the entries have gcd 1;
        // the nonzero 2 x 2 minors are 8, 72, -272, 194 and 388, with gcd 2; the determinant is 2*4*97 = 776.
        // So the factors are 1, 2, 776/2 = 388. GAP 4 agrees.
        { "[[2,0,68],[0,4,36],[0,0,97]]", "1,2,388" },
        // By hand: the entries have gcd 2; the 2 x 2 minors are +-36, +-48, 24, -72, -24, with gcd 12 = 2*6; the
        // determinant is -144, so d3 = 144/12 = 12. GAP 4 SmithNormalFormIntegerMat gives diag(2, 6, 12).
        { "[[2,4,4],[-6,6,12],[10,-4,-16]]", "2,6,12" },
        // Rank 1: the second row is twice the first; gcd of entries 1. GAP 4 gives diag(1, 0).
        { "[[1,2,3],[2,4,6]]", "1" },
        // One row: the only factor is the gcd of the entries, gcd(4, 6, 10) = 2.
        { "[[4,6,10]]", "2" },
        // Already diagonal but not a chain: gcd(6, 4) = 2 and lcm = 12. GAP 4 gives diag(2, 12).
        { "[[6,0],[0,4],[0,0]]", "2,12" },
        // Zero matrix and empty matrices have no invariant factors.
        { "[[0,0,0],[0,0,0]]", "" },
        { "[]", "" },
        { "[[],[],[]]", "" },
        // A unimodular matrix (det -1) has all factors 1.
        { "[[0,1],[1,0]]", "1,1" },
    };

    [Theory]
    [MemberData(nameof(InvariantFactorCases))]
    public void InvariantFactorsMatchKnownValues(string matrix, string expected)
    {
        var a = IntegerMatrix.Parse(matrix);
        var expectedFactors = expected.Length == 0 ? [] : expected.Split(',').Select(BigInteger.Parse).ToList();
        Assert.Equal(expectedFactors, SmithNormalForm.InvariantFactors(a));
    }

    [Theory]
    [MemberData(nameof(InvariantFactorCases))]
    public void DecompositionPassesVerification(string matrix, string expected)
    {
        _ = expected;
        var a = IntegerMatrix.Parse(matrix);
        var decomposition = SmithNormalForm.Decompose(a);
        var verification = SmithNormalForm.Verify(a, decomposition);
        Assert.All(verification.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Fact]
    public void DecomposeHandlesZeroRowMatrix()
    {
        var a = IntegerMatrix.Zero(0, 3);
        var (d, u, v) = SmithNormalForm.Decompose(a);
        Assert.Equal(IntegerMatrix.Zero(0, 3), d);
        Assert.Equal(0, u.RowCount);
        Assert.Equal(IntegerMatrix.Identity(3), v);
        Assert.True(SmithNormalForm.Verify(a, new SmithDecomposition(d, u, v)).AllPassed);
    }

    [Fact]
    public void RegressionHasPositiveLastFactor()
    {
        var (d, _, _) = SmithNormalForm.Decompose(IntegerMatrix.Parse("[[12,6,4],[3,9,6],[2,16,14]]"));
        Assert.Equal(new BigInteger(30), d[2, 2]);
    }

    [Fact]
    public void VerifyRejectsNegativeDiagonal()
    {
        var a = IntegerMatrix.Parse("[[12,6,4],[3,9,6],[2,16,14]]");
        var (d, u, v) = SmithNormalForm.Decompose(a);
        var negated = IntegerMatrix.Create(3, 3, (i, j) => i == 2 && j == 2 ? -d[i, j] : d[i, j]);
        var negatedU = IntegerMatrix.Create(3, 3, (i, j) => i == 2 ? -u[i, j] : u[i, j]);
        var verification = SmithNormalForm.Verify(a, new SmithDecomposition(negated, negatedU, v));
        Assert.True(verification.Checks.Single(c => c.Name == "U*A*V = D").Passed);
        Assert.False(verification.Checks.Single(c => c.Name == "D in Smith form").Passed);
    }

    [Fact]
    public void VerifyRejectsBrokenChain()
    {
        // diag(2, 1, 388) has the right product but is not a divisibility chain.
        var a = IntegerMatrix.Parse("[[2,0,68],[0,4,36],[0,0,97]]");
        var claimed = IntegerMatrix.Parse("[[2,0,0],[0,1,0],[0,0,388]]");
        var verification = SmithNormalForm.Verify(a, new SmithDecomposition(claimed, IntegerMatrix.Identity(3), IntegerMatrix.Identity(3)));
        var chain = verification.Checks.Single(c => c.Name == "D in Smith form");
        Assert.False(chain.Passed);
        Assert.Contains("does not divide", chain.Detail);
    }

    [Fact]
    public void VerifyRejectsNonUnimodularTransform()
    {
        // U = 2I and D = 2A satisfy U*A*V = D, but det U = 4.
        var a = IntegerMatrix.Parse("[[1,0],[0,1]]");
        var two = IntegerMatrix.Parse("[[2,0],[0,2]]");
        var verification = SmithNormalForm.Verify(a, new SmithDecomposition(two, two, IntegerMatrix.Identity(2)));
        Assert.True(verification.Checks.Single(c => c.Name == "U*A*V = D").Passed);
        Assert.False(verification.Checks.Single(c => c.Name == "det U = +-1").Passed);
    }

    [Property(MaxTest = 100)]
    public Property ScrambledChainKeepsInvariantFactors()
    {
        var cases =
            from rows in Gen.Choose(0, 5)
            from columns in Gen.Choose(0, 5)
            from rank in Gen.Choose(0, Math.Min(rows, columns))
            from chain in MatrixGenerators.DivisibilityChain(rank)
            from left in MatrixGenerators.Unimodular(rows)
            from right in MatrixGenerators.Unimodular(columns)
            select (chain, a: left * IntegerMatrix.Create(rows, columns, (i, j) => i == j && i < rank ? chain[i] : BigInteger.Zero) * right);
        return Prop.ForAll(cases.ToArbitrary(), c => SmithNormalForm.InvariantFactors(c.a).SequenceEqual(c.chain));
    }

    [Property(MaxTest = 100)]
    public Property DecompositionOfRandomMatrixVerifies() =>
        Prop.ForAll(MatrixGenerators.AnyShape(5, 20).ToArbitrary(), a =>
        {
            var decomposition = SmithNormalForm.Decompose(a);
            var (d, u, v) = decomposition;
            return u * a * v == d
                && BigInteger.Abs(u.Determinant()).IsOne
                && BigInteger.Abs(v.Determinant()).IsOne
                && SmithNormalForm.IsSmithForm(d)
                && SmithNormalForm.InvariantFactors(a).Count == a.Rank()
                && SmithNormalForm.Verify(a, decomposition).AllPassed;
        });

    [Property(MaxTest = 100)]
    public Property SmithFormIsIdempotent() =>
        Prop.ForAll(MatrixGenerators.AnyShape(5, 20).ToArbitrary(), a =>
        {
            var d = SmithNormalForm.Compute(a);
            return SmithNormalForm.Compute(d) == d && SmithNormalForm.Decompose(a).D == d;
        });

    [Property(MaxTest = 50)]
    public Property ProductOfFactorsEqualsGcdOfMinors() =>
        Prop.ForAll(MatrixGenerators.AnyShape(4, 9).ToArbitrary(), a =>
        {
            var factors = SmithNormalForm.InvariantFactors(a);
            BigInteger product = BigInteger.One;
            for (int k = 1; k <= factors.Count; k++)
            {
                product *= factors[k - 1];
                if (GcdOfMinors(a, k) != product)
                {
                    return false;
                }
            }

            return factors.Count == Math.Min(a.RowCount, a.ColumnCount) || GcdOfMinors(a, factors.Count + 1).IsZero;
        });

    // gcd of all k x k minors, computed by enumerating row and column subsets: the textbook definition of the
    // determinantal divisors, independent of the elimination under test.
    private static BigInteger GcdOfMinors(IntegerMatrix a, int k)
    {
        BigInteger gcd = BigInteger.Zero;
        foreach (var rows in Subsets(a.RowCount, k))
        {
            foreach (var columns in Subsets(a.ColumnCount, k))
            {
                gcd = BigInteger.GreatestCommonDivisor(gcd, a.SelectRows(rows).SelectColumns(columns).Determinant());
            }
        }

        return gcd;
    }

    private static IEnumerable<List<int>> Subsets(int n, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (int last = k - 1; last < n; last++)
        {
            foreach (var prefix in Subsets(last, k - 1))
            {
                yield return [.. prefix, last];
            }
        }
    }
}
