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
/// The search stops after <c>maxDegree</c>; with the largest degree of a primary or secondary invariant it is complete,
/// because the primary and secondary invariants generate the ring.
/// </para>
/// </remarks>
internal static class FundamentalInvariantSearch
{
    /// <summary>Returns the fundamental invariants of degree at most <paramref name="maxDegree"/>, degrees non-decreasing.</summary>
    /// <exception cref="InvariantRingInternalException">A degree cannot be spanned, which contradicts the Molien series.</exception>
    public static List<Polynomial<T>> Run<T>(
        InvariantSpaces<T> spaces, int maxDegree, IProgress<InvariantProgress>? progress, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var generators = new List<(Polynomial<T> Polynomial, int Degree)>();
        for (int d = 1; d <= maxDegree; d++)
        {
            int expected = spaces.Dimension(d);
            if (expected == 0)
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            var echelon = new IncrementalRowEchelon<T>(spaces.Ring.Field);

            // Phase 1: the degree-d part of the subalgebra of the generators found so far.
            foreach (var (f, e) in generators)
            {
                if (echelon.Rank == expected)
                {
                    break;
                }

                foreach (var b in spaces.Polynomials(d - e, ct: ct))
                {
                    var terms = spaces.ToTerms(f * b, d);
                    echelon.TryInsert(SparseVector.FromSorted(terms.Indices, terms.Values));
                    if (echelon.Rank == expected)
                    {
                        break;
                    }
                }
            }

            progress?.Report(new InvariantProgress("fundamental", d, generators.Count, -1));

            // Phase 2: new generators from the basis of degree d.
            var basis = spaces.Basis(d, ct: ct);
            for (int k = 0; k < basis.Count && echelon.Rank < expected; k++)
            {
                if (echelon.TryInsert(SparseVector.FromSorted(basis[k].Indices, basis[k].Values)))
                {
                    generators.Add((spaces.ToPolynomial(basis[k], d), d));
                }
            }

            if (echelon.Rank != expected)
            {
                throw new InvariantRingInternalException(
                    $"Fundamental invariants: degree {d} spans dimension {echelon.Rank}, but the Molien coefficient is {expected}.");
            }
        }

        progress?.Report(new InvariantProgress("fundamental", maxDegree, generators.Count, generators.Count));
        return [.. generators.Select(g => g.Polynomial)];
    }
}
