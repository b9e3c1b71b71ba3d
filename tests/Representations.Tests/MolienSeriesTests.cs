using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Internal;
using static InvTheory.Representations.Tests.TestGroups;

namespace InvTheory.Representations.Tests;

public sealed class MolienSeriesTests
{
    public static TheoryData<string, int[]> ReflectionGroupDegrees => new()
    {
        // For a reflection group the invariants form a polynomial ring, so H(t) = prod 1/(1 - t^d_i) with the
        // degrees of the basic invariants [Hum90, Table 3.1].
        { "A4", [2, 3, 4, 5] },
        { "B3", [2, 4, 6] },
        { "G2", [2, 6] },
        { "F4", [2, 6, 8, 12] },

        // S_n permuting coordinates: the elementary symmetric polynomials have degrees 1..n.
        { "S4", [1, 2, 3, 4] },
        { "S5", [1, 2, 3, 4, 5] },
    };

    [Theory]
    [MemberData(nameof(ReflectionGroupDegrees))]
    public void ReflectionGroupHasFundamentalDegrees(string name, int[] degrees)
    {
        var series = MatrixGroupTests.Named(name).MolienSeries();
        Assert.Equal([BigInteger.One], series.Numerator);
        Assert.Equal(degrees, series.DenominatorDegrees);
        Assert.Equal(ExpandProduct(degrees, 40), series.Coefficients(40));
    }

    [Fact]
    public void CoxeterH3DegreesOverCyclotomicField()
    {
        // H3: degrees 2, 6, 10 [Hum90, Table 3.1].
        var series = H3().MolienSeries();
        Assert.Equal([BigInteger.One], series.Numerator);
        Assert.Equal([2, 6, 10], series.DenominatorDegrees);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void WeylE6Degrees()
    {
        // E6: degrees 2, 5, 6, 8, 9, 12 [Hum90, Table 3.1].
        var series = Weyl(E6, "E6").MolienSeries();
        Assert.Equal([BigInteger.One], series.Numerator);
        Assert.Equal([2, 5, 6, 8, 9, 12], series.DenominatorDegrees);
    }

    [Fact]
    public void MinusIdentityInTwoDimensions()
    {
        // (1/2)(1/(1-t)^2 + 1/(1+t)^2) = (1 + t^2)/(1 - t^2)^2: the invariants are the even polynomials.
        var series = MatrixGroupTests.Named("minusI").MolienSeries();
        Assert.Equal(Big(1, 0, 1), series.ReducedNumerator);
        Assert.Equal(Big(1, 0, -2, 0, 1), series.ReducedDenominator);
        Assert.Equal(Big(1, 0, 1), series.Numerator);
        Assert.Equal([2, 2], series.DenominatorDegrees);
        Assert.Equal(Big(1, 0, -2, 0, 1), series.Denominator);
        Assert.Equal("(1 + t^2)/(1 - t^2)^2", series.ToString());
        Assert.Equal(Big(1, 0, 3, 0, 5, 0, 7), series.Coefficients(6));
    }

    [Fact]
    public void CyclicGroupOnTheLine()
    {
        // z acting on C: the invariants are the polynomials in x^3.
        var k = CyclotomicField.Get(3);
        var group = new MatrixGroup<CyclotomicNumber>(k, [Matrix.Diagonal(k, [k.Zeta])], "C3");
        var series = group.MolienSeries();
        Assert.Equal([BigInteger.One], series.Numerator);
        Assert.Equal([3], series.DenominatorDegrees);
        Assert.Equal("1/(1 - t^3)", series.ToString());
    }

    [Fact]
    public void SignCharacterCountsAntiInvariants()
    {
        // The anti-invariants of S_3 on C^3 are the Vandermonde determinant (degree 3) times the invariants,
        // so the sign-weighted series is t^3/((1 - t)(1 - t^2)(1 - t^3)). The sign of a permutation matrix is its determinant.
        var group = PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)");
        var sign = group.ConjugacyClasses.Select(c => c.Representative.Determinant()).ToArray();
        var series = group.MolienSeries(sign);
        Assert.True(series.IsCharacterWeighted);
        Assert.Equal(BigInteger.Zero, series.ConstantTerm);
        Assert.Equal(ExpandProduct([1, 2, 3], 20).Prepend(0).Prepend(0).Prepend(0).Take(21), series.Coefficients(20));
    }

