using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;
using InvTheory.Runtime.Autodiff;
using InvTheory.Runtime.Evaluation;
using InvTheory.Runtime.Models;

namespace InvTheory.Testing.Tests;

public sealed class EquivarianceTests
{
    private static readonly SymmetryGroup O3 = SymmetryGroup.Orthogonal(3);

    private static readonly Representation TwoVectors = Representation.Copies(Representation.Vector, 2);

    /// <summary>|x|^2 + x.y for x, y in R^3: a polynomial in inner products, so O(3)-invariant [Wey39, Ch. II].</summary>
    private static double NormPlusInnerProduct(double[] v) =>
        v[0] * v[0] + v[1] * v[1] + v[2] * v[2] + v[0] * v[3] + v[1] * v[4] + v[2] * v[5];

    /// <summary>The cross product x × y, a pseudovector: (gx) × (gy) = det(g) g (x × y) for orthogonal g.</summary>
    private static double[] Cross(double[] v) =>
        [v[1] * v[5] - v[2] * v[4], v[2] * v[3] - v[0] * v[5], v[0] * v[4] - v[1] * v[3]];

    /// <summary>
    /// The Oh-equivariant maps R^3 -&gt; R^3 of degrees 1 and 3 computed by the equivariant solver (the map
    /// <c>invtheory equivariants Oh --in V --out V</c> prints), compiled for double-precision evaluation.
    /// </summary>
    private static readonly Lazy<CompiledBasis> OhEquivariants = new(() =>
    {
        var group = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get("Oh"), RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
        var maps = space.OfDegree(1).Concat(space.OfDegree(3)).ToList();
        return new CompiledBasis(PolynomialBasis.ToFloat64Basis(maps.Select(m => m.Components).ToList()));
    });

    /// <summary>f(x) = sum_k c_k E_k(x) over the Oh-equivariant basis, with fixed coefficients c_k = 1, -1/2, 1/3, ...</summary>
    private static double[] OhModel(double[] x)
    {
        var basis = OhEquivariants.Value;
        var values = new double[basis.OutputCount];
        basis.Evaluate(x, 1, values);
        var result = new double[3];
        for (int k = 0; k < basis.OutputCount / 3; k++)
        {
            double c = (k % 2 == 0 ? 1.0 : -1.0) / (k + 1);
            for (int i = 0; i < 3; i++)
            {
                result[i] += c * values[basis.OutputOffset(k) + i];
            }
        }

        return result;
    }

    [Fact]
    public void OhBasisHasExpectedDimension()
    {
        // V -> V equivariants of Oh: degree 1 is spanned by x, degree 3 by |x|^2 x and (x1^3, x2^3, x3^3), because
        // the cubic equivariants are the gradients of the quartic invariants |x|^4 and x1^4 + x2^4 + x3^4.
        Assert.Equal(9, OhEquivariants.Value.OutputCount);
    }

    [Property(MaxTest = 50)]
    public Property InnerProductModelIsInvariant() =>
        Invariance.Holds(NormPlusInnerProduct, O3, TwoVectors);

    [Property(MaxTest = 50)]
    public Property OhModelIsEquivariant() =>
        Equivariance.Holds(OhModel, SymmetryGroup.Parse("Oh"), Representation.Vector, Representation.Vector);

    [Property(MaxTest = 50)]
    public Property CrossProductIsPseudovector() =>
        Equivariance.Holds(Cross, O3, TwoVectors, Representation.Pseudovector);

    [Fact]
    public void CompiledBasisModelPassesCheck()
    {
        // An equivariant MLP: an MLP of |x|^2 gives the coefficients of x and |x|^2 x.
        var model = EquivariantMlp(InnerProductBasis.InnerProducts(1, 3));
        var result = Equivariance.Check(x => Predict(model, x), O3, Representation.Vector, Representation.Vector);
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(100, result.Trials);
        Assert.InRange(result.MaxError, 0, 1e-12);
    }

    [Fact]
    public void CompiledBasisModelWithBrokenFeatureFails()
    {
        // The same model with the feature x1 in place of |x|^2: the coefficients now depend on the orientation.
        var broken = new Float64Basis(3, [Float64BasisElement.Scalar([new Float64Term(1.0, [1, 0, 0])])]);
        var model = EquivariantMlp(broken);
        var result = Equivariance.Check(x => Predict(model, x), O3, Representation.Vector, Representation.Vector);
        Assert.False(result.Passed);
        Assert.Equal(1, result.Trials);
        Assert.True(result.Shrunk!.Error > result.Tolerance);
    }

