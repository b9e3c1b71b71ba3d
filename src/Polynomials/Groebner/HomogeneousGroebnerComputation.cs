using System.Diagnostics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// A resumable degree-by-degree Groebner basis computation of a homogeneous ideal: generators can be added at any
/// time and the basis is completed up to a requested degree, keeping the pairs of higher degree for later.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: Buchberger's algorithm with the Gebauer-Moeller criteria and the normal (sugar) strategy, which on
/// homogeneous input reduces pairs and generators in order of increasing degree [GM88], [BW93, Sec. 10.2]. Over
/// GF(p) with p &lt; 2^31 the F4 engine [Fau99] takes the place of Buchberger's algorithm, one matrix per degree.
/// After <see cref="ComputeToDegree"/> returns, every S-polynomial and every generator of degree at most that
/// degree reduces to zero modulo the current basis.
/// </para>
/// <para>Not thread-safe: use one instance from one thread at a time.</para>
/// </remarks>
public sealed class HomogeneousGroebnerComputation<T>
    where T : struct, IFieldElement<T>
{
    private readonly IGroebnerEngine<T> _engine;
    private readonly List<Polynomial<T>> _generators = [];
    private readonly GroebnerOptions _options;
    private readonly string _phase;

    /// <summary>Starts an empty computation in <paramref name="ring"/>; the limits of <paramref name="options"/> apply to each call.</summary>
    public HomogeneousGroebnerComputation(PolynomialRing<T> ring, GroebnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        Ring = ring;
        _options = (options ?? GroebnerOptions.Default) with { DegreeBound = null, RecordCofactors = false };
        _engine = typeof(T) == typeof(ModInt) && F4Engine.Supports((PolynomialRing<ModInt>)(object)ring)
            ? (IGroebnerEngine<T>)(object)new F4Engine((PolynomialRing<ModInt>)(object)ring)
            : new BuchbergerEngine<T>(ring, 0);
        _phase = _engine is F4Engine ? "f4" : "buchberger";
        CompletedDegree = -1;
    }

    /// <summary>The polynomial ring.</summary>
    public PolynomialRing<T> Ring { get; }

    /// <summary>The generators added so far (nonzero ones).</summary>
    public IReadOnlyList<Polynomial<T>> Generators => _generators;

    /// <summary>
    /// The degree up to which the current basis is a Groebner basis of the ideal of all generators added so far;
    /// <see cref="int.MaxValue"/> when nothing is waiting, -1 before the first run.
    /// </summary>
    public int CompletedDegree { get; private set; }

    /// <summary>Whether no pair or generator is waiting, so the basis is complete.</summary>
    public bool IsComplete => _engine.PairsLeft == 0;

    /// <summary>Adds homogeneous generators; they are reduced when the computation reaches their degree.</summary>
    /// <exception cref="ArgumentException">A generator is not homogeneous or belongs to another ring.</exception>
    public void AddGenerators(IEnumerable<Polynomial<T>> generators)
    {
        ArgumentNullException.ThrowIfNull(generators);
        var list = generators.ToList();
        foreach (var f in list)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(generators));
            if (!f.Ring.Equals(Ring))
            {
                throw new ArgumentException($"Generator {f} belongs to {f.Ring}, but the computation lives in {Ring}. Map it into that ring first.", nameof(generators));
            }

            if (!f.IsHomogeneous)
            {
                throw new ArgumentException($"Generator {f} is not homogeneous; a degree-by-degree computation needs homogeneous generators. Use Groebner.Compute instead.", nameof(generators));
            }
        }

        foreach (var f in list.Where(f => !f.IsZero))
        {
            _generators.Add(f);
            _engine.AddGenerator(f);
            if (f.TotalDegree <= CompletedDegree)
            {
                CompletedDegree = f.TotalDegree - 1;
            }
        }
    }

    /// <summary>
    /// Reduces all pairs and generators of degree at most <paramref name="degree"/> and returns the reduced basis,
    /// truncated at <paramref name="degree"/> unless nothing is left to do.
    /// </summary>
    /// <exception cref="GroebnerLimitExceededException">A limit of the options was reached; the computation can be resumed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; the computation can be resumed.</exception>
    public GroebnerBasis<T> ComputeToDegree(int degree, IProgress<GroebnerProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        bool complete = _engine.Run(degree, _options, progress, _phase, Stopwatch.StartNew(), ct);
        CompletedDegree = complete ? int.MaxValue : Math.Max(CompletedDegree, degree);
        return Snapshot(complete ? null : degree, ct);
    }

    /// <summary>Reduces everything that is waiting and returns the complete reduced basis.</summary>
    /// <exception cref="GroebnerLimitExceededException">A limit of the options was reached; the computation can be resumed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; the computation can be resumed.</exception>
    public GroebnerBasis<T> Complete(IProgress<GroebnerProgress>? progress = null, CancellationToken ct = default)
    {
        _engine.Run(null, _options, progress, _phase, Stopwatch.StartNew(), ct);
        CompletedDegree = int.MaxValue;
        return Snapshot(null, ct);
    }

    private GroebnerBasis<T> Snapshot(int? truncation, CancellationToken ct) =>
        new(Ring, [.. _engine.ReducedPolynomials(ct)], [.. _generators], truncation, null);
}
