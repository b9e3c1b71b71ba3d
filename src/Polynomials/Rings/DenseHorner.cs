using System.Numerics;
using System.Runtime.CompilerServices;

namespace InvTheory.Polynomials;

/// <summary>
/// The images f_d(g x) of the homogeneous components of f under a linear change of variables, as dense coefficient arrays
/// over the monomials of each degree (<see cref="DenseHomogeneousSpace"/>).
/// </summary>
/// <remarks>
/// Algorithm: multivariate Horner scheme in the linear forms L_i = sum_j g[i][j] x_j. With the terms of a component in
/// decreasing lex order, f_d = sum_a x_1^a q_a(x_2, ..., x_n) and f_d(g x) = (...(q_A(L') L_1 + q_(A-1)(L')) L_1 + ...) L_1
/// + q_0(L'), where the q_a are mapped recursively. Multiplying a dense array by a linear form is one table lookup per
/// coefficient and variable. The coefficient type only needs addition and multiplication with <c>default</c> as zero, so
/// the same code runs on field elements and on machine integers (callers must rule out overflow).
/// </remarks>
internal sealed class DenseHorner<TCoef>
    where TCoef : struct, IAdditionOperators<TCoef, TCoef, TCoef>, IMultiplyOperators<TCoef, TCoef, TCoef>, IEquatable<TCoef>
{
    private readonly TCoef[][] _matrix;
    private readonly int[][] _support;
    private readonly DenseHomogeneousSpace _space;
    private readonly TCoef[][] _bufferA;
    private readonly TCoef[][] _bufferB;
    private readonly List<TCoef[]> _lastPowers = [];
    private Monomial[] _monomials = [];
    private TCoef[] _coefficients = [];

    /// <summary>Prepares the scheme for the n x n matrix g (rows) over the space, which must cover the largest degree.</summary>
    public DenseHorner(TCoef[][] matrix, DenseHomogeneousSpace space, TCoef one)
    {
        int n = matrix.Length;
        _matrix = matrix;
        _space = space;
        _support = new int[n][];
        for (int i = 0; i < n; i++)
        {
            _support[i] = [.. Enumerable.Range(0, n).Where(j => !IsZero(matrix[i][j]))];
        }

        _bufferA = new TCoef[n][];
        _bufferB = new TCoef[n][];
        int maxCount = space.Counts[^1];
        for (int v = 0; v < n; v++)
        {
            _bufferA[v] = new TCoef[maxCount];
            _bufferB[v] = new TCoef[maxCount];
        }

        _lastPowers.Add([one]);
    }

    /// <summary>
    /// Returns the image of each homogeneous component, indexed by degree (an empty array for degrees without terms).
    /// The terms must be sorted by ascending degree and, within a degree, in decreasing lex order.
    /// </summary>
    public TCoef[][] Images(Monomial[] monomials, TCoef[] coefficients)
    {
        _monomials = monomials;
        _coefficients = coefficients;
        var images = new TCoef[_space.MaxDegree + 1][];
        Array.Fill(images, []);
        for (int start = 0; start < monomials.Length;)
        {
            int degree = monomials[start].TotalDegree;
            int end = start;
            while (end < monomials.Length && monomials[end].TotalDegree == degree)
            {
                end++;
            }

            images[degree] = new TCoef[_space.Counts[degree]];
            AddImage(0, start, end, degree, images[degree]);
            start = end;
        }

        return images;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsZero(TCoef x) => x.Equals(default);

    /// <summary>
    /// Adds to <paramref name="destination"/> (dense over <paramref name="degree"/>) the image of the terms [lo, hi), which agree
    /// in the exponents of the variables before <paramref name="variable"/> and have degree <paramref name="degree"/> in the others.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddImage(int variable, int lo, int hi, int degree, TCoef[] destination)
    {
        int n = _matrix.Length;
        if (degree == 0)
        {
            destination[0] += _coefficients[lo];
            return;
        }

        if (variable == n - 1)
        {
            // Only x_(n-1)^degree is left: add c * L_(n-1)^degree.
            var power = LastPower(degree);
            var c = _coefficients[lo];
            for (int r = 0; r < power.Length; r++)
            {
                destination[r] += c * power[r];
            }

            return;
        }

        int firstExponent = _monomials[lo][variable];
        if (firstExponent == 0)
        {
            // No term of the range contains this variable (exponents decrease along the range).
            AddImage(variable + 1, lo, hi, degree, destination);
            return;
        }

        // Horner in L_variable. Loop invariant: accumulator contains the image of the groups seen so far divided by
        // L_variable^previousExponent, as a dense array over degree - previousExponent.
        var accumulator = _bufferA[variable];
        var scratch = _bufferB[variable];
        int previousExponent = firstExponent;
        int accumulatorDegree = degree - firstExponent;
        Array.Clear(accumulator, 0, _space.Counts[accumulatorDegree]);
        for (int start = lo; start < hi;)
        {
            int exponent = _monomials[start][variable];
            int end = start + 1;
            while (end < hi && _monomials[end][variable] == exponent)
            {
                end++;
            }

            for (; previousExponent > exponent; previousExponent--)
            {
                MultiplyByLinearForm(accumulator, accumulatorDegree, variable, scratch);
                (accumulator, scratch) = (scratch, accumulator);
                accumulatorDegree++;
            }

            AddImage(variable + 1, start, end, degree - exponent, accumulator);
            start = end;
        }

        for (; previousExponent > 0; previousExponent--)
        {
            MultiplyByLinearForm(accumulator, accumulatorDegree, variable, scratch);
            (accumulator, scratch) = (scratch, accumulator);
            accumulatorDegree++;
        }

        int count = _space.Counts[degree];
        for (int r = 0; r < count; r++)
        {
            destination[r] += accumulator[r];
        }
    }

    /// <summary>Writes source * L_variable (source dense over <paramref name="degree"/>) into target, dense over degree + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyByLinearForm(TCoef[] source, int degree, int variable, TCoef[] target)
    {
        int n = _matrix.Length;
        Array.Clear(target, 0, _space.Counts[degree + 1]);
        var table = _space.MultiplicationTable(degree);
        var row = _matrix[variable];
        var support = _support[variable];
        int count = _space.Counts[degree];
        for (int r = 0; r < count; r++)
        {
            var x = source[r];
            if (IsZero(x))
            {
                continue;
            }

            int offset = r * n;
            foreach (int j in support)
            {
                target[table[offset + j]] += x * row[j];
            }
        }
    }

    /// <summary>Returns L_(n-1)^k as a dense array over degree k, cached.</summary>
    private TCoef[] LastPower(int k)
    {
        int last = _matrix.Length - 1;
        while (_lastPowers.Count <= k)
        {
            int d = _lastPowers.Count - 1;
            var next = new TCoef[_space.Counts[d + 1]];
            MultiplyByLinearForm(_lastPowers[d], d, last, next);
            _lastPowers.Add(next);
        }

        return _lastPowers[k];
    }
}
