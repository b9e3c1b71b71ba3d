using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Constructions;

/// <summary>
/// New representations of a group given by generator matrices: direct sums, tensor products, symmetric and exterior
/// powers, duals, restriction to subgroups, the action of G x S_n on n copies, and change of field.
/// </summary>
/// <remarks>
/// <para>
/// A representation is given by the images g_1, ..., g_r of fixed generators of an abstract group. Constructions that
/// combine two representations (direct sum, tensor product) pair the generators: the i-th generator of the result is
/// built from the i-th generators of both inputs. This is correct only when both lists are images of the same
/// abstract generators of the same group; the code checks that the lists have the same length but cannot check the
/// rest. Two catalogue groups of the same name meet this condition; two different groups generally do not.
/// </para>
/// <para>Bases and index conventions are those of <see cref="MatrixConstructions"/>.</para>
/// </remarks>
public static class RepresentationConstructions
{
    /// <summary>Returns the generators diag(a_i, b_i) of the direct sum.</summary>
    /// <exception cref="ArgumentException">The lists have different lengths or fields.</exception>
    public static IReadOnlyList<Matrix<T>> DirectSum<T>(IReadOnlyList<Matrix<T>> a, IReadOnlyList<Matrix<T>> b)
        where T : struct, IFieldElement<T> =>
        Pairwise(a, b, nameof(DirectSum), MatrixConstructions.DirectSum);

    /// <summary>Returns the generators a_i ⊗ b_i of the tensor product.</summary>
    /// <exception cref="ArgumentException">The lists have different lengths or fields.</exception>
    public static IReadOnlyList<Matrix<T>> TensorProduct<T>(IReadOnlyList<Matrix<T>> a, IReadOnlyList<Matrix<T>> b)
        where T : struct, IFieldElement<T> =>
        Pairwise(a, b, nameof(TensorProduct), MatrixConstructions.KroneckerProduct);

    /// <summary>Returns the generators Sym^k(g_i), acting on degree-k monomials by m(g x) = Sym^k(g) m(x).</summary>
    public static IReadOnlyList<Matrix<T>> SymmetricPower<T>(IReadOnlyList<Matrix<T>> generators, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(generators);
        return generators.Select(g => MatrixConstructions.SymmetricPower(g, k)).ToArray();
    }

    /// <summary>Returns the generators Lambda^k(g_i) (k x k minors).</summary>
    public static IReadOnlyList<Matrix<T>> ExteriorPower<T>(IReadOnlyList<Matrix<T>> generators, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(generators);
        return generators.Select(g => MatrixConstructions.ExteriorPower(g, k)).ToArray();
    }

