using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Tests.Catalogue;

namespace InvTheory.Representations.Tests.Classical;

public sealed class ParticleRepresentationTests
{
    [Fact]
    public void DimensionsAndGeneratorCounts()
    {
        var particles = new ParticleRepresentation(ClassicalGroup.Orthogonal(3), TensorRepresentation.Vector, 4);
        Assert.Equal(12, particles.Dimension);
        Assert.Equal(3, particles.LieAlgebraBasis().Count);
        Assert.All(particles.LieAlgebraBasis(), x => Assert.Equal(12, x.RowCount));

        // One reflection and the two generators of S4.
        Assert.Equal(3, particles.FiniteGenerators().Count);
    }

    [Fact]
    public void FiniteGeneratorsGenerateComponentsTimesSymmetricGroup()
    {
        // O(2) acting on 3 vector particles: {1, reflection} x S3 has order 2 * 6 = 12.
        var particles = new ParticleRepresentation(ClassicalGroup.Orthogonal(2), TensorRepresentation.Vector, 3);
        var elements = CatalogueTestSupport.Closure(RationalField.Instance, particles.FiniteGenerators(), particles.Dimension, 100);
        Assert.Equal(12, elements!.Count);
    }

    [Fact]
    public void SampledActionPreservesPairwiseInnerProducts()
    {
        // Under O(3) x S_n on vector particles the multiset of inner products <x_i, x_j> is invariant;
        // its sum and the sum of squared norms are checked.
        var particles = new ParticleRepresentation(ClassicalGroup.Orthogonal(3), TensorRepresentation.Vector, 3);
        var sampler = new ClassicalGroupSampler(particles.Group, seed: 9);
        double[] x = [1, 2, 3, -1, 0, 2, 0.5, -2, 1];
        for (int k = 0; k < 20; k++)
        {
            var (_, _, action) = particles.Sample(sampler);
            var y = action.Multiply(x);
            Assert.Equal(SumOfInnerProducts(x), SumOfInnerProducts(y), 10);
            Assert.Equal(x.Sum(v => v * v), y.Sum(v => v * v), 10);
        }
    }

    [Fact]
    public void ActionFactorsIntoGroupAndPermutation()
    {
        var particles = new ParticleRepresentation(ClassicalGroup.SpecialOrthogonal(2), TensorRepresentation.SymmetricTensor, 3);
        var sampler = new ClassicalGroupSampler(particles.Group, seed: 1);
        var g = sampler.Next();
        int[] p = [2, 0, 1];
        var combined = particles.Act(g, p);
        var product = particles.Act(g, [0, 1, 2]) * particles.Act(RealMatrix.Identity(2), p);
        Assert.True((combined - product).MaxAbs() < 1e-14);
        Assert.Throws<ArgumentException>(() => particles.Act(g, [0, 1]));
    }

    [Fact]
    public void LieAlgebraActsBlockDiagonally()
    {
        var particles = new ParticleRepresentation(ClassicalGroup.Lorentz(4), TensorRepresentation.Vector, 2);
        var boost = particles.Group.LieAlgebraBasis[0];
        var image = particles.LieAlgebraBasis()[0];
        var expected = Matrix.FromFunction(RationalField.Instance, 8, 8, (i, j) => i / 4 == j / 4 ? boost[i % 4, j % 4] : Rational.Zero);
        Assert.Equal(expected, image);
    }

    private static double SumOfInnerProducts(IReadOnlyList<double> x)
    {
        double sum = 0;
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                for (int i = 0; i < 3; i++)
                {
                    sum += x[3 * a + i] * x[3 * b + i];
                }
            }
        }

        return sum;
    }
}
