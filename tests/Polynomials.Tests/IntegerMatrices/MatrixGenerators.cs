using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using InvTheory.Polynomials.IntegerMatrices;

namespace InvTheory.Polynomials.Tests.IntegerMatrices;

/// <summary>FsCheck generators of integer matrices with known structure, with bounded shapes and entries.</summary>
internal static class MatrixGenerators
{
    /// <summary>An m x n matrix with entries in [-bound, bound].</summary>
    public static Gen<IntegerMatrix> Matrix(int rows, int columns, int bound) =>
        Gen.ArrayOf(Gen.Choose(-bound, bound), rows * columns)
            .Select(entries => IntegerMatrix.Create(rows, columns, (i, j) => entries[(i * columns) + j]));

    /// <summary>A matrix of random shape (0..maxSize each way); half of them are products m x r times r x n, so rank-deficient.</summary>
    public static Gen<IntegerMatrix> AnyShape(int maxSize, int bound) =>
        from rows in Gen.Choose(0, maxSize)
        from columns in Gen.Choose(0, maxSize)
        from lowRank in Gen.Elements(false, true)
        from rank in Gen.Choose(0, Math.Min(rows, columns))
        from left in Matrix(rows, rank, bound)
        from right in Matrix(rank, columns, bound)
        from full in Matrix(rows, columns, bound)
        select lowRank ? left * right : full;

    /// <summary>A unimodular n x n matrix: the product of up to 2n elementary operations (swap, negation, adding c times a row).</summary>
    public static Gen<IntegerMatrix> Unimodular(int size) =>
        size == 0
            ? Gen.Constant(IntegerMatrix.Identity(0))
            : Gen.ListOf(ElementaryOperation(size), 2 * size).Select(operations =>
            {
                var result = IntegerMatrix.Identity(size);
                foreach (var operation in operations)
                {
                    result = operation * result;
                }

                return result;
            });

    /// <summary>A divisibility chain d_1 | d_2 | ... | d_length with d_1 in 1..3 and each quotient in 1..3.</summary>
    public static Gen<List<BigInteger>> DivisibilityChain(int length) =>
        from first in Gen.Choose(1, 3)
        from quotients in Gen.ArrayOf(Gen.Choose(1, 3), Math.Max(length - 1, 0))
        select BuildChain(length, first, quotients);

    private static List<BigInteger> BuildChain(int length, int first, int[] quotients)
    {
        var chain = new List<BigInteger>();
        BigInteger current = first;
        for (int i = 0; i < length; i++)
        {
            chain.Add(current);
            if (i < quotients.Length)
            {
                current *= quotients[i];
            }
        }

        return chain;
    }

    private static Gen<IntegerMatrix> ElementaryOperation(int size) =>
        from kind in Gen.Choose(0, 2)
        from i in Gen.Choose(0, size - 1)
        from j in Gen.Choose(0, size - 1)
        from factor in Gen.Choose(-3, 3)
        select kind switch
        {
            0 => IntegerMatrix.Create(size, size, (r, c) => (r == i ? c == j : r == j ? c == i : r == c) ? BigInteger.One : BigInteger.Zero),
            1 => IntegerMatrix.Create(size, size, (r, c) => r != c ? BigInteger.Zero : r == i ? BigInteger.MinusOne : BigInteger.One),
            _ => IntegerMatrix.Create(size, size, (r, c) => r == c ? BigInteger.One : (r == i && c == j ? factor : BigInteger.Zero)),
        };
}
