using System.Collections.Immutable;

namespace InvTheory.Runtime.Evaluation;

/// <summary>One term c * x^e of a double-precision polynomial: the coefficient and the exponent of each variable.</summary>
public sealed class Float64Term
{
    private readonly ImmutableArray<int> _exponents;

    /// <summary>Creates the term <paramref name="coefficient"/> * prod_v x_v^(exponents[v]).</summary>
    /// <exception cref="ArgumentException">The coefficient is not finite or an exponent is negative.</exception>
    public Float64Term(double coefficient, IEnumerable<int> exponents)
    {
        ArgumentNullException.ThrowIfNull(exponents);
        if (!double.IsFinite(coefficient))
        {
            throw new ArgumentException($"Float64Term: the coefficient must be finite but is {coefficient}.", nameof(coefficient));
        }

        _exponents = [.. exponents];
        foreach (int e in _exponents)
        {
            if (e < 0)
            {
                throw new ArgumentException(
                    $"Float64Term: exponents must be nonnegative but are ({string.Join(", ", _exponents)}). Polynomial bases have no negative powers.",
                    nameof(exponents));
            }
        }

        Coefficient = coefficient;
    }

    /// <summary>The coefficient c.</summary>
    public double Coefficient { get; }

    /// <summary>The exponent of each variable.</summary>
    public IReadOnlyList<int> Exponents => _exponents;

    /// <summary>The total degree, the sum of the exponents.</summary>
    public int TotalDegree => _exponents.Sum();
}

/// <summary>
/// One element of a basis: a polynomial map R^n -> R^k given by one list of terms per component
/// (k = 1 for an invariant, k &gt; 1 for a vector-valued equivariant).
/// </summary>
public sealed class Float64BasisElement
{
    private readonly ImmutableArray<ImmutableArray<Float64Term>> _components;

    /// <summary>Creates an element from its components; each component is the list of its terms.</summary>
    /// <exception cref="ArgumentException">There are no components.</exception>
    public Float64BasisElement(IEnumerable<IEnumerable<Float64Term>> components, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        _components = [.. components.Select(c => c.ToImmutableArray())];
        if (_components.Length == 0)
        {
            throw new ArgumentException("Float64BasisElement: an element needs at least one component.", nameof(components));
        }

        Name = name;
    }

    /// <summary>Creates a scalar element with the given terms.</summary>
    public static Float64BasisElement Scalar(IEnumerable<Float64Term> terms, string? name = null) => new([terms], name);

    /// <summary>The optional display name, such as the exact polynomial it came from.</summary>
    public string? Name { get; }

    /// <summary>The number of components k.</summary>
    public int ComponentCount => _components.Length;

    /// <summary>The terms of each component.</summary>
    public IReadOnlyList<IReadOnlyList<Float64Term>> Components => _components.Select(c => (IReadOnlyList<Float64Term>)c).ToImmutableArray();

    internal ImmutableArray<Float64Term> Component(int index) => _components[index];
}

/// <summary>
/// A basis of polynomial maps as plain double-precision data: the number of variables, optional variable names and
/// the elements. This is the runtime's input format; it does not depend on the exact scalar types.
/// </summary>
public sealed class Float64Basis
{
    private readonly ImmutableArray<Float64BasisElement> _elements;
    private readonly ImmutableArray<string> _variableNames;

    /// <summary>Creates a basis in <paramref name="variableCount"/> variables.</summary>
    /// <exception cref="ArgumentException">A term has the wrong number of exponents, or the names do not match the variable count.</exception>
    public Float64Basis(int variableCount, IEnumerable<Float64BasisElement> elements, IEnumerable<string>? variableNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variableCount);
        ArgumentNullException.ThrowIfNull(elements);
        _elements = [.. elements];
        _variableNames = variableNames is null
            ? [.. Enumerable.Range(1, variableCount).Select(i => $"x{i}")]
            : [.. variableNames];
        if (_variableNames.Length != variableCount)
        {
            throw new ArgumentException(
                $"Float64Basis: {_variableNames.Length} variable names were given for {variableCount} variables. Pass one name per variable.",
                nameof(variableNames));
        }

        for (int i = 0; i < _elements.Length; i++)
        {
            var element = _elements[i] ?? throw new ArgumentException($"Float64Basis: element {i} is null.", nameof(elements));
            for (int c = 0; c < element.ComponentCount; c++)
            {
                foreach (var term in element.Component(c))
                {
                    if (term.Exponents.Count != variableCount)
                    {
                        throw new ArgumentException(
                            $"Float64Basis: a term of element {i}, component {c} has {term.Exponents.Count} exponents but the basis has {variableCount} variables.",
                            nameof(elements));
                    }
                }
            }
        }

        VariableCount = variableCount;
    }

    /// <summary>The number of variables n.</summary>
    public int VariableCount { get; }

    /// <summary>The variable names, in variable order.</summary>
    public IReadOnlyList<string> VariableNames => _variableNames;

    /// <summary>The basis elements.</summary>
    public IReadOnlyList<Float64BasisElement> Elements => _elements;

    /// <summary>The total number of outputs, the sum of the component counts of all elements.</summary>
    public int OutputCount => _elements.Sum(e => e.ComponentCount);

    /// <summary>The largest total degree of any term, or 0 for a basis without terms.</summary>
    public int MaxDegree => _elements.SelectMany(e => e.Components).SelectMany(c => c).Select(t => t.TotalDegree).DefaultIfEmpty(0).Max();
}
