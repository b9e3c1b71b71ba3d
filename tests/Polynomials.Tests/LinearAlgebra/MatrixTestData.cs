using FsCheck;
using FsCheck.Fluent;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.LinearAlgebra;

/// <summary>Builders and generators of test matrices.</summary>
internal static class MatrixTestData
{
    public static readonly RationalField Q = RationalField.Instance;

    /// <summary>Parses a rational matrix written as rows of strings such as "1/2".</summary>
    public static Matrix<Rational> Rationals(params string[][] rows) =>
        Matrix.Create(Q, rows.Select(r => (IReadOnlyList<Rational>)r.Select(Rational.Parse).ToArray()).ToArray());

    /// <summary>Builds a rational matrix from integer rows.</summary>
    public static Matrix<Rational> Integers(params long[][] rows) =>
        Matrix.Create(Q, rows.Select(r => (IReadOnlyList<Rational>)r.Select(x => (Rational)x).ToArray()).ToArray());

    /// <summary>Builds a matrix over GF(p) from integer rows.</summary>
    public static Matrix<ModInt> Modular(ulong p, params long[][] rows)
    {
        var field = PrimeField.Get(p);
        return Matrix.Create(field, rows.Select(r => (IReadOnlyList<ModInt>)r.Select(x => field.FromInteger(x)).ToArray()).ToArray());
    }

    /// <summary>Generates a rows x columns matrix with entries from <paramref name="entry"/>.</summary>
    public static Gen<Matrix<T>> MatrixOf<T>(Field<T> field, int rows, int columns, Gen<T> entry)
        where T : struct, IFieldElement<T> =>
        Gen.ArrayOf(entry, rows * columns).Select(e => Matrix.FromRowMajor(field, rows, columns, e));

    /// <summary>Small rationals: numerators in [-6, 6], denominators in [1, 4], and zero one time in three.</summary>
    public static Gen<Rational> SmallRational { get; } =
        Gen.Frequency(
            (1, Gen.Constant(Rational.Zero)),
            (2, Gen.Choose(-6, 6).SelectMany(n => Gen.Choose(1, 4).Select(d => Rational.Create(n, d)))));

    /// <summary>Uniform elements of GF(p).</summary>
    public static Gen<ModInt> ModularEntry(ulong p) =>
        Gen.Choose(0, (int)Math.Min(p - 1, int.MaxValue - 1)).Select(x => PrimeField.Get(p).FromResidue((ulong)x));

    /// <summary>Generates a shape (rows, columns) with both in [lo, hi].</summary>
    public static Gen<(int Rows, int Columns)> Shape(int lo, int hi) =>
        Gen.Choose(lo, hi).SelectMany(r => Gen.Choose(lo, hi).Select(c => (r, c)));

    /// <summary>
    /// Generates a rows x columns rational matrix of rank at most <paramref name="maxRank"/> as a product of random
    /// rows x r and r x columns factors, so that singular matrices appear often.
    /// </summary>
    public static Gen<Matrix<Rational>> LowRankRational(int rows, int columns, int maxRank) =>
        Gen.Choose(0, maxRank).SelectMany(r =>
            MatrixOf(Q, rows, r, SmallRational).SelectMany(left =>
                MatrixOf(Q, r, columns, SmallRational).Select(right => left * right)));

    /// <summary>Generates a small rational matrix: half the time of full random entries, half the time of low rank.</summary>
    public static Gen<Matrix<Rational>> SmallRationalMatrix(int maxSize) =>
        Shape(1, maxSize).SelectMany(s => Gen.OneOf(
            MatrixOf(Q, s.Rows, s.Columns, SmallRational),
            LowRankRational(s.Rows, s.Columns, Math.Min(s.Rows, s.Columns))));

    /// <summary>Generates a small square rational matrix.</summary>
    public static Gen<Matrix<Rational>> SquareRationalMatrix(int maxSize) =>
        Gen.Choose(0, maxSize).SelectMany(n => Gen.OneOf(
            MatrixOf(Q, n, n, SmallRational),
            LowRankRational(n, n, n)));
}
