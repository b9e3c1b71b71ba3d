using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Equivariants;

/// <summary>
/// A polynomial map F: U -&gt; W = K^m, x -&gt; (F_1(x), ..., F_m(x)), with components in the polynomial ring of the
/// coordinates of U.
/// </summary>
/// <remarks>
/// Immutable. Two maps are equal when they have the same ring and equal components. The text form lists the
/// components in the ring's canonical polynomial text, such as <c>(x1^2 - x2, x1*x2)</c>.
/// </remarks>
public sealed class PolynomialMap<T> : IEquatable<PolynomialMap<T>>
    where T : struct, IFieldElement<T>
{
    private readonly Polynomial<T>[] _components;

    /// <summary>Creates the map with the given components.</summary>
    /// <exception cref="ArgumentException">There are no components, or a component belongs to another ring.</exception>
    public PolynomialMap(PolynomialRing<T> ring, IEnumerable<Polynomial<T>> components)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(components);
        _components = components.ToArray();
        if (_components.Length == 0)
        {
            throw new ArgumentException("A polynomial map needs at least one component (the output space has dimension at least 1).", nameof(components));
        }

        foreach (var p in _components)
        {
            if (!p.Ring.Equals(ring))
            {
                throw new ArgumentException($"Component {p} belongs to {p.Ring}, not to {ring}.", nameof(components));
            }
        }

        Ring = ring;
    }

    /// <summary>The ring of the coordinates x_1, ..., x_n of the input space U.</summary>
    public PolynomialRing<T> Ring { get; }

    /// <summary>The components F_1, ..., F_m.</summary>
    public IReadOnlyList<Polynomial<T>> Components => _components;

    /// <summary>The dimension m of the output space.</summary>
    public int OutputDimension => _components.Length;

    /// <summary>Whether every component is zero.</summary>
    public bool IsZero => _components.All(c => c.IsZero);

    /// <summary>The largest total degree of a component, or -1 for the zero map.</summary>
    public int Degree => _components.Where(c => !c.IsZero).Select(c => c.TotalDegree).DefaultIfEmpty(-1).Max();

    /// <summary>Returns the zero map U -&gt; K^<paramref name="outputDimension"/>.</summary>
    public static PolynomialMap<T> Zero(PolynomialRing<T> ring, int outputDimension)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDimension, 1);
        return new PolynomialMap<T>(ring, Enumerable.Repeat(ring.Zero, outputDimension));
    }

    /// <summary>Returns F(x) at a point of U.</summary>
    /// <exception cref="ArgumentException">The point has the wrong number of coordinates.</exception>
    public IReadOnlyList<T> Evaluate(IReadOnlyList<T> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != Ring.VariableCount)
        {
            throw new ArgumentException($"PolynomialMap.Evaluate: the point has {point.Count} coordinates but U has dimension {Ring.VariableCount}.", nameof(point));
        }

        return Array.AsReadOnly(_components.Select(c => c.Evaluate(point)).ToArray());
    }

    /// <summary>Returns the map x -&gt; F(g x).</summary>
    /// <exception cref="ArgumentException">g is not n x n for n the dimension of U.</exception>
    public PolynomialMap<T> Precompose(Matrix<T> g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var rows = g.ToRows();
        return new PolynomialMap<T>(Ring, _components.Select(c => c.LinearChange(rows)));
    }

    /// <summary>Returns the map x -&gt; A F(x) for an m' x m matrix A.</summary>
    /// <exception cref="ArgumentException">A has not m columns.</exception>
    public PolynomialMap<T> Transform(Matrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ColumnCount != OutputDimension || a.RowCount == 0)
        {
            throw new ArgumentException($"PolynomialMap.Transform: the matrix is {a.RowCount}x{a.ColumnCount} but the map has {OutputDimension} components.", nameof(a));
        }

        var result = new Polynomial<T>[a.RowCount];
        for (int i = 0; i < result.Length; i++)
        {
            var sum = Ring.Zero;
            for (int j = 0; j < OutputDimension; j++)
            {
                var c = a[i, j];
                if (!c.IsZero && !_components[j].IsZero)
                {
                    sum = Polynomial<T>.AddScaled(sum, _components[j], c);
                }
            }

            result[i] = sum;
        }

        return new PolynomialMap<T>(Ring, result);
    }

    /// <summary>
    /// Returns the derivative of F along the linear vector field x -&gt; X x: the map x -&gt; dF_x(X x), whose component j is
    /// sum_i (dF_j/dx_i)(x) (X x)_i. For X in a Lie algebra this is d/dt F(exp(t X) x) at t = 0.
    /// </summary>
    /// <exception cref="ArgumentException">X is not n x n.</exception>
    public PolynomialMap<T> DeriveAlong(Matrix<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = Ring.VariableCount;
        if (x.RowCount != n || x.ColumnCount != n)
        {
            throw new ArgumentException($"PolynomialMap.DeriveAlong: X is {x.RowCount}x{x.ColumnCount} but U has dimension {n}.", nameof(x));
        }

        var linear = new Polynomial<T>[n];
        for (int i = 0; i < n; i++)
        {
            var terms = new List<(T, Monomial)>();
            for (int j = 0; j < n; j++)
            {
                if (!x[i, j].IsZero)
                {
                    terms.Add((x[i, j], Monomial.Variable(n, j)));
                }
            }

            linear[i] = Ring.FromTerms(terms);
        }

        return new PolynomialMap<T>(Ring, _components.Select(f =>
        {
            var sum = Ring.Zero;
            for (int i = 0; i < n; i++)
            {
                if (!linear[i].IsZero)
                {
                    var derivative = f.Derivative(i);
                    if (!derivative.IsZero)
                    {
                        sum += derivative * linear[i];
                    }
                }
            }

            return sum;
        }));
    }

    /// <summary>Returns the map x -&gt; p(x) F(x).</summary>
    public PolynomialMap<T> Multiply(Polynomial<T> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PolynomialMap<T>(Ring, _components.Select(c => c * p));
    }

    /// <summary>Returns the componentwise sum.</summary>
    /// <exception cref="ArgumentException">The maps have different rings or output dimensions.</exception>
    public static PolynomialMap<T> operator +(PolynomialMap<T> a, PolynomialMap<T> b) => Combine(a, b, (x, y) => x + y);

    /// <summary>Returns the componentwise difference.</summary>
    /// <exception cref="ArgumentException">The maps have different rings or output dimensions.</exception>
    public static PolynomialMap<T> operator -(PolynomialMap<T> a, PolynomialMap<T> b) => Combine(a, b, (x, y) => x - y);

    /// <summary>Returns c F.</summary>
    public static PolynomialMap<T> operator *(T c, PolynomialMap<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new PolynomialMap<T>(a.Ring, a._components.Select(p => p * c));
    }

    /// <summary>Returns the components in the ring's canonical text.</summary>
    public IReadOnlyList<string> FormatComponents() => Array.AsReadOnly(_components.Select(c => c.ToString()).ToArray());

    /// <inheritdoc />
    public bool Equals(PolynomialMap<T>? other) =>
        other is not null && other.Ring.Equals(Ring) && other._components.AsSpan().SequenceEqual(_components);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PolynomialMap<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _components)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>The components in parentheses, such as <c>(x1, x2^2)</c>.</summary>
    public override string ToString() => "(" + string.Join(", ", FormatComponents()) + ")";

    private static PolynomialMap<T> Combine(PolynomialMap<T> a, PolynomialMap<T> b, Func<Polynomial<T>, Polynomial<T>, Polynomial<T>> op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Ring.Equals(b.Ring) || a.OutputDimension != b.OutputDimension)
        {
            throw new ArgumentException(
                $"Polynomial maps with rings {a.Ring}, {b.Ring} and {a.OutputDimension}, {b.OutputDimension} components cannot be combined; both must map the same U to the same W.");
        }

        return new PolynomialMap<T>(a.Ring, a._components.Zip(b._components, op));
    }
}
