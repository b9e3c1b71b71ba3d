using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class F4EngineTests
{
    private static readonly string[] Cyclic5 =
    [
        "a+b+c+d+e", "a*b+b*c+c*d+d*e+e*a", "a*b*c+b*c*d+c*d*e+d*e*a+e*a*b",
        "a*b*c*d+b*c*d*e+c*d*e*a+d*e*a*b+e*a*b*c", "a*b*c*d*e-1",
    ];

    private static readonly string[] Elementary4 =
    [
        "x1+x2+x3+x4", "x1*x2+x1*x3+x1*x4+x2*x3+x2*x4+x3*x4", "x1*x2*x3+x1*x2*x4+x1*x3*x4+x2*x3*x4", "x1*x2*x3*x4",
    ];

    private static readonly MonomialOrder[] Orders =
    [
        MonomialOrder.GradedReverseLex, MonomialOrder.Lex, MonomialOrder.GradedLex,
        MonomialOrder.Block(MonomialOrder.GradedReverseLex, 1, MonomialOrder.GradedReverseLex), MonomialOrder.WeightedDegree([1, 2, 3]),
    ];

    // The rows of the Singular table whose field F4 supports (Q through the modular engine, GF(p) directly).
    public static TheoryData<GroebnerCase> SupportedCases()
    {
        var data = new TheoryData<GroebnerCase>();
        foreach (var row in ((IEnumerable<object[]>)GroebnerBasisTests.Cases).Select(c => (GroebnerCase)c[0]).Where(c => !c.Field.StartsWith("Q(", StringComparison.Ordinal)))
        {
            data.Add(row);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportedCases))]
    public void F4MatchesSingular(GroebnerCase row) => GroebnerBasisTests.CheckRow(row, GroebnerAlgorithm.F4);

    [Property(MaxTest = 100)]
    public bool F4EqualsBuchbergerOverGfP(int seed, bool homogeneous, PositiveInt orderIndex, bool largePrime)
    {
        var field = PrimeField.Get(largePrime ? 2147483647UL : 101UL);
        var ring = new PolynomialRing<ModInt>(field, ["x", "y", "z"], Orders[orderIndex.Get % Orders.Length]);
        var generators = GroebnerPropertyTests.RandomIdeal(ring, seed, homogeneous);
        var f4 = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 });
        var buchberger = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        return f4.Elements.SequenceEqual(buchberger.Elements);
    }

    [Property(MaxTest = 30)]
    public bool F4EqualsBuchbergerInFourVariables(int seed)
    {
        // Four generators of degree 2 and 3 in four variables: larger matrices than the three-variable ideals.
        var random = new Random(seed);
        var field = PrimeField.Get(32003);
        var ring = new PolynomialRing<ModInt>(field, ["a", "b", "c", "d"], MonomialOrder.GradedReverseLex);
        var generators = new List<Polynomial<ModInt>>();
        for (int k = 0; k < 4; k++)
        {
            var terms = new List<(ModInt, Monomial)>();
            for (int t = 0; t < 5; t++)
            {
                var e = new int[4];
                int degree = random.Next(0, 4);
                for (int s = 0; s < degree; s++)
                {
                    e[random.Next(4)]++;
                }

                terms.Add((field.FromInteger(random.Next(1, 32003)), Monomial.FromExponents(e)));
            }

            generators.Add(ring.FromTerms(terms));
        }

        var f4 = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 });
        var buchberger = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        return f4.Elements.SequenceEqual(buchberger.Elements);
    }

    [Property(MaxTest = 40)]
    public bool ModularEqualsWithEitherPerPrimeEngine(int seed, bool homogeneous)
    {
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);
        // The modular engine expects the nonzero generators that Groebner.Compute passes on.
        var generators = GroebnerPropertyTests.RandomIdeal(ring, seed, homogeneous).Where(f => !f.IsZero).ToList();
        var withF4 = ModularGroebner.Compute(ring, generators, GroebnerOptions.Default, null, default, null, perPrimeF4: true);
        var withBuchberger = ModularGroebner.Compute(ring, generators, GroebnerOptions.Default, null, default, null, perPrimeF4: false);
        var exact = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        return withF4.Elements.SequenceEqual(exact.Elements) && withBuchberger.Elements.SequenceEqual(exact.Elements);
    }

    [Property(MaxTest = 40)]
    public bool TruncatedF4EqualsTruncatedBuchberger(int seed, PositiveInt bound)
    {
        var ring = new PolynomialRing<ModInt>(PrimeField.Get(32003), ["x", "y", "z"], MonomialOrder.GradedReverseLex);
        var generators = GroebnerPropertyTests.RandomIdeal(ring, seed, homogeneous: true);
        int degreeBound = bound.Get % 6;
        var f4 = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4, DegreeBound = degreeBound });
        var buchberger = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger, DegreeBound = degreeBound });
        return f4.TruncationDegree == buchberger.TruncationDegree && f4.Elements.SequenceEqual(buchberger.Elements);
    }

    [Fact]
    public void AutoF4ReportsMatrixSize()
    {
        var ring = Gf32003Ring(["a", "b", "c", "d", "e"]);
        var reports = new List<GroebnerProgress>();
        var basis = Gb.Compute(ring, Cyclic5.Select(ring.Parse), null, new SynchronousProgress<GroebnerProgress>(reports.Add));

        // Singular 4.3.1 gives vdim 70 for cyclic-5 over GF(32003) (table row "cyclic-5 grevlex GF(32003)").
        Assert.Equal(70, basis.VectorSpaceDimension);
        var steps = reports.Where(r => r.Phase == "f4").ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, r => Assert.True(r.MatrixRows > 0 && r.MatrixColumns > 0));
        Assert.Equal(steps.Select(r => r.Degree).Order(), steps.Select(r => r.Degree));
    }

    [Fact]
    public void F4OverLargePrimeIsRejected()
    {
        var large = new PolynomialRing<ModInt>(PrimeField.Get(4294967311UL), ["x", "y"], MonomialOrder.GradedReverseLex);
        var ex = Assert.Throws<NotSupportedException>(() => Gb.Compute(large, [large.Parse("x^2-y")], new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 }));
        Assert.Contains("GF(4294967311)", ex.Message);

        // Auto falls back to Buchberger there.
        Assert.Equal(["x^2-y"], Gb.Compute(large, [large.Parse("x^2-y")]).Elements.Select(g => g.ToString()));
    }

    [Fact]
    public void MaxPairsStopsAtExactCount()
    {
        var ring = Gf32003Ring(["a", "b", "c", "d", "e"]);
        foreach (int limit in new[] { 1, 5, 12 })
        {
            var reports = new List<GroebnerProgress>();
            var ex = Assert.Throws<GroebnerLimitExceededException>(() => Gb.Compute(
                ring, Cyclic5.Select(ring.Parse), new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4, MaxPairs = limit }, new SynchronousProgress<GroebnerProgress>(reports.Add)));
            Assert.Equal(GroebnerLimit.MaxPairs, ex.Limit);
            Assert.Contains($"{limit} pairs reduced", ex.Message);
            Assert.Contains("--max-pairs", ex.Message);
            Assert.All(reports, r => Assert.True(r.PairsReduced < limit));
        }
    }

    [Fact]
    public void LimitsAndCancellationStopF4()
    {
        var ring = Gf32003Ring(["a", "b", "c", "d", "e"]);
        var generators = Cyclic5.Select(ring.Parse).ToList();
        var degree = Assert.Throws<GroebnerLimitExceededException>(() => Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4, MaxDegree = 3 }));
        Assert.Equal(GroebnerLimit.MaxDegree, degree.Limit);
        Assert.Contains("MaxDegree = 3", degree.Message);

        var time = Assert.Throws<GroebnerLimitExceededException>(() => Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4, TimeLimit = TimeSpan.Zero }));
        Assert.Equal(GroebnerLimit.TimeLimit, time.Limit);

        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 }, null, source.Token));

        // Cancelled from the progress callback in the middle of the run: the next degree step checks the token and throws.
        using var midway = new CancellationTokenSource();
        var progress = new SynchronousProgress<GroebnerProgress>(r =>
        {
            if (r.Degree >= 4)
            {
                midway.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 }, progress, midway.Token));
    }

    [Fact]
    public void UnitZeroAndPrincipalIdeals()
    {
        var ring = Gf32003Ring(["x", "y"]);
        var options = new GroebnerOptions { Algorithm = GroebnerAlgorithm.F4 };
        Assert.True(Gb.Compute(ring, [ring.Parse("x*y-1"), ring.Parse("x")], options).IsUnitIdeal);
        Assert.True(Gb.Compute(ring, [ring.Parse("3")], options).IsUnitIdeal);
        Assert.True(Gb.Compute(ring, [ring.Zero], options).IsZeroIdeal);
        Assert.Equal([ring.Parse("x^2+16002*y")], Gb.Compute(ring, [ring.Parse("2*x^2+y")], options).Elements);
    }

    [Fact]
    public void HomogeneousF4ResumesAfterLimit()
    {
        var ring = Gf32003Ring(["x1", "x2", "x3", "x4"]);
        var generators = Elementary4.Select(ring.Parse).ToList();
        var expected = Gb.Compute(ring, generators, new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger });
        var computation = new HomogeneousGroebnerComputation<ModInt>(ring, new GroebnerOptions { MaxPairs = 2 });
        computation.AddGenerators(generators.Take(3));
        Assert.Throws<GroebnerLimitExceededException>(() => computation.Complete());
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => computation.Complete(null, source.Token));
        computation.AddGenerators(generators.Skip(3));

        // Each call may reduce two more pairs, so repeated calls finish the computation.
        GroebnerBasis<ModInt>? basis = null;
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
        Assert.Equal(expected.Elements, basis.Elements);
    }

    [Fact]
    public void ExtendOverGfPResumesATruncatedBasis()
    {
        var ring = Gf32003Ring(["x1", "x2", "x3", "x4"]);
        var generators = Elementary4.Select(ring.Parse).ToList();
        var buchberger = new GroebnerOptions { Algorithm = GroebnerAlgorithm.Buchberger };
        var full = Gb.Compute(ring, generators, buchberger);
        var truncated = Gb.Compute(ring, generators, new GroebnerOptions { DegreeBound = 2 });
        Assert.Equal(2, truncated.TruncationDegree);
        Assert.Equal(full.Elements.Where(g => g.TotalDegree <= 2), truncated.Elements);
        Assert.Equal(full.Elements, truncated.Extend([]).Elements);

        // Adding generators to a complete basis gives the basis of the larger ideal.
        var partial = Gb.Compute(ring, generators.Take(2), buchberger);
        Assert.Equal(full.Elements, partial.Extend(generators.Skip(2)).Elements);
    }

    private static PolynomialRing<ModInt> Gf32003Ring(string[] variables) =>
        new(PrimeField.Get(32003), variables, MonomialOrder.GradedReverseLex);

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the test receives every report before the call returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static List<Polynomial<ModInt>> RunF4(ulong prime, string[] generators, F4Trace? trace, bool replay)
    {
        var ring = new PolynomialRing<ModInt>(PrimeField.Get(prime), ["a", "b", "c", "d", "e"], MonomialOrder.GradedReverseLex);
        var engine = new F4Engine(ring);
        if (trace is not null)
        {
            engine.UseTrace(trace, replay);
        }

        foreach (var f in generators)
        {
            engine.AddGenerator(ring.Parse(f));
        }

        engine.Run(null, GroebnerOptions.Default, null, "f4", System.Diagnostics.Stopwatch.StartNew(), CancellationToken.None);
        Assert.True(engine.TraceFinished);
        return engine.ReducedPolynomials(CancellationToken.None);
    }

    [Fact]
    public void ReplayedTraceGivesTheSameBasis()
    {
        // Replayed modulo 2^31 - 1, the trace of a run modulo 32003 skips the rows that reduced to zero. The basis
        // must equal the one computed in full modulo 2^31 - 1.
        var trace = new F4Trace();
        RunF4(32003, Cyclic5, trace, replay: false);
        Assert.Contains(trace.Steps, step => step.Contains(false));
        var replayed = RunF4(2147483647, Cyclic5, trace, replay: true);
        var full = RunF4(2147483647, Cyclic5, null, replay: false);
        Assert.Equal(full, replayed);
    }

    [Fact]
    public void ReplayOfForeignTraceIsRejected()
    {
        // A trace of the elementary symmetric ideal in a..d does not fit the matrices of cyclic-5.
        string[] elementary = [.. Elementary4.Select(f => f.Replace("x1", "a").Replace("x2", "b").Replace("x3", "c").Replace("x4", "d"))];
        var trace = new F4Trace();
        RunF4(32003, elementary, trace, replay: false);
        Assert.Throws<F4TraceMismatchException>(() => RunF4(32003, Cyclic5, trace, replay: true));
    }
}

