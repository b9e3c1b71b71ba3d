using System.Collections.Immutable;
using System.Text;

namespace InvTheory.Invariants.Units;

/// <summary>
/// A physical dimension as a product of powers of named base dimensions, such as M*L^-1*T^-2, with integer exponents.
/// </summary>
/// <remarks>
/// Only nonzero exponents are stored, ordered by <see cref="BaseDimensions.Compare"/> (the SI base dimensions
/// M, L, T, Theta, I, N, J first, then user-named dimensions in ordinal order), so equal dimensions have equal
/// representations. Exponent arithmetic is checked and raises <see cref="OverflowException"/> past the range of int.
/// </remarks>
public sealed class DimensionVector : IEquatable<DimensionVector>
{
    private readonly ImmutableArray<KeyValuePair<string, int>> _exponents;

    private DimensionVector(ImmutableArray<KeyValuePair<string, int>> exponents)
    {
        _exponents = exponents;
    }

    /// <summary>The dimension of a pure number.</summary>
    public static DimensionVector Dimensionless { get; } = new(ImmutableArray<KeyValuePair<string, int>>.Empty);

    /// <summary>The base dimensions with nonzero exponent and their exponents, in canonical order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Exponents => _exponents;

    /// <summary>Whether every exponent is zero.</summary>
    public bool IsDimensionless => _exponents.IsEmpty;

    /// <summary>The dimension <paramref name="dimension"/>^<paramref name="exponent"/>.</summary>
    /// <exception cref="ArgumentException">The dimension name is not valid (see <see cref="BaseDimensions.IsValidName"/>).</exception>
    public static DimensionVector Of(string dimension, int exponent = 1)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        string name = BaseDimensions.Normalize(dimension);
        if (!BaseDimensions.IsValidName(name))
        {
            throw new ArgumentException($"'{dimension}' is not a valid dimension name; use a letter followed by letters, digits or '_'.", nameof(dimension));
        }

        return FromPairs([new KeyValuePair<string, int>(name, exponent)]);
    }

    /// <summary>The dimension with the given exponents; repeated names add up and zero exponents are dropped.</summary>
    public static DimensionVector FromExponents(IEnumerable<KeyValuePair<string, int>> exponents)
    {
        ArgumentNullException.ThrowIfNull(exponents);
        var dimension = Dimensionless;
        foreach (var pair in exponents)
        {
            dimension = dimension.Multiply(Of(pair.Key, pair.Value));
        }

        return dimension;
    }

    /// <summary>The exponent of <paramref name="dimension"/> (zero when absent).</summary>
    public int Exponent(string dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        string name = BaseDimensions.Normalize(dimension);
        foreach (var pair in _exponents)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return 0;
    }

    /// <summary>The product of two dimensions (exponents add).</summary>
    /// <exception cref="OverflowException">An exponent leaves the range of int.</exception>
    public DimensionVector Multiply(DimensionVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return FromPairs(_exponents.Concat(other._exponents));
    }

    /// <summary>The dimension raised to an integer power (exponents scale).</summary>
    /// <exception cref="OverflowException">An exponent leaves the range of int.</exception>
    public DimensionVector Power(int exponent) =>
        FromPairs(_exponents.Select(p => new KeyValuePair<string, int>(p.Key, checked(p.Value * exponent))));

    /// <summary>The text form such as <c>M*L^-1*T^-2</c>, or <c>1</c> when dimensionless.</summary>
    public override string ToString()
    {
        if (IsDimensionless)
        {
            return "1";
        }

        var builder = new StringBuilder();
        foreach (var (name, exponent) in _exponents)
        {
            if (builder.Length > 0)
            {
                builder.Append('*');
            }

            builder.Append(name);
            if (exponent != 1)
            {
                builder.Append('^').Append(exponent);
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(DimensionVector? other) => other is not null && _exponents.SequenceEqual(other._exponents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DimensionVector other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var pair in _exponents)
        {
            hash.Add(pair.Key);
            hash.Add(pair.Value);
        }

        return hash.ToHashCode();
    }

    private static DimensionVector FromPairs(IEnumerable<KeyValuePair<string, int>> pairs)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, exponent) in pairs)
        {
            sums[name] = checked(sums.GetValueOrDefault(name) + exponent);
        }

        var ordered = sums.Where(p => p.Value != 0)
            .OrderBy(p => p.Key, Comparer<string>.Create(BaseDimensions.Compare))
            .ToImmutableArray();
        return new DimensionVector(ordered);
    }
}
