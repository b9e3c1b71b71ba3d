using System.Diagnostics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>A polynomial inside the engine: sorted terms, monic once it enters the basis, with its sugar degree.</summary>
internal sealed class EnginePolynomial<T>
    where T : struct, IFieldElement<T>
{
    public EnginePolynomial(Monomial[] monomials, T[] coefficients, int sugar, Polynomial<T>[]? cofactors)
    {
        Monomials = monomials;
        Coefficients = coefficients;
        Sugar = sugar;
        Cofactors = cofactors;
        LeadMask = monomials.Length > 0 ? DivisibilityMask.Of(monomials[0]) : 0;
    }

    public Monomial[] Monomials { get; }

    public T[] Coefficients { get; }

    public int Sugar { get; }

    public Polynomial<T>[]? Cofactors { get; }

    public ulong LeadMask { get; }

    public int Length => Monomials.Length;

    public Monomial Lead => Monomials[0];

    public bool IsActive { get; set; } = true;
}

/// <summary>Bit masks that reject most non-divisibilities before the exponent comparison.</summary>
internal static class DivisibilityMask
{
    /// <summary>Bit i mod 64 is set when variable i occurs; a divisor's mask is a subset of the multiple's mask.</summary>
    public static ulong Of(Monomial m)
    {
        ulong mask = 0;
        var e = m.Exponents;
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] != 0)
            {
                mask |= 1UL << (i & 63);
            }
        }

        return mask;
    }
}

