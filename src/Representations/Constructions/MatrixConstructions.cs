using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Constructions;

/// <summary>
/// Matrices of one group element in representations built from others: direct sums, tensor (Kronecker) products,
/// symmetric and exterior powers, duals and block permutations.
/// </summary>
/// <remarks>
/// <para>
/// Every function here is a group homomorphism when applied elementwise: F(g h) = F(g) F(h). A representation
/// of a group given by generators is therefore transformed by applying the function to each generator.
/// </para>
/// <para>
/// Conventions (g acts on column vectors, x -&gt; g x):
/// the direct sum has the coordinates of the first summand first; the Kronecker product uses the index
/// (i, k) -&gt; i * dim(b) + k, so (a ⊗ b)(x ⊗ y) = a x ⊗ b y with (x ⊗ y)_(i dim(b) + k) = x_i y_k;
/// the symmetric power acts on the vector m(x) of degree-k monomials in the order of
/// <see cref="SymmetricPowerBasis"/> and satisfies m(g x) = Sym^k(g) m(x); the exterior power acts on the
/// coordinates (det of the rows I of [v_1 ... v_k]) of v_1 ∧ ... ∧ v_k for the index sets I of
/// <see cref="ExteriorPowerBasis"/>, so its entries are the k x k minors of g; the dual is (g^-1)^T.
/// </para>
/// </remarks>
public static class MatrixConstructions
{
    /// <summary>Returns the block diagonal matrix diag(a, b).</summary>
    /// <exception cref="ArgumentException">The matrices are over different fields or not square.</exception>
    public static Matrix<T> DirectSum<T>(Matrix<T> a, Matrix<T> b)
        where T : struct, IFieldElement<T>
    {
        RequireSquarePair(a, b, nameof(DirectSum));
        int n = a.RowCount, m = b.RowCount;
        return Matrix.FromFunction(a.Field, n + m, n + m, (i, j) =>
        {
            if (i < n && j < n)
            {
                return a[i, j];
            }

            return i >= n && j >= n ? b[i - n, j - n] : default;
        });
    }

    /// <summary>Returns the Kronecker product a ⊗ b, the matrix with entries a_ij b_kl at row i dim(b) + k and column j dim(b) + l.</summary>
    /// <exception cref="ArgumentException">The matrices are over different fields or not square.</exception>
    public static Matrix<T> KroneckerProduct<T>(Matrix<T> a, Matrix<T> b)
        where T : struct, IFieldElement<T>
    {
        RequireSquarePair(a, b, nameof(KroneckerProduct));
        int m = b.RowCount;
        return Matrix.FromFunction(a.Field, a.RowCount * m, a.RowCount * m, (r, c) => a[r / m, c / m] * b[r % m, c % m]);
    }

    /// <summary>Returns the tensor power g ⊗ ... ⊗ g (k factors); the 1 x 1 identity for k = 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Matrix<T> TensorPower<T>(Matrix<T> g, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = Matrix.Identity(g.Field, 1);
        for (int i = 0; i < k; i++)
        {
            result = KroneckerProduct(result, g);
        }

