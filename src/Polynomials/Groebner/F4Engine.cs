using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>The operations that the drivers (<see cref="Groebner"/>, <see cref="HomogeneousGroebnerComputation{T}"/>) need from an engine.</summary>
internal interface IGroebnerEngine<T>
    where T : struct, IFieldElement<T>
{
    /// <summary>Number of pairs and generators still waiting.</summary>
    int PairsLeft { get; }

    /// <summary>Smallest sugar degree among the waiting pairs, or null when none is waiting.</summary>
    int? NextDegree { get; }

    /// <summary>Pairs and generators reduced so far.</summary>
    long PairsReduced { get; }

    /// <summary>Number of polynomials in the current (not yet reduced) basis.</summary>
    int BasisSize { get; }

    /// <summary>Queues a generator; it is reduced when its sugar degree comes up.</summary>
    void AddGenerator(Polynomial<T> f);

    /// <summary>
    /// Adds the elements of a reduced basis known to be a Groebner basis up to degree <paramref name="completeUpToDegree"/>:
    /// their pairs of sugar at most that degree are known to reduce to zero and are not queued.
    /// </summary>
    void Seed(IEnumerable<Polynomial<T>> basis, int completeUpToDegree);

    /// <summary>Reduces pairs and generators in order of sugar up to <paramref name="degreeBound"/>; returns true when nothing is left.</summary>
    bool Run(int? degreeBound, GroebnerOptions options, IProgress<GroebnerProgress>? progress, string phase, Stopwatch clock, CancellationToken ct);

    /// <summary>Returns the reduced basis of the current basis, sorted by leading monomial (smallest first).</summary>
    List<Polynomial<T>> ReducedPolynomials(CancellationToken ct);
}

/// <summary>A polynomial inside the F4 engine: monomial indices of a <see cref="MonomialTable"/> in decreasing order and residues modulo p.</summary>
internal sealed class F4Polynomial(int[] monomials, uint[] coefficients, int sugar)
{
    public int[] Monomials { get; } = monomials;

    public uint[] Coefficients { get; } = coefficients;

    public int Sugar { get; } = sugar;

    public int Lead => Monomials[0];

    public int Length => Monomials.Length;
}

/// <summary>
/// Which rows to reduce gave new basis elements, for each matrix of one F4 run. A run over another prime that takes
/// the same steps can skip the other rows, because they reduced to zero.
/// </summary>
/// <remarks>Algorithm: F4 over several primes, the later ones replaying the trace of the first.</remarks>
internal sealed class F4Trace
{
    /// <summary>One flag per row to reduce (in the sorted order of the matrix), for each matrix in turn.</summary>
    public List<bool[]> Steps { get; } = [];
}

/// <summary>A replayed F4 run left its trace: the matrices differ, or a row expected to give an element reduced to zero.</summary>
internal sealed class F4TraceMismatchException() : Exception("F4 trace replay: the run over this prime differs from the recorded trace.");

/// <summary>
/// State of one F4 run over GF(p), p &lt; 2^31: the basis built so far and the waiting pairs and generators. Each step
/// takes all waiting pairs of the lowest sugar degree, builds their Macaulay matrix and reduces it. The rows with new
/// leading monomials join the basis. Homogeneous input is processed degree by degree, so a run can stop after a
/// degree and resume later.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: F4 [Fau99] with the Gebauer-Moeller criteria [GM88] and the sugar selection strategy [GMNRT91]; the
/// matrix is split into known pivot rows (multiples of basis elements, found by symbolic preprocessing) and rows to
/// reduce, as in [FL10].
/// </para>
/// <para>
/// Each step: (1) the selected pairs contribute both multiples (lcm / lm(g)) g, one of which becomes the pivot row
/// of the lcm column, and the generators contribute themselves as rows to reduce; (2) symbolic preprocessing adds,
/// for every monomial of the matrix divisible by a leading monomial of the basis, one multiple of the shortest such
/// basis element as its pivot row; (3) the columns are the monomials of the matrix in decreasing order; (4) each row
/// to reduce is scattered into a dense vector of 64-bit accumulators and swept from left to right: an entry in a
/// pivot column is cancelled with that pivot row, an entry in another column is kept, and the first kept entry makes
/// the row a new pivot for the rows after it. Accumulators stay in [0, p^2), so a subtraction needs one comparison
/// and the residue is taken only when the sweep reaches the column. Every leading monomial of a nonzero result lies in
/// a non-pivot column, so it is not divisible by a leading monomial of the basis, and the result joins the basis.
/// </para>
/// <para>Not thread-safe. The reduced basis is unique, so the output equals that of <see cref="BuchbergerEngine{T}"/>.</para>
/// </remarks>
internal sealed class F4Engine : IGroebnerEngine<ModInt>
{
    /// <summary>Largest prime the engine supports: accumulators hold sums of two products below p^2 in 64 bits.</summary>
    public const ulong MaxPrime = (1UL << 31) - 1;

