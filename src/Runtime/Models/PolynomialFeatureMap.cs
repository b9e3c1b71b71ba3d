using System.Runtime.CompilerServices;
using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Evaluation;

namespace InvTheory.Runtime.Models;

/// <summary>
/// A polynomial map given by a <see cref="Float64Basis"/>, evaluated with tape operations so that derivatives of every
/// order flow through it: returns the batch x OutputCount values f_o(x, c), where c are optional constant inputs
/// appended after the variable inputs (such as a fixed gravity vector).
/// </summary>
/// <remarks>
/// Algorithm: shared monomials by degree. Degree-1 monomials are gathered input columns; each monomial of degree d is a
/// monomial of degree d - 1 times one variable, so one gather-multiply per degree builds all of them; the outputs are a
/// coefficient-weighted scatter-add of the monomial columns. A basis of degree at most 2 skips the gathers. Its outputs
/// are then one sparse bilinear operation of the inputs, extended by the constants and a column of ones, with themselves. The
/// derivatives of every order of that operation are bilinear operations of the same kind. This is the tape counterpart of <see cref="CompiledBasis"/>,
/// which is faster for values and first derivatives but cannot be differentiated twice.
/// </remarks>
public sealed class PolynomialFeatureMap
{
    private readonly double[] _constants;
    private readonly int[] _firstDegreeVariables;
    private readonly (int[] Prefix, int[] Variable)[] _higherDegrees;
    private readonly int[] _termMonomial;
    private readonly double[] _termCoefficient;
    private readonly int[] _termOutput;
    private readonly double[] _constantTerms;
    private readonly bool _hasConstantTerms;

    // For bases of degree at most 2: the terms as a bilinear map of [x | constants | 1] with itself, or null.
    private readonly BilinearPlan? _quadraticPlan;
    private readonly double[] _constantsAndOne;

    /// <summary>Creates the map; <paramref name="constants"/> are the values of the last variables of the basis.</summary>
    /// <exception cref="ArgumentException">There are more constants than variables.</exception>
    public PolynomialFeatureMap(Float64Basis basis, IReadOnlyList<double>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(basis);
        _constants = constants is null ? [] : [.. constants];
        if (_constants.Length > basis.VariableCount)
        {
            throw new ArgumentException($"PolynomialFeatureMap: {_constants.Length} constants were given for a basis in {basis.VariableCount} variables.", nameof(constants));
        }

        Basis = basis;
        InputCount = basis.VariableCount - _constants.Length;
        OutputCount = basis.OutputCount;

        // Phase 1: every term's monomial as its sorted list of variable indices (x1^2 x3 is [0, 0, 2]).
        var termMonomials = new List<int[]>();
        var termCoefficients = new List<double>();
        var termOutputs = new List<int>();
        _constantTerms = new double[OutputCount];
        int output = 0;
        foreach (var element in basis.Elements)
        {
            for (int c = 0; c < element.ComponentCount; c++, output++)
            {
                foreach (var term in element.Component(c))
                {
                    var factors = new List<int>();
                    for (int v = 0; v < term.Exponents.Count; v++)
                    {
                        factors.AddRange(Enumerable.Repeat(v, term.Exponents[v]));
                    }

                    if (factors.Count == 0)
                    {
                        _constantTerms[output] += term.Coefficient;
                        _hasConstantTerms = true;
                        continue;
                    }

                    termMonomials.Add([.. factors]);
                    termCoefficients.Add(term.Coefficient);
                    termOutputs.Add(output);
                }
            }
        }

        // Phase 2: a basis of degree at most 2 becomes one bilinear map; degree-1 and constant terms pair with a column of ones.
        _constantsAndOne = [.. _constants, 1.0];
        if (termMonomials.All(m => m.Length <= 2))
        {
            _quadraticPlan = QuadraticPlan(basis.VariableCount, termMonomials, termCoefficients, termOutputs, _constantTerms);
        }

        // Phase 3: close the set under removing the last factor, and group by degree.
        var byDegree = new List<List<int[]>>();
        var position = new Dictionary<string, (int Degree, int Index)>();
        string Key(int[] m) => string.Join(',', m);
        void Require(int[] monomial)
        {
            if (position.ContainsKey(Key(monomial)))
            {
                return;
            }

            if (monomial.Length > 1)
            {
                Require(monomial[..^1]);
            }

            while (byDegree.Count < monomial.Length)
            {
                byDegree.Add([]);
            }

            var level = byDegree[monomial.Length - 1];
            position.Add(Key(monomial), (monomial.Length, level.Count));
            level.Add(monomial);
        }

        foreach (var m in termMonomials)
        {
            Require(m);
        }

        // Phase 4: gather plans, and global monomial indices in the concatenation of all degrees.
        _firstDegreeVariables = byDegree.Count == 0 ? [] : [.. byDegree[0].Select(m => m[0])];
        _higherDegrees = new (int[], int[])[Math.Max(byDegree.Count - 1, 0)];
        var levelOffset = new int[byDegree.Count + 1];
        for (int d = 0; d < byDegree.Count; d++)
        {
            levelOffset[d + 1] = levelOffset[d] + byDegree[d].Count;
        }

        for (int d = 1; d < byDegree.Count; d++)
        {
            var level = byDegree[d];
            _higherDegrees[d - 1] = ([.. level.Select(m => position[Key(m[..^1])].Index)], [.. level.Select(m => m[^1])]);
        }

        _termMonomial = [.. termMonomials.Select(m => levelOffset[m.Length - 1] + position[Key(m)].Index)];
        _termCoefficient = [.. termCoefficients];
        _termOutput = [.. termOutputs];
        MonomialCount = levelOffset[^1];
    }

