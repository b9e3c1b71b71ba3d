using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Dynamics;

namespace InvTheory.Runtime.Models;

/// <summary>A learned autonomous vector field dz/dt = F(z) on R^Dimension, evaluated row by row on a batch.</summary>
public interface IVectorField
{
    /// <summary>The state dimension.</summary>
    int Dimension { get; }

    /// <summary>The trainable parameters.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Returns the batch x Dimension tensor F(z) for the batch x Dimension states z.</summary>
    /// <param name="tape">The tape to build on.</param>
    /// <param name="state">The states; a recorded node when the field needs derivatives with respect to it.</param>
    /// <param name="createGraph">Whether the result must be differentiable with respect to the parameters (training).</param>
    Node Evaluate(Tape tape, Node state, bool createGraph);
}

/// <summary>Adapters from learned vector fields to the integrators.</summary>
public static class VectorFields
{
    /// <summary>
    /// Returns the right-hand side of the ODE system of <paramref name="batch"/> independent copies of dz/dt = F(z), with
    /// the states of all copies side by side in one vector, for <see cref="DormandPrince45"/> or the double RK4.
    /// The function reuses one tape and is not thread-safe.
    /// </summary>
    public static OdeFunction ToOdeFunction(IVectorField field, int batch)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var tape = new Tape();
        var input = new Tensor(batch, field.Dimension);
        return (t, state, derivative) =>
        {
            tape.Reset();
            state.CopyTo(input.AsSpan());
            var value = field.Evaluate(tape, tape.Input(input), createGraph: false);
            value.Value.AsSpan().CopyTo(derivative);
        };
    }

    /// <summary>Returns the states of RK4 on the tape with <paramref name="substeps"/> steps per output interval, at the output times only.</summary>
    public static IReadOnlyList<Node> IntegrateOnTape(Tape tape, IVectorField field, Node initial, double interval, int intervals, int substeps)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(substeps);
        var all = RungeKutta4.Integrate(tape, (t, z) => field.Evaluate(tape, z, createGraph: true), 0, initial, interval / substeps, intervals * substeps);
        var states = new Node[intervals + 1];
        for (int k = 0; k <= intervals; k++)
        {
            states[k] = all[k * substeps];
        }

        return states;
    }
}
