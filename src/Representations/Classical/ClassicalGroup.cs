using System.Globalization;
using System.Text.RegularExpressions;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Classical;

/// <summary>The classical groups described by <see cref="ClassicalGroup"/>.</summary>
public enum ClassicalGroupKind
{
    /// <summary>The orthogonal group O(d) = {g : g^T g = I}.</summary>
    Orthogonal,

    /// <summary>The rotation group SO(d), the orthogonal matrices of determinant 1.</summary>
    SpecialOrthogonal,

    /// <summary>The Lorentz group O(1, d-1) = {g : g^T J g = J} with J = diag(1, -1, ..., -1).</summary>
    Lorentz,

    /// <summary>The proper orthochronous Lorentz group SO+(1, d-1), the identity component of O(1, d-1).</summary>
    ProperOrthochronousLorentz,

    /// <summary>The Euclidean group E(d) = R^d ⋊ O(d); translations are removed by centring, leaving O(d).</summary>
    Euclidean,
}

/// <summary>
/// A classical Lie group G of d x d real matrices preserving a metric J: its exact Lie algebra basis, the generators
/// of its component group, and its tensor representations. Random elements come from <see cref="ClassicalGroupSampler"/>.
/// </summary>
/// <remarks>
/// <para>
/// Lie algebra: g = {X : X^T J + J X = 0}. For O(d) and SO(d) (J = I) the basis is L_ij = E_ij - E_ji for
/// i &lt; j, named <c>L12</c>, <c>L13</c>, ... with 1-based indices. For the Lorentz groups the signature is
/// (+, -, ..., -) with time first: J = diag(1, -1, ..., -1). The basis is the boosts K_i = E_0i + E_i0
/// (i = 1..d-1, named <c>K1</c>, ...) followed by the spatial rotations L_ij (1 &lt;= i &lt; j &lt;= d-1).
/// </para>
/// <para>
/// Components: O(d) has two, joined by the reflection diag(-1, 1, ..., 1). O(1, d-1) has four, generated (modulo
/// SO+(1, d-1)) by time reversal T = diag(-1, 1, ..., 1) and a parity P that reverses space: P = diag(1, -1, ..., -1)
/// when the number d-1 of space dimensions is odd (so det P = -1, as for d = 4), otherwise the reflection
/// diag(1, -1, 1, ..., 1) of the first space axis, because full space inversion is then a rotation. SO(d) and
/// SO+(1, d-1) are connected.
/// </para>
/// <para>
/// E(d): the invariants and equivariants of point clouds under translations are those of the centred points
/// x_j - (1/n) sum_k x_k, on which E(d) acts through O(d). This description therefore carries the data of O(d) and
/// <see cref="Centre"/> removes the translations.
/// </para>
/// </remarks>
public sealed partial class ClassicalGroup
{
    private ClassicalGroup(
        ClassicalGroupKind kind,
        int dimension,
        string name,
        Matrix<Rational> metric,
        IReadOnlyList<(string Name, Matrix<Rational> Matrix)> lieAlgebra,
        IReadOnlyList<(string Name, Matrix<Rational> Matrix)> components)
    {
        Kind = kind;
        Dimension = dimension;
        Name = name;
        Metric = metric;
        LieAlgebraBasis = lieAlgebra.Select(x => x.Matrix).ToArray();
        LieAlgebraBasisNames = lieAlgebra.Select(x => x.Name).ToArray();
        ComponentGenerators = components.Select(x => x.Matrix).ToArray();
        ComponentGeneratorNames = components.Select(x => x.Name).ToArray();
    }

    /// <summary>Which classical group this is.</summary>
    public ClassicalGroupKind Kind { get; }

    /// <summary>The dimension d of the defining representation.</summary>
    public int Dimension { get; }

    /// <summary>The name, such as <c>O(3)</c>, <c>SO+(1,3)</c> or <c>E(3)</c>.</summary>
    public string Name { get; }

    /// <summary>The preserved metric J (identity for O(d), SO(d), E(d); diag(1, -1, ..., -1) for the Lorentz groups).</summary>
    public Matrix<Rational> Metric { get; }

    /// <summary>A basis of the Lie algebra {X : X^T J + J X = 0}, as exact rational matrices.</summary>
    public IReadOnlyList<Matrix<Rational>> LieAlgebraBasis { get; }

    /// <summary>Names of the basis elements, in the same order (<c>L12</c>, <c>K1</c>, ...).</summary>
    public IReadOnlyList<string> LieAlgebraBasisNames { get; }

