using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <content>Elimination-based methods: echelon form, rank, null space, solving, determinant, inverse, characteristic polynomial.</content>
public sealed partial class Matrix<T>
{
    private ReducedRowEchelonForm<T>? _reducedRowEchelon;

    /// <summary>Returns the reduced row echelon form R of this matrix and its pivot columns.</summary>
    /// <remarks>
    /// Algorithm: Gauss-Jordan elimination [Coh93, Sec. 2.2]. The result is cached; concurrent first
    /// calls may compute it twice but always store the same value.
    /// </remarks>
    public ReducedRowEchelonForm<T> ReducedRowEchelon(CancellationToken ct = default)
    {
        var cached = Volatile.Read(ref _reducedRowEchelon);
        if (cached is not null)
        {
            return cached;
        }

        var entries = CopyEntries();
        var pivots = GaussianElimination.ReduceInPlace(entries, RowCount, ColumnCount, Field.One, ct);
        var result = new ReducedRowEchelonForm<T>(new Matrix<T>(Field, RowCount, ColumnCount, entries), pivots.AsReadOnly());
        Volatile.Write(ref _reducedRowEchelon, result);
        return result;
    }

    /// <summary>Returns the rank, the dimension of the row space.</summary>
    public int Rank(CancellationToken ct = default) => ReducedRowEchelon(ct).Rank;

    /// <summary>
    /// Returns a basis of the null space {x : A x = 0}, the standard one read off the reduced row echelon form:
    /// one vector per non-pivot column f, with x[f] = 1 and zeros at the other non-pivot columns.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<T>> NullSpace(CancellationToken ct = default) => ReducedRowEchelon(ct).NullSpace();

    /// <summary>
    /// Returns a solution x of A x = b, the one with zeros at the non-pivot columns, or null when the system is inconsistent.
    /// </summary>
    /// <remarks>Algorithm: Gauss-Jordan elimination of the augmented matrix [A | b] [Coh93, Sec. 2.2].</remarks>
    /// <exception cref="ArgumentException">The length of <paramref name="b"/> differs from <see cref="RowCount"/>.</exception>
    public IReadOnlyList<T>? Solve(IReadOnlyList<T> b, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.Count != RowCount)
        {
            throw new ArgumentException(
                $"Solve: the right-hand side has length {b.Count}, but the {RowCount}x{ColumnCount} matrix needs length {RowCount}.", nameof(b));
        }

        int width = ColumnCount + 1;
        var augmented = new T[RowCount * width];
        for (int i = 0; i < RowCount; i++)
        {
            _entries.AsSpan(i * ColumnCount, ColumnCount).CopyTo(augmented.AsSpan(i * width));
            augmented[i * width + ColumnCount] = b[i];
        }

        var pivots = GaussianElimination.ReduceInPlace(augmented, RowCount, width, Field.One, ct);
        if (pivots.Count > 0 && pivots[^1] == ColumnCount)
        {
            return null;
        }

        var solution = new T[ColumnCount];
        for (int k = 0; k < pivots.Count; k++)
        {
            solution[pivots[k]] = augmented[k * width + ColumnCount];
        }

        return Array.AsReadOnly(solution);
    }

    /// <summary>Returns the determinant.</summary>
    /// <remarks>Algorithm: Gaussian elimination to upper triangular form [Coh93, Sec. 2.2]. The 0x0 matrix has determinant 1.</remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public T Determinant(CancellationToken ct = default)
    {
        RequireSquare("Determinant");
        return GaussianElimination.DeterminantInPlace(CopyEntries(), RowCount, Field.One, ct);
    }

    /// <summary>Returns the inverse matrix.</summary>
    /// <remarks>Algorithm: Gauss-Jordan elimination of [A | I] [Coh93, Sec. 2.2].</remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square, or it is singular (the message gives its rank).</exception>
    public Matrix<T> Inverse(CancellationToken ct = default)
    {
        RequireSquare("Inverse");
        int n = RowCount, width = 2 * n;
        var augmented = new T[n * width];
        var one = Field.One;
        for (int i = 0; i < n; i++)
        {
            _entries.AsSpan(i * n, n).CopyTo(augmented.AsSpan(i * width));
            augmented[i * width + n + i] = one;
        }

        var pivots = GaussianElimination.ReduceInPlace(augmented, n, width, one, ct, pivotColumnLimit: n);
        if (pivots.Count < n)
        {
            throw new InvalidOperationException(
                $"Inverse: the {n}x{n} matrix is singular (rank {pivots.Count} < {n}) over {Field.Name}; only matrices of full rank have an inverse.");
        }

        var inverse = new T[n * n];
        for (int i = 0; i < n; i++)
        {
            augmented.AsSpan(i * width + n, n).CopyTo(inverse.AsSpan(i * n));
        }

        return new Matrix<T>(Field, n, n, inverse);
    }

    /// <summary>
    /// Returns the coefficients of the characteristic polynomial det(x I - A), lowest degree first
    /// (n + 1 coefficients for an n x n matrix, the last one is 1).
    /// </summary>
    /// <remarks>
    /// Algorithm: Hessenberg reduction [Coh93, Sec. 2.2], O(n^3) field operations, over every field.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public IReadOnlyList<T> CharacteristicPolynomial(CancellationToken ct = default)
    {
        RequireSquare("CharacteristicPolynomial");
        var coefficients = LinearAlgebra.CharacteristicPolynomial.HessenbergInPlace(CopyEntries(), RowCount, Field.One, ct);
        return Array.AsReadOnly(coefficients);
    }
}