    [Fact]
    public void TrivialCharacterGivesMolienSeries()
    {
        var group = Weyl(B3, "B3");
        var trivial = Enumerable.Repeat(Rational.One, group.ConjugacyClasses.Count).ToArray();
        Assert.Equal(group.MolienSeries().Coefficients(30), group.MolienSeries(trivial).Coefficients(30));
    }

    [Fact]
    public void NaturalCharacterCountsEquivariantsAgainstBruteForce()
    {
        // Equivariants V -> V of S_3 on C^3 and of W(B3), counted by linear algebra in each degree.
        foreach (var group in new[] { PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)"), Weyl(B3, "B3") })
        {
            var series = group.MolienSeries(group.Character);
            var coefficients = series.Coefficients(4);
            for (int degree = 0; degree <= 4; degree++)
            {
                Assert.Equal(BruteForceInvariants.CountEquivariants(Q, group.Generators, degree), (int)coefficients[degree]);
            }
        }
    }

    [Fact]
    public void CharacterArgumentIsValidated()
    {
        var group = PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)");
        Assert.Throws<ArgumentException>(() => group.MolienSeries([Rational.One]));

        // Half the trivial character has <chi, chi> = 1/4, so it is no character.
        var half = Enumerable.Repeat(Rational.Create(1, 2), 3).ToArray();
        Assert.Throws<ArgumentException>(() => group.MolienSeries(half));

        // chi(1) must be a positive integer.
        var negative = Enumerable.Repeat(Rational.MinusOne, 3).ToArray();
        Assert.Throws<ArgumentException>(() => group.MolienSeries(negative));
    }

    [Fact]
    public void CoefficientsAreCachedPrefixes()
    {
        var series = Weyl(F4, "F4").MolienSeries();
        var long40 = series.Coefficients(40);
        var short10 = series.Coefficients(10);
        Assert.Equal(long40.Take(11), short10);
        Assert.Equal(long40[24], series.Coefficient(24));
        Assert.Throws<ArgumentOutOfRangeException>(() => series.Coefficients(-1));
    }

    [Fact]
    public void SeriesIsCachedInTheGroup()
    {
        var group = Weyl(B3, "B3");
        Assert.Same(group.MolienSeries(), group.MolienSeries());
    }

    [Fact]
    public void HighDegreeCoefficientsMatchTheProductFormula()
    {
        // Degree 200 of 1/((1 - t^2)(1 - t^4)(1 - t^6)) by direct expansion.
        var series = Weyl(B3, "B3").MolienSeries();
        Assert.Equal(ExpandProduct([2, 4, 6], 200)[200], series.Coefficient(200));
    }

    public static TheoryData<int[], int[]> DenominatorChoices => new()
    {
        // Psi_1^2 Psi_2 Psi_3 (from (1 - t^2)(1 - t^3)) gives the degrees 2 and 3.
        { [1, 2, 2, 1, 3, 1], [2, 3] },

        // Psi_1 Psi_2 Psi_3 with one slot: merging 2 into 3 gives 6.
        { [1, 1, 2, 1, 3, 1], [6] },

        // B3: Psi_1^3 Psi_2^3 Psi_3 Psi_4 Psi_6 gives 2, 4, 6.
        { [1, 3, 2, 3, 3, 1, 4, 1, 6, 1], [2, 4, 6] },
    };

    [Theory]
    [MemberData(nameof(DenominatorChoices))]
    public void DenominatorDegreeChoice(int[] multiplicityPairs, int[] expected)
    {
        var multiplicity = new Dictionary<int, int>();
        for (int i = 0; i < multiplicityPairs.Length; i += 2)
        {
            multiplicity[multiplicityPairs[i]] = multiplicityPairs[i + 1];
        }

        Assert.Equal(expected, MolienSeriesComputation.ChooseDenominatorDegrees(multiplicity));
    }

    private static BigInteger[] Big(params int[] values) => values.Select(v => new BigInteger(v)).ToArray();

    // Coefficients of prod 1/(1 - t^d) up to t^maxDegree, by repeated running sums.
    private static BigInteger[] ExpandProduct(int[] degrees, int maxDegree)
    {
        var series = new BigInteger[maxDegree + 1];
        series[0] = BigInteger.One;
        foreach (int d in degrees)
        {
            for (int j = d; j <= maxDegree; j++)
            {
                series[j] += series[j - d];
            }
        }

        return series;
    }
}
