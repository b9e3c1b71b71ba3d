using System.Globalization;
using System.Numerics;
using System.Text;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Catalogue;

/// <summary>
/// An element of Q(zeta_n) used while building catalogue matrices: a rational combination of the powers
/// z^0, ..., z^(n-1) of z = exp(2 pi i/n), kept modulo z^n = 1 only (not yet reduced modulo Phi_n).
/// </summary>
/// <remarks>
/// The catalogue writes its generators as text, so it needs only ring operations and a canonical printer.
/// Operands of different orders are lifted to the least common multiple of the orders (z_n = z_m^(m/n)).
/// <see cref="Format"/> reduces modulo the cyclotomic polynomial Phi_m of the target field and prints terms in
/// descending powers of z, the same canonical form as the cyclotomic field's own printer.
/// </remarks>
internal readonly struct CatalogueScalar
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> CyclotomicPolynomials = new();

    private readonly Rational[]? _coefficients;

    private CatalogueScalar(Rational[] coefficients)
    {
        _coefficients = coefficients;
    }

    /// <summary>The order n of the root of unity z; 1 for a rational number.</summary>
    public int Order => _coefficients?.Length ?? 1;

    public static CatalogueScalar Zero => FromRational(Rational.Zero);

    public static CatalogueScalar One => FromRational(Rational.One);

    public static CatalogueScalar FromRational(Rational value) => new([value]);

    public static implicit operator CatalogueScalar(int value) => FromRational(value);

    /// <summary>Returns z^k for z = exp(2 pi i/n).</summary>
    public static CatalogueScalar Zeta(int order, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        var c = new Rational[order];
        c[Mod(exponent, order)] = Rational.One;
        return new CatalogueScalar(c);
    }

    /// <summary>Returns 2 cos(2 pi k/n) = z^k + z^(-k).</summary>
    public static CatalogueScalar TwoCos(int order, int exponent) => Zeta(order, exponent) + Zeta(order, -exponent);

    /// <summary>Returns the golden ratio (1 + sqrt 5)/2 = -(z^2 + z^3) in Q(zeta_5).</summary>
    public static CatalogueScalar GoldenRatio => -(Zeta(5, 2) + Zeta(5, 3));

    public static CatalogueScalar operator +(CatalogueScalar a, CatalogueScalar b) => Combine(a, b, 1);

    public static CatalogueScalar operator -(CatalogueScalar a, CatalogueScalar b) => Combine(a, b, -1);

    public static CatalogueScalar operator -(CatalogueScalar a) => a.Scale(Rational.MinusOne);

    /// <summary>Returns this value times a rational factor.</summary>
    public CatalogueScalar Scale(Rational factor)
    {
        var c = Coefficients();
        var result = new Rational[c.Length];
        for (int k = 0; k < c.Length; k++)
        {
            result[k] = c[k] * factor;
        }

        return new CatalogueScalar(result);
    }

    public static CatalogueScalar operator *(CatalogueScalar a, CatalogueScalar b)
    {
        int n = Lcm(a.Order, b.Order);
        var x = a.Lift(n);
        var y = b.Lift(n);
        var result = new Rational[n];
        for (int i = 0; i < n; i++)
        {
            if (x[i].IsZero)
            {
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                if (!y[j].IsZero)
                {
                    result[(i + j) % n] += x[i] * y[j];
                }
            }
        }

        return new CatalogueScalar(result);
    }

    /// <summary>Returns the value under z = exp(2 pi i/n), for numerical self-checks.</summary>
    public Complex ToComplex()
    {
        var c = Coefficients();
        Complex sum = Complex.Zero;
        for (int k = 0; k < c.Length; k++)
        {
            if (!c[k].IsZero)
            {
                sum += c[k].ToDouble() * Complex.FromPolarCoordinates(1, 2 * Math.PI * k / c.Length);
            }
        }

        return sum;
    }

    /// <summary>Whether the value is rational (its reduction modulo Phi_n is a constant).</summary>
    public bool IsRational => ReducedCoefficients(Order).Skip(1).All(r => r.IsZero);

    /// <summary>
    /// Formats the value as an element of Q(zeta_m) for <paramref name="fieldOrder"/> = m, which must be a
    /// multiple of <see cref="Order"/>: reduced modulo Phi_m, descending powers of z, such as <c>-z^3-z^2</c>.
    /// For m at most 2 the value must be rational and is printed as a rational number.
    /// </summary>
    public string Format(int fieldOrder)
    {
        var c = ReducedCoefficients(fieldOrder);
        var text = new StringBuilder();
        for (int k = c.Length - 1; k >= 0; k--)
        {
            Rational coefficient = c[k];
            if (coefficient.IsZero)
            {
                continue;
            }

            if (text.Length > 0 && coefficient.Sign > 0)
            {
                text.Append('+');
            }

            if (k == 0)
            {
                text.Append(coefficient.ToString());
                continue;
            }

            if (coefficient == Rational.MinusOne)
            {
                text.Append('-');
            }
            else if (!coefficient.IsOne)
            {
                text.Append(coefficient.ToString()).Append('*');
            }

            text.Append('z');
            if (k > 1)
            {
                text.Append('^').Append(k.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }

    /// <summary>Returns the coefficients in the power basis 1, z, ..., z^(phi(m)-1) of Q(zeta_m).</summary>
    public Rational[] ReducedCoefficients(int fieldOrder)
    {
        if (fieldOrder % Order != 0)
        {
            throw new ArgumentException(
                $"CatalogueScalar.Format: a value of Q(zeta_{Order}) is not in Q(zeta_{fieldOrder}) by the standard embedding; {Order} does not divide {fieldOrder}.",
                nameof(fieldOrder));
        }

        var work = Lift(fieldOrder);
        var phi = CyclotomicPolynomial(fieldOrder);
        int degree = phi.Length - 1;

        // Long division by the monic Phi_m, from the top power down to degree phi(m).
        for (int k = work.Length - 1; k >= degree; k--)
        {
            Rational lead = work[k];
            if (lead.IsZero)
            {
                continue;
            }

            for (int j = 0; j <= degree; j++)
            {
                work[k - degree + j] -= lead * phi[j];
            }
        }

        return work.Take(Math.Max(degree, 1)).ToArray();
    }

    /// <summary>Returns the integer coefficients of Phi_n, lowest degree first.</summary>
    public static int[] CyclotomicPolynomial(int n) => CyclotomicPolynomials.GetOrAdd(n, ComputeCyclotomicPolynomial);

    private static int[] ComputeCyclotomicPolynomial(int n)
    {
        // Phi_n = (x^n - 1) / prod_{d | n, d < n} Phi_d, by exact division of integer polynomials.
        var numerator = new long[n + 1];
        numerator[0] = -1;
        numerator[n] = 1;
        for (int d = 1; d < n; d++)
        {
            if (n % d == 0)
            {
                numerator = DivideExact(numerator, CyclotomicPolynomial(d));
            }
        }

        return numerator.Select(v => checked((int)v)).ToArray();
    }

    private static long[] DivideExact(long[] numerator, int[] divisor)
    {
        int degree = divisor.Length - 1;
        var remainder = (long[])numerator.Clone();
        var quotient = new long[numerator.Length - degree];
        for (int k = numerator.Length - 1; k >= degree; k--)
        {
            long lead = remainder[k];
            quotient[k - degree] = lead;
            for (int j = 0; j <= degree; j++)
            {
                remainder[k - degree + j] -= lead * divisor[j];
            }
        }

        return quotient;
    }

    private Rational[] Coefficients() => _coefficients ?? [Rational.Zero];

    private Rational[] Lift(int n)
    {
        var c = Coefficients();
        int step = n / c.Length;
        var result = new Rational[n];
        for (int k = 0; k < c.Length; k++)
        {
            result[k * step] = c[k];
        }

        return result;
    }

    private static CatalogueScalar Combine(CatalogueScalar a, CatalogueScalar b, int sign)
    {
        int n = Lcm(a.Order, b.Order);
        var x = a.Lift(n);
        var y = b.Lift(n);
        for (int k = 0; k < n; k++)
        {
            x[k] = sign > 0 ? x[k] + y[k] : x[k] - y[k];
        }

        return new CatalogueScalar(x);
    }

    private static int Mod(int a, int n) => ((a % n) + n) % n;

    internal static int Lcm(int a, int b) => a / (int)BigInteger.GreatestCommonDivisor(a, b) * b;
}
