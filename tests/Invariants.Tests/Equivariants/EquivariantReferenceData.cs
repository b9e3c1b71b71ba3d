using System.Text.Json;

namespace InvTheory.Invariants.Tests.Equivariants;

/// <summary>
/// Locates the reference groups of shared/reference (beside the checkout that contains InvTheory.sln, or beside the
/// main checkout of a git worktree) and reads their fundamental degrees, computed with Singular and Macaulay2.
/// </summary>
internal static class EquivariantReferenceData
{
    private static readonly Lazy<string> Root = new(FindDirectory);

    /// <summary>The path of the reference group file with the given name.</summary>
    public static string GroupFile(string name) => Path.Combine(Root.Value, "groups", name + ".json");

    /// <summary>The names of all reference groups, sorted.</summary>
    public static IReadOnlyList<string> GroupNames() =>
        Directory.GetFiles(Path.Combine(Root.Value, "groups"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Returns the degrees of a minimal generating set of the invariant ring of a reference group (Singular's answer).</summary>
    public static IReadOnlyList<int> FundamentalDegrees(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root.Value, "expected.json")));
        foreach (var group in document.RootElement.GetProperty("groups").EnumerateArray())
        {
            if (group.GetProperty("name").GetString() == name)
            {
                return group.GetProperty("fundamental_degrees").GetProperty("singular").EnumerateArray().Select(e => e.GetInt32()).ToList();
            }
        }

        throw new InvalidOperationException($"expected.json has no entry for '{name}'.");
    }

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "InvTheory.sln")))
            {
                continue;
            }

            var candidates = new List<string> { Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "reference")) };
            var gitFile = Path.Combine(dir.FullName, ".git");
            if (File.Exists(gitFile))
            {
                // A worktree: .git is a file "gitdir: <main>/.git/worktrees/<name>"; the data sits beside <main>.
                var gitDir = File.ReadAllText(gitFile).Trim()["gitdir:".Length..].Trim();
                var main = Path.GetFullPath(Path.Combine(gitDir, "..", "..", ".."));
                candidates.Add(Path.GetFullPath(Path.Combine(main, "..", "shared", "reference")));
            }

            return candidates.FirstOrDefault(Directory.Exists)
                ?? throw new InvalidOperationException($"The reference data is missing; tried {string.Join(" and ", candidates)}.");
        }

        throw new InvalidOperationException($"No folder containing InvTheory.sln was found above {AppContext.BaseDirectory}.");
    }
}