    /// <summary>Elements that, with the identity component, generate the group (empty for connected groups).</summary>
    public IReadOnlyList<Matrix<Rational>> ComponentGenerators { get; }

    /// <summary>Names of the component generators (<c>reflection</c>, <c>parity</c>, <c>time reversal</c>).</summary>
    public IReadOnlyList<string> ComponentGeneratorNames { get; }

    /// <summary>The number of connected components: 2 for O(d) and E(d), 4 for O(1, d-1), 1 for SO(d) and SO+(1, d-1).</summary>
    public int ComponentCount => 1 << ComponentGenerators.Count;

    /// <summary>Whether the group includes translations, which <see cref="Centre"/> removes (E(d)).</summary>
    public bool HasTranslations => Kind == ClassicalGroupKind.Euclidean;

    /// <summary>Whether the group is compact (O(d), SO(d); E(d) acts on centred points through the compact O(d)).</summary>
    public bool IsCompact => Kind is ClassicalGroupKind.Orthogonal or ClassicalGroupKind.SpecialOrthogonal or ClassicalGroupKind.Euclidean;

    /// <summary>Returns O(d).</summary>
    public static ClassicalGroup Orthogonal(int d) => Euclidean(ClassicalGroupKind.Orthogonal, d, $"O({d})");

    /// <summary>Returns SO(d).</summary>
    public static ClassicalGroup SpecialOrthogonal(int d) => Euclidean(ClassicalGroupKind.SpecialOrthogonal, d, $"SO({d})");

    /// <summary>Returns the Euclidean group E(d), described through O(d) acting on centred points.</summary>
    public static ClassicalGroup Euclidean(int d) => Euclidean(ClassicalGroupKind.Euclidean, d, $"E({d})");

    /// <summary>Returns the Lorentz group O(1, d-1) with metric diag(1, -1, ..., -1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> is less than 2.</exception>
    public static ClassicalGroup Lorentz(int d) => LorentzGroup(ClassicalGroupKind.Lorentz, d);

    /// <summary>Returns the proper orthochronous Lorentz group SO+(1, d-1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> is less than 2.</exception>
    public static ClassicalGroup ProperOrthochronousLorentz(int d) => LorentzGroup(ClassicalGroupKind.ProperOrthochronousLorentz, d);

    /// <summary>Parses <c>O(d)</c>, <c>SO(d)</c>, <c>E(d)</c>, <c>O(1,n)</c>, <c>SO+(1,n)</c> (d = n + 1), and <c>Lorentz</c> for O(1,3).</summary>
    /// <exception cref="FormatException">The text names no classical group.</exception>
    public static ClassicalGroup Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (t is "Lorentz" or "lorentz")
        {
            return Lorentz(4);
        }

        var match = NamePattern().Match(t);
        if (!match.Success || !int.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n > MaximumDimension)
        {
            throw new FormatException($"Unknown classical group '{text}'. Use O(d), SO(d), E(d), O(1,n) or SO+(1,n) with d, n from 1 to {MaximumDimension}.");
        }

