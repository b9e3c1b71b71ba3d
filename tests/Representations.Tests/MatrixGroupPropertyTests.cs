using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Tests;

/// <summary>
/// Properties of random small groups: products of signed permutation matrices (subgroups of W(B_n), n &lt;= 4)
/// and permutation groups of degree &lt;= 5.
/// </summary>
public sealed class MatrixGroupPropertyTests
{
    private static readonly RationalField Q = RationalField.Instance;

    [Property(MaxTest = 60)]
    public Property ClosedUnderProductsAndInverses() =>
        Prop.ForAll(RandomGroups().ToArbitrary(), generators =>
        {
            var group = new MatrixGroup<Rational>(Q, generators);
            var elements = group.Elements;
            var random = new Random(elements.Count);
            foreach (var x in elements)
            {
                Assert.True(group.Contains(x.Inverse()));
                var y = elements[random.Next(elements.Count)];
                Assert.True(group.Contains(x * y));
            }

            Assert.Equal(elements.Count, elements.Distinct().Count());
        });

    [Property(MaxTest = 60)]
    public Property ClassSizesAndOrdersDivideGroupOrder() =>
        Prop.ForAll(RandomGroups().ToArbitrary(), generators =>
        {
            var group = new MatrixGroup<Rational>(Q, generators);
            var order = group.Order;
            var classes = group.ConjugacyClasses;
            Assert.Equal(order, classes.Aggregate(BigInteger.Zero, (sum, c) => sum + c.Size));
            Assert.All(classes, c => Assert.Equal(BigInteger.Zero, order % c.Size));
            Assert.All(classes, c => Assert.Equal(BigInteger.Zero, order % c.ElementOrder));
            Assert.All(classes, c => Assert.True(c.Representative.Power((int)c.ElementOrder).IsIdentity));
            Assert.Equal(BigInteger.Zero, order % group.Exponent);

            // Each element lies in exactly one class, and conjugate elements share a class.
            foreach (var x in group.Elements)
            {
                var conjugate = generators[0] * x * generators[0].Inverse();
                Assert.Equal(group.ClassIndexOf(x), group.ClassIndexOf(conjugate));
            }
        });

    [Property(MaxTest = 25)]
    public Property MolienCoefficientsCountInvariants() =>
        Prop.ForAll(RandomGroups(maxDimension: 4).ToArbitrary(), generators =>
        {
            var group = new MatrixGroup<Rational>(Q, generators);
            var coefficients = group.MolienSeries().Coefficients(4);
            for (int degree = 0; degree <= 4; degree++)
            {
                Assert.Equal(BruteForceInvariants.Count(Q, generators, degree), (int)coefficients[degree]);
            }
        });

    // Either one to three random signed permutation matrices of size 1..maxDimension, or one to three random
    // permutations of degree 1..5, as matrices.
    private static Gen<Matrix<Rational>[]> RandomGroups(int maxDimension = 4) =>
        from signed in Gen.Elements(true, false)
        from n in Gen.Choose(1, signed ? maxDimension : Math.Min(5, maxDimension + 1))
        from count in Gen.Choose(1, 3)
        from matrices in Gen.ArrayOf(signed ? SignedPermutation(n) : Permutation(n), count)
        select matrices;

    private static Gen<Matrix<Rational>> Permutation(int n) =>
        Gen.Shuffle(Enumerable.Range(1, n).ToArray())
            .Select(images => PermutationGroups.PermutationMatrix(Q, images));

    private static Gen<Matrix<Rational>> SignedPermutation(int n) =>
        from images in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        from signs in Gen.ArrayOf(Gen.Elements(1, -1), n)
        select Matrix.FromFunction(Q, n, n, (i, j) => images[j] == i ? (Rational)signs[j] : Rational.Zero);
}
