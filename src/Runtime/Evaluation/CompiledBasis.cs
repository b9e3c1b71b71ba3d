using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace InvTheory.Runtime.Evaluation;

/// <summary>
/// A <see cref="Float64Basis"/> compiled for fast batched evaluation: returns the values f_o(x) of all outputs and the
/// Jacobian d f_o / d x_v at every input row.
/// </summary>
/// <remarks>
/// Algorithm: shared-monomial evaluation. Compilation collects the distinct monomials of all terms (and, for the
/// Jacobian, the monomials m / x_v of the derivatives), so each is computed once per input row as a product of cached
/// variable powers x_v^e; every output is then a sparse dot product of coefficients with monomial values.
/// Rows are processed in blocks of <see cref="BlockSize"/> in structure-of-arrays layout, so the products run as
/// <see cref="Vector{T}"/> operations across rows. Evaluation allocates nothing after the first call on a thread:
/// outputs go to caller-provided spans and the scratch buffer comes from <see cref="ArrayPool{T}.Shared"/>.
/// Cost per row: one multiplication per variable power and per monomial factor, and one fused multiply-add per term.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class CompiledBasis
{
    /// <summary>The number of rows evaluated together in structure-of-arrays layout.</summary>
    public const int BlockSize = 16;

    private readonly int _variableCount;
    private readonly int _outputCount;
    private readonly int[] _elementOffsets;

    // Powers x_v^e for 1 <= e <= _maxExponent[v] sit at index _powerOffset[v] + e - 1.
    private readonly int[] _maxExponent;
    private readonly int[] _powerOffset;
    private readonly int _powerCount;

    // Monomial m is the product of powers _factorPower[_factorStart[m] .. _factorStart[m + 1]); no factors means 1.
    private readonly int[] _factorStart;
    private readonly int[] _factorPower;
    private readonly int _monomialCount;

    // Output o is the sum over t in [_termStart[o], _termStart[o + 1]) of _termCoefficient[t] * monomial _termMonomial[t].
    private readonly int[] _termStart;
    private readonly int[] _termMonomial;
    private readonly double[] _termCoefficient;

    // Entry (o, v) of the Jacobian, flattened as o * n + v, in the same sparse form.
    private readonly int[] _jacobianStart;
    private readonly int[] _jacobianMonomial;
    private readonly double[] _jacobianCoefficient;

    /// <summary>Compiles <paramref name="basis"/>.</summary>
    public CompiledBasis(Float64Basis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        Basis = basis;
        int n = basis.VariableCount;
        _variableCount = n;

        // Phase 1: output layout, one output per component.
        _elementOffsets = new int[basis.Elements.Count + 1];
        var components = new List<IReadOnlyList<Float64Term>>();
        for (int j = 0; j < basis.Elements.Count; j++)
        {
            _elementOffsets[j] = components.Count;
            var element = basis.Elements[j];
            for (int c = 0; c < element.ComponentCount; c++)
            {
                components.Add(element.Component(c));
            }
        }

        _elementOffsets[^1] = components.Count;
        _outputCount = components.Count;

        // Phase 2: distinct monomials of the values and of the partial derivatives, in first-seen order.
        var monomials = new List<int[]>();
        var index = new Dictionary<int[], int>(ExponentComparer.Instance);
        int Intern(int[] exponents)
        {
            if (!index.TryGetValue(exponents, out int m))
            {
                m = monomials.Count;
                index.Add(exponents, m);
                monomials.Add(exponents);
            }

            return m;
        }

        _termStart = new int[_outputCount + 1];
        var termMonomial = new List<int>();
        var termCoefficient = new List<double>();
        _jacobianStart = new int[(_outputCount * n) + 1];
        var jacobianMonomial = new List<int>();
        var jacobianCoefficient = new List<double>();
        for (int o = 0; o < _outputCount; o++)
        {
            _termStart[o] = termMonomial.Count;
            foreach (var term in components[o])
            {
                termMonomial.Add(Intern([.. term.Exponents]));
                termCoefficient.Add(term.Coefficient);
            }
        }

        _termStart[^1] = termMonomial.Count;
        for (int o = 0; o < _outputCount; o++)
        {
            for (int v = 0; v < n; v++)
            {
                _jacobianStart[(o * n) + v] = jacobianMonomial.Count;
                foreach (var term in components[o])
                {
                    int e = term.Exponents[v];
                    if (e == 0 || term.Coefficient == 0)
                    {
                        continue;
                    }

                    int[] derivative = [.. term.Exponents];
                    derivative[v] = e - 1;
                    jacobianMonomial.Add(Intern(derivative));
                    jacobianCoefficient.Add(term.Coefficient * e);
                }
            }
        }

        _jacobianStart[^1] = jacobianMonomial.Count;
        _termMonomial = [.. termMonomial];
        _termCoefficient = [.. termCoefficient];
        _jacobianMonomial = [.. jacobianMonomial];
        _jacobianCoefficient = [.. jacobianCoefficient];
        _monomialCount = monomials.Count;

        // Phase 3: the table of variable powers and the factor lists of the monomials.
        _maxExponent = new int[n];
        foreach (var m in monomials)
        {
            for (int v = 0; v < n; v++)
            {
                _maxExponent[v] = Math.Max(_maxExponent[v], m[v]);
            }
        }

        _powerOffset = new int[n];
        int powers = 0;
        for (int v = 0; v < n; v++)
        {
            _powerOffset[v] = powers;
            powers += _maxExponent[v];
        }

        _powerCount = powers;
        _factorStart = new int[_monomialCount + 1];
        var factorPower = new List<int>();
        for (int m = 0; m < _monomialCount; m++)
        {
            _factorStart[m] = factorPower.Count;
            for (int v = 0; v < n; v++)
            {
                if (monomials[m][v] > 0)
                {
                    factorPower.Add(_powerOffset[v] + monomials[m][v] - 1);
                }
            }
        }

        _factorStart[^1] = factorPower.Count;
        _factorPower = [.. factorPower];
    }

    /// <summary>The basis this was compiled from.</summary>
    public Float64Basis Basis { get; }

    /// <summary>The number of input variables n.</summary>
    public int VariableCount => _variableCount;

    /// <summary>The number of outputs, the sum of the component counts of the elements.</summary>
    public int OutputCount => _outputCount;

    /// <summary>The number of distinct monomials computed per input row (values and derivatives).</summary>
    public int MonomialCount => _monomialCount;

    /// <summary>The index of the first output of element <paramref name="element"/>; its components follow consecutively.</summary>
    public int OutputOffset(int element) => _elementOffsets[element];

    /// <summary>
    /// Writes f_o(x_b) to <c>outputs[b * OutputCount + o]</c> for the rows x_b = <c>inputs[b * n .. (b + 1) * n)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than the batch needs.</exception>
    public void Evaluate(ReadOnlySpan<double> inputs, int batchSize, Span<double> outputs) =>
        Run(inputs, batchSize, outputs, Span<double>.Empty, computeValues: true, computeJacobian: false);

    /// <summary>Writes d f_o / d x_v at row b to <c>jacobian[(b * OutputCount + o) * n + v]</c>.</summary>
    /// <exception cref="ArgumentException">A span is shorter than the batch needs.</exception>
    public void EvaluateJacobian(ReadOnlySpan<double> inputs, int batchSize, Span<double> jacobian) =>
        Run(inputs, batchSize, Span<double>.Empty, jacobian, computeValues: false, computeJacobian: true);

    /// <summary>Writes the values and the Jacobian in one pass, in the layouts of <see cref="Evaluate(ReadOnlySpan{double}, int, Span{double})"/> and <see cref="EvaluateJacobian"/>.</summary>
    /// <exception cref="ArgumentException">A span is shorter than the batch needs.</exception>
    public void EvaluateWithJacobian(ReadOnlySpan<double> inputs, int batchSize, Span<double> outputs, Span<double> jacobian) =>
        Run(inputs, batchSize, outputs, jacobian, computeValues: true, computeJacobian: true);

    private void Run(ReadOnlySpan<double> inputs, int batchSize, Span<double> outputs, Span<double> jacobian, bool computeValues, bool computeJacobian)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        int n = _variableCount;
        CheckLength(inputs.Length, (long)batchSize * n, nameof(inputs));
        if (computeValues)
        {
            CheckLength(outputs.Length, (long)batchSize * _outputCount, nameof(outputs));
        }

        if (computeJacobian)
        {
            CheckLength(jacobian.Length, (long)batchSize * _outputCount * n, nameof(jacobian));
        }

        if (batchSize == 0)
        {
            return;
        }

        int scratchLength = (_powerCount + _monomialCount + 1) * BlockSize;
        double[] rented = ArrayPool<double>.Shared.Rent(scratchLength);
        try
        {
            var scratch = rented.AsSpan(0, scratchLength);
            for (int start = 0; start < batchSize; start += BlockSize)
            {
                int rows = Math.Min(BlockSize, batchSize - start);
                ComputeMonomialsInPlace(inputs.Slice(start * n, rows * n), rows, scratch);
                var monomialBlock = scratch.Slice(_powerCount * BlockSize, _monomialCount * BlockSize);
                var accumulator = scratch.Slice((_powerCount + _monomialCount) * BlockSize, BlockSize);
                if (computeValues)
                {
                    for (int o = 0; o < _outputCount; o++)
                    {
                        SparseDotInPlace(monomialBlock, _termMonomial, _termCoefficient, _termStart[o], _termStart[o + 1], accumulator);
                        for (int r = 0; r < rows; r++)
                        {
                            outputs[((start + r) * _outputCount) + o] = accumulator[r];
                        }
                    }
                }

                if (computeJacobian)
                {
                    int entries = _outputCount * n;
                    for (int k = 0; k < entries; k++)
                    {
                        SparseDotInPlace(monomialBlock, _jacobianMonomial, _jacobianCoefficient, _jacobianStart[k], _jacobianStart[k + 1], accumulator);
                        for (int r = 0; r < rows; r++)
                        {
                            jacobian[((start + r) * entries) + k] = accumulator[r];
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void CheckLength(int actual, long required, string name)
    {
        if (actual < required)
        {
            throw new ArgumentException($"CompiledBasis: {name} has length {actual} but the batch needs {required}. Allocate batch size times the row width.", name);
        }
    }

    // Fills the powers block and the monomials block of scratch for one block of rows; unused rows are zero.
    private void ComputeMonomialsInPlace(ReadOnlySpan<double> rowsInput, int rows, Span<double> scratch)
    {
        int n = _variableCount;
        for (int v = 0; v < n; v++)
        {
            int maxE = _maxExponent[v];
            if (maxE == 0)
            {
                continue;
            }

            var first = scratch.Slice(_powerOffset[v] * BlockSize, BlockSize);
            for (int r = 0; r < BlockSize; r++)
            {
                first[r] = r < rows ? rowsInput[(r * n) + v] : 0.0;
            }

            var x = MemoryMarshal.Cast<double, Vector<double>>(first);
            for (int e = 2; e <= maxE; e++)
            {
                var previous = MemoryMarshal.Cast<double, Vector<double>>(scratch.Slice((_powerOffset[v] + e - 2) * BlockSize, BlockSize));
                var next = MemoryMarshal.Cast<double, Vector<double>>(scratch.Slice((_powerOffset[v] + e - 1) * BlockSize, BlockSize));
                for (int i = 0; i < next.Length; i++)
                {
                    next[i] = previous[i] * x[i];
                }
            }
        }

        int monomialBase = _powerCount * BlockSize;
        for (int m = 0; m < _monomialCount; m++)
        {
            var target = MemoryMarshal.Cast<double, Vector<double>>(scratch.Slice(monomialBase + (m * BlockSize), BlockSize));
            int from = _factorStart[m];
            int to = _factorStart[m + 1];
            if (from == to)
            {
                target.Fill(Vector<double>.One);
                continue;
            }

            var factor = MemoryMarshal.Cast<double, Vector<double>>(scratch.Slice(_factorPower[from] * BlockSize, BlockSize));
            factor.CopyTo(target);
            for (int f = from + 1; f < to; f++)
            {
                factor = MemoryMarshal.Cast<double, Vector<double>>(scratch.Slice(_factorPower[f] * BlockSize, BlockSize));
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] *= factor[i];
                }
            }
        }
    }

    private static void SparseDotInPlace(
        ReadOnlySpan<double> monomials, int[] monomialIndex, double[] coefficients, int from, int to, Span<double> accumulator)
    {
        var sum = MemoryMarshal.Cast<double, Vector<double>>(accumulator);
        sum.Clear();
        for (int t = from; t < to; t++)
        {
            var c = new Vector<double>(coefficients[t]);
            var m = MemoryMarshal.Cast<double, Vector<double>>(monomials.Slice(monomialIndex[t] * BlockSize, BlockSize));
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += c * m[i];
            }
        }
    }

    private sealed class ExponentComparer : IEqualityComparer<int[]>
    {
        public static readonly ExponentComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = default(HashCode);
            foreach (int e in obj)
            {
                hash.Add(e);
            }

            return hash.ToHashCode();
        }
    }
}
