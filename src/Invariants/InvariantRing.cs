using System.Diagnostics;
using System.Numerics;
using InvTheory.Invariants.Computation;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Invariants;

/// <summary>
/// The ring of invariants K[x_1, ..., x_n]^G of a finite matrix group G acting by f(x) -&gt; f(g x), in the
/// non-modular case (the characteristic of K does not divide |G|): its homogeneous components, Reynolds operator,
/// primary, secondary and fundamental invariants, and the relations among the fundamental invariants.
/// </summary>
/// <remarks>
/// <para>
/// The polynomials live in K[x1, ..., xn] with the graded reverse lexicographic order. Every basis of a homogeneous
/// component is the reduced echelon basis for that order (leading coefficients 1, leading monomials decreasing), and
/// every search is deterministic, so the same group gives the same output on every run.
/// </para>
/// <para>
/// Results are computed on first request and cached, and the methods are thread-safe. The computations check the
/// dimension of each homogeneous component against the Molien series (over GF(p), that of a Brauer lift) and raise
/// <see cref="InvariantRingInternalException"/> on a mismatch. Only when the Brauer lift exceeds its limits (see
/// <see cref="MatrixGroup{T}.IsMolienSeriesSupported"/>) do the dimensions come from the computed bases alone. Long computations report <see cref="InvariantProgress"/> and observe
/// cancellation between degrees.
/// </para>
/// </remarks>
public sealed class InvariantRing<T>
    where T : struct, IFieldElement<T>
{
    private readonly Lock _gate = new();
    private readonly MolienSeries? _molien;
    private PrimarySystem? _primary;
    private List<SecondaryInvariant<T>>? _secondary;
    private IReadOnlyList<Polynomial<T>>? _fundamental;
    private GroebnerBasis<T>? _relations;
    private GroebnerBasis<T>? _primaryIdeal;

    /// <summary>Creates the invariant ring of <paramref name="group"/>; enumerates the group and computes its Molien series.</summary>
    /// <exception cref="InvariantRingLimitException">The group order exceeds <see cref="InvariantRingOptions.MaxGroupOrder"/>.</exception>
    /// <exception cref="ModularInvariantRingException">The characteristic of the field divides the group order.</exception>
    public InvariantRing(MatrixGroup<T> group, InvariantRingOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
        Options = options ?? InvariantRingOptions.Default;
        try
        {
            Order = group.Enumerate(new GroupEnumerationOptions { MaxOrder = Options.MaxGroupOrder }, null, ct);
        }
        catch (GroupOrderLimitException)
        {
            throw new InvariantRingLimitException(
                $"Invariant ring of '{group.Name}': the group has more than {Options.MaxGroupOrder} elements. "
                + $"Raise the limit with {Options.MaxGroupOrderOptionName}.",
                Options.MaxGroupOrderOptionName);
        }

        var characteristic = group.Field.Characteristic;
        if (!characteristic.IsZero && (Order % characteristic).IsZero)
        {
            throw new ModularInvariantRingException(characteristic, Order);
        }

        // Over GF(p) the Molien series is that of a Brauer lift. When the lift exceeds its limits (see
        // IsMolienSeriesSupported), the dimensions come from the computed bases and are not cross-checked. The certificate
        // then rests on the rank of the module over the primaries.
        _molien = group.IsMolienSeriesSupported ? group.MolienSeries(null, ct) : null;
        Ring = new PolynomialRing<T>(group.Field, group.Dimension, MonomialOrder.GradedReverseLex);
        Spaces = new InvariantSpaces<T>(Ring, group.Generators, _molien is null ? null : MolienCoefficient, ReynoldsBasis);
        Reynolds = new ReynoldsOperator<T>(this);
    }

    /// <summary>The group.</summary>
    public MatrixGroup<T> Group { get; }

    /// <summary>The options of the computation.</summary>
    public InvariantRingOptions Options { get; }

    /// <summary>The group order |G|.</summary>
    public BigInteger Order { get; }

    /// <summary>The polynomial ring K[x1, ..., xn] with the graded reverse lexicographic order.</summary>
    public PolynomialRing<T> Ring { get; }

    /// <summary>
    /// The Molien series of the group, the Hilbert series of the invariant ring (over GF(p), that of a Brauer lift); null
    /// when the lift exceeds its limits, where only <see cref="HilbertFunction"/> is available.
    /// </summary>
    public MolienSeries? MolienSeries => _molien;

    /// <summary>The Reynolds operator of the group.</summary>
    public ReynoldsOperator<T> Reynolds { get; }

    /// <summary>Whether every generator is a monomial matrix, so that bases come from orbit sums.</summary>
    public bool IsMonomialGroup => Spaces.IsMonomialGroup;

    internal InvariantSpaces<T> Spaces { get; }

    /// <summary>Returns the dimension of the invariants of degree <paramref name="degree"/>: the coefficient of t^degree of the Molien series.</summary>
    /// <exception cref="NotSupportedException">The Molien series is not available (<see cref="MolienSeries"/> is null); use <see cref="HilbertFunction"/>.</exception>
    public int MolienCoefficient(int degree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        if (_molien is null)
        {
            throw new NotSupportedException($"The Molien series over {Ring.Field.Name} is not available; use HilbertFunction for the dimensions.");
        }

        var c = _molien.Coefficient(degree);
        return c <= int.MaxValue
            ? (int)c
            : throw new InvariantRingLimitException(
                $"Invariants of degree {degree}: the space has dimension {c}, beyond what the computation supports. "
                + $"Lower the degree or {Options.MaxDegreeOptionName}.",
                Options.MaxDegreeOptionName);
    }

    /// <summary>
    /// Returns the dimension of the invariants of degree <paramref name="degree"/>: the Molien coefficient, or the size of
    /// the computed basis when the Molien series is not available.
    /// </summary>
    public int HilbertFunction(int degree, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        CheckDegree(degree, "Dimension of the invariants of degree " + degree);
        return Spaces.Dimension(degree, ct);
    }

    /// <summary>
    /// Returns the reduced echelon basis of the homogeneous invariants of degree <paramref name="degree"/> (leading
    /// coefficients 1, leading monomials decreasing in grevlex). Its size is the Molien coefficient.
    /// </summary>
    /// <remarks>Algorithm: see <see cref="InvariantAlgorithm"/>. Cached for <see cref="InvariantAlgorithm.Auto"/>.</remarks>
    /// <exception cref="InvariantRingLimitException"><paramref name="degree"/> exceeds <see cref="InvariantRingOptions.MaxDegree"/>.</exception>
    /// <exception cref="InvariantRingInternalException">The basis size differs from the Molien coefficient (a bug).</exception>
    public IReadOnlyList<Polynomial<T>> InvariantsOfDegree(int degree, InvariantAlgorithm algorithm = InvariantAlgorithm.Auto, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        CheckDegree(degree, "Invariants of degree " + degree);
        return Spaces.Polynomials(degree, algorithm, ct);
    }

    /// <summary>
    /// Returns primary invariants: a homogeneous system of parameters with the smallest product of degrees (then the
    /// smallest sum) that the search finds, degrees non-decreasing.
    /// </summary>
    /// <remarks>Algorithm: Kemper's degree-guided search [Kem96], see <c>PrimaryInvariantSearch</c>. Cached.</remarks>
    /// <exception cref="InvariantRingLimitException">No system with degrees up to <see cref="InvariantRingOptions.MaxDegree"/> exists.</exception>
    public IReadOnlyList<Polynomial<T>> PrimaryInvariants(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default) =>
        Primary(progress, ct).Invariants;

    /// <summary>
    /// Returns the coefficients of Molien(t) * prod (1 - t^d_i) for the primary degrees d_i: the number of secondary
    /// invariants of each degree.
    /// </summary>
    public IReadOnlyList<BigInteger> SecondaryDegreeCounts(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default) =>
        Primary(progress, ct).Numerator;

    /// <summary>
    /// Returns secondary invariants: 1 first, then homogeneous invariants with degrees non-decreasing, forming a basis
    /// of the invariant ring as a free module over the algebra of the primary invariants (Hironaka decomposition).
    /// </summary>
    /// <remarks>Algorithm: normal forms modulo the primaries' ideal, products first [DK15, Alg. 3.7.2], [Kin07]. Cached.</remarks>
    public IReadOnlyList<Polynomial<T>> SecondaryInvariants(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default) =>
        [.. Secondary(progress, ct).Select(s => s.Polynomial)];

    /// <summary>Returns the irreducible secondary invariants: those that are not products of secondary invariants of lower degree.</summary>
    public IReadOnlyList<Polynomial<T>> IrreducibleSecondaryInvariants(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default) =>
        [.. Secondary(progress, ct).Where(s => s.IsIrreducible).Select(s => s.Polynomial)];

    /// <summary>
    /// Returns fundamental invariants: a minimal homogeneous generating set of the invariant ring as a K-algebra, degrees
    /// non-decreasing. The degrees are unique; the polynomials are the first suitable reduced echelon basis elements.
    /// </summary>
    /// <remarks>
    /// Algorithm: King's degree-by-degree method with linear algebra [Kin13], up to the largest degree of a primary or
    /// secondary invariant. Cached.
    /// </remarks>
    public IReadOnlyList<Polynomial<T>> FundamentalInvariants(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_fundamental is not null)
            {
                return _fundamental;
            }
        }

        var primaries = PrimaryInvariants(progress, ct);
        var secondaries = Secondary(progress, ct);
        int bound = Math.Max(primaries.Count == 0 ? 0 : primaries.Max(p => p.TotalDegree), secondaries.Max(s => s.Degree));
        var fundamental = FundamentalInvariantSearch.Run(Spaces, bound, progress, ct);
        lock (_gate)
        {
            _fundamental ??= fundamental;
            return _fundamental;
        }
    }

    /// <summary>
    /// Returns the ideal of relations among the fundamental invariants f_1..f_m: the kernel of K[y1..ym] -&gt; K[x],
    /// y_i -&gt; f_i, as a reduced Groebner basis in grevlex on y1..ym.
    /// </summary>
    /// <remarks>Algorithm: elimination from the graph ideal (y_i - f_i) [CLO15, Ch. 7 Sec. 4, Prop. 3]. Cached.</remarks>
    public GroebnerBasis<T> RelationIdeal(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_relations is not null)
            {
                return _relations;
            }
        }

        var fundamental = FundamentalInvariants(progress, ct);
        progress?.Report(new InvariantProgress("relations", 0, 0, -1));
        GroebnerBasis<T> relations;
        if (fundamental.Count == 0)
        {
            var emptyRing = new PolynomialRing<T>(Ring.Field, [], MonomialOrder.GradedReverseLex);
            relations = Groebner.Compute(emptyRing, [], null, null, ct);
        }
        else
        {
            relations = Groebner.Relations(fundamental, null, null, null, null, ct);
        }

        lock (_gate)
        {
            _relations ??= relations;
            return _relations;
        }
    }

    /// <summary>
    /// Computes the primary, secondary, irreducible secondary and fundamental invariants (and, with
    /// <see cref="InvariantRingOptions.ComputeRelations"/>, the relations) and returns them with the time of each phase.
    /// </summary>
    public InvariantRingResult<T> Compute(IProgress<InvariantProgress>? progress = null, CancellationToken ct = default)
    {
        var timings = new List<PhaseTiming>();
        var clock = Stopwatch.StartNew();
        TimeSpan Lap()
        {
            var elapsed = clock.Elapsed;
            clock.Restart();
            return elapsed;
        }

        var primary = PrimaryInvariants(progress, ct);
        timings.Add(new PhaseTiming("primary", Lap()));
        var secondary = SecondaryInvariants(progress, ct);
        var irreducible = IrreducibleSecondaryInvariants(progress, ct);
        timings.Add(new PhaseTiming("secondary", Lap()));
        var fundamental = FundamentalInvariants(progress, ct);
        timings.Add(new PhaseTiming("fundamental", Lap()));
        GroebnerBasis<T>? relations = null;
        if (Options.ComputeRelations)
        {
            relations = RelationIdeal(progress, ct);
            timings.Add(new PhaseTiming("relations", Lap()));
        }

        return new InvariantRingResult<T>(this, primary, SecondaryDegreeCounts(progress, ct), secondary, irreducible, fundamental, relations, timings);
    }

    /// <summary>Returns the Groebner basis (grevlex) of the ideal the primary invariants generate in K[x].</summary>
    internal GroebnerBasis<T> PrimaryIdeal(IProgress<InvariantProgress>? progress, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_primaryIdeal is not null)
            {
                return _primaryIdeal;
            }
        }

        var primaries = PrimaryInvariants(progress, ct);
        var ideal = Groebner.Compute(Ring, primaries, null, null, ct);
        lock (_gate)
        {
            _primaryIdeal ??= ideal;
            return _primaryIdeal;
        }
    }

    private PrimarySystem Primary(IProgress<InvariantProgress>? progress, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_primary is not null)
            {
                return _primary;
            }
        }

        var search = new PrimaryInvariantSearch<T>(Spaces, Order, degrees => SecondaryDegreeCounts(degrees, ct), Options);
        var (invariants, numerator) = search.Run(progress, ct);
        var system = new PrimarySystem(invariants, numerator);
        lock (_gate)
        {
            _primary ??= system;
            return _primary;
        }
    }

    private List<SecondaryInvariant<T>> Secondary(IProgress<InvariantProgress>? progress, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_secondary is not null)
            {
                return _secondary;
            }
        }

        var counts = SecondaryDegreeCounts(progress, ct);
        int top = counts.Count - 1;
        CheckDegree(top, "Secondary invariants");
        var ideal = PrimaryIdeal(progress, ct);
        var secondary = SecondaryInvariantSearch.Run(Spaces, ideal, counts, progress, ct);
        lock (_gate)
        {
            _secondary ??= secondary;
            return _secondary;
        }
    }

    private void CheckDegree(int degree, string operation)
    {
        if (degree > Options.MaxDegree)
        {
            throw new InvariantRingLimitException(
                $"{operation}: degree {degree} exceeds the maximum degree {Options.MaxDegree}. Raise the limit with {Options.MaxDegreeOptionName}.",
                Options.MaxDegreeOptionName);
        }
    }

    /// <summary>Returns the reduced echelon basis of degree d spanned by Reynolds images of monomials over all group elements.</summary>
    private List<SparseTerms<T>> ReynoldsBasis(int degree, CancellationToken ct)
    {
        // Without the Molien series every monomial is tried.
        int expected = _molien is null ? int.MaxValue : MolienCoefficient(degree);
        var level = Spaces.Table[degree];
        var echelon = new IncrementalRowEchelon<T>(Ring.Field);
        for (int u = 0; u < level.Count && echelon.Rank < expected; u++)
        {
            var image = Reynolds.Apply(Ring.Term(Ring.Field.One, level.Monomials[u]), ct);
            if (!image.IsZero)
            {
                var terms = Spaces.ToTerms(image, degree);
                echelon.TryInsert(SparseVector.FromSorted(terms.Indices, terms.Values));
            }
        }

        return [.. echelon.ToReducedBasis().Select(v => new SparseTerms<T>([.. v.Indices], [.. v.Values]))];
    }

    /// <summary>
    /// Returns the coefficients of H(t) * prod (1 - t^d_i) for the Hilbert series H of the invariant ring, or null when
    /// the degrees fail a necessary condition. With the Molien series this is an exact polynomial division. Without it the
    /// coefficients come from the dimensions up to sum d_i - n, the degree bound of the numerator in the non-modular case,
    /// and they must add up to prod d_i / |G|, the rank of the invariant ring over the primaries' algebra.
    /// </summary>
    private BigInteger[]? SecondaryDegreeCounts(IReadOnlyList<int> degrees, CancellationToken ct)
    {
        if (_molien is not null)
        {
            var product = SeriesArithmetic.Multiply(_molien.ReducedNumerator, SeriesArithmetic.ProductOfOneMinusPowers(degrees));
            return SeriesArithmetic.TryExactDivide(product, _molien.ReducedDenominator);
        }

        var rank = BigInteger.DivRem(degrees.Aggregate(BigInteger.One, (p, d) => p * d), Order, out var remainder);
        int top = degrees.Sum() - degrees.Count;
        if (!remainder.IsZero || top > Options.MaxDegree)
        {
            return null;
        }

        var counts = new BigInteger[top + 1];
        for (int k = 0; k <= top; k++)
        {
            counts[k] = Spaces.Dimension(k, ct);
        }

        foreach (int d in degrees)
        {
            for (int k = top; k >= d; k--)
            {
                counts[k] -= counts[k - d];
            }
        }

        var sum = counts.Aggregate(BigInteger.Zero, (a, b) => a + b);
        return counts.All(c => c.Sign >= 0) && sum == rank ? SeriesArithmetic.Trim(counts) : null;
    }

    private sealed record PrimarySystem(IReadOnlyList<Polynomial<T>> Invariants, IReadOnlyList<BigInteger> Numerator);
}

