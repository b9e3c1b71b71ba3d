using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class GroebnerPropertyTests
{
    private static readonly string[] Names = ["x", "y", "z"];

    /// <summary>Returns 2 or 3 random polynomials in 3 variables with up to 4 terms of degree at most 3 and small coefficients.</summary>
    internal static List<Polynomial<T>> RandomIdeal<T>(PolynomialRing<T> ring, int seed, bool homogeneous)
        where T : struct, IFieldElement<T>
    {
        var random = new Random(seed);
        int count = random.Next(2, 4);
        var result = new List<Polynomial<T>>();
        for (int k = 0; k < count; k++)
        {
            int degree = random.Next(1, 4);
            var terms = new List<(T, Monomial)>();
            int termCount = random.Next(1, 5);
            for (int t = 0; t < termCount; t++)
            {
                int d = homogeneous ? degree : random.Next(0, degree + 1);
                var e = new int[ring.VariableCount];
                for (int s = 0; s < d; s++)
                {
                    e[random.Next(e.Length)]++;
                }

                int c = random.Next(1, 6) * (random.Next(2) == 0 ? 1 : -1);
                terms.Add((ring.Field.FromInteger(c), Monomial.FromExponents(e)));
            }

            result.Add(ring.FromTerms(terms));
        }

        return result;
    }

    [Property(MaxTest = 60)]
    public bool RandomIdealsOverQPassTheCertificate(int seed, bool homogeneous)
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedReverseLex);
        var generators = RandomIdeal(ring, seed, homogeneous);
        var basis = Gb.Compute(ring, generators, new GroebnerOptions { RecordCofactors = true });
        return GroebnerCertificate.Check(basis.Generators, basis.Elements, basis.Cofactors).IsValid;
    }

    [Property(MaxTest = 40)]
    public bool RandomIdealsOverGf101InLexPassTheCertificate(int seed)
    {
        var ring = new PolynomialRing<ModInt>(PrimeField.Get(101), Names, MonomialOrder.Lex);
        var generators = RandomIdeal(ring, seed, homogeneous: false);
        var basis = Gb.Compute(ring, generators, new GroebnerOptions { RecordCofactors = true });
        return GroebnerCertificate.Check(basis.Generators, basis.Elements, basis.Cofactors).IsValid;
    }

    [Property(MaxTest = 40)]
    public bool HilbertSeriesOfAHomogeneousIdealDoesNotDependOnTheOrderOrEngine(int seed)
    {
        var orders = new[] { MonomialOrder.GradedReverseLex, MonomialOrder.Lex, MonomialOrder.GradedLex, MonomialOrder.Block(MonomialOrder.GradedReverseLex, 1, MonomialOrder.Lex) };
        HilbertSeries? first = null;
        foreach (var order in orders)
        {
            foreach (var algorithm in new[] { GroebnerAlgorithm.Buchberger, GroebnerAlgorithm.Modular })
            {
                var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, order);
                var series = Gb.Compute(ring, RandomIdeal(ring, seed, homogeneous: true), new GroebnerOptions { Algorithm = algorithm }).HilbertSeries;
                first ??= series;
                if (!series.Equals(first))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool ModularAndRationalEnginesAgree(int seed, bool homogeneous)
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedReverseLex);
        var generators = RandomIdeal(ring, seed, homogeneous);
        var rational = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        var modular = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Modular });
        return rational.Elements.SequenceEqual(modular.Elements);
    }

    [Property(MaxTest = 60)]
    public bool DivisionByTheBasisRecombinesAndItsRemainderIsTheNormalForm(int seed)
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedLex);
        var ideal = RandomIdeal(ring, seed, homogeneous: false);
        var basis = Gb.Compute(ring, ideal);
        var f = RandomIdeal(ring, seed + 1, homogeneous: false)[0] * RandomIdeal(ring, seed + 2, homogeneous: false)[1];
        var division = basis.DivideWithRemainder(f);
        var recombined = division.Remainder;
        for (int i = 0; i < basis.Elements.Count; i++)
        {
            recombined += division.Quotients[i] * basis.Elements[i];
        }

        // A product with a generator lies in the ideal.
        Assert.Equal(f, recombined);
        Assert.Equal(basis.Reduce(f), division.Remainder);
        Assert.True(basis.Contains(f * ideal[0]));
        return true;
    }

    [Property(MaxTest = 100)]
    public bool HilbertFunctionOfAMonomialIdealCountsStandardMonomials(int seed)
    {
        // Second algorithm: count the monomials of each degree that no generator divides.
        var random = new Random(seed);
        int n = random.Next(1, 4);
        var generators = new List<Monomial>();
        for (int k = random.Next(0, 5); k > 0; k--)
        {
            var e = new int[n];
            for (int i = 0; i < n; i++)
            {
                e[i] = random.Next(0, 4);
            }

            generators.Add(Monomial.FromExponents(e));
        }

        var series = HilbertSeries.OfMonomialIdeal(generators, n);
        for (int d = 0; d <= 8; d++)
        {
            long count = MonomialsOfDegree(n, d).Count(m => !generators.Any(g => g.Divides(m)));
            if (series.Coefficient(d) != count)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<Monomial> MonomialsOfDegree(int n, int d)
    {
        if (n == 1)
        {
            yield return Monomial.FromExponents([d]);
            yield break;
        }

        for (int first = d; first >= 0; first--)
        {
            foreach (var rest in MonomialsOfDegree(n - 1, d - first))
            {
                yield return Monomial.FromExponents([first, .. rest.Exponents.ToArray().Select(x => (int)x)]);
            }
        }
    }
}
