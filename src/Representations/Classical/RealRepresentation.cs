using InvTheory.Representations.Constructions;

namespace InvTheory.Representations.Classical;

/// <summary>
/// Double-precision versions of the constructions of <see cref="MatrixConstructions"/>, with the same bases and
/// conventions, for acting with sampled elements of the classical groups.
/// </summary>
public static class RealRepresentation
{
    /// <summary>Returns the matrix of a group element g of V in the representation given by an expression.</summary>
    /// <exception cref="InvalidOperationException">g is not square, or singular and the expression contains a dual.</exception>
    public static RealMatrix Evaluate(RepresentationExpression expression, RealMatrix g)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(g);
        var operands = expression.Operands;
        return expression.Operation switch
        {
            RepresentationOperation.Standard => g,
            RepresentationOperation.Trivial => RealMatrix.Identity(1),
            RepresentationOperation.Determinant => RealMatrix.FromFunction(1, 1, (_, _) => g.Determinant()),
            RepresentationOperation.DirectSum => DirectSum(Evaluate(operands[0], g), Evaluate(operands[1], g)),
            RepresentationOperation.TensorProduct => KroneckerProduct(Evaluate(operands[0], g), Evaluate(operands[1], g)),
            RepresentationOperation.TensorPower => TensorPower(Evaluate(operands[0], g), expression.Power),
            RepresentationOperation.SymmetricPower => SymmetricPower(Evaluate(operands[0], g), expression.Power),
            RepresentationOperation.ExteriorPower => ExteriorPower(Evaluate(operands[0], g), expression.Power),
            _ => Evaluate(operands[0], g).Inverse().Transpose(),
        };
    }

    /// <summary>Returns diag(a, b).</summary>
    public static RealMatrix DirectSum(RealMatrix a, RealMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = a.RowCount, m = b.RowCount;
        return RealMatrix.FromFunction(n + m, n + m, (i, j) =>
        {
            if (i < n && j < n)
            {
                return a[i, j];
            }

            return i >= n && j >= n ? b[i - n, j - n] : 0;
        });
    }

    /// <summary>Returns the Kronecker product a ⊗ b with index (i, k) -&gt; i dim(b) + k.</summary>
    public static RealMatrix KroneckerProduct(RealMatrix a, RealMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int m = b.RowCount;
        return RealMatrix.FromFunction(a.RowCount * m, a.ColumnCount * b.ColumnCount, (r, c) => a[r / m, c / b.ColumnCount] * b[r % m, c % b.ColumnCount]);
    }

    /// <summary>Returns the k-fold Kronecker power.</summary>
    public static RealMatrix TensorPower(RealMatrix g, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = RealMatrix.Identity(1);
        for (int i = 0; i < k; i++)
        {
            result = KroneckerProduct(result, g);
        }

        return result;
    }

    /// <summary>Returns Sym^k(g) with m(g x) = Sym^k(g) m(x) on the degree-k monomials in descending lexicographic order.</summary>
    public static RealMatrix SymmetricPower(RealMatrix g, int k)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int d = g.RowCount;
        var basis = new MonomialBasis(d, k);
        var rows = new double[][] { [1.0] };
        for (int m = 1; m <= k; m++)
        {
            var current = basis.Degree(m);
            var previousCount = basis.Degree(m - 1).Count;
            var next = new double[current.Count][];
            for (int a = 0; a < current.Count; a++)
            {
                var parentExponent = (int[])current[a].Clone();
                int i = Array.FindIndex(parentExponent, e => e > 0);
                parentExponent[i]--;
                var parentRow = rows[basis.IndexOf(m - 1, parentExponent)];
                var row = new double[current.Count];
                for (int b = 0; b < previousCount; b++)
                {
                    if (parentRow[b] == 0)
                    {
                        continue;
                    }

                    for (int j = 0; j < d; j++)
                    {
                        row[basis.Raise(m - 1, b, j)] += parentRow[b] * g[i, j];
                    }
                }

                next[a] = row;
            }

            rows = next;
        }

        return RealMatrix.FromFunction(rows.Length, rows.Length, (r, c) => rows[r][c]);
    }

    /// <summary>Returns Lambda^k(g), the matrix of k x k minors on the lexicographically ordered index sets.</summary>
    public static RealMatrix ExteriorPower(RealMatrix g, int k)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var subsets = MatrixConstructions.Subsets(g.RowCount, k);
        return RealMatrix.FromFunction(subsets.Count, subsets.Count, (r, c) =>
            RealMatrix.FromFunction(k, k, (a, b) => g[subsets[r][a], subsets[c][b]]).Determinant());
    }
}
