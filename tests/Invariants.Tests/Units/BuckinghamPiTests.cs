using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Invariants.Units;
using InvTheory.Polynomials.IntegerMatrices;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Tests.Units;

public sealed class BuckinghamPiTests
{
    internal static UnitsTable PipeFlow(string? target = "dp", string[]? repeating = null) => new(
        [
            new("dp", UnitExpression.Parse("Pa")),
            new("L", UnitExpression.Parse("m")),
            new("D", UnitExpression.Parse("m")),
            new("rho", UnitExpression.Parse("kg/m^3")),
            new("mu", UnitExpression.Parse("Pa*s")),
            new("v", UnitExpression.Parse("m/s")),
        ],
        target,
        repeating);

    [Fact]
    public void PipeFlowLatticeContainsReynoldsNumber()
    {
        var analysis = BuckinghamPi.Analyze(PipeFlow());
        Assert.Equal(3, analysis.Rank);
        Assert.Equal(3, analysis.Groups.Count);

        // Reynolds number rho*v*D/mu: M^(1-1) L^(-3+1+1+1) T^(-1+1) = 1. Its exponents over (dp, L, D, rho, mu, v):
        var reynolds = new BigInteger[] { 0, 0, 1, 1, -1, 1 };
        var coordinates = IntegerCoordinates(analysis.Groups, reynolds);
        Assert.NotNull(coordinates);
    }

    [Fact]
    public void PipeFlowIsolatesTarget()
    {
        var analysis = BuckinghamPi.Analyze(PipeFlow());
        Assert.Equal(BigInteger.One, analysis.Groups[0]["dp"]);
        Assert.All(analysis.Groups.Skip(1), g => Assert.Equal(BigInteger.Zero, g["dp"]));
        Assert.NotNull(analysis.TargetScaling);
        Assert.Equal(BigInteger.Zero, analysis.TargetScaling!["dp"]);
        Assert.Equal(UnitExpression.Parse("Pa"), analysis.TargetScaling.Dimension(analysis.Table.Variables.Select(v => v.Dimension).ToList()));
        Assert.True(analysis.Certificate.AllPassed);
        Assert.Equal(BigInteger.One, analysis.Certificate.LatticeIndex);
    }

    [Fact]
    public void PipeFlowRepeatingFormIsTextbook()
    {
        // Textbook groups with repeating rho, v, D: dp/(rho v^2) (Euler number), L/D, and mu/(rho v D) (inverse
        // Reynolds number), each non-repeating variable with exponent 1.
        var analysis = BuckinghamPi.Analyze(PipeFlow(repeating: ["rho", "v", "D"]));
        Assert.True(analysis.UsesRepeatingForm);
        Assert.Equal(["dp/(rho*v^2)", "L/D", "mu/(D*rho*v)"], analysis.Groups.Select(g => g.ToString()));
        Assert.Equal("rho*v^2", analysis.TargetScaling!.ToString());
    }

    [Fact]
    public void PendulumNeedsSquareForTarget()
    {
        // period [T], length [L], g [L T^-2], mass [M]: the only group is period^2 g / length, so period scales as
        // sqrt(length/g) and has no integer scaling. Mass carries the only M, so it appears in no group.
        var table = new UnitsTable(
            [
                new("period", UnitExpression.Parse("s")),
                new("length", UnitExpression.Parse("m")),
                new("g", UnitExpression.Parse("m/s^2")),
                new("mass", UnitExpression.Parse("kg")),
            ],
            "period");
        var analysis = BuckinghamPi.Analyze(table);
        Assert.Equal(["period^2*g/length"], analysis.Groups.Select(g => g.ToString()));
        Assert.Null(analysis.TargetScaling);
        Assert.Contains("(length/g)^(1/2)", analysis.TargetScalingNote);
        Assert.Contains(analysis.Notes, n => n.Contains("'mass' is the only variable with the dimension M"));
    }

    [Fact]
    public void DimensionlessVariablesAreOwnGroups()
    {
        var table = new UnitsTable([new("theta", UnitExpression.Parse("rad")), new("ratio", UnitExpression.Parse("1"))], "ratio");
        var analysis = BuckinghamPi.Analyze(table);
        Assert.Equal(0, analysis.Rank);
        Assert.Equal(["ratio", "theta"], analysis.Groups.Select(g => g.ToString()));
        Assert.True(analysis.TargetScaling!.IsOne);
        Assert.Contains(analysis.Notes, n => n.Contains("Every variable is dimensionless"));
    }

    [Fact]
    public void UnreachableTargetIsExplained()
    {
        var table = new UnitsTable(
            [new("x", UnitExpression.Parse("m")), new("t", UnitExpression.Parse("s")), new("v", UnitExpression.Parse("m/s")), new("temperature", UnitExpression.Parse("K"))],
            "temperature");
        var analysis = BuckinghamPi.Analyze(table);
        Assert.Null(analysis.TargetScaling);
        Assert.Contains("no other variable carries the dimension Theta", analysis.TargetScalingNote);
        Assert.Equal(["x/(t*v)"], analysis.Groups.Select(g => g.ToString()));
        Assert.True(analysis.Certificate.AllPassed);
    }

