using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>The prime field GF(p) for a prime p below 2^62.</summary>
public sealed class PrimeField : Field<ModInt>
{
    private static readonly ConcurrentDictionary<ulong, PrimeField> Cache = new();

    private PrimeField(ulong prime)
    {
        Prime = prime;
        Name = $"GF({prime})";
    }

    /// <summary>Returns GF(<paramref name="prime"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prime"/> is not a prime below 2^62.</exception>
    public static PrimeField Get(ulong prime)
    {
        if (prime > PrimeModulus.MaxModulus || !PrimeModulus.IsPrime(prime))
        {
            throw new ArgumentOutOfRangeException(
                nameof(prime), prime, $"GF({prime}) is not a field: the modulus must be a prime below 2^62.");
        }

        return Cache.GetOrAdd(prime, p => new PrimeField(p));
    }

    /// <summary>The prime p.</summary>
    public ulong Prime { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override BigInteger Characteristic => Prime;

    /// <inheritdoc />
    public override ModInt One => new(1 % Prime, Prime);

    /// <summary>Returns the residue class of a raw residue in [0, p).</summary>
    public ModInt FromResidue(ulong residue) => new(residue % Prime, Prime);

    /// <inheritdoc />
    public override ModInt FromInteger(BigInteger value) => new(PrimeModulus.Reduce(value, Prime), Prime);

    /// <inheritdoc />
    public override ModInt FromRational(Rational value)
    {
        ulong d = PrimeModulus.Reduce(value.Denominator, Prime);
        if (d == 0)
        {
            throw new DivideByZeroException($"The rational number {value} has no image in {Name}: its denominator is divisible by {Prime}.");
        }

        return new ModInt(PrimeModulus.MultiplyMod(PrimeModulus.Reduce(value.Numerator, Prime), PrimeModulus.InverseMod(d, Prime), Prime), Prime);
    }

    /// <summary>Parses an integer or a fraction n/d and maps it to GF(p).</summary>
    /// <exception cref="FormatException">The text is not an integer or fraction (decimals are rejected).</exception>
    /// <exception cref="DivideByZeroException">The denominator is zero or divisible by p.</exception>
    public override ModInt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{text}' is not an element of {Name}; expected an integer or a fraction n/d, not a decimal.");
        }

        Rational value;
        try
        {
            value = Rational.Parse(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"'{text}' is not an element of {Name}; expected an integer or a fraction n/d.");
        }

        return FromRational(value);
    }

    /// <inheritdoc />
    public override bool Contains(ModInt value) => value.Modulus == Prime || (value.Modulus == 0 && value.Value <= 1);

    /// <inheritdoc />
    public override string Format(ModInt value) =>
        (value.Modulus == 0 ? (long)value.Value : new ModInt(value.Value, Prime).ToSymmetric()).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override bool IsNegativeForPrinting(ModInt value) => Format(value).StartsWith('-');

    /// <inheritdoc />
    public override Complex ToComplex(ModInt value) =>
        throw new NotSupportedException($"Elements of {Name} have no embedding into the complex numbers.");
}
