using System.Globalization;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Classical;

/// <content>The symbolic construction of the generators.</content>
public static partial class FirstFundamentalTheorem
{
    /// <summary>A generator of the identity component with its sign pattern under the component generators.</summary>
    private sealed record Candidate(string Name, PolynomialMap<Rational> Map, int Grade, bool IsBracket);

    /// <summary>Builds the coordinates, the tensors as matrices of polynomials, and the generators.</summary>
    private sealed partial class Builder
    {
        private readonly ClassicalGroup _group;
        private readonly FirstFundamentalTheoremOptions _options;
        private readonly int _d;
        private readonly Rational[] _metric;
        private readonly List<(string Label, Polynomial<Rational>[] Coordinates)> _vectors = [];
        private readonly List<(string Label, Polynomial<Rational>[,] Matrix, bool Symmetric)> _tensors = [];
        private readonly List<(string Label, Polynomial<Rational> Value)> _scalars = [];
        private readonly List<(Matrix<Rational> Input, Matrix<Rational> Output)> _components = [];
        private readonly ClassicalTensorKind _outputKind;

        public Builder(ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, FirstFundamentalTheoremOptions options)
        {
            if (group.HasTranslations)
            {
                throw new NotSupportedException($"{group.Name}: use O({group.Dimension}) with the translation option; the inputs are then centred.");
            }

            if (inputs.Count == 0)
            {
                throw new ArgumentException("The first fundamental theorem needs at least one input.", nameof(inputs));
            }

            _group = group;
            _options = options;
            _d = group.Dimension;
            _outputKind = ClassicalTensorKinds.Classify(output);
            var kinds = inputs.Select(ClassicalTensorKinds.Classify).ToList();
            if (options.Reduced && kinds.Any(k => k is ClassicalTensorKind.SymmetricTensor or ClassicalTensorKind.Tensor))
            {
                throw new ArgumentException("The reduced variant takes vectors, pseudovectors and scalars only; drop the tensor inputs or the reduced option.", nameof(options));
            }

            var names = new Names(_d, inputs);
            Ring = new PolynomialRing<Rational>(RationalField.Instance, names.All, MonomialOrder.GradedReverseLex);
            Constraints = FirstFundamentalTheorem.Constraints(group, inputs, output, options.Translations, options.Permutations);
            OutputDimension = output.Dimension(_d);
            _metric = Enumerable.Range(0, _d).Select(k => group.Metric[k, k]).ToArray();
            var inputExpression = RepresentationText.Sum(inputs);
            foreach (var c in group.ComponentGenerators)
            {
                _components.Add((inputExpression.Evaluate(c), output.Evaluate(c)));
            }

            // Positions are centred when translations are removed: x_a - (1/n) sum_b x_b over the vector inputs.
            var positions = Enumerable.Range(0, inputs.Count).Where(a => kinds[a] == ClassicalTensorKind.Vector).ToList();
            for (int a = 0; a < inputs.Count; a++)
            {
                var variables = names.Variables[a].Select(Ring.Variable).ToArray();
                switch (kinds[a])
                {
                    case ClassicalTensorKind.Scalar:
                    case ClassicalTensorKind.Pseudoscalar:
                        _scalars.Add((names.Labels[a], variables[0]));
                        break;
                    case ClassicalTensorKind.Vector:
                    case ClassicalTensorKind.Pseudovector:
                        if (options.Translations && kinds[a] == ClassicalTensorKind.Vector)
                        {
                            var weight = Rational.Create(1, positions.Count);
                            variables = Enumerable.Range(0, _d).Select(k => positions.Aggregate(variables[k], (sum, b) => sum - names.Variables[b].Select(Ring.Variable).ElementAt(k) * weight)).ToArray();
                        }

                        _vectors.Add((names.Labels[a], variables));
                        break;
                    case ClassicalTensorKind.SymmetricTensor:
                        var basis = MatrixConstructions.SymmetricPowerBasis(_d, 2);
                        var symmetric = new Polynomial<Rational>[_d, _d];
                        for (int c = 0; c < basis.Count; c++)
                        {
                            var indices = Enumerable.Range(0, _d).SelectMany(i => Enumerable.Repeat(i, basis[c][i])).ToArray();
                            symmetric[indices[0], indices[1]] = variables[c];
                            symmetric[indices[1], indices[0]] = variables[c];
                        }

                        _tensors.Add((names.Labels[a], symmetric, true));
                        break;
                    default:
                        var general = new Polynomial<Rational>[_d, _d];
                        for (int i = 0; i < _d; i++)
                        {
                            for (int j = 0; j < _d; j++)
                            {
                                general[i, j] = variables[i * _d + j];
                            }
                        }

                        AddGeneralTensor(names.Labels[a], general);
                        break;
                }
            }
        }

