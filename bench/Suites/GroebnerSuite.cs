using System.Globalization;
using InvTheory.Bench.Harness;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Bench.Suites;

/// <summary>Reduced Groebner bases (grevlex) of standard benchmark ideals over Q and GF(32003), against Singular's std and slimgb.</summary>
public sealed class GroebnerSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "groebner";

    /// <inheritdoc />
    public string Description => "reduced Groebner bases in grevlex: cyclic-6, katsura-7 and the Hilbert ideal of the cyclic group C_7, over Q and GF(32003)";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var cyclic6 = Cyclic(6);
        var katsura7 = Katsura(7);
        var hilbertIdealC7 = CyclicGroupHilbertIdeal(7);
        return
        [
            Case("cyclic6-q", "cyclic-6 over Q", 0, cyclic6) with { DefaultRuns = 3 },
            Case("cyclic6-gf32003", "cyclic-6 over GF(32003)", 32003, cyclic6) with { DefaultRuns = 3 },
            Case("katsura7-q", "katsura-7 over Q", 0, katsura7) with { DefaultRuns = 1 },
            Case("katsura7-gf32003", "katsura-7 over GF(32003)", 32003, katsura7) with { DefaultRuns = 3 },
            Case("hilbert-c7-q", "Hilbert ideal of C_7 permuting 7 variables cyclically: the 491 orbit sums of the monomials of degree 1..7, over Q (homogeneous)", 0, hilbertIdealC7) with { DefaultRuns = 3 },
        ];
    }

    private static BenchmarkCase Case(string name, string description, ulong characteristic, (string[] Variables, string[] Generators) ideal)
    {
        string ring = $"ring r = {characteristic}, ({string.Join(',', ideal.Variables)}), dp;\noption(redSB); option(redTail);\n"
            + $"ideal i = {string.Join(", ", ideal.Generators)};\nideal g;";
        const string check = "\"dim \" + string(dim(g)) + \" vdim \" + string(vdim(g))";
        var std = new PeerCase("Singular", "std", ring, "g = std(i);", check) { DefaultRuns = 3, WarmupRuns = 1 };
        var slimgb = new PeerCase("Singular", "slimgb", ring, "g = slimgb(i);", check) { DefaultRuns = 3, WarmupRuns = 1 };
        return characteristic == 0
            ? BenchmarkCase.Create(name, description, () => Parse(RationalField.Instance, ideal), Compute, std, slimgb)
            : BenchmarkCase.Create(name, description, () => Parse(PrimeField.Get(characteristic), ideal), Compute, std, slimgb);
    }

    private static List<Polynomial<T>> Parse<T>(Field<T> field, (string[] Variables, string[] Generators) ideal)
        where T : struct, IFieldElement<T>
    {
        var ring = new PolynomialRing<T>(field, ideal.Variables, MonomialOrder.GradedReverseLex);
        return [.. ideal.Generators.Select(ring.Parse)];
    }

    private static string Compute<T>(List<Polynomial<T>> generators)
        where T : struct, IFieldElement<T>
    {
        var basis = Groebner.Compute(generators);
        return "dim " + basis.KrullDimension.ToString(CultureInfo.InvariantCulture)
            + " vdim " + (basis.VectorSpaceDimension ?? -1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The cyclic-n ideal: the elementary cyclic sums of degree 1..n-1 and x_1...x_n - 1.</summary>
    private static (string[], string[]) Cyclic(int n)
    {
        var x = Enumerable.Range(1, n).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var generators = new List<string>();
        for (int d = 1; d < n; d++)
        {
            generators.Add(string.Join('+', Enumerable.Range(0, n).Select(s => string.Join('*', Enumerable.Range(0, d).Select(k => x[(s + k) % n])))));
        }

        generators.Add(string.Join('*', x) + "-1");
        return (x, [.. generators]);
    }

    /// <summary>The katsura-n ideal in x0..xn, with u_{-i} = u_i and u_i = 0 for i &gt; n.</summary>
    private static (string[], string[]) Katsura(int n)
    {
        var x = Enumerable.Range(0, n + 1).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string? U(int i) => Math.Abs(i) <= n ? x[Math.Abs(i)] : null;
        var generators = new List<string> { "x0+" + string.Join('+', x.Skip(1).Select(v => "2*" + v)) + "-1" };
        for (int m = 0; m < n; m++)
        {
            var terms = new List<string>();
            for (int l = -n; l <= n; l++)
            {
                if (U(l) is { } a && U(m - l) is { } b)
                {
                    terms.Add(a + "*" + b);
                }
            }

            generators.Add(string.Join('+', terms) + "-" + x[m]);
        }

        return (x, [.. generators]);
    }

    /// <summary>
    /// The orbit sums of all monomials of degree 1..n under the cyclic shift of x_1..x_n. They generate the Hilbert ideal
    /// (the ideal of all invariants of positive degree) because Noether's bound n = |C_n| limits the degrees of generators.
    /// </summary>
    private static (string[], string[]) CyclicGroupHilbertIdeal(int n)
    {
        var x = Enumerable.Range(1, n).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var generators = new List<string>();
        for (int d = 1; d <= n; d++)
        {
            foreach (var exponents in ExponentVectors(n, d))
            {
                if (seen.Contains(string.Join(',', exponents)))
                {
                    continue;
                }

                var orbit = new SortedSet<string>(StringComparer.Ordinal);
                for (int shift = 0; shift < n; shift++)
                {
                    var shifted = Enumerable.Range(0, n).Select(i => exponents[(i - shift + n) % n]).ToArray();
                    seen.Add(string.Join(',', shifted));
                    orbit.Add(string.Join('*', Enumerable.Range(0, n).Where(i => shifted[i] > 0).Select(i => x[i] + "^" + shifted[i].ToString(CultureInfo.InvariantCulture))));
                }

                generators.Add(string.Join('+', orbit));
            }
        }

        return (x, [.. generators]);
    }

    private static IEnumerable<int[]> ExponentVectors(int n, int degree)
    {
        if (n == 1)
        {
            yield return [degree];
            yield break;
        }

        for (int first = degree; first >= 0; first--)
        {
            foreach (var rest in ExponentVectors(n - 1, degree - first))
            {
                yield return [first, .. rest];
            }
        }
    }
}
