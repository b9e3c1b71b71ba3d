using System.Globalization;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Classical;

/// <summary>Options of <see cref="FirstFundamentalTheorem.Compute"/>.</summary>
public sealed record FirstFundamentalTheoremOptions
{
    /// <summary>Replace every vector input x_a by x_a - (1/n) sum_b x_b (positions modulo translations).</summary>
    public bool Translations { get; init; }

    /// <summary>Also require invariance under permutations of identical inputs (each run of equal consecutive summands).</summary>
    public bool Permutations { get; init; }

    /// <summary>
    /// Largest length of the words in the tensor inputs that enter traces and contractions, or null (the default) for no
    /// limit: words are then extended until every word of some length is redundant, which makes the sets complete.
    /// </summary>
    public int? MaxWordLength { get; init; }

    /// <summary>Return the reduced set of O(n d) scalars of vectors and pseudovectors (see <see cref="FirstFundamentalTheorem"/>).</summary>
    public bool Reduced { get; init; }

    /// <summary>Check generation by comparing dimensions in every degree up to this one.</summary>
    public int CompletenessDegree { get; init; } = 2;
}

/// <summary>One generator: a name that says how it is built, and the polynomial map.</summary>
/// <param name="Name">Such as <c>&lt;v1,v2&gt;</c>, <c>det(v1,v2,v3)</c>, <c>tr(S1 S2)</c> or <c>v1 v2^T</c>.</param>
/// <param name="Map">The map, with one component for scalar outputs.</param>
public sealed record FundamentalGenerator(string Name, PolynomialMap<Rational> Map)
{
    /// <summary>The polynomial degree.</summary>
    public int Degree => Map.Degree;
}

/// <summary>The dimension check in one degree: the equivariants of that degree and the span of the generators' products.</summary>
/// <param name="Degree">The polynomial degree.</param>
/// <param name="Dimension">Dimension of the equivariants of that degree (exact common kernel of all conditions).</param>
/// <param name="Spanned">Dimension of the span of the products of the generators in that degree.</param>
public sealed record CompletenessCheck(int Degree, int Dimension, int Spanned)
{
    /// <summary>Whether the generators span every equivariant of the degree.</summary>
    public bool IsComplete => Dimension == Spanned;
}

/// <summary>The generating sets computed by <see cref="FirstFundamentalTheorem.Compute"/>.</summary>
public sealed class FirstFundamentalTheoremResult
{
    internal FirstFundamentalTheoremResult(
        ClassicalGroup group,
        IReadOnlyList<RepresentationExpression> inputs,
        RepresentationExpression output,
        FirstFundamentalTheoremOptions options,
        PolynomialRing<Rational> ring,
        IReadOnlyList<FundamentalGenerator> invariants,
        IReadOnlyList<FundamentalGenerator> generators,
        IReadOnlyList<EquivarianceConstraint<Rational>> constraints,
        IReadOnlyList<CompletenessCheck> completeness,
        bool isCompleteByConstruction,
        int longestWord)
    {
        IsCompleteByConstruction = isCompleteByConstruction;
        LongestWord = longestWord;
        Group = group;
        Inputs = inputs;
        Output = output;
        Options = options;
        Ring = ring;
        Invariants = invariants;
        Generators = generators;
        Constraints = constraints;
        Completeness = completeness;
    }

    /// <summary>The classical group.</summary>
    public ClassicalGroup Group { get; }

    /// <summary>The input summands.</summary>
    public IReadOnlyList<RepresentationExpression> Inputs { get; }

    /// <summary>The output representation.</summary>
    public RepresentationExpression Output { get; }

    /// <summary>The options used.</summary>
    public FirstFundamentalTheoremOptions Options { get; }

    /// <summary>The ring of the input coordinates, named after the inputs (v1_1, p1_2, S1_12, ...).</summary>
    public PolynomialRing<Rational> Ring { get; }

    /// <summary>Generators of the algebra of invariant scalars (the coefficients of the outputs).</summary>
    public IReadOnlyList<FundamentalGenerator> Invariants { get; }

    /// <summary>
    /// Generators of the outputs: for a scalar output the invariants themselves (an algebra); otherwise maps whose
    /// combinations with invariant coefficients give the equivariants (a module over the invariants).
    /// </summary>
    public IReadOnlyList<FundamentalGenerator> Generators { get; }

    /// <summary>Every condition the outputs satisfy: Lie algebra, component-group generators, translations, transpositions.</summary>
    public IReadOnlyList<EquivarianceConstraint<Rational>> Constraints { get; }

