using System.Globalization;

namespace InvTheory.Polynomials;

/// <summary>
/// A monomial order: a total order on monomials compatible with multiplication, with 1 the smallest monomial.
/// <see cref="Compare"/> is positive when the first monomial is larger.
/// </summary>
/// <remarks>
/// Orders are immutable. The standard orders are singletons (<see cref="Lex"/>, <see cref="GradedLex"/>,
/// <see cref="GradedReverseLex"/>); weighted and block (elimination) orders compare by value through <see cref="Name"/>.
/// Variables are ordered x_1 &gt; x_2 &gt; ... &gt; x_n.
/// </remarks>
public abstract class MonomialOrder : IComparer<Monomial>, IEquatable<MonomialOrder>
{
    /// <summary>Lexicographic order.</summary>
    public static MonomialOrder Lex { get; } = new LexOrder();

    /// <summary>Graded lexicographic order: total degree first, then lexicographic.</summary>
    public static MonomialOrder GradedLex { get; } = new GradedLexOrder();

    /// <summary>Graded reverse lexicographic order: total degree first, then the smaller exponent in the last differing variable wins.</summary>
    public static MonomialOrder GradedReverseLex { get; } = new GradedReverseLexOrder();

    /// <summary>Canonical name: <c>lex</c>, <c>deglex</c>, <c>grevlex</c>, <c>wdeg(1,2,3)</c>, <c>block(grevlex:2,grevlex)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the order refines the total degree (so homogeneous computations can go degree by degree).</summary>
    public abstract bool IsGraded { get; }

    /// <summary>Compares two monomials in the same number of variables; positive when <paramref name="a"/> is larger.</summary>
    public abstract int Compare(Monomial a, Monomial b);

    /// <summary>Compares two exponent vectors of equal length; positive when <paramref name="a"/> is larger.</summary>
    /// <remarks>Block orders call this on slices, so it must not assume the ring's number of variables.</remarks>
    internal virtual int CompareExponents(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) =>
        Compare(Monomial.FromExponentsUnchecked(a.ToArray()), Monomial.FromExponentsUnchecked(b.ToArray()));

    /// <summary>
    /// Returns a matrix M with non-negative integer entries and <paramref name="variableCount"/> columns such that
    /// a &gt; b in this order exactly when M a &gt; M b lexicographically, or null when the order has no such form.
    /// </summary>
    /// <remarks>
    /// The rows are non-negative, so the entries of M a are bounded by the degrees and can be packed into a machine word as
    /// a sort key. Graded reverse lex uses the partial sums e_1 + ... + e_k for k = n, n - 1, ..., 1: with equal degrees, a
    /// smaller last exponent gives a larger sum of the others.
    /// </remarks>
    internal virtual int[][]? OrderMatrix(int variableCount) => null;

    private sealed record OrderMatrixEntry(int VariableCount, int[][]? Matrix);

    private OrderMatrixEntry? _orderMatrixCache;

    /// <summary>Returns <see cref="OrderMatrix"/> for the most recently requested variable count from a cache; callers must not modify it.</summary>
    internal int[][]? CachedOrderMatrix(int variableCount)
    {
        var entry = Volatile.Read(ref _orderMatrixCache);
        if (entry is null || entry.VariableCount != variableCount)
        {
            entry = new OrderMatrixEntry(variableCount, OrderMatrix(variableCount));
            Volatile.Write(ref _orderMatrixCache, entry);
        }

        return entry.Matrix;
    }

    private static int[][] GradedReverseLexRows(int variableCount)
    {
        var rows = new int[variableCount][];
        for (int k = 0; k < variableCount; k++)
        {
            // Row k is the partial sum of the first (n - k) exponents.
            rows[k] = new int[variableCount];
            for (int i = 0; i < variableCount - k; i++)
            {
                rows[k][i] = 1;
            }
        }

        return rows;
    }

    private static int[] UnitRow(int variableCount, int index)
    {
        var row = new int[variableCount];
        row[index] = 1;
        return row;
    }

    private static int[] OnesRow(int variableCount)
    {
        var row = new int[variableCount];
        Array.Fill(row, 1);
        return row;
    }