        /// <summary>
        /// Adds a general rank-2 tensor T. For d = 2 and d = 3 it is split into its symmetric part (T + T^T)/2 and its
        /// antisymmetric part, which is a pseudoscalar (d = 2) or a pseudovector (d = 3): the axial part
        /// a^k = J^kk eps(e_k, e_i, e_j) T^ij / 2. The representation V (x) V is the sum of Sym^2 V and Lambda^2 V, and
        /// the Hodge star identifies Lambda^2 V with det (x) Lambda^(d-2) V, so the invariants of T are those of the two
        /// parts; the parts avoid the words in T and T^T that only outer products of the axial vector reduce.
        /// Otherwise T enters as the letters T J and T^T J.
        /// </summary>
        private void AddGeneralTensor(string label, Polynomial<Rational>[,] general)
        {
            if (_d is not (2 or 3))
            {
                _tensors.Add((label, general, false));
                return;
            }

            var half = Rational.Create(1, 2);
            var symmetric = new Polynomial<Rational>[_d, _d];
            for (int i = 0; i < _d; i++)
            {
                for (int j = 0; j < _d; j++)
                {
                    symmetric[i, j] = (general[i, j] + general[j, i]) * half;
                }
            }

            _tensors.Add(($"sym({label})", symmetric, true));
            if (_d == 2)
            {
                _scalars.Add(($"ax({label})", Epsilon([], [general], []) * half));
                return;
            }

            _vectors.Add(($"ax({label})", Enumerable.Range(0, _d).Select(k => Epsilon([k], [general], []) * half * _metric[k]).ToArray()));
        }

        public PolynomialRing<Rational> Ring { get; }

        public IReadOnlyList<EquivarianceConstraint<Rational>> Constraints { get; }

        public int OutputDimension { get; }

        public bool IsScalarOutput => _outputKind == ClassicalTensorKind.Scalar;

        private int ComponentCount => _components.Count;

        /// <summary>Returns the constant map with value 1 in every one of <paramref name="dimension"/> components.</summary>
        public PolynomialMap<Rational> ConstantMap(int dimension) => new(Ring, Enumerable.Repeat(Ring.One, dimension));

