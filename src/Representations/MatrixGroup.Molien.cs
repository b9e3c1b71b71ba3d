using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations;

/// <content>Molien series.</content>
public sealed partial class MatrixGroup<T>
{
    private MolienSeries? _molienSeries;

    /// <summary>
    /// Whether <see cref="MolienSeries(IProgress{GroupProgress}, CancellationToken)"/> is supported: the field has
    /// characteristic 0, or it is GF(p), p does not divide |G| (the non-modular case), and the Brauer lift fits the
    /// limits: the exponent m of G is at most <see cref="CyclotomicField.MaxOrder"/> and the multiplicative order of p
    /// mod m is at most 100.
    /// </summary>
    /// <remarks>
    /// Over GF(p) this enumerates the group and its conjugacy classes, like <see cref="Order"/> and
    /// <see cref="Exponent"/>. In the modular case (p divides |G|) the Molien series does not give the dimensions of
    /// the invariants, so it is not computed.
    /// </remarks>
    /// <exception cref="GroupOrderLimitException">Over GF(p): the group has more elements than the default enumeration limit.</exception>
    public bool IsMolienSeriesSupported => MolienSupportProblem() is null;

    /// <summary>
    /// Returns the Molien series (1/|G|) sum over g in G of 1 / det(I - t g), whose coefficient of t^k is the
    /// dimension of the invariant polynomials of degree k. Over GF(p) with p not dividing |G| it is the Molien series of
    /// a Brauer lift of G to characteristic 0, which is the Hilbert series of the invariant ring.
    /// </summary>
    /// <remarks>
    /// Algorithm: summation over conjugacy classes with one characteristic polynomial per class
    /// [Mol97], [Sta79, Sec. 2]; see <see cref="Representations.MolienSeries"/> for the output forms and checks.
    /// Over GF(p) the eigenvalues of each class representative come from null spaces over GF(p^k), where k is the
    /// multiplicative order of p modulo the exponent m of G. A fixed element of order m in GF(p^k) lifts them to
    /// complex m-th roots of unity [Sing-finvar] (see the internal BrauerLift type).
    /// Cached after the first call.
    /// </remarks>
    /// <exception cref="NotSupportedException">
    /// The field is GF(p) and p divides |G| (the modular case), or the Brauer lift exceeds its limits (see
    /// <see cref="IsMolienSeriesSupported"/>).
    /// </exception>
    /// <exception cref="InternalErrorException">A sanity check failed, which points to a bug.</exception>
    public MolienSeries MolienSeries(IProgress<GroupProgress>? progress = null, CancellationToken ct = default)
    {
        RequireMolienSupport();
        var cached = Volatile.Read(ref _molienSeries);
        if (cached is not null)
        {
            return cached;
        }

        // Classes first, outside the lock section below, so that their progress and cancellation apply.
        GetClasses(progress, ct);
        lock (_lock)
        {
            cached = _molienSeries;
            if (cached is not null)
            {
                return cached;
            }

            var result = Field.Characteristic.IsZero
                ? MolienSeriesComputation.Compute(this, null, progress, ct)
                : MolienSeriesComputation.ComputeBrauerLift(AsPrimeFieldGroup(), null, CreateBrauerLift(), progress, ct);
            Volatile.Write(ref _molienSeries, result);
            return result;
        }
    }

