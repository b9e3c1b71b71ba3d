using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// The module of covariants (S ⊗ W)^G of a finite group in characteristic 0 as a free module over the polynomial ring
/// A = K[p_1, ..., p_n] of primary invariants: generators E_1, ..., E_r such that every equivariant is uniquely
/// sum_j c_j(p_1, ..., p_n) E_j(x).
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: Hironaka decomposition of a Cohen-Macaulay module [Sta79, Sec. 3], [DK15, Sec. 3.7]. S = K[x] is free over
/// A when p is a homogeneous system of parameters, and (S ⊗ W)^G is an A-direct summand of S ⊗ W (the Reynolds operator
/// is A-linear), so it is free. Its generators in degree k number N_k, the coefficient of t^k in
/// H(t) prod_i (1 - t^(d_i)), H the weighted Molien series. In each degree with N_k &gt; 0 the canonical basis of the
/// degree-k equivariants is scanned in order. An element is kept when its componentwise normal form modulo a Groebner
/// basis of (p_1, ..., p_n) S is independent of the normal forms of those kept before.
/// </para>
/// <para>
/// Why this proves the decomposition: elements of S ⊗ W whose images in (S/(p)) ⊗ W are linearly independent are part
/// of an A-basis of the free A-module S ⊗ W, hence A-linearly independent; so sum_j A E_j is free with Hilbert series
/// sum_k N_k t^k / prod_i (1 - t^(d_i)) = H(t), the Hilbert series of the covariants, and the inclusion is an equality.
/// The checks are exact: the primaries are invariant and form a system of parameters (every variable has a pure power
/// among the leading monomials of the Groebner basis), the generators are equivariant, their counts equal N_k, and their
/// normal forms are independent.
/// </para>
/// </remarks>
public sealed class CovariantModule<T>
    where T : struct, IFieldElement<T>
{
    private CovariantModule(
        EquivariantSpace<T> space,
        IReadOnlyList<Polynomial<T>> primaries,
        GroebnerBasis<T> ideal,
        IReadOnlyList<BigInteger> expected,
        IReadOnlyList<PolynomialMap<T>> generators)
    {
        Space = space;
        PrimaryInvariants = primaries;
        PrimaryIdeal = ideal;
        ExpectedGeneratorCounts = expected;
        Generators = generators;
    }

    /// <summary>The space of equivariants whose module this is.</summary>
    public EquivariantSpace<T> Space { get; }

    /// <summary>The primary invariants p_1, ..., p_n.</summary>
    public IReadOnlyList<Polynomial<T>> PrimaryInvariants { get; }

    /// <summary>The degrees d_i of the primary invariants.</summary>
    public IReadOnlyList<int> PrimaryDegrees => PrimaryInvariants.Select(p => p.TotalDegree).ToList().AsReadOnly();

    /// <summary>The reduced Groebner basis of the ideal (p_1, ..., p_n) S.</summary>
    public GroebnerBasis<T> PrimaryIdeal { get; }

    /// <summary>N_0, N_1, ...: the coefficients of the weighted Molien series times prod_i (1 - t^(d_i)), a polynomial.</summary>
    public IReadOnlyList<BigInteger> ExpectedGeneratorCounts { get; }

    /// <summary>The module generators, by increasing degree, each from the canonical basis of its degree.</summary>
    public IReadOnlyList<PolynomialMap<T>> Generators { get; }

    /// <summary>Returns the module of the covariants of <paramref name="space"/> over the given primary invariants.</summary>
    /// <exception cref="NotSupportedException">The weighted Molien series is not available (see <see cref="EquivariantSpace{T}.IsCountCheckSupported"/>), as in the modular case.</exception>
    /// <exception cref="ArgumentException">
    /// The number of primaries differs from the dimension of U, a primary is not homogeneous of positive degree or not
    /// invariant, or the primaries are not a system of parameters.
    /// </exception>
    /// <exception cref="InternalErrorException">The generators found in a degree differ in number from N_k (a bug).</exception>
    public static CovariantModule<T> Compute(EquivariantSpace<T> space, IReadOnlyList<Polynomial<T>> primaryInvariants, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(primaryInvariants);
        if (!space.IsCountCheckSupported)
        {
            throw new NotSupportedException(
                $"The covariant module over {space.Ring.Field.Name} needs the weighted Molien series, which needs characteristic 0 or a non-modular group "
                + "(where the module is free over the primaries).");
        }

        // Phase 1: the primaries are invariants and a homogeneous system of parameters.
        var primaries = primaryInvariants.Select(p => p.Ring.Equals(space.Ring) ? p : p.MapToRing(space.Ring)).ToArray();
        var ideal = CheckPrimaries(space, primaries, ct);

        // Phase 2: the generator counts N_k.
        var expected = GeneratorCounts(space.WeightedMolienSeries(ct), primaries.Select(p => p.TotalDegree).ToArray());

        // Phase 3: in each degree, the canonical basis elements independent modulo the ideal.
        var generators = new List<PolynomialMap<T>>();
        for (int k = 0; k < expected.Count; k++)
        {
            if (expected[k].IsZero)
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            var chosen = IndependentModulo(ideal, space.OfDegree(k, ct), out _);
            if (chosen.Count != expected[k])
            {
                throw new InternalErrorException(
                    $"Covariant module {space.Input.Name} -> {space.Output.Name} of '{space.Input.Group.Name}': degree {k} has {chosen.Count} equivariants independent modulo the primaries, "
                    + $"but the weighted Molien series times prod(1 - t^d_i) predicts {expected[k]}.");
            }

            generators.AddRange(chosen);
        }

        return new CovariantModule<T>(space, Array.AsReadOnly(primaries), ideal, expected, generators.AsReadOnly());
    }

    /// <summary>
    /// Returns the reduced Groebner basis of (p_1, ..., p_n) after checking that there are n of them, each homogeneous of
    /// positive degree and invariant under the input generators, and that they form a system of parameters.
    /// </summary>
    /// <exception cref="ArgumentException">A condition fails; the message names it.</exception>
    internal static GroebnerBasis<T> CheckPrimaries(EquivariantSpace<T> space, IReadOnlyList<Polynomial<T>> primaries, CancellationToken ct)
    {
        int n = space.Ring.VariableCount;
        if (primaries.Count != n)
        {
            throw new ArgumentException($"Covariant module: {primaries.Count} primary invariants were given, but a system of parameters of K[x1..x{n}] has {n}.", nameof(primaries));
        }

        for (int i = 0; i < primaries.Count; i++)
        {
            var p = primaries[i];
            if (p.IsZero || !p.IsHomogeneous || p.TotalDegree < 1)
            {
                throw new ArgumentException($"Primary invariant {i + 1} ({p}) is not homogeneous of positive degree.", nameof(primaries));
            }

            foreach (var g in space.Input.GeneratorImages)
            {
                if (!p.LinearChange(g.ToRows()).Equals(p))
                {
                    throw new ArgumentException($"Primary invariant {i + 1} ({p}) is not invariant under the generator {g}.", nameof(primaries));
                }
            }
        }

        var ideal = Groebner.Compute(space.Ring, primaries, null, null, ct);
        if (!ideal.IsZeroDimensional)
        {
            throw new ArgumentException(
                $"The primary invariants {string.Join(", ", primaries)} are not a system of parameters: K[x]/(p) is infinite-dimensional (some variable has no pure power among the leading monomials).",
                nameof(primaries));
        }

        return ideal;
    }

    /// <summary>
    /// Returns the elements of <paramref name="candidates"/> (scanned in order) whose componentwise normal forms modulo the
    /// ideal are independent of those of the elements kept before; <paramref name="rank"/> is the number kept.
    /// </summary>
    internal static IReadOnlyList<PolynomialMap<T>> IndependentModulo(GroebnerBasis<T> ideal, IReadOnlyList<PolynomialMap<T>> candidates, out int rank)
    {
        var echelon = new IncrementalRowEchelon<T>(ideal.Ring.Field);
        var columns = new Dictionary<(Monomial, int), int>();
        var kept = new List<PolynomialMap<T>>();
        foreach (var f in candidates)
        {
            var entries = new List<KeyValuePair<int, T>>();
            for (int j = 0; j < f.OutputDimension; j++)
            {
                var remainder = ideal.Reduce(f.Components[j]);
                for (int t = 0; t < remainder.TermCount; t++)
                {
                    var key = (remainder.Monomials[t], j);
                    if (!columns.TryGetValue(key, out int column))
                    {
                        column = columns.Count;
                        columns[key] = column;
                    }

                    entries.Add(new(column, remainder.Coefficients[t]));
                }
            }

            if (echelon.TryInsert(SparseVector.Create(entries)))
            {
                kept.Add(f);
            }
        }

        rank = echelon.Rank;
        return kept.AsReadOnly();
    }

    /// <summary>Returns the coefficients of H(t) prod_i (1 - t^(d_i)), which must be a polynomial with non-negative coefficients.</summary>
    /// <exception cref="ArgumentException">The product is not such a polynomial, so the degrees are not those of a system of parameters.</exception>
    internal static IReadOnlyList<BigInteger> GeneratorCounts(MolienSeries series, IReadOnlyList<int> primaryDegrees)
    {
        // H = Numerator / prod_j (1 - t^k_j): multiply the numerator by prod_i (1 - t^d_i), then divide exactly by each (1 - t^k_j).
        var p = series.Numerator.ToList();
        foreach (int d in primaryDegrees)
        {
            var next = new BigInteger[p.Count + d];
            for (int i = 0; i < p.Count; i++)
            {
                next[i] += p[i];
                next[i + d] -= p[i];
            }

            p = [.. next];
        }

        foreach (int k in series.DenominatorDegrees)
        {
            int degree = p.Count - 1 - k;
            if (degree < 0)
            {
                throw new ArgumentException($"The weighted Molien series times prod(1 - t^d) for primary degrees [{string.Join(", ", primaryDegrees)}] is not a polynomial.", nameof(primaryDegrees));
            }

            var quotient = new BigInteger[degree + 1];
            for (int i = 0; i <= degree; i++)
            {
                quotient[i] = p[i] + (i >= k ? quotient[i - k] : BigInteger.Zero);
            }

            // The remainder must vanish: p = quotient * (1 - t^k).
            for (int i = 0; i < p.Count; i++)
            {
                var product = (i <= degree ? quotient[i] : BigInteger.Zero) - (i >= k && i - k <= degree ? quotient[i - k] : BigInteger.Zero);
                if (product != p[i])
                {
                    throw new ArgumentException(
                        $"The weighted Molien series times prod(1 - t^d) for primary degrees [{string.Join(", ", primaryDegrees)}] is not a polynomial, so these degrees are not those of a system of parameters.",
                        nameof(primaryDegrees));
                }
            }

            p = [.. quotient];
        }

        while (p.Count > 1 && p[^1].IsZero)
        {
            p.RemoveAt(p.Count - 1);
        }

        if (p.Any(c => c.Sign < 0))
        {
            throw new ArgumentException(
                $"The weighted Molien series times prod(1 - t^d) for primary degrees [{string.Join(", ", primaryDegrees)}] has a negative coefficient ({string.Join(", ", p)}), so the module is not free over such primaries.",
                nameof(primaryDegrees));
        }

        return p.AsReadOnly();
    }
}