        /// <summary>Returns the pairs beyond the first d vector-like inputs whose inner product fails the rigidity identity.</summary>
        public IReadOnlyList<string> RigidityFailures()
        {
            var failures = new List<string>();
            if (_vectors.Count <= _d)
            {
                return failures;
            }

            var gram = new Polynomial<Rational>[_d][];
            for (int i = 0; i < _d; i++)
            {
                gram[i] = Enumerable.Range(0, _d).Select(j => Dot(_vectors[i].Coordinates, _vectors[j].Coordinates)).ToArray();
            }

            // Columns of G for the Leibniz formula (G is symmetric); adj(G)_ij = (-1)^(i+j) det(G with row j and column i removed).
            var determinant = Determinant(gram);
            var adjugate = new Polynomial<Rational>[_d, _d];
            for (int i = 0; i < _d; i++)
            {
                for (int j = 0; j < _d; j++)
                {
                    var minor = Enumerable.Range(0, _d).Where(c => c != i).Select(c => Enumerable.Range(0, _d).Where(r => r != j).Select(r => gram[c][r]).ToArray()).ToArray();
                    var value = MinorDeterminant(minor);
                    adjugate[i, j] = (i + j) % 2 == 0 ? value : -value;
                }
            }

            for (int a = _d; a < _vectors.Count; a++)
            {
                var ga = Enumerable.Range(0, _d).Select(i => gram[i].Length == 0 ? Ring.Zero : Dot(_vectors[i].Coordinates, _vectors[a].Coordinates)).ToArray();
                for (int b = a; b < _vectors.Count; b++)
                {
                    var gb = Enumerable.Range(0, _d).Select(i => Dot(_vectors[i].Coordinates, _vectors[b].Coordinates)).ToArray();
                    var right = Ring.Zero;
                    for (int i = 0; i < _d; i++)
                    {
                        for (int j = 0; j < _d; j++)
                        {
                            right += ga[i] * adjugate[i, j] * gb[j];
                        }
                    }

                    if (!(determinant * Dot(_vectors[a].Coordinates, _vectors[b].Coordinates) - right).IsZero)
                    {
                        failures.Add($"<{_vectors[a].Label},{_vectors[b].Label}>");
                    }
                }
            }

            return failures;
        }

        private Polynomial<Rational> MinorDeterminant(Polynomial<Rational>[][] columns)
        {
            int n = columns.Length;
            if (n == 0)
            {
                return Ring.One;
            }

            var sum = Ring.Zero;
            foreach (var (permutation, sign) in Permutations(n))
            {
                var term = Ring.Constant(sign);
                for (int c = 0; c < n && !term.IsZero; c++)
                {
                    term *= columns[c][permutation[c]];
                }

                sum += term;
            }

            return sum;
        }

        /// <summary>
        /// Returns orbit sums under the adjacent transpositions of the products (monomials in the invariants) times the
        /// generators up to the given degree.
        /// </summary>
        public IReadOnlyList<FundamentalGenerator> OrbitSums(IReadOnlyList<FundamentalGenerator> invariants, IReadOnlyList<FundamentalGenerator> generators, int maxDegree, CancellationToken ct)
        {
            var swaps = Constraints.Where(c => c.Kind == ConstraintKind.GroupElement && c.Name.StartsWith("swap", StringComparison.Ordinal)).Select(c => c.Input).ToList();
            var positive = invariants.Where(i => i.Degree > 0).ToList();
            var products = new List<(string Name, PolynomialMap<Rational> Map)>();
            void Extend(int start, string name, PolynomialMap<Rational> map, int degree)
            {
                products.Add((name, map));
                for (int i = start; i < positive.Count; i++)
                {
                    if (degree + positive[i].Degree <= maxDegree)
                    {
                        Extend(i, $"{positive[i].Name} {name}", map.Multiply(positive[i].Map.Components[0]), degree + positive[i].Degree);
                    }
                }
            }

            foreach (var g in generators)
            {
                if (g.Degree <= maxDegree)
                {
                    Extend(0, g.Name, g.Map, g.Degree);
                }
            }

            var sums = new List<FundamentalGenerator>();
            foreach (var (name, map) in products)
            {
                ct.ThrowIfCancellationRequested();
                if (map.Degree <= 0)
                {
                    continue;
                }

                var orbit = new HashSet<PolynomialMap<Rational>> { map };
                var queue = new Queue<PolynomialMap<Rational>>([map]);
                while (queue.Count > 0)
                {
                    var current = queue.Dequeue();
                    foreach (var swap in swaps)
                    {
                        var image = current.Precompose(swap);
                        if (orbit.Add(image))
                        {
                            queue.Enqueue(image);
                        }
                    }
                }

                var sum = orbit.Aggregate(PolynomialMap<Rational>.Zero(Ring, map.OutputDimension), (s, f) => s + f);
                sums.Add(new FundamentalGenerator($"sum over permutations of {name.Replace(" 1", string.Empty, StringComparison.Ordinal).Trim()}", sum));
            }

            return Independent(sums);
        }

