using FsCheck;
using FsCheck.Fluent;
using InvTheory.Representations.Classical;

namespace InvTheory.Testing;

/// <summary>
/// FsCheck generators of random real numbers, orthogonal matrices, Lorentz transformations and permutations. They
/// ignore the FsCheck size parameter, so every test case draws from the same distribution.
/// </summary>
public static class GroupSamples
{
    /// <summary>The default bound on the rapidity of sampled Lorentz boosts.</summary>
    public const double DefaultMaxRapidity = 1.0;

    private const long UniformResolution = 1L << 53;

    /// <summary>Uniform numbers in [0, 1), with 53 random bits.</summary>
    public static Gen<double> UniformUnit { get; } =
        FsCheck.FSharp.Gen.Choose64(0, UniformResolution - 1).Select(k => k / (double)UniformResolution);

    /// <summary>Standard normal numbers N(0, 1).</summary>
    /// <remarks>Algorithm: Box-Muller transform of two uniform numbers [BM58].</remarks>
    public static Gen<double> StandardNormal { get; } =
        from u in UniformUnit
        from v in UniformUnit
        select Math.Sqrt(-2.0 * Math.Log(1.0 - u)) * Math.Cos(2.0 * Math.PI * v);

    /// <summary>Haar-distributed elements of the orthogonal group O(d).</summary>
    /// <remarks>
    /// <para>
    /// Algorithm: QR decomposition of a d x d matrix Z of independent standard normal entries, Q with the signs of
    /// the columns chosen so that R has a positive diagonal [Mez07, section "A Correct and Efficient Algorithm"]. Without the sign correction the
    /// distribution of Q depends on the QR routine and is not Haar in general. Modified Gram-Schmidt with one
    /// reorthogonalization pass computes exactly this Q, orthogonal to a few units of rounding error.
    /// </para>
    /// <para>A singular Z has probability zero; the generator draws again when a column is numerically dependent.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> is less than 1 or larger than <see cref="ClassicalGroup.MaximumDimension"/>.</exception>
    public static Gen<RealMatrix> HaarOrthogonal(int d)
    {
        CheckDimension(d, 1);
        return Gen.ArrayOf(StandardNormal, d * d)
            .Select(entries => OrthonormalizeColumns(d, entries))
            .Where(q => q is not null)
            .Select(q => q!);
    }

    /// <summary>Haar-distributed elements of the rotation group SO(d).</summary>
    /// <remarks>
    /// Algorithm: a Haar element Q of O(d) [Mez07], with the first column negated when det Q = -1. Right
    /// multiplication by the fixed reflection diag(-1, 1, ..., 1) preserves Haar measure and maps the component of
    /// determinant -1 onto SO(d), so the result is Haar on SO(d).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> is less than 1 or larger than <see cref="ClassicalGroup.MaximumDimension"/>.</exception>
    public static Gen<RealMatrix> HaarSpecialOrthogonal(int d) =>
        HaarOrthogonal(d).Select(q => q.Determinant() > 0 ? q : q * Reflection(d));

    /// <summary>
    /// Random elements of the proper orthochronous Lorentz group SO+(1, d-1) with metric diag(1, -1, ..., -1): B R with
    /// R a Haar-random rotation of space and B a boost along a uniformly random direction with rapidity uniform in
    /// [-<paramref name="maxRapidity"/>, <paramref name="maxRapidity"/>].
    /// </summary>
    /// <remarks>
    /// <para>
    /// Algorithm: the polar decomposition of SO+(1, d-1) into a pure boost times a rotation of space. The boost along
    /// the unit vector n with rapidity eta is [[cosh eta, sinh(eta) n^T], [sinh(eta) n, I + (cosh eta - 1) n n^T]]. The
    /// direction is a normalized vector of independent standard normal entries, which is uniform on the sphere
    /// because that distribution is rotation invariant. The rotation is a Haar element of SO(d-1) [Mez07].
    /// </para>
    /// <para>
    /// SO+(1, d-1) is not compact and has no invariant probability distribution, so this distribution is a choice.
    /// The rapidity bound keeps boosts moderate: entries of B grow like cosh(eta), and rounding errors of a tested
    /// function grow with them (e^1 is about 2.7 at the default bound 1).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="d"/> is less than 2 or too large, or <paramref name="maxRapidity"/> is negative or not finite.
    /// </exception>
    public static Gen<RealMatrix> ProperOrthochronousLorentz(int d, double maxRapidity = DefaultMaxRapidity)
    {
        CheckDimension(d, 2);
        CheckRapidity(maxRapidity);
        var direction = Gen.ArrayOf(StandardNormal, d - 1)
            .Where(v => Norm(v) > 1e-8)
            .Select(v => v.Select(x => x / Norm(v)).ToArray());
        return
            from rotation in HaarSpecialOrthogonal(d - 1)
            from n in direction
            from u in UniformUnit
            select Boost(n, (2 * u - 1) * maxRapidity) * RealRepresentation.DirectSum(RealMatrix.Identity(1), rotation);
    }

