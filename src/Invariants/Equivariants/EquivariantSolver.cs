using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// Solves the linear conditions of <see cref="EquivarianceConstraint{T}"/> on the homogeneous polynomial maps of one
/// degree: the common kernel, in a canonical basis.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: a degree-k map is F(x) = C m(x), with m(x) the vector of the N monomials of degree k and C an m x N
/// matrix of unknowns: the basis of Sym^k(U^*) ⊗ W is monomial times basis vector. A constraint (A, B) maps each
/// monomial to a polynomial: x^alpha(A x) for a group element, the derivative of x^alpha along A x for a Lie algebra
/// element. With M the N x N matrix of these images the condition reads C M = B C, one sparse equation per monomial
/// beta and output coordinate j. The kernel of all equations is computed by incremental sparse Gauss-Jordan elimination
/// [Coh93, Sec. 2.2], over Q modulo 62-bit primes with rational reconstruction and an exact check
/// (<see cref="ModularKernel"/>).
/// </para>
/// <para>
/// The kernel is returned in reduced row echelon form with the unknowns ordered by monomial (largest first in the ring's
/// order) and then by output coordinate. That basis is unique, so the output is deterministic: each element has a
/// distinct leading (monomial, coordinate) with coefficient 1, absent from the others. The group is never enumerated:
/// each constraint (typically one per generator) contributes N m equations.
/// </para>
/// </remarks>
internal static class EquivariantSolver
{
    /// <summary>Returns the canonical basis of the degree-<paramref name="degree"/> maps that satisfy every constraint.</summary>
    public static IReadOnlyList<PolynomialMap<T>> Solve<T>(
        PolynomialRing<T> ring, int outputDimension, IReadOnlyList<EquivarianceConstraint<T>> constraints, int degree, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var (monomials, rows) = BuildRows(ring, outputDimension, constraints, degree, ct);
        int m = outputDimension;

        // Phase 3: the kernel in reduced row echelon form; over Q first modulo word-size primes, verified exactly.
        int unknowns = monomials.Count * m;
        IReadOnlyList<SparseVector<T>>? kernel = null;
        if (rows is List<SparseVector<Rational>> rationalRows)
        {
            kernel = (IReadOnlyList<SparseVector<T>>?)(object?)ModularKernel.TrySolve(rationalRows, unknowns, ct);
        }

        kernel ??= KernelBasis(ring.Field, rows, unknowns, ct);

        // Phase 4: back to polynomial maps.
        var result = new List<PolynomialMap<T>>();
        foreach (var vector in kernel)
        {
            var terms = new List<(T, Monomial)>[m];
            for (int j = 0; j < m; j++)
            {
                terms[j] = [];
            }

            var indices = vector.IndexSpan;
            var values = vector.ValueSpan;
            for (int k = 0; k < indices.Length; k++)
            {
                terms[indices[k] % m].Add((values[k], monomials[indices[k] / m]));
            }

            result.Add(new PolynomialMap<T>(ring, terms.Select(ring.FromTerms)));
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// Returns the monomials of the degree (largest first) and the sparse equations of every constraint on the unknowns
    /// (monomial position times the output dimension plus the output coordinate).
    /// </summary>
    internal static (List<Monomial> Monomials, List<SparseVector<T>> Rows) BuildRows<T>(
        PolynomialRing<T> ring, int outputDimension, IReadOnlyList<EquivarianceConstraint<T>> constraints, int degree, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentOutOfRangeException.ThrowIfNegative(degree);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDimension, 1);
        int n = ring.VariableCount;
        int m = outputDimension;
        foreach (var c in constraints)
        {
            int columns = c.Kind == ConstraintKind.Translation ? 1 : n;
            if (c.Input.RowCount != n || c.Input.ColumnCount != columns || c.Output.RowCount != m || c.Output.ColumnCount != m)
            {
                throw new ArgumentException(
                    $"Constraint '{c.Name}' has a {c.Input.RowCount}x{c.Input.ColumnCount} input and a {c.Output.RowCount}x{c.Output.ColumnCount} output matrix; "
                    + $"the maps go from dimension {n} to dimension {m}.", nameof(constraints));
            }
        }

        // Phase 1: the monomials of the degree, largest first, and their positions.
        var monomials = Monomials(n, degree);
        monomials.Sort((a, b) => ring.Order.Compare(b, a));
        var rank = new Dictionary<Monomial, int>(monomials.Count);
        for (int a = 0; a < monomials.Count; a++)
        {
            rank[monomials[a]] = a;
        }

        // Phase 2: one equation per constraint, monomial beta and output coordinate j.
        var rows = new List<SparseVector<T>>();
        var entries = new List<KeyValuePair<int, T>>();
        foreach (var constraint in constraints)
        {
            ct.ThrowIfCancellationRequested();
            if (constraint.Kind == ConstraintKind.Translation)
            {
                AddTranslationRows(ring, constraint, monomials, m, degree, rows, entries);
                continue;
            }

            var columns = ImageColumns(ring, constraint, monomials, rank);
            var b = constraint.Output;
            for (int beta = 0; beta < monomials.Count; beta++)
            {
                for (int j = 0; j < m; j++)
                {
                    entries.Clear();
                    foreach (var (alpha, value) in columns[beta])
                    {
                        entries.Add(new(alpha * m + j, value));
                    }

                    for (int i = 0; i < m; i++)
                    {
                        var bji = b[j, i];
                        if (!bji.IsZero)
                        {
                            entries.Add(new(beta * m + i, -bji));
                        }
                    }

                    var row = SparseVector.Create(entries);
                    if (!row.IsZero)
                    {
                        rows.Add(row);
                    }
                }
            }
        }

        return (monomials, rows);
    }

    /// <summary>
    /// Returns an upper bound on the dimension of the degree-<paramref name="degree"/> solutions: the number of unknowns
    /// minus the rank of the equations, the rank taken modulo a 62-bit prime over Q (which can only be lower than the
    /// rank over Q) and exactly over other fields. With as many exact independent solutions, the bound is the dimension.
    /// </summary>
    public static int DimensionUpperBound<T>(
        PolynomialRing<T> ring, int outputDimension, IReadOnlyList<EquivarianceConstraint<T>> constraints, int degree, CancellationToken ct = default)
        where T : struct, IFieldElement<T>
    {
        var (monomials, rows) = BuildRows(ring, outputDimension, constraints, degree, ct);
        int unknowns = monomials.Count * outputDimension;
        if (rows is List<SparseVector<Rational>> rationalRows)
        {
            return unknowns - ModularKernel.RankModuloPrime(rationalRows, ct);
        }

        var echelon = new IncrementalRowEchelon<T>(ring.Field);
        foreach (var row in rows)
        {
            echelon.TryInsert(row);
        }

        return unknowns - echelon.Rank;
    }

    /// <summary>
    /// Returns the reduced row echelon basis of the kernel {c : r . c = 0 for every row r} in K^unknowns, sorted by leading
    /// column, by incremental Gauss-Jordan elimination of the rows.
    /// </summary>
    internal static IReadOnlyList<SparseVector<TField>> KernelBasis<TField>(Field<TField> field, IEnumerable<SparseVector<TField>> rows, int unknowns, CancellationToken ct)
        where TField : struct, IFieldElement<TField>
    {
        var echelon = new IncrementalRowEchelon<TField>(field);
        int inserted = 0;
        foreach (var row in rows)
        {
            if ((++inserted & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            echelon.TryInsert(row);
        }

        var pivotRows = echelon.ToReducedBasis();
        var isPivot = new bool[unknowns];
        foreach (var row in pivotRows)
        {
            isPivot[row.LeadingIndex] = true;
        }

        // The kernel vector of a free column f is e_f minus R[k, f] at each pivot p_k.
        var kernelEntries = new Dictionary<int, List<KeyValuePair<int, TField>>>();
        for (int f = 0; f < unknowns; f++)
        {
            if (!isPivot[f])
            {
                kernelEntries[f] = [new(f, field.One)];
            }
        }

        foreach (var row in pivotRows)
        {
            int pivot = row.LeadingIndex;
            var indices = row.IndexSpan;
            var values = row.ValueSpan;
            for (int k = 1; k < indices.Length; k++)
            {
                kernelEntries[indices[k]].Add(new(pivot, -values[k]));
            }
        }

        var canonical = new IncrementalRowEchelon<TField>(field);
        foreach (var f in kernelEntries.Keys.Order())
        {
            canonical.TryInsert(SparseVector.Create(kernelEntries[f]));
        }

        return canonical.ToReducedBasis();
    }

    /// <summary>
    /// Inserts the equations of a translation by v: the derivative along v maps degree k to degree k - 1, so there is one
    /// equation per monomial beta of degree k - 1 and output coordinate j: sum_alpha C[j, alpha] (coefficient of x^beta in dx^alpha(v)) = 0.
    /// </summary>
    private static void AddTranslationRows<T>(
        PolynomialRing<T> ring, EquivarianceConstraint<T> constraint, List<Monomial> monomials, int m, int degree, List<SparseVector<T>> rows, List<KeyValuePair<int, T>> entries)
        where T : struct, IFieldElement<T>
    {
        if (degree == 0)
        {
            return;
        }

        int n = ring.VariableCount;
        var lower = new Dictionary<Monomial, List<(int Alpha, T Value)>>();
        for (int a = 0; a < monomials.Count; a++)
        {
            var exponents = monomials[a].Exponents.ToArray().Select(e => (int)e).ToArray();
            for (int i = 0; i < n; i++)
            {
                var direction = constraint.Input[i, 0];
                if (exponents[i] == 0 || direction.IsZero)
                {
                    continue;
                }

                var value = ring.Field.FromInteger(exponents[i]) * direction;
                exponents[i]--;
                var beta = Monomial.FromExponents(exponents);
                exponents[i]++;
                if (!lower.TryGetValue(beta, out var list))
                {
                    list = [];
                    lower[beta] = list;
                }

                list.Add((a, value));
            }
        }

        foreach (var beta in lower.Keys.OrderBy(b => b, Comparer<Monomial>.Create((x, y) => ring.Order.Compare(y, x))))
        {
            for (int j = 0; j < m; j++)
            {
                entries.Clear();
                foreach (var (alpha, value) in lower[beta])
                {
                    entries.Add(new(alpha * m + j, value));
                }

                var row = SparseVector.Create(entries);
                if (!row.IsZero)
                {
                    rows.Add(row);
                }
            }
        }
    }

    /// <summary>Returns the exponent vectors of degree k in n variables as monomials.</summary>
    internal static List<Monomial> Monomials(int n, int k)
    {
        var result = new List<Monomial>();
        var current = new int[n];

        void Fill(int position, int remaining)
        {
            if (position == n - 1)
            {
                current[position] = remaining;
                result.Add(Monomial.FromExponents(current));
                return;
            }

            for (int e = remaining; e >= 0; e--)
            {
                current[position] = e;
                Fill(position + 1, remaining - e);
            }
        }

        if (n == 0)
        {
            if (k == 0)
            {
                result.Add(Monomial.One(0));
            }

            return result;
        }

        Fill(0, k);
        return result;
    }

    /// <summary>
    /// Returns, for each monomial beta (by position), the pairs (alpha, M[alpha, beta]) of the monomials alpha whose image
    /// under the constraint's input action contains x^beta.
    /// </summary>
    private static List<(int Alpha, T Value)>[] ImageColumns<T>(
        PolynomialRing<T> ring, EquivarianceConstraint<T> constraint, List<Monomial> monomials, Dictionary<Monomial, int> rank)
        where T : struct, IFieldElement<T>
    {
        var columns = new List<(int, T)>[monomials.Count];
        for (int b = 0; b < columns.Length; b++)
        {
            columns[b] = [];
        }

        var images = constraint.Kind == ConstraintKind.GroupElement
            ? GroupImages(ring, constraint.Input, monomials)
            : monomials.Select(mu => DerivationImage(ring, constraint.Input, mu)).ToList();
        for (int a = 0; a < monomials.Count; a++)
        {
            var image = images[a];
            var imageMonomials = image.Monomials;
            var imageCoefficients = image.Coefficients;
            for (int t = 0; t < imageMonomials.Length; t++)
            {
                columns[rank[imageMonomials[t]]].Add((a, imageCoefficients[t]));
            }
        }

        return columns;
    }

    /// <summary>Returns x^alpha(g x) for each monomial, built degree by degree: x^alpha(g x) = x^(alpha - e_i)(g x) (g x)_i.</summary>
    private static List<Polynomial<T>> GroupImages<T>(PolynomialRing<T> ring, Matrix<T> g, List<Monomial> monomials)
        where T : struct, IFieldElement<T>
    {
        int n = ring.VariableCount;
        var linear = LinearForms(ring, g);
        var cache = new Dictionary<Monomial, Polynomial<T>> { [Monomial.One(n)] = ring.One };

        Polynomial<T> Image(Monomial mu)
        {
            if (cache.TryGetValue(mu, out var known))
            {
                return known;
            }

            var exponents = mu.Exponents;
            int i = 0;
            while (exponents[i] == 0)
            {
                i++;
            }

            var lowered = exponents.ToArray().Select(e => (int)e).ToArray();
            lowered[i]--;
            var image = Image(Monomial.FromExponents(lowered)) * linear[i];
            cache[mu] = image;
            return image;
        }

        return monomials.Select(Image).ToList();
    }

    /// <summary>Returns sum_i (d x^alpha / d x_i) (X x)_i.</summary>
    private static Polynomial<T> DerivationImage<T>(PolynomialRing<T> ring, Matrix<T> x, Monomial mu)
        where T : struct, IFieldElement<T>
    {
        int n = ring.VariableCount;
        var terms = new List<(T, Monomial)>();
        var exponents = mu.Exponents.ToArray().Select(e => (int)e).ToArray();
        for (int i = 0; i < n; i++)
        {
            int e = exponents[i];
            if (e == 0)
            {
                continue;
            }

            var factor = ring.Field.FromInteger(e);
            for (int j = 0; j < n; j++)
            {
                var xij = x[i, j];
                if (xij.IsZero)
                {
                    continue;
                }

                exponents[i]--;
                exponents[j]++;
                terms.Add((factor * xij, Monomial.FromExponents(exponents)));
                exponents[j]--;
                exponents[i]++;
            }
        }

        return ring.FromTerms(terms);
    }

    /// <summary>Returns the linear forms (g x)_i = sum_j g_ij x_j.</summary>
    internal static Polynomial<T>[] LinearForms<T>(PolynomialRing<T> ring, Matrix<T> g)
        where T : struct, IFieldElement<T>
    {
        int n = ring.VariableCount;
        var forms = new Polynomial<T>[n];
        for (int i = 0; i < n; i++)
        {
            var terms = new List<(T, Monomial)>();
            for (int j = 0; j < n; j++)
            {
                if (!g[i, j].IsZero)
                {
                    terms.Add((g[i, j], Monomial.Variable(n, j)));
                }
            }

            forms[i] = ring.FromTerms(terms);
        }

        return forms;
    }
}