    /// <summary>The dimension comparison in each degree up to <see cref="FirstFundamentalTheoremOptions.CompletenessDegree"/>.</summary>
    public IReadOnlyList<CompletenessCheck> Completeness { get; }

    /// <summary>
    /// Whether the sets generate in every degree by construction: true unless <see cref="FirstFundamentalTheoremOptions.MaxWordLength"/>
    /// cut off words or vector concomitants that were not yet redundant, or the permutation option limited the degrees
    /// (orbit sums are formed up to the completeness degree only).
    /// </summary>
    public bool IsCompleteByConstruction { get; }

    /// <summary>The length of the longest word in the tensor inputs that was kept (0 without tensor inputs).</summary>
    public int LongestWord { get; }

    /// <summary>Whether the output is a scalar (the generators form an algebra rather than a module).</summary>
    public bool IsScalarOutput => Output.Equals(RepresentationExpression.Trivial);
}

/// <summary>
/// Generating sets of the invariants and equivariants of vectors, pseudovectors and rank-2 tensors under O(d), SO(d),
/// O(1,d-1) and SO+(1,d-1) from the first fundamental theorem of invariant theory, with exact certificates.
/// </summary>
/// <remarks>
/// <para>
/// Theorem used [Wey39, Ch. II.9 and II.17], [GW09, Thm. 5.2.2 and 5.2.3], as applied to machine learning in [VHSY21]:
/// let J be a nondegenerate symmetric form on K^d (K = R or C) and u_1, ..., u_n vectors. Every polynomial invariant of
/// SO(J) is a polynomial in the inner products &lt;u_a, u_b&gt; = u_a^T J u_b and the brackets det(u_a1, ..., u_ad); every
/// invariant of O(J) is a polynomial in the inner products alone. Real forms: the identity components SO(d) and
/// SO+(1,d-1) are Zariski dense in SO(J, C), so they have the same polynomial invariants. With rank-2 tensors T (acting
/// by g T g^T), the invariants of O(J) are generated by traces tr(W) of words W in the letters T J and T^T J and by the
/// contractions u_a^T J W u_b [Pro76, Thm. 7.1 and Sec. 8].
/// </para>
/// <para>
/// Algorithm: minimal generators degree by degree [DK15, Sec. 3.6], with words extended only from kept words. In degree
/// D the candidates are tr(A U), &lt;u, m&gt;, the words A U and the vector concomitants A m, for letters A, kept words U of
/// length D - 1 and kept vector concomitants m of degree D - 1; a candidate is kept when it is not in the algebra (or
/// module over it) generated by the kept ones, tested by an exact rank in one degree. If W = sum r_i V_i with shorter V_i
/// and invariant r_i, then A W and tr(A W) reduce likewise, so once no word of some length is kept every longer
/// contraction is redundant and the sets generate in all degrees. The trace identities of d x d matrices bound that
/// length by N(d) &lt;= d^2 [Raz74], [Pro76] (N(3) = 6); a general tensor is split into its symmetric part and, for d = 2
/// and 3, its axial part (a pseudoscalar or pseudovector) so that words run over symmetric letters.
/// </para>
/// <para>
/// Components: every generator above is multiplied by +1 or -1 by each component-group generator c (reflection,
/// parity, time reversal), so the invariants of the whole group are spanned by the products whose signs multiply to +1.
/// They are generated by the products of minimal such sequences: single even generators, pairs of odd ones, and for
/// O(1,d-1), whose component group is (Z/2)^2, triples with three different signs. Products with two Levi-Civita factors
/// (brackets, cross products, 2-forms) are left out: the two factors contract to a determinant of inner products, as
/// det(A) det(B) = det(A^T J B) / det J. Pseudovectors (u -&gt; det(g) g u) and outputs of
/// any of these types fit the same rule: the sign of a generator is read off by acting with c exactly.
/// </para>
/// <para>
/// Equivariants (the dual trick): a polynomial map F to W is equivariant exactly when &lt;F(x), w&gt; is an invariant of
/// (x, w) linear in w. Applying the theorem to the inputs plus w gives, as generators over the invariants: vector outputs
/// u_a, W u_a and (SO) the generalized cross products J^-1 (det(e_k, u_1, ..., u_(d-1)))_k; rank-2 outputs
/// alpha beta^T for such vectors alpha, beta, W J^-1 (J^-1 itself for the empty word, the input tensors for length 1)
/// and (SO) the 2-forms J^-1 (det(e_i, e_j, u_1, ..., u_(d-2)))_ij J^-1.
/// </para>
/// <para>
/// Levi-Civita contractions for SO(d) and SO+(1,d-1): eps(X_1, ..., X_k, s_1, ..., s_(d-2k)) with k pairs of slots
/// contracted with X_i = W J^-1 for kept words W and the other slots filled by kept vector concomitants; the contraction is
/// multilinear over the invariants in these pieces, so they suffice. Outputs use the same pieces with one or two free
/// slots (and a word on one side of a 2-form). Hypotheses and limits: characteristic 0; with
/// <see cref="FirstFundamentalTheoremOptions.MaxWordLength"/> set, generation holds in every degree only when the words
/// stopped before the limit (<see cref="FirstFundamentalTheoremResult.IsCompleteByConstruction"/>). The reduced
/// variant (vectors and pseudovectors only) returns &lt;u_a, u_b&gt; for a among the first d vector-like inputs, plus
/// det(u_1, ..., u_d) for SO: when u_1, ..., u_d are linearly independent their Gram matrix G is invertible and every
/// other inner product is determined, &lt;u_a, u_b&gt; = g_a^T G^-1 g_b with g_a = (&lt;u_i, u_a&gt;)_i (rigidity of Gram
/// matrices). That condition is not checked on data.
/// </para>
/// <para>
/// Certificates: every generator is checked exactly against the conditions (Lie algebra derivations, component
/// generators, translations, adjacent transpositions); generation is checked in every degree up to
/// <see cref="FirstFundamentalTheoremOptions.CompletenessDegree"/> by comparing the dimension of the span of the products
/// with the exact dimension of the equivariants of that degree.
/// </para>
/// </remarks>
public static partial class FirstFundamentalTheorem
{
    /// <summary>Largest number of generators produced before the computation stops.</summary>
    public const int MaxGenerators = 20_000;

