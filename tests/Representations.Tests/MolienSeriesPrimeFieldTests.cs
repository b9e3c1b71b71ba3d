using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Representations.Tests.TestGroups;

namespace InvTheory.Representations.Tests;

/// <summary>
/// The Molien series over GF(p) in the non-modular case, computed through a Brauer lift. Expected values come from
/// the rational or cyclotomic group with the same generators (the characteristic-0 code, which uses characteristic
/// polynomials over Q and no finite-field arithmetic), from the reference values of Singular, Macaulay2 and GAP, and
/// from brute-force invariant counts over GF(p).
/// </summary>
public sealed class MolienSeriesPrimeFieldTests
{
    /// <summary>The reference groups over Q, each with the smallest prime from 5 up that divides neither |G| nor a denominator.</summary>
    public static TheoryData<string> RationalReferenceGroups()
    {
        var data = new TheoryData<string>();
        foreach (var file in ReferenceData.GroupFiles)
        {
            if (GroupFile.Read(file).Field.ToString() == "Q")
            {
                data.Add(Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RationalReferenceGroups))]
    public void ReductionModPMatchesReference(string name)
    {
        // The reduction mod p of a rational group with p not dividing |G| is isomorphic to it and has the same
        // invariant dimensions; the expected coefficients are Singular/Macaulay2/GAP values over Q.
        var definition = GroupFile.Read(ReferenceData.GroupFile(name));
        var expected = ReferenceData.For(definition.Name);
        ulong p = SmallestGoodPrime(definition, expected.Order);
        var field = PrimeField.Get(p);
        var group = MatrixGroup<ModInt>.FromDefinition(definition with { Field = FieldSpec.Parse($"GF({p})") }, field);

        Assert.Equal(new BigInteger(expected.Order), group.Order);
        Assert.True(group.IsMolienSeriesSupported);
        Assert.Equal(expected.MolienCoefficients.Select(c => new BigInteger(c)), group.MolienSeries().Coefficients(30));
    }

    [Fact]
    public void WeylB3OverGF5MatchesRational()
    {
        // W(B3) has order 48 = 2^4 * 3, so GF(5) is non-modular; the whole rational function must agree.
        var rational = Weyl(B3, "B3");
        var modular = Reduce(rational, 5);
        AssertSameSeries(rational.MolienSeries(), modular.MolienSeries());
        Assert.Equal([2, 4, 6], modular.MolienSeries().DenominatorDegrees);
    }

    [Fact]
    public void SymmetricGroupOverGF7MatchesRational()
    {
        // S4 permuting 4 coordinates: invariants are the symmetric polynomials, 1/((1-t)(1-t^2)(1-t^3)(1-t^4)).
        var rational = PermutationGroups.FromCycles(4, "(1,2)", "(1,2,3,4)");
        var modular = Reduce(rational, 7);
        AssertSameSeries(rational.MolienSeries(), modular.MolienSeries());
        Assert.Equal([1, 2, 3, 4], modular.MolienSeries().DenominatorDegrees);
    }

    [Fact]
    public void CyclicRotationOverGF11MatchesCyclotomic()
    {
        // Over GF(11), 3 has order 5 and 3 + 3^-1 = 3 + 4 = 7, so [[0, -1], [1, 7]] has the eigenvalues 3 and 4 and
        // order 5. Over Q(zeta_5) the same shape with z + z^4 has the eigenvalues z and z^4: both are C_5 acting by
        // a pair of inverse primitive fifth roots of unity.
        var gf11 = PrimeField.Get(11);
        var modular = new MatrixGroup<ModInt>(gf11, [Matrix.Create(gf11, Rows(gf11, [[0, -1], [1, 7]]))], "C5 mod 11");
        var k = CyclotomicField.Get(5);
        var trace = k.RootOfUnity(1) + k.RootOfUnity(4);
        var cyclotomic = new MatrixGroup<CyclotomicNumber>(
            k, [Matrix.Create(k, [[k.Zero, -k.One], [k.One, trace]])], "C5");

        Assert.Equal(BigInteger.Parse("5"), modular.Order);
        AssertSameSeries(cyclotomic.MolienSeries(), modular.MolienSeries());

        // Invariants of diag(z, z^-1): x y, x^5, y^5 with one relation, so the series is (1 + t^5)/((1 - t^2)(1 - t^5)).
        Assert.Equal(ExpandInverseRootPair(5, 20), modular.MolienSeries().Coefficients(20));
    }

    [Fact]
    public void CyclicGroupNeedingGF25MatchesRational()
    {
        // [[0, -1], [1, -1]] has characteristic polynomial x^2 + x + 1 and order 3. Since 5 = 2 mod 3, its eigenvalues
        // lie in GF(25), not in GF(5), so the lift needs the quadratic extension.
        var rational = new MatrixGroup<Rational>(Q, [Matrix.Create(Q, RationalRows([[0, -1], [1, -1]]))], "C3");
        var modular = Reduce(rational, 5);
        AssertSameSeries(rational.MolienSeries(), modular.MolienSeries());
        // Over C the matrix is diagonalized to diag(z, z^-1), with the series (1 + t^3)/((1 - t^2)(1 - t^3)).
        Assert.Equal(ExpandInverseRootPair(3, 20), modular.MolienSeries().Coefficients(20));
    }

    [Theory]
    [MemberData(nameof(BruteForceCases))]
    public void CoefficientsCountInvariantsOverGFp(string name, ulong p)
    {
        var group = Reduce(NamedRational(name), p);
        var coefficients = group.MolienSeries().Coefficients(5);
        for (int degree = 0; degree <= 5; degree++)
        {
            Assert.Equal(BruteForceInvariants.Count(group.Field, group.Generators, degree), (int)coefficients[degree]);
        }
    }

    /// <summary>Groups and primes for the brute-force comparison; each prime divides neither |G| nor a denominator.</summary>
    public static TheoryData<string, ulong> BruteForceCases() => new()
    {
        { "B3", 5 },       // |W(B3)| = 48
        { "B3", 7 },
        { "S3", 5 },       // |S3| = 6
        { "C3", 2 },       // |C3| = 3; GF(2) needs GF(4) for the cube roots of unity
        { "C3", 5 },
        { "G2", 5 },       // |W(G2)| = 12
    };

    [Fact]
    public void ChoiceOfLiftDoesNotMatter()
    {
        // W(G2) over GF(7): exponent 6, and p = 7 = 1 mod 6, so there are two primitive sixth roots of unity to map
        // to zeta_6. Over GF(5) the lift needs GF(25), which has several irreducible quadratics to define it.
        foreach (ulong p in new ulong[] { 5, 7, 11 })
        {
            var group = Reduce(Weyl(G2, "G2"), p);
            var first = group.BrauerLiftMolienSeries(0, 0);
            AssertSameSeries(first, group.BrauerLiftMolienSeries(0, 1));
            AssertSameSeries(first, group.BrauerLiftMolienSeries(1, 0));
            AssertSameSeries(first, group.BrauerLiftMolienSeries(2, 1));
        }
    }

    [Fact]
    public void ModularCaseIsRejected()
    {
        // |S3| = 6 is divisible by 3.
        var group = Reduce(PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)"), 3);
        Assert.False(group.IsMolienSeriesSupported);
        var error = Assert.Throws<NotSupportedException>(() => group.MolienSeries());
        Assert.Contains("divides |G| = 6", error.Message, StringComparison.Ordinal);
        Assert.Contains("modular", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CharacterValuesOverGFpAreRejected()
    {
        var group = Reduce(PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)"), 5);
        var values = group.ConjugacyClasses.Select(c => c.Trace).ToArray();
        var error = Assert.Throws<NotSupportedException>(() => group.MolienSeries(values));
        Assert.Contains("Brauer character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignRepresentationMatchesRational()
    {
        // The anti-invariants of S3 on 3 coordinates: the sign-weighted series is t^3/((1 - t)(1 - t^2)(1 - t^3)).
        var rational = PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)");
        var modular = Reduce(rational, 7);
        var sign = modular.ConjugacyClasses.Select(c => Matrix.Create(modular.Field, [[c.Representative.Determinant()]])).ToArray();
        var series = modular.MolienSeries(sign);
        var expected = rational.MolienSeries(rational.ConjugacyClasses.Select(c => c.Representative.Determinant()).ToArray());

        Assert.True(series.IsCharacterWeighted);
        AssertSameSeries(expected, series);
        Assert.Equal(Big(0, 0, 0, 1), series.Coefficients(3));
    }

    [Theory]
    [InlineData("B3", 5UL)]
    [InlineData("C3", 2UL)]
    [InlineData("C3", 5UL)]
    public void WeightedByNaturalRepresentationCountsEquivariants(string name, ulong p)
    {
        // With W = V the coefficient of t^k counts the degree-k equivariants V -> V.
        var group = Reduce(NamedRational(name), p);
        var series = group.MolienSeries(group.ConjugacyClasses.Select(c => c.Representative).ToArray());
        var coefficients = series.Coefficients(3);
        for (int degree = 0; degree <= 3; degree++)
        {
            Assert.Equal(BruteForceInvariants.CountEquivariants(group.Field, group.Generators, degree), (int)coefficients[degree]);
        }
    }

    [Fact]
    public void NonRepresentationMatricesAreRejected()
    {
        // [[1, 1], [0, 1]] has order p, not dividing the class orders of S3 over GF(5).
        var group = Reduce(PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)"), 5);
        var field = group.Field;
        var unipotent = Matrix.Create(field, Rows(field, [[1, 1], [0, 1]]));
        var matrices = group.ConjugacyClasses.Select(c => c.Index == 0 ? Matrix.Identity(field, 2) : unipotent).ToArray();
        Assert.Throws<ArgumentException>(() => group.MolienSeries(matrices));
    }

    [Property(MaxTest = 40)]
    public Property RandomMonomialGroupsMatchRational() =>
        Prop.ForAll(RandomMonomialGroups().ToArbitrary(), sample =>
        {
            // Signed permutation matrices of size n <= 3 generate a group whose order divides 2^n n!, which divides 48,
            // so every prime from 5 up is non-modular.
            var (generators, p) = sample;
            var rational = new MatrixGroup<Rational>(Q, generators);
            var modular = Reduce(rational, p);
            var expected = rational.MolienSeries();
            var actual = modular.MolienSeries();
            AssertSameSeries(expected, actual);
            var coefficients = actual.Coefficients(3);
            for (int degree = 0; degree <= 3; degree++)
            {
                Assert.Equal(BruteForceInvariants.Count(modular.Field, modular.Generators, degree), (int)coefficients[degree]);
            }
        });

    private static Gen<(Matrix<Rational>[] Generators, ulong Prime)> RandomMonomialGroups() =>
        from n in Gen.Choose(1, 3)
        from count in Gen.Choose(1, 3)
        from matrices in Gen.ArrayOf(SignedPermutation(n), count)
        from p in Gen.Elements(5UL, 7UL, 11UL, 13UL, 101UL)
        select (matrices, p);

    private static Gen<Matrix<Rational>> SignedPermutation(int n) =>
        from images in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        from signs in Gen.ArrayOf(Gen.Elements(1, -1), n)
        select Matrix.FromFunction(Q, n, n, (i, j) => images[j] == i ? (Rational)signs[j] : Rational.Zero);

    private static MatrixGroup<Rational> NamedRational(string name) => name switch
    {
        "B3" => Weyl(B3, "B3"),
        "G2" => Weyl(G2, "G2"),
        "S3" => PermutationGroups.FromCycles(3, "(1,2)", "(1,2,3)"),
        "C3" => new MatrixGroup<Rational>(Q, [Matrix.Create(Q, RationalRows([[0, -1], [1, -1]]))], "C3"),
        _ => throw new ArgumentException($"unknown test group {name}", nameof(name)),
    };

    /// <summary>Returns the group generated by the rational generators reduced mod p (their denominators must be prime to p).</summary>
    private static MatrixGroup<ModInt> Reduce(MatrixGroup<Rational> group, ulong p)
    {
        var field = PrimeField.Get(p);
        var generators = group.Generators
            .Select(g => Matrix.FromFunction(field, g.RowCount, g.ColumnCount, (i, j) => field.FromRational(g[i, j])))
            .ToArray();
        return new MatrixGroup<ModInt>(field, generators, $"{group.Name} mod {p}");
    }

    private static ulong SmallestGoodPrime(GroupDefinition definition, long order)
    {
        var denominators = definition.Generators.SelectMany(g => g).SelectMany(row => row)
            .Select(entry => Rational.Parse(entry).Denominator)
            .ToArray();
        for (ulong p = 5; ; p++)
        {
            if (PrimeModulus.IsPrime(p) && order % (long)p != 0 && denominators.All(q => !(q % p).IsZero))
            {
                return p;
            }
        }
    }

    private static void AssertSameSeries(MolienSeries expected, MolienSeries actual)
    {
        Assert.Equal(expected.ReducedNumerator, actual.ReducedNumerator);
        Assert.Equal(expected.ReducedDenominator, actual.ReducedDenominator);
        Assert.Equal(expected.Numerator, actual.Numerator);
        Assert.Equal(expected.DenominatorDegrees, actual.DenominatorDegrees);
        Assert.Equal(expected.ConstantTerm, actual.ConstantTerm);
    }

    private static IReadOnlyList<IReadOnlyList<ModInt>> Rows(Field<ModInt> field, int[][] rows) =>
        [.. rows.Select(row => (IReadOnlyList<ModInt>)[.. row.Select(v => field.FromInteger(v))])];

    private static IReadOnlyList<IReadOnlyList<Rational>> RationalRows(int[][] rows) =>
        [.. rows.Select(row => (IReadOnlyList<Rational>)[.. row.Select(v => (Rational)v)])];

    // Coefficients of (1 + t^n)/((1 - t^2)(1 - t^n)) up to t^maxDegree: the monomials (x y)^a x^(n b) or (x y)^a y^(n b), b >= 1, or (x y)^a.
    private static BigInteger[] ExpandInverseRootPair(int n, int maxDegree)
    {
        var result = new BigInteger[maxDegree + 1];
        for (int a = 0; 2 * a <= maxDegree; a++)
        {
            result[2 * a]++;
            for (int b = 1; 2 * a + n * b <= maxDegree; b++)
            {
                result[2 * a + n * b] += 2;
            }
        }

        return result;
    }

    private static BigInteger[] Big(params int[] values) => [.. values.Select(v => new BigInteger(v))];
}
