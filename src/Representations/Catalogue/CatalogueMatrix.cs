using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Catalogue;

/// <summary>
/// A square matrix of <see cref="CatalogueScalar"/> entries used while building catalogue generators,
/// with the few operations the builders need and conversion to the text rows of a <see cref="GroupDefinition"/>.
/// </summary>
internal sealed class CatalogueMatrix
{
    private readonly CatalogueScalar[,] _entries;

    private CatalogueMatrix(CatalogueScalar[,] entries)
    {
        _entries = entries;
    }

    public int Dimension => _entries.GetLength(0);

    public CatalogueScalar this[int i, int j] => _entries[i, j];

    public static CatalogueMatrix FromFunction(int dimension, Func<int, int, CatalogueScalar> entry)
    {
        var entries = new CatalogueScalar[dimension, dimension];
        for (int i = 0; i < dimension; i++)
        {
            for (int j = 0; j < dimension; j++)
            {
                entries[i, j] = entry(i, j);
            }
        }

        return new CatalogueMatrix(entries);
    }

    /// <summary>Returns the matrix with the given integer rows.</summary>
    public static CatalogueMatrix FromRows(params int[][] rows) =>
        FromFunction(rows.Length, (i, j) => rows[i][j]);

    /// <summary>Returns the matrix with the given scalar rows.</summary>
    public static CatalogueMatrix FromRows(params CatalogueScalar[][] rows) =>
        FromFunction(rows.Length, (i, j) => rows[i][j]);

    public static CatalogueMatrix Identity(int dimension) =>
        FromFunction(dimension, (i, j) => i == j ? CatalogueScalar.One : CatalogueScalar.Zero);

    public static CatalogueMatrix Diagonal(params CatalogueScalar[] diagonal) =>
        FromFunction(diagonal.Length, (i, j) => i == j ? diagonal[i] : CatalogueScalar.Zero);

    public static CatalogueMatrix Diagonal(params int[] diagonal) =>
        FromFunction(diagonal.Length, (i, j) => i == j ? diagonal[i] : 0);

    /// <summary>
    /// Returns the permutation matrix P with P e_j = e_{image[j]} (0-based), so that (P x)_{image[j]} = x_j.
    /// </summary>
    public static CatalogueMatrix Permutation(IReadOnlyList<int> image) =>
        FromFunction(image.Count, (i, j) => image[j] == i ? CatalogueScalar.One : CatalogueScalar.Zero);

    public static CatalogueMatrix operator *(CatalogueMatrix a, CatalogueMatrix b)
    {
        int n = a.Dimension;
        return FromFunction(n, (i, j) =>
        {
            CatalogueScalar sum = CatalogueScalar.Zero;
            for (int k = 0; k < n; k++)
            {
                sum += a[i, k] * b[k, j];
            }

            return sum;
        });
    }

    public static CatalogueMatrix operator *(CatalogueScalar c, CatalogueMatrix a) =>
        FromFunction(a.Dimension, (i, j) => c * a[i, j]);

    public static CatalogueMatrix operator -(CatalogueMatrix a) =>
        FromFunction(a.Dimension, (i, j) => -a[i, j]);

    /// <summary>The least common multiple of the orders of the entries: the smallest Q(zeta_n) built from them.</summary>
    public int Order
    {
        get
        {
            int order = 1;
            foreach (var entry in _entries)
            {
                order = CatalogueScalar.Lcm(order, entry.Order);
            }

            return order;
        }
    }

    /// <summary>Returns the entries as rows of text in Q(zeta_m), m = <paramref name="fieldOrder"/> (Q for m at most 2).</summary>
    public IReadOnlyList<IReadOnlyList<string>> ToText(int fieldOrder)
    {
        int n = Dimension;
        var rows = new IReadOnlyList<string>[n];
        for (int i = 0; i < n; i++)
        {
            var row = new string[n];
            for (int j = 0; j < n; j++)
            {
                row[j] = _entries[i, j].Format(fieldOrder);
            }

            rows[i] = Array.AsReadOnly(row);
        }

        return Array.AsReadOnly(rows);
    }

    /// <summary>Returns the field spec Q(zeta_m) with m = <paramref name="fieldOrder"/>, or Q for m at most 2.</summary>
    public static FieldSpec FieldOf(int fieldOrder) =>
        fieldOrder <= 2 ? FieldSpec.Rationals : new FieldSpec(FieldKind.Cyclotomic, (ulong)fieldOrder);
}
