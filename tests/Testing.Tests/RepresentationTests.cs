using InvTheory.Representations.Classical;

namespace InvTheory.Testing.Tests;

public sealed class RepresentationTests
{
    private static readonly RealMatrix Reflection = Diagonal(-1, 1, 1);

    private static GroupElement Element(RealMatrix g, params int[] permutation) => new(g, "test element", permutation);

    private static RealMatrix[] RandomRotations(int count, ulong seed) =>
        GroupSamplesTests.Draw(GroupSamples.HaarOrthogonal(3), count, seed);

    [Fact]
    public void PseudovectorCarriesDeterminant()
    {
        // A pseudovector changes sign under a reflection relative to a vector: rho(g) = det(g) g.
        var action = Representation.Pseudovector.Act(Element(Reflection));
        Assert.Equal(0, (action - (-1.0 * Reflection)).MaxAbs(), 15);
    }

    [Fact]
    public void RankTwoTensorTransformsAsConjugation()
    {
        var g = RandomRotations(1, 41)[0];
        var t = RealMatrix.FromFunction(3, 3, (i, j) => i + 2 * j - 1.5 * i * j);
        var expected = g * t * g.Transpose();
        var flattened = Enumerable.Range(0, 9).Select(k => t[k / 3, k % 3]).ToArray();
        var image = Representation.Tensor(2).Act(Element(g)).Multiply(flattened);
        for (int k = 0; k < 9; k++)
        {
            Assert.Equal(expected[k / 3, k % 3], image[k], 12);
        }
    }

    [Fact]
    public void SymmetricTensorMatchesConjugationOfQuadraticForm()
    {
        // Sym2(V) acts on the coefficients of x_i x_j in descending lexicographic order (x1^2, x1 x2, x1 x3, x2^2, ...),
        // as on quadratic monomials: m(g x) = Sym2(g) m(x). Check on the monomial vector of a point.
        var g = RandomRotations(1, 42)[0];
        double[] x = [0.3, -1.2, 2.0];
        static double[] Monomials(IReadOnlyList<double> p) => [p[0] * p[0], p[0] * p[1], p[0] * p[2], p[1] * p[1], p[1] * p[2], p[2] * p[2]];
        var left = Monomials(g.Multiply(x));
        var right = Representation.SymmetricTensor.Act(Element(g)).Multiply(Monomials(x));
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal(left[k], right[k], 12);
        }
    }

    [Fact]
    public void DirectSumIsBlockDiagonal()
    {
        var g = RandomRotations(1, 43)[0];
        var sum = Representation.Vector + Representation.Scalar + Representation.Pseudovector;
        Assert.Equal(7, sum.Dimension(3));
        var action = sum.Act(Element(g));
        Assert.Equal(g[1, 2], action[1, 2]);
        Assert.Equal(1.0, action[3, 3]);
        Assert.Equal(0.0, action[3, 0]);
        Assert.Equal(g.Determinant() * g[0, 1], action[4, 5], 14);
    }

    [Fact]
    public void ParticlePermutationMovesBlocks()
    {
        // Particle j moves to position p(j): with p = [2, 0, 1], the vector of particle 0 appears in block 2.
        var particles = Representation.Particles(Representation.Vector, 3);
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var moved = particles.Act(Element(RealMatrix.Identity(3), 2, 0, 1)).Multiply(x);
        Assert.Equal([4, 5, 6, 7, 8, 9, 1, 2, 3], moved);
    }

    [Fact]
    public void ParticleActionIsHomomorphism()
    {
        // (g, p)(h, q) = (gh, p o q), and rho((g, p)(h, q)) = rho(g, p) rho(h, q).
        var rotations = RandomRotations(2, 44);
        int[] p = [1, 2, 0], q = [0, 2, 1];
        int[] composed = [p[q[0]], p[q[1]], p[q[2]]];
        var particles = Representation.Particles(Representation.SymmetricTensor, 3) + Representation.Pseudoscalar;
        var product = particles.Act(Element(rotations[0] * rotations[1], composed));
        var separate = particles.Act(Element(rotations[0], p)) * particles.Act(Element(rotations[1], q));
        Assert.Equal(0, (product - separate).MaxAbs(), 12);
    }

    [Fact]
    public void ParticleCountMismatchIsRejected()
    {
        var particles = Representation.Particles(Representation.Vector, 3);
        var error = Assert.Throws<ArgumentException>(() => particles.Act(Element(RealMatrix.Identity(3), 1, 0)));
        Assert.Contains("WithParticlePermutations(3)", error.Message);
    }

    [Theory]
    [InlineData("vector", 3)]
    [InlineData("pseudovector", 3)]
    [InlineData("Sym2(V)", 6)]
    [InlineData("V+V+det", 7)]
    [InlineData("V*V", 9)]
    public void ParseGivesDimension(string text, int dimension)
    {
        Assert.Equal(dimension, Representation.Parse(text).Dimension(3));
    }

    private static RealMatrix Diagonal(params double[] entries) =>
        RealMatrix.FromFunction(entries.Length, entries.Length, (i, j) => i == j ? entries[i] : 0);
}
