using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>A secondary invariant with its degree and, for a product of irreducible secondaries, the factors.</summary>
/// <param name="Polynomial">The invariant.</param>
/// <param name="Degree">Its degree.</param>
/// <param name="Factors">Indices (into the irreducible secondaries) of the factors, non-decreasing; empty for 1.</param>
internal sealed record SecondaryInvariant<T>(Polynomial<T> Polynomial, int Degree, IReadOnlyList<int> Factors)
    where T : struct, IFieldElement<T>
{
    /// <summary>Whether the invariant is irreducible (a single factor that is itself).</summary>
    public bool IsIrreducible { get; init; }
}

/// <summary>
/// The search for secondary invariants: homogeneous invariants s_1 = 1, s_2, ..., s_m with the degree counts of
/// Molien(t) * prod (1 - t^d_i) that are linearly independent modulo the ideal the primary invariants generate in K[V].
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: secondary invariants in the non-modular case [DK15, Alg. 3.7.2], with King's preference for products
/// of irreducible secondaries [Kin07]. In each degree the candidates are first the products s * t of a secondary s
/// and an irreducible secondary t (t at least the largest factor of s, so each product is tried once), then the
/// reduced echelon basis of the invariants of the degree. A candidate is kept when its normal form modulo a Groebner
/// basis of the primaries' ideal is independent of the normal forms kept before (incremental echelon form). The
/// candidates from the basis that are kept are the irreducible secondaries.
/// </para>
/// <para>
/// Independence modulo (p_1, ..., p_n) K[V] implies independence modulo the ideal they generate in K[V]^G, because
/// the Reynolds operator is K[V]^G-linear, so with the counts from the Molien series the result is a basis of
/// K[V]^G as a free module over K[p_1, ..., p_n] (Hironaka decomposition).
/// </para>
/// </remarks>
internal static class SecondaryInvariantSearch
{
    /// <summary>Returns the secondary invariants (1 first, degrees non-decreasing) for the given counts per degree.</summary>
    /// <exception cref="InvariantRingInternalException">A degree has fewer independent invariants than its count.</exception>
    public static List<SecondaryInvariant<T>> Run<T>(
        InvariantSpaces<T> spaces,
        GroebnerBasis<T> primaryIdeal,
        IReadOnlyList<BigInteger> counts,
        IProgress<InvariantProgress>? progress,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var ring = spaces.Ring;
        var secondaries = new List<SecondaryInvariant<T>> { new(ring.One, 0, []) };
        var irreducible = new List<SecondaryInvariant<T>>();
        for (int e = 1; e < counts.Count; e++)
        {
            int expected = (int)counts[e];
            if (expected == 0)
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            progress?.Report(new InvariantProgress("secondary", e, 0, expected));
            var echelon = new IncrementalRowEchelon<T>(ring.Field);
            int found = 0;

            bool TryAdd(Polynomial<T> candidate)
            {
                var normalForm = primaryIdeal.Reduce(candidate);
                if (normalForm.IsZero)
                {
                    return false;
                }

                var terms = spaces.ToTerms(normalForm, e);
                return echelon.TryInsert(SparseVector.FromSorted(terms.Indices, terms.Values));
            }

            // Phase 1: products of a secondary and an irreducible secondary.
            int productCount = secondaries.Count;
            for (int i = 1; i < productCount && found < expected; i++)
            {
                var s = secondaries[i];
                int lastFactor = s.Factors[^1];
                for (int j = lastFactor; j < irreducible.Count && found < expected; j++)
                {
                    var t = irreducible[j];
                    if (s.Degree + t.Degree != e)
                    {
                        continue;
                    }

                    var product = s.Polynomial * t.Polynomial;
                    if (TryAdd(product))
                    {
                        secondaries.Add(new SecondaryInvariant<T>(product, e, [.. s.Factors, j]));
                        found++;
                        progress?.Report(new InvariantProgress("secondary", e, found, expected));
                    }
                }
            }

            // Phase 2: basis elements of the invariants of degree e; these are irreducible.
            foreach (var b in spaces.Polynomials(e, ct: ct))
            {
                if (found == expected)
                {
                    break;
                }

                ct.ThrowIfCancellationRequested();
                if (TryAdd(b))
                {
                    var secondary = new SecondaryInvariant<T>(b, e, [irreducible.Count]) { IsIrreducible = true };
                    irreducible.Add(secondary);
                    secondaries.Add(secondary);
                    found++;
                    progress?.Report(new InvariantProgress("secondary", e, found, expected));
                }
            }

            if (found != expected)
            {
                throw new InvariantRingInternalException(
                    $"Secondary invariants: degree {e} needs {expected} invariants independent modulo the primary invariants, "
                    + $"but only {found} were found.");
            }
        }

        return secondaries;
    }
}