    /// <summary>
    /// Weighted degree order: the degree sum w_i e_i first (positive integer weights), ties broken by graded reverse lex.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is not positive.</exception>
    public static MonomialOrder WeightedDegree(IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        for (int i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0)
            {
                throw new ArgumentException($"Weight {weights[i]} of variable {i + 1} must be positive.", nameof(weights));
            }
        }

        return new WeightedOrder([.. weights]);
    }

    /// <summary>
    /// Block (product) order: the first <paramref name="firstBlockSize"/> variables compared by <paramref name="first"/>,
    /// ties broken by <paramref name="rest"/> on the remaining variables. With graded orders in both blocks this is an
    /// elimination order for the first block.
    /// </summary>
    public static MonomialOrder Block(MonomialOrder first, int firstBlockSize, MonomialOrder rest)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentOutOfRangeException.ThrowIfNegative(firstBlockSize);
        return new BlockOrder(first, firstBlockSize, rest);
    }

    /// <summary>
    /// Parses <c>lex</c>, <c>deglex</c> (<c>grlex</c>, <c>Dp</c>), <c>grevlex</c> (<c>degrevlex</c>, <c>dp</c>),
    /// <c>wdeg(w1,...,wn)</c> and <c>elim(k)</c> (grevlex on the first k variables, then grevlex).
    /// </summary>
    /// <exception cref="FormatException">The name is not one of the accepted forms; the message lists them.</exception>
    public static MonomialOrder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        switch (t)
        {
            case "lex" or "lp":
                return Lex;
            case "deglex" or "grlex" or "Dp":
                return GradedLex;
            case "grevlex" or "degrevlex" or "dp":
                return GradedReverseLex;
        }

        if (t.StartsWith("wdeg(", StringComparison.Ordinal) && t.EndsWith(')'))
        {
            var parts = t[5..^1].Split(',', StringSplitOptions.TrimEntries);
            var weights = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out weights[i]))
                {
                    throw new FormatException($"Monomial order '{text}': weight '{parts[i]}' is not a positive integer.");
                }
            }

            return WeightedDegree(weights);
        }

        if (t.StartsWith("elim(", StringComparison.Ordinal) && t.EndsWith(')')
            && int.TryParse(t[5..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int k))
        {
            return Block(GradedReverseLex, k, GradedReverseLex);
        }

        throw new FormatException($"Unknown monomial order '{text}'. Use lex, deglex, grevlex, wdeg(w1,...,wn) or elim(k).");
    }

    /// <inheritdoc />
    public bool Equals(MonomialOrder? other) => other is not null && other.Name == Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MonomialOrder o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Compares a slice of the exponent vectors lexicographically.</summary>
    internal static int CompareLex(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] > b[i] ? 1 : -1;
            }
        }

        return 0;
    }

    private static int Sum(ReadOnlySpan<ushort> e)
    {
        int d = 0;
        foreach (ushort x in e)
        {
            d += x;
        }

        return d;
    }

    /// <summary>Compares a slice of the exponent vectors by degree, then reverse lexicographically.</summary>
    internal static int CompareGradedReverseLex(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        int da = 0, db = 0;
        for (int i = 0; i < a.Length; i++)
        {
            da += a[i];
            db += b[i];
        }

        if (da != db)
        {
            return da > db ? 1 : -1;
        }

        for (int i = a.Length - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i] ? 1 : -1;
            }
        }

        return 0;
    }

    private sealed class LexOrder : MonomialOrder
    {
        public override string Name => "lex";

        public override bool IsGraded => false;

        public override int Compare(Monomial a, Monomial b) => CompareLex(a.Exponents, b.Exponents);

        internal override int CompareExponents(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) => CompareLex(a, b);

        internal override int[][] OrderMatrix(int variableCount) =>
            [.. Enumerable.Range(0, variableCount).Select(i => UnitRow(variableCount, i))];
    }

    private sealed class GradedLexOrder : MonomialOrder
    {
        public override string Name => "deglex";

        public override bool IsGraded => true;

        public override int Compare(Monomial a, Monomial b) =>
            a.TotalDegree != b.TotalDegree ? (a.TotalDegree > b.TotalDegree ? 1 : -1) : CompareLex(a.Exponents, b.Exponents);

        internal override int CompareExponents(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
        {
            int da = Sum(a), db = Sum(b);
            if (da != db)
            {
                return da > db ? 1 : -1;
            }

            return CompareLex(a, b);
        }

        // The degree row followed by e_1, ..., e_(n-1); e_n is then determined, so the last unit row is omitted.
        internal override int[][] OrderMatrix(int variableCount) =>
            variableCount == 0
                ? []
                : [OnesRow(variableCount), .. Enumerable.Range(0, variableCount - 1).Select(i => UnitRow(variableCount, i))];
    }

    private sealed class GradedReverseLexOrder : MonomialOrder
    {
        public override string Name => "grevlex";

        public override bool IsGraded => true;

        public override int Compare(Monomial a, Monomial b)
        {
            if (a.TotalDegree != b.TotalDegree)
            {
                return a.TotalDegree > b.TotalDegree ? 1 : -1;
            }

            var x = a.Exponents;
            var y = b.Exponents;
            for (int i = x.Length - 1; i >= 0; i--)
            {
                if (x[i] != y[i])
                {
                    return x[i] < y[i] ? 1 : -1;
                }
            }

            return 0;
        }

        internal override int CompareExponents(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) => CompareGradedReverseLex(a, b);

        internal override int[][] OrderMatrix(int variableCount) => GradedReverseLexRows(variableCount);
    }

    private sealed class WeightedOrder(int[] weights) : MonomialOrder
    {
        public override string Name { get; } = "wdeg(" + string.Join(',', weights) + ")";

        public override bool IsGraded => weights.All(w => w == 1);

        public override int Compare(Monomial a, Monomial b)
        {
            if (a.VariableCount != weights.Length)
            {
                throw new ArgumentException($"Order {Name} has {weights.Length} weights but the monomials have {a.VariableCount} variables.");
            }

            long wa = a.WeightedDegree(weights), wb = b.WeightedDegree(weights);
            return wa != wb ? (wa > wb ? 1 : -1) : GradedReverseLex.Compare(a, b);
        }

        internal override int CompareExponents(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
        {
            if (a.Length != weights.Length)
            {
                throw new ArgumentException($"Order {Name} has {weights.Length} weights but the monomials have {a.Length} variables.");
            }

            long wa = 0, wb = 0;
            for (int i = 0; i < a.Length; i++)
            {
                wa += (long)weights[i] * a[i];
                wb += (long)weights[i] * b[i];
            }

            if (wa != wb)
            {
                return wa > wb ? 1 : -1;
            }

            return CompareGradedReverseLex(a, b);
        }

        internal override int[][]? OrderMatrix(int variableCount) =>
            variableCount != weights.Length ? null : [(int[])weights.Clone(), .. GradedReverseLexRows(variableCount)];
    }

    private sealed class BlockOrder(MonomialOrder first, int size, MonomialOrder rest) : MonomialOrder
    {
        public override string Name { get; } = $"block({first.Name}:{size},{rest.Name})";

        public override bool IsGraded => false;

        public override int Compare(Monomial a, Monomial b) => CompareExponents(a.Exponents, b.Exponents);

        internal override int CompareExponents(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
        {
            if (a.Length < size)
            {
                throw new ArgumentException($"Order {Name} has a first block of {size} variables but the monomials have {a.Length}.");
            }

            int c = first.CompareExponents(a[..size], b[..size]);
            return c != 0 ? c : rest.CompareExponents(a[size..], b[size..]);
        }

        internal override int[][]? OrderMatrix(int variableCount)
        {
            if (variableCount < size || first.OrderMatrix(size) is not { } top || rest.OrderMatrix(variableCount - size) is not { } bottom)
            {
                return null;
            }

            var rows = new List<int[]>();
            foreach (var row in top)
            {
                var r = new int[variableCount];
                row.CopyTo(r, 0);
                rows.Add(r);
            }

            foreach (var row in bottom)
            {
                var r = new int[variableCount];
                row.CopyTo(r, size);
                rows.Add(r);
            }

            return [.. rows];
        }
    }
}