        /// <summary>Returns the sign pattern of a map under the component generators: bit i set when c_i multiplies it by -1.</summary>
        private int Grade(PolynomialMap<Rational> map, bool scalarLevel)
        {
            int grade = 0;
            for (int i = 0; i < _components.Count; i++)
            {
                var (input, output) = _components[i];
                var moved = map.Precompose(input);
                var expected = scalarLevel ? map : map.Transform(output);
                if (moved.Equals(expected))
                {
                    continue;
                }

                if ((moved + expected).IsZero)
                {
                    grade |= 1 << i;
                    continue;
                }

                throw new InternalErrorException($"The generator {map} of {_group.Name} is not multiplied by +1 or -1 by the component generator {_group.ComponentGeneratorNames[i]}.");
            }

            return grade;
        }

        /// <summary>
        /// Returns the sequences (multisets, by non-decreasing index) of odd candidates whose signs multiply to the target and
        /// that contain no nonempty proper sub-multiset with sign +1 (no zero-sum subsequence at all when the target is nonzero).
        /// </summary>
        private static IEnumerable<List<Candidate>> Sequences(List<Candidate> odd, int target, int minimumSize, int maximumSize)
        {
            var current = new List<Candidate>();
            IEnumerable<List<Candidate>> Recurse(int start)
            {
                if (current.Count >= minimumSize && XorOf(current) == target && IsMinimal(current, target))
                {
                    yield return [.. current];
                }

                if (current.Count == maximumSize)
                {
                    yield break;
                }

                for (int i = start; i < odd.Count; i++)
                {
                    current.Add(odd[i]);
                    foreach (var s in Recurse(i))
                    {
                        yield return s;
                    }

                    current.RemoveAt(current.Count - 1);
                }
            }

            return Recurse(0);
        }

        private static int XorOf(List<Candidate> sequence) => sequence.Aggregate(0, (x, c) => x ^ c.Grade);

