using System.Text.Json;

namespace InvTheory.Representations.Tests;

/// <summary>
/// The reference groups and their expected orders and Molien coefficients, computed independently with
/// Singular 4.3.1 (finvar.lib), Macaulay2 1.21 (InvariantRing) and GAP 4.12 (MolienSeries). The data lives in
/// shared/reference next to the repository checkout: the folder that contains InvTheory.sln, then ../shared/reference
/// (for a git worktree, next to the main checkout that owns it).
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> Directory = new(FindDirectory);
    private static readonly Lazy<IReadOnlyDictionary<string, Expected>> ExpectedByName = new(LoadExpected);

    /// <summary>The reference directory; a missing directory fails the test with the paths that were tried.</summary>
    public static string Path => Directory.Value;

    /// <summary>Paths of the reference group files, sorted by name.</summary>
    public static IReadOnlyList<string> GroupFiles
    {
        get
        {
            var files = System.IO.Directory.GetFiles(System.IO.Path.Combine(Path, "groups"), "*.json");
            Array.Sort(files, StringComparer.Ordinal);
            if (files.Length == 0)
            {
                throw new InvalidOperationException($"The reference directory {Path}/groups contains no group files.");
            }

            return files;
        }
    }

    /// <summary>Returns the expected values for the reference group named <paramref name="name"/>.</summary>
    public static Expected For(string name) =>
        ExpectedByName.Value.TryGetValue(name, out var expected)
            ? expected
            : throw new InvalidOperationException($"expected.json has no entry for the reference group '{name}'.");

    /// <summary>Names of the reference group files (without extension), for theory data.</summary>
    public static TheoryData<string> GroupNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in GroupFiles)
        {
            data.Add(System.IO.Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>The path of the reference group file with the given name.</summary>
    public static string GroupFile(string name) => System.IO.Path.Combine(Path, "groups", name + ".json");

    private static string FindDirectory()
    {
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "InvTheory.sln")))
            {
                continue;
            }

            var tried = new List<string>();
            foreach (var checkout in Checkouts(dir.FullName))
            {
                var reference = System.IO.Path.GetFullPath(System.IO.Path.Combine(checkout, "..", "shared", "reference"));
                tried.Add(reference);
                if (System.IO.Directory.Exists(reference))
                {
                    return reference;
                }
            }

            throw new InvalidOperationException(
                $"The reference data directory is missing; tried {string.Join(" and ", tried)}. It must sit beside the repository "
                + "checkout as ../shared/reference, with groups/*.json and expected.json.");
        }

        throw new InvalidOperationException($"No folder containing InvTheory.sln was found above {start}, so the reference data cannot be located.");
    }

    // The repository root itself, and for a git worktree (where .git is a file "gitdir: <main>/.git/worktrees/<name>")
    // also the main checkout that owns it, so that worktrees find the data beside the main checkout.
    private static IEnumerable<string> Checkouts(string root)
    {
        yield return root;
        var gitFile = System.IO.Path.Combine(root, ".git");
        if (!File.Exists(gitFile))
        {
            yield break;
        }

        var line = File.ReadAllText(gitFile).Trim();
        const string prefix = "gitdir:";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            yield break;
        }

        var gitDir = line[prefix.Length..].Trim();
        var commonFile = System.IO.Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile))
        {
            var commonDir = System.IO.Path.GetFullPath(System.IO.Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()));
            var mainCheckout = System.IO.Path.GetDirectoryName(commonDir.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            if (mainCheckout is not null)
            {
                yield return mainCheckout;
            }
        }
    }

    private static IReadOnlyDictionary<string, Expected> LoadExpected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Path, "expected.json")));
        var result = new Dictionary<string, Expected>(StringComparer.Ordinal);
        foreach (var group in document.RootElement.GetProperty("groups").EnumerateArray())
        {
            var molien = group.GetProperty("molien_series_0_30").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            result.Add(group.GetProperty("name").GetString()!, new Expected(group.GetProperty("order").GetInt64(), molien));
        }

        return result;
    }

    /// <summary>Expected group order and Molien coefficients of t^0 .. t^30.</summary>
    public sealed record Expected(long Order, IReadOnlyList<long> MolienCoefficients);
}
