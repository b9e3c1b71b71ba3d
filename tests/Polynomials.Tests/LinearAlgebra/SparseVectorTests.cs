using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using static InvTheory.Polynomials.Tests.LinearAlgebra.MatrixTestData;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

public sealed class SparseVectorTests
{
    [Fact]
    public void CreateAddsDuplicatesDropsZeros()
    {
        // Duplicate columns are added and zeros dropped.
        var v = SparseVector.Create(new[] { Entry(4, 1), Entry(2, 3), Entry(4, -1), Entry(9, 0) });
        Assert.Equal([2], v.Indices);
        Assert.Equal(new Rational[] { 3 }, v.Values);
        Assert.Equal(Rational.Zero, v[4]);
        Assert.Equal("{2: 3}", v.ToString());
        Assert.Equal(v, SparseVector.FromDense(new Rational[] { 0, 0, 3 }));
        Assert.True((v - v).IsZero);
        Assert.Throws<ArgumentException>(() => SparseVector.FromSorted(new[] { 3, 3 }, new Rational[] { 1, 1 }));
    }

    [Fact]
    public void ModularSubtractionUsesFieldElements()
    {
        // Subtraction over GF(p) must not negate the prime-free one of ModInt, which has no negative.
        var field = PrimeField.Get(5);
        var v = SparseVector.FromDense(new[] { field.FromInteger(1), field.FromInteger(2) });
        var w = SparseVector.FromDense(new[] { field.FromInteger(3), field.FromInteger(2) });
        Assert.Equal(SparseVector.FromDense(new[] { field.FromInteger(3), field.FromInteger(0) }), v - w);
        Assert.Equal(SparseVector.FromDense(new[] { field.FromInteger(4), field.FromInteger(4) }), v + w);
    }

    [Property(MaxTest = 100)]
    public Property ArithmeticMatchesDense() =>
        Prop.ForAll(
            Gen.Choose(0, 8).SelectMany(n => Gen.Two(Gen.ArrayOf(SmallRational, n)).SelectMany(pair => SmallRational.Select(c => (pair.Item1, pair.Item2, c)))).ToArbitrary(),
            triple =>
            {
                var (x, y, c) = triple;
                var sum = SparseVector.FromDense(x).AddScaled(SparseVector.FromDense(y), c);
                var expected = x.Zip(y, (a, b) => a + c * b).ToArray();
                var dot = x.Zip(y, (a, b) => a * b).Aggregate(Rational.Zero, (s, t) => s + t);
                return sum.ToDense(x.Length).SequenceEqual(expected)
                    && SparseVector.FromDense(x).Dot(SparseVector.FromDense(y)) == dot
                    && (SparseVector.FromDense(x) - SparseVector.FromDense(x)).IsZero;
            });

    private static KeyValuePair<int, Rational> Entry(int column, long value) => new(column, value);
}