    /// <summary>
    /// Returns the character-weighted Molien series (1/|G|) sum over g in G of conj(chi(g)) / det(I - t g).
    /// Its coefficient of t^k is the dimension of the degree-k polynomial equivariants F: V -&gt; W with
    /// F(g x) = rho(g) F(x), where W is the representation with character chi; for the trivial character it is
    /// the Molien series.
    /// </summary>
    /// <param name="character">The values of chi on the classes, in the order of <see cref="ConjugacyClasses"/>.</param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="ct">Cancels the computation.</param>
    /// <remarks>Algorithm: as for the Molien series, with class weights conj(chi(C)). Not cached.</remarks>
    /// <exception cref="ArgumentException">
    /// The number of values differs from the number of classes, a value lies outside the field, or the values fail
    /// a necessary condition for a character: chi(1) a positive integer and &lt;chi, chi&gt; a positive integer.
    /// </exception>
    /// <exception cref="NotSupportedException">
    /// The field has positive characteristic, where values in GF(p) do not determine the lifted character; use
    /// <see cref="MolienSeries(IReadOnlyList{Matrix{T}}, IProgress{GroupProgress}, CancellationToken)"/>.
    /// </exception>
    public MolienSeries MolienSeries(IReadOnlyList<T> character, IProgress<GroupProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(character);
        if (!Field.Characteristic.IsZero)
        {
            throw new NotSupportedException(
                $"The character-weighted Molien series of group '{Name}' over {Field.Name} needs the Brauer character, which character values in {Field.Name} "
                + "do not determine. Pass the matrices of the representation on the class representatives instead.");
        }

        var classes = ComputeConjugacyClasses(progress, ct);
        if (character.Count != classes.Count)
        {
            throw new ArgumentException(
                $"The character of group '{Name}' needs one value per conjugacy class ({classes.Count}); got {character.Count}.", nameof(character));
        }

        T innerProduct = default;
        for (int c = 0; c < classes.Count; c++)
        {
            if (!Field.Contains(character[c]))
            {
                throw new ArgumentException($"Character value {c} ({character[c]}) does not lie in {Field.Name}.", nameof(character));
            }

            innerProduct += Field.FromInteger(classes[c].Size) * character[c] * Field.Conjugate(character[c]);
        }

        innerProduct /= Field.FromInteger(Order);
        if (!RationalCoordinates.TryGetRational(Field, character[0], out var degree) || !degree.IsInteger || degree.Sign <= 0)
        {
            throw new ArgumentException(
                $"The value on the identity class, chi(1) = {Field.Format(character[0])}, must be a positive integer (the degree of the representation).",
                nameof(character));
        }

        if (!RationalCoordinates.TryGetRational(Field, innerProduct, out var norm) || !norm.IsInteger || norm.Sign <= 0)
        {
            throw new ArgumentException(
                $"The class function is not a character of group '{Name}': <chi, chi> = {Field.Format(innerProduct)} is not a positive integer.",
                nameof(character));
        }

        return MolienSeriesComputation.Compute(this, character, progress, ct);
    }

    /// <summary>
    /// Returns the character-weighted Molien series (1/|G|) sum over g in G of conj(chi(g)) / det(I - t g) for the
    /// representation W whose matrices on the class representatives are given, with chi the character of W (over
    /// GF(p), its Brauer character). The coefficient of t^k is the dimension of the degree-k polynomial equivariants
    /// F: V -&gt; W with F(g x) = rho(g) F(x).
    /// </summary>
    /// <param name="representationOnClasses">
    /// The matrices rho(g_C) of W on the representatives of <see cref="ConjugacyClasses"/>, in their order.
    /// </param>
    /// <param name="progress">Receives progress reports.</param>
    /// <param name="ct">Cancels the computation.</param>
    /// <remarks>
    /// Algorithm: in characteristic 0 the weights are the traces, as for the character overload. Over GF(p), p not
    /// dividing |G|, the eigenvalues of rho(g_C) are lifted with the same element of order m as those of g_C, which
    /// gives the Brauer character [Sing-finvar]. Not cached.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The number of matrices differs from the number of classes, the matrices are not square of one size over the
    /// field, or (over GF(p)) a matrix does not satisfy rho(g_C)^o = 1 for the element order o of its class.
    /// </exception>
    /// <exception cref="NotSupportedException">The field is GF(p) and p divides |G|, or the Brauer lift exceeds its limits.</exception>
    public MolienSeries MolienSeries(IReadOnlyList<Matrix<T>> representationOnClasses, IProgress<GroupProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(representationOnClasses);
        RequireMolienSupport();
        var classes = ComputeConjugacyClasses(progress, ct);
        if (representationOnClasses.Count != classes.Count)
        {
            throw new ArgumentException(
                $"The representation of group '{Name}' needs one matrix per conjugacy class ({classes.Count}); got {representationOnClasses.Count}.",
                nameof(representationOnClasses));
        }

        int size = representationOnClasses.Count == 0 ? 0 : representationOnClasses[0].RowCount;
        for (int c = 0; c < classes.Count; c++)
        {
            var matrix = representationOnClasses[c];
            if (matrix is null || !matrix.IsSquare || matrix.RowCount != size || !matrix.Field.Equals(Field))
            {
                throw new ArgumentException(
                    $"The matrix of class {c} must be a square {size} x {size} matrix over {Field.Name}; got {(matrix is null ? "null" : $"{matrix.RowCount} x {matrix.ColumnCount} over {matrix.Field.Name}")}.",
                    nameof(representationOnClasses));
            }
        }

        if (Field.Characteristic.IsZero)
        {
            return MolienSeries([.. representationOnClasses.Select(m => m.Trace())], progress, ct);
        }

        var matrices = representationOnClasses.Select(m => (Matrix<ModInt>)(object)m).ToArray();
        return MolienSeriesComputation.ComputeBrauerLift(AsPrimeFieldGroup(), matrices, CreateBrauerLift(), progress, ct);
    }

