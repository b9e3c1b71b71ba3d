using System.Globalization;
using System.Text;
using InvTheory.Bench.Harness;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Bench.Suites;

/// <summary>Sparse polynomial arithmetic: dense products (Fateman's benchmark) and linear changes of variables, against Singular.</summary>
public sealed class PolynomialSuite : IBenchmarkSuite
{
    private const int FatemanPower = 26;
    private const int ChangeDegree = 12;
    private const int ChangeVariables = 6;
    private const int CoefficientBound = 9;
    private const int MatrixBound = 3;

    /// <inheritdoc />
    public string Name => "polynomials";

    /// <inheritdoc />
    public string Description => "polynomial products (Fateman's benchmark) and linear changes of variables x -> g x";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        // The same pseudo-random polynomial and matrix go to both systems: coefficients of all monomials of degree <= 12 in
        // 6 variables, then the 6x6 matrix, from the fixed xorshift64 generator of BenchmarkMatrices.
        var changeRing = new PolynomialRing<Rational>(RationalField.Instance, ChangeVariables, MonomialOrder.GradedReverseLex);
        var monomials = Enumerable.Range(0, ChangeDegree + 1).SelectMany(changeRing.MonomialsOfDegree).ToArray();
        var coefficients = BenchmarkMatrices.RandomEntries(1, monomials.Length, CoefficientBound, seed: 20240611);
        var matrix = BenchmarkMatrices.RandomEntries(ChangeVariables, ChangeVariables, MatrixBound, seed: 20240612);
        var f = changeRing.FromTerms(monomials.Select((m, i) => ((Rational)coefficients[i], m)));
        string fText = f.ToString();