    /// <summary>Largest value accepted for <see cref="FirstFundamentalTheoremOptions.MaxWordLength"/>.</summary>
    public const int MaxWordLengthLimit = 16;

    /// <summary>Returns the generating sets and their certificate.</summary>
    /// <exception cref="NotSupportedException">An input or the output is not one of the tensor types, or the group has translations (use O(d) with the translation option).</exception>
    /// <exception cref="ArgumentException">The options are invalid (word length outside 0..6, permutations without identical inputs, reduced with tensor inputs).</exception>
    /// <exception cref="InvariantTheoryException">More than <see cref="MaxGenerators"/> generators would be produced, or a span test would exceed the size limit (set a word length).</exception>
    public static FirstFundamentalTheoremResult Compute(
        ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, FirstFundamentalTheoremOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new FirstFundamentalTheoremOptions();
        if (options.MaxWordLength is < 0 or > MaxWordLengthLimit)
        {
            throw new ArgumentException($"The word length must be from 0 to {MaxWordLengthLimit}; got {options.MaxWordLength}. Leave it unset for complete sets.", nameof(options));
        }

        if (options.CompletenessDegree is < 0 or > 12)
        {
            throw new ArgumentException($"The completeness degree must be from 0 to 12; got {options.CompletenessDegree}.", nameof(options));
        }

        // Phase 1: the coordinates and the conditions.
        var builder = new Builder(group, inputs, output, options);

        // Phase 2: generators of the identity component, with their signs under the component generators.
        ct.ThrowIfCancellationRequested();
        var scalars = builder.ScalarCandidates(ct);
        ct.ThrowIfCancellationRequested();
        var invariants = builder.Invariants(scalars);
        ct.ThrowIfCancellationRequested();
        var generators = builder.IsScalarOutput ? invariants : builder.ModuleGenerators(scalars, invariants);

        // Phase 3: invariance under permutations by orbit sums of the products up to the completeness degree.
        if (options.Permutations)
        {
            var groupInvariants = invariants;
            invariants = builder.OrbitSums(groupInvariants, [new("1", builder.ConstantMap(1))], options.CompletenessDegree, ct);
            generators = builder.IsScalarOutput ? invariants : builder.OrbitSums(groupInvariants, generators, options.CompletenessDegree, ct);
        }

        // Phase 4: the dimension check.
        // The reduced scalars determine the others only as rational functions, so they do not span; rigidity is checked instead.
        var completeness = options.Reduced
            ? []
            : CheckCompleteness(builder.Ring, builder.OutputDimension, builder.Constraints, invariants, generators, builder.IsScalarOutput, options.CompletenessDegree, ct);
        bool complete = builder.IsCompleteByConstruction && !options.Permutations && !options.Reduced;
        return new FirstFundamentalTheoremResult(
            group, inputs.ToArray(), output, options, builder.Ring, invariants, generators, builder.Constraints, completeness, complete, builder.LongestWord);
    }