        // No nonempty sub-multiset other than the whole (when the target is 0) has sign pattern 0.
        private static bool IsMinimal(List<Candidate> sequence, int target)
        {
            int count = sequence.Count;
            for (int mask = 1; mask < (1 << count); mask++)
            {
                if (mask == (1 << count) - 1 && target == 0)
                {
                    continue;
                }

                int x = 0;
                for (int i = 0; i < count; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        x ^= sequence[i].Grade;
                    }
                }

                if (x == 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static FundamentalGenerator Product(List<Candidate> sequence, Candidate? base_)
        {
            var map = base_?.Map ?? sequence[0].Map;
            var factors = base_ is null ? sequence.Skip(1) : sequence;
            foreach (var c in factors)
            {
                map = map.Multiply(c.Map.Components[0]);
            }

            var names = sequence.Select(c => c.Name).ToList();
            if (base_ is not null)
            {
                names.Add(base_.Name);
            }

            return new FundamentalGenerator(string.Join(" * ", names), map);
        }

        /// <summary>Drops zero maps and maps that depend linearly on earlier ones of the same degree; stops at the size limit.</summary>
        private static List<FundamentalGenerator> Independent(List<FundamentalGenerator> generators)
        {
            var echelons = new Dictionary<int, (IncrementalRowEchelon<Rational> Echelon, Dictionary<(Monomial, int), int> Columns)>();
            var result = new List<FundamentalGenerator>();
            foreach (var g in generators)
            {
                if (g.Map.IsZero)
                {
                    continue;
                }

                if (!echelons.TryGetValue(g.Degree, out var state))
                {
                    state = (new IncrementalRowEchelon<Rational>(RationalField.Instance), new Dictionary<(Monomial, int), int>());
                    echelons[g.Degree] = state;
                }

                if (state.Echelon.TryInsert(Vectorize(g.Map, state.Columns)))
                {
                    result.Add(g);
                    if (result.Count > MaxGenerators)
                    {
                        throw new InvariantTheoryException(
                            $"The first fundamental theorem produced more than {MaxGenerators} generators; use fewer inputs, a shorter word length or the reduced option.");
                    }
                }
            }

            return result.OrderBy(g => g.Degree).ToList();
        }

        private PolynomialMap<Rational> TensorMap(Polynomial<Rational>[,] x)
        {
            if (_outputKind == ClassicalTensorKind.Tensor)
            {
                return new PolynomialMap<Rational>(Ring, Enumerable.Range(0, _d * _d).Select(r => x[r / _d, r % _d]));
            }

            var basis = MatrixConstructions.SymmetricPowerBasis(_d, 2);
            return new PolynomialMap<Rational>(Ring, basis.Select(e =>
            {
                var indices = Enumerable.Range(0, _d).SelectMany(i => Enumerable.Repeat(i, e[i])).ToArray();
                return x[indices[0], indices[1]] + x[indices[1], indices[0]];
            }));
        }

        private Polynomial<Rational> Dot(Polynomial<Rational>[] u, Polynomial<Rational>[] w)
        {
            var sum = Ring.Zero;
            for (int k = 0; k < _d; k++)
            {
                sum += u[k] * w[k] * _metric[k];
            }

            return sum;
        }

        private Polynomial<Rational> Trace(Polynomial<Rational>[,] m)
        {
            var sum = Ring.Zero;
            for (int k = 0; k < _d; k++)
            {
                sum += m[k, k];
            }

            return sum;
        }

        private Polynomial<Rational>[] Apply(Polynomial<Rational>[,] m, Polynomial<Rational>[] u) =>
            Enumerable.Range(0, _d).Select(i => Enumerable.Range(0, _d).Aggregate(Ring.Zero, (s, j) => s + m[i, j] * u[j])).ToArray();

        private Polynomial<Rational>[,] Multiply(Polynomial<Rational>[,] a, Polynomial<Rational>[,] b)
        {
            var c = new Polynomial<Rational>[_d, _d];
            for (int i = 0; i < _d; i++)
            {
                for (int j = 0; j < _d; j++)
                {
                    var sum = Ring.Zero;
                    for (int k = 0; k < _d; k++)
                    {
                        sum += a[i, k] * b[k, j];
                    }

                    c[i, j] = sum;
                }
            }

            return c;
        }

        private Polynomial<Rational>[,] Transpose(Polynomial<Rational>[,] a)
        {
            var t = new Polynomial<Rational>[_d, _d];
            for (int i = 0; i < _d; i++)
            {
                for (int j = 0; j < _d; j++)
                {
                    t[i, j] = a[j, i];
                }
            }

            return t;
        }

        // T -> T J (a contravariant tensor becomes a map V -> V that transforms by conjugation).
        private Polynomial<Rational>[,] LowerRight(Polynomial<Rational>[,] a)
        {
            var t = new Polynomial<Rational>[_d, _d];
            for (int i = 0; i < _d; i++)
            {
                for (int j = 0; j < _d; j++)
                {
                    t[i, j] = a[i, j] * _metric[j];
                }
            }

            return t;
        }

        // W -> W J^-1 (back to a contravariant tensor); J^-1 = J for the diagonal metrics with entries +-1.
        private Polynomial<Rational>[,] RaiseRight(Polynomial<Rational>[,] a) => LowerRight(a);

        private Polynomial<Rational>[,] IdentityMatrix()
        {
            var t = new Polynomial<Rational>[_d, _d];
            for (int i = 0; i < _d; i++)
            {
                for (int j = 0; j < _d; j++)
                {
                    t[i, j] = i == j ? Ring.One : Ring.Zero;
                }
            }

            return t;
        }

        private Polynomial<Rational>[] Unit(int k) => Enumerable.Range(0, _d).Select(i => i == k ? Ring.One : Ring.Zero).ToArray();

        /// <summary>Returns det of the matrix with the given columns, by the Leibniz formula.</summary>
        private Polynomial<Rational> Determinant(Polynomial<Rational>[][] columns)
        {
            var sum = Ring.Zero;
            foreach (var (permutation, sign) in Permutations(_d))
            {
                var term = Ring.Constant(sign);
                for (int c = 0; c < _d && !term.IsZero; c++)
                {
                    term *= columns[c][permutation[c]];
                }

                sum += term;
            }

            return sum;
        }

        private static IEnumerable<(int[] Permutation, int Sign)> Permutations(int n)
        {
            var p = Enumerable.Range(0, n).ToArray();
            IEnumerable<(int[], int)> Recurse(int k, int sign)
            {
                if (k == n)
                {
                    yield return ((int[])p.Clone(), sign);
                    yield break;
                }

                for (int i = k; i < n; i++)
                {
                    (p[k], p[i]) = (p[i], p[k]);
                    foreach (var r in Recurse(k + 1, i == k ? sign : -sign))
                    {
                        yield return r;
                    }

                    (p[k], p[i]) = (p[i], p[k]);
                }
            }

            return Recurse(0, 1);
        }

        private static List<int[]> Subsets(int n, int k)
        {
            var result = new List<int[]>();
            var current = new int[k];
            void Recurse(int position, int start)
            {
                if (position == k)
                {
                    result.Add((int[])current.Clone());
                    return;
                }

                for (int i = start; i < n; i++)
                {
                    current[position] = i;
                    Recurse(position + 1, i + 1);
                }
            }

            Recurse(0, 0);
            return result;
        }

        /// <summary>The variable names and labels of the inputs.</summary>
        internal sealed class Names
        {
            public Names(int d, IReadOnlyList<RepresentationExpression> inputs)
            {
                var counters = new Dictionary<string, int>(StringComparer.Ordinal);
                var all = new List<string>();
                var labels = new List<string>();
                var variables = new List<int[]>();
                string separator = d >= 10 ? "_" : string.Empty;
                foreach (var input in inputs)
                {
                    var kind = ClassicalTensorKinds.Classify(input);
                    string prefix = kind switch
                    {
                        ClassicalTensorKind.Scalar => "s",
                        ClassicalTensorKind.Pseudoscalar => "q",
                        ClassicalTensorKind.Vector => "v",
                        ClassicalTensorKind.Pseudovector => "p",
                        ClassicalTensorKind.SymmetricTensor => "S",
                        _ => "T",
                    };
                    int number = counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
                    string label = prefix + number.ToString(CultureInfo.InvariantCulture);
                    labels.Add(label);
                    IEnumerable<string> coordinates = kind switch
                    {
                        ClassicalTensorKind.Scalar or ClassicalTensorKind.Pseudoscalar => [label],
                        ClassicalTensorKind.Vector or ClassicalTensorKind.Pseudovector => Enumerable.Range(1, d).Select(k => $"{label}_{k}"),
                        ClassicalTensorKind.SymmetricTensor => MatrixConstructions.SymmetricPowerBasis(d, 2).Select(e =>
                        {
                            var indices = Enumerable.Range(0, d).SelectMany(i => Enumerable.Repeat(i + 1, e[i])).ToArray();
                            return $"{label}_{indices[0]}{separator}{indices[1]}";
                        }),
                        _ => Enumerable.Range(0, d * d).Select(r => $"{label}_{r / d + 1}{separator}{r % d + 1}"),
                    };
                    var list = coordinates.ToList();
                    variables.Add(Enumerable.Range(all.Count, list.Count).ToArray());
                    all.AddRange(list);
                }

                All = all.AsReadOnly();
                Labels = labels.AsReadOnly();
                Variables = variables.AsReadOnly();
            }

            public IReadOnlyList<string> All { get; }

            public IReadOnlyList<string> Labels { get; }

            public IReadOnlyList<int[]> Variables { get; }
        }
    }

    /// <summary>Largest dimension d for which brackets and cross products are expanded (the Leibniz formula has d! terms).</summary>
    private const int MaxBracketDimension = 6;
}