/// <summary>
/// State of one run of Buchberger's algorithm: the basis built so far, the waiting pairs and the waiting
/// generators. Pairs and generators are reduced in order of increasing sugar degree, so homogeneous input is
/// processed degree by degree and a run can stop after a degree and resume later.
/// </summary>
/// <remarks>
/// Algorithm: Buchberger's algorithm with the Gebauer-Moeller installation of the chain and product criteria
/// [GM88], [BW93, Alg. GROEBNERNEW2], and the sugar selection strategy [GMNRT91].
/// </remarks>
internal sealed class BuchbergerEngine<T> : IGroebnerEngine<T>
    where T : struct, IFieldElement<T>
{
    private readonly PolynomialRing<T> _ring;
    private readonly TermOrder _order;
    private readonly T _fieldOne;
    private readonly List<EnginePolynomial<T>> _basis = [];
    private readonly List<int> _active = [];
    private readonly List<EnginePolynomial<T>> _inputs = [];
    private readonly SortedSet<Pair> _pairs;
    private readonly int _cofactorCount;
    private long _serial;
    private TermBuffer _bufferA;
    private TermBuffer _bufferB;
    private readonly GeoBucket<T> _bucket;

    // Set during Run, so that long reductions can stop at a limit or on cancellation.
    private GroebnerOptions? _runOptions;
    private Stopwatch? _runClock;
    private CancellationToken _runToken;
    private long _reductionSteps;
    private long _runStartPairs;
    private readonly int[]? _sugarWeights;

    /// <summary>A critical pair (I, J) of basis indices, or a waiting generator (I = input index, J = -1).</summary>
    private readonly record struct Pair(int I, int J, Monomial Lcm, int Sugar, long Serial);

    /// <summary>Starts an engine; <paramref name="sugarWeights"/> (positive) replaces the total degree in the sugar when given.</summary>
    public BuchbergerEngine(PolynomialRing<T> ring, int cofactorCount, IReadOnlyList<int>? sugarWeights = null)
    {
        _sugarWeights = sugarWeights is null || sugarWeights.All(w => w == 1) ? null : [.. sugarWeights];
        _ring = ring;
        _order = TermOrder.Compile(ring.Order, ring.VariableCount);
        _fieldOne = ring.Field.One;
        _cofactorCount = cofactorCount;
        _pairs = new SortedSet<Pair>(Comparer<Pair>.Create(ComparePairs));
        _bufferA = new TermBuffer(16);
        _bufferB = new TermBuffer(16);
        _bucket = new GeoBucket<T>(_order);
    }

    public PolynomialRing<T> Ring => _ring;

    public TermOrder Order => _order;

    /// <summary>Whether the ideal was found to be the whole ring.</summary>
    public bool IsUnit { get; private set; }

    /// <summary>Number of pairs and generators still waiting.</summary>
    public int PairsLeft => _pairs.Count;

    /// <summary>Smallest sugar degree among the waiting pairs, or null when none is waiting.</summary>
    public int? NextDegree => _pairs.Count == 0 ? null : _pairs.Min.Sugar;

    /// <summary>Pairs and generators reduced so far.</summary>
    public long PairsReduced { get; private set; }

    /// <summary>Number of polynomials in the (unreduced) basis.</summary>
    public int BasisSize => _active.Count;

    /// <summary>Degree of a monomial in the sugar grading: total degree, or the weighted degree.</summary>
    private int Degree(Monomial m) => _sugarWeights is null ? m.TotalDegree : checked((int)m.WeightedDegree(_sugarWeights));

    /// <summary>Largest degree of a term of f in the sugar grading.</summary>
    private int DegreeOf(Polynomial<T> f)
    {
        int d = 0;
        foreach (var m in f.MonomialSpan)
        {
            d = Math.Max(d, Degree(m));
        }

        return d;
    }

    private int ComparePairs(Pair a, Pair b)
    {
        if (a.Sugar != b.Sugar)
        {
            return a.Sugar < b.Sugar ? -1 : 1;
        }

        int c = _order.Compare(a.Lcm, b.Lcm);
        return c != 0 ? c : a.Serial.CompareTo(b.Serial);
    }

    /// <summary>Queues a generator; it is reduced when its degree comes up.</summary>
    public void AddGenerator(Polynomial<T> f, int cofactorIndex)
    {
        if (f.IsZero)
        {
            return;
        }

        Polynomial<T>[]? cofactors = null;
        if (_cofactorCount > 0)
        {
            cofactors = new Polynomial<T>[_cofactorCount];
            for (int i = 0; i < cofactors.Length; i++)
            {
                cofactors[i] = i == cofactorIndex ? _ring.One : _ring.Zero;
            }
        }

        var p = new EnginePolynomial<T>(f.MonomialSpan.ToArray(), f.CoefficientSpan.ToArray(), DegreeOf(f), cofactors);
        _inputs.Add(p);
        _pairs.Add(new Pair(_inputs.Count - 1, -1, p.Lead, p.Sugar, _serial++));
    }

    /// <summary>
    /// Adds the elements of a basis known to be a Groebner basis up to degree <paramref name="completeUpToDegree"/>:
    /// their pairs of sugar at most that degree are known to reduce to zero and are not queued.
    /// </summary>
    public void Seed(IEnumerable<Polynomial<T>> basis, int completeUpToDegree)
    {
        int first = _basis.Count;
        foreach (var f in basis)
        {
            if (f.IsZero)
            {
                continue;
            }

            var monic = f.Monic();
            var p = new EnginePolynomial<T>(monic.MonomialSpan.ToArray(), monic.CoefficientSpan.ToArray(), DegreeOf(monic), null);
            Insert(p);
            if (IsUnit)
            {
                return;
            }
        }

        _pairs.RemoveWhere(pair => pair.J >= 0 && pair.I >= first && pair.J >= first && pair.Sugar <= completeUpToDegree);
    }

    /// <summary>
    /// Reduces pairs and generators in order of sugar until none is left or the next one has sugar above
    /// <paramref name="degreeBound"/>. Returns true when nothing is left.
    /// </summary>
    public bool Run(int? degreeBound, GroebnerOptions options, IProgress<GroebnerProgress>? progress, string phase, Stopwatch clock, CancellationToken ct)
    {
        int lastDegree = -1;
        _runStartPairs = PairsReduced;
        _runOptions = options;
        _runClock = clock;
        _runToken = ct;
        try
        {
            while (_pairs.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                var pair = _pairs.Min;
                if (degreeBound is int bound && pair.Sugar > bound)
                {
                    return false;
                }

                CheckLimits(pair.Sugar, options, clock);
                if (progress is not null && (pair.Sugar != lastDegree || PairsReduced % 256 == 0))
                {
                    lastDegree = pair.Sugar;
                    progress.Report(new GroebnerProgress(pair.Sugar, _pairs.Count, _active.Count, PairsReduced, phase));
                }

                var reduced = ReducePair(pair);
                if (reduced is null)
                {
                    continue;
                }

                Insert(reduced);
                if (IsUnit)
                {
                    _pairs.Clear();
                    return true;
                }
            }

            return true;
        }
        finally
        {
            _runOptions = null;
            _runClock = null;
            _runToken = default;
        }
    }

    /// <summary>Returns the waiting S-pairs (basis indices in insertion order) of sugar at most <paramref name="degreeBound"/>, in selection order.</summary>
    public List<(int I, int J)> PendingPairs(int? degreeBound) =>
        [.. _pairs.Where(p => p.J >= 0 && (degreeBound is null || p.Sugar <= degreeBound)).Select(p => (p.I, p.J))];

    /// <summary>
    /// Reduces the waiting pairs of sugar at most <paramref name="degreeBound"/> without adding anything to the basis.
    /// Returns false as soon as one has a nonzero normal form; true when all reduce to zero, which makes the basis a
    /// Groebner basis (up to the degree bound).
    /// </summary>
    public bool PairsReduceToZero(int? degreeBound, GroebnerOptions options, IProgress<GroebnerProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        _runOptions = options;
        _runClock = clock;
        _runToken = ct;
        try
        {
            while (_pairs.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                var pair = _pairs.Min;
                if (degreeBound is int bound && pair.Sugar > bound)
                {
                    return true;
                }

                if (options.TimeLimit is not null)
                {
                    CheckLimits(pair.Sugar, options with { MaxDegree = null, MaxPairs = null }, clock);
                }

                if (progress is not null && PairsReduced % 256 == 0)
                {
                    progress.Report(new GroebnerProgress(pair.Sugar, _pairs.Count, _active.Count, PairsReduced, "verify"));
                }

                if (ReducePair(pair) is not null)
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            _runOptions = null;
            _runClock = null;
            _runToken = default;
        }
    }

    /// <summary>Removes a pair and returns its reduced S-polynomial (or reduced generator); on an exception the pair is queued again.</summary>
    private EnginePolynomial<T>? ReducePair(Pair pair)
    {
        _pairs.Remove(pair);
        try
        {
            var reduced = pair.J < 0 ? ReduceInput(_inputs[pair.I]) : ReduceSPolynomial(pair);
            PairsReduced++;
            return reduced;
        }
        catch
        {
            _pairs.Add(pair);
            throw;
        }
    }

    private void CheckLimits(int sugar, GroebnerOptions options, Stopwatch clock)
    {
        if (options.MaxDegree is int maxDegree && sugar > maxDegree)
        {
            throw new GroebnerLimitExceededException(
                GroebnerLimit.MaxDegree,
                $"Groebner basis: the next pair has sugar degree {sugar}, above the limit MaxDegree = {maxDegree} "
                + $"({_active.Count} basis elements, {_pairs.Count} pairs waiting). Raise MaxDegree (CLI: --max-degree) or remove the limit.");
        }

        if (options.MaxPairs is long maxPairs && PairsReduced - _runStartPairs >= maxPairs)
        {
            throw new GroebnerLimitExceededException(
                GroebnerLimit.MaxPairs,
                $"Groebner basis: {PairsReduced - _runStartPairs} pairs reduced, the limit MaxPairs = {maxPairs} is reached "
                + $"({_pairs.Count} pairs waiting). Raise MaxPairs (CLI: --max-pairs) or remove the limit.");
        }

        if (options.TimeLimit is TimeSpan limit && clock.Elapsed > limit)
        {
            throw new GroebnerLimitExceededException(
                GroebnerLimit.TimeLimit,
                $"Groebner basis: the run took {clock.Elapsed.TotalSeconds:F1} s, above the limit TimeLimit = {limit.TotalSeconds:F1} s "
                + $"(degree {sugar}, {_pairs.Count} pairs waiting). Raise TimeLimit (CLI: --timeout SECONDS) or remove the limit.");
        }
    }

    /// <summary>Returns the reduced Groebner basis of the current basis, sorted by leading monomial (smallest first).</summary>
    public List<EnginePolynomial<T>> ReducedBasis(CancellationToken ct)
    {
        var minimal = _active.Select(i => _basis[i]).ToList();
        minimal.Sort((a, b) => _order.Compare(a.Lead, b.Lead));
        var result = new List<EnginePolynomial<T>>(minimal.Count);
        foreach (var g in minimal)
        {
            ct.ThrowIfCancellationRequested();
            result.Add(ReduceTerms(g.Monomials, g.Coefficients, 1, g.Monomials.Length, g.Sugar, g.Cofactors, fullReduction: true, keepLead: true)!);
        }

        return result;
    }

    /// <inheritdoc />
    void IGroebnerEngine<T>.AddGenerator(Polynomial<T> f) => AddGenerator(f, -1);

    /// <inheritdoc />
    public List<Polynomial<T>> ReducedPolynomials(CancellationToken ct) => [.. ReducedBasis(ct).Select(ToPolynomial)];

    /// <summary>Returns the normal form of <paramref name="f"/> modulo the current basis (full reduction).</summary>
    public Polynomial<T> NormalForm(Polynomial<T> f)
    {
        if (f.IsZero)
        {
            return f;
        }

        var r = ReduceTerms(f.MonomialSpan.ToArray(), f.CoefficientSpan.ToArray(), 0, f.TermCount, 0, null, fullReduction: true, keepLead: false, makeMonic: false);
        return r is null ? _ring.Zero : new Polynomial<T>(_ring, r.Monomials, r.Coefficients);
    }

    /// <summary>Converts an engine polynomial to a ring element; the arrays are shared, which is safe because neither side mutates them.</summary>
    public Polynomial<T> ToPolynomial(EnginePolynomial<T> p) => new(_ring, p.Monomials, p.Coefficients);

    private EnginePolynomial<T>? ReduceInput(EnginePolynomial<T> p) =>
        ReduceTerms(p.Monomials, p.Coefficients, 0, p.Length, p.Sugar, p.Cofactors, fullReduction: true, keepLead: false);

    private EnginePolynomial<T>? ReduceSPolynomial(Pair pair)
    {
        var f = _basis[pair.I];
        var g = _basis[pair.J];
        var qf = pair.Lcm.Divide(f.Lead);
        var qg = pair.Lcm.Divide(g.Lead);

        // Both leading terms are monic and cancel, so the S-polynomial is qf*tail(f) - qg*tail(g).
        var buffer = _bufferA;
        buffer.Clear();
        MergeSubtract(f.Monomials, f.Coefficients, 1, f.Length, qf, g, qg, _fieldOne, ref buffer, firstScaled: true);
        _bufferA = buffer;
        Polynomial<T>[]? cofactors = null;
        if (f.Cofactors is not null && g.Cofactors is not null)
        {
            cofactors = new Polynomial<T>[_cofactorCount];
            for (int i = 0; i < _cofactorCount; i++)
            {
                cofactors[i] = Polynomial<T>.AddScaled(f.Cofactors[i].MultiplyByTerm(_fieldOne, qf), g.Cofactors[i].MultiplyByTerm(_fieldOne, qg), -_fieldOne);
            }
        }

        if (buffer.Count == 0)
        {
            return null;
        }

        return ReduceTerms(buffer.Monomials[..buffer.Count], buffer.Coefficients[..buffer.Count], 0, buffer.Count, pair.Sugar, cofactors, fullReduction: true, keepLead: false);
    }

    /// <summary>
    /// Writes (q1 * f[from..end)) - c * q2 * g[1..] into <paramref name="destination"/>, where f is given by its term
    /// arrays. When <paramref name="firstScaled"/> is false, q1 is one and f's terms are copied as they are.
    /// </summary>
    private void MergeSubtract(
        Monomial[] fm, T[] fc, int from, int end, Monomial q1, EnginePolynomial<T> g, Monomial q2, T c, ref TermBuffer destination, bool firstScaled)
    {
        bool q1One = !firstScaled || q1.IsOne;
        bool q2One = q2.IsOne;
        var gm = g.Monomials;
        var gc = g.Coefficients;
        int i = from, j = 1;
        destination.EnsureCapacity(end - from + gm.Length);
        Monomial mi = i < end ? (q1One ? fm[i] : fm[i].Multiply(q1)) : default;
        Monomial mj = j < gm.Length ? (q2One ? gm[j] : gm[j].Multiply(q2)) : default;
        while (i < end && j < gm.Length)
        {
            int cmp = _order.Compare(mi, mj);
            if (cmp > 0)
            {
                destination.Add(mi, fc[i]);
                i++;
                if (i < end)
                {
                    mi = q1One ? fm[i] : fm[i].Multiply(q1);
                }
            }
            else if (cmp < 0)
            {
                destination.Add(mj, -(c * gc[j]));
                j++;
                if (j < gm.Length)
                {
                    mj = q2One ? gm[j] : gm[j].Multiply(q2);
                }
            }
            else
            {
                var s = fc[i] - c * gc[j];
                if (!s.IsZero)
                {
                    destination.Add(mi, s);
                }

                i++;
                j++;
                if (i < end)
                {
                    mi = q1One ? fm[i] : fm[i].Multiply(q1);
                }

                if (j < gm.Length)
                {
                    mj = q2One ? gm[j] : gm[j].Multiply(q2);
                }
            }
        }

        while (i < end)
        {
            destination.Add(mi, fc[i]);
            i++;
            if (i < end)
            {
                mi = q1One ? fm[i] : fm[i].Multiply(q1);
            }
        }

        while (j < gm.Length)
        {
            destination.Add(mj, -(c * gc[j]));
            j++;
            if (j < gm.Length)
            {
                mj = q2One ? gm[j] : gm[j].Multiply(q2);
            }
        }
    }

    /// <summary>
    /// Reduces the terms [start, end) of a polynomial modulo the active basis. With <paramref name="keepLead"/> the
    /// term before <paramref name="start"/> (index start-1) is kept unreduced as the leading term; this is tail
    /// reduction of a basis element. Returns null for zero; otherwise the result is monic when <paramref name="makeMonic"/> is set.
    /// </summary>
    private EnginePolynomial<T>? ReduceTerms(Monomial[] monomials, T[] coefficients, int start, int end, int sugar, Polynomial<T>[]? cofactors, bool fullReduction, bool keepLead, bool makeMonic = true)
    {
        var resultM = new List<Monomial>();
        var resultC = new List<T>();
        if (keepLead)
        {
            resultM.Add(monomials[0]);
            resultC.Add(coefficients[0]);
        }

        List<(T Coefficient, Monomial Multiplier, int Reducer)>? steps = cofactors is null ? null : [];
        var current = new TermBuffer(monomials, coefficients, end);
        int position = start;
        bool useA = true;
        while (position < current.Count)
        {
            var m = current.Monomials[position];
            int r = FindReducer(m);
            if (r < 0)
            {
                if (!fullReduction)
                {
                    // Top reduction only: the leading term is irreducible, so the rest stays as it is.
                    for (int k = position; k < current.Count; k++)
                    {
                        resultM.Add(current.Monomials[k]);
                        resultC.Add(current.Coefficients[k]);
                    }

                    break;
                }

                resultM.Add(m);
                resultC.Add(current.Coefficients[position]);
                position++;
                continue;
            }

            if ((++_reductionSteps & 1023) == 0)
            {
                CheckDuringReduction();
            }

            var g = _basis[r];
            var q = m.Divide(g.Lead);
            var c = current.Coefficients[position];
            sugar = Math.Max(sugar, g.Sugar + Degree(q));
            steps?.Add((c, q, r));

            // A long remainder and a short reducer: continue in a geobucket, where the cost of a step is the
            // reducer's length rather than the remainder's.
            if (fullReduction && current.Count - position > 64 && 8 * g.Length < current.Count - position)
            {
                ReduceRestInBucket(current, position, g, q, c, resultM, resultC, steps, ref sugar);
                break;
            }

            ref TermBuffer target = ref (useA ? ref _bufferA : ref _bufferB);
            target.Clear();
            MergeSubtract(current.Monomials, current.Coefficients, position + 1, current.Count, default, g, q, c, ref target, firstScaled: false);
            current = target;
            useA = !useA;
            position = 0;
        }

        if (resultM.Count == 0)
        {
            return null;
        }

        Polynomial<T>[]? newCofactors = null;
        if (cofactors is not null)
        {
            newCofactors = new Polynomial<T>[cofactors.Length];
            for (int i = 0; i < cofactors.Length; i++)
            {
                var sums = new Dictionary<Monomial, T>();
                AddInto(sums, cofactors[i], _fieldOne, Monomial.One(_ring.VariableCount));
                foreach (var (c, q, r) in steps!)
                {
                    AddInto(sums, _basis[r].Cofactors![i], -c, q);
                }

                newCofactors[i] = _ring.FromDictionary(sums);
            }
        }

        var lc = resultC[0];
        var ms = resultM.ToArray();
        var cs = resultC.ToArray();
        if (makeMonic && !lc.IsOne)
        {
            var inverse = lc.Inverse();
            for (int i = 0; i < cs.Length; i++)
            {
                cs[i] *= inverse;
            }

            if (newCofactors is not null)
            {
                for (int i = 0; i < newCofactors.Length; i++)
                {
                    newCofactors[i] *= inverse;
                }
            }
        }

        return new EnginePolynomial<T>(ms, cs, sugar, newCofactors);
    }

    private void CheckDuringReduction()
    {
        _runToken.ThrowIfCancellationRequested();
        if (_runOptions?.TimeLimit is TimeSpan limit && _runClock is not null && _runClock.Elapsed > limit)
        {
            throw new GroebnerLimitExceededException(
                GroebnerLimit.TimeLimit,
                $"Groebner basis: the run took {_runClock.Elapsed.TotalSeconds:F1} s, above the limit TimeLimit = {limit.TotalSeconds:F1} s "
                + $"(during a reduction, {_pairs.Count} pairs waiting). Raise TimeLimit (CLI: --timeout SECONDS) or remove the limit.");
        }
    }

    /// <summary>
    /// Finishes a full reduction in the geobucket: the terms after <paramref name="position"/> of the remainder minus
    /// c * q * tail(g) are reduced, and irreducible terms are appended to the result lists in order.
    /// </summary>
    private void ReduceRestInBucket(
        TermBuffer current, int position, EnginePolynomial<T> g, Monomial q, T c, List<Monomial> resultM, List<T> resultC,
        List<(T Coefficient, Monomial Multiplier, int Reducer)>? steps, ref int sugar)
    {
        var bucket = _bucket;
        bucket.Clear();
        bucket.Add(current.Monomials, current.Coefficients, position + 1, current.Count);
        bucket.AddScaled(g.Monomials, g.Coefficients, 1, q, -c);
        while (bucket.PopLeading(out var m, out var coefficient))
        {
            int r = FindReducer(m);
            if (r < 0)
            {
                resultM.Add(m);
                resultC.Add(coefficient);
                continue;
            }

            if ((++_reductionSteps & 1023) == 0)
            {
                CheckDuringReduction();
            }

            var reducer = _basis[r];
            var multiplier = m.Divide(reducer.Lead);
            sugar = Math.Max(sugar, reducer.Sugar + Degree(multiplier));
            steps?.Add((coefficient, multiplier, r));
            bucket.AddScaled(reducer.Monomials, reducer.Coefficients, 1, multiplier, -coefficient);
        }
    }

    private static void AddInto(Dictionary<Monomial, T> sums, Polynomial<T> p, T c, Monomial q)
    {
        var pm = p.MonomialSpan;
        var pc = p.CoefficientSpan;
        bool qOne = q.IsOne;
        for (int k = 0; k < pm.Length; k++)
        {
            var m = qOne ? pm[k] : pm[k].Multiply(q);
            sums[m] = sums.TryGetValue(m, out var s) ? s + c * pc[k] : c * pc[k];
        }
    }

    /// <summary>Returns the active basis element with the fewest terms whose leading monomial divides m, or -1.</summary>
    private int FindReducer(Monomial m)
    {
        ulong mask = DivisibilityMask.Of(m);
        int best = -1;
        int bestLength = int.MaxValue;
        foreach (int i in _active)
        {
            var g = _basis[i];
            if ((g.LeadMask & ~mask) != 0 || g.Length >= bestLength || !g.Lead.Divides(m))
            {
                continue;
            }

            best = i;
            bestLength = g.Length;
        }

        return best;
    }

    /// <summary>Adds a monic, fully reduced polynomial to the basis and updates the pairs by the Gebauer-Moeller criteria.</summary>
    private void Insert(EnginePolynomial<T> h)
    {
        if (h.Lead.IsOne)
        {
            IsUnit = true;
            foreach (int i in _active)
            {
                _basis[i].IsActive = false;
            }

            _active.Clear();
            _basis.Add(h);
            _active.Add(_basis.Count - 1);
            return;
        }

        int hIndex = _basis.Count;
        var hLead = h.Lead;

        // Phase 1: candidate pairs (g, h) for every active g.
        var candidates = new List<(int Index, Monomial Lcm, bool Coprime, int Sugar)>(_active.Count);
        foreach (int i in _active)
        {
            var g = _basis[i];
            var lcm = g.Lead.Lcm(hLead);
            int sugar = Math.Max(g.Sugar + Degree(lcm) - Degree(g.Lead), h.Sugar + Degree(lcm) - Degree(hLead));
            candidates.Add((i, lcm, g.Lead.IsCoprimeTo(hLead), sugar));
        }

        // Phase 2 (criterion M): drop (g, h) when another new pair's lcm properly divides its lcm.
        var keep = new bool[candidates.Count];
        for (int a = 0; a < candidates.Count; a++)
        {
            keep[a] = true;
            for (int b = 0; b < candidates.Count; b++)
            {
                if (b != a && candidates[b].Lcm.Divides(candidates[a].Lcm) && candidates[b].Lcm != candidates[a].Lcm)
                {
                    keep[a] = false;
                    break;
                }
            }
        }

        // Phase 3 (criterion F and the product criterion): among new pairs with equal lcm keep at most one,
        // and none at all if one of them is coprime, since a coprime pair reduces to zero.
        var byLcm = new Dictionary<Monomial, List<int>>();
        for (int a = 0; a < candidates.Count; a++)
        {
            if (!keep[a])
            {
                continue;
            }

            if (!byLcm.TryGetValue(candidates[a].Lcm, out var list))
            {
                byLcm[candidates[a].Lcm] = list = [];
            }

            list.Add(a);
        }

        var newPairs = new List<Pair>();
        foreach (var list in byLcm.Values)
        {
            if (list.Any(a => candidates[a].Coprime))
            {
                continue;
            }

            int a0 = list[0];
            newPairs.Add(new Pair(candidates[a0].Index, hIndex, candidates[a0].Lcm, candidates[a0].Sugar, 0));
        }

        // Phase 4 (criterion B): drop an old pair (i, j) when lm(h) divides lcm(i, j) and both lcm(i, h) and
        // lcm(j, h) differ from lcm(i, j).
        ulong hMask = h.LeadMask;
        _pairs.RemoveWhere(p =>
        {
            if (p.J < 0 || (hMask & ~DivisibilityMask.Of(p.Lcm)) != 0 || !hLead.Divides(p.Lcm))
            {
                return false;
            }

            return _basis[p.I].Lead.Lcm(hLead) != p.Lcm && _basis[p.J].Lead.Lcm(hLead) != p.Lcm;
        });

        // Phase 5: queue the new pairs in a deterministic order, then retire basis elements whose leading
        // monomial is a multiple of lm(h).
        newPairs.Sort((x, y) => x.I.CompareTo(y.I));
        foreach (var p in newPairs)
        {
            _pairs.Add(p with { Serial = _serial++ });
        }

        _basis.Add(h);
        for (int k = _active.Count - 1; k >= 0; k--)
        {
            var g = _basis[_active[k]];
            if ((h.LeadMask & ~g.LeadMask) == 0 && hLead.Divides(g.Lead))
            {
                g.IsActive = false;
                _active.RemoveAt(k);
            }
        }

        _active.Add(hIndex);
    }

    /// <summary>A growable pair of term arrays.</summary>
    private struct TermBuffer
    {
        public Monomial[] Monomials;
        public T[] Coefficients;
        public int Count;

        public TermBuffer(int capacity)
        {
            Monomials = new Monomial[capacity];
            Coefficients = new T[capacity];
            Count = 0;
        }

        public TermBuffer(Monomial[] monomials, T[] coefficients, int count)
        {
            Monomials = monomials;
            Coefficients = coefficients;
            Count = count;
        }

        public void Clear() => Count = 0;

        public void EnsureCapacity(int capacity)
        {
            if (Monomials.Length < capacity)
            {
                int size = Math.Max(capacity, Monomials.Length * 2);
                Array.Resize(ref Monomials, size);
                Array.Resize(ref Coefficients, size);
            }
        }

        public void Add(Monomial m, T c)
        {
            Monomials[Count] = m;
            Coefficients[Count] = c;
            Count++;
        }
    }
}
