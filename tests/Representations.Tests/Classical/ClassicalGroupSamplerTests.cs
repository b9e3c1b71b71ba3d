using InvTheory.Representations.Classical;

namespace InvTheory.Representations.Tests.Classical;

public sealed class ClassicalGroupSamplerTests
{
    public static TheoryData<string> GroupNames() => ["O(2)", "O(3)", "SO(3)", "SO(5)", "E(3)", "O(1,1)", "O(1,3)", "SO+(1,3)", "SO+(1,2)"];

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void SamplesPreserveMetric(string name)
    {
        var group = ClassicalGroup.Parse(name);
        var sampler = new ClassicalGroupSampler(group, seed: 7);
        for (int k = 0; k < 200; k++)
        {
            var g = sampler.Next();
            Assert.True(group.PreservesMetric(g, 1e-12), $"{name}: sample {k} violates g^T J g = J: {g}");
        }
    }

    [Theory]
    [InlineData("SO(3)")]
    [InlineData("SO(4)")]
    [InlineData("SO+(1,3)")]
    public void ConnectedGroupSamplesHaveDeterminantOne(string name)
    {
        var group = ClassicalGroup.Parse(name);
        var sampler = new ClassicalGroupSampler(group);
        for (int k = 0; k < 100; k++)
        {
            var g = sampler.Next();
            Assert.Equal(1, g.Determinant(), 9);
            if (group.Kind == ClassicalGroupKind.ProperOrthochronousLorentz)
            {
                Assert.True(g[0, 0] >= 1 - 1e-12);
            }
        }
    }

    [Fact]
    public void LorentzSamplesReachAllFourComponents()
    {
        // The component of g is given by sign(det g) and sign(g_00).
        var sampler = new ClassicalGroupSampler(ClassicalGroup.Lorentz(4), seed: 3);
        var seen = new HashSet<(int, int)>();
        for (int k = 0; k < 200; k++)
        {
            var g = sampler.Next();
            seen.Add((Math.Sign(g.Determinant()), Math.Sign(g[0, 0])));
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void OrthogonalSamplesHaveHaarMoments()
    {
        // For Haar measure on O(d): E[g_ij] = 0, E[g_ij^2] = 1/d, and det = +-1 with probability 1/2 each.
        const int d = 3, samples = 4000;
        var sampler = new ClassicalGroupSampler(ClassicalGroup.Orthogonal(d), seed: 11);
        double mean = 0, square = 0, positive = 0;
        for (int k = 0; k < samples; k++)
        {
            var g = sampler.Next();
            mean += g[0, 1];
            square += g[2, 0] * g[2, 0];
            positive += g.Determinant() > 0 ? 1 : 0;
        }

        // Standard errors are about 0.009 for the means and 0.008 for the fraction; the bounds are 5 of them.
        Assert.InRange(mean / samples, -0.045, 0.045);
        Assert.InRange(square / samples, 1.0 / d - 0.03, 1.0 / d + 0.03);
        Assert.InRange(positive / samples, 0.46, 0.54);
    }

    [Fact]
    public void SameSeedGivesSameSequence()
    {
        var first = new ClassicalGroupSampler(ClassicalGroup.Lorentz(4), seed: 5);
        var second = new ClassicalGroupSampler(ClassicalGroup.Lorentz(4), seed: 5);
        for (int k = 0; k < 10; k++)
        {
            Assert.Equal(first.Next(), second.Next());
        }

        Assert.NotEqual(new ClassicalGroupSampler(ClassicalGroup.Orthogonal(3), seed: 1).Next(), new ClassicalGroupSampler(ClassicalGroup.Orthogonal(3), seed: 2).Next());
    }

    [Fact]
    public void PermutationsArePermutations()
    {
        var sampler = new ClassicalGroupSampler(ClassicalGroup.Orthogonal(3));
        for (int k = 0; k < 20; k++)
        {
            Assert.Equal(Enumerable.Range(0, 5), sampler.NextPermutation(5).Order());
        }
    }
}
