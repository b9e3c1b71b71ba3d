using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>
/// A polynomial kept as a sum of sorted term arrays of geometrically growing length, so that adding a multiple of a
/// short reducer to a long polynomial costs about the reducer's length instead of the polynomial's.
/// </summary>
/// <remarks>
/// Algorithm: geobuckets [Yan98]. Bucket k contains at most 8 * 4^k terms. An addition merges into the smallest bucket
/// that fits and carries into the next bucket when it overflows. The leading term is the largest bucket head, with
/// equal heads added together.
/// </remarks>
internal sealed class GeoBucket<T>
    where T : struct, IFieldElement<T>
{
    private const int BaseCapacity = 8;

    private readonly TermOrder _order;
    private readonly List<Bucket> _buckets = [];

    private sealed class Bucket
    {
        public Monomial[] Monomials = [];
        public T[] Coefficients = [];
        public int Start;
        public int End;

        public int Count => End - Start;
    }

    public GeoBucket(TermOrder order) => _order = order;

    /// <summary>Empties all buckets.</summary>
    public void Clear()
    {
        foreach (var b in _buckets)
        {
            b.Start = b.End = 0;
        }
    }

    /// <summary>Adds the sorted terms [from, end) of a polynomial.</summary>
    public void Add(Monomial[] monomials, T[] coefficients, int from, int end)
    {
        if (end > from)
        {
            Insert(monomials[from..end], coefficients[from..end], end - from);
        }
    }

    /// <summary>Adds factor * q * g[from..].</summary>
    public void AddScaled(Monomial[] gm, T[] gc, int from, Monomial q, T factor)
    {
        int length = gm.Length - from;
        if (length <= 0)
        {
            return;
        }

        var ms = new Monomial[length];
        var cs = new T[length];
        bool qOne = q.IsOne;
        int k = 0;
        for (int i = from; i < gm.Length; i++)
        {
            var c = factor * gc[i];
            if (c.IsZero)
            {
                continue;
            }

            ms[k] = qOne ? gm[i] : gm[i].Multiply(q);
            cs[k++] = c;
        }

        Insert(ms, cs, k);
    }

    /// <summary>Removes and returns the leading term; false when the polynomial is zero.</summary>
    public bool PopLeading(out Monomial monomial, out T coefficient)
    {
        while (true)
        {
            Bucket? best = null;
            foreach (var b in _buckets)
            {
                if (b.Count > 0 && (best is null || _order.Compare(b.Monomials[b.Start], best.Monomials[best.Start]) > 0))
                {
                    best = b;
                }
            }

            if (best is null)
            {
                monomial = default;
                coefficient = default;
                return false;
            }

            monomial = best.Monomials[best.Start];
            coefficient = best.Coefficients[best.Start];
            best.Start++;
            foreach (var b in _buckets)
            {
                if (b.Count > 0 && _order.Compare(b.Monomials[b.Start], monomial) == 0)
                {
                    coefficient += b.Coefficients[b.Start];
                    b.Start++;
                }
            }

            if (!coefficient.IsZero)
            {
                return true;
            }
        }
    }

    private void Insert(Monomial[] ms, T[] cs, int length)
    {
        int level = 0;
        while (Capacity(level) < length)
        {
            level++;
        }

        while (true)
        {
            while (_buckets.Count <= level)
            {
                _buckets.Add(new Bucket());
            }

            var bucket = _buckets[level];
            if (bucket.Count == 0)
            {
                bucket.Monomials = ms;
                bucket.Coefficients = cs;
                bucket.Start = 0;
                bucket.End = length;
                return;
            }

            (ms, cs, length) = Merge(bucket, ms, cs, length);
            bucket.Start = bucket.End = 0;
            if (length <= Capacity(level))
            {
                bucket.Monomials = ms;
                bucket.Coefficients = cs;
                bucket.End = length;
                return;
            }

            level++;
        }
    }

    private static int Capacity(int level) => BaseCapacity << (2 * Math.Min(level, 13));

    private (Monomial[], T[], int) Merge(Bucket a, Monomial[] bm, T[] bc, int bLength)
    {
        var ms = new Monomial[a.Count + bLength];
        var cs = new T[ms.Length];
        int i = a.Start, j = 0, k = 0;
        while (i < a.End && j < bLength)
        {
            int cmp = _order.Compare(a.Monomials[i], bm[j]);
            if (cmp > 0)
            {
                ms[k] = a.Monomials[i];
                cs[k++] = a.Coefficients[i++];
            }
            else if (cmp < 0)
            {
                ms[k] = bm[j];
                cs[k++] = bc[j++];
            }
            else
            {
                var s = a.Coefficients[i] + bc[j];
                if (!s.IsZero)
                {
                    ms[k] = bm[j];
                    cs[k++] = s;
                }

                i++;
                j++;
            }
        }

        while (i < a.End)
        {
            ms[k] = a.Monomials[i];
            cs[k++] = a.Coefficients[i++];
        }

        while (j < bLength)
        {
            ms[k] = bm[j];
            cs[k++] = bc[j++];
        }

        return (ms, cs, k);
    }
}