    /// <summary>Returns the Molien series over GF(p) with a chosen Brauer lift, for tests that the choice does not matter.</summary>
    internal MolienSeries BrauerLiftMolienSeries(int irreducibleIndex, int unitIndex, CancellationToken ct = default)
    {
        RequireMolienSupport();
        if (Field.Characteristic.IsZero)
        {
            throw new InvalidOperationException($"Group '{Name}' is over {Field.Name}, which has characteristic 0; a Brauer lift needs GF(p).");
        }

        return MolienSeriesComputation.ComputeBrauerLift(AsPrimeFieldGroup(), null, CreateBrauerLift(irreducibleIndex, unitIndex), null, ct);
    }

    private MatrixGroup<ModInt> AsPrimeFieldGroup() => (MatrixGroup<ModInt>)(object)this;

    private BrauerLift CreateBrauerLift(int irreducibleIndex = 0, int unitIndex = 0) =>
        new((ulong)Field.Characteristic, (int)Exponent, irreducibleIndex, unitIndex);

    private void RequireMolienSupport()
    {
        if (MolienSupportProblem() is { } problem)
        {
            throw new NotSupportedException($"Molien series of group '{Name}' over {Field.Name}: {problem}");
        }
    }

    // Returns why the Molien series is not available, or null when it is.
    private string? MolienSupportProblem()
    {
        if (Field.Characteristic.IsZero)
        {
            return null;
        }

        if (Field is not PrimeField)
        {
            return "only Q, Q(zeta_n) and GF(p) are supported.";
        }

        if ((Order % Field.Characteristic).IsZero)
        {
            return $"the characteristic {Field.Characteristic} divides |G| = {Order} (the modular case), "
                + $"where the Molien series does not give the dimensions of the invariants. Define the group over Q, or over GF(p) for a prime p that does not divide {Order}.";
        }

        var exponent = Exponent;
        if (exponent > CyclotomicField.MaxOrder)
        {
            return $"the Brauer lift needs Q(zeta_m) for the exponent m = {exponent} of the group, above the supported {CyclotomicField.MaxOrder}.";
        }

        int degree = BrauerLift.ExtensionDegreeFor((ulong)Field.Characteristic, (int)exponent);
        if (degree > ExtensionField.MaxDegree)
        {
            return $"the Brauer lift for the exponent m = {exponent} needs GF(p^{degree}), above the supported degree {ExtensionField.MaxDegree}. "
                + $"Define the group over Q or Q(zeta_n), or use a prime p with p = 1 mod {exponent}.";
        }

        return null;
    }
}