    /// <summary>
    /// Random elements of the full Lorentz group O(1, d-1): an element of <see cref="ProperOrthochronousLorentz"/>
    /// times P^a T^b with a, b uniform in {0, 1}, for the parity P and time reversal T of <see cref="ClassicalGroup"/>,
    /// so each of the four components has probability 1/4.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="d"/> is less than 2 or too large, or <paramref name="maxRapidity"/> is negative or not finite.
    /// </exception>
    public static Gen<RealMatrix> Lorentz(int d, double maxRapidity = DefaultMaxRapidity)
    {
        var components = ClassicalGroup.Lorentz(d).ComponentGenerators.Select(RealMatrix.FromExact).ToArray();
        return
            from element in ProperOrthochronousLorentz(d, maxRapidity)
            from parity in Gen.Choose(0, 1)
            from timeReversal in Gen.Choose(0, 1)
            select Times(Times(element, components[0], parity), components[1], timeReversal);
    }

    /// <summary>
    /// Random elements of a classical group: Haar for O(d), SO(d) and (through its linear part O(d)) E(d), and the
    /// Lorentz samplers above for O(1, d-1) and SO+(1, d-1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRapidity"/> is negative or not finite.</exception>
    public static Gen<RealMatrix> Classical(ClassicalGroup group, double maxRapidity = DefaultMaxRapidity)
    {
        ArgumentNullException.ThrowIfNull(group);
        CheckRapidity(maxRapidity);
        return group.Kind switch
        {
            ClassicalGroupKind.SpecialOrthogonal => HaarSpecialOrthogonal(group.Dimension),
            ClassicalGroupKind.Lorentz => Lorentz(group.Dimension, maxRapidity),
            ClassicalGroupKind.ProperOrthochronousLorentz => ProperOrthochronousLorentz(group.Dimension, maxRapidity),
            _ => HaarOrthogonal(group.Dimension),
        };
    }

    /// <summary>Uniformly random permutations of 0..n-1 (p[j] is the image of j).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static Gen<IReadOnlyList<int>> Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return Gen.Shuffle(Enumerable.Range(0, n).ToArray()).Select(p => (IReadOnlyList<int>)Array.AsReadOnly(p));
    }

    /// <summary>Returns the boost with unit direction n and rapidity eta.</summary>
    internal static RealMatrix Boost(IReadOnlyList<double> n, double rapidity)
    {
        double cosh = Math.Cosh(rapidity), sinh = Math.Sinh(rapidity);
        int d = n.Count + 1;
        return RealMatrix.FromFunction(d, d, (i, j) =>
        {
            if (i == 0 && j == 0)
            {
                return cosh;
            }

            if (i == 0 || j == 0)
            {
                return sinh * n[Math.Max(i, j) - 1];
            }

            return (i == j ? 1 : 0) + (cosh - 1) * n[i - 1] * n[j - 1];
        });
    }

    internal static void CheckRapidity(double maxRapidity)
    {
        if (!(maxRapidity >= 0) || double.IsInfinity(maxRapidity))
        {
            throw new ArgumentOutOfRangeException(nameof(maxRapidity), maxRapidity, "The maximum rapidity must be a finite non-negative number; the default is 1.");
        }
    }

    private static RealMatrix Times(RealMatrix element, RealMatrix component, int power) => power == 0 ? element : element * component;

    /// <summary>Returns diag(-1, 1, ..., 1).</summary>
    private static RealMatrix Reflection(int d)
    {
        var diagonal = Enumerable.Repeat(1.0, d).ToArray();
        diagonal[0] = -1;
        return RealMatrix.FromFunction(d, d, (i, j) => i == j ? diagonal[i] : 0);
    }

    private static double Norm(IReadOnlyList<double> v) => Math.Sqrt(v.Sum(x => x * x));

    /// <summary>
    /// Returns the Q factor with positive diag(R) of the QR decomposition of the d x d matrix with row-major
    /// <paramref name="entries"/>, or null when a column is numerically dependent on the earlier ones.
    /// </summary>
    private static RealMatrix? OrthonormalizeColumns(int d, double[] entries)
    {
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var v = new double[d];
            for (int i = 0; i < d; i++)
            {
                v[i] = entries[i * d + j];
            }

            double original = Norm(v);

            // Modified Gram-Schmidt, run twice: the second pass removes the components that rounding left behind.
            for (int pass = 0; pass < 2; pass++)
            {
                for (int k = 0; k < j; k++)
                {
                    double dot = 0;
                    for (int i = 0; i < d; i++)
                    {
                        dot += v[i] * columns[k][i];
                    }

                    for (int i = 0; i < d; i++)
                    {
                        v[i] -= dot * columns[k][i];
                    }
                }
            }

            double norm = Norm(v);
            if (!(norm > 1e-10 * original))
            {
                return null;
            }

            // Dividing by the positive norm makes R_jj = norm > 0, the sign convention of [Mez07].
            columns[j] = v.Select(x => x / norm).ToArray();
        }

        return RealMatrix.FromFunction(d, d, (i, j) => columns[j][i]);
    }

    private static void CheckDimension(int d, int minimum)
    {
        if (d < minimum || d > ClassicalGroup.MaximumDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, $"The matrix size must be from {minimum} to {ClassicalGroup.MaximumDimension}; got {d}.");
        }
    }
}
