using System.Numerics;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>Orders of matrices: the finiteness test for generators and the order of an element of a known finite group.</summary>
internal static class ElementOrders
{
    /// <summary>Returns g^e for a non-negative exponent of any size.</summary>
    /// <remarks>Algorithm: binary exponentiation (square and multiply).</remarks>
    public static Matrix<T> Power<T>(Matrix<T> g, BigInteger exponent)
        where T : struct, IFieldElement<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        var result = Matrix.Identity(g.Field, g.RowCount);
        var square = g;

        // Invariant: result * square^exponent equals the requested power.
        while (!exponent.IsZero)
        {
            if (!exponent.IsEven)
            {
                result *= square;
            }

            exponent >>= 1;
            if (!exponent.IsZero)
            {
                square *= square;
            }
        }

        return result;
    }

    /// <summary>Returns the order of g, given a multiple <paramref name="multiple"/> of it (g^multiple = I).</summary>
    /// <remarks>Algorithm: remove each prime factor p of the multiple while g^(n/p) = I.</remarks>
    public static BigInteger OrderDividing<T>(Matrix<T> g, long multiple)
        where T : struct, IFieldElement<T>
    {
        long n = multiple;
        foreach (var (p, _) in NumberTheory.Factor(multiple))
        {
            while (n % p == 0 && Power(g, n / p).IsIdentity)
            {
                n /= p;
            }
        }

        return n;
    }

    /// <summary>
    /// Returns the order of generator number <paramref name="generatorNumber"/> (1-based) of a group over a field of
    /// characteristic 0, or null over GF(p), where every invertible matrix has finite order below p^d.
    /// </summary>
    /// <remarks>
    /// Algorithm: a matrix of finite order over a field of characteristic 0 is diagonalizable with roots of unity
    /// as eigenvalues. Its restriction of scalars to Q then has a characteristic polynomial that is a product of
    /// cyclotomic polynomials Phi_m; after finding them by exact division, g has finite order if and only if
    /// g^N = I for N = lcm(m). The order is the least divisor of N with that property.
    /// </remarks>
    /// <exception cref="GroupNotFiniteException">The generator has infinite order.</exception>
    public static BigInteger? GeneratorOrder<T>(Matrix<T> g, int generatorNumber, string groupName, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var field = g.Field;
        if (!field.Characteristic.IsZero)
        {
            return null;
        }

        if (!RationalCoordinates.Supports(field))
        {
            return OrderBySuccessivePowers(g, generatorNumber, groupName, ct);
        }

        // Phase 1: the characteristic polynomial of the restriction of scalars, which must have integer coefficients.
        var rational = RationalCoordinates.RestrictScalars(g);
        int rationalDimension = rational.RowCount;
        var charPoly = rational.CharacteristicPolynomial(ct);
        var remaining = new BigInteger[charPoly.Count];
        for (int i = 0; i < charPoly.Count; i++)
        {
            if (!charPoly[i].IsInteger)
            {
                throw NotFinite(g, generatorNumber, groupName, rationalDimension,
                    $"its characteristic polynomial over Q has the non-integer coefficient {charPoly[i]} at x^{i}, so an eigenvalue is not a root of unity");
            }

            remaining[i] = charPoly[i].Numerator;
        }

        // Phase 2: divide out cyclotomic factors Phi_m with phi(m) <= the remaining degree.
        BigInteger multiple = BigInteger.One;
        var primes = new SortedSet<long>();
        var phi = EulerPhiTable(MaxCyclotomicIndex(rationalDimension));
        for (int m = 1; m < phi.Length && IntegerPolynomial.Degree(remaining) > 0; m++)
        {
            ct.ThrowIfCancellationRequested();
            if (phi[m] > IntegerPolynomial.Degree(remaining))
            {
                continue;
            }

            var factor = IntegerPolynomial.NormalizedCyclotomic(m);
            while (IntegerPolynomial.TryDivideExact(remaining, factor) is { } quotient)
            {
                remaining = quotient;
                multiple = NumberTheory.Lcm(multiple, m);
                foreach (var (p, _) in NumberTheory.Factor(m))
                {
                    primes.Add(p);
                }
            }
        }

        if (IntegerPolynomial.Degree(remaining) > 0)
        {
            throw NotFinite(g, generatorNumber, groupName, rationalDimension,
                "its characteristic polynomial is not a product of cyclotomic polynomials, so an eigenvalue is not a root of unity");
        }

        // Phase 3: g has finite order exactly when it is diagonalizable, that is when g^N = I.
        if (!Power(g, multiple).IsIdentity)
        {
            throw NotFinite(g, generatorNumber, groupName, rationalDimension,
                $"all its eigenvalues are roots of unity of order dividing {multiple}, but g^{multiple} is not the identity, so g is not diagonalizable");
        }

        var order = multiple;
        foreach (long p in primes)
        {
            while (order % p == 0 && Power(g, order / p).IsIdentity)
            {
                order /= p;
            }
        }

        return order;
    }

    // Fallback for characteristic-0 fields without rational coordinates: powers up to the largest possible finite order.
    private static BigInteger OrderBySuccessivePowers<T>(Matrix<T> g, int generatorNumber, string groupName, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        int rationalDimension = g.RowCount * g.Field.DegreeOverPrimeField;
        var bound = NumberTheory.MaxFiniteOrderOverRationals(rationalDimension);
        var power = g;
        for (BigInteger k = 1; k <= bound; k++)
        {
            if (power.IsIdentity)
            {
                return k;
            }

            if (k % 64 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            power *= g;
        }

        throw NotFinite(g, generatorNumber, groupName, rationalDimension, $"no power g^k with k <= {bound} is the identity");
    }

    private static GroupNotFiniteException NotFinite<T>(Matrix<T> g, int generatorNumber, string groupName, int rationalDimension, string reason)
        where T : struct, IFieldElement<T>
    {
        var bound = NumberTheory.MaxFiniteOrderOverRationals(rationalDimension);
        string space = g.Field is RationalField
            ? $"GL_{rationalDimension}(Q)"
            : $"GL_{g.RowCount}({g.Field.Name}), which embeds in GL_{rationalDimension}(Q),";
        return new GroupNotFiniteException(
            $"Generator {generatorNumber} of group '{groupName}' has infinite order: {reason}. Every element of finite order in "
            + $"{space} has order at most {bound}. A finite matrix group needs generators of finite order; check the matrix {g}.",
            generatorNumber);
    }

    // Every m with phi(m) <= n is at most this bound: phi(m) > m / (e^gamma ln ln m + 3 / ln ln m) for m >= 3
    // [RS62, Thm. 15], and the right side increases for m >= 30.
    private static int MaxCyclotomicIndex(int n)
    {
        long m = 30;
        while (true)
        {
            double lnln = Math.Log(Math.Log(m));
            if (m / (1.7810724179901979 * lnln + 3 / lnln) > n)
            {
                return (int)Math.Min(m, int.MaxValue - 1);
            }

            m *= 2;
        }
    }

    private static int[] EulerPhiTable(int limit)
    {
        var phi = new int[limit + 1];
        for (int i = 0; i <= limit; i++)
        {
            phi[i] = i;
        }

        for (int p = 2; p <= limit; p++)
        {
            if (phi[p] != p)
            {
                continue;
            }

            for (int multiple = p; multiple <= limit; multiple += p)
            {
                phi[multiple] -= phi[multiple] / p;
            }
        }

        return phi;
    }
}
