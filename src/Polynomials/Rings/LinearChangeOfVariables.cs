using System.Numerics;
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
internal static class LinearChangeOfVariables<T>
    where T : struct, IFieldElement<T>
{
    /// <summary>Largest number of monomials of one degree handled by dense arrays.</summary>
    private const int MaxDenseCount = 1 << 21;

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
            return ApplyDense(f, matrix, space);
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

    private static Polynomial<T> ApplyDense(Polynomial<T> f, T[][] matrix, DenseHomogeneousSpace space)
    {
        var ring = f.Ring;

        // Phase 1: terms by ascending degree, each degree in decreasing lex order, so that every homogeneous component and
        // every Horner group is a range.
        var monomials = f.MonomialSpan.ToArray();
        var coefficients = f.CoefficientSpan.ToArray();
        Array.Sort(monomials, coefficients, Comparer<Monomial>.Create(static (a, b) =>
            a.TotalDegree != b.TotalDegree ? a.TotalDegree.CompareTo(b.TotalDegree) : MonomialOrder.CompareLex(b.Exponents, a.Exponents)));

        // Phase 2: the dense images of the components, in machine integers over Q when a bound allows it.
        var images = typeof(T) == typeof(Rational)
            ? Unsafe.As<T[][]?>(TryImagesOverIntegers(monomials, Unsafe.As<Rational[]>(coefficients), Unsafe.As<Rational[][]>(matrix), space))
            : null;
        images ??= new DenseHorner<T>(matrix, space, ring.Field.One).Images(monomials, coefficients);

        // Phase 3: collect the nonzero coefficients.
        var resultMonomials = new List<Monomial>();
        var resultCoefficients = new List<T>();
        for (int degree = 0; degree < images.Length; degree++)
        {
            var image = images[degree];
            for (int r = 0; r < image.Length; r++)
            {
                if (!image[r].IsZero)
                {
                    resultMonomials.Add(Monomial.FromExponentsUnchecked(space.Exponents(degree, r).ToArray()));
                    resultCoefficients.Add(image[r]);
                }
            }
        }

        return ring.FromUnsortedUnique([.. resultMonomials], [.. resultCoefficients]);
    }

    // Over Q: with f = F / dF and g = G / dG for integer F and G, the degree-d component of f(g x) is F_d(G x) / (dF dG^d).
    // Every intermediate coefficient of F_d(G x) is bounded by the sum of |F_t| over the component times R^d, where R is the
    // largest absolute row sum of G, so 64- or 128-bit integers suffice when that bound fits.
    private static Rational[][]? TryImagesOverIntegers(Monomial[] monomials, Rational[] coefficients, Rational[][] matrix, DenseHomogeneousSpace space)
    {
        int n = matrix.Length;
        if (!PolynomialMultiplication.TryScaleToIntegers(coefficients, out var numerators, out var denominatorF, out _)
            || !PolynomialMultiplication.TryScaleToIntegers(matrix.SelectMany(row => row).ToArray(), out var entries, out var denominatorG, out _))
        {
            return null;
        }

        double rowSum = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += Math.Abs((double)entries[(i * n) + j]);
            }

            rowSum = Math.Max(rowSum, s);
        }

        double bound = 0;
        for (int t = 0; t < monomials.Length; t++)
        {
            bound = Math.Max(bound, Math.Abs((double)numerators[t]) * Math.Pow(rowSum, monomials[t].TotalDegree));
        }

        // The bound above is per term; a component sums at most all terms.
        bound *= monomials.Length;
        var integerMatrix = new long[n][];
        for (int i = 0; i < n; i++)
        {
            integerMatrix[i] = entries.AsSpan(i * n, n).ToArray();
        }

        if (bound < Math.ScaleB(1.0, 62))
        {
            var images = new DenseHorner<long>(integerMatrix, space, 1).Images(monomials, numerators);
            return ScaleBack(images, x => x, denominatorF, denominatorG);
        }

        if (bound < Math.ScaleB(1.0, 126))
        {
            var wideMatrix = integerMatrix.Select(row => row.Select(x => (Int128)x).ToArray()).ToArray();
            var images = new DenseHorner<Int128>(wideMatrix, space, 1).Images(monomials, numerators.Select(x => (Int128)x).ToArray());
            return ScaleBack(images, x => (BigInteger)x, denominatorF, denominatorG);
        }

        return null;
    }

    private static Rational[][] ScaleBack<TInteger>(TInteger[][] images, Func<TInteger, BigInteger> toBigInteger, BigInteger denominatorF, BigInteger denominatorG)
        where TInteger : struct
    {
        var result = new Rational[images.Length][];
        var denominator = denominatorF;
        for (int degree = 0; degree < images.Length; degree++)
        {
            result[degree] = new Rational[images[degree].Length];
            for (int r = 0; r < images[degree].Length; r++)
            {
                var value = toBigInteger(images[degree][r]);
                if (value.IsZero)
                {
                    continue;
                }

                result[degree][r] = denominator.IsOne ? (Rational)value : Rational.Create(value, denominator);
            }

            denominator *= denominatorG;
        }

        return result;
    }
}
