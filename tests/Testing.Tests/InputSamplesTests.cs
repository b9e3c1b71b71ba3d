namespace InvTheory.Testing.Tests;

public sealed class InputSamplesTests
{
    [Fact]
    public void GaussianInputsRespectWidthAndBound()
    {
        var inputs = GroupSamplesTests.Draw(InputSamples.Gaussian(7, standardDeviation: 2.0, bound: 1.5), 300, 51);
        Assert.All(inputs, x => Assert.Equal(7, x.Count));
        Assert.All(inputs.SelectMany(x => x), v => Assert.InRange(v, -3.0, 3.0));
    }

    [Fact]
    public void UniformInputsStayInRange()
    {
        var inputs = GroupSamplesTests.Draw(InputSamples.Uniform(4, bound: 0.5), 300, 52);
        Assert.All(inputs.SelectMany(x => x), v => Assert.InRange(v, -0.5, 0.5));

        // The mean of 1200 uniform entries has standard deviation 0.5 / sqrt(3 * 1200) = 0.0083.
        Assert.InRange(inputs.SelectMany(x => x).Average(), -0.05, 0.05);
    }

    [Fact]
    public void ShrinkZeroesEntriesFirst()
    {
        var candidates = InputSamples.Shrink([0.4, 0, -2.6]).ToList();
        Assert.Equal([0.0, 0, -2.6], candidates[0]);
        Assert.Equal([0.4, 0, 0.0], candidates[1]);
        Assert.Equal([1.0, 0, -2.6], candidates[2]);
        Assert.Equal([0.4, 0, -3.0], candidates[3]);
    }

    [Fact]
    public void ShrinkStopsAtUnitEntries()
    {
        Assert.Equal([[0.0, 1]], InputSamples.Shrink([1.0, 1]).Take(1));
        Assert.Equal(2, InputSamples.Shrink([1.0, 1]).Count());
        Assert.Empty(InputSamples.Shrink([0.0, 0]));
    }

    [Fact]
    public void ShrinkTerminatesWhenEveryCandidateIsKept()
    {
        // Always taking the last candidate avoids the zeroing steps as long as possible; the chain must still end.
        IReadOnlyList<double> x = [7.3, -12.8, 0.2, -1e6];
        int steps = 0;
        while (InputSamples.Shrink(x).LastOrDefault() is { } next)
        {
            x = next;
            steps++;
            Assert.True(steps < 10_000, "shrinking did not terminate");
        }

        Assert.Equal([0.0, 0, 0, 0], x);
    }
}
