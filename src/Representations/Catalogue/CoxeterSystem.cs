using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Catalogue;

/// <summary>
/// A finite irreducible Coxeter system of type A_n, B_n, D_n, E6, E7, E8, F4, G2, H3, H4 or I2(m): its Coxeter
/// matrix, a Cartan matrix and the degrees of its basic invariants.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: geometric (reflection) representation on the root basis [Hum90, Sec. 5.3]. The Coxeter diagram is
/// the primary data; the Cartan matrix A is built from it with A_ii = 2 and, for an edge i - j labelled m,
/// A_ij A_ji = 4 cos^2(pi/m). The simple reflection s_i acts on the root basis by
/// s_i(alpha_j) = alpha_j - A_ij alpha_i, so its matrix is the identity with row i replaced by e_i - A_i.
/// For crystallographic types, A_ij = 2 (alpha_i, alpha_j)/(alpha_i, alpha_i) (Kac's convention, the transpose of
/// the Cartan matrix in Humphreys' Lie algebra book) with Bourbaki's numbering of the nodes.
/// </para>
/// <para>
/// Edge labels and entries: m = 3 gives A_ij = A_ji = -1; m = 4 and m = 6 give -1 on the long root's row and -2 or -3
/// on the short root's row. Another odd m gives the symmetric entries A_ij = A_ji = -2 cos(pi/m) = z^((m+1)/2) + z^((m-1)/2)
/// in Q(zeta_m), for m = 5 (H3, H4, I2(5)) the negative golden ratio -phi = z^2 + z^3. Another even m gives
/// A_ij = -1 and A_ji = -(2 + z + z^-1) = -4 cos^2(pi/m) in Q(zeta_m), like the long and short roots of B2 and G2.
/// Every Coxeter diagram of finite type is a tree, so these non-symmetric choices still give the geometric
/// representation up to rescaling the basis, and every root is the image of a simple root under the group.
/// </para>
/// <para>
/// The degrees d_1, ..., d_n of the basic invariants are those of [Hum90, Table 3.1]; the group order is their product
/// and the number of reflections (positive roots) is the sum of d_i - 1 [Hum90, Thm. 3.9].
/// </para>
/// </remarks>
public sealed partial class CoxeterSystem
{
    /// <summary>Largest rank accepted for the infinite families A_n, B_n, D_n.</summary>
    public const int MaximumRank = 32;

    /// <summary>Largest m accepted for I2(m).</summary>
    public const int MaximumDihedralOrder = 1000;

    private readonly IReadOnlyList<(int I, int J, int M)> _edges;

    private CoxeterSystem(string type, int rank, IReadOnlyList<(int I, int J, int M)> edges, IReadOnlyList<int> degrees)
    {
        Type = type;
        Rank = rank;
        _edges = edges;
        Degrees = degrees;

        var m = new int[rank][];
        for (int i = 0; i < rank; i++)
        {
            m[i] = Enumerable.Range(0, rank).Select(j => i == j ? 1 : 2).ToArray();
        }

        foreach (var (i, j, label) in edges)
        {
            m[i][j] = label;
            m[j][i] = label;
        }

        CoxeterMatrix = m.Select(row => (IReadOnlyList<int>)Array.AsReadOnly(row)).ToArray();
        FieldOrder = edges.Select(e => EdgeFieldOrder(e.M)).DefaultIfEmpty(1).Aggregate(CatalogueScalar.Lcm);
    }

    /// <summary>The type, such as <c>E6</c>, <c>B3</c> or <c>I2(5)</c>.</summary>
    public string Type { get; }

    /// <summary>The number of simple reflections.</summary>
    public int Rank { get; }

    /// <summary>The Coxeter matrix m_ij (0-based indices): (s_i s_j) has order m_ij, with m_ii = 1.</summary>
    public IReadOnlyList<IReadOnlyList<int>> CoxeterMatrix { get; }

    /// <summary>The degrees of the basic invariants [Hum90, Table 3.1], in increasing order.</summary>
    public IReadOnlyList<int> Degrees { get; }

