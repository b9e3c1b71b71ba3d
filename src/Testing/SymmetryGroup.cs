using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Classical;

namespace InvTheory.Testing;

/// <summary>
/// A group G to test a function against: an FsCheck generator of random elements, as real matrices on the
/// defining representation V = R^d, and a shrinker that replaces an element by simpler ones. Optionally G x S_n,
/// whose elements also permute n identical particles.
/// </summary>
/// <remarks>
/// <para>
/// Finite groups: uniform over the elements, which are enumerated once (exactly, over the group's field) and
/// converted to double precision when drawn. Shrinking moves to elements earlier in breadth-first order, which are
/// shorter words in the generators; the identity comes first and the generators right after it.
/// </para>
/// <para>
/// Classical groups: see <see cref="GroupSamples.Classical"/> for the distributions. A random element shrinks to a
/// list of simple elements with exact entries. The list starts with the identity, which isolates failures caused by
/// the particle permutation alone. Then come the component generators (reflection, parity, time reversal and their
/// product), the quarter turns in the coordinate planes, and the boosts along the coordinate axes with rapidity
/// min(1, maximum rapidity). E(d) is sampled through its linear part O(d), without translations, so test a function
/// of centred points (see <see cref="ClassicalGroup.Centre"/>).
/// </para>
/// <para>Particle permutations are uniform and shrink to the identity and then to transpositions.</para>
/// </remarks>
public sealed class SymmetryGroup
{
    private readonly Gen<GroupElement> _matrixElements;
    private readonly Func<GroupElement, IEnumerable<GroupElement>> _shrinkMatrix;

    private SymmetryGroup(
        string name,
        int dimension,
        BigInteger? order,
        ClassicalGroup? classical,
        Gen<GroupElement> matrixElements,
        Func<GroupElement, IEnumerable<GroupElement>> shrinkMatrix,
        int particleCount)
    {
        Name = particleCount == 0 ? name : $"{name} x S{particleCount}";
        Dimension = dimension;
        Order = order;
        ClassicalGroup = classical;
        ParticleCount = particleCount;
        _matrixElements = matrixElements;
        _shrinkMatrix = shrinkMatrix;
        Elements = particleCount == 0
            ? matrixElements
            : from g in matrixElements
              from p in GroupSamples.Permutation(particleCount)
              select g.WithPermutation(p);
    }

    /// <summary>The name, such as <c>Oh</c>, <c>O(3)</c> or <c>SO(3) x S4</c>.</summary>
    public string Name { get; }

    /// <summary>The dimension d of the defining representation V.</summary>
    public int Dimension { get; }

    /// <summary>The order of the matrix group (without the particle permutations) when it is finite, otherwise null.</summary>
    public BigInteger? Order { get; }

    /// <summary>Whether the matrix group is finite.</summary>
    public bool IsFinite => Order is not null;

    /// <summary>The classical group sampled, or null for a finite group.</summary>
    public ClassicalGroup? ClassicalGroup { get; }

    /// <summary>The number n of particles that elements permute, or 0 when they permute none.</summary>
    public int ParticleCount { get; }

    /// <summary>Random group elements.</summary>
    public Gen<GroupElement> Elements { get; }

    /// <summary>Random group elements with this group's shrinker.</summary>
    public Arbitrary<GroupElement> Arbitrary => Arb.From(Elements, Shrink);

    /// <summary>Returns the uniform distribution over the elements of a finite matrix group with real entries.</summary>
    /// <remarks>
    /// Enumerates the group once (see <see cref="MatrixGroup{T}.Enumerate"/>), unless that was done already.
    /// </remarks>
    /// <param name="group">The group; its field must have characteristic 0 and its generators real entries.</param>
    /// <param name="maxOrder">The largest group order accepted.</param>
    /// <exception cref="NotSupportedException">The field has positive characteristic, or a generator has an entry that is not real.</exception>
    /// <exception cref="GroupOrderLimitException">The group has more than <paramref name="maxOrder"/> elements.</exception>
    /// <exception cref="GroupNotFiniteException">A generator has infinite order.</exception>
    public static SymmetryGroup Finite<T>(MatrixGroup<T> group, long maxOrder = GroupEnumerationOptions.DefaultMaxOrder)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(group);
        CheckRealMatrices(group);
        int order = (int)group.Enumerate(new GroupEnumerationOptions { MaxOrder = maxOrder });

