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
    private sealed class Builder
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

                        _tensors.Add((names.Labels[a], general, false));
                        break;
                }
            }
        }

        public PolynomialRing<Rational> Ring { get; }

        public IReadOnlyList<EquivarianceConstraint<Rational>> Constraints { get; }

        public int OutputDimension { get; }

        public bool IsScalarOutput => _outputKind == ClassicalTensorKind.Scalar;

        private int ComponentCount => _components.Count;

        /// <summary>Returns the constant map with value 1 in every one of <paramref name="dimension"/> components.</summary>
        public PolynomialMap<Rational> ConstantMap(int dimension) => new(Ring, Enumerable.Repeat(Ring.One, dimension));

        /// <summary>Returns the scalar generators of the identity component with their signs.</summary>
        public List<Candidate> ScalarCandidates()
        {
            var result = new List<Candidate>();
            void Add(string name, Polynomial<Rational> p, bool bracket = false)
            {
                if (!p.IsZero)
                {
                    var map = new PolynomialMap<Rational>(Ring, [p]);
                    result.Add(new Candidate(name, map, Grade(map, scalarLevel: true), bracket));
                }
            }

            foreach (var (label, value) in _scalars)
            {
                Add(label, value);
            }

            int pivots = _options.Reduced ? Math.Min(_d, _vectors.Count) : _vectors.Count;
            for (int a = 0; a < pivots; a++)
            {
                for (int b = a; b < _vectors.Count; b++)
                {
                    Add($"<{_vectors[a].Label},{_vectors[b].Label}>", Dot(_vectors[a].Coordinates, _vectors[b].Coordinates));
                }
            }

            foreach (var (name, word) in Words(1, _options.MaxWordLength))
            {
                Add($"tr({name})", Trace(word));
                foreach (var u in _vectors)
                {
                    foreach (var w in _vectors)
                    {
                        Add($"<{u.Label},{name} {w.Label}>", Dot(u.Coordinates, Apply(word, w.Coordinates)));
                    }
                }
            }

            var epsilonVectors = EpsilonVectors();
            if (epsilonVectors.Count >= _d && _d <= MaxBracketDimension)
            {
                var subsets = _options.Reduced ? [Enumerable.Range(0, _d).ToArray()] : Subsets(epsilonVectors.Count, _d);
                foreach (var subset in subsets)
                {
                    Add($"det({string.Join(",", subset.Select(i => epsilonVectors[i].Label))})", Determinant(subset.Select(i => epsilonVectors[i].Coordinates).ToArray()), bracket: true);
                }
            }

            // Levi-Civita contractions with a tensor slot: eps(e_i, e_j, s_1, ..., s_(d-2)) X^ij for words X = W J^-1.
            if (_tensors.Count > 0 && _d >= 2 && _d <= MaxBracketDimension && epsilonVectors.Count >= _d - 2)
            {
                foreach (var (name, word) in Words(1, _options.MaxWordLength))
                {
                    var raised = RaiseRight(word);
                    foreach (var subset in Subsets(epsilonVectors.Count, _d - 2))
                    {
                        var sum = Ring.Zero;
                        for (int i = 0; i < _d; i++)
                        {
                            for (int j = 0; j < _d; j++)
                            {
                                if (i == j || raised[i, j].IsZero)
                                {
                                    continue;
                                }

                                var columns = new List<Polynomial<Rational>[]> { Unit(i), Unit(j) };
                                columns.AddRange(subset.Select(t => epsilonVectors[t].Coordinates));
                                sum += Determinant(columns.ToArray()) * raised[i, j];
                            }
                        }

                        Add($"eps({string.Join(",", subset.Select(t => epsilonVectors[t].Label).Prepend($"{name} J^-1"))})", sum, bracket: true);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// Returns the vectors that enter Levi-Civita contractions: the vector-like inputs and, with tensor inputs, the
        /// words applied to them (W u transforms as a vector).
        /// </summary>
        private List<(string Label, Polynomial<Rational>[] Coordinates)> EpsilonVectors()
        {
            var result = new List<(string, Polynomial<Rational>[])>(_vectors);
            if (_options.Reduced)
            {
                return result;
            }

            foreach (var (name, word) in Words(1, _options.MaxWordLength))
            {
                foreach (var u in _vectors)
                {
                    result.Add(($"{name} {u.Label}", Apply(word, u.Coordinates)));
                }
            }

            return result;
        }

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

        /// <summary>Returns the invariants of the whole group: even generators and minimal zero-sum products of odd ones.</summary>
        public IReadOnlyList<FundamentalGenerator> Invariants(List<Candidate> scalars)
        {
            var result = scalars.Where(c => c.Grade == 0).Select(c => new FundamentalGenerator(c.Name, c.Map)).ToList();
            var odd = scalars.Where(c => c.Grade != 0).ToList();
            foreach (var sequence in Sequences(odd, target: 0, minimumSize: 2, maximumSize: ComponentCount + 1))
            {
                if (sequence.Count(c => c.IsBracket) >= 2)
                {
                    continue;
                }

                result.Add(Product(sequence, null));
            }

            return Independent(result);
        }

        /// <summary>Returns the module generators of a non-scalar output: base equivariants of the identity component times odd invariants, signs matched.</summary>
        public IReadOnlyList<FundamentalGenerator> ModuleGenerators(List<Candidate> scalars)
        {
            var odd = scalars.Where(c => c.Grade != 0).ToList();
            var result = new List<FundamentalGenerator>();
            foreach (var (name, map) in BaseOutputs())
            {
                if (map.IsZero)
                {
                    continue;
                }

                // Two Levi-Civita factors (brackets, cross products, 2-forms) contract to a determinant of inner products,
                // so such products are redundant and left out.
                int grade = Grade(map, scalarLevel: false);
                bool baseHasEpsilon = name.Contains("cross(", StringComparison.Ordinal) || name.Contains("eps(", StringComparison.Ordinal);
                foreach (var sequence in Sequences(odd, grade, minimumSize: 0, maximumSize: ComponentCount))
                {
                    if (sequence.Count(c => c.IsBracket) + (baseHasEpsilon ? 1 : 0) >= 2)
                    {
                        continue;
                    }

                    result.Add(Product(sequence, new Candidate(name, map, grade, false)));
                }
            }

            return Independent(result);
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

        /// <summary>Returns the equivariants of the identity component that generate the output module (before sign matching).</summary>
        private IEnumerable<(string Name, PolynomialMap<Rational> Map)> BaseOutputs()
        {
            switch (_outputKind)
            {
                case ClassicalTensorKind.Pseudoscalar:
                    yield return ("1", ConstantMap(1));
                    yield break;
                case ClassicalTensorKind.Vector:
                case ClassicalTensorKind.Pseudovector:
                    foreach (var (name, v) in VectorOutputs())
                    {
                        yield return (name, new PolynomialMap<Rational>(Ring, v));
                    }

                    yield break;
            }

            var vectors = VectorOutputs().ToList();
            foreach (var (nameA, a) in vectors)
            {
                foreach (var (nameB, b) in vectors)
                {
                    var outer = new Polynomial<Rational>[_d, _d];
                    for (int i = 0; i < _d; i++)
                    {
                        for (int j = 0; j < _d; j++)
                        {
                            outer[i, j] = a[i] * b[j];
                        }
                    }

                    yield return ($"{nameA} ({nameB})^T", TensorMap(outer));
                }
            }

            foreach (var (name, word) in Words(0, _options.MaxWordLength))
            {
                yield return (word.GetLength(0) == 0 || name.Length == 0 ? "J^-1" : $"{name} J^-1", TensorMap(RaiseRight(word)));
            }

            var epsilonVectors = EpsilonVectors();
            if (_d >= 2 && _d <= MaxBracketDimension && epsilonVectors.Count >= _d - 2)
            {
                foreach (var subset in Subsets(epsilonVectors.Count, _d - 2))
                {
                    var form = new Polynomial<Rational>[_d, _d];
                    for (int i = 0; i < _d; i++)
                    {
                        for (int j = 0; j < _d; j++)
                        {
                            var columns = new List<Polynomial<Rational>[]> { Unit(i), Unit(j) };
                            columns.AddRange(subset.Select(s => epsilonVectors[s].Coordinates));
                            form[i, j] = Determinant(columns.ToArray()) * _metric[i] * _metric[j];
                        }
                    }

                    yield return ($"eps({string.Join(",", subset.Select(s => epsilonVectors[s].Label))})", TensorMap(form));
                }
            }
        }

        /// <summary>Returns the vector outputs: the vector-like inputs, words applied to them, and generalized cross products.</summary>
        private IEnumerable<(string Name, Polynomial<Rational>[] Vector)> VectorOutputs()
        {
            foreach (var u in _vectors)
            {
                yield return (u.Label, u.Coordinates);
            }

            foreach (var (name, word) in Words(1, _options.MaxWordLength))
            {
                foreach (var u in _vectors)
                {
                    yield return ($"{name} {u.Label}", Apply(word, u.Coordinates));
                }
            }

            var epsilonVectors = EpsilonVectors();
            if (_d >= 1 && _d <= MaxBracketDimension && epsilonVectors.Count >= _d - 1)
            {
                foreach (var subset in Subsets(epsilonVectors.Count, _d - 1))
                {
                    var cross = new Polynomial<Rational>[_d];
                    for (int k = 0; k < _d; k++)
                    {
                        var columns = new List<Polynomial<Rational>[]> { Unit(k) };
                        columns.AddRange(subset.Select(s => epsilonVectors[s].Coordinates));
                        cross[k] = Determinant(columns.ToArray()) * _metric[k];
                    }

                    yield return ($"cross({string.Join(",", subset.Select(s => epsilonVectors[s].Label))})", cross);
                }
            }

            // A tensor slot: J^-1 (eps(e_k, e_i, e_j, s_1, ..., s_(d-3)) X^ij)_k for words X = W J^-1.
            if (_tensors.Count > 0 && _d >= 3 && _d <= MaxBracketDimension && epsilonVectors.Count >= _d - 3)
            {
                foreach (var (name, word) in Words(1, _options.MaxWordLength))
                {
                    var raised = RaiseRight(word);
                    foreach (var subset in Subsets(epsilonVectors.Count, _d - 3))
                    {
                        var vector = new Polynomial<Rational>[_d];
                        for (int k = 0; k < _d; k++)
                        {
                            var sum = Ring.Zero;
                            for (int i = 0; i < _d; i++)
                            {
                                for (int j = 0; j < _d; j++)
                                {
                                    if (i == j || i == k || j == k || raised[i, j].IsZero)
                                    {
                                        continue;
                                    }

                                    var columns = new List<Polynomial<Rational>[]> { Unit(k), Unit(i), Unit(j) };
                                    columns.AddRange(subset.Select(t => epsilonVectors[t].Coordinates));
                                    sum += Determinant(columns.ToArray()) * raised[i, j];
                                }
                            }

                            vector[k] = sum * _metric[k];
                        }

                        yield return ($"eps({string.Join(",", subset.Select(t => epsilonVectors[t].Label).Prepend($"{name} J^-1"))})", vector);
                    }
                }
            }
        }

        /// <summary>Returns the words of the given lengths in the letters T J (and T^T J for general tensors), with names.</summary>
        private List<(string Name, Polynomial<Rational>[,] Matrix)> Words(int minimumLength, int maximumLength)
        {
            var letters = new List<(string, Polynomial<Rational>[,])>();
            foreach (var (label, matrix, symmetric) in _tensors)
            {
                letters.Add((label, LowerRight(matrix)));
                if (!symmetric)
                {
                    letters.Add(($"{label}^T", LowerRight(Transpose(matrix))));
                }
            }

            var result = new List<(string, Polynomial<Rational>[,])>();
            var current = new List<(string, Polynomial<Rational>[,])> { (string.Empty, IdentityMatrix()) };
            for (int length = 0; length <= maximumLength; length++)
            {
                if (length >= minimumLength)
                {
                    result.AddRange(current);
                }

                if (length == maximumLength || letters.Count == 0)
                {
                    break;
                }

                current = current.SelectMany(w => letters.Select(l => ((w.Item1.Length == 0 ? l.Item1 : $"{w.Item1} {l.Item1}"), Multiply(w.Item2, l.Item2)))).ToList();
            }

            return result;
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