    /// <summary>Returns the generators (g_i^-1)^T of the dual representation.</summary>
    public static IReadOnlyList<Matrix<T>> Dual<T>(IReadOnlyList<Matrix<T>> generators)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(generators);
        return generators.Select(MatrixConstructions.Dual).ToArray();
    }

    /// <summary>
    /// Returns the generators of G x S_n acting on V^n = V ⊕ ... ⊕ V (n identical particles): first diag(g, ..., g)
    /// for each generator g of G (G acts on every particle), then the block permutations of the transposition (1 2)
    /// and the n-cycle (1 2 ... n), which generate S_n (none for n = 1, only the transposition for n = 2).
    /// </summary>
    /// <remarks>
    /// Particle j occupies coordinates j d .. j d + d - 1. A block permutation moves particle j to position p(j)
    /// (see <see cref="MatrixConstructions.BlockPermutation"/>). The group generated is G x S_n when V is faithful.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particles"/> is less than 1 or <paramref name="dimension"/> is negative.</exception>
    /// <exception cref="ArgumentException">A generator is not <paramref name="dimension"/> x <paramref name="dimension"/>.</exception>
    public static IReadOnlyList<Matrix<T>> Particles<T>(Field<T> field, int dimension, IReadOnlyList<Matrix<T>> generators, int particles)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(generators);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(particles, 1);
        var result = new List<Matrix<T>>();
        foreach (var g in generators)
        {
            if (g.RowCount != dimension || g.ColumnCount != dimension)
            {
                throw new ArgumentException(
                    $"Particles: a generator is {g.RowCount}x{g.ColumnCount} but the representation has dimension {dimension}.", nameof(generators));
            }

            var block = g;
            for (int j = 1; j < particles; j++)
            {
                block = MatrixConstructions.DirectSum(block, g);
            }

            result.Add(block);
        }

        if (particles >= 2)
        {
            var transposition = Enumerable.Range(0, particles).Select(j => j switch { 0 => 1, 1 => 0, _ => j }).ToArray();
            result.Add(MatrixConstructions.BlockPermutation(field, transposition, dimension));
        }

        if (particles >= 3)
        {
            var cycle = Enumerable.Range(0, particles).Select(j => (j + 1) % particles).ToArray();
            result.Add(MatrixConstructions.BlockPermutation(field, cycle, dimension));
        }

        return result;
    }

    /// <summary>
    /// Returns the product of generators described by a word: entry w means g_w for w &gt; 0 and g_(-w)^-1 for w &lt; 0
    /// (1-based), multiplied left to right; the empty word gives the identity.
    /// </summary>
    /// <exception cref="ArgumentException">A letter is 0 or its absolute value exceeds the number of generators.</exception>
    public static Matrix<T> EvaluateWord<T>(Field<T> field, int dimension, IReadOnlyList<Matrix<T>> generators, IReadOnlyList<int> word)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(generators);
        ArgumentNullException.ThrowIfNull(word);
        var result = Matrix.Identity(field, dimension);
        foreach (int letter in word)
        {
            int index = Math.Abs(letter) - 1;
            if (letter == 0 || index >= generators.Count)
            {
                throw new ArgumentException(
                    $"EvaluateWord: letter {letter} names no generator; use 1..{generators.Count} and their negatives for inverses.", nameof(word));
            }

            result *= letter > 0 ? generators[index] : generators[index].Inverse();
        }

        return result;
    }

    /// <summary>
    /// Returns generators of the subgroup generated by the given words in the generators (see <see cref="EvaluateWord"/>).
    /// Applying the same words to two representations of one group restricts both to the same abstract subgroup,
    /// so their generators still correspond pairwise.
    /// </summary>
    public static IReadOnlyList<Matrix<T>> RestrictByWords<T>(Field<T> field, int dimension, IReadOnlyList<Matrix<T>> generators, IReadOnlyList<IReadOnlyList<int>> words)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Select(w => EvaluateWord(field, dimension, generators, w)).ToArray();
    }

    /// <summary>Returns the rational generators as elements of Q(zeta_n), through the embedding Q -&gt; Q(zeta_n).</summary>
    public static IReadOnlyList<Matrix<CyclotomicNumber>> ChangeField(IReadOnlyList<Matrix<Rational>> generators, CyclotomicField target)
    {
        ArgumentNullException.ThrowIfNull(generators);
        ArgumentNullException.ThrowIfNull(target);
        return generators.Select(g => MatrixConstructions.MapEntries(g, target, target.FromRational)).ToArray();
    }

    /// <summary>Returns the generators over Q(zeta_m), through the embedding Q(zeta_n) -&gt; Q(zeta_m), zeta_n = zeta_m^(m/n).</summary>
    /// <exception cref="ArgumentException">n does not divide m.</exception>
    public static IReadOnlyList<Matrix<CyclotomicNumber>> ChangeField(IReadOnlyList<Matrix<CyclotomicNumber>> generators, CyclotomicField target)
    {
        ArgumentNullException.ThrowIfNull(generators);
        ArgumentNullException.ThrowIfNull(target);
        return generators.Select(g => MatrixConstructions.MapEntries(g, target, value => value.Embed(target))).ToArray();
    }

    /// <summary>Returns the generators over Q when every entry is rational, or null when some entry is not.</summary>
    public static IReadOnlyList<Matrix<Rational>>? TryToRationals(IReadOnlyList<Matrix<CyclotomicNumber>> generators)
    {
        ArgumentNullException.ThrowIfNull(generators);
        if (!generators.All(g => Enumerable.Range(0, g.RowCount).All(i => g.Row(i).All(v => v.IsRational))))
        {
            return null;
        }

        return generators.Select(g => MatrixConstructions.MapEntries(g, RationalField.Instance, v => v.ToRational())).ToArray();
    }

    private static IReadOnlyList<Matrix<T>> Pairwise<T>(
        IReadOnlyList<Matrix<T>> a, IReadOnlyList<Matrix<T>> b, string operation, Func<Matrix<T>, Matrix<T>, Matrix<T>> combine)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException(
                $"{operation}: the representations have {a.Count} and {b.Count} generators; both must be images of the same generators of one group, in the same order.",
                nameof(b));
        }

        return a.Zip(b, combine).ToArray();
    }
}
