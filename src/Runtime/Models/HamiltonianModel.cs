using System.Runtime.CompilerServices;
using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Models;

/// <summary>
/// A Hamiltonian neural network: a learned scalar H(q, p) and its dynamics dq/dt = dH/dp, dp/dt = -dH/dq, with the
/// state laid out as z = (q, p) and q, p of equal length.
/// </summary>
/// <remarks>
/// Algorithm: Hamiltonian neural network [GDY19]: the vector field is the symplectic gradient of the learned H,
/// computed by reverse-mode differentiation on the tape; training through it needs the gradient of this gradient,
/// which the tape provides with <c>createGraph</c>. The exact flow of such a field conserves H.
/// </remarks>
public sealed class HamiltonianModel : IVectorField
{
    /// <summary>Creates the dynamics of <paramref name="hamiltonian"/>, whose input is z = (q, p).</summary>
    /// <exception cref="ArgumentException">The number of inputs is odd.</exception>
    public HamiltonianModel(InvariantModel hamiltonian)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        if (hamiltonian.InputCount % 2 != 0)
        {
            throw new ArgumentException($"HamiltonianModel: the state (q, p) needs an even number of inputs but the model has {hamiltonian.InputCount}.", nameof(hamiltonian));
        }

        Hamiltonian = hamiltonian;
    }

    /// <summary>The learned Hamiltonian.</summary>
    public InvariantModel Hamiltonian { get; }

    /// <inheritdoc />
    public int Dimension => Hamiltonian.InputCount;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => Hamiltonian.Parameters;

    /// <summary>Returns the batch x 1 energies H(z).</summary>
    public Node Energy(Tape tape, Node state) => Hamiltonian.Forward(tape, state);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Evaluate(Tape tape, Node state, bool createGraph)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(state);
        bool wasRecording = tape.IsRecording;
        tape.IsRecording = true;
        var z = state.IsRecorded ? state : tape.Input(state.Value);
        var energy = Hamiltonian.Forward(tape, z);

        // Rows are independent, so row b of the gradient of the summed energy is the gradient of H at row b.
        var gradient = tape.Gradients(tape.Sum(energy), [z], createGraph: createGraph)[0];
        tape.IsRecording = wasRecording && createGraph;
        int n = Dimension / 2;
        var field = tape.ConcatColumns([tape.SliceColumns(gradient, n, n), tape.Scale(tape.SliceColumns(gradient, 0, n), -1.0)]);
        tape.IsRecording = wasRecording;
        return field;
    }
}

/// <summary>A neural ODE dz/dt = MLP(z) on raw coordinates, without any symmetry built in.</summary>
/// <remarks>Algorithm: neural ordinary differential equation [CRBD18], trained by backpropagation through the RK4 steps.</remarks>
public sealed class NeuralOdeModel : IVectorField
{
    /// <summary>Creates the field with an MLP of the given hidden widths.</summary>
    public NeuralOdeModel(int dimension, IReadOnlyList<int> hidden, ElementwiseFunction activation, DeterministicRandom random, string name = "node")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentNullException.ThrowIfNull(hidden);
        Network = new Mlp(name, [dimension, .. hidden, dimension], activation, random);
    }

    /// <summary>The network.</summary>
    public Mlp Network { get; }

    /// <inheritdoc />
    public int Dimension => Network.Inputs;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => Network.Parameters;

    /// <inheritdoc />
    public Node Evaluate(Tape tape, Node state, bool createGraph) => Network.Forward(tape, state);
}
