using InvTheory.Runtime.Autodiff;

namespace InvTheory.Runtime.Tests.Models;

/// <summary>Haar-random orthogonal matrices.</summary>
internal static class RandomRotation
{
    /// <summary>
    /// Returns a Haar-random element of O(d), row-major: the Q factor of a Gaussian matrix with the signs fixed so that
    /// R has a positive diagonal [Mez07]. Gram-Schmidt produces exactly that Q.
    /// </summary>
    public static double[] Orthogonal(int d, DeterministicRandom random)
    {
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var v = new double[d];
            for (int i = 0; i < d; i++)
            {
                v[i] = random.NextGaussian();
            }

            // Modified Gram-Schmidt against the earlier columns, twice for orthogonality to rounding error.
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

            double norm = Math.Sqrt(v.Sum(x => x * x));
            columns[j] = v.Select(x => x / norm).ToArray();
        }

        var q = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                q[(i * d) + j] = columns[j][i];
            }
        }

        return q;
    }

    /// <summary>Applies the d x d matrix q to each consecutive block of d entries of x.</summary>
    public static double[] ApplyToBlocks(double[] q, int d, ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        for (int block = 0; block < x.Length; block += d)
        {
            for (int i = 0; i < d; i++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                {
                    sum += q[(i * d) + j] * x[block + j];
                }

                y[block + i] = sum;
            }
        }

        return y;
    }
}