    /// <summary>The group order: the product of the degrees.</summary>
    public BigInteger Order => Degrees.Aggregate(BigInteger.One, (product, d) => product * d);

    /// <summary>The number of reflections, which equals the number of positive roots: the sum of d_i - 1.</summary>
    public int ReflectionCount => Degrees.Sum(d => d - 1);

    /// <summary>Whether all Cartan entries are integers (types A, B, D, E, F, G and I2(m) for m = 2, 3, 4, 6).</summary>
    public bool IsCrystallographic => FieldOrder == 1;

    /// <summary>The field the Cartan matrix and the reflections are written over.</summary>
    public FieldSpec Field => CatalogueMatrix.FieldOf(FieldOrder);

    /// <summary>The Cartan matrix as text in <see cref="Field"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CartanMatrix => CartanMatrixValues().ToText(FieldOrder);

    internal int FieldOrder { get; }

    /// <summary>Returns the Coxeter system of a type name: <c>A&lt;n&gt;</c>, <c>B&lt;n&gt;</c>, <c>D&lt;n&gt;</c>, <c>E6</c>, <c>E7</c>, <c>E8</c>, <c>F4</c>, <c>G2</c>, <c>H3</c>, <c>H4</c>, <c>I2(&lt;m&gt;)</c>.</summary>
    /// <exception cref="ArgumentException">The type is unknown or its rank is out of range.</exception>
    public static CoxeterSystem Get(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return TryGet(type, out var system)
            ? system
            : throw new ArgumentException(
                $"Unknown Coxeter type '{type}'. Use A<n> (n >= 1), B<n> (n >= 2), D<n> (n >= 2) with n <= {MaximumRank}, E6, E7, E8, F4, G2, H3, H4 or I2(<m>) with 2 <= m <= {MaximumDihedralOrder}.",
                nameof(type));
    }

    /// <summary>Returns the Coxeter system of a type name, or false when the type is unknown or out of range.</summary>
    public static bool TryGet(string type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CoxeterSystem? system)
    {
        ArgumentNullException.ThrowIfNull(type);
        system = null;
        switch (type)
        {
            case "E6":
                system = new CoxeterSystem("E6", 6, ExceptionalE(6), [2, 5, 6, 8, 9, 12]);
                return true;
            case "E7":
                system = new CoxeterSystem("E7", 7, ExceptionalE(7), [2, 6, 8, 10, 12, 14, 18]);
                return true;
            case "E8":
                system = new CoxeterSystem("E8", 8, ExceptionalE(8), [2, 8, 12, 14, 18, 20, 24, 30]);
                return true;
            case "F4":
                system = new CoxeterSystem("F4", 4, [(0, 1, 3), (1, 2, 4), (2, 3, 3)], [2, 6, 8, 12]);
                return true;
            case "G2":
                // Bourbaki: alpha_1 short, alpha_2 long; the long root is listed first in the edge.
                system = new CoxeterSystem("G2", 2, [(1, 0, 6)], [2, 6]);
                return true;
            case "H3":
                system = new CoxeterSystem("H3", 3, [(0, 1, 5), (1, 2, 3)], [2, 6, 10]);
                return true;
            case "H4":
                system = new CoxeterSystem("H4", 4, [(0, 1, 5), (1, 2, 3), (2, 3, 3)], [2, 12, 20, 30]);
                return true;
        }

        var dihedral = DihedralPattern().Match(type);
        if (dihedral.Success)
        {
            int? m = ParseBounded(dihedral.Groups[1].Value, 2, MaximumDihedralOrder);
            if (m is null)
            {
                return false;
            }

            system = new CoxeterSystem($"I2({m})", 2, m == 2 ? [] : [(0, 1, m.Value)], [2, m.Value]);
            return true;
        }

        var classical = ClassicalPattern().Match(type);
        if (!classical.Success)
        {
            return false;
        }

        char letter = classical.Groups[1].Value[0];
        int? rank = ParseBounded(classical.Groups[2].Value, letter == 'A' ? 1 : 2, MaximumRank);
        if (rank is null)
        {
            return false;
        }

        int n = rank.Value;
        system = letter switch
        {
            'A' => new CoxeterSystem($"A{n}", n, Chain(n), Enumerable.Range(2, n).ToArray()),
            'B' => new CoxeterSystem($"B{n}", n, Chain(n - 1).Append((n - 2, n - 1, 4)).ToArray(), Enumerable.Range(1, n).Select(k => 2 * k).ToArray()),
            _ => new CoxeterSystem($"D{n}", n, TypeDEdges(n), Enumerable.Range(1, n - 1).Select(k => 2 * k).Append(n).Order().ToArray()),
        };
        return true;
    }