    /// <summary>
    /// Returns the omitted pairs (a, b), both beyond the first d vector-like inputs, for which the rigidity identity
    /// det(G) &lt;u_a, u_b&gt; = g_a^T adj(G) g_b fails as a polynomial identity (empty when every pair passes). G is the Gram
    /// matrix of the first d inputs and g_a = (&lt;u_i, u_a&gt;)_i, so where det(G) is nonzero the reduced scalars determine
    /// every other inner product.
    /// </summary>
    public static IReadOnlyList<string> RigidityFailures(ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(inputs);
        var builder = new Builder(group, inputs, RepresentationExpression.Trivial, new FirstFundamentalTheoremOptions { Reduced = true });
        return builder.RigidityFailures();
    }

    /// <summary>Returns the variable names of the inputs: v1_1.. for vectors, p.. pseudovectors, S.. symmetric and T.. general tensors, s.. scalars, q.. pseudoscalars.</summary>
    public static IReadOnlyList<string> VariableNames(int d, IReadOnlyList<RepresentationExpression> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new Builder.Names(d, inputs).All;
    }

    /// <summary>
    /// Returns the conditions for the group acting on the inputs and output: the Lie algebra basis, the component
    /// generators, with translations one condition per coordinate direction, with permutations the adjacent
    /// transpositions of each run of identical inputs.
    /// </summary>
    public static IReadOnlyList<EquivarianceConstraint<Rational>> Constraints(
        ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, bool translations, bool permutations)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        int d = group.Dimension;
        var input = RepresentationText.Sum(inputs);
        int n = input.Dimension(d);
        int m = output.Dimension(d);
        var field = RationalField.Instance;
        var constraints = new List<EquivarianceConstraint<Rational>>();
        for (int k = 0; k < group.LieAlgebraBasis.Count; k++)
        {
            var x = group.LieAlgebraBasis[k];
            constraints.Add(new(group.LieAlgebraBasisNames[k], ConstraintKind.LieAlgebraElement, input.Differentiate(x), output.Differentiate(x)));
        }

        for (int k = 0; k < group.ComponentGenerators.Count; k++)
        {
            var c = group.ComponentGenerators[k];
            constraints.Add(new(group.ComponentGeneratorNames[k], ConstraintKind.GroupElement, input.Evaluate(c), output.Evaluate(c)));
        }

        var offsets = new int[inputs.Count + 1];
        for (int a = 0; a < inputs.Count; a++)
        {
            offsets[a + 1] = offsets[a] + inputs[a].Dimension(d);
        }

        if (translations)
        {
            var vectors = Enumerable.Range(0, inputs.Count).Where(a => ClassicalTensorKinds.TryClassify(inputs[a]) == ClassicalTensorKind.Vector).ToList();
            if (vectors.Count == 0)
            {
                throw new ArgumentException("Translations act on vector inputs (positions), but there are none.", nameof(translations));
            }

            for (int k = 0; k < d; k++)
            {
                int direction = k;
                var column = Matrix.FromFunction(field, n, 1, (i, _) => vectors.Any(a => i == offsets[a] + direction) ? Rational.One : Rational.Zero);
                constraints.Add(new($"translation e{k + 1}", ConstraintKind.Translation, column, Matrix.Zero(field, m, m)));
            }
        }

        if (permutations)
        {
            int added = 0;
            for (int a = 0; a + 1 < inputs.Count; a++)
            {
                if (!inputs[a].Equals(inputs[a + 1]))
                {
                    continue;
                }

                int size = inputs[a].Dimension(d);
                int first = offsets[a];
                // The swap exchanges the coordinate blocks of inputs a and a + 1 and fixes the others.
                int Swapped(int i)
                {
                    if (i >= first && i < first + size)
                    {
                        return i + size;
                    }

                    if (i >= first + size && i < first + 2 * size)
                    {
                        return i - size;
                    }

                    return i;
                }

                var swap = Matrix.FromFunction(field, n, n, (i, j) => Swapped(i) == j ? Rational.One : Rational.Zero);
                constraints.Add(new($"swap inputs {a + 1},{a + 2}", ConstraintKind.GroupElement, swap, Matrix.Identity(field, m)));
                added++;
            }

            if (added == 0)
            {
                throw new ArgumentException("Permutations need at least two identical consecutive inputs, such as 3*T1.", nameof(permutations));
            }
        }

