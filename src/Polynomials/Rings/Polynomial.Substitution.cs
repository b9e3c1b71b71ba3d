using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

// Evaluation, derivatives, substitution, linear changes of variables and maps between rings.
public sealed partial class Polynomial<T>
{
    /// <summary>Returns the value f(a) at the point <paramref name="point"/> (one value per variable).</summary>
    /// <remarks>
    /// The powers a_i^k up to the degree in each variable are computed once, so a term costs one multiplication per
    /// variable that occurs in it.
    /// </remarks>
    /// <exception cref="ArgumentException">The point has the wrong number of values.</exception>
    public T Evaluate(IReadOnlyList<T> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        int n = Ring.VariableCount;
        if (point.Count != n)
        {
            throw new ArgumentException($"Evaluation point has {point.Count} values but {Ring} has {n} variables.", nameof(point));
        }

        if (IsZero)
        {
            return default;
        }

        var one = Ring.Field.One;
        var maxExponents = KroneckerLayout.MaxExponents(_monomials, n);
        var powers = new T[n][];
        for (int i = 0; i < n; i++)
        {
            powers[i] = LinearChangeOfVariables<T>.PowerTable(point[i], maxExponents[i], one);
        }

        T sum = default;
        for (int t = 0; t < _monomials.Length; t++)
        {
            var term = _coefficients[t];
            var e = _monomials[t].Exponents;
            for (int i = 0; i < e.Length; i++)
            {
                if (e[i] != 0)
                {
                    term *= powers[i][e[i]];
                }
            }

            sum += term;
        }

        return sum;
    }

    /// <summary>Returns the partial derivative with respect to variable <paramref name="index"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not a variable of the ring.</exception>
    public Polynomial<T> Derivative(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Ring.VariableCount);

        // Monomial orders are compatible with multiplication, so dividing by x_i keeps the terms divisible by x_i in order.
        // The coefficient e * c vanishes when the characteristic divides e.
        var monomials = new List<Monomial>();
        var coefficients = new List<T>();
        for (int t = 0; t < _monomials.Length; t++)
        {
            int e = _monomials[t][index];
            if (e == 0)
            {
                continue;
            }

            var c = _coefficients[t] * Ring.Field.FromInteger(e);
            if (c.IsZero)
            {
                continue;
            }

            var exponents = _monomials[t].Exponents.ToArray();
            exponents[index]--;
            monomials.Add(Monomial.FromExponentsUnchecked(exponents));
            coefficients.Add(c);
        }

