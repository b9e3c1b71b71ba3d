using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Tests.Autodiff;

/// <summary>Compares tape gradients of a scalar function of several tensors with central finite differences.</summary>
internal static class GradientChecker
{
    /// <summary>
    /// Returns the largest violation max(|analytic - numeric| - tolerance * (1 + |numeric|), 0) over all entries; zero
    /// means every entry agrees. Central differences with step h have error O(h^2) plus rounding O(1e-16 / h).
    /// </summary>
    public static double MaxViolation(Func<Tape, Node[], Node> loss, Tensor[] inputs, double tolerance, double h = 1e-5)
    {
        var tape = new Tape();
        var nodes = inputs.Select(tape.Input).ToArray();
        var value = loss(tape, nodes);
        var gradients = tape.Gradients(value, nodes).Select(g => g.Value.Clone()).ToArray();
        double worst = 0;
        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k].AsSpan();
            for (int i = 0; i < x.Length; i++)
            {
                double saved = x[i];
                x[i] = saved + h;
                double plus = Evaluate(loss, inputs);
                x[i] = saved - h;
                double minus = Evaluate(loss, inputs);
                x[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                double analytic = gradients[k].AsSpan()[i];
                worst = Math.Max(worst, Math.Abs(analytic - numeric) - (tolerance * (1 + Math.Abs(numeric))));
            }
        }

        return worst;
    }

    public static double Evaluate(Func<Tape, Node[], Node> loss, Tensor[] inputs)
    {
        var tape = new Tape();
        var value = loss(tape, inputs.Select(tape.Input).ToArray());
        return value.Value[0, 0];
    }

    public static Tensor Random(int rows, int columns, DeterministicRandom random, double scale = 1.0)
    {
        var t = new Tensor(rows, columns);
        foreach (ref double v in t.AsSpan())
        {
            v = scale * random.NextGaussian();
        }

        return t;
    }
}