/// <summary>The time one phase of an invariant-ring computation took.</summary>
/// <param name="Phase">The phase: <c>primary</c>, <c>secondary</c>, <c>fundamental</c> or <c>relations</c>.</param>
/// <param name="Elapsed">The wall-clock time.</param>
public readonly record struct PhaseTiming(string Phase, TimeSpan Elapsed);

/// <summary>The computed description of an invariant ring: primary, secondary and fundamental invariants and optional relations.</summary>
public sealed class InvariantRingResult<T>
    where T : struct, IFieldElement<T>
{
    internal InvariantRingResult(
        InvariantRing<T> ring,
        IReadOnlyList<Polynomial<T>> primary,
        IReadOnlyList<BigInteger> secondaryDegreeCounts,
        IReadOnlyList<Polynomial<T>> secondary,
        IReadOnlyList<Polynomial<T>> irreducibleSecondary,
        IReadOnlyList<Polynomial<T>> fundamental,
        GroebnerBasis<T>? relations,
        IReadOnlyList<PhaseTiming> timings)
    {
        InvariantRing = ring;
        PrimaryInvariants = primary;
        SecondaryDegreeCounts = secondaryDegreeCounts;
        SecondaryInvariants = secondary;
        IrreducibleSecondaryInvariants = irreducibleSecondary;
        FundamentalInvariants = fundamental;
        Relations = relations;
        Timings = timings;
    }

    /// <summary>The invariant ring the result describes.</summary>
    public InvariantRing<T> InvariantRing { get; }

    /// <summary>The primary invariants, degrees non-decreasing.</summary>
    public IReadOnlyList<Polynomial<T>> PrimaryInvariants { get; }

    /// <summary>The coefficients of Molien(t) * prod (1 - t^d_i): the number of secondary invariants of each degree.</summary>
    public IReadOnlyList<BigInteger> SecondaryDegreeCounts { get; }

    /// <summary>The secondary invariants, 1 first.</summary>
    public IReadOnlyList<Polynomial<T>> SecondaryInvariants { get; }

    /// <summary>The irreducible secondary invariants.</summary>
    public IReadOnlyList<Polynomial<T>> IrreducibleSecondaryInvariants { get; }

    /// <summary>The fundamental invariants (a minimal generating set), degrees non-decreasing.</summary>
    public IReadOnlyList<Polynomial<T>> FundamentalInvariants { get; }

    /// <summary>The ideal of relations among the fundamental invariants, or null when it was not requested.</summary>
    public GroebnerBasis<T>? Relations { get; }

    /// <summary>The time of each phase, in the order they ran.</summary>
    public IReadOnlyList<PhaseTiming> Timings { get; }
}