        return constraints.AsReadOnly();
    }

    /// <summary>
    /// Returns, for each degree up to <paramref name="maxDegree"/>, the dimension of the equivariants and of the span of the
    /// products: monomials in the invariants for a scalar output, monomials in the invariants times a generator otherwise.
    /// </summary>
    public static IReadOnlyList<CompletenessCheck> CheckCompleteness(
        PolynomialRing<Rational> ring,
        int outputDimension,
        IReadOnlyList<EquivarianceConstraint<Rational>> constraints,
        IReadOnlyList<FundamentalGenerator> invariants,
        IReadOnlyList<FundamentalGenerator> generators,
        bool scalarOutput,
        int maxDegree,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(invariants);
        ArgumentNullException.ThrowIfNull(generators);
        var checks = new List<CompletenessCheck>();
        var products = InvariantProducts(ring, invariants.Select(i => i.Map.Components[0]).Where(p => p.TotalDegree > 0).ToList(), maxDegree);
        for (int k = 0; k <= maxDegree; k++)
        {
            ct.ThrowIfCancellationRequested();
            // The rank modulo a prime bounds the dimension from above; the span of exact equivariants bounds it from below.
            int dimension = EquivariantSolver.DimensionUpperBound(ring, outputDimension, constraints, k, ct);
            var span = new List<PolynomialMap<Rational>>();
            if (scalarOutput)
            {
                span.AddRange(products[k].Select(p => new PolynomialMap<Rational>(ring, [p])));
            }
            else
            {
                foreach (var g in generators)
                {
                    int rest = k - g.Degree;
                    if (rest >= 0)
                    {
                        span.AddRange(products[rest].Select(g.Map.Multiply));
                    }
                }
            }

            int spanned = Rank(span);
            if (spanned < dimension)
            {
                dimension = EquivariantSolver.Solve(ring, outputDimension, constraints, k, ct).Count;
            }

            checks.Add(new CompletenessCheck(k, dimension, spanned));
        }

        return checks.AsReadOnly();
    }

    /// <summary>Returns the dimension of the span of homogeneous maps.</summary>
    internal static int Rank(IReadOnlyList<PolynomialMap<Rational>> maps)
    {
        var echelon = new IncrementalRowEchelon<Rational>(RationalField.Instance);
        var columns = new Dictionary<(Monomial, int), int>();
        foreach (var f in maps)
        {
            echelon.TryInsert(Vectorize(f, columns));
        }

        return echelon.Rank;
    }

    /// <summary>Returns the coefficient vector of a map, allocating columns for new (monomial, component) pairs.</summary>
    internal static SparseVector<Rational> Vectorize(PolynomialMap<Rational> f, Dictionary<(Monomial, int), int> columns)
    {
        var entries = new List<KeyValuePair<int, Rational>>();
        for (int j = 0; j < f.OutputDimension; j++)
        {
            var p = f.Components[j];
            for (int t = 0; t < p.TermCount; t++)
            {
                var key = (p.Monomials[t], j);
                if (!columns.TryGetValue(key, out int column))
                {
                    column = columns.Count;
                    columns[key] = column;
                }

                entries.Add(new(column, p.Coefficients[t]));
            }
        }

        return SparseVector.Create(entries);
    }

    /// <summary>Returns, for each degree up to the maximum, the products of the polynomials (monomials in them) of exactly that degree.</summary>
    private static List<Polynomial<Rational>>[] InvariantProducts(PolynomialRing<Rational> ring, IReadOnlyList<Polynomial<Rational>> invariants, int maxDegree)
    {
        var byDegree = new List<Polynomial<Rational>>[maxDegree + 1];
        for (int k = 0; k <= maxDegree; k++)
        {
            byDegree[k] = [];
        }

        byDegree[0].Add(ring.One);

        // Products with non-decreasing generator index: each monomial in the generators once.
        void Extend(int start, Polynomial<Rational> product, int degree)
        {
            for (int i = start; i < invariants.Count; i++)
            {
                int next = degree + invariants[i].TotalDegree;
                if (next > maxDegree)
                {
                    continue;
                }

                var extended = product * invariants[i];
                byDegree[next].Add(extended);
                Extend(i, extended, next);
            }
        }

        Extend(0, ring.One, 0);
        return byDegree;
    }

    /// <summary>Verifies an FFT document: exact conditions on every generator, stored counts, and the dimension check.</summary>
    internal static IReadOnlyList<Certificates.CertificateCheck> Verify(
        System.Text.Json.Nodes.JsonObject document, ClassicalGroup group, IReadOnlyList<RepresentationExpression> inputs, RepresentationExpression output, CancellationToken ct)
    {
        return ClassicalEquivariantDocument.VerifyFundamental(document, group, inputs, output, ct);
    }
}
