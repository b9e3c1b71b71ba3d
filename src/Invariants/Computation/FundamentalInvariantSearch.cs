using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// The search for fundamental invariants: a minimal homogeneous generating set of the invariant ring as a K-algebra.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: King's degree-by-degree method [Kin13], with linear algebra instead of a truncated Groebner basis. After
/// degree d is done, the generators found so far span every invariant of degree d. So in degree d the subalgebra of
/// the earlier generators is spanned by the products f * b, with f a generator of degree e &lt; d and b in the basis of
/// the invariants of degree d - e. Its dimension is compared with the Molien coefficient, and the missing dimensions
/// are filled, in order, with the reduced echelon basis elements of degree d that are independent of it. Each new
/// generator is needed: it is independent of everything the others generate in its degree.
/// </para>
/// <para>
/// The linear algebra runs in the coordinates of the reduced echelon basis b_1, ..., b_r of degree d: an invariant p of
/// degree d equals sum_k p[lm(b_k)] b_k, so its coordinates are its coefficients at the r leading monomials. Only
/// those coefficients of each product are computed, by walking the multiplication tables of the monomial table, and the
/// exact elimination has r columns instead of one per monomial.
/// </para>
/// <para>
/// The search stops after <c>maxDegree</c>; with the largest degree of a primary or secondary invariant it is complete,
/// because the primary and secondary invariants generate the ring.
/// </para>
/// </remarks>
internal static class FundamentalInvariantSearch
{
    /// <summary>Returns the fundamental invariants of degree at most <paramref name="maxDegree"/>, degrees non-decreasing.</summary>
    /// <exception cref="InvariantRingInternalException">A degree cannot be spanned, which contradicts the dimension of the invariants.</exception>
    public static List<Polynomial<T>> Run<T>(
        InvariantSpaces<T> spaces, int maxDegree, IProgress<InvariantProgress>? progress, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var generators = new List<(SparseTerms<T> Terms, int Degree)>();
        for (int d = 1; d <= maxDegree; d++)
        {
            // Degrees without invariants need no basis; with the Molien series this costs nothing.
            if (spaces.Dimension(d, ct) == 0)
            {
                continue;
            }

            var basis = spaces.Basis(d, ct: ct);
            int expected = basis.Count;

            ct.ThrowIfCancellationRequested();
            var coordinates = new Coordinates<T>(spaces.Table, d, basis);
            var echelon = new IncrementalRowEchelon<T>(spaces.Ring.Field);

            // Phase 1: the degree-d part of the subalgebra of the generators found so far.
            foreach (var (f, e) in generators)
            {
                if (echelon.Rank == expected)
                {
                    break;
                }

                foreach (var b in spaces.Basis(d - e, ct: ct))
                {
                    echelon.TryInsert(coordinates.OfProduct(f, e, b));
                    if (echelon.Rank == expected)
                    {
                        break;
                    }
                }
            }

            progress?.Report(new InvariantProgress("fundamental", d, generators.Count, -1));

            // Phase 2: new generators from the basis of degree d; basis element k has coordinates e_k.
            for (int k = 0; k < basis.Count && echelon.Rank < expected; k++)
            {
                if (echelon.TryInsert(SparseVector.FromSorted([k], [spaces.Ring.Field.One])))
                {
                    generators.Add((basis[k], d));
                }
            }

            if (echelon.Rank != expected)
            {
                throw new InvariantRingInternalException(
                    $"Fundamental invariants: degree {d} spans dimension {echelon.Rank}, but the invariants have dimension {expected}.");
            }
        }

        progress?.Report(new InvariantProgress("fundamental", maxDegree, generators.Count, generators.Count));
        return [.. generators.Select(g => spaces.ToPolynomial(g.Terms, g.Degree))];
    }

    /// <summary>Coordinates of invariants of degree d in the reduced echelon basis: their coefficients at its leading monomials.</summary>
    private sealed class Coordinates<T>
        where T : struct, IFieldElement<T>
    {
        private readonly MonomialTable _table;
        private readonly int _degree;
        private readonly int[][] _up;
        private readonly Dictionary<int, int> _positionOfLead = [];
        private readonly T[] _accumulator;
        private readonly bool[] _touched;
        private readonly List<int> _positions = [];

        public Coordinates(MonomialTable table, int degree, IReadOnlyList<SparseTerms<T>> basis)
        {
            _table = table;
            _degree = degree;

            // The table has built degree d, so every lower degree has its multiplication table.
            _up = [.. Enumerable.Range(0, degree).Select(k => table[k].Up)];
            for (int k = 0; k < basis.Count; k++)
            {
                _positionOfLead.Add(basis[k].Lead, k);
            }

            _accumulator = new T[basis.Count];
            _touched = new bool[basis.Count];
        }

        /// <summary>Returns the coordinates of f * b for f of degree <paramref name="e"/> and b of degree d - e.</summary>
        public SparseVector<T> OfProduct(SparseTerms<T> f, int e, SparseTerms<T> b)
        {
            int n = _table.VariableCount;
            int start = _degree - e;
            var factors = new int[e];
            for (int s = 0; s < f.Count; s++)
            {
                // The variables of the monomial of f, with multiplicity: multiplying by them one at a time walks from
                // degree d - e up to degree d through the multiplication tables.
                var exponents = _table[e].Monomials[f.Indices[s]].Exponents;
                int count = 0;
                for (int j = 0; j < n; j++)
                {
                    for (int r = 0; r < exponents[j]; r++)
                    {
                        factors[count++] = j;
                    }
                }

                for (int t = 0; t < b.Count; t++)
                {
                    int u = b.Indices[t];
                    for (int step = 0; step < e; step++)
                    {
                        u = _up[start + step][(u * n) + factors[step]];
                    }

                    if (!_positionOfLead.TryGetValue(u, out int position))
                    {
                        continue;
                    }

                    var product = f.Values[s] * b.Values[t];
                    if (_touched[position])
                    {
                        _accumulator[position] += product;
                    }
                    else
                    {
                        _touched[position] = true;
                        _accumulator[position] = product;
                        _positions.Add(position);
                    }
                }
            }

            _positions.Sort();
            var entries = new List<KeyValuePair<int, T>>(_positions.Count);
            foreach (int position in _positions)
            {
                if (!_accumulator[position].IsZero)
                {
                    entries.Add(new(position, _accumulator[position]));
                }

                _touched[position] = false;
                _accumulator[position] = default;
            }

            _positions.Clear();
            return SparseVector.FromSorted([.. entries.Select(x => x.Key)], [.. entries.Select(x => x.Value)]);
        }
    }
}