        string family = match.Groups[1].Value.ToUpperInvariant();
        bool lorentz = match.Groups[2].Success;
        return (family, lorentz) switch
        {
            ("O", false) when n >= 1 => Orthogonal(n),
            ("SO", false) when n >= 1 => SpecialOrthogonal(n),
            ("E", false) when n >= 1 => Euclidean(n),
            ("O", true) when n >= 1 => Lorentz(n + 1),
            ("SO+", true) when n >= 1 => ProperOrthochronousLorentz(n + 1),
            _ => throw new FormatException($"Unknown classical group '{text}'. Use O(d), SO(d), E(d), O(1,n) or SO+(1,n) with d, n from 1 to {MaximumDimension}."),
        };
    }

    /// <summary>Largest dimension accepted.</summary>
    public const int MaximumDimension = 64;

    /// <summary>Returns the basis of the Lie algebra acting on a tensor representation (derivations, exact).</summary>
    public IReadOnlyList<Matrix<Rational>> LieAlgebraBasisIn(TensorRepresentation representation)
    {
        ArgumentNullException.ThrowIfNull(representation);
        return LieAlgebraBasis.Select(representation.LieAlgebraAction).ToArray();
    }

    /// <summary>Returns the component generators acting on a tensor representation (exact).</summary>
    public IReadOnlyList<Matrix<Rational>> ComponentGeneratorsIn(TensorRepresentation representation)
    {
        ArgumentNullException.ThrowIfNull(representation);
        return ComponentGenerators.Select(representation.GroupAction).ToArray();
    }

    /// <summary>Whether g^T J g equals J to within <paramref name="tolerance"/> in every entry.</summary>
    public bool PreservesMetric(RealMatrix g, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(g);
        var j = RealMatrix.FromExact(Metric);
        return g.RowCount == Dimension && g.ColumnCount == Dimension && (g.Transpose() * j * g - j).MaxAbs() <= tolerance;
    }

    /// <summary>
    /// Returns the centred coordinates of n points in R^d given as one vector (x_1, ..., x_n), each x_j of length d:
    /// x_j - (1/n) sum_k x_k. The centred points are invariant under translations and transform under the linear part.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a positive multiple of <see cref="Dimension"/>.</exception>
    public IReadOnlyList<double> Centre(IReadOnlyList<double> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int d = Dimension;
        if (points.Count == 0 || points.Count % d != 0)
        {
            throw new ArgumentException($"Centre: {points.Count} coordinates are not n points of dimension {d}.", nameof(points));
        }

        int n = points.Count / d;
        var mean = new double[d];
        for (int k = 0; k < points.Count; k++)
        {
            mean[k % d] += points[k] / n;
        }

        return Array.AsReadOnly(points.Select((x, k) => x - mean[k % d]).ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static ClassicalGroup Euclidean(ClassicalGroupKind kind, int d, string name)
    {
        CheckDimension(d, 1);
        var field = RationalField.Instance;
        var lie = new List<(string, Matrix<Rational>)>();
        for (int i = 0; i < d; i++)
        {
            for (int j = i + 1; j < d; j++)
            {
                lie.Add(($"L{i + 1}{Separator(d)}{j + 1}", Rotation(field, d, i, j)));
            }
        }

        var components = kind == ClassicalGroupKind.SpecialOrthogonal
            ? []
            : new List<(string, Matrix<Rational>)> { ("reflection", Diagonal(d, k => k == 0 ? -1 : 1)) };
        return new ClassicalGroup(kind, d, name, Matrix.Identity(field, d), lie, components);
    }

    private static ClassicalGroup LorentzGroup(ClassicalGroupKind kind, int d)
    {
        CheckDimension(d, 2);
        var field = RationalField.Instance;
        var lie = new List<(string, Matrix<Rational>)>();
        for (int i = 1; i < d; i++)
        {
            int spatial = i;
            lie.Add(($"K{i}", Matrix.FromFunction(field, d, d, (r, c) => (r == 0 && c == spatial) || (r == spatial && c == 0) ? Rational.One : Rational.Zero)));
        }

        for (int i = 1; i < d; i++)
        {
            for (int j = i + 1; j < d; j++)
            {
                lie.Add(($"L{i}{Separator(d - 1)}{j}", Rotation(field, d, i, j)));
            }
        }

        var components = new List<(string, Matrix<Rational>)>();
        if (kind == ClassicalGroupKind.Lorentz)
        {
            bool oddSpace = (d - 1) % 2 == 1;
            components.Add(("parity", Diagonal(d, k => k == 0 ? 1 : (oddSpace || k == 1 ? -1 : 1))));
            components.Add(("time reversal", Diagonal(d, k => k == 0 ? -1 : 1)));
        }

        string name = kind == ClassicalGroupKind.Lorentz ? $"O(1,{d - 1})" : $"SO+(1,{d - 1})";
        return new ClassicalGroup(kind, d, name, Diagonal(d, k => k == 0 ? 1 : -1), lie, components);
    }

    /// <summary>Index separator in basis names: none while all indices are single digits (L12), a comma otherwise (L1,12).</summary>
    private static string Separator(int largestIndex) => largestIndex >= 10 ? "," : string.Empty;

    /// <summary>Returns E_ij - E_ji.</summary>
    private static Matrix<Rational> Rotation(Field<Rational> field, int d, int i, int j)
    {
        var entries = new Rational[d * d];
        entries[i * d + j] = Rational.One;
        entries[j * d + i] = Rational.MinusOne;
        return Matrix.FromRowMajor<Rational>(field, d, d, entries);
    }

    private static Matrix<Rational> Diagonal(int d, Func<int, int> entry) =>
        Matrix.Diagonal<Rational>(RationalField.Instance, Enumerable.Range(0, d).Select(k => (Rational)entry(k)).ToArray());

    private static void CheckDimension(int d, int minimum)
    {
        if (d < minimum || d > MaximumDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, $"Classical group dimension must be from {minimum} to {MaximumDimension}; got {d}.");
        }
    }

    [GeneratedRegex(@"^(O|SO|E|SO\+)\((1,)?(\d+)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();
}
