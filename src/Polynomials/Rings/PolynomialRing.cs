using System.Collections.Immutable;
using System.Globalization;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials;

/// <summary>
/// The polynomial ring K[x_1, ..., x_n]: the coefficient field, the variable names and the monomial order.
/// It owns its elements; combining polynomials of two different rings is an argument error.
/// </summary>
/// <remarks>
/// Rings compare by value (field, names and order), so two rings built from the same description are
/// interchangeable. Variable names are identifiers (a letter or underscore, then letters, digits or underscores);
/// over Q(zeta_n) the names <c>z</c> and <c>zeta</c> are reserved for the root of unity.
/// </remarks>
public sealed class PolynomialRing<T> : IEquatable<PolynomialRing<T>>
    where T : struct, IFieldElement<T>
{
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates K[names] with the given order.</summary>
    /// <exception cref="ArgumentException">A name is not an identifier, is repeated, or is reserved by the field.</exception>
    public PolynomialRing(Field<T> field, IEnumerable<string> variableNames, MonomialOrder order)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentNullException.ThrowIfNull(order);
        Field = field;
        Order = order;
        Variables = [.. variableNames];
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Variables.Length; i++)
        {
            string name = Variables[i];
            if (!IsIdentifier(name))
            {
                throw new ArgumentException($"Variable name '{name}' is not an identifier (a letter or '_', then letters, digits or '_').", nameof(variableNames));
            }

            if (field.DegreeOverPrimeField > 1 && name is "z" or "zeta")
            {
                throw new ArgumentException($"Variable name '{name}' is reserved over {field.Name}, where it denotes the root of unity; choose another name.", nameof(variableNames));
            }

            if (!_indexByName.TryAdd(name, i))
            {
                throw new ArgumentException($"Variable name '{name}' occurs twice.", nameof(variableNames));
            }
        }

        Zero = new Polynomial<T>(this, [], []);
        One = Constant(field.One);
    }

    /// <summary>Creates K[x1, ..., xn] with the given order.</summary>
    public PolynomialRing(Field<T> field, int variableCount, MonomialOrder order)
        : this(field, DefaultNames(variableCount), order)
    {
    }

    /// <summary>Returns the names x1, ..., xn.</summary>
    public static IEnumerable<string> DefaultNames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Enumerable.Range(1, count).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The coefficient field.</summary>
    public Field<T> Field { get; }

    /// <summary>The monomial order.</summary>
    public MonomialOrder Order { get; }

    /// <summary>The variable names, x_1 first.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>Number of variables.</summary>
    public int VariableCount => Variables.Length;

    /// <summary>The zero polynomial.</summary>
    public Polynomial<T> Zero { get; }

    /// <summary>The polynomial 1.</summary>
    public Polynomial<T> One { get; }

    /// <summary>Returns the index of a variable name, or -1.</summary>
    public int IndexOf(string name) => _indexByName.GetValueOrDefault(name, -1);

    /// <summary>Returns the variable x_<paramref name="index"/> (0-based).</summary>
    public Polynomial<T> Variable(int index) => Term(Field.One, Monomial.Variable(VariableCount, index));

    /// <summary>Returns the variable with the given name.</summary>
    /// <exception cref="ArgumentException">The ring has no such variable.</exception>
    public Polynomial<T> Variable(string name)
    {
        int i = IndexOf(name);
        return i >= 0 ? Variable(i) : throw new ArgumentException($"Ring {this} has no variable '{name}'.", nameof(name));
    }

    /// <summary>Returns the constant polynomial c.</summary>
    public Polynomial<T> Constant(T c) => Term(c, Monomial.One(VariableCount));

    /// <summary>Returns the constant polynomial with integer value n.</summary>
    public Polynomial<T> Constant(long n) => Constant(Field.FromInteger(n));

    /// <summary>Returns the term c * m.</summary>
    public Polynomial<T> Term(T coefficient, Monomial monomial)
    {
        CheckMonomial(monomial);
        return coefficient.IsZero ? Zero : new Polynomial<T>(this, [monomial], [coefficient]);
    }

    /// <summary>Returns the sum of the given terms; repeated monomials are added together and zero terms dropped.</summary>
    public Polynomial<T> FromTerms(IEnumerable<(T Coefficient, Monomial Monomial)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sums = new Dictionary<Monomial, T>();
        foreach (var (c, m) in terms)
        {
            CheckMonomial(m);
            sums[m] = sums.TryGetValue(m, out var s) ? s + c : c;
        }

        return FromDictionary(sums);
    }

    /// <summary>Builds a polynomial from a monomial-to-coefficient map; zero coefficients are dropped.</summary>
    internal Polynomial<T> FromDictionary(Dictionary<Monomial, T> sums)
    {
        int count = 0;
        foreach (var v in sums.Values)
        {
            if (!v.IsZero)
            {
                count++;
            }
        }

        var monomials = new Monomial[count];
        var coefficients = new T[count];
        int k = 0;
        foreach (var (m, c) in sums)
        {
            if (!c.IsZero)
            {
                monomials[k] = m;
                coefficients[k] = c;
                k++;
            }
        }

        return FromUnsortedUnique(monomials, coefficients);
    }

    /// <summary>Sorts distinct monomials with nonzero coefficients into the ring's order (largest first) and takes ownership of the arrays.</summary>
    internal Polynomial<T> FromUnsortedUnique(Monomial[] monomials, T[] coefficients)
    {
        MonomialSorting.SortDescending(Order, monomials, coefficients);
        return new Polynomial<T>(this, monomials, coefficients);
    }

    /// <summary>Parses a polynomial such as <c>x1^2 + 3/2*x2*x3</c> or, over Q(zeta_n), <c>a*b - z^2*c</c>.</summary>
    /// <exception cref="FormatException">The text is not a polynomial of this ring; the message names the position and the token.</exception>
    public Polynomial<T> Parse(string text) => PolynomialParser<T>.Parse(this, text);

    /// <summary>
    /// Returns the monomials of total degree <paramref name="degree"/>, largest first in the ring's order; there are
    /// C(n + d - 1, d) of them (<see cref="Monomial.CountOfDegree"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The degree is negative or above <see cref="Monomial.MaxExponent"/>.</exception>
    public IEnumerable<Monomial> MonomialsOfDegree(int degree) => Monomial.OfDegree(VariableCount, degree, Order);

    /// <summary>Returns the same ring with another monomial order.</summary>
    public PolynomialRing<T> WithOrder(MonomialOrder order) => new(Field, Variables, order);

    /// <summary>Checks that a monomial has this ring's number of variables.</summary>
    internal void CheckMonomial(Monomial m)
    {
        if (m.VariableCount != VariableCount)
        {
            throw new ArgumentException($"Monomial in {m.VariableCount} variables does not belong to {this}, which has {VariableCount}.");
        }
    }

    /// <summary>Throws when <paramref name="other"/> is a different ring.</summary>
    internal void CheckSameRing(PolynomialRing<T> other)
    {
        if (!ReferenceEquals(this, other) && !Equals(other))
        {
            throw new ArgumentException($"Polynomials from different rings cannot be combined: {this} and {other}. Map one into the other's ring first.");
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <inheritdoc />
    public bool Equals(PolynomialRing<T>? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Field.Equals(other.Field) && Order.Equals(other.Order) && Variables.SequenceEqual(other.Variables)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PolynomialRing<T> r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Order, VariableCount, Variables.Length > 0 ? Variables[0] : string.Empty);

    /// <summary>Text such as <c>Q[x,y,z] (grevlex)</c>.</summary>
    public override string ToString() => $"{Field.Name}[{string.Join(',', Variables)}] ({Order.Name})";
}
