using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// A ring homomorphism from the coefficients of a field K to a prime field GF(p), p &lt; 2^31, extended to polynomials:
/// reduction modulo p on Q, z -&gt; omega (a primitive n-th root of unity modulo p, p = 1 mod n) on Q(zeta_n), and the
/// identity on GF(p).
/// </summary>
/// <remarks>
/// Dimensions of varieties only grow under such a reduction (the special fibre of a cone has at least the dimension
/// of the generic fibre), so a dimension bound proved for the images holds over K as well. Elements whose
/// denominators vanish modulo p have no image; the caller then takes the next prime.
/// </remarks>
internal sealed class ModularImage<T>
    where T : struct, IFieldElement<T>
{
    private readonly ResidueField _residues;
    private readonly ulong[]? _rootPowers;

    private ModularImage(Field<T> field, ulong prime, ulong[]? rootPowers)
    {
        Source = field;
        _residues = new ResidueField(prime);
        _rootPowers = rootPowers;
        Target = new PolynomialRingCache(PrimeField.Get(prime));
    }

    public Field<T> Source { get; }

    public ulong Prime => _residues.Prime;

    public PolynomialRingCache Target { get; }

    /// <summary>
    /// Returns the reduction modulo the <paramref name="index"/>-th suitable prime below 2^31, or null when K has no
    /// reduction of this kind (for example GF(p) with p &gt;= 2^31).
    /// </summary>
    public static ModularImage<T>? Create(Field<T> field, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (typeof(T) == typeof(Rational))
        {
            return new ModularImage<T>(field, ModularPrimes.Get(index), null);
        }

        if (typeof(T) == typeof(ModInt))
        {
            return field.Characteristic <= ResidueField.MaxPrime ? new ModularImage<T>(field, (ulong)field.Characteristic, null) : null;
        }

        if (field is CyclotomicField cyclotomic)
        {
            int n = cyclotomic.Order;
            int found = -1;
            for (int k = 0; ; k++)
            {
                ulong p = ModularPrimes.Get(k);
                if (p % (ulong)n != 1)
                {
                    continue;
                }

                if (++found < index)
                {
                    continue;
                }

                var residues = new ResidueField(p);
                ulong omega = PrimitiveRoot(residues, n);
                var powers = new ulong[cyclotomic.Degree];
                ulong power = 1;
                for (int j = 0; j < powers.Length; j++)
                {
                    powers[j] = power;
                    power = residues.Multiply(power, omega);
                }

                return new ModularImage<T>(field, p, powers);
            }
        }

        return null;
    }

    /// <summary>Returns the image of a scalar, or false when its denominator vanishes modulo p.</summary>
    public bool TryMap(T value, out ModInt image)
    {
        image = default;
        ulong residue;
        if (value is Rational q)
        {
            if (!_residues.TryFromRational(q, out residue))
            {
                return false;
            }
        }
        else if (value is ModInt m)
        {
            residue = m.Value;
        }
        else if (value is CyclotomicNumber c && _rootPowers is not null)
        {
            var coefficients = c.Coefficients;
            residue = 0;
            for (int j = 0; j < coefficients.Count; j++)
            {
                if (!_residues.TryFromRational(coefficients[j], out ulong r))
                {
                    return false;
                }

                residue = _residues.Add(residue, _residues.Multiply(r, _rootPowers[j]));
            }
        }
        else
        {
            throw new NotSupportedException($"No modular image for the scalar type {typeof(T).Name}.");
        }

        image = Target.Field.FromResidue(residue);
        return true;
    }

    /// <summary>Returns the image of a polynomial in GF(p)[x_1..x_n] with the same order, or null when a coefficient has no image.</summary>
    public Polynomial<ModInt>? TryMap(Polynomial<T> f)
    {
        var ring = Target.Get(f.Ring);
        var terms = new List<(ModInt, Monomial)>(f.TermCount);
        for (int t = 0; t < f.TermCount; t++)
        {
            if (!TryMap(f.Coefficients[t], out var c))
            {
                return null;
            }

            terms.Add((c, f.Monomials[t]));
        }

        return ring.FromTerms(terms);
    }

    private static ulong PrimitiveRoot(ResidueField residues, int n)
    {
        ulong p = residues.Prime;
        var primeFactors = new List<int>();
        int m = n;
        for (int q = 2; q * q <= m; q++)
        {
            if (m % q == 0)
            {
                primeFactors.Add(q);
                while (m % q == 0)
                {
                    m /= q;
                }
            }
        }

        if (m > 1)
        {
            primeFactors.Add(m);
        }

        for (ulong a = 2; a < p; a++)
        {
            ulong omega = PrimeModulus.PowMod(a, (p - 1) / (ulong)n, p);
            if (primeFactors.All(q => PrimeModulus.PowMod(omega, (ulong)(n / q), p) != 1))
            {
                return omega;
            }
        }

        throw new InvariantRingInternalException($"No primitive {n}-th root of unity modulo {p}.");
    }

    /// <summary>The GF(p) polynomial rings matching the source rings, one per variable list and order.</summary>
    internal sealed class PolynomialRingCache(PrimeField field)
    {
        private readonly Dictionary<string, PolynomialRing<ModInt>> _rings = [];

        public PrimeField Field { get; } = field;

        public PolynomialRing<ModInt> Get<TSource>(PolynomialRing<TSource> source)
            where TSource : struct, IFieldElement<TSource>
        {
            string key = source.Order.Name + "|" + string.Join(',', source.Variables);
            lock (_rings)
            {
                if (!_rings.TryGetValue(key, out var ring))
                {
                    ring = new PolynomialRing<ModInt>(Field, source.Variables, source.Order);
                    _rings.Add(key, ring);
                }

                return ring;
            }
        }
    }
}
