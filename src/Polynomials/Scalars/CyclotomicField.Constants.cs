using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>Square roots, the golden ratio and trigonometric values as cyclotomic numbers.</summary>
public sealed partial class CyclotomicField
{
    /// <summary>
    /// The golden ratio (1 + sqrt 5)/2 in Q(zeta_5), equal to -(z^2 + z^3) there.
    /// </summary>
    public static CyclotomicNumber GoldenRatio => (1 + SquareRoot(5)) / 2;

    /// <summary>
    /// Returns sqrt(<paramref name="d"/>) as an element of the smallest cyclotomic field that contains it:
    /// the positive root for d &gt; 0 and i*sqrt(-d) for d &lt; 0, under z = exp(2 pi i / n).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Algorithm: write d = s^2 f with f squarefree. The smallest cyclotomic field containing sqrt(f) is
    /// Q(zeta_m) with m = |f| when f = 1 mod 4 and m = 4|f| otherwise (m is the absolute discriminant
    /// of Q(sqrt f)). For each odd prime p dividing f the quadratic Gauss sum
    /// g_p = sum over a = 1..p-1 of (a/p) zeta_p^a satisfies g_p^2 = p* = (-1)^((p-1)/2) p [IR90, Ch. 6].
    /// The product of the g_p squares to the product of the p*, and the remaining factor f / prod p*
    /// is 1, -1, 2 or -2, whose square roots are 1, zeta_4, zeta_8 + zeta_8^7 and zeta_8 + zeta_8^3.
    /// The sign is then chosen numerically so that the root is positive, or positive imaginary.
    /// </para>
    /// <para>
    /// Examples: sqrt(-1) = z in Q(zeta_4), sqrt(-3) = 2z + 1 in Q(zeta_3), sqrt 2 = z - z^3 in Q(zeta_8),
    /// sqrt 3 in Q(zeta_12), sqrt 5 = -2z^3 - 2z^2 - 1 in Q(zeta_5), sqrt 6 in Q(zeta_24), sqrt(-7) in Q(zeta_7).
    /// For a perfect square d the result is the field-less rational constant sqrt(d).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The field needed has order above <see cref="MaxOrder"/>.</exception>
    public static CyclotomicNumber SquareRoot(int d)
    {
        if (d == 0)
        {
            return default;
        }

        // Phase 1: d = s^2 * f with f squarefree.
        long magnitude = Math.Abs((long)d);
        long square = 1;
        long squarefree = 1;
        var oddPrimes = new List<int>();
        for (long p = 2; p * p <= magnitude; p++)
        {
            int exponent = 0;
            while (magnitude % p == 0)
            {
                magnitude /= p;
                exponent++;
            }

            for (int i = 0; i < exponent / 2; i++)
            {
                square *= p;
            }

            if (exponent % 2 == 1)
            {
                squarefree *= p;
                if (p > 2)
                {
                    oddPrimes.Add((int)p);
                }
            }
        }

        if (magnitude > 1)
        {
            squarefree *= magnitude;
            if (magnitude > 2)
            {
                oddPrimes.Add((int)magnitude);
            }
        }

        long f = d < 0 ? -squarefree : squarefree;
        if (f == 1)
        {
            return (Rational)square;
        }

        // Phase 2: the conductor m of Q(sqrt f).
        long order = ((f % 4) + 4) % 4 == 1 ? squarefree : 4 * squarefree;
        if (order > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(
                nameof(d), d, $"sqrt({d}) lies in Q(zeta_{order}), above the largest supported order {MaxOrder}.");
        }

        CyclotomicField field = Get((int)order);
        int m = field.Order;

        // Phase 3: product of the Gauss sums, whose square is the product of the p*.
        CyclotomicNumber root = field.One;
        long starProduct = 1;
        foreach (int p in oddPrimes)
        {
            root *= field.GaussSum(p);
            starProduct *= p % 4 == 1 ? p : -p;
        }

        // Phase 4: the square root of the remaining factor f / prod p*, which is 1, -1, 2 or -2.
        long remaining = f / starProduct;
        root *= remaining switch
        {
            1 => field.One,
            -1 => field.RootOfUnity(m / 4),
            2 => field.RootOfUnity(m / 8) + field.RootOfUnity(-m / 8),
            -2 => field.RootOfUnity(m / 8) + field.RootOfUnity(3 * m / 8),
            _ => throw new InvalidOperationException(
                $"sqrt({d}): the factor left after the Gauss sums is {remaining}, not one of 1, -1, 2, -2; this points to a bug."),
        };

        // Phase 5: pick the principal root; |root| = sqrt|f| >= sqrt 2, so the sign test is far from rounding.
        Complex approximate = root.ToComplex();
        if ((d > 0 ? approximate.Real : approximate.Imaginary) < 0)
        {
            root = -root;
        }

        return root * (Rational)square;
    }

    /// <summary>Returns cos(2 pi <paramref name="k"/> / <paramref name="n"/>) = (z^k + z^-k)/2 in Q(zeta_n).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not between 1 and <see cref="MaxOrder"/>.</exception>
    public static CyclotomicNumber Cosine(int k, int n)
    {
        CyclotomicField field = Get(n);
        return (field.RootOfUnity(k) + field.RootOfUnity(-k)) / 2;
    }

    /// <summary>
    /// Returns sin(2 pi <paramref name="k"/> / <paramref name="n"/>) = i (z^-k - z^k)/2 in Q(zeta_m) with
    /// m = lcm(n, 4), the field generated by zeta_n and i.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">lcm(n, 4) is not between 1 and <see cref="MaxOrder"/>.</exception>
    public static CyclotomicNumber Sine(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        // lcm(n, 4) is n, 2n or 4n as n has at least two, exactly one or no factors 2.
        long m = 4L * n / (long)BigInteger.GreatestCommonDivisor(n, 4);
        if (m > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), n, $"sin(2 pi k / {n}) lies in Q(zeta_{m}), above the largest supported order {MaxOrder}.");
        }

        CyclotomicField field = Get((int)m);
        int step = (int)(m / n);
        long kk = (long)k % n * step;
        int quarter = (int)(m / 4);
        return (field.RootOfUnity((int)((quarter - kk) % m)) - field.RootOfUnity((int)((quarter + kk) % m))) / 2;
    }

    /// <summary>Returns the quadratic Gauss sum sum over a = 1..p-1 of (a/p) zeta_p^a, for an odd prime p dividing n.</summary>
    private CyclotomicNumber GaussSum(int p)
    {
        // Quadratic residues modulo p, by squaring; zeta_p = z^(n/p).
        var isResidue = new bool[p];
        for (long a = 1; a < p; a++)
        {
            isResidue[a * a % p] = true;
        }

        int step = Order / p;
        var poly = new Rational[Order];
        for (int a = 1; a < p; a++)
        {
            poly[a * step] = isResidue[a] ? Rational.One : Rational.MinusOne;
        }

        return new CyclotomicNumber(this, ReduceToBasis(poly));
    }
}
