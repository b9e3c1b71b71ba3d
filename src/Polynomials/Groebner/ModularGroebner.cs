using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// Groebner bases over Q by computation modulo primes: reduced bases over GF(p) for 31-bit primes, Chinese
/// remaindering and rational reconstruction of the coefficients, and an exact verification over Q.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: modular Groebner bases with majority vote on the leading monomials and a test prime
/// [Arn03], [IPS11]; rational reconstruction [GG13, Sec. 5.10]. The basis modulo each prime comes from the F4 engine
/// (<see cref="F4Engine"/>), or from Buchberger's algorithm when <c>perPrimeF4</c> is false.
/// </para>
/// <para>
/// Soundness. The generators are scaled to primitive integer polynomials f_i, so I_p = (f_i mod p) is defined
/// for every p. Inhomogeneous generators are first homogenized with a new variable h, using the order that compares
/// the x-part by the ring's order and then the power of h; dehomogenizing a Groebner basis of J = (f_i^h) for that
/// order gives a Groebner basis of I, whatever the ring's order. So the lifted candidate G is always a homogeneous
/// basis of a homogeneous ideal J, and it is accepted only after these exact checks over Q:
/// (1) G consists of homogeneous polynomials and every f_i reduces to zero modulo G, so J ⊆ (G);
/// (2) every S-pair that survives the Gebauer-Moeller criteria reduces to zero modulo G, so G is a Groebner basis of (G);
/// (3) LM(G) = LM(G_p) for a prime p whose reduced basis G_p of J_p was computed in full (later primes may replay the
/// F4 trace of the first one and skip rows, and such a prime does not count here).
/// The argument holds for any grading by positive integer weights, so generators that are homogeneous for given
/// weights (the graph ideal of <see cref="Groebner.Relations{T}"/>) are not homogenized.
/// Then HF_{R/(G)} = HF_{R/LM(G)} = HF_{R/J_p} ≥ HF_{R/J} (the rank of the integer matrix of J in each degree can
/// only drop modulo p) and J ⊆ (G) gives HF_{R/(G)} ≤ HF_{R/J}, so (G) = J. A candidate that fails a check is
/// discarded and more primes are used.
/// </para>
/// </remarks>
internal static class ModularGroebner
{
    /// <summary>Largest number of primes tried before giving up.</summary>
    private const int MaxPrimes = 400;

    /// <summary>Fewest S-pairs per thread for which the verification starts a second thread.</summary>
    private const int MinPairsPerThread = 16;

