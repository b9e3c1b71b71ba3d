using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Runtime.Units;

namespace InvTheory.Runtime.Tests.Units;

public sealed class UnitsEquivariantModelTests
{
    // Pipe flow without the target dp: inputs L, D, rho, mu, v. Their exponents of (M, L, T), from the SI units
    // m, m, kg/m^3, Pa*s = kg/(m*s) and m/s, and the target dp in Pa = kg/(m*s^2).
    private static readonly int[][] InputDimensions = [[0, 1, 0], [0, 1, 0], [1, -3, 0], [1, -1, -1], [0, 1, -1]];
    private static readonly int[] TargetDimension = [1, -1, -2];

    // L/D and the Reynolds number rho*v*D/mu are dimensionless; rho*v^2 has the dimension M L^-1 T^-2 of a pressure.
    private static UnitsEquivariantModel PipeModel() => new(
        ["L", "D", "rho", "mu", "v"],
        [new("L/D", [1, -1, 0, 0, 0]), new("Re", [0, 1, 1, -1, 1])],
        new OutputScaling([0, 0, 1, 0, 2]));

    // A nonlinear friction-style law of the features: the wrapper must make any such law equivariant.
    private static double Friction(ReadOnlySpan<double> p) => p[0] * (0.3164 * Math.Pow(p[1], -0.25) + (0.01 * Math.Sin(Math.Log(p[1]))));

    [Fact]
    public void FeaturesMatchDirectEvaluation()
    {
        var model = PipeModel();
        double[] x = [2.0, 0.05, 998.0, 1.0e-3, 1.5];
        var features = new List<double>();
        double output = model.Predict(x, p =>
        {
            features.AddRange(p.ToArray());
            return 1.0;
        });
        Assert.Equal(2.0 / 0.05, features[0], 1e-15 * 40);
        Assert.Equal(998.0 * 1.5 * 0.05 / 1.0e-3, features[1], 1e-15 * 74850 * 4);
        Assert.Equal(998.0 * 1.5 * 1.5, output, 1e-15 * 2245.5 * 4);
    }

