namespace InvTheory.Representations.Constructions;

/// <summary>
/// The monomials of degree 0..k in d variables, each degree in descending lexicographic order of exponent
/// vectors, with index look-up and the index of x^alpha * x_j.
/// </summary>
internal sealed class MonomialBasis
{
    private readonly List<int[]>[] _degrees;
    private readonly Dictionary<int[], int>[] _index;
    private readonly int[][][] _raise;

    public MonomialBasis(int d, int k)
    {
        _degrees = new List<int[]>[k + 1];
        _index = new Dictionary<int[], int>[k + 1];
        for (int m = 0; m <= k; m++)
        {
            _degrees[m] = Exponents(d, m);
            _index[m] = new Dictionary<int[], int>(ExponentComparer.Instance);
            for (int i = 0; i < _degrees[m].Count; i++)
            {
                _index[m][_degrees[m][i]] = i;
            }
        }

        // _raise[m][b][j] is the index in degree m + 1 of (monomial b of degree m) * x_j.
        _raise = new int[k][][];
        for (int m = 0; m < k; m++)
        {
            _raise[m] = new int[_degrees[m].Count][];
            for (int b = 0; b < _degrees[m].Count; b++)
            {
                var raised = new int[d];
                var exponent = (int[])_degrees[m][b].Clone();
                for (int j = 0; j < d; j++)
                {
                    exponent[j]++;
                    raised[j] = _index[m + 1][exponent];
                    exponent[j]--;
                }

                _raise[m][b] = raised;
            }
        }
    }

    /// <summary>Returns the exponent vectors of degree m (the stored arrays, which callers must not change).</summary>
    public IReadOnlyList<int[]> Degree(int m) => _degrees[m];

    public int IndexOf(int m, int[] exponent) => _index[m][exponent];

    public int Raise(int m, int b, int j) => _raise[m][b][j];

    /// <summary>Returns the exponent vectors of degree m in d variables, in descending lexicographic order.</summary>
    public static List<int[]> Exponents(int d, int m)
    {
        var result = new List<int[]>();
        var current = new int[d];

        void Fill(int position, int remaining)
        {
            if (position == d - 1)
            {
                current[position] = remaining;
                result.Add((int[])current.Clone());
                return;
            }

            for (int e = remaining; e >= 0; e--)
            {
                current[position] = e;
                Fill(position + 1, remaining - e);
            }
        }

        if (d == 0)
        {
            if (m == 0)
            {
                result.Add([]);
            }

            return result;
        }

        Fill(0, m);
        return result;
    }

    private sealed class ExponentComparer : IEqualityComparer<int[]>
    {
        public static readonly ExponentComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (int e in obj)
            {
                hash.Add(e);
            }

            return hash.ToHashCode();
        }
    }
}
