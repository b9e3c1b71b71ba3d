using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace InvTheory.Representations.Catalogue;

/// <summary>
/// Named finite matrix groups: cyclic and dihedral groups of the plane, symmetric, alternating and signed
/// permutation groups, finite Coxeter groups, the 32 crystallographic point groups, polyhedral and binary
/// polyhedral groups, Heisenberg groups and Klein's group of order 168.
/// </summary>
/// <remarks>
/// <para>
/// Names are resolved in three steps: (1) the canonical name or an alias, case-sensitively; (2) the templates of
/// the parametrised families (<c>C&lt;n&gt;</c>, <c>W(B&lt;n&gt;)</c>, ...), case-sensitively; (3) both again
/// ignoring case, which succeeds only when exactly one group matches. White space in a name is ignored.
/// </para>
/// <para>
/// Several textbook symbols name different groups: <c>C4</c> is the cyclic group of the plane and also the
/// Schoenflies symbol of a three-dimensional point group, <c>S4</c> is the symmetric group and also the point
/// group -4, <c>A5</c> is the alternating group and also the Coxeter type A5. The catalogue gives the bare symbol
/// to the plane or permutation group and qualified names to the others: <c>PG(C4)</c> (or the Hermann-Mauguin
/// symbol <c>4</c>), <c>PG(S4)</c> (or <c>-4</c>), <c>W(A5)</c>.
/// </para>
/// <para>
/// The stated orders come from formulas (2n, n!, products of the degrees of the basic invariants) or textbook
/// tables and are checked whenever a group is enumerated; the test suite enumerates every listed finite entry of
/// moderate order and compares with textbook values.
/// </para>
/// </remarks>
public static class GroupCatalogue
{
    private static readonly Lazy<Registry> Data = new(Registry.Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The listed entries: every fixed group and the listed members of each parametrised family, ordered by
    /// family and then as each family defines them.
    /// </summary>
    public static IReadOnlyList<CatalogueEntry> Entries => Data.Value.Entries;

    /// <summary>The parametrised families with their name templates and accepted parameter ranges.</summary>
    public static IReadOnlyList<CatalogueFamilyPattern> Families => Data.Value.Families;

    /// <summary>Returns the group definition for a catalogue name, or false when the name is unknown.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out GroupDefinition definition)
    {
        if (TryGetEntry(name, out var entry))
        {
            definition = entry.Definition;
            return true;
        }

        definition = null;
        return false;
    }

    /// <summary>Returns the catalogue entry for a name, or false when the name is unknown or ambiguous.</summary>
    public static bool TryGetEntry(string name, [MaybeNullWhen(false)] out CatalogueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        entry = Data.Value.Resolve(name, out _);
        return entry is not null;
    }

    /// <summary>Returns the catalogue entry for a name.</summary>
    /// <exception cref="ArgumentException">The name is unknown, ambiguous or out of a family's range; the message says which and lists candidates.</exception>
    public static CatalogueEntry GetEntry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Data.Value.Resolve(name, out string? problem)
            ?? throw new ArgumentException(problem, nameof(name));
    }

    /// <summary>Returns the group definition for a catalogue name.</summary>
    /// <exception cref="ArgumentException">The name is unknown, ambiguous or out of a family's range.</exception>
    public static GroupDefinition Get(string name) => GetEntry(name).Definition;

    private sealed class Registry
    {
        private readonly Dictionary<string, CatalogueEntry> _fixedExact;
        private readonly ConcurrentDictionary<string, CatalogueEntry> _familyEntries = new(StringComparer.Ordinal);

