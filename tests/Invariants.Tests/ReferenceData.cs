using System.Text.Json.Nodes;

namespace InvTheory.Invariants.Tests;

/// <summary>One group of the shared reference data with the values computed by Singular, Macaulay2 and GAP.</summary>
/// <param name="Name">The group's name, also its file name without <c>.json</c>.</param>
/// <param name="Path">The group file.</param>
/// <param name="Order">|G|.</param>
/// <param name="Dimension">The number of variables.</param>
/// <param name="Molien">The coefficients of t^0 .. t^30 of the Molien series.</param>
/// <param name="OptimalPrimaryDegreeProduct">The smallest product of degrees of an hsop.</param>
/// <param name="FundamentalDegrees">The degrees of a minimal generating set.</param>
public sealed record ReferenceGroup(
    string Name,
    string Path,
    int Order,
    int Dimension,
    IReadOnlyList<long> Molien,
    long OptimalPrimaryDegreeProduct,
    IReadOnlyList<int> FundamentalDegrees)
{
    public override string ToString() => Name;
}

/// <summary>
/// The reference data in <c>shared/reference</c> next to the repository: group files and the expected values computed
/// independently with Singular 4.3.1, Macaulay2 1.21 and GAP 4.12.
/// </summary>
/// <remarks>
/// The folder is <c>&lt;repository root&gt;/../shared/reference</c>, where the repository root is the folder with
/// InvTheory.sln. In a git worktree the main checkout's root is tried as well. A missing folder fails every test that
/// needs it, with the paths that were searched.
/// </remarks>
public static class ReferenceData
{
    private static readonly Lazy<IReadOnlyList<ReferenceGroup>> LazyGroups = new(Load);

    /// <summary>The folder with <c>expected.json</c> and <c>groups/</c>.</summary>
    public static string Directory => LazyDirectory.Value;

    /// <summary>All reference groups, in the order of <c>expected.json</c>.</summary>
    public static IReadOnlyList<ReferenceGroup> Groups => LazyGroups.Value;

    private static readonly Lazy<string> LazyDirectory = new(Locate);

    /// <summary>Returns the reference group with the given name.</summary>
    public static ReferenceGroup Get(string name) =>
        Groups.FirstOrDefault(g => g.Name == name)
        ?? throw new InvalidOperationException($"The reference data has no group '{name}'; it has {string.Join(", ", Groups.Select(g => g.Name))}.");

    private static string Locate()
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "InvTheory.sln")))
            {
                continue;
            }

            foreach (var root in RepositoryRoots(dir.FullName))
            {
                string candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "reference"));
                searched.Add(candidate);
                if (File.Exists(System.IO.Path.Combine(candidate, "expected.json")))
                {
                    return candidate;
                }
            }

            break;
        }

        throw new InvalidOperationException(
            "The shared reference data (expected.json and groups/) was not found. It must be in <repository root>/../shared/reference; "
            + $"searched: {(searched.Count == 0 ? "no folder with InvTheory.sln above " + AppContext.BaseDirectory : string.Join(", ", searched))}.");
    }

    /// <summary>Returns the repository root and, for a git worktree, the root of the main checkout.</summary>
    private static IEnumerable<string> RepositoryRoots(string root)
    {
        yield return root;
        string gitFile = System.IO.Path.Combine(root, ".git");
        if (!File.Exists(gitFile))
        {
            yield break;
        }

        // A worktree's .git file reads "gitdir: <main>/.git/worktrees/<name>".
        string line = File.ReadAllText(gitFile).Trim();
        const string prefix = "gitdir:";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield break;
        }

        var gitDirectory = new DirectoryInfo(line[prefix.Length..].Trim());
        var mainGit = gitDirectory.Parent?.Parent;
        if (mainGit is not null && mainGit.Name == ".git" && mainGit.Parent is not null)
        {
            yield return mainGit.Parent.FullName;
        }
    }

    private static IReadOnlyList<ReferenceGroup> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Directory, "expected.json")))!;
        var result = new List<ReferenceGroup>();
        foreach (var node in root["groups"]!.AsArray())
        {
            string name = (string)node!["name"]!;
            var fundamental = node["fundamental_degrees"]!.AsObject();
            var degrees = (fundamental["singular"] ?? fundamental["m2"])!.AsArray().Select(d => (int)d!).ToList();
            result.Add(new ReferenceGroup(
                name,
                System.IO.Path.Combine(Directory, "groups", name + ".json"),
                (int)node["order"]!,
                (int)node["dimension"]!,
                [.. node["molien_series_0_30"]!.AsArray().Select(c => (long)c!)],
                (long)node["optimal_primary_degree_product"]!,
                degrees));
        }

        return result;
    }
}
