using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Rings;

/// <summary>FsCheck generators of polynomials, scalars and matrices with bounded sizes.</summary>
internal static class PolynomialGenerators
{
    public static readonly RationalField Q = RationalField.Instance;

    public static readonly PrimeField GF32003 = PrimeField.Get(32003);

    /// <summary>The Mersenne prime 2^31 - 1, the largest prime of the small-prime product kernel.</summary>
    public static readonly PrimeField GF2147483647 = PrimeField.Get(2147483647);

    /// <summary>The Mersenne prime 2^61 - 1, above the limit of the small-prime product kernel.</summary>
    public static readonly PrimeField GFMersenne61 = PrimeField.Get((1UL << 61) - 1);

    /// <summary>The orders every property runs under.</summary>
    public static readonly MonomialOrder[] Orders =
    [
        MonomialOrder.Lex,
        MonomialOrder.GradedLex,
        MonomialOrder.GradedReverseLex,
        MonomialOrder.WeightedDegree([1, 2, 3]),
        MonomialOrder.Block(MonomialOrder.GradedReverseLex, 1, MonomialOrder.Lex),
    ];

    /// <summary>Q[x,y,z] under one of <see cref="Orders"/>.</summary>
    public static Gen<PolynomialRing<Rational>> RingQ3 =>
        Gen.Elements(Orders).Select(o => new PolynomialRing<Rational>(Q, ["x", "y", "z"], o));

    /// <summary>Integers in [-9, 9].</summary>
    public static Gen<Rational> SmallInteger => Gen.Choose(-9, 9).Select(i => (Rational)i);

    /// <summary>Fractions n/d with |n| &lt;= 9 and 1 &lt;= d &lt;= 4.</summary>
    public static Gen<Rational> SmallRational =>
        from n in Gen.Choose(-9, 9)
        from d in Gen.Choose(1, 4)
        select Rational.Create(n, d);

    /// <summary>Integers of about 40 bits, so that products need 128-bit sums.</summary>
    public static Gen<Rational> LargeInteger =>
        from high in Gen.Choose(-(1 << 20), 1 << 20)
        from low in Gen.Choose(0, 1 << 20)
        select (Rational)(((long)high << 20) + low);

    /// <summary>Integers near 2^62 and fractions with such numerators, beyond every machine-word kernel.</summary>
    public static Gen<Rational> HugeRational =>
        from high in Gen.Choose(1 << 29, int.MaxValue)
        from sign in Gen.Elements(-1, 1)
        from d in Gen.Choose(1, 3)
        select Rational.Create(sign * ((BigInteger)high << 33) + 1, d);

    /// <summary>Elements of Q(zeta_n) with small rational coordinates, about half of them zero, in the power basis.</summary>
    public static Gen<CyclotomicNumber> Cyclotomic(CyclotomicField field) =>
        Gen.ArrayOf(Gen.Frequency((1, SmallRational), (1, Gen.Constant(Rational.Zero))), field.Degree)
            .Select(c => field.FromCoefficients(c));

    public static Gen<ModInt> Residue(PrimeField field) =>
        from high in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        select field.FromInteger(((BigInteger)high << 31) + low);

    /// <summary>Up to <paramref name="maxTerms"/> terms with exponents 0..<paramref name="maxExponent"/>.</summary>
    public static Gen<Polynomial<T>> Sparse<T>(PolynomialRing<T> ring, int maxTerms, int maxExponent, Gen<T> coefficient)
        where T : struct, IFieldElement<T> =>
        from count in Gen.Choose(0, maxTerms)
        from exponents in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, maxExponent), ring.VariableCount), count)
        from coefficients in Gen.ArrayOf(coefficient, count)
        select ring.FromTerms(coefficients.Zip(exponents, (c, e) => (c, Monomial.FromExponents(e))));

    /// <summary>About three quarters of the monomials of degree at most d, for a random d &lt;= <paramref name="maxDegree"/>.</summary>
    public static Gen<Polynomial<T>> Dense<T>(PolynomialRing<T> ring, int maxDegree, Gen<T> coefficient)
        where T : struct, IFieldElement<T> =>
        from degree in Gen.Choose(0, maxDegree)
        let monomials = Enumerable.Range(0, degree + 1).SelectMany(ring.MonomialsOfDegree).ToArray()
        from keep in Gen.ArrayOf(Gen.Choose(0, 3), monomials.Length)
        from coefficients in Gen.ArrayOf(coefficient, monomials.Length)
        select ring.FromTerms(monomials.Select((m, i) => (keep[i] == 0 ? default : coefficients[i], m)));

    /// <summary>A square matrix with entries from <paramref name="entry"/>.</summary>
    public static Gen<T[][]> Matrix<T>(int size, Gen<T> entry) =>
        Gen.ArrayOf(Gen.ArrayOf(entry, size), size);

    /// <summary>Converts rows to the form <see cref="Polynomial{T}.LinearChange(IReadOnlyList{IReadOnlyList{T}})"/> takes.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Rows<T>(T[][] matrix) => matrix;

    /// <summary>Returns the matrix product a * b.</summary>
    public static T[][] Multiply<T>(T[][] a, T[][] b)
        where T : struct, IFieldElement<T>
    {
        int n = a.Length;
        var c = new T[n][];
        for (int i = 0; i < n; i++)
        {
            c[i] = new T[n];
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }

        return c;
    }
}
