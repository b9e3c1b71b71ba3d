using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class RingCommandTests
{
    [Fact]
    public void RingWritesAResultThatVerifyAccepts()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        var ring = InvTheoryProcess.Run(directory, "ring", ReferenceGroup("tetrahedral_rot"), "--out", "ring.json");
        Assert.True(ring.ExitCode == 0, ring.StandardError + ring.StandardOutput);
        Assert.Contains("certificate: verified", ring.StandardOutput);

        // Singular 4.3.1 (finvar.lib) and Macaulay2 1.21: primary degrees 2, 3, 4, secondary degrees 0, 6, fundamental 2, 3, 4, 6.
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "ring.json")))!.AsObject();
        Assert.Equal("invtheory-result", (string?)document["schema"]);
        Assert.Equal("ring", (string?)document["kind"]);
        Assert.Equal(12, (int?)document["order"]);
        Assert.Equal([2, 3, 4], document["primary"]!.AsArray().Select(p => (int)p!["degree"]!));
        Assert.Equal([0, 6], document["secondary"]!.AsArray().Select(p => (int)p!["degree"]!));
        Assert.Equal([2, 3, 4, 6], document["fundamental"]!.AsArray().Select(p => (int)p!["degree"]!));
        Assert.True((bool?)document["certificate"]!["verified"]);
        Assert.Null(document["relations"]);

        var verify = InvTheoryProcess.Run(directory, "verify", "ring.json");
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
    }

    [Fact]
    public void TamperedResultFailsVerifyWithExitCodeThree()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        var ring = InvTheoryProcess.Run(directory, "ring", ReferenceGroup("c3_diag3"), "--out", "ring.json");
        Assert.True(ring.ExitCode == 0, ring.StandardError + ring.StandardOutput);
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "ring.json")))!.AsObject();
        document["secondary"]!.AsArray().RemoveAt(3);
        File.WriteAllText(Path.Combine(directory, "tampered.json"), document.ToJsonString());

        var verify = InvTheoryProcess.Run(directory, "verify", "tampered.json");
        Assert.Equal(3, verify.ExitCode);
        Assert.Contains("FAIL  secondary degrees", verify.StandardOutput);
    }

    [Fact]
    public void RingIsDeterministic()
    {
        var first = InvTheoryProcess.Run(null, "ring", ReferenceGroup("dihedral5"), "--json");
        var second = InvTheoryProcess.Run(null, "ring", ReferenceGroup("dihedral5"), "--json");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.StandardOutput, second.StandardOutput);
    }

    [Fact]
    public void RelationsAreOptional()
    {
        // Klein four-group on R^3 (diagonal signs): generators x^2, y^2, z^2, xyz with the one relation w^2 = x^2 y^2 z^2.
        var result = InvTheoryProcess.Run(null, "ring", ReferenceGroup("klein4_so3"), "--relations", "--json");
        Assert.True(result.ExitCode == 0, result.StandardError);
        var relations = JsonNode.Parse(result.StandardOutput)!["relations"]!;
        Assert.Single(relations["polynomials"]!.AsArray());
    }

    [Fact]
    public void SummaryMarksRelationsAsOptional()
    {
        var without = InvTheoryProcess.Run(null, "ring", ReferenceGroup("c2_neg"));
        Assert.True(without.ExitCode == 0, without.StandardError);
        Assert.Contains("not computed (optional; add --relations)", without.StandardOutput);

        // -1 on R^2: x^2, xy, y^2 with the single relation (xy)^2 = x^2 y^2.
        var with = InvTheoryProcess.Run(null, "ring", ReferenceGroup("c2_neg"), "--relations");
        Assert.True(with.ExitCode == 0, with.StandardError);
        Assert.Contains("relations among the fundamental invariants (optional; y_i stands for f_i): 1", with.StandardOutput);
        Assert.Contains("pass  relations generate the relation ideal up to the weighted degree bound: checked up to weighted degree 4", with.StandardOutput);
    }

    [Fact]
    public void InvariantsPrintsABasisOfOneDegree()
    {
        // The octahedral rotation group has Molien series 1 + t^2 + 2 t^4 + 3 t^6 + ... (GAP 4.12), so degree 6 has 3 invariants.
        var result = InvTheoryProcess.Run(null, "invariants", ReferenceGroup("octahedral_rot"), "--degree", "6", "--json");
        Assert.True(result.ExitCode == 0, result.StandardError);
        var document = JsonNode.Parse(result.StandardOutput)!;
        Assert.Equal(3, (int?)document["dimension"]);
        Assert.Equal(3, document["invariants"]!.AsArray().Count);
    }

    [Fact]
    public void DegreeLimitNamesTheOption()
    {
        var result = InvTheoryProcess.Run(null, "ring", ReferenceGroup("tetrahedral_rot"), "--max-degree", "3");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--max-degree", result.StandardError);
    }

    [Fact]
    public void PrimeFieldExampleHasVerifiedMolienSeries()
    {
        // W(B3) over GF(5) (5 does not divide 48) has the degrees 2, 4, 6 of W(B3) over Q [Hum90, Table 3.1], so its
        // Hilbert series is 1/((1 - t^2)(1 - t^4)(1 - t^6)).
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        var ring = InvTheoryProcess.Run(directory, "ring", ExampleFile("weyl-b3-gf5.json"), "--out", "ring.json");
        Assert.True(ring.ExitCode == 0, ring.StandardError + ring.StandardOutput);
        Assert.Contains("Molien series (Brauer lift, non-modular over GF(5)): 1/((1 - t^2)*(1 - t^4)*(1 - t^6))", ring.StandardOutput);
        Assert.Contains("pass  Molien series: ", ring.StandardOutput);
        Assert.Contains("pass  Molien series against linear algebra: ", ring.StandardOutput);
        Assert.Contains("certificate: verified", ring.StandardOutput);

        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "ring.json")))!.AsObject();
        Assert.Equal("[2,4,6]", document["molien"]!["denominator_degrees"]!.ToJsonString());

        var verify = InvTheoryProcess.Run(directory, "verify", "ring.json");
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.Contains("pass  Molien series against linear algebra", verify.StandardOutput);
    }

    [Fact]
    public void PrimeFieldMolienCommandMatchesRationalGroup()
    {
        // The same generators over Q: W(B3) with degrees 2, 4, 6, so the counts are partitions into parts 2, 4, 6.
        var result = InvTheoryProcess.Run(null, "molien", ExampleFile("weyl-b3-gf5.json"), "--degree", "12");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Molien series: 1/((1 - t^2)*(1 - t^4)*(1 - t^6))", result.StandardOutput);
        Assert.Contains("invariants in degrees 0..12: 1, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 7", result.StandardOutput);
    }

    [Fact]
    public void PrimeFieldEquivariantsAreCountedByWeightedSeries()
    {
        // The equivariants V -> V of a reflection group are the gradients of the invariants, a free module with
        // generators in degrees d_i - 1 = 1, 3, 5 [Sol63]: counts 0, 1, 0, 2 in degrees 0..3.
        var result = InvTheoryProcess.Run(null, "equivariants", ExampleFile("weyl-b3-gf5.json"), "--degree", "0..3", "--json");
        Assert.True(result.ExitCode == 0, result.StandardError);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("""{"0":0,"1":1,"2":0,"3":2}""", document["count_by_degree"]!.ToJsonString());
        Assert.NotNull(document["certificate"]!["weighted_molien_series"]);
    }

    private static string ExampleFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "docs", "examples", name);
            if (File.Exists(Path.Combine(dir.FullName, "InvTheory.sln")))
            {
                return File.Exists(path) ? path : throw new InvalidOperationException($"The example file {path} was not found.");
            }
        }

        throw new InvalidOperationException($"No folder with InvTheory.sln above {AppContext.BaseDirectory}.");
    }

    private static string ReferenceGroup(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "InvTheory.sln")))
            {
                continue;
            }

            var roots = new List<string> { dir.FullName };
            string gitFile = Path.Combine(dir.FullName, ".git");
            if (File.Exists(gitFile) && File.ReadAllText(gitFile).Trim() is var line && line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                // In a git worktree, the shared folder sits next to the main checkout.
                var main = new DirectoryInfo(line["gitdir:".Length..].Trim()).Parent?.Parent?.Parent;
                if (main is not null)
                {
                    roots.Add(main.FullName);
                }
            }

            foreach (var root in roots)
            {
                string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "groups", name + ".json"));
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new InvalidOperationException($"The reference group file {name}.json was not found in <repository root>/../shared/reference/groups.");
        }

        throw new InvalidOperationException($"No folder with InvTheory.sln above {AppContext.BaseDirectory}.");
    }
}
