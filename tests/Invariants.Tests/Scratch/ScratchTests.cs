using System.Diagnostics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Computation;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using Xunit.Abstractions;

namespace InvTheory.Invariants.Tests.Scratch;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("weyl_F4", 12)]
    [InlineData("sym6_perm", 8)]
    [InlineData("weyl_B4", 8)]
    [InlineData("tetrahedral_rot", 8)]
    public void Timing(string name, int maxDegree)
    {
        var root = JsonNode.Parse(File.ReadAllText($"/work/shared/reference/groups/{name}.json"))!;
        var expected = JsonNode.Parse(File.ReadAllText("/work/shared/reference/expected.json"))!["groups"]!.AsArray().First(g => (string)g!["name"]! == name)!;
        var molien = expected["molien_series_0_30"]!.AsArray().Select(x => (int)x!).ToArray();
        int n = (int)root["dimension"]!;
        var field = RationalField.Instance;
        var gens = root["generators"]!.AsArray().Select(g => Matrix.Create(field, g!.AsArray().Select(r => (IReadOnlyList<Rational>)r!.AsArray().Select(e => Rational.Parse((string)e!)).ToArray()).ToArray())).ToArray();
        var ring = new PolynomialRing<Rational>(field, n, MonomialOrder.GradedReverseLex);
        foreach (var alg in new[] { InvTheory.Invariants.InvariantAlgorithm.Auto, InvTheory.Invariants.InvariantAlgorithm.LinearAlgebra })
        {
            var spaces = new InvariantSpaces<Rational>(ring, gens, d => molien[d]);
            var sw = Stopwatch.StartNew();
            for (int d = 0; d <= maxDegree; d++)
            {
                var b = spaces.Basis(d, alg);
                output.WriteLine($"{alg} d={d} dim={b.Count} t={sw.ElapsedMilliseconds}ms");
            }
            output.WriteLine(string.Join("\n", spaces.Polynomials(Math.Min(maxDegree, 6), alg)));
        }
    }
}
