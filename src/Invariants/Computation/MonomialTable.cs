using InvTheory.Polynomials;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// The monomials of each degree in n variables, indexed from the largest to the smallest in a graded monomial order,
/// with the multiplication tables that move between neighbouring degrees.
/// </summary>
/// <remarks>
/// Degree d has C(n+d-1, d) monomials. Index 0 is the largest monomial of the degree, so a coefficient vector over
/// the indices lists a homogeneous polynomial from its leading term down. Levels are built on first use and kept;
/// building is thread-safe.
/// </remarks>
internal sealed class MonomialTable
{
    private readonly List<Level> _levels = [];
    private readonly Lock _gate = new();

    public MonomialTable(int variableCount, MonomialOrder order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variableCount);
        ArgumentNullException.ThrowIfNull(order);
        if (!order.IsGraded)
        {
            throw new ArgumentException($"The monomial table needs a graded order; {order.Name} is not graded.", nameof(order));
        }

        VariableCount = variableCount;
        Order = order;
        _levels.Add(new Level([Monomial.One(variableCount)]));
    }

    public int VariableCount { get; }

    public MonomialOrder Order { get; }

    /// <summary>Returns the monomials of degree <paramref name="degree"/>, largest first, with their index tables.</summary>
    public Level this[int degree]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(degree);
            lock (_gate)
            {
                while (_levels.Count <= degree)
                {
                    _levels.Add(BuildNext(_levels[^1]));
                }

                return _levels[degree];
            }
        }
    }

    private Level BuildNext(Level previous)
    {
        int n = VariableCount;
        int degree = previous.Monomials[0].TotalDegree + 1;
        var next = new Level([.. Monomial.OfDegree(n, degree, Order)]);

        // Up[u * n + j] is the index of m_u * x_j one degree higher; Down and FirstVariable describe m = x_i * (m / x_i)
        // for the first variable x_i of m.
        var up = new int[previous.Count * n];
        for (int u = 0; u < previous.Count; u++)
        {
            for (int j = 0; j < n; j++)
            {
                up[(u * n) + j] = next.IndexOf(previous.Monomials[u].Multiply(Monomial.Variable(n, j)));
            }
        }

        previous.Up = up;
        var down = new int[next.Count];
        var first = new int[next.Count];
        for (int u = 0; u < next.Count; u++)
        {
            var e = next.Monomials[u].Exponents;
            int i = 0;
            while (e[i] == 0)
            {
                i++;
            }

            first[u] = i;
            down[u] = previous.IndexOf(next.Monomials[u].Divide(Monomial.Variable(n, i)));
        }

        next.Down = down;
        next.FirstVariable = first;
        return next;
    }

    /// <summary>The monomials of one degree.</summary>
    internal sealed class Level
    {
        private readonly Dictionary<Monomial, int> _index;

        public Level(Monomial[] monomials)
        {
            Monomials = monomials;
            _index = new Dictionary<Monomial, int>(monomials.Length);
            for (int u = 0; u < monomials.Length; u++)
            {
                _index.Add(monomials[u], u);
            }
        }

        /// <summary>The monomials, largest first.</summary>
        public Monomial[] Monomials { get; }

        public int Count => Monomials.Length;

        /// <summary>Index of m_u * x_j in the next degree at [u * n + j]; set when the next degree is built.</summary>
        public int[] Up { get; set; } = [];

        /// <summary>Index of m_u / x_i in the previous degree, where x_i is the first variable of m_u.</summary>
        public int[] Down { get; set; } = [];

        /// <summary>The first variable x_i (0-based) that divides m_u.</summary>
        public int[] FirstVariable { get; set; } = [];

        /// <summary>Returns the index of a monomial of this degree, or -1.</summary>
        public int IndexOf(Monomial m) => _index.GetValueOrDefault(m, -1);
    }
}
