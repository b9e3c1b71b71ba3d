namespace InvTheory.Representations.Classical;

/// <summary>
/// Draws random elements of a classical group in double precision from a seeded generator, so the same seed gives
/// the same sequence on every run.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: for O(d), the QR decomposition of a d x d matrix of independent standard normal entries, with the
/// columns of Q multiplied by the signs of the diagonal of R; this gives the Haar measure [Mez07]. SO(d) flips the
/// first column when the determinant is -1, which maps Haar measure on O(d) to Haar measure on SO(d). E(d) samples
/// its linear part O(d).
/// </para>
/// <para>
/// The Lorentz groups are not compact and have no Haar probability measure. SO+(1, d-1) is sampled as B R, with R a
/// Haar-random rotation of space and B a pure boost along a uniformly random direction with rapidity drawn from a
/// normal distribution of standard deviation <see cref="RapidityScale"/>. O(1, d-1) multiplies this by P^a T^b
/// with a, b uniform in {0, 1}. Normal variates come from the Box-Muller transform.
/// </para>
/// </remarks>
public sealed class ClassicalGroupSampler
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 20240611;

    private readonly Random _random;
    private readonly RealMatrix[] _components;

    /// <summary>Creates a sampler for <paramref name="group"/> with a fixed seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rapidityScale"/> is negative or not finite.</exception>
    public ClassicalGroupSampler(ClassicalGroup group, int seed = DefaultSeed, double rapidityScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!(rapidityScale >= 0) || double.IsInfinity(rapidityScale))
        {
            throw new ArgumentOutOfRangeException(nameof(rapidityScale), rapidityScale, "The rapidity scale must be a finite non-negative number.");
        }

        Group = group;
        Seed = seed;
        RapidityScale = rapidityScale;
        _random = new Random(seed);
        _components = group.ComponentGenerators.Select(RealMatrix.FromExact).ToArray();
    }

    /// <summary>The group sampled.</summary>
    public ClassicalGroup Group { get; }

    /// <summary>The seed of the generator.</summary>
    public int Seed { get; }

    /// <summary>The standard deviation of the rapidity of sampled boosts (Lorentz groups only).</summary>
    public double RapidityScale { get; }

    /// <summary>Returns the next random group element.</summary>
    public RealMatrix Next()
    {
        int d = Group.Dimension;
        switch (Group.Kind)
        {
            case ClassicalGroupKind.Orthogonal:
            case ClassicalGroupKind.Euclidean:
                return HaarOrthogonal(d);
            case ClassicalGroupKind.SpecialOrthogonal:
                return HaarSpecialOrthogonal(d);
        }

        var rotation = RealRepresentation.DirectSum(RealMatrix.Identity(1), HaarSpecialOrthogonal(d - 1));
        var element = Boost(d) * rotation;
        if (Group.Kind == ClassicalGroupKind.Lorentz)
        {
            foreach (var component in _components)
            {
                if (_random.Next(2) == 1)
                {
                    element *= component;
                }
            }
        }

        return element;
    }

    /// <summary>Returns a uniformly random permutation of 0..n-1 (Fisher-Yates shuffle), for sampling S_n with the same generator.</summary>
    public IReadOnlyList<int> NextPermutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var image = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            (image[i], image[j]) = (image[j], image[i]);
        }

        return Array.AsReadOnly(image);
    }

    /// <summary>Returns a standard normal variate.</summary>
    public double NextGaussian()
    {
        // Box-Muller; 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        double u = 1.0 - _random.NextDouble();
        double v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private RealMatrix HaarSpecialOrthogonal(int d)
    {
        var q = HaarOrthogonal(d);
        if (d == 0 || q.Determinant() > 0)
        {
            return q;
        }

        var flipFirstColumn = RealMatrix.FromFunction(d, d, (i, j) => i == j ? (i == 0 ? -1 : 1) : 0);
        return q * flipFirstColumn;
    }

    private RealMatrix HaarOrthogonal(int d)
    {
        var gaussian = RealMatrix.FromFunction(d, d, (_, _) => NextGaussian());
        return OrthogonalFactor(gaussian);
    }

    /// <summary>Returns Q diag(sign(R_ii)) for the QR decomposition A = Q R (Householder reflections).</summary>
    private static RealMatrix OrthogonalFactor(RealMatrix a)
    {
        int n = a.RowCount;
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                r[i, j] = a[i, j];
            }
        }

        var q = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            q[i, i] = 1;
        }

        for (int k = 0; k < n - 1; k++)
        {
            // Householder vector v that maps column k below the diagonal to a multiple of e_k.
            double norm = 0;
            for (int i = k; i < n; i++)
            {
                norm += r[i, k] * r[i, k];
            }

            norm = Math.Sqrt(norm);
            if (norm == 0)
            {
                continue;
            }

            var v = new double[n];
            double alpha = r[k, k] > 0 ? -norm : norm;
            for (int i = k; i < n; i++)
            {
                v[i] = r[i, k];
            }

            v[k] -= alpha;
            double vNormSquared = 0;
            for (int i = k; i < n; i++)
            {
                vNormSquared += v[i] * v[i];
            }

            if (vNormSquared == 0)
            {
                continue;
            }

            // R := H R and Q := Q H with H = I - 2 v v^T / (v^T v).
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int i = k; i < n; i++)
                {
                    dot += v[i] * r[i, j];
                }

                double factor = 2 * dot / vNormSquared;
                for (int i = k; i < n; i++)
                {
                    r[i, j] -= factor * v[i];
                }
            }

            for (int i = 0; i < n; i++)
            {
                double dot = 0;
                for (int l = k; l < n; l++)
                {
                    dot += q[i, l] * v[l];
                }

                double factor = 2 * dot / vNormSquared;
                for (int l = k; l < n; l++)
                {
                    q[i, l] -= factor * v[l];
                }
            }
        }

        return RealMatrix.FromFunction(n, n, (i, j) => q[i, j] * (r[j, j] < 0 ? -1 : 1));
    }

    /// <summary>Returns the boost with a random direction n and normal rapidity eta: [[cosh, sinh n^T], [sinh n, I + (cosh - 1) n n^T]].</summary>
    private RealMatrix Boost(int d)
    {
        var direction = new double[d - 1];
        double norm = 0;
        while (norm < 1e-8)
        {
            for (int i = 0; i < d - 1; i++)
            {
                direction[i] = NextGaussian();
            }

            norm = Math.Sqrt(direction.Sum(x => x * x));
        }

        for (int i = 0; i < d - 1; i++)
        {
            direction[i] /= norm;
        }

        double rapidity = RapidityScale * NextGaussian();
        double cosh = Math.Cosh(rapidity), sinh = Math.Sinh(rapidity);
        return RealMatrix.FromFunction(d, d, (i, j) =>
        {
            if (i == 0 && j == 0)
            {
                return cosh;
            }

            if (i == 0 || j == 0)
            {
                return sinh * direction[Math.Max(i, j) - 1];
            }

            return (i == j ? 1 : 0) + (cosh - 1) * direction[i - 1] * direction[j - 1];
        });
    }
}