    /// <summary>The basis.</summary>
    public Float64Basis Basis { get; }

    /// <summary>The number of variable inputs (the basis variables without the appended constants).</summary>
    public int InputCount { get; }

    /// <summary>The number of outputs.</summary>
    public int OutputCount { get; }

    /// <summary>The number of distinct monomials computed per row.</summary>
    public int MonomialCount { get; }

    /// <summary>The constant values appended to each input row.</summary>
    public IReadOnlyList<double> Constants => _constants;

    /// <summary>Returns the batch x OutputCount values of the map at the batch x InputCount inputs x.</summary>
    /// <exception cref="ArgumentException">x does not have InputCount columns.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Node Forward(Tape tape, Node x)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != InputCount)
        {
            throw new ArgumentException($"PolynomialFeatureMap: the input has {x.Columns} columns but the map takes {InputCount}.", nameof(x));
        }

        int batch = x.Rows;
        if (_quadraticPlan is not null)
        {
            var extended = tape.ConcatColumns([x, tape.BroadcastRows(tape.Constant(1, _constantsAndOne.Length, _constantsAndOne), batch)]);
            return tape.Bilinear(extended, extended, _quadraticPlan);
        }

        var full = _constants.Length == 0 ? x : tape.ConcatColumns([x, tape.BroadcastRows(tape.Constant(1, _constants.Length, _constants), batch)]);
        Node result;
        if (_termMonomial.Length == 0)
        {
            result = tape.Fill(batch, OutputCount, 0.0);
        }
        else
        {
            var levels = new List<Node> { tape.GatherColumns(full, _firstDegreeVariables) };
            foreach (var (prefix, variable) in _higherDegrees)
            {
                levels.Add(tape.Multiply(tape.GatherColumns(levels[^1], prefix), tape.GatherColumns(full, variable)));
            }

            var monomials = levels.Count == 1 ? levels[0] : tape.ConcatColumns(levels);
            var coefficients = tape.BroadcastRows(tape.Constant(1, _termCoefficient.Length, _termCoefficient), batch);
            var terms = tape.Multiply(tape.GatherColumns(monomials, _termMonomial), coefficients);
            result = tape.ScatterColumns(terms, _termOutput, OutputCount);
        }

        return _hasConstantTerms ? tape.AddRow(result, tape.Constant(1, OutputCount, _constantTerms)) : result;
    }

    // Term (a, b) -> o of the map y[o] = sum c x_a x_b on [x | constants | 1]: x_a x_b is (a, b), x_a is (a, one) and a
    // constant term is (one, one), where one is the index of the column of ones.
    private static BilinearPlan QuadraticPlan(
        int variables, List<int[]> monomials, List<double> coefficients, List<int> outputs, double[] constantTerms)
    {
        int one = variables;
        var left = new List<int>();
        var right = new List<int>();
        var output = new List<int>();
        var coefficient = new List<double>();
        for (int t = 0; t < monomials.Count; t++)
        {
            var m = monomials[t];
            left.Add(m[0]);
            right.Add(m.Length == 2 ? m[1] : one);
            output.Add(outputs[t]);
            coefficient.Add(coefficients[t]);
        }

        for (int o = 0; o < constantTerms.Length; o++)
        {
            if (constantTerms[o] != 0)
            {
                left.Add(one);
                right.Add(one);
                output.Add(o);
                coefficient.Add(constantTerms[o]);
            }
        }

        return new BilinearPlan([.. left], [.. right], [.. output], [.. coefficient], variables + 1, variables + 1, constantTerms.Length);
    }
}
