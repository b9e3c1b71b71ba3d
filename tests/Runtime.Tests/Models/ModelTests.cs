using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Dynamics;
using InvTheory.Runtime.Evaluation;
using InvTheory.Runtime.Models;

namespace InvTheory.Runtime.Tests.Models;

public sealed class ModelTests
{
    // E_1(x) = x and E_2(x) = |x|^2 x are O(3)-equivariant; |x|^2 generates the invariants of one vector.
    private static Float64Basis SquaredNorm() => InnerProductBasis.InnerProducts(1, 3);

    private static Float64Basis CubicEquivariants() => new(3, [
        InnerProductBasis.Vectors(1, 3).Elements[0],
        new Float64BasisElement(Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, 3).Select(c =>
        {
            var e = new int[3];
            e[c] += 2;
            e[k] += 1;
            return new Float64Term(1.0, e);
        }))),
    ]);

    [Property(MaxTest = 50)]
    public Property EquivariantModelCommutesWithRotations()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var random = new DeterministicRandom((ulong)seed);
            var model = new EquivariantModel(SquaredNorm(), CubicEquivariants(), 1, [16, 16], ElementwiseFunction.Silu, random);
            var q = RandomRotation.Orthogonal(3, random);
            var x = Enumerable.Range(0, 3 * 4).Select(_ => random.NextGaussian()).ToArray();
            var rotated = RandomRotation.ApplyToBlocks(q, 3, x);

            var output = new double[12];
            var rotatedOutput = new double[12];
            model.Predict(x, 4, output);
            model.Predict(rotated, 4, rotatedOutput);
            var expected = RandomRotation.ApplyToBlocks(q, 3, output);

            // Rounding error only: a few ulps of the largest intermediate value.
            double scale = 1 + output.Max(Math.Abs);
            return expected.Zip(rotatedOutput, (a, b) => Math.Abs(a - b)).Max() < 1e-12 * scale;
        });
    }

    [Fact]
    public void TapeAndCompiledPathsAgree()
    {
        var random = new DeterministicRandom(17);
        var model = new EquivariantModel(SquaredNorm(), CubicEquivariants(), 1, [8], ElementwiseFunction.Tanh, random);
        var x = Enumerable.Range(0, 3 * 5).Select(_ => random.NextGaussian()).ToArray();
        var compiled = new double[15];
        model.Predict(x, 5, compiled);
        var tape = new Tape();
        var onTape = model.Forward(tape, tape.Constant(5, 3, x)).Value.AsSpan().ToArray();
        for (int i = 0; i < 15; i++)
        {
            Assert.True(Math.Abs(compiled[i] - onTape[i]) < 1e-13 * (1 + Math.Abs(compiled[i])), $"output {i}: {compiled[i]} and {onTape[i]}");
        }
    }

    [Property(MaxTest = 30)]
    public Property FeatureMapMatchesCompiledBasis()
    {
        var exponents = Gen.ArrayOf(Gen.Choose(0, 3), 3);
        var terms =
            from count in Gen.Choose(1, 5)
            from list in Gen.ListOf(from c in Gen.Choose(-9, 9) from e in exponents select new Float64Term(c / 4.0, e), count)
            select list;
        var cases =
            from elements in Gen.ListOf(terms, 3)
            from seed in Gen.Choose(0, 10000)
            select (elements, seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            // The last variable is a constant 0.75 appended to each row.
            var basis = new Float64Basis(3, c.elements.Select(t => Float64BasisElement.Scalar(t)));
            var map = new PolynomialFeatureMap(basis, [0.75]);
            var compiled = new CompiledBasis(basis);
            var random = new DeterministicRandom((ulong)c.seed);
            var x = Enumerable.Range(0, 4).Select(_ => random.NextGaussian()).ToArray();
            var tape = new Tape();
            var input = tape.Constant(2, 2, x);
            var values = map.Forward(tape, input);
            double[] extended = [x[0], x[1], 0.75, x[2], x[3], 0.75];
            var expected = new double[6];
            var jacobian = new double[2 * 3 * 3];
            compiled.EvaluateWithJacobian(extended, 2, expected, jacobian);

            // The gradient of output o summed over rows is row b's Jacobian row of o, restricted to the variable inputs.
            bool ok = true;
            for (int o = 0; o < 3; o++)
            {
                var seed = new double[6];
                seed[o] = 1;
                seed[3 + o] = 1;
                var gradient = tape.Gradients(values, [input], tape.Constant(2, 3, seed))[0].Value;
                for (int b = 0; b < 2; b++)
                {
                    ok &= Math.Abs(values.Value[b, o] - expected[(b * 3) + o]) < 1e-12 * (1 + Math.Abs(expected[(b * 3) + o]));
                    for (int v = 0; v < 2; v++)
                    {
                        double j = jacobian[(((b * 3) + o) * 3) + v];
                        ok &= Math.Abs(gradient[b, v] - j) < 1e-12 * (1 + Math.Abs(j));
                    }
                }
            }

            return ok;
        });
    }

    [Property(MaxTest = 30)]
    public Property QuadraticFeatureMapMatchesCompiledBasis()
    {
        // Bases of degree at most 2 take the bilinear path of the map; a constant term and degree-1 terms pair with ones.
        int[][] exponentChoices = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 1, 1], [0, 0, 2], [0, 2, 0]];
        var terms =
            from count in Gen.Choose(1, 5)
            from list in Gen.ListOf(from c in Gen.Choose(-9, 9) from e in Gen.Elements(exponentChoices) select new Float64Term(c / 4.0, e), count)
            select list;
        var cases =
            from elements in Gen.ListOf(terms, 3)
            from seed in Gen.Choose(0, 10000)
            select (elements, seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var basis = new Float64Basis(3, c.elements.Select(t => Float64BasisElement.Scalar(t)));
            var map = new PolynomialFeatureMap(basis, [0.75]);
            var compiled = new CompiledBasis(basis);
            var random = new DeterministicRandom((ulong)c.seed);
            var x = Enumerable.Range(0, 4).Select(_ => random.NextGaussian()).ToArray();
            var tape = new Tape();
            var input = tape.Constant(2, 2, x);
            var values = map.Forward(tape, input);
            double[] extended = [x[0], x[1], 0.75, x[2], x[3], 0.75];
            var expected = new double[6];
            var jacobian = new double[2 * 3 * 3];
            compiled.EvaluateWithJacobian(extended, 2, expected, jacobian);
            bool ok = true;
            for (int o = 0; o < 3; o++)
            {
                var seed = new double[6];
                seed[o] = 1;
                seed[3 + o] = 1;
                var gradient = tape.Gradients(values, [input], tape.Constant(2, 3, seed))[0].Value;
                for (int b = 0; b < 2; b++)
                {
                    ok &= Math.Abs(values.Value[b, o] - expected[(b * 3) + o]) < 1e-12 * (1 + Math.Abs(expected[(b * 3) + o]));
                    for (int v = 0; v < 2; v++)
                    {
                        double j = jacobian[(((b * 3) + o) * 3) + v];
                        ok &= Math.Abs(gradient[b, v] - j) < 1e-12 * (1 + Math.Abs(j));
                    }
                }
            }

            return ok;
        });
    }

    private static HamiltonianModel InvariantHamiltonian(ulong seed)
    {
        // H(q, p) for q, p in R^3 through the O(3) invariants <q,q>, <q,p>, <p,p>.
        var features = new PolynomialFeatureMap(InnerProductBasis.InnerProducts(2, 3, ["q", "p"]));
        return new HamiltonianModel(new InvariantModel(features, [16, 16], ElementwiseFunction.Softplus, new DeterministicRandom(seed)));
    }

    [Fact]
    public void HamiltonianFieldIsSymplecticGradient()
    {
        var model = InvariantHamiltonian(5);
        double[] z = [0.3, -0.2, 0.5, 0.1, 0.4, -0.6];
        var tape = new Tape();
        var field = model.Evaluate(tape, tape.Constant(1, 6, z), createGraph: false).Value;
        double Energy(double[] point)
        {
            var t = new Tape();
            return model.Energy(t, t.Constant(1, 6, point)).Value[0, 0];
        }

        for (int i = 0; i < 6; i++)
        {
            var plus = (double[])z.Clone();
            var minus = (double[])z.Clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            double derivative = (Energy(plus) - Energy(minus)) / 2e-6;

            // dq/dt = dH/dp and dp/dt = -dH/dq.
            double expected = i < 3 ? -derivative : derivative;
            int component = i < 3 ? i + 3 : i - 3;
            Assert.Equal(expected, field[0, component], 7);
        }
    }

    [Fact]
    public void HamiltonianIsConservedAlongRungeKutta()
    {
        var model = InvariantHamiltonian(9);
        double[] z0 = [0.5, 0.1, -0.3, 0.0, 0.4, 0.2];
        double Drift(int steps)
        {
            var trajectory = new double[6 * (steps + 1)];
            RungeKutta4.Integrate(VectorFields.ToOdeFunction(model, 1), 0, z0, 40.0 / steps, steps, trajectory);
            var tape = new Tape();
            var energies = model.Energy(tape, tape.Constant(steps + 1, 6, trajectory)).Value.AsSpan().ToArray();
            return energies.Max(e => Math.Abs(e - energies[0]));
        }

        double coarse = Drift(20);
        double fine = Drift(40);

        // RK4 is not symplectic, so H drifts by O(h^4): small, and 16 times smaller at half the step.
        Assert.True(coarse < 1e-5, $"drift {coarse}, {fine}");
        Assert.True(coarse / fine > 10, $"drift ratio {coarse / fine}: {coarse}, {fine}");
    }

    [Property(MaxTest = 30)]
    public Property HamiltonianFieldCommutesWithRotations()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var random = new DeterministicRandom((ulong)seed);
            var model = InvariantHamiltonian((ulong)seed);
            var q = RandomRotation.Orthogonal(3, random);
            var z = Enumerable.Range(0, 6).Select(_ => random.NextGaussian()).ToArray();
            var field = new double[6];
            var rotatedField = new double[6];
            var ode = VectorFields.ToOdeFunction(model, 1);
            ode(0, z, field);
            ode(0, RandomRotation.ApplyToBlocks(q, 3, z), rotatedField);
            var expected = RandomRotation.ApplyToBlocks(q, 3, field);
            return expected.Zip(rotatedField, (a, b) => Math.Abs(a - b)).Max() < 1e-12 * (1 + field.Max(Math.Abs));
        });
    }
}
