using System.Numerics;

namespace InvTheory.Polynomials.Scalars;

/// <summary>Inverses in Q(zeta_n): the dispatcher and the Euclidean algorithm over Q.</summary>
public sealed partial class CyclotomicField
{
    // Up to this degree the Euclidean algorithm over Q beats the multi-modular method.
    private const int MaxEuclidDegree = 4;

    /// <summary>Returns the inverse of a nonzero coefficient vector modulo Phi_n.</summary>
    /// <remarks>
    /// Dispatcher: a monomial c z^k inverts to c^-1 z^(n-k) directly; small degrees use
    /// <see cref="InvertByEuclid"/>, larger ones <see cref="CyclotomicModularInverse.Invert"/>.
    /// </remarks>
    internal Rational[] Invert(Rational[] a)
    {
        int single = -1;
        for (int k = 0; k < a.Length; k++)
        {
            if (a[k].IsZero)
            {
                continue;
            }

            if (single >= 0)
            {
                single = -2;
                break;
            }

            single = k;
        }

        if (single == -1)
        {
            throw new DivideByZeroException($"Division by zero in {Name}.");
        }

        if (single >= 0)
        {
            Rational[] root = RootOfUnity(-single).RawCoefficients!;
            Rational scale = a[single].Inverse();
            var result = new Rational[Degree];
            for (int k = 0; k < Degree; k++)
            {
                result[k] = root[k] * scale;
            }

            return result;
        }

        return Degree <= MaxEuclidDegree ? InvertByEuclid(a) : CyclotomicModularInverse.Invert(this, _phi, a);
    }

    /// <summary>Returns the inverse of a nonzero coefficient vector modulo Phi_n, computed over Q.</summary>
    /// <remarks>
    /// Algorithm: extended Euclidean algorithm in Q[x] on Phi_n and a, tracking only the cofactor
    /// of a [GG13, Alg. 3.14]. Phi_n is irreducible, so the last nonzero remainder is a constant c and
    /// the cofactor s satisfies s*a = c modulo Phi_n. Remainders are made monic at every step, which
    /// keeps the rational coefficients small. Still, the coefficients of the remainders grow with every
    /// step, so this is fast only for small degrees.
    /// </remarks>
    internal Rational[] InvertByEuclid(Rational[] a)
    {
        // Loop invariant: s0 * a = r0 and s1 * a = r1 modulo Phi_n.
        var r0 = new Rational[Degree + 1];
        for (int i = 0; i <= Degree; i++)
        {
            r0[i] = _phi[i];
        }

        Rational[] r1 = (Rational[])a.Clone();
        Rational[] s0 = [Rational.Zero];
        Rational[] s1 = [Rational.One];
        int degreeR0 = Degree;
        int degreeR1 = PolynomialDegree(r1);
        while (degreeR1 > 0)
        {
            // Make r1 monic, scaling s1 alike.
            Rational lead = r1[degreeR1].Inverse();
            ScaleInPlace(r1, degreeR1, lead);
            ScaleInPlace(s1, s1.Length - 1, lead);

            // r0 := r0 mod r1 with quotient q; then s0 := s0 - q*s1.
            var quotient = new Rational[degreeR0 - degreeR1 + 1];
            for (int k = degreeR0; k >= degreeR1; k--)
            {
                Rational c = r0[k];
                if (c.IsZero)
                {
                    continue;
                }

                quotient[k - degreeR1] = c;
                for (int i = 0; i <= degreeR1; i++)
                {
                    r0[k - degreeR1 + i] -= c * r1[i];
                }
            }

            var s2 = new Rational[Math.Max(s0.Length, quotient.Length + s1.Length - 1)];
            Array.Copy(s0, s2, s0.Length);
            for (int i = 0; i < quotient.Length; i++)
            {
                if (quotient[i].IsZero)
                {
                    continue;
                }

                for (int j = 0; j < s1.Length; j++)
                {
                    s2[i + j] -= quotient[i] * s1[j];
                }
            }

            (r0, r1) = (r1, r0);
            (s0, s1) = (s1, s2);
            degreeR0 = degreeR1;
            degreeR1 = PolynomialDegree(r1);
        }

        if (degreeR1 < 0)
        {
            throw new InvalidOperationException(
                $"Inverse in {Name}: the Euclidean algorithm reached a zero remainder, so Phi_{Order} would be reducible; this points to a bug.");
        }

        Rational scale = r1[0].Inverse();
        var inverse = new Rational[Math.Max(s1.Length, 1)];
        for (int i = 0; i < s1.Length; i++)
        {
            inverse[i] = s1[i] * scale;
        }

        return ReduceToBasis(inverse);

        static int PolynomialDegree(Rational[] p)
        {
            for (int i = p.Length - 1; i >= 0; i--)
            {
                if (!p[i].IsZero)
                {
                    return i;
                }
            }

            return -1;
        }

        static void ScaleInPlace(Rational[] p, int last, Rational factor)
        {
            for (int i = 0; i <= last; i++)
            {
                p[i] *= factor;
            }
        }
    }
}