    private readonly PolynomialRing<ModInt> _ring;
    private readonly ulong _prime;
    private readonly MonomialTable _table;
    private readonly int _oneIndex;
    private readonly List<F4Polynomial> _basis = [];
    private readonly List<int> _active = [];
    private readonly List<F4Polynomial> _inputs = [];
    private readonly SortedSet<Pair> _pairs;
    private long _serial;
    private long _runStartPairs;
    private F4Trace? _record;
    private F4Trace? _replay;
    private int _traceStep;

    // Per-monomial scratch arrays, valid for the current matrix when the stamp matches.
    private int _stamp;
    private int[] _seenStamp = new int[1024];
    private int[] _pivotStamp = new int[1024];
    private int[] _column = new int[1024];
    private ulong[] _dense = new ulong[1024];
    private readonly List<int> _outColumns = [];
    private readonly List<uint> _outValues = [];

    /// <summary>A critical pair (I, J) of basis indices, or a waiting generator (I = input index, J = -1).</summary>
    private readonly record struct Pair(int I, int J, int Lcm, int Sugar, long Serial);

    /// <summary>A matrix row: column indices ascending (monomial indices before the columns are assigned) and residues.</summary>
    private sealed class Row(int[] columns, uint[] coefficients)
    {
        public int[] Columns { get; } = columns;

        public uint[] Coefficients { get; } = coefficients;
    }

    /// <summary>Starts an engine; <paramref name="sugarWeights"/> (positive) replaces the total degree in the sugar when given.</summary>
    /// <exception cref="ArgumentException">The field of <paramref name="ring"/> is not GF(p) with p at most <see cref="MaxPrime"/>.</exception>
    public F4Engine(PolynomialRing<ModInt> ring, IReadOnlyList<int>? sugarWeights = null)
    {
        if (!Supports(ring))
        {
            throw new ArgumentException($"F4 engine: the field of {ring} is not GF(p) with p at most 2^31 - 1. Use the Buchberger engine.", nameof(ring));
        }

        _ring = ring;
        _prime = ((PrimeField)ring.Field).Prime;
        var weights = sugarWeights is null || sugarWeights.All(w => w == 1) ? null : sugarWeights.ToArray();
        _table = new MonomialTable(ring.VariableCount, TermOrder.Compile(ring.Order, ring.VariableCount), weights);
        _oneIndex = _table.Intern(Monomial.One(ring.VariableCount));
        _pairs = new SortedSet<Pair>(Comparer<Pair>.Create(ComparePairs));
    }

    /// <summary>
    /// Records the rows that give new elements into <paramref name="trace"/>, or, with <paramref name="replay"/>, reduces
    /// only the rows that gave new elements in the recorded run. A replay raises <see cref="F4TraceMismatchException"/>
    /// when it notices that this run differs; rows that reduced to zero in the recorded run are not checked.
    /// </summary>
    public void UseTrace(F4Trace trace, bool replay)
    {
        ArgumentNullException.ThrowIfNull(trace);
        _record = replay ? null : trace;
        _replay = replay ? trace : null;
        _traceStep = 0;
    }

    /// <summary>Whether a replay has used every step of its trace (true when no trace is replayed).</summary>
    public bool TraceFinished => _replay is null || _traceStep == _replay.Steps.Count;

    /// <summary>Whether the engine works over the field of <paramref name="ring"/>.</summary>
    public static bool Supports(PolynomialRing<ModInt> ring) => ring.Field is PrimeField field && field.Prime <= MaxPrime;

    /// <summary>Whether the ideal was found to be the whole ring.</summary>
    public bool IsUnit { get; private set; }

    /// <inheritdoc />
    public int PairsLeft => _pairs.Count;

