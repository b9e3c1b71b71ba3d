using InvTheory.Representations.Internal;

namespace InvTheory.Representations;

/// <content>Molien series.</content>
public sealed partial class MatrixGroup<T>
{
    private MolienSeries? _molienSeries;

    /// <summary>
    /// Whether <see cref="MolienSeries(IProgress{GroupProgress}, CancellationToken)"/> is supported: the field must
    /// have characteristic 0.
    /// </summary>
    /// <remarks>
    /// Over GF(p) with p not dividing |G| the Molien series is that of a Brauer lift of the representation to
    /// characteristic 0, which is not implemented.
    /// </remarks>
    public bool IsMolienSeriesSupported => Field.Characteristic.IsZero;

    /// <summary>
    /// Returns the Molien series (1/|G|) sum over g in G of 1 / det(I - t g), whose coefficient of t^k is the
    /// dimension of the invariant polynomials of degree k.
    /// </summary>
    /// <remarks>
    /// Algorithm: summation over conjugacy classes with one characteristic polynomial per class
    /// [Mol97], [Sta79, Sec. 2]; see <see cref="Representations.MolienSeries"/> for the output forms and checks.
    /// Cached after the first call.
    /// </remarks>
    /// <exception cref="NotSupportedException">The field has positive characteristic (see <see cref="IsMolienSeriesSupported"/>).</exception>
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

            var result = MolienSeriesComputation.Compute(this, null, progress, ct);
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
    /// <exception cref="NotSupportedException">The field has positive characteristic.</exception>
    public MolienSeries MolienSeries(IReadOnlyList<T> character, IProgress<GroupProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(character);
        RequireMolienSupport();
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

    private void RequireMolienSupport()
    {
        if (!IsMolienSeriesSupported)
        {
            throw new NotSupportedException(
                $"Molien series of group '{Name}' over {Field.Name}: only fields of characteristic 0 are supported. "
                + "In characteristic p the series of a non-modular group is that of a lift to characteristic 0; define the group over Q or Q(zeta_n) instead.");
        }
    }
}