        private Registry(IReadOnlyList<CatalogueEntry> fixedEntries, IReadOnlyList<CatalogueFamilyPattern> families)
        {
            Families = families;
            _fixedExact = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
            foreach (var entry in fixedEntries)
            {
                foreach (string key in entry.Aliases.Prepend(entry.Name))
                {
                    if (!_fixedExact.TryAdd(key, entry) && !ReferenceEquals(_fixedExact[key], entry))
                    {
                        throw new InvalidOperationException(
                            $"Group catalogue: the name {key} is given to both {_fixedExact[key].Name} and {entry.Name}; this points to a bug in the catalogue.");
                    }
                }
            }

            var listed = new List<CatalogueEntry>(fixedEntries);
            foreach (var family in families)
            {
                listed.AddRange(family.Listed.Select(n => FamilyEntry(family, n)));
            }

            Entries = listed
                .Select((entry, index) => (entry, index))
                .OrderBy(p => p.entry.Family)
                .ThenBy(p => p.index)
                .Select(p => p.entry)
                .ToArray();
        }

        public IReadOnlyList<CatalogueEntry> Entries { get; }

        public IReadOnlyList<CatalogueFamilyPattern> Families { get; }

        public static Registry Create()
        {
            var fixedEntries = new List<CatalogueEntry>();
            fixedEntries.AddRange(CoxeterGroups.ExceptionalEntries());
            fixedEntries.AddRange(PointGroups.Entries());
            fixedEntries.AddRange(PolyhedralGroups.Entries());
            fixedEntries.AddRange(BinaryPolyhedralGroups.Entries());
            fixedEntries.Add(KleinGroup.Entry());

            var families = new List<CatalogueFamilyPattern>();
            families.AddRange(PlaneGroups.Families());
            families.AddRange(PermutationGroups.Families());
            families.AddRange(CoxeterGroups.Families());
            families.AddRange(BinaryPolyhedralGroups.Families());
            families.Add(HeisenbergGroups.Family());
            return new Registry(fixedEntries, families);
        }

        public CatalogueEntry? Resolve(string rawName, out string? problem)
        {
            problem = null;
            string name = string.Concat(rawName.Where(c => !char.IsWhiteSpace(c)));

            // Step 1 and 2: exact names, then family templates, case-sensitively.
            if (_fixedExact.TryGetValue(name, out var entry))
            {
                return entry;
            }

            string? rangeProblem = null;
            foreach (var family in Families)
            {
                int? n = family.Match(name, ignoreCase: false, out bool inRange);
                if (n is null)
                {
                    continue;
                }

                if (inRange)
                {
                    return FamilyEntry(family, n.Value);
                }

                rangeProblem ??= RangeMessage(rawName, family, n.Value);
            }

            // Step 3: the same ignoring case, accepted only when the match is unique.
            var candidates = new SortedDictionary<string, CatalogueEntry>(StringComparer.Ordinal);
            foreach (var (key, value) in _fixedExact)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    candidates[value.Name] = value;
                }
            }

            foreach (var family in Families)
            {
                int? n = family.Match(name, ignoreCase: true, out bool inRange);
                if (n is not null && inRange)
                {
                    var member = FamilyEntry(family, n.Value);
                    candidates[member.Name] = member;
                }
                else if (n is not null)
                {
                    rangeProblem ??= RangeMessage(rawName, family, n.Value);
                }
            }

            if (candidates.Count == 1)
            {
                return candidates.Values.First();
            }

            if (candidates.Count > 1)
            {
                problem = $"Group name '{rawName}' is ambiguous when case is ignored: it matches {string.Join(", ", candidates.Keys)}. Write one of these names exactly.";
                return null;
            }

            problem = rangeProblem
                ?? $"Unknown group name '{rawName}'. Run 'invtheory groups' for the catalogue, or use a family template such as C<n>, D<n>, S<n>, A<n>, W(B<n>), W(E6), Oh or m-3m.";
            return null;
        }

        private static string RangeMessage(string rawName, CatalogueFamilyPattern family, int n) =>
            $"Group name '{rawName}' is in family {family.Templates[0]}, which accepts n from {family.Minimum} to {family.Maximum}; "
            + $"got n = {(n == int.MaxValue ? "a number out of range" : n)}. Choose n in that range.";

        private CatalogueEntry FamilyEntry(CatalogueFamilyPattern family, int n) =>
            _familyEntries.GetOrAdd(CatalogueFamilyPattern.Instantiate(family.Templates[0], n), _ => family.Create(n));
    }
}
