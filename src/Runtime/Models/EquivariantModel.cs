using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Evaluation;

namespace InvTheory.Runtime.Models;

/// <summary>
/// An equivariant model with m output vectors: output vector r is F_r(x) = sum_j c_rj(x) E_j(x), where the E_j are
/// equivariant polynomial maps R^n -> R^d and the coefficients c = MLP(phi(x)) are functions of invariant features.
/// If the E_j are equivariant and the features invariant under a group, F is equivariant for all network weights.
/// </summary>
public sealed class EquivariantModel : IVectorField
{
    private readonly int[] _coefficientColumns;
    private readonly int[] _basisColumns;
    private readonly int[] _outputColumns;
    private readonly CompiledBasis _compiledFeatures;
    private readonly CompiledBasis _compiledEquivariants;

    /// <summary>Creates the model.</summary>
    /// <param name="features">Invariant features phi (scalar elements).</param>
    /// <param name="equivariants">The maps E_j; every element must have the same number d of components.</param>
    /// <param name="outputVectors">The number m of output vectors.</param>
    /// <param name="hidden">Hidden layer widths of the coefficient network.</param>
    /// <param name="activation">The activation.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <param name="constants">Values of the last basis variables, shared by both bases (such as a fixed gravity vector).</param>
    /// <param name="name">The parameter name prefix.</param>
    /// <exception cref="ArgumentException">The bases disagree on the variables, or the elements of E have different component counts.</exception>
    public EquivariantModel(
        Float64Basis features, Float64Basis equivariants, int outputVectors, IReadOnlyList<int> hidden, ElementwiseFunction activation,
        DeterministicRandom random, IReadOnlyList<double>? constants = null, string name = "equivariant")
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(equivariants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputVectors);
        if (features.VariableCount != equivariants.VariableCount)
        {
            throw new ArgumentException(
                $"EquivariantModel: the features have {features.VariableCount} variables but the equivariant basis has {equivariants.VariableCount}.", nameof(equivariants));
        }

        int d = equivariants.Elements.Count == 0 ? 0 : equivariants.Elements[0].ComponentCount;
        if (d == 0 || equivariants.Elements.Any(e => e.ComponentCount != d))
        {
            throw new ArgumentException("EquivariantModel: every element of the equivariant basis must have the same, positive number of components.", nameof(equivariants));
        }

        FeatureMap = new PolynomialFeatureMap(features, constants);
        EquivariantMap = new PolynomialFeatureMap(equivariants, constants);
        _compiledFeatures = new CompiledBasis(features);
        _compiledEquivariants = new CompiledBasis(equivariants);
        int j = equivariants.Elements.Count;
        OutputVectors = outputVectors;
        VectorDimension = d;
        Network = new Mlp(name, [features.OutputCount, .. hidden, outputVectors * j], activation, random);

        // Entry (r, j, k) of the expanded product pairs coefficient c_rj with component k of E_j and adds into output (r, k).
        int count = outputVectors * j * d;
        _coefficientColumns = new int[count];
        _basisColumns = new int[count];
        _outputColumns = new int[count];
        int index = 0;
        for (int r = 0; r < outputVectors; r++)
        {
            for (int e = 0; e < j; e++)
            {
                for (int k = 0; k < d; k++, index++)
                {
                    _coefficientColumns[index] = (r * j) + e;
                    _basisColumns[index] = (e * d) + k;
                    _outputColumns[index] = (r * d) + k;
                }
            }
        }
    }

    /// <summary>The invariant feature map phi.</summary>
    public PolynomialFeatureMap FeatureMap { get; }

    /// <summary>The equivariant maps E_j, all components side by side.</summary>
    public PolynomialFeatureMap EquivariantMap { get; }

    /// <summary>The coefficient network.</summary>
    public Mlp Network { get; }

    /// <summary>The number m of output vectors.</summary>
    public int OutputVectors { get; }

    /// <summary>The dimension d of each output vector.</summary>
    public int VectorDimension { get; }

    /// <summary>The number of inputs.</summary>
    public int InputCount => FeatureMap.InputCount;

    /// <summary>The number of outputs, m d.</summary>
    public int OutputCount => OutputVectors * VectorDimension;

    /// <inheritdoc />
    public int Dimension => InputCount == OutputCount
        ? InputCount
        : throw new InvalidOperationException($"EquivariantModel: a vector field needs as many outputs as inputs, but there are {OutputCount} outputs and {InputCount} inputs.");

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters => Network.Parameters;

    /// <summary>Returns the batch x m d outputs on the tape.</summary>
    public Node Forward(Tape tape, Node x)
    {
        ArgumentNullException.ThrowIfNull(tape);
        var coefficients = Network.Forward(tape, FeatureMap.Forward(tape, x));
        var basis = EquivariantMap.Forward(tape, x);
        var products = tape.Multiply(tape.GatherColumns(coefficients, _coefficientColumns), tape.GatherColumns(basis, _basisColumns));
        return tape.ScatterColumns(products, _outputColumns, OutputCount);
    }

    /// <inheritdoc />
    public Node Evaluate(Tape tape, Node state, bool createGraph) => Forward(tape, state);

    /// <summary>
    /// Writes the outputs for the row-major batch x InputCount inputs to <paramref name="outputs"/> (batch x OutputCount),
    /// evaluating phi and the E_j with <see cref="CompiledBasis"/>.
    /// </summary>
    public void Predict(ReadOnlySpan<double> inputs, int batch, Span<double> outputs)
    {
        int n = InputCount;
        int full = FeatureMap.Basis.VariableCount;
        var constants = FeatureMap.Constants;
        var extended = new double[batch * full];
        for (int b = 0; b < batch; b++)
        {
            inputs.Slice(b * n, n).CopyTo(extended.AsSpan(b * full));
            for (int c = 0; c < constants.Count; c++)
            {
                extended[(b * full) + n + c] = constants[c];
            }
        }

        var features = new Tensor(batch, _compiledFeatures.OutputCount);
        _compiledFeatures.Evaluate(extended, batch, features.AsSpan());
        var basis = new double[batch * _compiledEquivariants.OutputCount];
        _compiledEquivariants.Evaluate(extended, batch, basis);
        var tape = new Tape { IsRecording = false };
        var coefficients = Network.Forward(tape, tape.Input(features)).Value;
        int width = _compiledEquivariants.OutputCount;
        outputs[..(batch * OutputCount)].Clear();
        for (int b = 0; b < batch; b++)
        {
            for (int i = 0; i < _outputColumns.Length; i++)
            {
                outputs[(b * OutputCount) + _outputColumns[i]] += coefficients[b, _coefficientColumns[i]] * basis[(b * width) + _basisColumns[i]];
            }
        }
    }
}
