using System.Numerics;
using System.Text;

namespace InvTheory.Invariants.Units;

/// <summary>
/// A product of integer powers of named variables, prod_j x_j^(e_j), such as a dimensionless group D*rho*v/mu or a
/// target scaling mu*v/D. The exponent vector is stored over all variables of a table, in table order.
/// </summary>
public sealed class PowerProduct : IEquatable<PowerProduct>
{
    /// <summary>Creates the product with the given exponents over the named variables.</summary>
    /// <exception cref="ArgumentException">The exponent count differs from the name count.</exception>
    public PowerProduct(IReadOnlyList<string> names, IEnumerable<BigInteger> exponents)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(exponents);
        Names = names.ToList().AsReadOnly();
        Exponents = exponents.ToList().AsReadOnly();
        if (Exponents.Count != Names.Count)
        {
            throw new ArgumentException($"A power product needs one exponent per variable; got {Exponents.Count} exponents for {Names.Count} variables.", nameof(exponents));
        }
    }

    /// <summary>The variable names, in table order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The exponent of each variable, in table order (zero for variables not in the product).</summary>
    public IReadOnlyList<BigInteger> Exponents { get; }

    /// <summary>Whether every exponent is zero (the empty product 1).</summary>
    public bool IsOne => Exponents.All(e => e.IsZero);

    /// <summary>The exponent of the variable <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No variable has that name.</exception>
    public BigInteger this[string name]
    {
        get
        {
            int index = Names.ToList().IndexOf(name);
            return index >= 0 ? Exponents[index] : throw new KeyNotFoundException($"The power product has no variable '{name}'.");
        }
    }

    /// <summary>Returns the dimension of the product for the given variable dimensions (in the same order as <see cref="Names"/>).</summary>
    /// <exception cref="OverflowException">An exponent of the result leaves the range of int.</exception>
    public DimensionVector Dimension(IReadOnlyList<DimensionVector> variableDimensions)
    {
        ArgumentNullException.ThrowIfNull(variableDimensions);
        var result = DimensionVector.Dimensionless;
        for (int j = 0; j < Exponents.Count; j++)
        {
            if (!Exponents[j].IsZero)
            {
                result = result.Multiply(variableDimensions[j].Power(checked((int)Exponents[j])));
            }
        }

        return result;
    }

    /// <summary>
    /// The readable form: numerator factors in table order, then '/' and the denominator factors in table order, for
    /// example <c>D*rho*v/mu</c> or <c>dp*D^2/(mu*v*L)</c>; <c>1</c> for the empty product.
    /// </summary>
    public override string ToString()
    {
        var numerator = new List<string>();
        var denominator = new List<string>();
        for (int j = 0; j < Names.Count; j++)
        {
            var exponent = Exponents[j];
            if (exponent.IsZero)
            {
                continue;
            }

            var magnitude = BigInteger.Abs(exponent);
            string factor = magnitude.IsOne ? Names[j] : $"{Names[j]}^{magnitude}";
            (exponent.Sign > 0 ? numerator : denominator).Add(factor);
        }

        var builder = new StringBuilder(numerator.Count == 0 ? "1" : string.Join("*", numerator));
        if (denominator.Count == 1)
        {
            builder.Append('/').Append(denominator[0]);
        }
        else if (denominator.Count > 1)
        {
            builder.Append("/(").Append(string.Join("*", denominator)).Append(')');
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(PowerProduct? other) =>
        other is not null && Names.SequenceEqual(other.Names) && Exponents.SequenceEqual(other.Exponents);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PowerProduct other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var exponent in Exponents)
        {
            hash.Add(exponent);
        }

        return hash.ToHashCode();
    }
}
