using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Tests.Classical;

public sealed class TensorRepresentationTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string group in new[] { "O(3)", "O(1,3)" })
        {
            foreach (string representation in new[] { "vector", "pseudovector", "T2", "T3", "Sym2", "Lambda2", "pseudoscalar" })
            {
                data.Add(group, representation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LieAlgebraActionIsDerivativeOfGroupAction(string groupName, string representationName)
    {
        // d/dt rho(exp(tX)) at t = 0 by the central difference with t = 1e-5 (error about t^2 = 1e-10).
        var group = ClassicalGroup.Parse(groupName);
        var representation = Representation(representationName);
        const double t = 1e-5;
        foreach (var x in group.LieAlgebraBasis)
        {
            var real = RealMatrix.FromExact(x);
            var plus = representation.GroupAction((t * real).Exp());
            var minus = representation.GroupAction((-t * real).Exp());
            var numeric = (1 / (2 * t)) * (plus - minus);
            var exact = RealMatrix.FromExact(representation.LieAlgebraAction(x));
            Assert.True((numeric - exact).MaxAbs() < 1e-7, $"{groupName} {representationName}: difference {(numeric - exact).MaxAbs()}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LieAlgebraActionIsHomomorphism(string groupName, string representationName)
    {
        var group = ClassicalGroup.Parse(groupName);
        var representation = Representation(representationName);
        var basis = group.LieAlgebraBasis;
        var images = group.LieAlgebraBasisIn(representation);
        for (int a = 0; a < basis.Count; a++)
        {
            for (int b = 0; b < basis.Count; b++)
            {
                var bracket = basis[a] * basis[b] - basis[b] * basis[a];
                Assert.Equal(representation.LieAlgebraAction(bracket), images[a] * images[b] - images[b] * images[a]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SampledGroupActionIsHomomorphism(string groupName, string representationName)
    {
        var group = ClassicalGroup.Parse(groupName);
        var representation = Representation(representationName);
        var sampler = new ClassicalGroupSampler(group, seed: 13, rapidityScale: 0.5);
        for (int k = 0; k < 10; k++)
        {
            var g = sampler.Next();
            var h = sampler.Next();
            var lhs = representation.GroupAction(g * h);
            var rhs = representation.GroupAction(g) * representation.GroupAction(h);
            Assert.True((lhs - rhs).MaxAbs() < 1e-9 * Math.Max(1, lhs.MaxAbs()), $"difference {(lhs - rhs).MaxAbs()}");
        }
    }

    [Fact]
    public void RankTwoTensorActsAsKroneckerSquare()
    {
        var sampler = new ClassicalGroupSampler(ClassicalGroup.Orthogonal(3), seed: 2);
        var g = sampler.Next();
        var action = TensorRepresentation.Tensor(2).GroupAction(g);
        for (int i = 0; i < 9; i++)
        {
            for (int j = 0; j < 9; j++)
            {
                Assert.Equal(g[i / 3, j / 3] * g[i % 3, j % 3], action[i, j], 12);
            }
        }
    }

    [Fact]
    public void SymmetricTensorActsAsCongruence()
    {
        // T -> g T g^T on the coordinates (T11, T12, T13, T22, T23, T33).
        var g = new ClassicalGroupSampler(ClassicalGroup.SpecialOrthogonal(3), seed: 4).Next();
        double[,] t = { { 1, 2, 3 }, { 2, 5, 7 }, { 3, 7, -1 } };
        var tensor = RealMatrix.FromFunction(3, 3, (i, j) => t[i, j]);
        var transformed = g * tensor * g.Transpose();
        int[][] pairs = [[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 2]];
        var coordinates = pairs.Select(p => t[p[0], p[1]]).ToArray();
        var image = TensorRepresentation.SymmetricTensor.GroupAction(g).Multiply(coordinates);
        for (int k = 0; k < pairs.Length; k++)
        {
            Assert.Equal(transformed[pairs[k][0], pairs[k][1]], image[k], 12);
        }
    }

    [Fact]
    public void PseudovectorDiffersFromVectorOnlyOffIdentityComponent()
    {
        var group = ClassicalGroup.Orthogonal(3);
        var reflection = group.ComponentGenerators[0];
        Assert.Equal(-TensorRepresentation.Vector.GroupAction(reflection), TensorRepresentation.Pseudovector.GroupAction(reflection));
        foreach (var x in group.LieAlgebraBasis)
        {
            Assert.Equal(TensorRepresentation.Vector.LieAlgebraAction(x), TensorRepresentation.Pseudovector.LieAlgebraAction(x));
        }
    }

    [Theory]
    [InlineData(0, 3, 1)]
    [InlineData(1, 3, 3)]
    [InlineData(2, 3, 9)]
    [InlineData(3, 4, 64)]
    public void RankKTensorHasDimensionDToTheK(int k, int d, int dimension)
    {
        Assert.Equal(dimension, TensorRepresentation.Tensor(k).Dimension(d));
    }

    private static TensorRepresentation Representation(string name) => name switch
    {
        "vector" => TensorRepresentation.Vector,
        "pseudovector" => TensorRepresentation.Pseudovector,
        "pseudoscalar" => TensorRepresentation.Pseudoscalar,
        "Sym2" => TensorRepresentation.SymmetricTensor,
        "Lambda2" => TensorRepresentation.AntisymmetricTensor,
        "T2" => TensorRepresentation.Tensor(2),
        "T3" => TensorRepresentation.Tensor(3),
        _ => TensorRepresentation.FromExpression(RepresentationExpression.Parse(name)),
    };
}
