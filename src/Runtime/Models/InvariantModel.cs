using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Models;

/// <summary>
/// A scalar model f(x) = MLP(phi(x)) on invariant features phi: if every feature is invariant under a group, so is f,
/// whatever the network weights are.
/// </summary>
public sealed class InvariantModel
{
    /// <summary>Creates the model with the given hidden layer widths.</summary>
    public InvariantModel(PolynomialFeatureMap features, IReadOnlyList<int> hidden, ElementwiseFunction activation, DeterministicRandom random, string name = "invariant")
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(hidden);
        Features = features;
        Network = new Mlp(name, [features.OutputCount, .. hidden, 1], activation, random);
    }

    /// <summary>The feature map phi.</summary>
    public PolynomialFeatureMap Features { get; }

    /// <summary>The network on the features.</summary>
    public Mlp Network { get; }

    /// <summary>The number of inputs.</summary>
    public int InputCount => Features.InputCount;

    /// <summary>The trainable parameters.</summary>
    public IReadOnlyList<Parameter> Parameters => Network.Parameters;

    /// <summary>Returns the batch x 1 values f(x).</summary>
    public Node Forward(Tape tape, Node x) => Network.Forward(tape, Features.Forward(tape, x));
}
