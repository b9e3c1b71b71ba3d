using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.LinearAlgebra;

/// <content>Elimination-based methods: echelon form, rank, null space, solving, determinant, inverse, characteristic polynomial.</content>
public sealed partial class Matrix<T>
{
    private ReducedRowEchelonForm<T>? _reducedRowEchelon;

    /// <summary>Whether <paramref name="algorithm"/> applies to matrices over this element type (<see cref="LinearAlgebraAlgorithm.Modular"/> needs Q).</summary>
    public static bool IsAlgorithmSupported(LinearAlgebraAlgorithm algorithm) =>
        algorithm is LinearAlgebraAlgorithm.Auto or LinearAlgebraAlgorithm.Direct
        || (algorithm == LinearAlgebraAlgorithm.Modular && typeof(T) == typeof(Rational));

    /// <summary>Returns the reduced row echelon form R of this matrix and its pivot columns.</summary>
    /// <remarks>Uses <see cref="LinearAlgebraAlgorithm.Auto"/>; see <see cref="ReducedRowEchelon(LinearAlgebraAlgorithm, CancellationToken)"/>.</remarks>
    public ReducedRowEchelonForm<T> ReducedRowEchelon(CancellationToken ct = default) => ReducedRowEchelon(LinearAlgebraAlgorithm.Auto, ct);

    /// <summary>Returns the reduced row echelon form R of this matrix and its pivot columns.</summary>
    /// <remarks>
    /// Algorithm: Gauss-Jordan elimination [Coh93, Sec. 2.2]; over Q, <see cref="LinearAlgebraAlgorithm.Auto"/> switches to the
    /// verified multi-modular algorithm of <see cref="RationalMatrixAlgorithms"/> for larger matrices. The result is unique, so it
    /// does not depend on the algorithm, and it is cached: concurrent first calls may compute it twice but store the same value.
    /// </remarks>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public ReducedRowEchelonForm<T> ReducedRowEchelon(LinearAlgebraAlgorithm algorithm, CancellationToken ct = default)
    {
        RequireSupported(algorithm, "ReducedRowEchelon");
        var cached = Volatile.Read(ref _reducedRowEchelon);
        if (cached is not null)
        {
            return cached;
        }

        var result = ComputeReducedRowEchelon(algorithm, ct);
        Volatile.Write(ref _reducedRowEchelon, result);
        return result;
    }

    /// <summary>Returns the rank, the dimension of the row space.</summary>
    public int Rank(CancellationToken ct = default) => ReducedRowEchelon(ct).Rank;

    /// <summary>Returns the rank, the dimension of the row space, computed with <paramref name="algorithm"/>.</summary>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public int Rank(LinearAlgebraAlgorithm algorithm, CancellationToken ct = default) => ReducedRowEchelon(algorithm, ct).Rank;

    /// <summary>
    /// Returns a basis of the null space {x : A x = 0}, the standard one read off the reduced row echelon form:
    /// one vector per non-pivot column f, with x[f] = 1 and zeros at the other non-pivot columns.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<T>> NullSpace(CancellationToken ct = default) => ReducedRowEchelon(ct).NullSpace();

    /// <summary>Returns the standard basis of the null space, as <see cref="NullSpace(CancellationToken)"/>, computed with <paramref name="algorithm"/>.</summary>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public IReadOnlyList<IReadOnlyList<T>> NullSpace(LinearAlgebraAlgorithm algorithm, CancellationToken ct = default) =>
        ReducedRowEchelon(algorithm, ct).NullSpace();

    /// <summary>
    /// Returns a solution x of A x = b, the one with zeros at the non-pivot columns, or null when the system is inconsistent.
    /// </summary>
    /// <remarks>Algorithm: reduced row echelon form of the augmented matrix [A | b], see <see cref="ReducedRowEchelon(LinearAlgebraAlgorithm, CancellationToken)"/>.</remarks>
    /// <exception cref="ArgumentException">The length of <paramref name="b"/> differs from <see cref="RowCount"/>.</exception>
    public IReadOnlyList<T>? Solve(IReadOnlyList<T> b, CancellationToken ct = default) => Solve(b, LinearAlgebraAlgorithm.Auto, ct);

