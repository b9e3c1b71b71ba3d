using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Classical;

/// <summary>
/// The action of G x S_n on n identical particles, each carrying the same tensor representation W of a classical
/// group G: G acts on every particle at once and S_n permutes the particles.
/// </summary>
/// <remarks>
/// The space is W^n with particle j at coordinates j dim(W) .. (j + 1) dim(W) - 1. A permutation p moves particle j to
/// position p(j) (see <see cref="MatrixConstructions.BlockPermutation"/>). The pair (g, p) acts by
/// diag(rho(g), ..., rho(g)) P, which commutes with the block permutations, so the action is one of the direct product.
/// </remarks>
public sealed class ParticleRepresentation
{
    /// <summary>Creates the action of <paramref name="group"/> x S_n on <paramref name="particles"/> copies of <paramref name="representation"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particles"/> is less than 1.</exception>
    public ParticleRepresentation(ClassicalGroup group, TensorRepresentation representation, int particles)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentOutOfRangeException.ThrowIfLessThan(particles, 1);
        Group = group;
        Representation = representation;
        Particles = particles;
        ParticleDimension = representation.Dimension(group.Dimension);
    }

    /// <summary>The classical group acting on every particle.</summary>
    public ClassicalGroup Group { get; }

    /// <summary>The representation carried by each particle.</summary>
    public TensorRepresentation Representation { get; }

    /// <summary>The number n of particles.</summary>
    public int Particles { get; }

    /// <summary>The dimension of one particle's representation.</summary>
    public int ParticleDimension { get; }

    /// <summary>The total dimension n dim(W).</summary>
    public int Dimension => Particles * ParticleDimension;

    /// <summary>Returns the Lie algebra basis of G acting on all particles (block diagonal, exact).</summary>
    public IReadOnlyList<Matrix<Rational>> LieAlgebraBasis() =>
        Group.LieAlgebraBasisIn(Representation).Select(Repeat).ToArray();

    /// <summary>
    /// Returns exact generators of the finite part: the component generators of G acting on all particles, then the
    /// block permutations of the transposition (1 2) and the n-cycle (1 2 ... n) (as many as S_n needs).
    /// </summary>
    public IReadOnlyList<Matrix<Rational>> FiniteGenerators() =>
        RepresentationConstructions.Particles(RationalField.Instance, ParticleDimension, Group.ComponentGeneratorsIn(Representation), Particles);

    /// <summary>Returns the double-precision action of (g, p): particle j is acted on by rho(g) and moved to position p(j).</summary>
    /// <exception cref="ArgumentException">g has the wrong size or <paramref name="permutation"/> is not a permutation of 0..n-1.</exception>
    public RealMatrix Act(RealMatrix g, IReadOnlyList<int> permutation)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(permutation);
        if (g.RowCount != Group.Dimension || g.ColumnCount != Group.Dimension)
        {
            throw new ArgumentException($"ParticleRepresentation.Act: g must be {Group.Dimension}x{Group.Dimension}; got {g.RowCount}x{g.ColumnCount}.", nameof(g));
        }

        if (permutation.Count != Particles)
        {
            throw new ArgumentException($"ParticleRepresentation.Act: the permutation must have {Particles} entries; got {permutation.Count}.", nameof(permutation));
        }

        var block = Representation.GroupAction(g);
        var moved = RealMatrix.FromExact(MatrixConstructions.BlockPermutation(RationalField.Instance, permutation, ParticleDimension));
        var diagonal = block;
        for (int j = 1; j < Particles; j++)
        {
            diagonal = RealRepresentation.DirectSum(diagonal, block);
        }

        return diagonal * moved;
    }

    /// <summary>Returns a random element (g, p) from a sampler of <see cref="Group"/> and its action on all particles.</summary>
    public (RealMatrix Element, IReadOnlyList<int> Permutation, RealMatrix Action) Sample(ClassicalGroupSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        if (!ReferenceEquals(sampler.Group, Group) && sampler.Group.Name != Group.Name)
        {
            throw new ArgumentException($"ParticleRepresentation.Sample: the sampler draws from {sampler.Group.Name}, not {Group.Name}.", nameof(sampler));
        }

        var g = sampler.Next();
        var p = sampler.NextPermutation(Particles);
        return (g, p, Act(g, p));
    }

    private Matrix<Rational> Repeat(Matrix<Rational> block)
    {
        var result = block;
        for (int j = 1; j < Particles; j++)
        {
            result = MatrixConstructions.DirectSum(result, block);
        }

        return result;
    }
}
