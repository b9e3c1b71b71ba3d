using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// The action f(x) -&gt; f(g x) of one matrix g on the homogeneous polynomials of each degree, with the images of all
/// monomials of a degree computed once and kept.
/// </summary>
/// <remarks>
/// The image of a monomial m = x_i * m' of degree d is the image of m' times the linear form sum_j g[i, j] x_j, so a
/// degree costs one product with a linear form per monomial. Not thread-safe.
/// </remarks>
internal sealed class GeneratorAction<T>
    where T : struct, IFieldElement<T>
{
    private readonly MonomialTable _table;
    private readonly T[,] _entries;
    private readonly List<SparseTerms<T>[]> _images = [];

    public GeneratorAction(Matrix<T> matrix, MonomialTable table)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(table);
        int n = table.VariableCount;
        if (matrix.RowCount != n || matrix.ColumnCount != n)
        {
            throw new ArgumentException($"A generator must be {n} x {n}; got {matrix.RowCount} x {matrix.ColumnCount}.", nameof(matrix));
        }

        _table = table;
        Matrix = matrix;
        _entries = new T[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _entries[i, j] = matrix[i, j];
            }
        }

        _images.Add([new SparseTerms<T>([0], [matrix.Field.One])]);
    }

    public Matrix<T> Matrix { get; }

    /// <summary>Returns the images of the monomials of degree <paramref name="degree"/>, indexed like the table's level.</summary>
    public SparseTerms<T>[] Images(int degree, CancellationToken ct = default)
    {
        while (_images.Count <= degree)
        {
            ct.ThrowIfCancellationRequested();
            _images.Add(BuildImages(_images.Count));
        }

        return _images[degree];
    }

    /// <summary>Returns f(g x) for a homogeneous f of degree <paramref name="degree"/>.</summary>
    public SparseTerms<T> Apply(SparseTerms<T> f, int degree, DenseAccumulator<T> accumulator)
    {
        var images = Images(degree);
        for (int k = 0; k < f.Count; k++)
        {
            var image = images[f.Indices[k]];
            var c = f.Values[k];
            for (int t = 0; t < image.Count; t++)
            {
                accumulator.Add(image.Indices[t], c * image.Values[t]);
            }
        }

        return accumulator.Drain();
    }

    /// <summary>Drops the kept images above degree <paramref name="degree"/> to free memory.</summary>
    public void Trim(int degree)
    {
        if (_images.Count > degree + 1)
        {
            _images.RemoveRange(degree + 1, _images.Count - degree - 1);
        }
    }

    private SparseTerms<T>[] BuildImages(int degree)
    {
        int n = _table.VariableCount;
        var level = _table[degree];
        var previousLevel = _table[degree - 1];
        var previous = _images[degree - 1];
        var result = new SparseTerms<T>[level.Count];
        var accumulator = new DenseAccumulator<T>(level.Count);
        for (int u = 0; u < level.Count; u++)
        {
            int i = level.FirstVariable[u];
            var image = previous[level.Down[u]];
            for (int t = 0; t < image.Count; t++)
            {
                int v = image.Indices[t];
                var c = image.Values[t];
                for (int j = 0; j < n; j++)
                {
                    var a = _entries[i, j];
                    if (!a.IsZero)
                    {
                        accumulator.Add(previousLevel.Up[(v * n) + j], c * a);
                    }
                }
            }

            result[u] = accumulator.Drain();
        }

        return result;
    }
}