    public static GroebnerBasis<Rational> Compute(
        PolynomialRing<Rational> ring,
        List<Polynomial<Rational>> generators,
        GroebnerOptions options,
        IProgress<GroebnerProgress>? progress,
        CancellationToken ct,
        IReadOnlyList<int>? weights = null,
        bool perPrimeF4 = true)
    {
        var clock = Stopwatch.StartNew();
        if (generators.Count == 0)
        {
            return new GroebnerBasis<Rational>(ring, [], generators, null, null);
        }

        // Phase 1: primitive integer generators, homogenized when needed.
        // The grading: the given positive weights when every generator is homogeneous for them, else the standard one.
        int[] grading = weights is not null && weights.All(w => w > 0) && generators.All(f => IsHomogeneous(f, weights))
            ? [.. weights]
            : [.. Enumerable.Repeat(1, ring.VariableCount)];
        bool homogeneous = generators.All(f => IsHomogeneous(f, grading));
        var workRing = homogeneous ? ring : HomogenizingRing(ring);
        var work = generators.Select(f => homogeneous ? Primitive(f) : Primitive(Homogenize(f, workRing))).ToList();

        // Phase 2: reduced bases modulo primes until a lifted candidate passes the test prime and the verification.
        // The primes run in batches, one per thread. Their results are used in the order of the primes, so the outcome
        // does not depend on the thread count, and the later primes of a batch may go unused.
        var groups = new Dictionary<string, LiftGroup>(StringComparer.Ordinal);
        List<Polynomial<Rational>>? candidate = null;
        int? truncation = null;
        int primesUsed = 0;
        int threadCount = ThreadCount(options);
        using var primes = Primes().GetEnumerator();
        var batch = new List<ulong>(threadCount);

        // The first prime records an F4 trace. Once a second prime computed in full agrees with it on the leading
        // monomials, later primes replay the trace. Only groups with a prime computed in full give candidates, so
        // condition (3) of the class remarks is met by such a prime. A failed candidate ends the tracing and
        // restarts the lift.
        F4Trace? trace = perPrimeF4 ? new F4Trace() : null;
        string? traceKey = null;
        int primesAgreeingWithTrace = 0;
        bool replayTrace = false;
        while (true)
        {
            batch.Clear();
            while (batch.Count < threadCount && primes.MoveNext())
            {
                ulong p = primes.Current;
                if (primesUsed++ >= MaxPrimes)
                {
                    throw new InvariantTheoryException(
                        $"Modular Groebner basis: no verified candidate after {MaxPrimes} primes for {generators.Count} generators in {ring}. "
                        + "This points to a bug; use GroebnerAlgorithm.Buchberger.");
                }

                if (!work.Any(f => PrimeModulus.Reduce(f.LeadingCoefficient.Numerator, p) == 0))
                {
                    batch.Add(p);
                }
            }

            if (batch.Count == 0)
            {
                throw new InvalidOperationException("The prime sequence ended; this points to a bug.");
            }

            ct.ThrowIfCancellationRequested();
            var results = ComputeModPrimes(
                batch, work, workRing, homogeneous ? grading : null, perPrimeF4, traceKey is null ? trace : null, replayTrace ? trace : null, options, progress, clock, ct);
            foreach (var (p, ringP, basisP, complete, replayed) in results)
            {
                truncation = complete ? null : options.DegreeBound;

                // Test prime: a candidate that reduces to this prime's basis is verified over Q.
                var candidateModP = candidate is null ? null : TryReduce(candidate, ringP, (PrimeField)ringP.Field);
                if (candidate is not null && candidateModP is not null && candidateModP.SequenceEqual(basisP))
                {
                    progress?.Report(new GroebnerProgress(0, 0, candidate.Count, 0, "verify"));
                    int[] workGrading = homogeneous ? grading : [.. Enumerable.Repeat(1, workRing.VariableCount)];
                    bool verified = Verify(workRing, work, candidate, ringP, workGrading, truncation, options, progress, clock, ct);
                    if (verified)
                    {
                        return Finish(ring, generators, homogeneous, candidate, truncation, options, ct);
                    }
                }

                // A replayed prime skips rows, so a wrong replay could spoil the residues of its group: after a failed
                // candidate the lift starts again from primes computed in full.
                if (candidate is not null && replayTrace)
                {
                    trace = null;
                    replayTrace = false;
                    groups.Clear();
                    candidate = null;
                }

                string key = string.Join(';', basisP.Select(g => g.LeadingMonomial.ToString()));
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new LiftGroup(p);
                }

                group.Add(p, basisP, computedInFull: !replayed);
                if (trace is not null && !replayed)
                {
                    traceKey ??= key;
                    primesAgreeingWithTrace += key == traceKey ? 1 : 0;
                    replayTrace = primesAgreeingWithTrace >= 2;
                }

                // Lift from the largest group (majority vote on the leading monomials).
                var best = groups.Values.OrderByDescending(g => g.PrimeCount).ThenBy(g => g.FirstPrime).First();
                progress?.Report(new GroebnerProgress(0, 0, basisP.Count, best.PrimeCount, "lift"));
                candidate = best.PrimesComputedInFull > 0 ? best.TryReconstruct(workRing) : null;
            }
        }
    }

    /// <summary>
    /// Returns the reduced bases modulo the primes of <paramref name="batch"/>, in the same order, computed on up to one
    /// thread per prime; only the calling thread reports progress. The calling thread waits for a helper at most half the time it spent
    /// on its own primes.
    /// </summary>
    private static List<(ulong Prime, PolynomialRing<ModInt> Ring, List<Polynomial<ModInt>> Basis, bool Complete, bool Replayed)> ComputeModPrimes(
        List<ulong> batch,
        List<Polynomial<Rational>> work,
        PolynomialRing<Rational> workRing,
        int[]? sugarWeights,
        bool perPrimeF4,
        F4Trace? record,
        F4Trace? replay,
        GroebnerOptions options,
        IProgress<GroebnerProgress>? progress,
        Stopwatch clock,
        CancellationToken ct)
    {
        var results = new (ulong, PolynomialRing<ModInt>, List<Polynomial<ModInt>>, bool, bool)[batch.Count];
        var done = new bool[batch.Count];
        void ComputeOne(int k, IProgress<GroebnerProgress>? report, F4Trace? recordTrace, CancellationToken token)
        {
            ulong p = batch[k];
            var field = PrimeField.Get(p);
            var ringP = new PolynomialRing<ModInt>(field, workRing.Variables, workRing.Order);
            IGroebnerEngine<ModInt> NewEngine()
            {
                IGroebnerEngine<ModInt> engine = perPrimeF4 ? new F4Engine(ringP, sugarWeights) : new BuchbergerEngine<ModInt>(ringP, 0, sugarWeights);
                foreach (var f in work)
                {
                    engine.AddGenerator(Reduce(f, ringP, field));
                }

                return engine;
            }

            var engine = NewEngine();
            bool replayed = false;
            if (engine is F4Engine f4 && recordTrace is not null)
            {
                f4.UseTrace(recordTrace, replay: false);
            }
            else if (engine is F4Engine f4Replay && replay is not null)
            {
                f4Replay.UseTrace(replay, replay: true);
                replayed = true;
            }

            bool complete;
            List<Polynomial<ModInt>> basis;
            try
            {
                complete = engine.Run(options.DegreeBound, options, report, $"modular p={p}", clock, token);
                if (replayed && !((F4Engine)engine).TraceFinished)
                {
                    throw new F4TraceMismatchException();
                }

                basis = engine.ReducedPolynomials(token);
            }
            catch (F4TraceMismatchException) when (replayed)
            {
                // This prime behaves unlike the recorded one, so it is computed in full.
                engine = NewEngine();
                replayed = false;
                complete = engine.Run(options.DegreeBound, options, report, $"modular p={p}", clock, token);
                basis = engine.ReducedPolynomials(token);
            }

            // Two threads may compute the same prime (see below), with the same result; the first one is kept.
            lock (done)
            {
                if (!done[k])
                {
                    results[k] = (p, ringP, basis, complete, replayed);
                    done[k] = true;
                }
            }
        }

        bool IsDone(int k)
        {
            lock (done)
            {
                return done[k];
            }
        }

        // The calling thread computes the first prime (which may record the trace), and every thread then takes the next
        // prime not yet taken. Helpers stop when the calling thread no longer needs them.
        int next = 0;
        var helperStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var helpers = new Task[batch.Count - 1];
        for (int t = 0; t < helpers.Length; t++)
        {
            // A helper's exception is dropped: the calling thread computes every prime a helper leaves unfinished and
            // then meets the same exception.
            helpers[t] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        int k;
                        while ((k = Interlocked.Increment(ref next)) < batch.Count && !helperStop.IsCancellationRequested)
                        {
                            ComputeOne(k, null, null, helperStop.Token);
                        }
                    }
                    catch (Exception)
                    {
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            var own = Stopwatch.StartNew();
            ComputeOne(0, progress, record, ct);
            int k;
            while ((k = Interlocked.Increment(ref next)) < batch.Count)
            {
                ComputeOne(k, progress, null, ct);
            }

            // A helper that has not finished within half the time the calling thread spent on its own primes may have
            // no processor, so the calling thread computes the missing primes too.
            Task.WaitAll(helpers, own.Elapsed / 2);
            for (k = 1; k < batch.Count; k++)
            {
                if (!IsDone(k))
                {
                    ComputeOne(k, progress, null, ct);
                }
            }
        }
        finally
        {
            helperStop.Cancel();
            Task.WhenAll(helpers).ContinueWith(_ => helperStop.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        return [.. results];
    }


    /// <summary>Returns the final basis in the caller's ring: the candidate itself, or its dehomogenization interreduced.</summary>
    private static GroebnerBasis<Rational> Finish(
        PolynomialRing<Rational> ring,
        List<Polynomial<Rational>> generators,
        bool homogeneous,
        List<Polynomial<Rational>> candidate,
        int? truncation,
        GroebnerOptions options,
        CancellationToken ct)
    {
        _ = options;
        if (homogeneous)
        {
            var sorted = candidate.OrderBy(g => g.LeadingMonomial, TermOrder.Compile(ring.Order, ring.VariableCount)).ToArray();
            return new GroebnerBasis<Rational>(ring, sorted, generators, truncation, null);
        }

        // Dehomogenize, keep one element per minimal leading monomial, and interreduce.
        var order = TermOrder.Compile(ring.Order, ring.VariableCount);
        var dehomogenized = candidate.Select(g => Dehomogenize(g, ring)).OrderBy(g => g.LeadingMonomial, order).ToList();
        var minimal = new List<Polynomial<Rational>>();
        foreach (var g in dehomogenized)
        {
            if (!minimal.Any(m => m.LeadingMonomial.Divides(g.LeadingMonomial)))
            {
                minimal.Add(g);
            }
        }

        // The minimal elements are monic and form a Groebner basis of the ideal. When no term of one is divisible by the
        // leading monomial of another, they already are the reduced basis, in the order the interreduction would return.
        if (IsReduced(minimal))
        {
            return new GroebnerBasis<Rational>(ring, [.. minimal], generators, null, null);
        }

        var engine = new BuchbergerEngine<Rational>(ring, 0);
        engine.Seed(minimal, int.MaxValue);
        return new GroebnerBasis<Rational>(ring, [.. engine.ReducedBasis(ct).Select(engine.ToPolynomial)], generators, null, null);
    }

    /// <summary>
    /// Returns whether no monomial of any element of <paramref name="basis"/> is divisible by the leading monomial of
    /// another element.
    /// </summary>
    internal static bool IsReduced(IReadOnlyList<Polynomial<Rational>> basis)
    {
        for (int i = 0; i < basis.Count; i++)
        {
            foreach (var m in basis[i].MonomialSpan)
            {
                for (int j = 0; j < basis.Count; j++)
                {
                    if (j != i && basis[j].LeadingMonomial.Divides(m))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Returns whether a homogeneous candidate passes the exact checks (1) and (2) for homogeneous generators in the
    /// standard grading. The modular engine runs the same checks; this entry point lets tests submit their own candidates.
    /// </summary>
    internal static bool VerifyCandidate(
        PolynomialRing<Rational> ring, IReadOnlyList<Polynomial<Rational>> generators, IReadOnlyList<Polynomial<Rational>> candidate, GroebnerOptions options)
    {
        int[] grading = [.. Enumerable.Repeat(1, ring.VariableCount)];
        var ringP = new PolynomialRing<ModInt>(PrimeField.Get(Primes().First()), ring.Variables, ring.Order);
        var work = generators.Where(f => !f.IsZero).Select(Primitive).ToList();
        return Verify(ring, work, [.. candidate], ringP, grading, null, options, null, Stopwatch.StartNew(), CancellationToken.None);
    }

    /// <summary>Checks conditions (1) and (2) of the soundness argument over Q; (3) is met because the candidate was lifted from a group with a prime computed in full.</summary>
    private static bool Verify(
        PolynomialRing<Rational> ring,
        List<Polynomial<Rational>> generators,
        List<Polynomial<Rational>> candidate,
        PolynomialRing<ModInt> ringP,
        int[] grading,
        int? truncation,
        GroebnerOptions options,
        IProgress<GroebnerProgress>? progress,
        Stopwatch clock,
        CancellationToken ct)
    {
        if (!candidate.All(g => IsHomogeneous(g, grading)))
        {
            return false;
        }

        // The pairs that survive the Gebauer-Moeller criteria; the criteria keep Buchberger's criterion valid. They
        // depend only on the leading monomials and their degrees, so the F4 engine over GF(p) selects them from the
        // leading monomials alone.
        var engine = new F4Engine(ringP, grading);
        engine.Seed(candidate.Select(g => ringP.FromTerms([(ringP.Field.One, g.LeadingMonomial)])), -1);
        var pairs = engine.PendingPairs(truncation);
        var verifier = new IntegerReducer(ring, candidate);
        foreach (var f in generators)
        {
            ct.ThrowIfCancellationRequested();
            if ((truncation is null || f.TotalDegree <= truncation) && !verifier.ReducesToZero(f))
            {
                return false;
            }
        }

        return SPolynomialsReduceToZero(ring, candidate, pairs, verifier, options, progress, clock, ct);
    }

    /// <summary>
    /// Whether the S-polynomials of all <paramref name="pairs"/> reduce to zero modulo the candidate. With more than one
    /// thread the pairs are handed out one at a time, each thread with its own <see cref="IntegerReducer"/>, and the
    /// threads stop at the first nonzero remainder. The result does not depend on the thread count or the timing.
    /// </summary>
    private static bool SPolynomialsReduceToZero(
        PolynomialRing<Rational> ring,
        List<Polynomial<Rational>> candidate,
        List<(int I, int J)> pairs,
        IntegerReducer verifier,
        GroebnerOptions options,
        IProgress<GroebnerProgress>? progress,
        Stopwatch clock,
        CancellationToken ct)
    {
        int threadCount = pairs.Count < MinPairsPerThread * 2 ? 1 : ThreadCount(options);

        // Per pair: 0 while unfinished, 1 when the S-polynomial reduces to zero, 2 when it does not.
        var status = new int[pairs.Count];
        int next = -1;
        int stop = 0;
        int timedOut = 0;

        bool ReducePair(IntegerReducer reducer, int k)
        {
            bool zero = reducer.SPolynomialReducesToZero(pairs[k].I, pairs[k].J);
            Volatile.Write(ref status[k], zero ? 1 : 2);
            if (!zero)
            {
                Volatile.Write(ref stop, 1);
            }

            return zero;
        }

        // Runs on every thread; only the calling thread reports progress. A helper builds its reducer only when a pair is left.
        void Work(Func<IntegerReducer> createReducer, bool reports)
        {
            IntegerReducer? reducer = null;
            while (Volatile.Read(ref stop) == 0 && Volatile.Read(ref timedOut) == 0 && !ct.IsCancellationRequested)
            {
                int k = Interlocked.Increment(ref next);
                if (k >= pairs.Count)
                {
                    return;
                }

                if (options.TimeLimit is TimeSpan limit && clock.Elapsed > limit)
                {
                    Volatile.Write(ref timedOut, 1);
                    return;
                }

                if (reports && progress is not null && k % 256 < threadCount)
                {
                    progress.Report(new GroebnerProgress(0, pairs.Count - k, candidate.Count, k, "verify"));
                }

                reducer ??= createReducer();
                if (!ReducePair(reducer, k))
                {
                    return;
                }
            }
        }

        for (int t = 1; t < threadCount; t++)
        {
            // A helper's exception is dropped: its unfinished pair is reduced again below on the calling thread, which
            // then meets the same exception.
            Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        Work(() => new IntegerReducer(ring, candidate), reports: false);
                    }
                    catch (Exception)
                    {
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        Work(() => verifier, reports: true);

        // A pair that a helper took but has not finished is reduced here as well, because the helper may get no
        // processor for a while. Both reductions give the same result, so the calling thread does not wait for a helper.
        for (int k = 0; k < pairs.Count && Volatile.Read(ref stop) == 0 && Volatile.Read(ref timedOut) == 0 && !ct.IsCancellationRequested; k++)
        {
            if (Volatile.Read(ref status[k]) == 0)
            {
                ReducePair(verifier, k);
            }
        }

        Volatile.Write(ref stop, 1);
        ct.ThrowIfCancellationRequested();
        bool failed = status.Any(s => s == 2);
        if (timedOut != 0 && !failed)
        {
            var limit = options.TimeLimit!.Value;
            int left = status.Count(s => s == 0);
            throw new GroebnerLimitExceededException(
                GroebnerLimit.TimeLimit,
                $"Groebner basis: the run took {clock.Elapsed.TotalSeconds:F1} s, above the limit TimeLimit = {limit.TotalSeconds:F1} s "
                + $"(verifying the modular result, {left} pairs left). Raise TimeLimit (CLI: --timeout SECONDS) or remove the limit.");
        }

        return !failed;
    }

    /// <summary>Returns the number of threads for the primes and the verification: the option, capped by the processor count.</summary>
    private static int ThreadCount(GroebnerOptions options) => Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, Environment.ProcessorCount));

    /// <summary>
    /// The bases modulo the primes of one group (same leading monomials), combined by Chinese remaindering as the
    /// primes arrive. Each coefficient is stored in mixed radix: x = d_0 + d_1 p_0 + d_2 p_0 p_1 + ... with digits
    /// d_i &lt; p_i. A new prime then costs one Garner step in 64-bit words per coefficient, and a big integer is formed
    /// only for a coefficient that is reconstructed.
    /// </summary>
    private sealed class LiftGroup(ulong firstPrime)
    {
        private readonly List<ulong> _primes = [];

        // Per basis element: its monomials in the order first met, and their positions.
        private readonly List<List<Monomial>> _monomials = [];
        private readonly List<Dictionary<Monomial, int>> _positions = [];

        // _digits[j][i][t] is digit i of coefficient t of element j. A monomial first met after prime i has no entry
        // there, and its digit is 0, because its residue modulo the earlier primes was 0.
        private readonly List<List<ulong[]>> _digits = [];

        // Reconstructed coefficients by position that still agree with every prime added since. Rational reconstruction
        // is unique below the bound, so they are the reconstructions for the current modulus too.
        private readonly List<Dictionary<int, Rational>> _reconstructed = [];
        private BigInteger _modulus = BigInteger.One;

        // The coefficient that failed to reconstruct last time; it is tried first, so a failing attempt is cheap.
        private (int Element, int Position)? _lastFailure;

        public ulong FirstPrime { get; } = firstPrime;

        public int PrimeCount { get; private set; }

        /// <summary>Number of primes of the group whose bases were computed without replaying a trace.</summary>
        public int PrimesComputedInFull { get; private set; }

        /// <summary>Adds the basis modulo p; a monomial missing from the basis has residue 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(ulong p, List<Polynomial<ModInt>> basis, bool computedInFull)
        {
            PrimesComputedInFull += computedInFull ? 1 : 0;

            // radix[i] = p_0 ... p_{i-1} mod p, and their product over all earlier primes is the modulus mod p.
            int k = _primes.Count;
            var radix = new ulong[k];
            ulong modulusModP = 1 % p;
            for (int i = 0; i < k; i++)
            {
                radix[i] = modulusModP;
                modulusModP = PrimeModulus.MultiplyMod(modulusModP, _primes[i] % p, p);
            }

            ulong inverse = PrimeModulus.InverseMod(modulusModP, p);
            for (int j = 0; j < basis.Count; j++)
            {
                if (_monomials.Count <= j)
                {
                    _monomials.Add([]);
                    _positions.Add([]);
                    _digits.Add([]);
                    _reconstructed.Add([]);
                }

                var monomials = _monomials[j];
                var positions = _positions[j];
                var g = basis[j];
                var residues = new ulong[monomials.Count + g.TermCount];
                for (int t = 0; t < g.TermCount; t++)
                {
                    var m = g.MonomialSpan[t];
                    if (!positions.TryGetValue(m, out int position))
                    {
                        position = monomials.Count;
                        positions[m] = position;
                        monomials.Add(m);
                    }

                    residues[position] = g.CoefficientSpan[t].Value;
                }

                var digits = _digits[j];
                var reconstructed = _reconstructed[j];
                var digit = new ulong[monomials.Count];
                for (int t = 0; t < digit.Length; t++)
                {
                    // Garner step: the new digit is (r - x) * m^{-1} mod p, with x mod p from the earlier digits.
                    ulong xModP = 0;
                    for (int i = 0; i < k; i++)
                    {
                        var earlier = digits[i];
                        if (t < earlier.Length && earlier[t] != 0)
                        {
                            xModP = (xModP + PrimeModulus.MultiplyMod(earlier[t] % p, radix[i], p)) % p;
                        }
                    }

                    ulong r = residues[t];
                    ulong difference = r >= xModP ? r - xModP : r + p - xModP;
                    digit[t] = PrimeModulus.MultiplyMod(difference, inverse, p);

                    // A cached a/b stays valid when a = r b modulo the new prime.
                    if (reconstructed.TryGetValue(t, out var cached)
                        && PrimeModulus.Reduce(cached.Numerator, p) != PrimeModulus.MultiplyMod(r, PrimeModulus.Reduce(cached.Denominator, p), p))
                    {
                        reconstructed.Remove(t);
                    }
                }

                digits.Add(digit);
            }

            _primes.Add(p);
            _modulus *= p;
            PrimeCount++;
        }

        /// <summary>Returns the residue in [0, modulus) of coefficient t of element j, from its digits by Horner's rule.</summary>
        private BigInteger Residue(int j, int t)
        {
            if (_modulus.GetBitLength() <= 127)
            {
                return SmallResidue(j, t);
            }

            // Horner's rule on 64-bit limbs, least significant first: every prime is below 2^32, so each step's carry
            // fits a limb, and the limbs become one big integer at the end.
            var digits = _digits[j];
            Span<ulong> limbs = stackalloc ulong[digits.Count / 2 + 2];
            int used = 0;
            for (int i = digits.Count - 1; i >= 0; i--)
            {
                ulong carry = t < digits[i].Length ? digits[i][t] : 0;
                for (int l = 0; l < used; l++)
                {
                    ulong high = Math.BigMul(limbs[l], _primes[i], out ulong low);
                    low += carry;
                    high += low < carry ? 1UL : 0UL;
                    limbs[l] = low;
                    carry = high;
                }

                if (carry != 0)
                {
                    limbs[used++] = carry;
                }
            }

            return new BigInteger(System.Runtime.InteropServices.MemoryMarshal.AsBytes(limbs[..used]), isUnsigned: true, isBigEndian: false);
        }

        /// <summary>
        /// Returns the symmetric residue of coefficient t of element j, for a modulus <paramref name="m"/> below 2^127, when the residue
        /// is at most <paramref name="limit"/> in absolute value, else null. Such an integer is the unique reconstruction
        /// within the bound.
        /// </summary>
        private Rational? SmallInteger(int j, int t, UInt128 m, UInt128 limit)
        {
            var u = SmallResidue(j, t);
            if (u <= limit)
            {
                return Rational.Create((BigInteger)u, BigInteger.One);
            }

            return m - u <= limit ? Rational.Create(-(BigInteger)(m - u), BigInteger.One) : null;
        }

        /// <summary>Returns the residue of coefficient t of element j for a modulus below 2^127.</summary>
        private UInt128 SmallResidue(int j, int t)
        {
            var digits = _digits[j];
            UInt128 x = UInt128.Zero;
            for (int i = digits.Count - 1; i >= 0; i--)
            {
                x = x * _primes[i] + (t < digits[i].Length ? digits[i][t] : 0);
            }

            return x;
        }

        private bool IsZero(int j, int t)
        {
            foreach (var digits in _digits[j])
            {
                if (t < digits.Length && digits[t] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Returns a/b with a ≡ u b (mod m), |a| and b at most the bound and b dividing <paramref name="denominator"/>, or
        /// null when the symmetric residue of u * denominator exceeds the bound. Such a fraction is the unique one within
        /// the bound, so the Euclidean reconstruction returns the same fraction whenever it succeeds.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Rational? WithDenominator(BigInteger u, BigInteger denominator, BigInteger bound)
        {
            if (denominator > bound)
            {
                return null;
            }

            var numerator = u * denominator % _modulus;
            if (numerator > _modulus >> 1)
            {
                numerator -= _modulus;
            }

            if (BigInteger.Abs(numerator) > bound)
            {
                return null;
            }

            // The numerator is u * denominator mod m, so a fraction already in lowest terms needs no check. Cancelling
            // a common factor keeps the congruence only when that factor is prime to m, which the check decides.
            var fraction = Rational.Create(numerator, denominator);
            if (fraction.Denominator == denominator)
            {
                return fraction;
            }

            return ((fraction.Numerator - u * fraction.Denominator) % _modulus).IsZero ? fraction : null;
        }

        /// <summary>Returns the rational reconstruction of every coefficient, or null when one does not reconstruct yet.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public List<Polynomial<Rational>>? TryReconstruct(PolynomialRing<Rational> ring)
        {
            var bound = Sqrt(_modulus / 2);
            if (_lastFailure is var (element, position)
                && element < _monomials.Count
                && position < _monomials[element].Count
                && RationalReconstruction(Residue(element, position), _modulus, bound) is null)
            {
                return null;
            }

            bool smallModulus = _modulus.GetBitLength() <= 127;
            var smallModulusValue = smallModulus ? (UInt128)_modulus : UInt128.Zero;
            var smallBound = smallModulus ? (UInt128)bound : UInt128.Zero;
            var result = new List<Polynomial<Rational>>(_monomials.Count);
            for (int j = 0; j < _monomials.Count; j++)
            {
                var termMonomials = new List<Monomial>(_monomials[j].Count);
                var termCoefficients = new List<Rational>(_monomials[j].Count);
                var reconstructed = _reconstructed[j];
                var monomials = _monomials[j];

                // The lcm of the denominators met so far in this polynomial: coefficients of one basis element tend to
                // share it, and then u * denominator mod m is already the numerator, with no Euclidean algorithm.
                var denominator = BigInteger.One;
                for (int t = 0; t < monomials.Count; t++)
                {
                    if (IsZero(j, t))
                    {
                        continue;
                    }

                    if (!reconstructed.TryGetValue(t, out var coefficient))
                    {
                        if (smallModulus && denominator.IsOne && SmallInteger(j, t, smallModulusValue, smallBound) is { } integer)
                        {
                            coefficient = integer;
                            reconstructed[t] = coefficient;
                            termMonomials.Add(monomials[t]);
                            termCoefficients.Add(coefficient);
                            continue;
                        }

                        var value = Residue(j, t);
                        if ((WithDenominator(value, denominator, bound) ?? RationalReconstruction(value, _modulus, bound)) is not { } fresh)
                        {
                            _lastFailure = (j, t);
                            return null;
                        }

                        coefficient = fresh;
                        reconstructed[t] = coefficient;
                    }

                    if (!(denominator % coefficient.Denominator).IsZero)
                    {
                        denominator = denominator / BigInteger.GreatestCommonDivisor(denominator, coefficient.Denominator) * coefficient.Denominator;
                    }

                    if (!coefficient.IsZero)
                    {
                        termMonomials.Add(monomials[t]);
                        termCoefficients.Add(coefficient);
                    }
                }

                result.Add(ring.FromUnsortedUnique([.. termMonomials], [.. termCoefficients]));
            }

            return result;
        }
    }

    /// <summary>Whether all terms of f have the same weighted degree.</summary>
    private static bool IsHomogeneous(Polynomial<Rational> f, IReadOnlyList<int> weights)
    {
        var span = f.MonomialSpan;
        if (span.Length == 0)
        {
            return true;
        }

        int[] w = [.. weights];
        long degree = span[0].WeightedDegree(w);
        foreach (var m in span)
        {
            if (m.WeightedDegree(w) != degree)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns a/b with a ≡ u b (mod m), |a| and b at most sqrt(m/2), or null when none exists.</summary>
    /// <remarks>Algorithm: rational reconstruction by the extended Euclidean algorithm [GG13, Sec. 5.10].</remarks>
    internal static Rational? RationalReconstruction(BigInteger u, BigInteger m) => RationalReconstruction(u, m, Sqrt(m / 2));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Rational? RationalReconstruction(BigInteger u, BigInteger m, BigInteger bound)
    {
        if (m.Sign > 0 && m.GetBitLength() <= 127)
        {
            return SmallRationalReconstruction((UInt128)(((u % m) + m) % m), (UInt128)m, (UInt128)bound);
        }

        BigInteger r0 = m, r1 = ((u % m) + m) % m;
        BigInteger t0 = BigInteger.Zero, t1 = BigInteger.One;
        while (r1 > bound)
        {
            var q = BigInteger.Divide(r0, r1);
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }

        if (t1.IsZero || BigInteger.Abs(t1) > bound || !BigInteger.GreatestCommonDivisor(r1, t1).IsOne)
        {
            return null;
        }

        return t1.Sign < 0 ? Rational.Create(-r1, -t1) : Rational.Create(r1, t1);
    }

    /// <summary>
    /// The same reconstruction for a modulus below 2^127, in 128-bit arithmetic: the remainders stay below m, and
    /// the cofactors t satisfy |t| &lt;= m, so nothing overflows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Rational? SmallRationalReconstruction(UInt128 u, UInt128 m, UInt128 bound)
    {
        UInt128 r0 = m, r1 = u;
        Int128 t0 = Int128.Zero, t1 = Int128.One;
        while (r1 > bound)
        {
            // Most quotients are small (Gauss-Kuzmin), and subtracting is much cheaper than a 128-bit division.
            UInt128 q = UInt128.One;
            var remainder = r0 - r1;
            while (remainder >= r1 && q < 8)
            {
                remainder -= r1;
                q++;
            }

            if (remainder >= r1)
            {
                q = r0 / r1;
                remainder = r0 - q * r1;
            }

            (r0, r1) = (r1, remainder);
            (t0, t1) = (t1, t0 - (Int128)q * t1);
        }

        var absoluteT = (UInt128)Int128.Abs(t1);
        if (t1 == Int128.Zero || absoluteT > bound || Gcd(r1, absoluteT) != UInt128.One)
        {
            return null;
        }

        var numerator = t1 < Int128.Zero ? -(BigInteger)r1 : (BigInteger)r1;
        return Rational.Create(numerator, (BigInteger)absoluteT);
    }

    private static UInt128 Gcd(UInt128 a, UInt128 b)
    {
        while (b != UInt128.Zero)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>Returns floor(sqrt(n)) by Newton's iteration.</summary>
    private static BigInteger Sqrt(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }

        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    /// <summary>Primes below 2^31, largest first.</summary>
    private static IEnumerable<ulong> Primes()
    {
        for (ulong p = (1UL << 31) - 1; p > 1UL << 30; p -= 2)
        {
            if (PrimeModulus.IsPrime(p))
            {
                yield return p;
            }
        }
    }

    /// <summary>Returns f scaled to a primitive integer polynomial with positive leading coefficient.</summary>
    private static Polynomial<Rational> Primitive(Polynomial<Rational> f)
    {
        BigInteger lcm = BigInteger.One;
        foreach (var c in f.CoefficientSpan)
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        BigInteger content = BigInteger.Zero;
        foreach (var c in f.CoefficientSpan)
        {
            content = BigInteger.GreatestCommonDivisor(content, c.Numerator * (lcm / c.Denominator));
        }

        var scale = Rational.Create(lcm, content);
        return f.LeadingCoefficient.Sign < 0 ? f * -scale : f * scale;
    }

    private static Polynomial<ModInt> Reduce(Polynomial<Rational> f, PolynomialRing<ModInt> ring, PrimeField field)
    {
        var terms = new List<(ModInt, Monomial)>(f.TermCount);
        for (int t = 0; t < f.TermCount; t++)
        {
            terms.Add((field.FromInteger(f.CoefficientSpan[t].Numerator), f.MonomialSpan[t]));
        }

        return ring.FromTerms(terms);
    }

    /// <summary>Reduces rational polynomials modulo p, made monic; null when a denominator or leading coefficient vanishes modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Polynomial<ModInt>>? TryReduce(List<Polynomial<Rational>> polynomials, PolynomialRing<ModInt> ring, PrimeField field)
    {
        var result = new List<Polynomial<ModInt>>(polynomials.Count);
        foreach (var f in polynomials)
        {
            var monomials = new List<Monomial>(f.TermCount);
            var coefficients = new List<ModInt>(f.TermCount);
            for (int t = 0; t < f.TermCount; t++)
            {
                var c = f.CoefficientSpan[t];
                if (PrimeModulus.Reduce(c.Denominator, field.Prime) == 0)
                {
                    return null;
                }

                var residue = field.FromRational(c);
                if (!residue.IsZero)
                {
                    monomials.Add(f.MonomialSpan[t]);
                    coefficients.Add(residue);
                }
            }

            // The monomials of f are distinct and in decreasing order, so the residues need no merging.
            var g = ring.FromUnsortedUnique([.. monomials], [.. coefficients]);
            if (g.IsZero || g.LeadingMonomial != f.LeadingMonomial)
            {
                return null;
            }

            result.Add(g.Monic());
        }

        return result;
    }

    /// <summary>Returns K[x_1..x_n, h] with the order comparing the x-part by the ring's order first, then the power of h.</summary>
    private static PolynomialRing<Rational> HomogenizingRing(PolynomialRing<Rational> ring)
    {
        string name = "_h";
        for (int k = 1; ring.IndexOf(name) >= 0; k++)
        {
            name = "_h" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new PolynomialRing<Rational>(
            ring.Field, ring.Variables.Append(name), MonomialOrder.Block(ring.Order, ring.VariableCount, MonomialOrder.Lex));
    }

    private static Polynomial<Rational> Homogenize(Polynomial<Rational> f, PolynomialRing<Rational> target)
    {
        int degree = f.TotalDegree;
        int n = f.Ring.VariableCount;
        var ms = new Monomial[f.TermCount];
        for (int t = 0; t < ms.Length; t++)
        {
            var e = new ushort[n + 1];
            f.MonomialSpan[t].Exponents.CopyTo(e);
            e[n] = (ushort)(degree - f.MonomialSpan[t].TotalDegree);
            ms[t] = Monomial.FromExponentsUnchecked(e);
        }

        return target.FromUnsortedUnique(ms, f.CoefficientSpan.ToArray());
    }

    private static Polynomial<Rational> Dehomogenize(Polynomial<Rational> g, PolynomialRing<Rational> target)
    {
        int n = target.VariableCount;
        var ms = new Monomial[g.TermCount];
        for (int t = 0; t < ms.Length; t++)
        {
            ms[t] = Monomial.FromExponentsUnchecked(g.MonomialSpan[t].Exponents[..n].ToArray());
        }

        return target.FromUnsortedUnique(ms, g.CoefficientSpan.ToArray()).Monic();
    }
}