    /// <summary>Returns a solution x of A x = b as <see cref="Solve(IReadOnlyList{T}, CancellationToken)"/>, computed with <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="b"/> differs from <see cref="RowCount"/>.</exception>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public IReadOnlyList<T>? Solve(IReadOnlyList<T> b, LinearAlgebraAlgorithm algorithm, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(b);
        RequireSupported(algorithm, "Solve");
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

        var (reduced, pivots) = new Matrix<T>(Field, RowCount, width, augmented).ComputeReducedRowEchelon(algorithm, ct);
        if (pivots.Count > 0 && pivots[^1] == ColumnCount)
        {
            return null;
        }

        var solution = new T[ColumnCount];
        for (int k = 0; k < pivots.Count; k++)
        {
            solution[pivots[k]] = reduced[k, ColumnCount];
        }

        return Array.AsReadOnly(solution);
    }

    /// <summary>Returns the determinant.</summary>
    /// <remarks>
    /// Algorithm: Gaussian elimination to upper triangular form [Coh93, Sec. 2.2]; over Q, <see cref="LinearAlgebraAlgorithm.Auto"/>
    /// switches to the multi-modular algorithm with the Hadamard bound for larger matrices. The 0x0 matrix has determinant 1.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public T Determinant(CancellationToken ct = default) => Determinant(LinearAlgebraAlgorithm.Auto, ct);

    /// <summary>Returns the determinant, computed with <paramref name="algorithm"/>.</summary>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public T Determinant(LinearAlgebraAlgorithm algorithm, CancellationToken ct = default)
    {
        RequireSquare("Determinant");
        RequireSupported(algorithm, "Determinant");
        if (typeof(T) == typeof(Rational))
        {
            var determinant = RationalMatrixAlgorithms.Determinant((Matrix<Rational>)(object)this, algorithm, ct);
            return (T)(object)determinant;
        }

        if (typeof(T) == typeof(ModInt) && PrimeFieldKernels.Applies(Field))
        {
            return (T)(object)PrimeFieldKernels.Determinant((Matrix<ModInt>)(object)this, ct);
        }

        return GaussianElimination.DeterminantInPlace(CopyEntries(), RowCount, Field.One, ct);
    }

    /// <summary>Returns the inverse matrix.</summary>
    /// <remarks>Algorithm: reduced row echelon form of [A | I], see <see cref="ReducedRowEchelon(LinearAlgebraAlgorithm, CancellationToken)"/>.</remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square, or it is singular (the message gives its rank).</exception>
    public Matrix<T> Inverse(CancellationToken ct = default) => Inverse(LinearAlgebraAlgorithm.Auto, ct);

    /// <summary>Returns the inverse matrix, computed with <paramref name="algorithm"/>.</summary>
    /// <exception cref="InvalidOperationException">The matrix is not square, or it is singular (the message gives its rank).</exception>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public Matrix<T> Inverse(LinearAlgebraAlgorithm algorithm, CancellationToken ct = default)
    {
        RequireSquare("Inverse");
        RequireSupported(algorithm, "Inverse");
        int n = RowCount, width = 2 * n;
        var augmented = new T[n * width];
        var one = Field.One;
        for (int i = 0; i < n; i++)
        {
            _entries.AsSpan(i * n, n).CopyTo(augmented.AsSpan(i * width));
            augmented[i * width + n + i] = one;
        }

        // The echelon form of [A | I] is [I | A^-1] exactly when A is invertible; otherwise rank A pivots lie in A.
        var (reduced, pivots) = new Matrix<T>(Field, n, width, augmented).ComputeReducedRowEchelon(algorithm, ct);
        int rank = 0;
        while (rank < pivots.Count && pivots[rank] < n)
        {
            rank++;
        }

        if (rank < n)
        {
            throw new InvalidOperationException(
                $"Inverse: the {n}x{n} matrix is singular (rank {rank} < {n}) over {Field.Name}; only matrices of full rank have an inverse.");
        }

        var inverse = new T[n * n];
        var reducedEntries = reduced.RowMajorEntries;
        for (int i = 0; i < n; i++)
        {
            reducedEntries.Slice(i * width + n, n).CopyTo(inverse.AsSpan(i * n));
        }

        return new Matrix<T>(Field, n, n, inverse);
    }

    /// <summary>
    /// Returns the coefficients of the characteristic polynomial det(x I - A), lowest degree first
    /// (n + 1 coefficients for an n x n matrix, the last one is 1).
    /// </summary>
    /// <remarks>
    /// Algorithm: Hessenberg reduction [Coh93, Sec. 2.2], O(n^3) field operations, over every field; over Q,
    /// <see cref="LinearAlgebraAlgorithm.Auto"/> switches to the multi-modular Hessenberg reduction for larger matrices.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    public IReadOnlyList<T> CharacteristicPolynomial(CancellationToken ct = default) => CharacteristicPolynomial(LinearAlgebraAlgorithm.Auto, ct);

    /// <summary>Returns the coefficients of the characteristic polynomial, lowest degree first, computed with <paramref name="algorithm"/>.</summary>
    /// <exception cref="InvalidOperationException">The matrix is not square.</exception>
    /// <exception cref="NotSupportedException"><paramref name="algorithm"/> is <see cref="LinearAlgebraAlgorithm.Modular"/> and the field is not Q.</exception>
    public IReadOnlyList<T> CharacteristicPolynomial(LinearAlgebraAlgorithm algorithm, CancellationToken ct = default)
    {
        RequireSquare("CharacteristicPolynomial");
        RequireSupported(algorithm, "CharacteristicPolynomial");
        if (typeof(T) == typeof(Rational))
        {
            return (IReadOnlyList<T>)(object)RationalMatrixAlgorithms.CharacteristicPolynomial((Matrix<Rational>)(object)this, algorithm, ct);
        }

        var coefficients = LinearAlgebra.CharacteristicPolynomial.HessenbergInPlace(CopyEntries(), RowCount, Field.One, ct);
        return Array.AsReadOnly(coefficients);
    }

    private ReducedRowEchelonForm<T> ComputeReducedRowEchelon(LinearAlgebraAlgorithm algorithm, CancellationToken ct)
    {
        if (typeof(T) == typeof(Rational))
        {
            var rational = RationalMatrixAlgorithms.ReducedRowEchelon((Matrix<Rational>)(object)this, algorithm, ct);
            return (ReducedRowEchelonForm<T>)(object)rational;
        }

        if (typeof(T) == typeof(ModInt) && PrimeFieldKernels.Applies(Field))
        {
            return (ReducedRowEchelonForm<T>)(object)PrimeFieldKernels.ReducedRowEchelon((Matrix<ModInt>)(object)this, ct);
        }

        var entries = CopyEntries();
        var pivots = GaussianElimination.ReduceInPlace(entries, RowCount, ColumnCount, Field.One, ct);
        return new ReducedRowEchelonForm<T>(new Matrix<T>(Field, RowCount, ColumnCount, entries), pivots.AsReadOnly());
    }

    private void RequireSupported(LinearAlgebraAlgorithm algorithm, string operation)
    {
        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, $"{operation}: unknown linear algebra algorithm {algorithm}; use Auto, Direct or Modular.");
        }

        if (!IsAlgorithmSupported(algorithm))
        {
            throw new NotSupportedException(
                $"{operation}: the Modular algorithm works over Q only, not over {Field.Name}; use Auto or Direct.");
        }
    }
}
