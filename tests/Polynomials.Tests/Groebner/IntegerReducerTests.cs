using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class IntegerReducerTests
{
    private static readonly string[] Names = ["x", "y", "z"];

    [Property(MaxTest = 60)]
    public bool SPairCheckDecidesTheGroebnerProperty(int seed, bool homogeneous, bool useBasis)
    {
        // Buchberger's criterion: a set is a Groebner basis exactly when all its S-polynomials reduce to zero, whatever
        // the reduction strategy, so the verifier must agree with the plain division routine of IsGroebnerBasis.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedReverseLex);
        var generators = GroebnerPropertyTests.RandomIdeal(ring, seed, homogeneous).Where(f => !f.IsZero).ToList();
        var set = useBasis ? [.. Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger }).Elements] : generators;
        var reducer = new IntegerReducer(ring, set);
        bool allPairsReduce = true;
        for (int i = 0; i < set.Count; i++)
        {
            for (int j = i + 1; j < set.Count; j++)
            {
                allPairsReduce &= reducer.SPolynomialReducesToZero(i, j);
            }
        }

        bool generatorsReduce = generators.All(reducer.ReducesToZero);
        return allPairsReduce == Gb.IsGroebnerBasis(set) && (!useBasis || generatorsReduce);
    }

    [Fact]
    public void NonMemberDoesNotReduceToZero()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedReverseLex);
        var basis = Gb.Compute(ring, [ring.Parse("x^2-2*y*z"), ring.Parse("3*y^2-z^2")], new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        var reducer = new IntegerReducer(ring, basis.Elements);
        Assert.True(reducer.ReducesToZero(ring.Parse("(x^2-2*y*z)*(x+5*z)+(3*y^2-z^2)*x*y/7")));
        Assert.False(reducer.ReducesToZero(ring.Parse("x^2-2*y*z+1/3*x*z")));
    }

    [Fact]
    public void WideCoefficientsSwitchToBigIntegers()
    {
        // Coefficients near 2^61 fit the 128-bit path, but two or three fraction-free steps push the remainder past
        // 2^125, so the reductions finish with big integers. Each result must match the reduction with big integers only.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedReverseLex);
        var a = Rational.Create((1L << 61) - 1, 1);
        var b = Rational.Create((1L << 61) - 3, 1);
        var c = Rational.Create((1L << 60) + 7, 1);
        var x = ring.Variable("x");
        var y = ring.Variable("y");
        var z = ring.Variable("z");
        List<Polynomial<Rational>> set =
        [
            b * (x * x) + a * (y * z) + c * (x * z),
            c * (y * y) + b * (x * z) + a * (z * z),
            a * (z * z * z) + c * (x * y * z) + b * (y * y * z),
        ];
        var reducer = new IntegerReducer(ring, set);
        var reference = new IntegerReducer(ring, set, fixedWidthPaths: false);
        for (int i = 0; i < set.Count; i++)
        {
            for (int j = i + 1; j < set.Count; j++)
            {
                Assert.Equal(reference.SPolynomialReducesToZero(i, j), reducer.SPolynomialReducesToZero(i, j));
            }
        }

        Assert.True(reducer.FastPathFailures > 0);
    }

    [Property(MaxTest = 60)]
    public bool WideCoefficientPathsMatchBigIntegers(int seed, bool homogeneous, PositiveInt bits)
    {
        // Adding B times the second generator to the first keeps the ideal but gives coefficients of 70 to 700 bits,
        // which run on the fixed-width registers (and, past their range, on big integers). With the same reduction
        // strategy every S-polynomial must get the same result as with big integers only, and all of them together
        // must decide the Groebner property as division does.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, Names, MonomialOrder.GradedReverseLex);
        var set = GroebnerPropertyTests.RandomIdeal(ring, seed, homogeneous).Where(f => !f.IsZero).ToList();
        if (set.Count < 2)
        {
            return true;
        }

        var b = Rational.Create(BigInteger.Pow(2, 70 + (bits.Get % 630)) + 13, 1);
        set[0] += b * set[1];
        var reducer = new IntegerReducer(ring, set);
        var reference = new IntegerReducer(ring, set, fixedWidthPaths: false);
        bool allPairsReduce = true;
        for (int i = 0; i < set.Count; i++)
        {
            for (int j = i + 1; j < set.Count; j++)
            {
                bool reduces = reducer.SPolynomialReducesToZero(i, j);
                if (reduces != reference.SPolynomialReducesToZero(i, j))
                {
                    return false;
                }

                allPairsReduce &= reduces;
            }
        }

        return allPairsReduce == Gb.IsGroebnerBasis(set);
    }
}