    [Fact]
    public void FirstCoordinateShrinksToUnitVector()
    {
        // f(x) = x1 is not O(3)-invariant. Zeroing entries keeps the failure until one coordinate is left, and the
        // shrinker stops entries at magnitude 1, so the minimal input is a signed unit vector.
        var result = Invariance.Check(x => x[0], O3, Representation.Vector);
        Assert.False(result.Passed);
        var input = result.Shrunk!.Input;
        Assert.Equal(1, input.Count(v => v != 0));
        Assert.Equal(1.0, input.Single(v => v != 0));
        Assert.Equal(GroupElement.ShrinkKind.Simple, result.Shrunk.Element.Kind);
        Assert.True(result.Shrunk.Error >= 1, $"error {result.Shrunk.Error}");
    }

    [Fact]
    public void CrossProductAsVectorShrinksToReflection()
    {
        // x × y is a pseudovector: it fails as a vector exactly on the reflections, and the first simple element of
        // O(3) after the identity is the reflection diag(-1, 1, 1).
        var result = Equivariance.Check(Cross, O3, TwoVectors, Representation.Vector);
        Assert.False(result.Passed);
        Assert.StartsWith("reflection", result.Shrunk!.Element.Description);
        Assert.All(result.Shrunk.Input, v => Assert.Contains(v, new[] { -1.0, 0.0, 1.0 }));
        Assert.Equal(2, result.Shrunk.Input.Count(v => v != 0));
    }

    [Fact]
    public void BrokenOhModelFailsWithSmallCounterexample()
    {
        // Adding (x1^2, 0, 0) breaks Oh-equivariance: x -> -x maps it to itself, while a vector changes sign.
        var result = Equivariance.Check(x => Add(OhModel(x), [x[0] * x[0], 0, 0]), SymmetryGroup.Parse("Oh"), Representation.Vector, Representation.Vector);
        Assert.False(result.Passed);
        Assert.All(result.Shrunk!.Input, v => Assert.True(v == Math.Round(v) && Math.Abs(v) <= 1, $"entry {v}"));
        Assert.Contains(result.Shrunk.Input, v => v != 0);
        Assert.True(result.Shrunk.Element.Index <= result.FirstFailure!.Element.Index);
    }

    [Fact]
    public void OhModelIsNotRotationEquivariant()
    {
        // (x1^3, x2^3, x3^3) is invariant under Oh but not under O(3), so the check for O(3) must fail.
        var result = Equivariance.Check(OhModel, O3, Representation.Vector, Representation.Vector);
        Assert.False(result.Passed);
    }

    [Fact]
    public void AnisotropicForceIsOnlyTetragonal()
    {
        // The example of docs/testing.md: weighting the z component of d = x - y breaks O(3) but keeps D4h, whose
        // elements permute x1 and x2 and change signs, so they preserve d1^2 + d2^2 + 2 d3^2.
        var positions = Representation.Copies(Representation.Vector, 2);
        var result = Equivariance.Check(AnisotropicForce, O3, positions, Representation.Vector);
        Assert.False(result.Passed);
        Assert.Equal([0.0, 0, 0, 0, 0, 1], result.Shrunk!.Input);
        Assert.StartsWith("quarter turn taking axis 1 to axis 3", result.Shrunk.Element.Description);

        var tetragonal = Equivariance.Check(AnisotropicForce, SymmetryGroup.Parse("D4h"), positions, Representation.Vector);
        Assert.True(tetragonal.Passed, tetragonal.ToString());
    }