        return result;
    }

    /// <summary>Returns the dual (contragredient) matrix (g^-1)^T.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular or not square.</exception>
    public static Matrix<T> Dual<T>(Matrix<T> g)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        return g.Inverse().Transpose();
    }

    /// <summary>
    /// Returns the exponent vectors of the monomials of degree k in d variables, in descending lexicographic order
    /// (x_1^k first, x_d^k last); there are C(d + k - 1, k) of them.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> SymmetricPowerBasis(int d, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return MonomialBasis.Exponents(d, k).Select(e => (IReadOnlyList<int>)Array.AsReadOnly(e)).ToArray();
    }

    /// <summary>
    /// Returns the matrix Sym^k(g) with m(g x) = Sym^k(g) m(x), where m(x) lists the monomials of degree k in the
    /// order of <see cref="SymmetricPowerBasis"/>: entry (alpha, beta) is the coefficient of x^beta in
    /// prod_i (sum_j g_ij x_j)^alpha_i.
    /// </summary>
    /// <remarks>
    /// Algorithm: by degree m = 1..k, the row of alpha is the row of alpha - e_i (i the first index with alpha_i &gt; 0)
    /// multiplied by the linear form of row i of g; O(C(d+k-1,k) C(d+k-2,k-1) d) field operations.
    /// This matrix is conjugate to the action on Sym^k of the vector space by the diagonal matrix of multinomial
    /// coefficients, so it has the same character; it is the action on symmetric tensors T_ij (i &lt;= j) for k = 2.
    /// </remarks>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Matrix<T> SymmetricPower<T>(Matrix<T> g, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        RequireSquare(g, nameof(SymmetricPower));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int d = g.RowCount;
        var field = g.Field;
        var basis = new MonomialBasis(d, k);

        // rows[alpha] contains the coefficients (in the degree-m basis) of prod_i (row_i . x)^alpha_i.
        var rows = new T[][] { [field.One] };
        for (int m = 1; m <= k; m++)
        {
            var current = basis.Degree(m);
            var previous = basis.Degree(m - 1);
            var next = new T[current.Count][];
            for (int a = 0; a < current.Count; a++)
            {
                int[] parentExponent = (int[])current[a].Clone();
                int i = Array.FindIndex(parentExponent, e => e > 0);
                parentExponent[i]--;
                int parent = basis.IndexOf(m - 1, parentExponent);

                var row = new T[current.Count];
                var parentRow = rows[parent];
                for (int b = 0; b < previous.Count; b++)
                {
                    if (parentRow[b].IsZero)
                    {
                        continue;
                    }

                    for (int j = 0; j < d; j++)
                    {
                        var gij = g[i, j];
                        if (!gij.IsZero)
                        {
                            row[basis.Raise(m - 1, b, j)] += parentRow[b] * gij;
                        }
                    }
                }

                next[a] = row;
            }

            rows = next;
        }

        int size = rows.Length;
        return Matrix.FromFunction(field, size, size, (r, c) => rows[r][c]);
    }

    /// <summary>Returns the k-element subsets of {0, ..., d-1} in lexicographic order, the basis e_I of Lambda^k.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> ExteriorPowerBasis(int d, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return Subsets(d, k).Select(s => (IReadOnlyList<int>)Array.AsReadOnly(s)).ToArray();
    }

    /// <summary>Returns the matrix Lambda^k(g) whose entry (I, J) is the minor det g[I, J], in the basis of <see cref="ExteriorPowerBasis"/>.</summary>
    /// <remarks>Algorithm: one determinant per pair of index sets; a homomorphism by the Cauchy-Binet formula.</remarks>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public static Matrix<T> ExteriorPower<T>(Matrix<T> g, int k)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        RequireSquare(g, nameof(ExteriorPower));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var subsets = Subsets(g.RowCount, k);
        int n = subsets.Count;
        if (k == 0)
        {
            return Matrix.Identity(g.Field, 1);
        }

        return Matrix.FromFunction(g.Field, n, n, (r, c) => g.Submatrix(subsets[r], subsets[c]).Determinant());
    }

    /// <summary>
    /// Returns the matrix of the block permutation P ⊗ I_blockSize on n blocks: block j is moved to block image[j]
    /// (0-based), so the coordinates of particle j become those of particle image[j].
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="image"/> is not a permutation of 0..n-1.</exception>
    public static Matrix<T> BlockPermutation<T>(Field<T> field, IReadOnlyList<int> image, int blockSize)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(blockSize);
        int n = image.Count;
        if (image.Distinct().Count() != n || image.Any(p => p < 0 || p >= n))
        {
            throw new ArgumentException(
                $"BlockPermutation: [{string.Join(", ", image)}] is not a permutation of 0..{n - 1}.", nameof(image));
        }

        int size = n * blockSize;
        return Matrix.FromFunction(field, size, size, (r, c) =>
            r % blockSize == c % blockSize && image[c / blockSize] == r / blockSize ? field.One : default);
    }

    /// <summary>Returns the matrix with every entry mapped by <paramref name="map"/> into <paramref name="target"/>.</summary>
    /// <remarks>The map must be a field embedding (for example Q into Q(zeta_n)) for the result to be a representation again.</remarks>
    public static Matrix<TTarget> MapEntries<TSource, TTarget>(Matrix<TSource> g, Field<TTarget> target, Func<TSource, TTarget> map)
        where TSource : struct, IFieldElement<TSource>
        where TTarget : struct, IFieldElement<TTarget>
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(map);
        return Matrix.FromFunction(target, g.RowCount, g.ColumnCount, (i, j) => map(g[i, j]));
    }

    internal static IReadOnlyList<int[]> Subsets(int d, int k)
    {
        var result = new List<int[]>();
        var current = new int[k];

        void Extend(int position, int start)
        {
            if (position == k)
            {
                result.Add((int[])current.Clone());
                return;
            }

            for (int value = start; value <= d - (k - position); value++)
            {
                current[position] = value;
                Extend(position + 1, value + 1);
            }
        }

        if (k <= d)
        {
            Extend(0, 0);
        }

        return result;
    }

    internal static void RequireSquare<T>(Matrix<T> g, string operation)
        where T : struct, IFieldElement<T>
    {
        if (!g.IsSquare)
        {
            throw new ArgumentException($"{operation}: a representation matrix must be square; got {g.RowCount}x{g.ColumnCount}.", nameof(g));
        }
    }

    internal static void RequireSquarePair<T>(Matrix<T> a, Matrix<T> b, string operation)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireSquare(a, operation);
        RequireSquare(b, operation);
        if (!a.Field.Equals(b.Field))
        {
            throw new ArgumentException(
                $"{operation}: the matrices are over {a.Field.Name} and {b.Field.Name}; change the field of one of them first (RepresentationConstructions.ChangeField).",
                nameof(b));
        }
    }
}
