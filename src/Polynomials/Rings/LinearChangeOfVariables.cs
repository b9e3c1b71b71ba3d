using System.Runtime.CompilerServices;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>
/// The linear change of variables f(x) -&gt; f(g x), with (g x)_i = sum_j g[i][j] x_j: the dispatcher and its dense kernel.
/// </summary>
/// <remarks>
/// Algorithm: a matrix with at most one nonzero entry per row maps each term to one term. Otherwise each homogeneous
/// component of f goes through the multivariate Horner scheme (see <see cref="HornerSubstitution{T}"/>) with every
/// intermediate image stored as a dense coefficient array over the monomials of its degree
/// (<see cref="DenseHomogeneousSpace"/>), so that multiplying by a linear form is a table lookup per coefficient and
/// variable. For a dense f of degree d in n variables this costs O(n * C(d + n, n)) field operations per node of the
/// Horner recursion, never more than the size of the dense result times the number of terms. Matrices that split into
/// blocks and components with too many monomials go through the sparse Horner scheme instead.
/// </remarks>
internal sealed class LinearChangeOfVariables<T>
    where T : struct, IFieldElement<T>
{
    /// <summary>Largest number of monomials of one degree handled by dense arrays.</summary>
    private const int MaxDenseCount = 1 << 21;

    private readonly T[][] _matrix;
    private readonly int[][] _support;
    private readonly DenseHomogeneousSpace _space;
    private readonly T[][] _bufferA;
    private readonly T[][] _bufferB;
    private readonly List<T[]> _lastPowers = [];
    private Monomial[] _monomials = [];
    private T[] _coefficients = [];

    private LinearChangeOfVariables(T[][] matrix, DenseHomogeneousSpace space, T one)
    {
        int n = matrix.Length;
        _matrix = matrix;
        _space = space;
        _support = new int[n][];
        for (int i = 0; i < n; i++)
        {
            _support[i] = [.. Enumerable.Range(0, n).Where(j => !matrix[i][j].IsZero)];
        }

        _bufferA = new T[n][];
        _bufferB = new T[n][];
        _lastPowers.Add([one]);
    }

    /// <summary>Returns f(g x); <paramref name="matrix"/> is square of the ring's size (checked by the caller).</summary>
    public static Polynomial<T> Apply(Polynomial<T> f, T[][] matrix)
    {
        var ring = f.Ring;
        int n = ring.VariableCount;
        if (f.IsZero || n == 0)
        {
            return f;
        }

        // Phase 1: matrices with at most one nonzero entry per row (permutations, diagonal scalings, projections).
        if (matrix.All(row => row.Count(x => !x.IsZero) <= 1))
        {
            return ApplyMonomialMatrix(f, matrix);
        }

        // Phase 2: dense Horner when the matrix couples all variables and the degrees are small enough.
        int degree = f.TotalDegree;
        if (IsConnected(matrix) && DenseHomogeneousSpace.TryGet(n, degree, MaxDenseCount) is { } space)
        {
            return new LinearChangeOfVariables<T>(matrix, space, ring.Field.One).ApplyDense(f);
        }

        // Phase 3: sparse Horner.
        var images = new Polynomial<T>[n];
        for (int i = 0; i < n; i++)
        {
            var terms = new List<(T, Monomial)>();
            for (int j = 0; j < n; j++)
            {
                if (!matrix[i][j].IsZero)
                {
                    terms.Add((matrix[i][j], Monomial.Variable(n, j)));
                }
            }

            images[i] = ring.FromTerms(terms);
        }

        return HornerSubstitution<T>.Substitute(f, images, ring);
    }

    /// <summary>Whether the graph on the variables with an edge i - j for each nonzero g[i][j] is connected.</summary>
    private static bool IsConnected(T[][] matrix)
    {
        int n = matrix.Length;
        var seen = new bool[n];
        var stack = new Stack<int>();
        stack.Push(0);
        seen[0] = true;
        int reached = 1;
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            for (int j = 0; j < n; j++)
            {
                if (!seen[j] && (!matrix[i][j].IsZero || !matrix[j][i].IsZero))
                {
                    seen[j] = true;
                    reached++;
                    stack.Push(j);
                }
            }
        }

        return reached == n;
    }

    // x_i -> c_i x_(target_i): each term maps to one term; terms may collide when two variables share a target.
    private static Polynomial<T> ApplyMonomialMatrix(Polynomial<T> f, T[][] matrix)
    {
        var ring = f.Ring;
        int n = ring.VariableCount;
        var target = new int[n];
        var scale = new T[n];
        bool injective = true;
        var used = new bool[n];
        for (int i = 0; i < n; i++)
        {
            target[i] = Array.FindIndex(matrix[i], x => !x.IsZero);
            if (target[i] >= 0)
            {
                scale[i] = matrix[i][target[i]];
                injective &= !used[target[i]];
                used[target[i]] = true;
            }
        }

        var maxExponents = KroneckerLayout.MaxExponents(f.MonomialSpan, n);
        var scalePowers = new T[n][];
        for (int i = 0; i < n; i++)
        {
            scalePowers[i] = PowerTable(scale[i], maxExponents[i], ring.Field.One);
        }

        var monomials = new Monomial[f.TermCount];
        var coefficients = new T[f.TermCount];
        int k = 0;
        var fm = f.MonomialSpan;
        var fc = f.CoefficientSpan;
        for (int t = 0; t < fm.Length; t++)
        {
            var e = fm[t].Exponents;
            var image = new ushort[n];
            var c = fc[t];
            bool vanishes = false;
            for (int i = 0; i < n && !vanishes; i++)
            {
                if (e[i] == 0)
                {
                    continue;
                }

                if (target[i] < 0)
                {
                    vanishes = true;
                    continue;
                }

                int sum = image[target[i]] + e[i];
                if (sum > Monomial.MaxExponent)
                {
                    throw new OverflowException($"Linear change of variables: exponent {sum} is outside the supported range 0..{Monomial.MaxExponent}.");
                }

                image[target[i]] = (ushort)sum;
                c *= scalePowers[i][e[i]];
            }

            if (!vanishes)
            {
                monomials[k] = Monomial.FromExponentsUnchecked(image);
                coefficients[k++] = c;
            }
        }

        Array.Resize(ref monomials, k);
        Array.Resize(ref coefficients, k);
        return injective
            ? ring.FromUnsortedUnique(monomials, coefficients)
            : ring.FromTerms(monomials.Zip(coefficients, (m, c) => (c, m)));
    }

    /// <summary>Returns [1, x, x^2, ..., x^max].</summary>
    internal static T[] PowerTable(T x, int max, T one)
    {
        var powers = new T[max + 1];
        powers[0] = one;
        for (int k = 1; k <= max; k++)
        {
            powers[k] = powers[k - 1] * x;
        }

        return powers;
    }

    private Polynomial<T> ApplyDense(Polynomial<T> f)
    {
        var ring = f.Ring;
        int n = ring.VariableCount;
        int maxCount = _space.Counts[^1];
        for (int v = 0; v < n; v++)
        {
            _bufferA[v] = new T[maxCount];
            _bufferB[v] = new T[maxCount];
        }

        // Phase 1: terms in decreasing lex order, so that every homogeneous component and every Horner group is a range.
        _monomials = f.MonomialSpan.ToArray();
        _coefficients = f.CoefficientSpan.ToArray();
        Array.Sort(_monomials, _coefficients, Comparer<Monomial>.Create(static (a, b) =>
            a.TotalDegree != b.TotalDegree ? a.TotalDegree.CompareTo(b.TotalDegree) : MonomialOrder.CompareLex(b.Exponents, a.Exponents)));

        // Phase 2: each homogeneous component separately; the image of degree d is a dense array over degree d.
        var resultMonomials = new List<Monomial>();
        var resultCoefficients = new List<T>();
        for (int start = 0; start < _monomials.Length;)
        {
            int degree = _monomials[start].TotalDegree;
            int end = start;
            while (end < _monomials.Length && _monomials[end].TotalDegree == degree)
            {
                end++;
            }

            var image = new T[_space.Counts[degree]];
            AddImage(0, start, end, degree, image);
            for (int r = 0; r < image.Length; r++)
            {
                if (!image[r].IsZero)
                {
                    resultMonomials.Add(Monomial.FromExponentsUnchecked(_space.Exponents(degree, r).ToArray()));
                    resultCoefficients.Add(image[r]);
                }
            }

            start = end;
        }

        return ring.FromUnsortedUnique([.. resultMonomials], [.. resultCoefficients]);
    }

    /// <summary>
    /// Adds to <paramref name="destination"/> (dense over <paramref name="degree"/>) the image of the terms [lo, hi), which agree
    /// in the exponents of the variables before <paramref name="variable"/> and have degree <paramref name="degree"/> in the others.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddImage(int variable, int lo, int hi, int degree, T[] destination)
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
    private void MultiplyByLinearForm(T[] source, int degree, int variable, T[] target)
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
            if (x.IsZero)
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
    private T[] LastPower(int k)
    {
        int last = _matrix.Length - 1;
        while (_lastPowers.Count <= k)
        {
            int d = _lastPowers.Count - 1;
            var next = new T[_space.Counts[d + 1]];
            MultiplyByLinearForm(_lastPowers[d], d, last, next);
            _lastPowers.Add(next);
        }

        return _lastPowers[k];
    }
}
