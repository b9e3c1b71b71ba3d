using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Tests.Scalars;

/// <summary>Three elements of GF(p) with their prime.</summary>
public sealed record PrimeFieldSample(ulong Prime, ModInt A, ModInt B, ModInt C);

/// <summary>Three elements of Q(zeta_n) (some of them field-less rational constants) with n.</summary>
public sealed record CyclotomicSample(int Order, CyclotomicNumber A, CyclotomicNumber B, CyclotomicNumber C)
{
    /// <summary>The field Q(zeta_n) the sample is drawn from.</summary>
    public CyclotomicField Field => CyclotomicField.Get(Order);
}

/// <summary>FsCheck generators for the exact scalar types, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class ScalarArbitraries
{
    /// <summary>The primes the GF(p) properties run over: small ones, 2^16 - 15, 2^31 - 1, the first prime above 2^32 and the largest prime below 2^62 (both checked with GAP's IsPrimeInt).</summary>
    public static readonly ulong[] Primes = [2, 3, 7, 65521, 2147483647, 4294967311, 4611686018427387847];

    /// <summary>The orders n of the cyclotomic fields the properties run over.</summary>
    public static readonly int[] Orders = [3, 4, 5, 7, 8, 9, 12, 15, 16, 20];

    // Values at the edges of the 64-bit inline representation of Rational.
    private static readonly long[] EdgeLongs =
    [
        0, 1, -1, 2, -2, 3, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1,
        1L << 62, -(1L << 62), (1L << 53) + 1, 4_294_967_297, 3_037_000_499, -3_037_000_499,
    ];

    /// <summary>Uniform 64-bit integers.</summary>
    public static Gen<long> AnyLong { get; } =
        Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(int.MinValue, int.MaxValue), (high, low) => ((long)high << 32) | (uint)low);

    /// <summary>Small fractions n/d with |n| &lt;= 30 and d &lt;= 12.</summary>
    public static Gen<Rational> SmallRational { get; } =
        Gen.Choose(-30, 30).Zip(Gen.Choose(1, 12), (n, d) => Rational.Create(n, d));

    /// <summary>Fractions whose numerator and denominator are near or at the 64-bit limits, so sums and products leave the inline form.</summary>
    public static Gen<Rational> BoundaryRational { get; } =
        WideLong().Zip(WideLong().Where(d => d != 0), (n, d) => Rational.Create(n, d));

    /// <summary>Fractions with numerator and denominator of 64 to 256 bits.</summary>
    public static Gen<Rational> HugeRational { get; } =
        HugeInteger().Zip(HugeInteger().Where(d => !d.IsZero), Rational.Create);

    /// <summary>A mix of small, boundary and huge fractions.</summary>
    public static Gen<Rational> AnyRational { get; } =
        Gen.Frequency((4, SmallRational), (3, BoundaryRational), (2, HugeRational));

    /// <summary>Rational numbers from <see cref="AnyRational"/>.</summary>
    public static Arbitrary<Rational> RationalArbitrary() => Arb.From(AnyRational);

    /// <summary>Three residues for one of the <see cref="Primes"/>, with 0, 1, p - 1 and p/2 over-represented.</summary>
    public static Arbitrary<PrimeFieldSample> PrimeFieldSampleArbitrary()
    {
        var sample =
            from p in Gen.Elements(Primes)
            from a in Residue(p)
            from b in Residue(p)
            from c in Residue(p)
            select new PrimeFieldSample(p, a, b, c);
        return Arb.From(sample);
    }

    /// <summary>Three elements of Q(zeta_n) for n in <see cref="Orders"/>: dense and sparse vectors, roots of unity and field-less constants.</summary>
    public static Arbitrary<CyclotomicSample> CyclotomicSampleArbitrary()
    {
        var sample =
            from n in Gen.Elements(Orders)
            from a in CyclotomicElement(CyclotomicField.Get(n))
            from b in CyclotomicElement(CyclotomicField.Get(n))
            from c in CyclotomicElement(CyclotomicField.Get(n))
            select new CyclotomicSample(n, a, b, c);
        return Arb.From(sample);
    }

    /// <summary>Elements of <paramref name="field"/>, some of them field-less rational constants.</summary>
    public static Gen<CyclotomicNumber> CyclotomicElement(CyclotomicField field)
    {
        // Zero-heavy coefficients give sparse vectors; the wide ones push products into BigInteger.
        var coefficient = Gen.Frequency(
            (3, Gen.Constant(Rational.Zero)),
            (5, Gen.Choose(-5, 5).Zip(Gen.Choose(1, 4), (n, d) => Rational.Create(n, d))),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(1, 1000), (n, d) => Rational.Create(n, d))));
        var vector = Gen.CollectToArray(Enumerable.Repeat(coefficient, field.Degree)).Select(c => field.FromCoefficients(c));
        var root = Gen.Choose(0, field.Order - 1).Select(field.RootOfUnity);
        var constant = SmallRational.Select(r => (CyclotomicNumber)r);
        return Gen.Frequency((8, vector), (1, root), (1, constant));
    }

    private static Gen<ModInt> Residue(ulong p)
    {
        var field = PrimeField.Get(p);
        var uniform = AnyLong.Select(x => field.FromResidue((ulong)x % p));
        var edge = Gen.Elements(0UL, 1UL, p - 1, p / 2).Select(field.FromResidue);
        return Gen.Frequency((3, uniform), (1, edge));
    }

    private static Gen<long> WideLong() => Gen.Frequency((1, Gen.Elements(EdgeLongs)), (2, AnyLong));

    private static Gen<BigInteger> HugeInteger() =>
        from words in Gen.Choose(1, 4)
        from parts in Gen.CollectToArray(Enumerable.Repeat(AnyLong, words))
        from negative in Gen.Elements(false, true)
        select Combine(parts, negative);

    private static BigInteger Combine(long[] parts, bool negative)
    {
        BigInteger value = BigInteger.One;
        foreach (long part in parts)
        {
            value = (value << 64) + (ulong)part;
        }

        return negative ? -value : value;
    }
}
