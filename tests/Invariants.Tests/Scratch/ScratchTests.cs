using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Computation;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using Xunit.Abstractions;

namespace InvTheory.Invariants.Tests.Scratch;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("weyl_F4", new[] { 2, 6, 8, 12 })]
    [InlineData("sym6_perm", new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData("weyl_B4", new[] { 2, 4, 6, 8 })]
    public void Pipeline(string name, int[] reflectionDegrees)
    {
        var root = JsonNode.Parse(File.ReadAllText($"/work/shared/reference/groups/{name}.json"))!;
        var expected = JsonNode.Parse(File.ReadAllText("/work/shared/reference/expected.json"))!["groups"]!.AsArray().First(g => (string)g!["name"]! == name)!;
        var molien = expected["molien_series_0_30"]!.AsArray().Select(x => (int)x!).ToArray();
        int n = (int)root["dimension"]!;
        var field = RationalField.Instance;
        var gens = root["generators"]!.AsArray().Select(g => Matrix.Create(field, g!.AsArray().Select(r => (IReadOnlyList<Rational>)r!.AsArray().Select(e => Rational.Parse((string)e!)).ToArray()).ToArray())).ToArray();
        var ring = new PolynomialRing<Rational>(field, n, MonomialOrder.GradedReverseLex);
        var spaces = new InvariantSpaces<Rational>(ring, gens, d => molien[d]);
        var sw = Stopwatch.StartNew();
        var search = new PrimaryInvariantSearch<Rational>(spaces, (int)root["order"]!, [BigInteger.One], SeriesArithmetic.ProductOfOneMinusPowers(reflectionDegrees), new InvariantRingOptions { MaxDegree = 30 });
        var (prim, num) = search.Run(null, default);
        output.WriteLine($"primaries {string.Join(",", prim.Select(p => p.TotalDegree))} num={SeriesArithmetic.Format(num)} t={sw.ElapsedMilliseconds}ms");
        var gb = Groebner.Compute(ring, prim);
        output.WriteLine($"GB {gb.Elements.Count} zero-dim {gb.IsZeroDimensional} t={sw.ElapsedMilliseconds}ms");
        var sec = SecondaryInvariantSearch.Run(spaces, gb, num, null, default);
        output.WriteLine($"secondaries {string.Join(",", sec.Select(s => s.Degree))} t={sw.ElapsedMilliseconds}ms");
        var fund = FundamentalInvariantSearch.Run(spaces, Math.Max(prim.Max(p => p.TotalDegree), sec.Max(s => s.Degree)), null, default);
        output.WriteLine($"fundamentals {string.Join(",", fund.Select(s => s.TotalDegree))} t={sw.ElapsedMilliseconds}ms");
        foreach (var p in prim) output.WriteLine(p.ToString().Length > 300 ? p.ToString()[..300] + "..." : p.ToString());
    }

    [Fact]
    public void CyclotomicC3()
    {
        var field = CyclotomicField.Get(3);
        var z = field.Zeta;
        var zero = field.Zero;
        var g = Matrix.Create(field, new[] { new[] { z, zero, zero }, new[] { zero, z, zero }, new[] { zero, zero, z } });
        int[] molien = new int[31];
        var ms = SeriesArithmetic.SeriesQuotient([1, 0, 0, 7, 0, 0, 1], SeriesArithmetic.ProductOfOneMinusPowers([3, 3, 3]), 30);
        for (int i = 0; i <= 30; i++) molien[i] = (int)ms[i];
        var ring = new PolynomialRing<CyclotomicNumber>(field, 3, MonomialOrder.GradedReverseLex);
        var spaces = new InvariantSpaces<CyclotomicNumber>(ring, [g], d => molien[d]);
        var sw = Stopwatch.StartNew();
        var search = new PrimaryInvariantSearch<CyclotomicNumber>(spaces, 3, [1, 0, 0, 7, 0, 0, 1], SeriesArithmetic.ProductOfOneMinusPowers([3, 3, 3]), new InvariantRingOptions { MaxDegree = 30 });
        var (prim, num) = search.Run(null, default);
        output.WriteLine($"primaries {string.Join(" ; ", prim)} num={SeriesArithmetic.Format(num)} t={sw.ElapsedMilliseconds}ms");
        var gb = Groebner.Compute(ring, prim);
        var sec = SecondaryInvariantSearch.Run(spaces, gb, num, null, default);
        output.WriteLine($"secondaries {string.Join(" ; ", sec.Select(s => s.Polynomial))} t={sw.ElapsedMilliseconds}ms");
        var fund = FundamentalInvariantSearch.Run(spaces, 6, null, default);
        output.WriteLine($"fundamentals {string.Join(" ; ", fund)} t={sw.ElapsedMilliseconds}ms");
    }
}