    /// <summary>Returns the Cartan matrix entries as catalogue scalars.</summary>
    internal CatalogueMatrix CartanMatrixValues()
    {
        var entries = new CatalogueScalar[Rank, Rank];
        for (int i = 0; i < Rank; i++)
        {
            for (int j = 0; j < Rank; j++)
            {
                entries[i, j] = i == j ? 2 : 0;
            }
        }

        foreach (var (i, j, m) in _edges)
        {
            var (forward, backward) = EdgeEntries(m);
            entries[i, j] = forward;
            entries[j, i] = backward;
        }

        return CatalogueMatrix.FromFunction(Rank, (i, j) => entries[i, j]);
    }

    /// <summary>Returns the simple reflections s_1, ..., s_n on the root basis.</summary>
    internal IReadOnlyList<CatalogueMatrix> SimpleReflections()
    {
        var cartan = CartanMatrixValues();
        return Enumerable.Range(0, Rank)
            .Select(i => CatalogueMatrix.FromFunction(Rank, (row, column) =>
                row != i ? (row == column ? CatalogueScalar.One : CatalogueScalar.Zero)
                         : (row == column ? CatalogueScalar.One : CatalogueScalar.Zero) - cartan[i, column]))
            .ToArray();
    }

    /// <summary>Returns (A_ij, A_ji) for an edge i - j labelled m; for m = 4, 6 node i is the long root.</summary>
    private static (CatalogueScalar Forward, CatalogueScalar Backward) EdgeEntries(int m)
    {
        if (m is 3 or 4 or 6)
        {
            return (-1, m == 3 ? -1 : m == 4 ? -2 : -3);
        }

        if (m % 2 == 1)
        {
            var minusTwoCos = CatalogueScalar.Zeta(m, (m + 1) / 2) + CatalogueScalar.Zeta(m, (m - 1) / 2);
            return (minusTwoCos, minusTwoCos);
        }

        return (-1, -(CatalogueScalar.FromRational(2) + CatalogueScalar.TwoCos(m, 1)));
    }

    private static int EdgeFieldOrder(int m) => m is 2 or 3 or 4 or 6 ? 1 : m;

    private static (int, int, int)[] Chain(int n) =>
        Enumerable.Range(0, Math.Max(n - 1, 0)).Select(k => (k, k + 1, 3)).ToArray();

    private static (int, int, int)[] TypeDEdges(int n) =>
        n == 2 ? [] : Chain(n - 1).Append((n - 3, n - 1, 3)).ToArray();

    /// <summary>Bourbaki numbering: 1 - 3 - 4 - 5 - ... - n with node 2 attached to node 4 (1-based).</summary>
    private static (int, int, int)[] ExceptionalE(int n)
    {
        var edges = new List<(int, int, int)> { (0, 2, 3), (1, 3, 3) };
        for (int k = 2; k < n - 1; k++)
        {
            edges.Add((k, k + 1, 3));
        }

        return edges.ToArray();
    }

    private static int? ParseBounded(string digits, int minimum, int maximum)
    {
        if (digits.Length > 9 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return null;
        }

        return value >= minimum && value <= maximum ? value : null;
    }

    [GeneratedRegex(@"^I2\((\d+)\)$")]
    private static partial Regex DihedralPattern();

    [GeneratedRegex(@"^([ABD])(\d+)$")]
    private static partial Regex ClassicalPattern();
}
