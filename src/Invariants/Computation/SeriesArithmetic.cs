using System.Numerics;

namespace InvTheory.Invariants.Computation;

/// <summary>Univariate integer polynomials as coefficient lists, lowest degree first, for Hilbert-series bookkeeping.</summary>
internal static class SeriesArithmetic
{
    /// <summary>Returns a * b.</summary>
    public static BigInteger[] Multiply(IReadOnlyList<BigInteger> a, IReadOnlyList<BigInteger> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return [];
        }

        var result = new BigInteger[a.Count + b.Count - 1];
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].IsZero)
            {
                continue;
            }

            for (int j = 0; j < b.Count; j++)
            {
                result[i + j] += a[i] * b[j];
            }
        }

        return Trim(result);
    }

    /// <summary>Returns prod_i (1 - t^degrees[i]).</summary>
    public static BigInteger[] ProductOfOneMinusPowers(IEnumerable<int> degrees)
    {
        BigInteger[] result = [BigInteger.One];
        foreach (int d in degrees)
        {
            var factor = new BigInteger[d + 1];
            factor[0] = BigInteger.One;
            factor[d] -= BigInteger.One;
            result = Multiply(result, factor);
        }

        return result;
    }

    /// <summary>
    /// Returns q with a = q * b when b divides a over Z (b must have constant term +1 or -1), or null when it does not.
    /// </summary>
    public static BigInteger[]? TryExactDivide(IReadOnlyList<BigInteger> a, IReadOnlyList<BigInteger> b)
    {
        var divisor = Trim([.. b]);
        if (divisor.Length == 0 || BigInteger.Abs(divisor[0]) != BigInteger.One)
        {
            throw new ArgumentException("The divisor must have constant term 1 or -1.", nameof(b));
        }

        var remainder = Trim([.. a]);
        if (remainder.Length == 0)
        {
            return [];
        }

        if (remainder.Length < divisor.Length)
        {
            return null;
        }

        // Division by increasing powers: the constant term of the divisor is a unit, so each quotient coefficient is
        // determined; the division is exact when the remainder vanishes after the last quotient coefficient.
        int quotientLength = remainder.Length - divisor.Length + 1;
        var quotient = new BigInteger[quotientLength];
        for (int i = 0; i < quotientLength; i++)
        {
            var c = remainder[i] * divisor[0];
            quotient[i] = c;
            if (c.IsZero)
            {
                continue;
            }

            for (int j = 0; j < divisor.Length; j++)
            {
                remainder[i + j] -= c * divisor[j];
            }
        }

        return remainder.All(x => x.IsZero) ? Trim(quotient) : null;
    }

    /// <summary>Returns the power series a / b up to t^<paramref name="maxDegree"/> (b with constant term 1 or -1).</summary>
    public static BigInteger[] SeriesQuotient(IReadOnlyList<BigInteger> a, IReadOnlyList<BigInteger> b, int maxDegree)
    {
        var result = new BigInteger[maxDegree + 1];
        for (int i = 0; i <= maxDegree; i++)
        {
            var s = i < a.Count ? a[i] : BigInteger.Zero;
            for (int j = 1; j <= Math.Min(i, b.Count - 1); j++)
            {
                s -= b[j] * result[i - j];
            }

            result[i] = s * b[0];
        }

        return result;
    }

    /// <summary>Removes trailing zero coefficients.</summary>
    public static BigInteger[] Trim(BigInteger[] a)
    {
        int length = a.Length;
        while (length > 0 && a[length - 1].IsZero)
        {
            length--;
        }

        return length == a.Length ? a : a[..length];
    }

    /// <summary>Formats as <c>1 + 2*t^3 + t^6</c>.</summary>
    public static string Format(IReadOnlyList<BigInteger> a, string variable = "t")
    {
        var terms = new List<string>();
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].IsZero)
            {
                continue;
            }

            string power = i == 0 ? string.Empty : i == 1 ? variable : $"{variable}^{i}";
            var magnitude = BigInteger.Abs(a[i]);
            string body = i == 0 ? magnitude.ToString() : magnitude.IsOne ? power : $"{magnitude}*{power}";
            terms.Add(terms.Count == 0 ? (a[i].Sign < 0 ? "-" + body : body) : (a[i].Sign < 0 ? "- " + body : "+ " + body));
        }

        return terms.Count == 0 ? "0" : string.Join(' ', terms);
    }
}