    [Fact]
    public void MinkowskiNormIsLorentzInvariant()
    {
        var lorentz = SymmetryGroup.Lorentz(4);
        var result = Invariance.Check(x => x[0] * x[0] - x[1] * x[1] - x[2] * x[2] - x[3] * x[3], lorentz, Representation.Vector);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void EuclideanNormFailsUnderBoosts()
    {
        // Parity, time reversal and rotations keep t^2 + |x|^2; only boosts change it, so the shrunk element is a boost.
        var lorentz = SymmetryGroup.Lorentz(4);
        var result = Invariance.Check(x => x.Sum(v => v * v), lorentz, Representation.Vector);
        Assert.False(result.Passed);
        Assert.StartsWith("boost along axis", result.Shrunk!.Element.Description);
        Assert.Equal(1, result.Shrunk.Input.Count(v => v != 0));
    }

    [Fact]
    public void ParticleSumIsPermutationInvariant()
    {
        var group = SymmetryGroup.SpecialOrthogonal(3).WithParticlePermutations(3);
        var particles = Representation.Particles(Representation.Vector, 3);
        var result = Invariance.Check(SumOfSquaredDistances, group, particles);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void FirstParticleNormShrinksToTransposition()
    {
        // |x_1|^2 is rotation invariant but depends on which particle comes first.
        var group = SymmetryGroup.SpecialOrthogonal(3).WithParticlePermutations(3);
        var particles = Representation.Particles(Representation.Vector, 3);
        var result = Invariance.Check(x => x[0] * x[0] + x[1] * x[1] + x[2] * x[2], group, particles);
        Assert.False(result.Passed);
        var p = result.Shrunk!.Element.Permutation;
        Assert.Equal(2, Enumerable.Range(0, 3).Count(j => p[j] != j));
        Assert.Equal("identity", result.Shrunk.Element.Description);
        Assert.Equal(1, result.Shrunk.Input.Count(v => v != 0));
    }

    [Fact]
    public void CheckIsDeterministicForSeed()
    {
        var options = new EquivarianceOptions { Seed = 7 };
        var first = Invariance.Check(x => x[0] + 0.5 * x[1], O3, Representation.Vector, options);
        var second = Invariance.Check(x => x[0] + 0.5 * x[1], O3, Representation.Vector, options);
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(first.FirstFailure!.Input, second.FirstFailure!.Input);
    }

    [Fact]
    public void HoldsReportsShrunkCounterexample()
    {
        var property = Invariance.Holds(x => x[0], O3, Representation.Vector);
        var error = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), property));
        Assert.Contains("Falsifiable", error.Message);
        Assert.Contains("relative error", error.Message);
        Assert.Contains("x = [", error.Message);
    }

    [Fact]
    public void WrongOutputLengthIsReported()
    {
        var error = Assert.Throws<ArgumentException>(() => Equivariance.Check(x => [x[0]], O3, Representation.Vector, Representation.Vector));
        Assert.Contains("returned 1 values", error.Message);
        Assert.Contains("dimension 3", error.Message);
    }

    [Fact]
    public void NonFiniteOutputFails()
    {
        var result = Invariance.Check(x => x[0] > 0 ? double.NaN : 1.0, O3, Representation.Vector);
        Assert.False(result.Passed);
        Assert.Equal(double.PositiveInfinity, result.FirstFailure!.Error);
    }

    [Fact]
    public void RelativeErrorUsesOutputScale()
    {
        // f(x) = 10 x1 at x = e1 under the reflection diag(-1, 1, 1): |(-10) - 10| / max(1, 10) = 2.
        var reflection = new GroupElement(Diagonal(-1, 1, 1), "reflection");
        double error = Equivariance.RelativeError(x => [10 * x[0]], reflection, [1.0, 0, 0], Representation.Vector, Representation.Scalar);
        Assert.Equal(2.0, error, 14);
    }

    private static double SumOfSquaredDistances(double[] x)
    {
        double sum = 0;
        for (int a = 0; a < 3; a++)
        {
            for (int b = a + 1; b < 3; b++)
            {
                for (int c = 0; c < 3; c++)
                {
                    sum += (x[3 * a + c] - x[3 * b + c]) * (x[3 * a + c] - x[3 * b + c]);
                }
            }
        }

        return sum;
    }

    private static double[] AnisotropicForce(double[] v)
    {
        double[] d = [v[0] - v[3], v[1] - v[4], v[2] - v[5]];
        double scale = 1 / (1 + d[0] * d[0] + d[1] * d[1] + 2 * d[2] * d[2]);
        return [scale * d[0], scale * d[1], scale * d[2]];
    }

    private static double[] Add(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private static EquivariantModel EquivariantMlp(Float64Basis features)
    {
        var cubic = new Float64Basis(3, [
            InnerProductBasis.Vectors(1, 3).Elements[0],
            new Float64BasisElement(Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, 3).Select(c =>
            {
                var e = new int[3];
                e[c] += 2;
                e[k] += 1;
                return new Float64Term(1.0, e);
            }))),
        ]);
        return new EquivariantModel(features, cubic, 1, [8, 8], ElementwiseFunction.Tanh, new DeterministicRandom(5));
    }

    private static double[] Predict(EquivariantModel model, double[] x)
    {
        var output = new double[3];
        model.Predict(x, 1, output);
        return output;
    }

    private static RealMatrix Diagonal(params double[] entries) =>
        RealMatrix.FromFunction(entries.Length, entries.Length, (i, j) => i == j ? entries[i] : 0);
}
