using System.Collections.Concurrent;
using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// The polynomial equivariants F: U -&gt; W of a finite matrix group G, F(rho_U(g) x) = rho_W(g) F(x) for all g in G,
/// graded by degree, with the dimension of each degree checked against the character-weighted Molien series.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: the degree-k equivariants are the common fixed space of the generators acting on Sym^k(U^*) ⊗ W by
/// F -&gt; rho_W(g)^-1 F(rho_U(g) x), computed by <see cref="EquivariantSolver"/> without enumerating G. Equivalently they
/// are the invariants of U ⊕ W^* that are linear in the W^* coordinates w, through F -&gt; &lt;F(x), w&gt; (the dual trick).
/// </para>
/// <para>
/// Check: with H the image of G in GL(U) and chi the character of W on H, the dimension of the degree-k equivariants
/// is the coefficient of t^k of (1/|H|) sum over h in H of conj(chi(h)) / det(I - t h) [Sta79, Sec. 3], the convention
/// of <see cref="MatrixGroup{T}.MolienSeries(IReadOnlyList{T}, IProgress{GroupProgress}, CancellationToken)"/>. Over a
/// field of characteristic 0, and over GF(p) when H is non-modular (with chi the Brauer character; see
/// <see cref="IsCountCheckSupported"/>), every degree is checked; a mismatch raises <see cref="InternalErrorException"/>. When U is
/// not faithful, the kernel K of G -&gt; GL(U) may act on W; equivariant maps then take values in W^K, and chi is the
/// character of W^K, which is zero when W^K = 0.
/// </para>
/// <para>Results are cached per degree; the object is immutable and thread-safe.</para>
/// </remarks>
public sealed class EquivariantSpace<T>
    where T : struct, IFieldElement<T>
{
    private readonly ConcurrentDictionary<int, IReadOnlyList<PolynomialMap<T>>> _byDegree = new();
    private readonly Lock _lock = new();
    private MolienSeries? _series;
    private MatrixGroup<T>? _inputGroup;
    private readonly Lazy<bool> _isCountCheckSupported;

    /// <summary>Creates the space of equivariants U -&gt; W for two representations of the same group.</summary>
    /// <param name="input">The representation U that the maps start from.</param>
    /// <param name="output">The representation W that the maps end in.</param>
    /// <param name="variableNames">Names of the coordinates of U; x1, ..., xn when null.</param>
    /// <exception cref="ArgumentException">The representations belong to different groups, or the names do not fit.</exception>
    public EquivariantSpace(GroupRepresentation<T> input, GroupRepresentation<T> output, IReadOnlyList<string>? variableNames = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (!ReferenceEquals(input.Group, output.Group))
        {
            throw new ArgumentException(
                $"The input and output representations belong to different group objects ('{input.Group.Name}' and '{output.Group.Name}'); build both from the same MatrixGroup.",
                nameof(output));
        }

        Input = input;
        Output = output;
        _isCountCheckSupported = new Lazy<bool>(ComputeIsCountCheckSupported, LazyThreadSafetyMode.ExecutionAndPublication);
        Ring = new PolynomialRing<T>(input.Group.Field, variableNames ?? PolynomialRing<T>.DefaultNames(input.Dimension), MonomialOrder.GradedReverseLex);
        if (Ring.VariableCount != input.Dimension)
        {
            throw new ArgumentException($"{Ring.VariableCount} variable names were given for the {input.Dimension} coordinates of U.", nameof(variableNames));
        }

        var constraints = new List<EquivarianceConstraint<T>>();
        for (int k = 0; k < input.GeneratorImages.Count; k++)
        {
            constraints.Add(new EquivarianceConstraint<T>($"generator {k + 1}", ConstraintKind.GroupElement, input.GeneratorImages[k], output.GeneratorImages[k]));
        }

        Constraints = constraints.AsReadOnly();
    }

    /// <summary>Returns the equivariants E_in(V) -&gt; E_out(V) for two expressions in the defining representation V of G.</summary>
    public static EquivariantSpace<T> Create(MatrixGroup<T> group, RepresentationExpression input, RepresentationExpression output) =>
        new(GroupRepresentation<T>.FromExpression(group, input), GroupRepresentation<T>.FromExpression(group, output));

    /// <summary>
    /// Returns the semi-invariants of V for the linear character with chi(g_i) = <paramref name="characterOnGenerators"/>[i]:
    /// the polynomials f with f(g x) = chi(g) f(x), as one-component maps.
    /// </summary>
    public static EquivariantSpace<T> SemiInvariants(MatrixGroup<T> group, IReadOnlyList<T> characterOnGenerators, string name = "chi") =>
        new(GroupRepresentation<T>.FromExpression(group, RepresentationExpression.Standard),
            GroupRepresentation<T>.LinearCharacter(group, characterOnGenerators, name));

    /// <summary>The representation U of the inputs.</summary>
    public GroupRepresentation<T> Input { get; }

    /// <summary>The representation W of the outputs.</summary>
    public GroupRepresentation<T> Output { get; }

    /// <summary>The polynomial ring of the coordinates of U (graded reverse lexicographic order).</summary>
    public PolynomialRing<T> Ring { get; }

    /// <summary>The defining conditions: one per generator g_i, F(rho_U(g_i) x) = rho_W(g_i) F(x).</summary>
    public IReadOnlyList<EquivarianceConstraint<T>> Constraints { get; }

    /// <summary>
    /// Whether dimensions are checked against the weighted Molien series: always over a field of characteristic 0, and
    /// over GF(p) when the image H of G in GL(U) is non-modular (p does not divide |H|), its Brauer lift fits the limits of
    /// <see cref="MatrixGroup{T}.IsMolienSeriesSupported"/>, and H has at most the default enumeration limit of elements.
    /// </summary>
    /// <remarks>Over GF(p) the first call enumerates H and its conjugacy classes. Cached.</remarks>
    public bool IsCountCheckSupported => _isCountCheckSupported.Value;

    /// <summary>The image H of G in GL(U), generated by the input images of the generators.</summary>
    public MatrixGroup<T> InputGroup
    {
        get
        {
            if (Input.IsDefining)
            {
                return Input.Group;
            }

            var cached = Volatile.Read(ref _inputGroup);
            if (cached is null)
            {
                cached = new MatrixGroup<T>(Ring.Field, Input.GeneratorImages, $"{Input.Group.Name}:{Input.Name}");
                Interlocked.CompareExchange(ref _inputGroup, cached, null);
                cached = _inputGroup!;
            }

            return cached;
        }
    }

    /// <summary>
    /// Returns the values of the character of W on the conjugacy classes of <see cref="InputGroup"/>, in their order.
    /// </summary>
    /// <exception cref="InvariantTheoryException">The images do not satisfy the relations of G.</exception>
    public IReadOnlyList<T> OutputCharacter(CancellationToken ct = default) =>
        Array.AsReadOnly(OutputClassMatrices(ct).Select(m => m.Trace()).ToArray());

    /// <summary>
    /// Returns the matrices rho_W(h) of W on the representatives h of the conjugacy classes of <see cref="InputGroup"/>,
    /// in their order.
    /// </summary>
    /// <remarks>
    /// When the kernel K of G -&gt; GL(U) acts nontrivially on W, every equivariant map takes its values in the fixed
    /// space W^K, and the matrices are those of W^K (possibly 0 x 0) in its reduced row echelon basis.
    /// </remarks>
    /// <exception cref="InvariantTheoryException">The images do not satisfy the relations of G.</exception>
    public IReadOnlyList<Matrix<T>> OutputClassMatrices(CancellationToken ct = default)
    {
        var h = InputGroup;
        var classes = h.ComputeConjugacyClasses(null, ct);
        if (Input.IsDefining && Output.Expression is not null)
        {
            return Array.AsReadOnly(classes.Select(c => Output.Expression.Evaluate(c.Representative)).ToArray());
        }

        // The pairs (rho_U(g), rho_W(g)) generate the graph of rho_W on H exactly when it is a function of rho_U(g).
        int n = Input.Dimension;
        int m = Output.Dimension;
        var pairs = Input.GeneratorImages.Zip(Output.GeneratorImages, MatrixConstructions.DirectSum).ToArray();
        var graph = new MatrixGroup<T>(Ring.Field, pairs, $"{Input.Group.Name}:{Input.Name}+{Output.Name}");
        BigInteger graphOrder = graph.Enumerate(null, null, ct);
        (Matrix<T> Basis, IReadOnlyList<int> Pivots)? fixedSpace = null;
        if (graphOrder != h.Order)
        {
            // Elements acting trivially on U form the kernel K; an equivariant map takes its values in W^K, on which
            // the image H of G acts. The count of equivariants U -> W is then the count for U -> W^K.
            fixedSpace = KernelFixedSpace(graph, n, m)
                ?? throw new InvariantTheoryException(
                    $"Equivariants {Input.Name} -> {Output.Name} of group '{Input.Group.Name}': the output images do not define a representation of the group acting on the input "
                    + $"(the pairs (g_U, g_W) generate {graphOrder} elements, the input group has {h.Order}). Check the output images: they do not satisfy the relations of the group.");
        }

        // Only the class representatives keep their output matrix.
        var outputByRepresentative = classes.ToDictionary(c => c.Representative, _ => (Matrix<T>?)null);
        var inputRows = Enumerable.Range(0, n).ToArray();
        var outputRows = Enumerable.Range(n, m).ToArray();
        foreach (var element in graph.Elements)
        {
            ct.ThrowIfCancellationRequested();
            var inputPart = element.Submatrix(inputRows, inputRows);
            if (outputByRepresentative.ContainsKey(inputPart))
            {
                outputByRepresentative[inputPart] = element.Submatrix(outputRows, outputRows);
            }
        }

        var onClasses = classes.Select(c => outputByRepresentative[c.Representative]!);
        if (fixedSpace is { } space)
        {
            onClasses = onClasses.Select(w => RestrictToFixedSpace(w, space.Basis, space.Pivots));
        }

        return Array.AsReadOnly(onClasses.ToArray());
    }

    /// <summary>
    /// Returns the reduced row echelon basis (as rows) of W^K and its pivot columns. W^K is the space of vectors of W
    /// fixed by every element of the kernel K of G -&gt; GL(U). Returns null when K acts trivially on W, because then
    /// the images do not satisfy the group's relations.
    /// </summary>
    private (Matrix<T> Basis, IReadOnlyList<int> Pivots)? KernelFixedSpace(MatrixGroup<T> graph, int n, int m)
    {
        var inputRows = Enumerable.Range(0, n).ToArray();
        var outputRows = Enumerable.Range(n, m).ToArray();
        var identity = Matrix.Identity(Ring.Field, m);
        var conditions = graph.Elements
            .Where(e => e.Submatrix(inputRows, inputRows).IsIdentity)
            .Select(e => e.Submatrix(outputRows, outputRows))
            .Where(w => !w.IsIdentity)
            .SelectMany(w => (w - identity).ToRows())
            .ToList();
        if (conditions.Count == 0)
        {
            return null;
        }

        var fixedVectors = Matrix.Create(Ring.Field, conditions).NullSpace();
        if (fixedVectors.Count == 0)
        {
            return (Matrix.Zero(Ring.Field, 0, m), []);
        }

        var echelon = Matrix.Create(Ring.Field, fixedVectors).ReducedRowEchelon();
        return (echelon.Reduced, echelon.PivotColumns);
    }

    /// <summary>
    /// Returns the matrix of <paramref name="w"/> on the invariant subspace spanned by the rows of the reduced row
    /// echelon matrix <paramref name="basis"/>. Column j contains the coordinates of w b_j, read off at the pivot columns.
    /// </summary>
    private Matrix<T> RestrictToFixedSpace(Matrix<T> w, Matrix<T> basis, IReadOnlyList<int> pivots)
    {
        int r = basis.RowCount;
        if (r == 0)
        {
            return Matrix.Create(Ring.Field, Array.Empty<IReadOnlyList<T>>());
        }

        var rows = basis.ToRows();
        var images = rows.Select(w.Multiply).ToList();
        var entries = new IReadOnlyList<T>[r];
        for (int i = 0; i < r; i++)
        {
            entries[i] = Enumerable.Range(0, r).Select(j => images[j][pivots[i]]).ToArray();
        }

        return Matrix.Create(Ring.Field, entries);
    }

    /// <summary>
    /// Returns the character-weighted Molien series (1/|H|) sum over h in H of conj(chi_W(h)) / det(I - t h), whose
    /// coefficient of t^k is the dimension of the degree-k equivariants.
    /// </summary>
    /// <remarks>Over GF(p) chi is the Brauer character of W (see <see cref="MatrixGroup{T}.MolienSeries(IReadOnlyList{Matrix{T}}, IProgress{GroupProgress}, CancellationToken)"/>).</remarks>
    /// <exception cref="NotSupportedException">The check is not supported (see <see cref="IsCountCheckSupported"/>).</exception>
    /// <exception cref="InvariantTheoryException">W is not a representation of the image of G on U.</exception>
    public MolienSeries WeightedMolienSeries(CancellationToken ct = default)
    {
        var cached = Volatile.Read(ref _series);
        if (cached is not null)
        {
            return cached;
        }

        if (!IsCountCheckSupported)
        {
            throw new NotSupportedException(
                $"The weighted Molien series of '{Input.Group.Name}' over {Ring.Field.Name} is not available: the image of the group in GL(U) is modular "
                + "(p divides its order), too large to enumerate, or beyond the limits of the Brauer lift. Define the group over Q or Q(zeta_n).");
        }

        var onClasses = OutputClassMatrices(ct);
        var series = onClasses.Count > 0 && onClasses[0].RowCount == 0
            ? MolienSeries.ZeroWeighted(InputGroup.Order, Input.Dimension)
            : InputGroup.MolienSeries(onClasses, null, ct);
        lock (_lock)
        {
            _series ??= series;
            return _series;
        }
    }

    private bool ComputeIsCountCheckSupported()
    {
        if (Ring.Field.Characteristic.IsZero)
        {
            return true;
        }

        try
        {
            return InputGroup.IsMolienSeriesSupported;
        }
        catch (GroupOrderLimitException)
        {
            // Without the group elements there are no conjugacy classes; the dimensions then come from linear algebra alone.
            return false;
        }
    }

    /// <summary>
    /// Returns the canonical basis of the homogeneous equivariants of degree <paramref name="degree"/>: the reduced row
    /// echelon form of their coefficient vectors, unknowns ordered by monomial (largest first in the ring's order) and
    /// then by output coordinate.
    /// </summary>
    /// <remarks>
    /// Algorithm: see <see cref="EquivariantSpace{T}"/>. When <see cref="IsCountCheckSupported"/> holds, the number of
    /// elements is compared with the weighted Molien series. Cached per degree.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degree"/> is negative.</exception>
    /// <exception cref="InternalErrorException">The dimension differs from the Molien coefficient (a bug).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public IReadOnlyList<PolynomialMap<T>> OfDegree(int degree, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        if (_byDegree.TryGetValue(degree, out var known))
        {
            return known;
        }

        var basis = EquivariantSolver.Solve(Ring, Output.Dimension, Constraints, degree, ct);
        if (IsCountCheckSupported)
        {
            var expected = WeightedMolienSeries(ct).Coefficient(degree);
            if (expected != basis.Count)
            {
                throw new InternalErrorException(
                    $"Equivariants {Input.Name} -> {Output.Name} of group '{Input.Group.Name}' in degree {degree}: linear algebra found {basis.Count}, "
                    + $"the weighted Molien series predicts {expected}.");
            }
        }

        return _byDegree.GetOrAdd(degree, basis);
    }

    /// <summary>Returns the names of the conditions that <paramref name="map"/> violates (empty when it is equivariant).</summary>
    public IReadOnlyList<string> ViolatedConstraints(PolynomialMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Constraints.Where(c => !c.IsSatisfiedBy(map)).Select(c => c.Name).ToList().AsReadOnly();
    }
}
