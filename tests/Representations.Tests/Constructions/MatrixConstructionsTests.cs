using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Constructions;

public sealed class MatrixConstructionsTests
{
    private static readonly RationalField Q = RationalField.Instance;

    [Theory]
    [InlineData(3, 0, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(3, 2, 6)]
    [InlineData(3, 3, 10)]
    [InlineData(4, 3, 20)]
    [InlineData(2, 5, 6)]
    [InlineData(1, 4, 1)]
    public void SymmetricPowerHasBinomialDimension(int d, int k, int expected)
    {
        // dim Sym^k(C^d) = C(d + k - 1, k).
        var g = Matrix.Identity(Q, d);
        Assert.Equal(expected, MatrixConstructions.SymmetricPower(g, k).RowCount);
        Assert.Equal(expected, MatrixConstructions.SymmetricPowerBasis(d, k).Count);
        Assert.Equal(expected, RepresentationExpression.SymmetricPowerOf(RepresentationExpression.Standard, k).Dimension(d));
    }

    [Theory]
    [InlineData(3, 0, 1)]
    [InlineData(3, 2, 3)]
    [InlineData(4, 2, 6)]
    [InlineData(5, 3, 10)]
    [InlineData(2, 3, 0)]
    public void ExteriorPowerHasBinomialDimension(int d, int k, int expected)
    {
        // dim Lambda^k(C^d) = C(d, k).
        var g = Matrix.Identity(Q, d);
        Assert.Equal(expected, MatrixConstructions.ExteriorPower(g, k).RowCount);
        Assert.Equal(expected, RepresentationExpression.ExteriorPowerOf(RepresentationExpression.Standard, k).Dimension(d));
    }

    [Fact]
    public void SymmetricPowerBasisIsDescendingLex()
    {
        var basis = MatrixConstructions.SymmetricPowerBasis(3, 2);
        int[][] expected = [[2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 2, 0], [0, 1, 1], [0, 0, 2]];
        Assert.Equal(expected.Length, basis.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], basis[i]);
        }
    }

    [Fact]
    public void SymmetricSquareOfTwoByTwoMatchesHandComputation()
    {
        // (a x + b y)^2 = a^2 x^2 + 2ab xy + b^2 y^2, (a x + b y)(c x + d y) = ac x^2 + (ad + bc) xy + bd y^2.
        var g = Matrix.Create<Rational>(Q, [[2, 3], [5, 7]]);
        var expected = Matrix.Create<Rational>(Q, [[4, 12, 9], [10, 29, 21], [25, 70, 49]]);
        Assert.Equal(expected, MatrixConstructions.SymmetricPower(g, 2));
    }

    [Property(MaxTest = 50)]
    public bool SymmetricPowerTransformsMonomials(int seed)
    {
        // m(g x) = Sym^k(g) m(x) for the degree-k monomial vector m.
        var random = new Random(seed);
        int d = random.Next(1, 4), k = random.Next(0, 4);
        var g = ConstructionTestSupport.RandomMatrix(random, d);
        var x = Enumerable.Range(0, d).Select(_ => (Rational)random.Next(-4, 5)).ToArray();
        var basis = MatrixConstructions.SymmetricPowerBasis(d, k);
        IReadOnlyList<Rational> Monomials(IReadOnlyList<Rational> v) =>
            basis.Select(e => Enumerable.Range(0, d).Aggregate(Rational.One, (p, i) => p * v[i].Pow(e[i]))).ToArray();

        var lhs = Monomials(g.Multiply(x));
        var rhs = MatrixConstructions.SymmetricPower(g, k).Multiply(Monomials(x));
        return lhs.SequenceEqual(rhs);
    }

    [Property(MaxTest = 50)]
    public bool ExteriorPowerTransformsWedges(int seed)
    {
        // The coordinates det(V[I, :]) of v_1 ^ ... ^ v_k map to those of g v_1 ^ ... ^ g v_k.
        var random = new Random(seed);
        int d = random.Next(2, 5), k = random.Next(1, d + 1);
        var g = ConstructionTestSupport.RandomMatrix(random, d);
        var vectors = Matrix.FromFunction(Q, d, k, (_, _) => (Rational)random.Next(-3, 4));
        var subsets = MatrixConstructions.ExteriorPowerBasis(d, k);
        IReadOnlyList<Rational> Wedge(Matrix<Rational> v) =>
            subsets.Select(rows => v.Submatrix(rows, Enumerable.Range(0, k).ToArray()).Determinant()).ToArray();

        var lhs = Wedge(g * vectors);
        var rhs = MatrixConstructions.ExteriorPower(g, k).Multiply(Wedge(vectors));
        return lhs.SequenceEqual(rhs);
    }

    [Property(MaxTest = 60)]
    public bool ConstructionsAreHomomorphismsOnOh(NonNegativeInt first, NonNegativeInt second)
    {
        var elements = ConstructionTestSupport.Oh;
        var g = elements[first.Get % elements.Count];
        var h = elements[second.Get % elements.Count];
        var gh = g * h;
        Assert.Equal(MatrixConstructions.SymmetricPower(gh, 3), MatrixConstructions.SymmetricPower(g, 3) * MatrixConstructions.SymmetricPower(h, 3));
        Assert.Equal(MatrixConstructions.ExteriorPower(gh, 2), MatrixConstructions.ExteriorPower(g, 2) * MatrixConstructions.ExteriorPower(h, 2));
        Assert.Equal(MatrixConstructions.KroneckerProduct(gh, gh), MatrixConstructions.KroneckerProduct(g, g) * MatrixConstructions.KroneckerProduct(h, h));
        Assert.Equal(MatrixConstructions.Dual(gh), MatrixConstructions.Dual(g) * MatrixConstructions.Dual(h));
        Assert.Equal(MatrixConstructions.DirectSum(gh, gh), MatrixConstructions.DirectSum(g, g) * MatrixConstructions.DirectSum(h, h));
        return true;
    }

    [Property(MaxTest = 40)]
    public bool CharactersAddAndMultiply(NonNegativeInt first, NonNegativeInt second)
    {
        // For g in S4 and h in Oh: tr(g + h) = tr g + tr h and tr(g * h) = tr g tr h.
        var g = ConstructionTestSupport.S4[first.Get % 24];
        var h = ConstructionTestSupport.Oh[second.Get % 48];
        Assert.Equal(g.Trace() + h.Trace(), MatrixConstructions.DirectSum(g, h).Trace());
        Assert.Equal(g.Trace() * h.Trace(), MatrixConstructions.KroneckerProduct(g, h).Trace());
        return true;
    }

    [Property(MaxTest = 40)]
    public bool SymmetricAndExteriorSquareCharacters(NonNegativeInt index)
    {
        // chi_Sym2(g) = (chi(g)^2 + chi(g^2))/2 and chi_Lambda2(g) = (chi(g)^2 - chi(g^2))/2, here over Q(zeta_4).
        var elements = ConstructionTestSupport.BinaryTetrahedral;
        var g = elements[index.Get % elements.Count];
        var chi = g.Trace();
        var chiSquare = (g * g).Trace();
        var half = g.Field.FromRational(Rational.Create(1, 2));
        Assert.Equal((chi * chi + chiSquare) * half, MatrixConstructions.SymmetricPower(g, 2).Trace());
        Assert.Equal((chi * chi - chiSquare) * half, MatrixConstructions.ExteriorPower(g, 2).Trace());
        return true;
    }

    [Property(MaxTest = 30)]
    public bool SymmetricSquareOfTensorProductDecomposes(NonNegativeInt first, NonNegativeInt second)
    {
        // Sym2(V * W) = Sym2 V * Sym2 W + Lambda2 V * Lambda2 W, compared through characters.
        var g = ConstructionTestSupport.S4[first.Get % 24];
        var h = ConstructionTestSupport.Oh[second.Get % 48];
        var lhs = MatrixConstructions.SymmetricPower(MatrixConstructions.KroneckerProduct(g, h), 2).Trace();
        var rhs = MatrixConstructions.SymmetricPower(g, 2).Trace() * MatrixConstructions.SymmetricPower(h, 2).Trace()
            + MatrixConstructions.ExteriorPower(g, 2).Trace() * MatrixConstructions.ExteriorPower(h, 2).Trace();
        Assert.Equal(rhs, lhs);
        return true;
    }

    [Property(MaxTest = 40)]
    public bool DualHasConjugateCharacter(NonNegativeInt index)
    {
        var elements = ConstructionTestSupport.BinaryTetrahedral;
        var g = elements[index.Get % elements.Count];
        Assert.Equal(g.Field.Conjugate(g.Trace()), MatrixConstructions.Dual(g).Trace());
        return true;
    }

    [Fact]
    public void BlockPermutationMovesParticles()
    {
        // Particle 0 (coordinates 0, 1) moves to position 1 (coordinates 2, 3).
        var p = MatrixConstructions.BlockPermutation(Q, [1, 0], 2);
        var x = new Rational[] { 1, 2, 3, 4 };
        Assert.Equal(new Rational[] { 3, 4, 1, 2 }, p.Multiply(x));
        Assert.Throws<ArgumentException>(() => MatrixConstructions.BlockPermutation(Q, [0, 0], 2));
    }

    [Fact]
    public void PairOverDifferentFieldsIsRejected()
    {
        var a = Matrix.Identity(Q, 2);
        var b = Matrix.Identity(CyclotomicField.Get(4), 2);
        var rationalAsCyclotomic = Matrix.Identity(CyclotomicField.Get(3), 2);
        Assert.Throws<ArgumentException>(() => MatrixConstructions.DirectSum(b, rationalAsCyclotomic));
        Assert.Throws<ArgumentException>(() => MatrixConstructions.SymmetricPower(Matrix.Zero(Q, 2, 3), 2));
        Assert.Equal(4, MatrixConstructions.DirectSum(a, a).RowCount);
    }
}
