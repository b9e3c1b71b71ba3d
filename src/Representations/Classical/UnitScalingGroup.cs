using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Classical;

/// <summary>
/// The unit-scaling group R_{&gt;0}^k acting on m positive physical quantities through a k x m dimension matrix D of
/// integer exponents: the scales (lambda_1, ..., lambda_k) of the base units map quantity j to
/// q_j prod_i lambda_i^(D_ij).
/// </summary>
/// <remarks>
/// Column j of D is the dimension of quantity j in the base units; for base units (M, L, T) a velocity has the
/// column (0, 1, -1). The action is linear on logarithms: log q -&gt; log q + D^T log lambda. A monomial
/// prod_j q_j^(e_j) is scaled by prod_i lambda_i^((D e)_i), so it is invariant exactly when D e = 0
/// (see <see cref="Weight"/>).
/// </remarks>
public sealed class UnitScalingGroup
{
    private readonly int[][] _matrix;

    /// <summary>Creates the group for named base units and quantities with dimension matrix D (rows: base units, columns: quantities).</summary>
    /// <exception cref="ArgumentException">The names are empty or repeated, or the matrix shape does not match them.</exception>
    public UnitScalingGroup(IReadOnlyList<string> baseUnits, IReadOnlyList<string> quantities, IReadOnlyList<IReadOnlyList<int>> dimensionMatrix)
    {
        ArgumentNullException.ThrowIfNull(baseUnits);
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(dimensionMatrix);
        CheckNames(baseUnits, "base unit", nameof(baseUnits));
        CheckNames(quantities, "quantity", nameof(quantities));
        if (dimensionMatrix.Count != baseUnits.Count || dimensionMatrix.Any(row => row is null || row.Count != quantities.Count))
        {
            throw new ArgumentException(
                $"UnitScalingGroup: the dimension matrix must have one row per base unit ({baseUnits.Count}) and one column per quantity ({quantities.Count}).",
                nameof(dimensionMatrix));
        }

        BaseUnits = Array.AsReadOnly(baseUnits.ToArray());
        Quantities = Array.AsReadOnly(quantities.ToArray());
        _matrix = dimensionMatrix.Select(row => row.ToArray()).ToArray();
        DimensionMatrix = _matrix.Select(row => (IReadOnlyList<int>)Array.AsReadOnly((int[])row.Clone())).ToArray();
    }

    /// <summary>The names of the k base units, such as M, L, T.</summary>
    public IReadOnlyList<string> BaseUnits { get; }

    /// <summary>The names of the m quantities.</summary>
    public IReadOnlyList<string> Quantities { get; }

    /// <summary>The k x m dimension matrix D: entry (i, j) is the exponent of base unit i in quantity j.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DimensionMatrix { get; }

    /// <summary>Returns the dimension (column of D) of a quantity.</summary>
    /// <exception cref="ArgumentException">No quantity has that name.</exception>
    public IReadOnlyList<int> DimensionOf(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        int j = IndexOf(Quantities, quantity);
        return Array.AsReadOnly(_matrix.Select(row => row[j]).ToArray());
    }

    /// <summary>Returns the scaled values q_j prod_i lambda_i^(D_ij).</summary>
    /// <exception cref="ArgumentException">A length does not match, or a scale or value is not positive and finite.</exception>
    public IReadOnlyList<double> Act(IReadOnlyList<double> scales, IReadOnlyList<double> values)
    {
        CheckVectors(scales, values, s => s > 0 && double.IsFinite(s), v => v > 0 && double.IsFinite(v));
        var result = new double[Quantities.Count];
        for (int j = 0; j < result.Length; j++)
        {
            double factor = 1;
            for (int i = 0; i < _matrix.Length; i++)
            {
                factor *= Math.Pow(scales[i], _matrix[i][j]);
            }

            result[j] = values[j] * factor;
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>Returns the scaled values exactly, for rational scales and values.</summary>
    /// <exception cref="ArgumentException">A length does not match, or a scale or value is not positive.</exception>
    public IReadOnlyList<Rational> Act(IReadOnlyList<Rational> scales, IReadOnlyList<Rational> values)
    {
        CheckVectors(scales, values, s => s.Sign > 0, v => v.Sign > 0);
        var result = new Rational[Quantities.Count];
        for (int j = 0; j < result.Length; j++)
        {
            Rational factor = Rational.One;
            for (int i = 0; i < _matrix.Length; i++)
            {
                factor *= scales[i].Pow(_matrix[i][j]);
            }

            result[j] = values[j] * factor;
        }

        return Array.AsReadOnly(result);
    }

    /// <summary>
    /// Returns the weight D e of the monomial prod_j q_j^(e_j): under the scales lambda the monomial is multiplied by
    /// prod_i lambda_i^((D e)_i).
    /// </summary>
    /// <exception cref="ArgumentException">The exponent vector does not have one entry per quantity.</exception>
    public IReadOnlyList<int> Weight(IReadOnlyList<int> exponents)
    {
        ArgumentNullException.ThrowIfNull(exponents);
        if (exponents.Count != Quantities.Count)
        {
            throw new ArgumentException($"UnitScalingGroup.Weight: need {Quantities.Count} exponents, one per quantity; got {exponents.Count}.", nameof(exponents));
        }

        return Array.AsReadOnly(_matrix.Select(row => checked(row.Select((d, j) => d * exponents[j]).Sum())).ToArray());
    }

    private void CheckVectors<T>(IReadOnlyList<T> scales, IReadOnlyList<T> values, Func<T, bool> validScale, Func<T, bool> validValue)
    {
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(values);
        if (scales.Count != BaseUnits.Count)
        {
            throw new ArgumentException($"UnitScalingGroup.Act: need {BaseUnits.Count} scales, one per base unit; got {scales.Count}.", nameof(scales));
        }

        if (values.Count != Quantities.Count)
        {
            throw new ArgumentException($"UnitScalingGroup.Act: need {Quantities.Count} values, one per quantity; got {values.Count}.", nameof(values));
        }

        for (int i = 0; i < scales.Count; i++)
        {
            if (!validScale(scales[i]))
            {
                throw new ArgumentException($"UnitScalingGroup.Act: the scale of {BaseUnits[i]} is {scales[i]}; scales must be positive and finite.", nameof(scales));
            }
        }

        for (int j = 0; j < values.Count; j++)
        {
            if (!validValue(values[j]))
            {
                throw new ArgumentException($"UnitScalingGroup.Act: the value of {Quantities[j]} is {values[j]}; values must be positive and finite.", nameof(values));
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown quantity '{name}'; the quantities are {string.Join(", ", names)}.", nameof(name));
    }

    private static void CheckNames(IReadOnlyList<string> names, string kind, string parameter)
    {
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"UnitScalingGroup: every {kind} needs a non-empty name.", parameter);
        }

        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"UnitScalingGroup: the {kind} name '{repeated.Key}' appears more than once.", parameter);
        }
    }
}