    /// <inheritdoc />
    public int? NextDegree => _pairs.Count == 0 ? null : _pairs.Min.Sugar;

    /// <inheritdoc />
    public long PairsReduced { get; private set; }

    /// <inheritdoc />
    public int BasisSize => _active.Count;

    private int ComparePairs(Pair a, Pair b)
    {
        if (a.Sugar != b.Sugar)
        {
            return a.Sugar < b.Sugar ? -1 : 1;
        }

        int c = _table.Compare(a.Lcm, b.Lcm);
        return c != 0 ? c : a.Serial.CompareTo(b.Serial);
    }

    /// <inheritdoc />
    public void AddGenerator(Polynomial<ModInt> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.IsZero)
        {
            return;
        }

        var monomials = new int[f.TermCount];
        var coefficients = new uint[f.TermCount];
        int sugar = 0;
        for (int k = 0; k < monomials.Length; k++)
        {
            monomials[k] = _table.Intern(f.MonomialSpan[k]);
            coefficients[k] = (uint)(f.CoefficientSpan[k].Value % _prime);
            sugar = Math.Max(sugar, _table.Degree(monomials[k]));
        }

        var p = new F4Polynomial(monomials, coefficients, sugar);
        _inputs.Add(p);
        _pairs.Add(new Pair(_inputs.Count - 1, -1, p.Lead, sugar, _serial++));
    }

    /// <inheritdoc />
    public void Seed(IEnumerable<Polynomial<ModInt>> basis, int completeUpToDegree)
    {
        ArgumentNullException.ThrowIfNull(basis);
        int first = _basis.Count;
        foreach (var f in basis)
        {
            if (f.IsZero)
            {
                continue;
            }

            var monic = f.Monic();
            var monomials = new int[monic.TermCount];
            var coefficients = new uint[monic.TermCount];
            int sugar = 0;
            for (int k = 0; k < monomials.Length; k++)
            {
                monomials[k] = _table.Intern(monic.MonomialSpan[k]);
                coefficients[k] = (uint)monic.CoefficientSpan[k].Value;
                sugar = Math.Max(sugar, _table.Degree(monomials[k]));
            }

            Insert(new F4Polynomial(monomials, coefficients, sugar));
            if (IsUnit)
            {
                _pairs.Clear();
                return;
            }
        }

        _pairs.RemoveWhere(pair => pair.J >= 0 && pair.I >= first && pair.J >= first && pair.Sugar <= completeUpToDegree);
    }

    /// <summary>
    /// Returns the waiting critical pairs (i, j) with sugar at most <paramref name="degreeBound"/> (all when null), as
    /// indices into the basis in the order of insertion, in queue order.
    /// </summary>
    public List<(int I, int J)> PendingPairs(int? degreeBound) =>
        [.. _pairs.Where(p => p.J >= 0 && (degreeBound is null || p.Sugar <= degreeBound)).Select(p => (p.I, p.J))];

    /// <inheritdoc />
    public bool Run(int? degreeBound, GroebnerOptions options, IProgress<GroebnerProgress>? progress, string phase, Stopwatch clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runStartPairs = PairsReduced;
        var selected = new List<Pair>();
        while (_pairs.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            int degree = _pairs.Min.Sugar;
            if (degreeBound is int bound && degree > bound)
            {
                return false;
            }

            CheckLimits(degree, options, clock);

            // All pairs of the lowest sugar, but no more than MaxPairs allows, so that the limit is hit exactly.
            long allowed = options.MaxPairs is long maxPairs ? maxPairs - (PairsReduced - _runStartPairs) : long.MaxValue;
            selected.Clear();
            foreach (var pair in _pairs)
            {
                if (pair.Sugar != degree || selected.Count >= allowed)
                {
                    break;
                }

                selected.Add(pair);
            }

            foreach (var pair in selected)
            {
                _pairs.Remove(pair);
            }

            List<F4Polynomial> added;
            try
            {
                added = ReduceStep(selected, degree, options, progress, phase, clock, ct);
            }
            catch
            {
                foreach (var pair in selected)
                {
                    _pairs.Add(pair);
                }

                throw;
            }

            PairsReduced += selected.Count;

            // Insert multiples before their divisors, so a divisor retires them (possible for inhomogeneous input).
            added.Sort((a, b) => _table.Compare(b.Lead, a.Lead));
            foreach (var h in added)
            {
                Insert(h);
                if (IsUnit)
                {
                    _pairs.Clear();
                    return true;
                }
            }
        }

        return true;
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

        CheckTime(options, clock, $"degree {sugar}");
    }

    private void CheckTime(GroebnerOptions options, Stopwatch clock, string where)
    {
        if (options.TimeLimit is TimeSpan limit && clock.Elapsed > limit)
        {
            throw new GroebnerLimitExceededException(
                GroebnerLimit.TimeLimit,
                $"Groebner basis: the run took {clock.Elapsed.TotalSeconds:F1} s, above the limit TimeLimit = {limit.TotalSeconds:F1} s "
                + $"({where}, {_pairs.Count} pairs waiting). Raise TimeLimit (CLI: --timeout SECONDS) or remove the limit.");
        }
    }

    /// <summary>Builds and reduces the Macaulay matrix of the selected pairs and generators; returns the new basis elements (monic).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<F4Polynomial> ReduceStep(
        List<Pair> selected, int degree, GroebnerOptions options, IProgress<GroebnerProgress>? progress, string phase, Stopwatch clock, CancellationToken ct)
    {
        // Phase 1: the rows of the pairs and generators.
        BeginMatrix();
        var worklist = new List<int>();
        var pivots = new List<Row>();
        var toReduce = new List<Row>();
        var used = new HashSet<(int Lcm, int Element)>();
        foreach (var pair in selected)
        {
            if (pair.J < 0)
            {
                var f = _inputs[pair.I];
                var row = new Row((int[])f.Monomials.Clone(), f.Coefficients);
                toReduce.Add(row);
                Touch(row.Columns, 0, worklist);
                continue;
            }

            foreach (int element in (ReadOnlySpan<int>)[pair.I, pair.J])
            {
                if (!used.Add((pair.Lcm, element)))
                {
                    continue;
                }

                var g = _basis[element];
                var row = new Row(MultiplyMonomials(g, _table.Divide(pair.Lcm, g.Lead)), g.Coefficients);
                if (_pivotStamp[pair.Lcm] != _stamp)
                {
                    _pivotStamp[pair.Lcm] = _stamp;
                    pivots.Add(row);
                }
                else
                {
                    toReduce.Add(row);
                }

                Touch(row.Columns, 0, worklist);
            }
        }

        // Phase 2: symbolic preprocessing.
        Preprocess(worklist, pivots, _active);

        // Phase 3: columns in decreasing order, and the rows rewritten in column indices.
        int columnCount = AssignColumns(worklist, pivots, toReduce, out var monomialOfColumn);
        progress?.Report(new GroebnerProgress(degree, _pairs.Count, _active.Count, PairsReduced, phase)
        {
            MatrixRows = pivots.Count + toReduce.Count,
            MatrixColumns = columnCount,
        });

        // Phase 4: reduce the rows to reduce by the known pivots and by each other.
        var pivotOfColumn = new Row?[columnCount];
        foreach (var row in pivots)
        {
            pivotOfColumn[row.Columns[0]] = row;
        }

        // The sort compares leading columns only, and the columns are numbered in monomial order, so a run over another
        // prime with the same steps sorts the rows the same way, which is what the trace relies on.
        toReduce.Sort((a, b) => a.Columns[0].CompareTo(b.Columns[0]));
        bool[]? useful = null;
        if (_replay is not null)
        {
            if (_traceStep >= _replay.Steps.Count || _replay.Steps[_traceStep].Length != toReduce.Count)
            {
                throw new F4TraceMismatchException();
            }

            useful = _replay.Steps[_traceStep];
        }

        _traceStep++;
        var produced = _record is null ? null : new bool[toReduce.Count];
        var result = new List<F4Polynomial>();
        for (int r = 0; r < toReduce.Count; r++)
        {
            if ((r & 31) == 31)
            {
                ct.ThrowIfCancellationRequested();
                CheckTime(options, clock, $"reducing a {pivots.Count + toReduce.Count} x {columnCount} matrix in degree {degree}");
            }

            // A row that reduced to zero over the recorded prime adds no pivot, so skipping it changes no other row.
            if (useful is not null && !useful[r])
            {
                continue;
            }

            var reduced = ReduceRow(toReduce[r], pivotOfColumn, columnCount, keepLead: false);
            if (reduced is null)
            {
                if (useful is not null)
                {
                    throw new F4TraceMismatchException();
                }

                continue;
            }

            if (produced is not null)
            {
                produced[r] = true;
            }

            pivotOfColumn[reduced.Columns[0]] = reduced;
            var monomials = new int[reduced.Columns.Length];
            for (int k = 0; k < monomials.Length; k++)
            {
                monomials[k] = monomialOfColumn[reduced.Columns[k]];
            }

            result.Add(new F4Polynomial(monomials, reduced.Coefficients, degree));
        }

        if (produced is not null)
        {
            _record!.Steps.Add(produced);
        }

        return result;
    }

    /// <summary>Starts a new matrix: the per-monomial stamps of the previous one become stale.</summary>
    private void BeginMatrix()
    {
        _stamp++;
        EnsureMonomialCapacity();
    }

    private void EnsureMonomialCapacity()
    {
        int count = _table.Count;
        if (_seenStamp.Length >= count)
        {
            return;
        }

        int size = Math.Max(count, 2 * _seenStamp.Length);
        Array.Resize(ref _seenStamp, size);
        Array.Resize(ref _pivotStamp, size);
        Array.Resize(ref _column, size);
    }

    /// <summary>Appends the monomials of <paramref name="monomials"/>[start..] not seen in this matrix to the worklist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Touch(int[] monomials, int start, List<int> worklist)
    {
        EnsureMonomialCapacity();
        for (int k = start; k < monomials.Length; k++)
        {
            int m = monomials[k];
            if (_seenStamp[m] != _stamp)
            {
                _seenStamp[m] = _stamp;
                worklist.Add(m);
            }
        }
    }

    /// <summary>
    /// Symbolic preprocessing: gives every monomial of the worklist (which grows meanwhile) that is divisible by a
    /// leading monomial of <paramref name="reducers"/> a pivot row, unless it has one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Preprocess(List<int> worklist, List<Row> pivots, List<int> reducers)
    {
        for (int k = 0; k < worklist.Count; k++)
        {
            int m = worklist[k];
            if (_pivotStamp[m] == _stamp)
            {
                continue;
            }

            int r = FindReducer(m, reducers);
            if (r < 0)
            {
                continue;
            }

            var g = _basis[r];
            var row = new Row(MultiplyMonomials(g, _table.Divide(m, g.Lead)), g.Coefficients);
            _pivotStamp[m] = _stamp;
            pivots.Add(row);
            Touch(row.Columns, 1, worklist);
        }
    }

    /// <summary>Numbers the monomials of the worklist in decreasing order and rewrites every row in column indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AssignColumns(List<int> worklist, List<Row> pivots, List<Row> toReduce, out int[] monomialOfColumn)
    {
        monomialOfColumn = [.. worklist];
        Array.Sort(monomialOfColumn, (a, b) => _table.Compare(b, a));
        for (int c = 0; c < monomialOfColumn.Length; c++)
        {
            _column[monomialOfColumn[c]] = c;
        }

        foreach (var row in pivots.Concat(toReduce))
        {
            var columns = row.Columns;
            for (int k = 0; k < columns.Length; k++)
            {
                columns[k] = _column[columns[k]];
            }
        }

        if (_dense.Length < monomialOfColumn.Length)
        {
            _dense = new ulong[Math.Max(monomialOfColumn.Length, 2 * _dense.Length)];
        }

        return monomialOfColumn.Length;
    }

    /// <summary>
    /// Reduces a row by the pivot rows, sweeping its dense copy from left to right; returns the monic remainder, or
    /// null when it is zero. With <paramref name="keepLead"/> the first entry is kept as it is (tail reduction).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Row? ReduceRow(Row row, Row?[] pivotOfColumn, int columnCount, bool keepLead)
    {
        var dense = _dense;
        ulong p = _prime;
        ulong p2 = p * p;
        var columns = row.Columns;
        var coefficients = row.Coefficients;
        _outColumns.Clear();
        _outValues.Clear();
        int first = keepLead ? 1 : 0;
        if (keepLead)
        {
            _outColumns.Add(columns[0]);
            _outValues.Add(coefficients[0]);
            if (columns.Length == 1)
            {
                return new Row([columns[0]], [coefficients[0]]);
            }
        }

        for (int k = first; k < columns.Length; k++)
        {
            dense[columns[k]] = coefficients[k];
        }

        // Invariant: every accumulator is below p^2, and columns left of c are zero in the dense vector.
        for (int c = columns[first]; c < columnCount; c++)
        {
            ulong v = dense[c];
            if (v == 0)
            {
                continue;
            }

            dense[c] = 0;
            v %= p;
            if (v == 0)
            {
                continue;
            }

            var pivot = pivotOfColumn[c];
            if (pivot is null)
            {
                _outColumns.Add(c);
                _outValues.Add((uint)v);
                continue;
            }

            SubtractRow(dense, pivot, p - v, p2);
        }

        if (_outColumns.Count == 0)
        {
            return null;
        }

        var outColumns = _outColumns.ToArray();
        var outValues = _outValues.ToArray();
        if (outValues[0] != 1)
        {
            ulong inverse = PrimeModulus.InverseMod(outValues[0], p);
            for (int k = 0; k < outValues.Length; k++)
            {
                outValues[k] = (uint)(outValues[k] * inverse % p);
            }
        }

        return new Row(outColumns, outValues);
    }

    /// <summary>Adds <paramref name="multiplier"/> times the tail of a pivot row to the accumulators, keeping each below p^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SubtractRow(ulong[] dense, Row pivot, ulong multiplier, ulong p2)
    {
        var columns = pivot.Columns;
        var coefficients = pivot.Coefficients;

        // Every column index of a row is below the column count, and AssignColumns makes the dense array at least
        // that long, so the bounds checks can go.
        ref ulong denseStart = ref MemoryMarshal.GetArrayDataReference(dense);
        ref int columnStart = ref MemoryMarshal.GetArrayDataReference(columns);
        ref uint coefficientStart = ref MemoryMarshal.GetArrayDataReference(coefficients);
        for (int k = 1; k < columns.Length; k++)
        {
            ref ulong slot = ref Unsafe.Add(ref denseStart, Unsafe.Add(ref columnStart, k));
            ulong s = slot + multiplier * Unsafe.Add(ref coefficientStart, k);
            slot = s >= p2 ? s - p2 : s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] MultiplyMonomials(F4Polynomial g, int multiplier)
    {
        var result = new int[g.Length];
        if (multiplier == _oneIndex)
        {
            Array.Copy(g.Monomials, result, result.Length);
            return result;
        }

        for (int k = 0; k < result.Length; k++)
        {
            result[k] = _table.Multiply(g.Monomials[k], multiplier);
        }

        return result;
    }

    /// <summary>Returns the element of <paramref name="candidates"/> with the fewest terms whose leading monomial divides m, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindReducer(int m, List<int> candidates)
    {
        int degree = _table.Degree(m);
        int best = -1;
        int bestLength = int.MaxValue;
        foreach (int i in candidates)
        {
            var g = _basis[i];
            if (g.Length >= bestLength || _table.Degree(g.Lead) > degree || !_table.Divides(g.Lead, m))
            {
                continue;
            }

            best = i;
            bestLength = g.Length;
        }

        return best;
    }

    /// <inheritdoc />
    public List<Polynomial<ModInt>> ReducedPolynomials(CancellationToken ct)
    {
        // Phase 1: the minimal basis, sorted by leading monomial.
        var minimal = new List<int>();
        foreach (int i in _active)
        {
            if (!_active.Any(j => j != i && _table.Divides(_basis[j].Lead, _basis[i].Lead)))
            {
                minimal.Add(i);
            }
        }

        minimal.Sort((a, b) => _table.Compare(_basis[a].Lead, _basis[b].Lead));

        // Phase 2: one matrix holding every element and the pivot rows for all their monomials.
        BeginMatrix();
        var worklist = new List<int>();
        var pivots = new List<Row>();
        var rows = new List<Row>(minimal.Count);
        foreach (int i in minimal)
        {
            var g = _basis[i];
            var row = new Row((int[])g.Monomials.Clone(), g.Coefficients);
            rows.Add(row);
            Touch(row.Columns, 0, worklist);
        }

        Preprocess(worklist, pivots, minimal);
        int columnCount = AssignColumns(worklist, pivots, rows, out var monomialOfColumn);
        var pivotOfColumn = new Row?[columnCount];
        foreach (var row in pivots)
        {
            pivotOfColumn[row.Columns[0]] = row;
        }

        // Phase 3: reduce every tail; a pivot row need not be reduced itself, because the sweep runs left to right.
        var result = new List<Polynomial<ModInt>>(rows.Count);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var reduced = ReduceRow(row, pivotOfColumn, columnCount, keepLead: true)!;
            var monomials = new Monomial[reduced.Columns.Length];
            var coefficients = new ModInt[monomials.Length];
            for (int k = 0; k < monomials.Length; k++)
            {
                monomials[k] = _table[monomialOfColumn[reduced.Columns[k]]];
                coefficients[k] = new ModInt(reduced.Coefficients[k], _prime);
            }

            result.Add(new Polynomial<ModInt>(_ring, monomials, coefficients));
        }

        return result;
    }

    /// <summary>Adds a monic polynomial whose leading monomial is not divisible by an active one, and updates the pairs by the Gebauer-Moeller criteria.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Insert(F4Polynomial h)
    {
        int hLead = h.Lead;
        if (hLead == _oneIndex)
        {
            IsUnit = true;
            _active.Clear();
            _basis.Add(h);
            _active.Add(_basis.Count - 1);
            return;
        }

        int hIndex = _basis.Count;
        int hDegree = _table.Degree(hLead);

        // Phase 1: candidate pairs (g, h) for every active g.
        var candidates = new List<(int Index, int Lcm, bool Coprime, int Sugar)>(_active.Count);
        foreach (int i in _active)
        {
            var g = _basis[i];
            int lcm = _table.Lcm(g.Lead, hLead);
            int lcmDegree = _table.Degree(lcm);
            int sugar = Math.Max(g.Sugar + lcmDegree - _table.Degree(g.Lead), h.Sugar + lcmDegree - hDegree);
            candidates.Add((i, lcm, _table.AreCoprime(g.Lead, hLead), sugar));
        }

        // Phase 2 (criterion M): drop (g, h) when another new pair's lcm properly divides its lcm.
        var keep = new bool[candidates.Count];
        var lcmDegrees = new int[candidates.Count];
        for (int a = 0; a < candidates.Count; a++)
        {
            lcmDegrees[a] = _table.Degree(candidates[a].Lcm);
        }

        for (int a = 0; a < candidates.Count; a++)
        {
            keep[a] = true;
            for (int b = 0; b < candidates.Count; b++)
            {
                // A proper divisor has a smaller degree, because the weights are positive.
                if (b != a && lcmDegrees[b] < lcmDegrees[a] && _table.Divides(candidates[b].Lcm, candidates[a].Lcm))
                {
                    keep[a] = false;
                    break;
                }
            }
        }

        // Phase 3 (criterion F and the product criterion): among new pairs with equal lcm keep at most one,
        // and none at all if one of them is coprime, since a coprime pair reduces to zero.
        var byLcm = new Dictionary<int, List<int>>();
        var lcmOrder = new List<int>();
        for (int a = 0; a < candidates.Count; a++)
        {
            if (!keep[a])
            {
                continue;
            }

            if (!byLcm.TryGetValue(candidates[a].Lcm, out var list))
            {
                byLcm[candidates[a].Lcm] = list = [];
                lcmOrder.Add(candidates[a].Lcm);
            }

            list.Add(a);
        }

        var newPairs = new List<Pair>();
        foreach (int lcm in lcmOrder)
        {
            var list = byLcm[lcm];
            if (list.Any(a => candidates[a].Coprime))
            {
                continue;
            }

            int a0 = list[0];
            newPairs.Add(new Pair(candidates[a0].Index, hIndex, lcm, candidates[a0].Sugar, 0));
        }

        // Phase 4 (criterion B): drop an old pair (i, j) when lm(h) divides lcm(i, j) and both lcm(i, h) and
        // lcm(j, h) differ from lcm(i, j).
        _pairs.RemoveWhere(p =>
            p.J >= 0 && _table.Divides(hLead, p.Lcm)
            && !_table.IsLcm(_basis[p.I].Lead, hLead, p.Lcm) && !_table.IsLcm(_basis[p.J].Lead, hLead, p.Lcm));

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
            if (_table.Divides(hLead, _basis[_active[k]].Lead))
            {
                _active.RemoveAt(k);
            }
        }

        _active.Add(hIndex);
    }
}
