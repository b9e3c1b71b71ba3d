using FsCheck;
using FsCheck.Fluent;
using InvTheory.Representations.Classical;

namespace InvTheory.Testing.Tests;

public sealed class GroupSamplesTests
{
    private const int SampleCount = 2000;

    internal static T[] Draw<T>(Gen<T> generator, int count, ulong seed) => Gen.Sample(generator, count, new Rnd(seed), 10);

    public static TheoryData<int> Dimensions => new() { 1, 2, 3, 4, 6 };

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void HaarOrthogonalIsOrthogonal(int d)
    {
        foreach (var q in Draw(GroupSamples.HaarOrthogonal(d), 200, 11))
        {
            double deviation = (q.Transpose() * q - RealMatrix.Identity(d)).MaxAbs();
            Assert.True(deviation <= 1e-12, $"|Q^T Q - I| = {deviation:G3} for {q}");
        }
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void HaarSpecialOrthogonalHasDeterminantOne(int d)
    {
        foreach (var q in Draw(GroupSamples.HaarSpecialOrthogonal(d), 200, 12))
        {
            Assert.True((q.Transpose() * q - RealMatrix.Identity(d)).MaxAbs() <= 1e-12);
            Assert.True(Math.Abs(q.Determinant() - 1) <= 1e-12, $"det = {q.Determinant()}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void HaarOrthogonalDeterminantSignsAreBalanced(int d)
    {
        // Haar measure gives each component of O(d) probability 1/2. The fraction of 2000 draws has standard
        // deviation sqrt(1/4 / 2000) = 0.011, and 0.06 is more than 5 standard deviations.
        var samples = Draw(GroupSamples.HaarOrthogonal(d), SampleCount, 13);
        double positive = samples.Count(q => q.Determinant() > 0) / (double)SampleCount;
        Assert.InRange(positive, 0.44, 0.56);
    }

    [Theory]
    [InlineData(3, false)] // O(3)
    [InlineData(4, false)] // O(4)
    [InlineData(3, true)] // SO(3)
    public void HaarTraceMomentsMatchCharacterTheory(int d, bool special)
    {
        // For Haar measure, E[(tr g)^k] is the dimension of the invariants in the k-th tensor power of V (Schur
        // orthogonality): 0 for k = 1, 1 for k = 2 (the inner product), and 3 for k = 4 (the three pairings of four
        // indices) for O(3), O(4) and SO(3). So Var(tr g) = 1 and the mean of 2000 traces has standard deviation 0.022;
        // 0.12 is more than 5 of them. Var((tr g)^2) = 3 - 1 = 2, so the mean square has standard deviation 0.032, and
        // 0.17 is more than 5 of them.
        var generator = special ? GroupSamples.HaarSpecialOrthogonal(d) : GroupSamples.HaarOrthogonal(d);
        var traces = Draw(generator, SampleCount, 14).Select(q => q.Trace()).ToArray();
        Assert.InRange(traces.Average(), -0.12, 0.12);
        Assert.InRange(traces.Average(t => t * t), 1 - 0.17, 1 + 0.17);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void LorentzSamplesPreserveMinkowskiForm(int d)
    {
        var metric = Diagonal([1, .. Enumerable.Repeat(-1.0, d - 1)]);
        foreach (var g in Draw(GroupSamples.Lorentz(d), 300, 16))
        {
            double deviation = (g.Transpose() * metric * g - metric).MaxAbs();
            Assert.True(deviation <= 1e-12, $"|g^T J g - J| = {deviation:G3}");
        }
    }

    [Fact]
    public void ProperOrthochronousSamplesStayInIdentityComponent()
    {
        foreach (var g in Draw(GroupSamples.ProperOrthochronousLorentz(4, maxRapidity: 2.0), 300, 17))
        {
            Assert.True(Math.Abs(g.Determinant() - 1) <= 1e-10, $"det = {g.Determinant()}");
            Assert.True(g[0, 0] >= 1 - 1e-12, $"g00 = {g[0, 0]}");

            // A boost of rapidity eta has g00 = cosh(eta) and a rotation leaves it at most that, so g00 <= cosh(2).
            Assert.True(g[0, 0] <= Math.Cosh(2.0) + 1e-12, $"g00 = {g[0, 0]}");
        }
    }

    [Fact]
    public void LorentzComponentsAreEquallyLikely()
    {
        // The component of g is (sign det g, sign g00). Each has probability 1/4; the fraction of 2000 draws has
        // standard deviation sqrt(3/16 / 2000) = 0.0097, and 0.05 is more than 5 standard deviations.
        var counts = Draw(GroupSamples.Lorentz(4), SampleCount, 18)
            .GroupBy(g => (Math.Sign(g.Determinant()), Math.Sign(g[0, 0])))
            .ToDictionary(x => x.Key, x => x.Count() / (double)SampleCount);
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, fraction => Assert.InRange(fraction, 0.2, 0.3));
    }

    [Fact]
    public void ZeroRapidityGivesRotationsOnly()
    {
        foreach (var g in Draw(GroupSamples.ProperOrthochronousLorentz(4, maxRapidity: 0), 50, 19))
        {
            Assert.Equal(1.0, g[0, 0], 12);
        }
    }

    [Fact]
    public void StandardNormalHasUnitVariance()
    {
        // Mean 0 and variance 1; over 20000 draws their standard deviations are 0.0071 and 0.01.
        var z = Draw(GroupSamples.StandardNormal, 20000, 20);
        Assert.InRange(z.Average(), -0.04, 0.04);
        Assert.InRange(z.Average(x => x * x), 0.95, 1.05);
    }

    [Fact]
    public void PermutationsArePermutations()
    {
        foreach (var p in Draw(GroupSamples.Permutation(5), 100, 21))
        {
            Assert.Equal([0, 1, 2, 3, 4], p.Order());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void HaarRejectsBadDimension(int d)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupSamples.HaarOrthogonal(d));
    }

    [Fact]
    public void LorentzRejectsNegativeRapidity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupSamples.Lorentz(4, -1));
    }

    private static RealMatrix Diagonal(params double[] entries) =>
        RealMatrix.FromFunction(entries.Length, entries.Length, (i, j) => i == j ? entries[i] : 0);
}