        // In breadth-first order the generators sit among the first |generators| + 1 elements, after the identity.
        var firstElements = group.Elements.Take(group.Generators.Count + 1).ToList();
        var generatorNumbers = new Dictionary<int, int>();
        for (int k = 0; k < group.Generators.Count; k++)
        {
            int index = firstElements.FindIndex(e => e == group.Generators[k]);
            if (index > 0)
            {
                generatorNumbers.TryAdd(index, k + 1);
            }
        }

        string Describe(int index)
        {
            if (index == 0)
            {
                return $"identity of {group.Name}";
            }

            return generatorNumbers.TryGetValue(index, out int k)
                ? $"generator {k} of {group.Name}"
                : $"element {index} of {group.Name} in breadth-first order";
        }

        GroupElement ElementAt(int index) =>
            new(RealMatrix.FromExact(group.Elements[index]), Describe(index), null, GroupElement.ShrinkKind.Enumerated, index);

        IEnumerable<GroupElement> Shrink(GroupElement g) =>
            g.Kind == GroupElement.ShrinkKind.Enumerated ? SmallerIndices(g.Index).Select(ElementAt) : [];

        return new SymmetryGroup(group.Name, group.Dimension, order, null, Gen.Choose(0, order - 1).Select(ElementAt), Shrink, 0);
    }

    /// <summary>Returns the uniform distribution over a finite group given by a definition (a group file or catalogue entry).</summary>
    /// <exception cref="NotSupportedException">The field has positive characteristic, or a generator has an entry that is not real.</exception>
    /// <exception cref="GroupFileException">An entry of the definition is invalid.</exception>
    /// <exception cref="GroupOrderLimitException">The group has more than <paramref name="maxOrder"/> elements.</exception>
    public static SymmetryGroup FromDefinition(GroupDefinition definition, long maxOrder = GroupEnumerationOptions.DefaultMaxOrder)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Field.Accept(new FiniteVisitor(definition, maxOrder));
    }

    /// <summary>
    /// Returns the random elements of a classical group described on <see cref="GroupSamples.Classical"/>, with Lorentz
    /// boosts of rapidity at most <paramref name="maxRapidity"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRapidity"/> is negative or not finite.</exception>
    public static SymmetryGroup Classical(ClassicalGroup group, double maxRapidity = GroupSamples.DefaultMaxRapidity)
    {
        ArgumentNullException.ThrowIfNull(group);
        GroupSamples.CheckRapidity(maxRapidity);
        var simple = SimpleElements(group, maxRapidity);
        var elements = GroupSamples.Classical(group, maxRapidity)
            .Select(m => new GroupElement(m, $"random element of {group.Name}", null, GroupElement.ShrinkKind.Random, -1));

        IEnumerable<GroupElement> Shrink(GroupElement g) => g.Kind switch
        {
            GroupElement.ShrinkKind.Random => simple,
            GroupElement.ShrinkKind.Simple => simple.Take(g.Index),
            _ => [],
        };

        return new SymmetryGroup(group.Name, group.Dimension, null, group, elements, Shrink, 0);
    }

    /// <summary>Returns Haar-random elements of O(d).</summary>
    public static SymmetryGroup Orthogonal(int d) => Classical(Representations.Classical.ClassicalGroup.Orthogonal(d));

    /// <summary>Returns Haar-random elements of SO(d).</summary>
    public static SymmetryGroup SpecialOrthogonal(int d) => Classical(Representations.Classical.ClassicalGroup.SpecialOrthogonal(d));

    /// <summary>Returns random elements of O(1, d-1), all four components equally likely.</summary>
    public static SymmetryGroup Lorentz(int d, double maxRapidity = GroupSamples.DefaultMaxRapidity) =>
        Classical(Representations.Classical.ClassicalGroup.Lorentz(d), maxRapidity);

    /// <summary>Returns random elements of SO+(1, d-1).</summary>
    public static SymmetryGroup ProperOrthochronousLorentz(int d, double maxRapidity = GroupSamples.DefaultMaxRapidity) =>
        Classical(Representations.Classical.ClassicalGroup.ProperOrthochronousLorentz(d), maxRapidity);

    /// <summary>
    /// Returns the group that <paramref name="text"/> names: a classical group (<c>O(3)</c>, <c>SO(3)</c>,
    /// <c>O(1,3)</c>, <c>SO+(1,3)</c>, <c>E(3)</c>, <c>Lorentz</c>), or else a finite group as
    /// <see cref="GroupResolver.Resolve"/> finds it: a group file, a catalogue name or a construction such as
    /// <c>Oh:Sym2(V)</c>.
    /// </summary>
    /// <exception cref="Polynomials.InvariantTheoryException">No classical group, file or catalogue group has this name.</exception>
    /// <exception cref="NotSupportedException">The finite group's field has positive characteristic, or its matrices are not real.</exception>
    public static SymmetryGroup Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ClassicalGroup classical;
        try
        {
            classical = Representations.Classical.ClassicalGroup.Parse(text);
        }
        catch (FormatException)
        {
            return FromDefinition(GroupResolver.Resolve(text));
        }

        return Classical(classical);
    }

    /// <summary>
    /// Returns G x S_n: each element also carries a uniformly random permutation of n identical particles, for
    /// inputs built with <see cref="Representation.Particles"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particleCount"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The group permutes particles already.</exception>
    public SymmetryGroup WithParticlePermutations(int particleCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(particleCount, 1);
        if (ParticleCount != 0)
        {
            throw new InvalidOperationException($"WithParticlePermutations: {Name} permutes {ParticleCount} particles already; call it once, on the matrix group.");
        }

        string name = Name;
        return new SymmetryGroup(name, Dimension, Order, ClassicalGroup, _matrixElements, _shrinkMatrix, particleCount);
    }

    /// <summary>
    /// Returns simpler elements to try in place of <paramref name="element"/> while a test still fails: first simpler
    /// matrices with the same permutation, then simpler permutations with the same matrix. The sequence is finite and
    /// repeated shrinking terminates.
    /// </summary>
    public IEnumerable<GroupElement> Shrink(GroupElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        foreach (var candidate in _shrinkMatrix(element))
        {
            yield return candidate.WithPermutation(element.Permutation);
        }

        foreach (var permutation in SimplerPermutations(element.Permutation))
        {
            yield return element.WithPermutation(permutation);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Returns the identity, then the transpositions (i j) in lexicographic order, that come before p in that list.</summary>
    private static IEnumerable<IReadOnlyList<int>> SimplerPermutations(IReadOnlyList<int> p)
    {
        int n = p.Count;
        var moved = Enumerable.Range(0, n).Where(j => p[j] != j).ToArray();
        if (moved.Length == 0)
        {
            yield break;
        }

        yield return Enumerable.Range(0, n).ToArray();
        bool isTransposition = moved.Length == 2;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (isTransposition && moved[0] == i && moved[1] == j)
                {
                    yield break;
                }

                var transposition = Enumerable.Range(0, n).ToArray();
                (transposition[i], transposition[j]) = (j, i);
                yield return transposition;
            }
        }
    }

    /// <summary>Returns 0, 1, ... up to 16 below <paramref name="index"/>, then index - index/2, index - index/4, ..., index - 1.</summary>
    private static IEnumerable<int> SmallerIndices(int index)
    {
        var result = new SortedSet<int>();
        for (int i = 0; i < Math.Min(index, 17); i++)
        {
            result.Add(i);
        }

        for (int step = index / 2; step > 0; step /= 2)
        {
            result.Add(index - step);
        }

        return result;
    }

    private static List<GroupElement> SimpleElements(ClassicalGroup group, double maxRapidity)
    {
        int d = group.Dimension;
        var list = new List<(RealMatrix Matrix, string Description)> { (RealMatrix.Identity(d), "identity") };
        var components = group.ComponentGenerators.Select(RealMatrix.FromExact).ToArray();
        for (int k = 0; k < components.Length; k++)
        {
            list.Add((components[k], $"{group.ComponentGeneratorNames[k]} {Diagonal(components[k])}"));
        }

        if (components.Length == 2)
        {
            var product = components[0] * components[1];
            list.Add((product, $"{group.ComponentGeneratorNames[0]} times {group.ComponentGeneratorNames[1]} {Diagonal(product)}"));
        }

        bool lorentz = group.Kind is ClassicalGroupKind.Lorentz or ClassicalGroupKind.ProperOrthochronousLorentz;
        int first = lorentz ? 1 : 0;
        for (int i = first; i < d; i++)
        {
            for (int j = i + 1; j < d; j++)
            {
                list.Add((QuarterTurn(d, i, j), $"quarter turn taking axis {i + 1} to axis {j + 1}"));
            }
        }

        double rapidity = Math.Min(1.0, maxRapidity);
        if (lorentz && rapidity > 0)
        {
            for (int i = 1; i < d; i++)
            {
                var direction = Enumerable.Range(1, d - 1).Select(k => k == i ? 1.0 : 0.0).ToArray();
                list.Add((GroupSamples.Boost(direction, rapidity), $"boost along axis {i + 1} with rapidity {rapidity:G6}"));
            }
        }

        return list.Select((x, k) => new GroupElement(x.Matrix, x.Description, null, GroupElement.ShrinkKind.Simple, k)).ToList();
    }

    /// <summary>Returns the rotation by 90 degrees in the plane of axes a and b that maps e_a to e_b and e_b to -e_a.</summary>
    private static RealMatrix QuarterTurn(int d, int a, int b)
    {
        var rows = new double[d][];
        for (int r = 0; r < d; r++)
        {
            rows[r] = new double[d];
            rows[r][r] = r == a || r == b ? 0 : 1;
        }

        rows[b][a] = 1;
        rows[a][b] = -1;
        return RealMatrix.FromRows(rows);
    }

    private static string Diagonal(RealMatrix m) =>
        "diag(" + string.Join(", ", Enumerable.Range(0, m.RowCount).Select(i => GroupElement.Format(m[i, i]))) + ")";

    private static void CheckRealMatrices<T>(MatrixGroup<T> group)
        where T : struct, IFieldElement<T>
    {
        if (!group.Field.Characteristic.IsZero)
        {
            throw new NotSupportedException(
                $"Group '{group.Name}' is defined over {group.Field.Name}, a field of characteristic {group.Field.Characteristic}, so its elements have no real matrices to test with. Give the group over Q or a real subfield of Q(zeta_n).");
        }

        for (int k = 0; k < group.Generators.Count; k++)
        {
            try
            {
                RealMatrix.FromExact(group.Generators[k]);
            }
            catch (ArgumentException)
            {
                throw new NotSupportedException(
                    $"Group '{group.Name}' is defined over {group.Field.Name} and generator {k + 1} has entries that are not real, so it acts on C^{group.Dimension}, not R^{group.Dimension}. "
                    + "Testing needs real matrices: give a real form of the representation, for example over Q or with entries such as z+z^-1.");
            }
        }
    }

    private sealed class FiniteVisitor(GroupDefinition definition, long maxOrder) : IFieldVisitor<SymmetryGroup>
    {
        public SymmetryGroup Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T> =>
            Finite(MatrixGroup<T>.FromDefinition(definition, field), maxOrder);
    }
}