        return
        [
            BenchmarkCase.Create(
                $"fateman-q-{FatemanPower}",
                $"p * (p + 1) for p = (1 + x + y + z + w)^{FatemanPower} over Q (p has 23751 terms, the product 367290)",
                () => FatemanInput(RationalField.Instance),
                input => ProductCheck(input.P * (input.P + input.Ring.One)),
                FatemanPeer(0)),

            BenchmarkCase.Create(
                $"fateman-gf32003-{FatemanPower}",
                $"the same product over GF(32003)",
                () => FatemanInput(PrimeField.Get(32003)),
                input => ProductCheck(input.P * (input.P + input.Ring.One)),
                FatemanPeer(32003)),

            BenchmarkCase.Create(
                $"linear-change-q-{ChangeVariables}x{ChangeDegree}",
                $"f(g x) for a dense f of degree <= {ChangeDegree} in {ChangeVariables} variables ({f.TermCount} terms, coefficients in "
                + $"[-{CoefficientBound}, {CoefficientBound}]) and a random {ChangeVariables}x{ChangeVariables} integer matrix g (entries in [-{MatrixBound}, {MatrixBound}]) over Q",
                () => (F: changeRing.FromTerms(monomials.Select((m, i) => ((Rational)coefficients[i], m))), G: RationalRows(matrix)),
                input => ChangeCheck(input.F.LinearChange(input.G)),
                MapPeer(fText, matrix),
                SubstPeer(fText, matrix)) with { DefaultRuns = 3 },
        ];
    }

    private static (PolynomialRing<T> Ring, Polynomial<T> P) FatemanInput<T>(Field<T> field)
        where T : struct, IFieldElement<T>
    {
        var ring = new PolynomialRing<T>(field, ["x", "y", "z", "w"], MonomialOrder.GradedReverseLex);
        return (ring, ring.Parse("1+x+y+z+w").Power(FatemanPower));
    }

    // Check text: the number of terms and the coefficient of (x y z w)^13, one of the largest. One coefficient is cheap to
    // read in both systems, unlike the value at (1, 1, 1, 1), for which Singular substitutes one variable at a time.
    private static string ProductCheck<T>(Polynomial<T> q)
        where T : struct, IFieldElement<T> =>
        $"terms {q.TermCount} coefficient {q.Ring.Field.Format(q.CoefficientOf(Monomial.FromExponents([13, 13, 13, 13])))}";

    // Check text: the number of terms and the coefficient of (x1 x2 ... x6)^2.
    private static string ChangeCheck(Polynomial<Rational> h) =>
        $"terms {h.TermCount} coefficient {h.CoefficientOf(Monomial.FromExponents(Enumerable.Repeat(2, ChangeVariables).ToArray()))}";

    private static PeerCase FatemanPeer(int characteristic) =>
        new(
            "Singular",
            "p*(p+1) (kernel)",
            $"ring r = {characteristic}, (x, y, z, w), dp;\npoly p = (1 + x + y + z + w)^{FatemanPower};\npoly q;",
            "q = p * (p + 1);",
            CoefficientCheck("q", "(x*y*z*w)^13"));

    // x -> g x by the map sending x_i to sum_j g[i][j] x_j.
    private static PeerCase MapPeer(string fText, long[] matrix)
    {
        var setup = new StringBuilder();
        setup.AppendLine(CultureInfo.InvariantCulture, $"ring r = 0, ({Names("x")}), dp;");
        setup.AppendLine(CultureInfo.InvariantCulture, $"poly f = {fText};");
        setup.AppendLine(CultureInfo.InvariantCulture, $"ideal L = {LinearForms(matrix, "x")};");
        setup.AppendLine("map phi = r, L;");
        setup.AppendLine("poly h;");
        return new PeerCase("Singular", "map", setup.ToString(), "h = phi(f);", CoefficientOfSquareCheck("x")) { DefaultRuns = 1, WarmupRuns = 0 };
    }

    // x -> g x by six substitutions x_i -> sum_j g[i][j] y_j in a ring with both sets of variables, so that a later
    // substitution does not act on the linear forms of an earlier one.
    private static PeerCase SubstPeer(string fText, long[] matrix)
    {
        var setup = new StringBuilder();
        setup.AppendLine(CultureInfo.InvariantCulture, $"ring r = 0, ({Names("x")}, {Names("y")}), dp;");
        setup.AppendLine(CultureInfo.InvariantCulture, $"poly f = {fText};");
        setup.AppendLine(CultureInfo.InvariantCulture, $"ideal L = {LinearForms(matrix, "y")};");
        setup.AppendLine("poly h; int i;");
        string computation = $"h = f; for (i = 1; i <= {ChangeVariables}; i++) {{ h = subst(h, var(i), L[i]); }}";
        return new PeerCase("Singular", "subst, x -> y", setup.ToString(), computation, CoefficientOfSquareCheck("y")) { DefaultRuns = 1, WarmupRuns = 0 };
    }

    private static string Names(string stem) => string.Join(", ", Enumerable.Range(1, ChangeVariables).Select(i => stem + i.ToString(CultureInfo.InvariantCulture)));

    private static string LinearForms(long[] matrix, string stem) =>
        string.Join(", ", Enumerable.Range(0, ChangeVariables).Select(i =>
            string.Join(" + ", Enumerable.Range(0, ChangeVariables).Select(j =>
                $"({matrix[(i * ChangeVariables) + j].ToString(CultureInfo.InvariantCulture)})*{stem}{(j + 1).ToString(CultureInfo.InvariantCulture)}"))));

    private static string CoefficientOfSquareCheck(string stem) =>
        CoefficientCheck("h", "(" + string.Join("*", Enumerable.Range(1, ChangeVariables).Select(i => stem + i.ToString(CultureInfo.InvariantCulture))) + ")^2");

    // Singular expression: the number of terms of the polynomial and its coefficient of the monomial. The quotient by the
    // monomial keeps the terms divisible by it, and its constant part is the coefficient.
    private static string CoefficientCheck(string polynomial, string monomial) =>
        $"\"terms \" + string(size({polynomial})) + \" coefficient \" + string(jet({polynomial} / {monomial}, 0))";

    private static Rational[][] RationalRows(long[] matrix) =>
        [.. Enumerable.Range(0, ChangeVariables).Select(i => Enumerable.Range(0, ChangeVariables).Select(j => (Rational)matrix[(i * ChangeVariables) + j]).ToArray())];
}