    [Fact]
    public void RankDeficientMatrixCountsRank()
    {
        // a = M L and b = M^2 L^2 are dependent, as are c = T and d = T^2: rank 2 with 3 dimensions, so 4 - 2 = 2 groups.
        var table = UnitsTable.ParseCsv("name,M,L,T\na,1,1,\nb,2,2,\nc,,,1\nd,,,2\n");
        var analysis = BuckinghamPi.Analyze(table);
        Assert.Equal(2, analysis.Rank);
        Assert.Equal(["a^2/b", "c^2/d"], analysis.Groups.Select(g => g.ToString()));
        Assert.Contains(analysis.Notes, n => n.Contains("rank 2 but uses 3 base dimensions"));
    }

    [Fact]
    public void IndependentVariablesHaveNoGroups()
    {
        var analysis = BuckinghamPi.Analyze(new UnitsTable([new("x", UnitExpression.Parse("m")), new("t", UnitExpression.Parse("s"))]));
        Assert.Empty(analysis.Groups);
        Assert.Contains(analysis.Notes, n => n.Contains("No dimensionless group exists"));
        Assert.True(analysis.Certificate.AllPassed);
    }

    [Fact]
    public void DependentRepeatingSetIsRejected()
    {
        var error = Assert.Throws<UnitsTableException>(() => BuckinghamPi.Analyze(PipeFlow(repeating: ["L", "D", "rho"])));
        Assert.Contains("'D'", error.Message);
        Assert.Contains("dimensionally independent", error.Message);
    }

    [Fact]
    public void SmallRepeatingSetIsRejected()
    {
        var error = Assert.Throws<UnitsTableException>(() => BuckinghamPi.Analyze(PipeFlow(repeating: ["rho", "v"])));
        Assert.Contains("rank 2 but the table has rank 3", error.Message);
    }

    [Fact]
    public void FractionalRepeatingFormFallsBack()
    {
        // side [L] with repeating area [L^2]: side needs the power 2 (side^2/area), so the reduced basis is used.
        var table = new UnitsTable([new("side", UnitExpression.Parse("m")), new("area", UnitExpression.Parse("m^2"))], repeating: ["area"]);
        var analysis = BuckinghamPi.Analyze(table);
        Assert.False(analysis.UsesRepeatingForm);
        Assert.Contains(analysis.Notes, n => n.Contains("'side' needs the power 2"));
        Assert.True(analysis.Certificate.AllPassed);
    }

    [Property(MaxTest = 60)]
    public Property GroupsGenerateEveryDimensionlessProduct()
    {
        var tables =
            from n in Gen.Choose(1, 6)
            from entries in Gen.ArrayOf(Gen.Choose(-3, 3), 3 * n)
            from targetIndex in Gen.Choose(-1, n - 1)
            select (n, entries, targetIndex);
        return Prop.ForAll(tables.ToArbitrary(), c =>
        {
            var table = RandomTable(c.n, c.entries, c.targetIndex);
            var analysis = BuckinghamPi.Analyze(table);
            var matrix = PiCertificate.DimensionMatrix(table.Variables);

            // A second algorithm: the rational null space of M from Gauss-Jordan elimination, each vector scaled to
            // integers. Every such integer vector must have integer coordinates in the groups.
            var rational = Matrix.FromFunction(RationalField.Instance, matrix.RowCount, matrix.ColumnCount, (i, j) => (Rational)matrix[i, j]);
            foreach (var vector in rational.NullSpace())
            {
                var scale = vector.Aggregate(BigInteger.One, (l, x) => l / BigInteger.GreatestCommonDivisor(l, x.Denominator) * x.Denominator);
                var integers = vector.Select(x => (x * scale).Numerator).ToArray();
                if (IntegerCoordinates(analysis.Groups, integers) is null)
                {
                    return false;
                }
            }

            bool targetInAtMostOneGroup = c.targetIndex < 0 || analysis.Groups.Count(g => !g.Exponents[c.targetIndex].IsZero) <= 1;
            return analysis.Certificate.AllPassed
                && analysis.Groups.Count == c.n - rational.Rank()
                && targetInAtMostOneGroup
                && BuckinghamPi.Analyze(table).Groups.SequenceEqual(analysis.Groups);
        });
    }

    private static UnitsTable RandomTable(int n, int[] entries, int targetIndex)
    {
        string[] dimensions = ["M", "L", "T"];
        var variables = Enumerable.Range(0, n).Select(j => new DimensionalVariable(
            $"x{j}",
            DimensionVector.FromExponents(Enumerable.Range(0, 3).Select(i => new KeyValuePair<string, int>(dimensions[i], entries[(3 * j) + i])))));
        return new UnitsTable(variables, targetIndex >= 0 ? $"x{targetIndex}" : null);
    }

    // Solves c^T G = x over Q (G has independent rows) and returns c when it is an integer vector, else null.
    internal static BigInteger[]? IntegerCoordinates(IReadOnlyList<PowerProduct> groups, IReadOnlyList<BigInteger> exponents)
    {
        var transposed = Matrix.FromFunction(RationalField.Instance, exponents.Count, groups.Count, (j, i) => (Rational)groups[i].Exponents[j]);
        var solution = transposed.Solve(exponents.Select(e => (Rational)e).ToList());
        if (solution is null || solution.Any(x => !x.IsInteger))
        {
            return null;
        }

        return solution.Select(x => x.Numerator).ToArray();
    }
}
