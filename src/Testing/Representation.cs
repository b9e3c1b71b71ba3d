using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Testing;

/// <summary>
/// A real representation rho of a <see cref="SymmetryGroup"/> on R^n: how a group element acts on the inputs or the
/// outputs of a tested function. Built from tensor representations of V (scalars, vectors, pseudovectors, rank-k
/// tensors, any <see cref="RepresentationExpression"/>), direct sums, and identical particles that the group permutes.
/// </summary>
/// <remarks>
/// Tensor representations use the bases and conventions of <see cref="RealRepresentation"/> and
/// <see cref="TensorRepresentation"/>: a pseudovector is det(g) g x, a rank-2 tensor T = (T_ij) flattened row by row
/// transforms as g T g^T, a symmetric rank-2 tensor uses the coordinates T_ij (i &lt;= j) of Sym2(V). A direct sum
/// stacks its summands' coordinates in order. n particles occupy consecutive blocks of dim(W) coordinates, each block
/// is acted on by rho_W(g), and the permutation p of the group element moves block j to position p(j).
/// </remarks>
public sealed class Representation
{
    private readonly RepresentationExpression? _expression;
    private readonly IReadOnlyList<Representation> _summands;
    private readonly Representation? _particle;
    private readonly int _particleCount;

    private Representation(string name, RepresentationExpression? expression, IReadOnlyList<Representation> summands, Representation? particle, int particleCount)
    {
        Name = name;
        _expression = expression;
        _summands = summands;
        _particle = particle;
        _particleCount = particleCount;
    }

    /// <summary>The trivial representation on R, for invariant scalar outputs.</summary>
    public static Representation Scalar { get; } = FromTensor(TensorRepresentation.Scalar);

    /// <summary>The determinant representation on R (pseudoscalars).</summary>
    public static Representation Pseudoscalar { get; } = FromTensor(TensorRepresentation.Pseudoscalar);

    /// <summary>The defining representation V (vectors).</summary>
    public static Representation Vector { get; } = FromTensor(TensorRepresentation.Vector);

    /// <summary>det ⊗ V, g acting by det(g) g (pseudovectors, axial vectors).</summary>
    public static Representation Pseudovector { get; } = FromTensor(TensorRepresentation.Pseudovector);

    /// <summary>Symmetric rank-2 tensors Sym2(V).</summary>
    public static Representation SymmetricTensor { get; } = FromTensor(TensorRepresentation.SymmetricTensor);

    /// <summary>Antisymmetric rank-2 tensors Lambda2(V).</summary>
    public static Representation AntisymmetricTensor { get; } = FromTensor(TensorRepresentation.AntisymmetricTensor);

    /// <summary>A short description, such as <c>vector</c> or <c>vector + pseudovector</c>.</summary>
    public string Name { get; }

    /// <summary>Returns the rank-k tensors V ⊗ ... ⊗ V (k factors), acting on the flattened tensor by the Kronecker power g ⊗ ... ⊗ g.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or too large.</exception>
    public static Representation Tensor(int k) => FromTensor(TensorRepresentation.Tensor(k));

    /// <summary>Returns the representation of a <see cref="TensorRepresentation"/>.</summary>
    public static Representation FromTensor(TensorRepresentation tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new Representation(tensor.Name, tensor.Expression, [], null, 0);
    }

    /// <summary>Returns the representation given by an expression in V, such as <c>Sym2(V)</c> or <c>det*V</c>.</summary>
    public static Representation FromExpression(RepresentationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new Representation(expression.ToString(), expression, [], null, 0);
    }

    /// <summary>
    /// Parses <c>scalar</c>, <c>pseudoscalar</c>, <c>vector</c>, <c>pseudovector</c> or an expression in the grammar of
    /// <see cref="RepresentationExpression"/> (<c>V</c>, <c>1</c>, <c>det*V</c>, <c>Sym2(V)</c>, <c>V+V</c>, ...).
    /// </summary>
    /// <exception cref="FormatException">The text is not a name or an expression; the message names the position.</exception>
    public static Representation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "scalar" => Scalar,
            "pseudoscalar" => Pseudoscalar,
            "vector" => Vector,
            "pseudovector" => Pseudovector,
            _ => FromExpression(RepresentationExpression.Parse(text)),
        };
    }

    /// <summary>Returns the direct sum of the summands, coordinates stacked in order.</summary>
    /// <exception cref="ArgumentException">There are no summands.</exception>
    public static Representation Sum(params IReadOnlyList<Representation> summands)
    {
        ArgumentNullException.ThrowIfNull(summands);
        if (summands.Count == 0 || summands.Any(s => s is null))
        {
            throw new ArgumentException("Representation.Sum needs at least one summand and no null summands.", nameof(summands));
        }

        return summands.Count == 1
            ? summands[0]
            : new Representation(string.Join(" + ", summands.Select(s => s.Name)), null, summands.ToArray(), null, 0);
    }

    /// <summary>Returns the direct sum a + b.</summary>
    public static Representation operator +(Representation a, Representation b) => Sum(a, b);

    /// <summary>Returns n copies of W that the group does not permute (for example several distinguishable vectors).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static Representation Copies(Representation representation, int count)
    {
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Sum(Enumerable.Repeat(representation, count).ToArray());
    }

    /// <summary>
    /// Returns n identical particles, each carrying W: block j holds particle j, rho(g) acts on every block and the
    /// element's permutation p moves block j to position p(j). Use it with <see cref="SymmetryGroup.WithParticlePermutations"/>;
    /// with a group that permutes nothing it acts as n unpermuted copies.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static Representation Particles(Representation representation, int count)
    {
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new Representation($"{count} particles of {representation.Name}", null, [], representation, count);
    }

    /// <summary>Returns the dimension n of the representation space when V has dimension d.</summary>
    public int Dimension(int d)
    {
        if (_expression is not null)
        {
            return _expression.Dimension(d);
        }

        return _particle is not null ? _particleCount * _particle.Dimension(d) : _summands.Sum(s => s.Dimension(d));
    }

    /// <summary>Returns the matrix rho(g), of size <see cref="Dimension"/>(d) for the d x d matrix of g.</summary>
    /// <exception cref="ArgumentException">The element permutes a number of particles different from this representation's.</exception>
    public RealMatrix Act(GroupElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (_expression is not null)
        {
            return RealRepresentation.Evaluate(_expression, element.Matrix);
        }

        if (_particle is null)
        {
            return _summands.Select(s => s.Act(element)).Aggregate(RealRepresentation.DirectSum);
        }

        var permutation = element.Permutation;
        if (permutation.Count != 0 && permutation.Count != _particleCount)
        {
            throw new ArgumentException(
                $"Representation '{Name}' has {_particleCount} particles, but the group element permutes {permutation.Count}. Use WithParticlePermutations({_particleCount}) on the group.",
                nameof(element));
        }

        var block = _particle.Act(element);
        int size = block.RowCount;
        return RealMatrix.FromFunction(_particleCount * size, _particleCount * size, (r, c) =>
        {
            // Column block j (particle j) lands in row block p(j), acted on by rho_W(g).
            int j = c / size;
            int target = permutation.Count == 0 ? j : permutation[j];
            return r / size == target ? block[r % size, c % size] : 0;
        });
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
