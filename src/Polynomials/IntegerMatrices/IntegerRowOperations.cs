using System.Numerics;

namespace InvTheory.Polynomials.IntegerMatrices;

/// <summary>In-place elementary row operations and integer quotients shared by the normal-form kernels.</summary>
internal static class IntegerRowOperations
{
    /// <summary>The integer nearest to numerator / denominator, halves rounded up (toward positive infinity).</summary>
    internal static BigInteger RoundedQuotient(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        // floor((2 * numerator + denominator) / (2 * denominator)) = floor(numerator / denominator + 1/2).
        var twice = (2 * numerator) + denominator;
        var twiceDenominator = 2 * denominator;
        var quotient = BigInteger.DivRem(twice, twiceDenominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    internal static void AddRowMultipleInPlace(BigInteger[,] a, int target, int source, BigInteger factor)
    {
        for (int j = 0; j < a.GetLength(1); j++)
        {
            a[target, j] += factor * a[source, j];
        }
    }

    internal static void SwapRowsInPlace(BigInteger[,] a, int r1, int r2)
    {
        for (int j = 0; j < a.GetLength(1); j++)
        {
            (a[r1, j], a[r2, j]) = (a[r2, j], a[r1, j]);
        }
    }

    internal static void NegateRowInPlace(BigInteger[,] a, int row)
    {
        for (int j = 0; j < a.GetLength(1); j++)
        {
            a[row, j] = -a[row, j];
        }
    }

    /// <summary>The largest integer not greater than numerator / positiveDenominator.</summary>
    internal static BigInteger FloorQuotient(BigInteger numerator, BigInteger positiveDenominator)
    {
        var quotient = BigInteger.DivRem(numerator, positiveDenominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }
}
