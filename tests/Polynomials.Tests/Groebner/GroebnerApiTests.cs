using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class GroebnerApiTests
{
    private static readonly PolynomialRing<Rational> Ring4 =
        new(RationalField.Instance, ["x1", "x2", "x3", "x4"], MonomialOrder.GradedReverseLex);

    private static readonly string[] Cyclic5 =
    [
        "a+b+c+d+e", "a*b+b*c+c*d+d*e+e*a", "a*b*c+b*c*d+c*d*e+d*e*a+e*a*b",
        "a*b*c*d+b*c*d*e+c*d*e*a+d*e*a*b+e*a*b*c", "a*b*c*d*e-1",
    ];

    private static List<Polynomial<Rational>> Elementary4() =>
        [.. new[] { "x1+x2+x3+x4", "x1*x2+x1*x3+x1*x4+x2*x3+x2*x4+x3*x4", "x1*x2*x3+x1*x2*x4+x1*x3*x4+x2*x3*x4", "x1*x2*x3*x4" }.Select(Ring4.Parse)];

    private static List<Polynomial<Rational>> PowerSums4() =>
        [.. new[] { "x1+x2+x3+x4", "x1^2+x2^2+x3^2+x4^2", "x1^3+x2^3+x3^3+x4^3", "x1^4+x2^4+x3^4+x4^4" }.Select(Ring4.Parse)];

    [Fact]
    public void PowerSumsAndElementarySymmetricPolynomialsGenerateTheSameIdealOverQ()
    {
        // Newton's identities express each family through the other with rational coefficients.
        var a = Gb.Compute(Elementary4());
        var b = Gb.Compute(PowerSums4());
        Assert.True(a.IdealEquals(b));
        Assert.True(a.Contains(b) && b.Contains(a));
    }

    [Fact]
    public void PreCancelledTokenThrows()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        foreach (var algorithm in new[] { GroebnerAlgorithm.Buchberger, GroebnerAlgorithm.Modular, GroebnerAlgorithm.Auto })
        {
            Assert.ThrowsAny<OperationCanceledException>(() => Gb.Compute(Elementary4(), new GroebnerOptions { Algorithm = algorithm }, null, source.Token));
        }
    }

    [Fact]
    public void MaxPairsLimitNamesTheLimitAndTheRemedy()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["a", "b", "c", "d", "e"], MonomialOrder.GradedReverseLex);
        var ex = Assert.Throws<GroebnerLimitExceededException>(() =>
            Gb.Compute(Cyclic5.Select(ring.Parse), new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger, MaxPairs = 5 }));
        Assert.Equal(GroebnerLimit.MaxPairs, ex.Limit);
        Assert.Contains("MaxPairs = 5", ex.Message);
        Assert.Contains("--max-pairs", ex.Message);
    }

    [Fact]
    public void MaxDegreeLimitStopsAboveTheDegree()
    {
        var ex = Assert.Throws<GroebnerLimitExceededException>(() => Gb.Compute(Elementary4(), new GroebnerOptions { MaxDegree = 2 }));
        Assert.Equal(GroebnerLimit.MaxDegree, ex.Limit);
        Assert.IsAssignableFrom<InvariantTheoryException>(ex);
    }

    [Fact]
    public void TimeLimitStops()
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["a", "b", "c", "d", "e"], MonomialOrder.GradedReverseLex);
        var ex = Assert.Throws<GroebnerLimitExceededException>(() =>
            Gb.Compute(Cyclic5.Select(ring.Parse), new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger, TimeLimit = TimeSpan.Zero }));
        Assert.Equal(GroebnerLimit.TimeLimit, ex.Limit);
    }

    [Fact]
    public void PolynomialsFromDifferentRingsAreRejected()
    {
        var other = new PolynomialRing<Rational>(RationalField.Instance, ["x1", "x2", "x3", "x4"], MonomialOrder.Lex);
        var ex = Assert.Throws<ArgumentException>(() => Gb.Compute([Ring4.Parse("x1"), other.Parse("x2")]));
        Assert.Contains("different rings", ex.Message);
        var basis = Gb.Compute(Elementary4());
        Assert.Throws<ArgumentException>(() => basis.Reduce(other.Parse("x1")));
    }

    [Fact]
    public void TruncatedBasisIsTheLowDegreePartAndResumes()
    {
        var full = Gb.Compute(Elementary4());
        var truncated = Gb.Compute(Elementary4(), new GroebnerOptions { DegreeBound = 2 });
        Assert.True(truncated.IsTruncated);
        Assert.Equal(2, truncated.TruncationDegree);
        Assert.Equal(full.Elements.Where(g => g.TotalDegree <= 2), truncated.Elements);
        Assert.True(truncated.Contains(Ring4.Parse("x1^2+x2^2+x3^2+x4^2")));
        Assert.Throws<InvalidOperationException>(() => truncated.Contains(Ring4.Parse("x4^4")));

        var resumed = truncated.Extend([]);
        Assert.False(resumed.IsTruncated);
        Assert.Equal(full.Elements, resumed.Elements);
    }

    [Fact]
    public void HomogeneousComputationResumesWhenGeneratorsAreAdded()
    {
        var generators = Elementary4();
        var computation = new HomogeneousGroebnerComputation<Rational>(Ring4);
        computation.AddGenerators(generators.Take(2));
        var low = computation.ComputeToDegree(3);
        Assert.Equal(Gb.Compute(generators.Take(2).ToList(), new GroebnerOptions { DegreeBound = 3 }).Elements, low.Elements);
        computation.AddGenerators(generators.Skip(2));
        var complete = computation.Complete();
        Assert.False(complete.IsTruncated);
        Assert.Equal(Gb.Compute(generators).Elements, complete.Elements);
    }

    [Fact]
    public void HomogeneousComputationResumesAfterALimitOrCancellation()
    {
        var computation = new HomogeneousGroebnerComputation<Rational>(Ring4, new GroebnerOptions { MaxPairs = 2 });
        computation.AddGenerators(Elementary4());
        Assert.Throws<GroebnerLimitExceededException>(() => computation.Complete());
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => computation.Complete(null, source.Token));

        // Each call may reduce two more pairs, so repeated calls finish the computation.
        GroebnerBasis<Rational>? basis = null;
        for (int call = 0; call < 100 && basis is null; call++)
        {
            try
            {
                basis = computation.Complete();
            }
            catch (GroebnerLimitExceededException)
            {
            }
        }

        Assert.NotNull(basis);
        Assert.Equal(Gb.Compute(Elementary4()).Elements, basis.Elements);
    }

    [Fact]
    public void ExtendAddsGenerators()
    {
        var generators = Elementary4();
        var partial = Gb.Compute(generators.Take(3).ToList());
        Assert.Equal(Gb.Compute(generators).Elements, partial.Extend(generators.Skip(3)).Elements);
    }

    [Fact]
    public void CertificateRejectsAnIncompleteBasisAndWrongCofactors()
    {
        var generators = Elementary4();
        var basis = Gb.Compute(generators, new GroebnerOptions { RecordCofactors = true });
        Assert.True(GroebnerCertificate.Check(generators, basis.Elements, basis.Cofactors).IsValid);

        // Without cofactors, membership is not shown.
        var noCofactors = GroebnerCertificate.Check(generators, basis.Elements);
        Assert.True(noCofactors.GeneratorsReduceToZero);
        Assert.True(noCofactors.SPolynomialsReduceToZero);
        Assert.Null(noCofactors.MembershipShown);
        Assert.False(noCofactors.IsValid);

        // The generators themselves are not a Groebner basis.
        var identity = generators.Select((_, j) => (IReadOnlyList<Polynomial<Rational>>)[.. generators.Select((_, i) => i == j ? Ring4.One : Ring4.Zero)]).ToList();
        var notGb = GroebnerCertificate.Check(generators, generators, identity);
        Assert.True(notGb.MembershipShown);
        Assert.False(notGb.SPolynomialsReduceToZero);
        Assert.False(notGb.IsValid);

        // Wrong cofactors: swap two rows.
        var swapped = basis.Cofactors!.ToList();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        Assert.False(GroebnerCertificate.Check(generators, basis.Elements, swapped).MembershipShown);

        // A basis of a larger ideal: the generators reduce to zero, but x1 is not in the ideal.
        var larger = Gb.Compute([Ring4.Parse("x1"), Ring4.Parse("x2"), Ring4.Parse("x3"), Ring4.Parse("x4")]);
        var wrongMembers = GroebnerCertificate.Check(generators, larger.Elements, [.. larger.Elements.Select(_ => (IReadOnlyList<Polynomial<Rational>>)[.. generators.Select(_ => Ring4.Zero)])]);
        Assert.True(wrongMembers.GeneratorsReduceToZero);
        Assert.False(wrongMembers.IsValid);
    }

    [Fact]
    public void IsGroebnerBasisDistinguishesBasesFromGenerators()
    {
        Assert.True(Gb.IsGroebnerBasis(Gb.Compute(Elementary4()).Elements));
        Assert.False(Gb.IsGroebnerBasis(Elementary4()));
    }

    [Fact]
    public void UnitAndZeroIdeals()
    {
        var unit = Gb.Compute([Ring4.Parse("x1"), Ring4.Parse("x1+1")]);
        Assert.True(unit.IsUnitIdeal);
        Assert.Equal([Ring4.One], unit.Elements);
        Assert.Equal(-1, unit.KrullDimension);
        Assert.Equal(0, unit.VectorSpaceDimension);

        var zero = Gb.Compute(Ring4, []);
        Assert.True(zero.IsZeroIdeal);
        Assert.Equal(4, zero.KrullDimension);
        Assert.Null(zero.VectorSpaceDimension);
    }

    [Fact]
    public void StandardMonomialsOfTheCoinvariantAlgebraAreTheArtinMonomials()
    {
        // Textbook fact (Artin): x2^a x3^b x4^c with a < 2, b < 3, c < 4 form a basis of the coinvariants of S_4 for
        // this grevlex basis, whose leading monomials are x1, x2^2, x3^3, x4^4.
        var basis = Gb.Compute(Elementary4());
        var standard = basis.StandardMonomials();
        Assert.Equal(24, standard.Count);
        Assert.All(standard, m => Assert.True(m[0] == 0 && m[1] < 2 && m[2] < 3 && m[3] < 4));
        
        // [4]_t! = (1)(1+t)(1+t+t^2)(1+t+t^2+t^3).
        Assert.Equal("1+3*t+5*t^2+6*t^3+5*t^4+3*t^5+t^6", basis.HilbertSeries.ToString());
    }

    [Fact]
    public void HilbertSeriesOfACompleteIntersectionOfMonomials()
    {
        // Textbook fact: R/(x^2, y^3) in K[x,y] has Hilbert series (1-t^2)(1-t^3)/(1-t)^2 = 1 + 2t + 2t^2 + t^3.
        var series = HilbertSeries.OfMonomialIdeal([Monomial.FromExponents([2, 0]), Monomial.FromExponents([0, 3])], 2);
        Assert.Equal([1L, 0, -1, -1, 0, 1], series.Numerator);
        Assert.Equal([1L, 2, 2, 1], series.ReducedNumerator);
        Assert.Equal(0, series.Dimension);
        Assert.Equal(6, series.Multiplicity);
    }

    [Fact]
    public void F4OverQUsesTheModularEngine() =>
        Assert.Equal(Gb.Compute(Elementary4(), new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger }).Elements, Gb.Compute(Elementary4(), new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 }).Elements);
}