    [Property(MaxTest = 100)]
    public Property OutputRescalesWithUnits()
    {
        var cases =
            from logs in Gen.ArrayOf(Gen.Choose(-4000, 4000), 5)
            from unitLogs in Gen.ArrayOf(Gen.Choose(-3000, 3000), 3)
            select (logs, unitLogs);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            // Inputs between 1e-4 and 1e4; unit factors between 1e-3 and 1e3 for M, L and T.
            var x = c.logs.Select(l => Math.Pow(10, l / 1000.0)).ToArray();
            var factors = c.unitLogs.Select(l => Math.Pow(10, l / 1000.0)).ToArray();
            var scaled = x.Select((value, j) => value * UnitFactor(InputDimensions[j], factors)).ToArray();
            var model = PipeModel();
            double y = model.Predict(x, Friction);
            double yScaled = model.Predict(scaled, Friction);
            double expected = y * UnitFactor(TargetDimension, factors);
            return Math.Abs(yScaled - expected) <= 1e-12 * Math.Abs(expected);
        });
    }

    [Fact]
    public void PowerOfTwoUnitsKeepFeaturesExact()
    {
        // Scaling every base dimension by a power of two changes only binary exponents, so the features are bitwise equal.
        var model = PipeModel();
        double[] x = [3.7, 0.021, 1.2, 1.8e-5, 12.5];
        double[] factors = [Math.ScaleB(1, 7), Math.ScaleB(1, -5), Math.ScaleB(1, 3)];
        var scaled = x.Select((value, j) => value * UnitFactor(InputDimensions[j], factors)).ToArray();
        double[] first = [];
        double[] second = [];
        double y = model.Predict(x, p =>
        {
            first = p.ToArray();
            return Friction(p);
        });
        double yScaled = model.Predict(scaled, p =>
        {
            second = p.ToArray();
            return Friction(p);
        });
        Assert.Equal(first, second);
        Assert.Equal(y * UnitFactor(TargetDimension, factors), yScaled);
    }

    [Fact]
    public void RootScalingRescalesByRoot()
    {
        // side = sqrt(area) * f(): changing the length unit by c scales area by c^2 and the output by c.
        var model = new UnitsEquivariantModel(["area"], [], new OutputScaling([1], Root: 2));
        double y = model.Predict([2.0], _ => 1.5);
        double yScaled = model.Predict([2.0 * 9.0], _ => 1.5);
        Assert.Equal(1.5 * Math.Sqrt(2.0), y, 1e-15);
        Assert.Equal(3.0 * y, yScaled, 1e-14);
    }

    [Fact]
    public void NegativeInputWithIntegerPowersIsAccepted()
    {
        // A negative velocity gives a negative Reynolds number and a positive rho*v^2; no root is needed.
        double y = PipeModel().Predict([1.0, 0.1, 1000.0, 1e-3, -2.0], p => p[1]);
        Assert.Equal(-2.0e5 * 4000.0, y, 1e-6);
    }

    public static TheoryData<double[], UnitsInputIssueKind, string> GuardCases => new()
    {
        // Zero viscosity: the Reynolds number divides by it.
        { [1.0, 0.1, 1000.0, 0.0, 2.0], UnitsInputIssueKind.ZeroInput, "mu" },
        { [1.0, double.NaN, 1000.0, 1e-3, 2.0], UnitsInputIssueKind.NotFinite, "D" },
        { [double.PositiveInfinity, 0.1, 1000.0, 1e-3, 2.0], UnitsInputIssueKind.NotFinite, "L" },
        // rho*v*D/mu = 1e10 * 1e10 * 1e10 / 1e-300 = 1e330, beyond the double range.
        { [1.0, 1e10, 1e10, 1e-300, 1e10], UnitsInputIssueKind.Overflow, "feature 'Re'" },
        // rho*v*D/mu = 1e-10 * 1e-10 * 1e-10 / 1e300 = 1e-330, below the normal range.
        { [1.0, 1e-10, 1e-10, 1e300, 1e-10], UnitsInputIssueKind.Underflow, "feature 'Re'" },
        // rho*v^2 = 1e300 * 1e200 overflows although each input is finite.
        { [1.0, 1.0, 1e300, 1e300, 1e100], UnitsInputIssueKind.Overflow, "the output scaling" },
    };

    [Theory]
    [MemberData(nameof(GuardCases))]
    public void GuardRejectsBadSample(double[] badRow, UnitsInputIssueKind kind, string quantity)
    {
        double[] goodRow = [1.0, 0.1, 1000.0, 1e-3, 2.0];
        var inputs = goodRow.Concat(badRow).Concat(goodRow).ToArray();
        var calls = new List<int>();
        var prediction = PipeModel().PredictBatch(inputs, 3, (features, count, outputs) =>
        {
            calls.Add(count);
            for (int s = 0; s < count; s++)
            {
                outputs[s] = Friction(features.Slice(2 * s, 2));
            }
        });

        Assert.Equal([1], prediction.RejectedSamples);
        var issue = Assert.Single(prediction.Issues);
        Assert.Equal(kind, issue.Kind);
        Assert.Equal(quantity, issue.Quantity);
        Assert.True(double.IsNaN(prediction.Outputs[1]));
        Assert.True(double.IsFinite(prediction.Outputs[0]));
        Assert.Equal(prediction.Outputs[0], prediction.Outputs[2]);
        Assert.Equal([2], calls);
    }

    [Fact]
    public void PredictThrowsWithIssueText()
    {
        var error = Assert.Throws<UnitsInputException>(() => PipeModel().Predict([1.0, 0.1, 1000.0, 0.0, 2.0], Friction));
        Assert.Contains("input 'mu' is zero", error.Message);
        Assert.Contains("feature 'Re'", error.Message);
    }

    [Fact]
    public void NegativeUnderEvenRootIsRejected()
    {
        var model = new UnitsEquivariantModel(["area"], [], new OutputScaling([1], Root: 2));
        var prediction = model.PredictBatch([-4.0], 1, _ => 1.0);
        Assert.Equal(UnitsInputIssueKind.NegativeUnderRoot, Assert.Single(prediction.Issues).Kind);
        Assert.True(double.IsNaN(prediction.Outputs[0]));
    }

    [Fact]
    public void NonFiniteModelOutputIsRejected()
    {
        var prediction = PipeModel().PredictBatch([1.0, 0.1, 1000.0, 1e-3, 2.0], 1, _ => double.PositiveInfinity);
        Assert.Equal(UnitsInputIssueKind.ModelOutputNotFinite, Assert.Single(prediction.Issues).Kind);
        Assert.False(double.IsInfinity(prediction.Outputs[0]));
    }

    [Fact]
    public void RescaledOutputOverflowIsRejected()
    {
        // rho*v^2 = 1e300 is finite, but the model output 1e10 times it is not.
        var prediction = PipeModel().PredictBatch([1.0, 1.0, 1e300, 1.0, 1.0], 1, _ => 1e10);
        var issue = Assert.Single(prediction.Issues);
        Assert.Equal(UnitsInputIssueKind.Overflow, issue.Kind);
        Assert.Equal("the rescaled output", issue.Quantity);
        Assert.True(double.IsNaN(prediction.Outputs[0]));
    }

    [Fact]
    public void UnusedInputIsIgnored()
    {
        var model = new UnitsEquivariantModel(["x", "unused"], [new("x", [0, 0])], new OutputScaling([1, 0]));
        Assert.Equal(6.0, model.Predict([2.0, double.NaN], _ => 3.0));
    }

    [Fact]
    public void FromPiResultBuildsFeaturesAndScaling()
    {
        // A pi result for pipe flow with repeating rho, v, D, in the document layout of invtheory pi --out.
        const string json = """
            {
              "schema": "invtheory-result", "version": 1, "kind": "pi",
              "variables": [
                {"name": "dp", "dimensions": {"M": 1, "L": -1, "T": -2}},
                {"name": "L", "dimensions": {"L": 1}},
                {"name": "D", "dimensions": {"L": 1}},
                {"name": "rho", "dimensions": {"M": 1, "L": -3}},
                {"name": "mu", "dimensions": {"M": 1, "L": -1, "T": -1}},
                {"name": "v", "dimensions": {"L": 1, "T": -1}}
              ],
              "target": "dp",
              "groups": [{"dp": 1, "rho": -1, "v": -2}, {"L": 1, "D": -1}, {"D": -1, "rho": -1, "mu": 1, "v": -1}],
              "group_text": ["dp/(rho*v^2)", "L/D", "mu/(D*rho*v)"],
              "target_scaling": {"rho": 1, "v": 2}
            }
            """;
        var model = UnitsEquivariantModel.FromPiResult(json);
        Assert.Equal(["L", "D", "rho", "mu", "v"], model.InputNames);
        Assert.Equal(["L/D", "mu/(D*rho*v)"], model.Features.Select(f => f.Name));
        Assert.Equal([0, 0, 1, 0, 2], model.Scaling.Exponents);
        Assert.Equal(1000.0 * 4.0 * 0.5, model.Predict([1.0, 0.1, 1000.0, 1e-3, 2.0], _ => 0.5), 1e-12);
    }

    [Fact]
    public void FromPiResultUsesRootForSquaredTarget()
    {
        // period^2 * g / length is the only group, so period = sqrt(length / g) * f().
        const string json = """
            {"kind": "pi", "variables": [{"name": "period"}, {"name": "length"}, {"name": "g"}],
             "target": "period", "groups": [{"period": 2, "length": -1, "g": 1}], "target_scaling": null}
            """;
        var model = UnitsEquivariantModel.FromPiResult(json);
        Assert.Equal(2, model.Scaling.Root);
        Assert.Equal([1, -1], model.Scaling.Exponents);
        Assert.Equal(2 * Math.PI * Math.Sqrt(2.0 / 9.81), model.Predict([2.0, 9.81], _ => 2 * Math.PI), 1e-14);
    }

    [Theory]
    [InlineData("""{"kind": "snf"}""", "not a pi result")]
    [InlineData("""{"kind": "pi", "variables": [{"name": "x"}], "groups": []}""", "no target")]
    [InlineData("""{"kind": "pi", "variables": [{"name": "x"}, {"name": "y"}], "target": "x", "groups": [], "target_scaling": null}""", "appears in no group")]
    [InlineData("not json", "not valid JSON")]
    public void FromPiResultRejectsUnusableDocument(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => UnitsEquivariantModel.FromPiResult(json));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ConstructorRejectsMismatchedExponents() =>
        Assert.Throws<ArgumentException>(() => new UnitsEquivariantModel(["a", "b"], [new("f", [1])], new OutputScaling([0, 0])));

    private static double UnitFactor(int[] dimension, double[] factors)
    {
        double result = 1.0;
        for (int d = 0; d < dimension.Length; d++)
        {
            result *= Math.Pow(factors[d], dimension[d]);
        }

        return result;
    }
}
