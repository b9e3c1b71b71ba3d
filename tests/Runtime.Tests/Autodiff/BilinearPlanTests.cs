using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Tests.Autodiff;

public sealed class BilinearPlanTests
{
    // A random plan: u with 1..4 columns, v with 1..3, 1..3 outputs, 1..7 terms (outputs may have no term), 1..3 rows.
    private static Gen<(BilinearPlan Plan, int Rows, int Seed)> PlanGen(bool square) =>
        from leftColumns in Gen.Choose(1, 4)
        from rightColumns in square ? Gen.Constant(leftColumns) : Gen.Choose(1, 3)
        from outputs in Gen.Choose(1, 3)
        from count in Gen.Choose(1, 7)
        from left in Gen.ArrayOf(Gen.Choose(0, leftColumns - 1), count)
        from right in Gen.ArrayOf(Gen.Choose(0, rightColumns - 1), count)
        from output in Gen.ArrayOf(Gen.Choose(0, outputs - 1), count)
        from coefficient in Gen.ArrayOf(Gen.Choose(-8, 8).Select(c => c / 4.0), count)
        from rows in Gen.Choose(1, 3)
        from seed in Gen.Choose(0, 1_000_000)
        select (new BilinearPlan(left, right, output, coefficient, leftColumns, rightColumns, outputs), rows, seed);

    [Property(MaxTest = 60)]
    public Property ValuesMatchTermSum()
    {
        return Prop.ForAll(PlanGen(square: false).ToArbitrary(), c =>
        {
            var random = new DeterministicRandom((ulong)c.Seed);
            var u = GradientChecker.Random(c.Rows, c.Plan.LeftColumns, random);
            var v = GradientChecker.Random(c.Rows, c.Plan.RightColumns, random);
            var tape = new Tape();
            var y = tape.Bilinear(tape.Input(u), tape.Input(v), c.Plan).Value;
            var expected = new double[c.Rows * c.Plan.OutputColumns];
            for (int r = 0; r < c.Rows; r++)
            {
                for (int t = 0; t < c.Plan.Left.Length; t++)
                {
                    expected[(r * c.Plan.OutputColumns) + c.Plan.Output[t]] += c.Plan.Coefficient[t] * u[r, c.Plan.Left[t]] * v[r, c.Plan.Right[t]];
                }
            }

            return expected.Zip(y.AsSpan().ToArray()).All(p => Math.Abs(p.First - p.Second) <= 1e-14 * (1 + Math.Abs(p.First)));
        });
    }

    [Property(MaxTest = 40)]
    public Property GradientsMatchFiniteDifferences()
    {
        return Prop.ForAll(PlanGen(square: false).ToArbitrary(), c =>
        {
            var random = new DeterministicRandom((ulong)c.Seed);
            var u = GradientChecker.Random(c.Rows, c.Plan.LeftColumns, random);
            var v = GradientChecker.Random(c.Rows, c.Plan.RightColumns, random);
            var weights = GradientChecker.Random(c.Rows, c.Plan.OutputColumns, random);
            Node Loss(Tape tape, Node[] n) => tape.Sum(tape.Multiply(tape.Bilinear(n[0], n[1], c.Plan), tape.Input(weights)));
            return GradientChecker.MaxViolation(Loss, [u, v], 1e-7) == 0;
        });
    }

    [Property(MaxTest = 40)]
    public Property SecondOrderGradientsMatchFiniteDifferences()
    {
        // The loss is a function of the gradient of a cubic in x, so its gradient needs the bilinear map's own backward rule.
        return Prop.ForAll(PlanGen(square: true).ToArbitrary(), c =>
        {
            var random = new DeterministicRandom((ulong)c.Seed);
            var x = GradientChecker.Random(c.Rows, c.Plan.LeftColumns, random);
            Node Loss(Tape tape, Node[] n)
            {
                var features = tape.Bilinear(n[0], n[0], c.Plan);
                var energy = tape.Sum(tape.Multiply(features, tape.Tanh(features)));
                var gradient = tape.Gradients(energy, [n[0]], createGraph: true)[0];
                return tape.Sum(tape.Square(gradient));
            }

            return GradientChecker.MaxViolation(Loss, [x], 1e-6) == 0;
        });
    }

    [Fact]
    public void AdjointsExchangeIndexRoles()
    {
        // y[0] = 2 u0 v1, y[1] = -u1 v0 + 3 u0 v0, so u-bar[0] = 2 y-bar[0] v1 + 3 y-bar[1] v0 and u-bar[1] = -y-bar[1] v0.
        var plan = new BilinearPlan([0, 1, 0], [1, 0, 0], [0, 1, 1], [2.0, -1.0, 3.0], 2, 2, 2);
        var left = plan.LeftAdjoint();
        Assert.Equal([0, 1, 1], left.Left);
        Assert.Equal([1, 0, 0], left.Right);
        Assert.Equal([0, 0, 1], left.Output);
        Assert.Equal([2.0, 3.0, -1.0], left.Coefficient);
        Assert.Same(left, plan.LeftAdjoint());
    }

    [Fact]
    public void PlanRejectsIndexOutsideColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => new BilinearPlan([2], [0], [0], [1.0], 2, 1, 1));
        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
    }
}