        return new Polynomial<T>(Ring, [.. monomials], [.. coefficients]);
    }

    /// <summary>Returns the partial derivative with respect to the variable with the given name.</summary>
    /// <exception cref="ArgumentException">The ring has no such variable.</exception>
    public Polynomial<T> Derivative(string variable)
    {
        int index = Ring.IndexOf(variable);
        return index >= 0
            ? Derivative(index)
            : throw new ArgumentException($"Ring {Ring} has no variable '{variable}'.", nameof(variable));
    }

    /// <summary>
    /// Returns f(p_1, ..., p_n): each variable x_i replaced by <paramref name="images"/>[i], a polynomial of <paramref name="target"/>.
    /// This is a ring homomorphism from this polynomial's ring to <paramref name="target"/>.
    /// </summary>
    /// <remarks>Algorithm: multivariate Horner scheme, see <see cref="HornerSubstitution{T}"/>.</remarks>
    /// <exception cref="ArgumentException">The number of images differs from the number of variables, or an image is not in <paramref name="target"/>.</exception>
    public Polynomial<T> Substitute(IReadOnlyList<Polynomial<T>> images, PolynomialRing<T> target)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(target);
        if (images.Count != Ring.VariableCount)
        {
            throw new ArgumentException($"Substitution needs {Ring.VariableCount} images, one per variable of {Ring}, but got {images.Count}.", nameof(images));
        }

        if (!target.Field.Equals(Ring.Field))
        {
            throw new ArgumentException($"Substitution from {Ring} into {target} needs the same coefficient field.", nameof(target));
        }

        foreach (var p in images)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(images));
            target.CheckSameRing(p.Ring);
        }

        return HornerSubstitution<T>.Substitute(this, images, target);
    }

    /// <summary>Returns f(p_1, ..., p_n) in this polynomial's ring.</summary>
    public Polynomial<T> Substitute(IReadOnlyList<Polynomial<T>> images) => Substitute(images, Ring);

    /// <summary>
    /// Returns the polynomial f(g x) for the n x n matrix g given by rows: x_i becomes sum_j g[i][j] x_j.
    /// This is how a matrix group acts on polynomials: it is a right action, f(g x) followed by h gives f(g h x), so
    /// <c>f.LinearChange(g).LinearChange(h) == f.LinearChange(g * h)</c>.
    /// </summary>
    /// <remarks>
    /// Algorithm: term mapping for matrices with one nonzero entry per row, otherwise the multivariate Horner scheme on dense
    /// homogeneous components, see <see cref="LinearChangeOfVariables{T}"/>. The result equals the substitution
    /// <see cref="Substitute(IReadOnlyList{Polynomial{T}})"/> of the linear forms.
    /// </remarks>
    /// <exception cref="ArgumentException">The matrix is not n x n.</exception>
    public Polynomial<T> LinearChange(IReadOnlyList<IReadOnlyList<T>> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = Ring.VariableCount;
        if (matrix.Count != n || matrix.Any(row => row is null || row.Count != n))
        {
            string shape = matrix.Count == 0 ? "0 x 0" : $"{matrix.Count} x {matrix[0]?.Count ?? 0}";
            throw new ArgumentException($"A linear change of variables of {Ring} needs a {n} x {n} matrix, but got {shape}.", nameof(matrix));
        }

        var rows = new T[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = [.. matrix[i]];
        }

        return LinearChangeOfVariables<T>.Apply(this, rows);
    }

    /// <summary>
    /// Returns the polynomial f(g x) for the n x n matrix g: x_i becomes sum_j g[i, j] x_j. Same convention and algorithm
    /// as <see cref="LinearChange(IReadOnlyList{IReadOnlyList{T}})"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not n x n or belongs to another field.</exception>
    public Polynomial<T> LinearChange(Matrix<T> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = Ring.VariableCount;
        if (matrix.RowCount != n || matrix.ColumnCount != n)
        {
            throw new ArgumentException(
                $"A linear change of variables of {Ring} needs a {n} x {n} matrix, but got {matrix.RowCount} x {matrix.ColumnCount}.", nameof(matrix));
        }

        if (!matrix.Field.Equals(Ring.Field))
        {
            throw new ArgumentException(
                $"A linear change of variables of {Ring} needs a matrix over {Ring.Field.Name}, but got one over {matrix.Field.Name}.", nameof(matrix));
        }

        var rows = new T[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = matrix.RowSpan(i).ToArray();
        }

        return LinearChangeOfVariables<T>.Apply(this, rows);
    }

    /// <summary>Returns the same polynomial in another ring with the same field and variables (for example another order).</summary>
    /// <exception cref="ArgumentException">The field or the variables differ.</exception>
    public Polynomial<T> MapToRing(PolynomialRing<T> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Field.Equals(Ring.Field) || !target.Variables.SequenceEqual(Ring.Variables))
        {
            throw new ArgumentException($"Cannot map {Ring} to {target}: the field and the variables must be the same.", nameof(target));
        }

        return target.FromUnsortedUnique((Monomial[])_monomials.Clone(), (T[])_coefficients.Clone());
    }

    /// <summary>
    /// Returns the image in <paramref name="target"/> under the map sending each variable to the variable of
    /// <paramref name="target"/> with the same name, for example from Q[x,y] into Q[x,y,z] or Q[z,y,x].
    /// </summary>
    /// <exception cref="ArgumentException">The fields differ or a variable has no namesake in <paramref name="target"/>.</exception>
    public Polynomial<T> Embed(PolynomialRing<T> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Embed(target, Ring.Variables.ToDictionary(v => v, v => v, StringComparer.Ordinal));
    }

    /// <summary>
    /// Returns the image in <paramref name="target"/> under the map sending each variable named v to the variable of
    /// <paramref name="target"/> named <paramref name="variableMap"/>[v]. Variables missing from the map keep their name.
    /// When two variables go to the same one, their monomials are multiplied together.
    /// </summary>
    /// <exception cref="ArgumentException">The fields differ, a name is not a variable of its ring, or a variable has no image in <paramref name="target"/>.</exception>
    public Polynomial<T> Embed(PolynomialRing<T> target, IReadOnlyDictionary<string, string> variableMap)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(variableMap);
        if (!target.Field.Equals(Ring.Field))
        {
            throw new ArgumentException($"Cannot embed {Ring} into {target}: the coefficient fields differ.", nameof(target));
        }

        foreach (var name in variableMap.Keys)
        {
            if (Ring.IndexOf(name) < 0)
            {
                throw new ArgumentException($"Variable map names '{name}', which is not a variable of {Ring}.", nameof(variableMap));
            }
        }

        int n = Ring.VariableCount;
        int targetCount = target.VariableCount;
        var position = new int[n];
        bool injective = true;
        var used = new bool[targetCount];
        for (int i = 0; i < n; i++)
        {
            string source = Ring.Variables[i];
            string name = variableMap.TryGetValue(source, out var mapped) ? mapped : source;
            position[i] = target.IndexOf(name);
            if (position[i] < 0)
            {
                throw new ArgumentException(
                    $"Cannot embed {Ring} into {target}: variable '{source}' maps to '{name}', which is not a variable of the target. "
                    + "Add it to the target ring or map it to an existing variable.",
                    nameof(variableMap));
            }

            injective &= !used[position[i]];
            used[position[i]] = true;
        }

        var monomials = new Monomial[_monomials.Length];
        for (int t = 0; t < monomials.Length; t++)
        {
            var e = _monomials[t].Exponents;
            var image = new ushort[targetCount];
            for (int i = 0; i < n; i++)
            {
                int sum = image[position[i]] + e[i];
                if (sum > Monomial.MaxExponent)
                {
                    throw new OverflowException($"Embedding into {target}: exponent {sum} is outside the supported range 0..{Monomial.MaxExponent}.");
                }

                image[position[i]] = (ushort)sum;
            }

            monomials[t] = Monomial.FromExponentsUnchecked(image);
        }

        return injective
            ? target.FromUnsortedUnique(monomials, (T[])_coefficients.Clone())
            : target.FromTerms(monomials.Zip(_coefficients, (m, c) => (c, m)));
    }
}
