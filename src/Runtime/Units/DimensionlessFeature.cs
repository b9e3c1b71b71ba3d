namespace InvTheory.Runtime.Units;

/// <summary>A dimensionless input feature prod_j x_j^(e_j) over a model's raw inputs, with integer exponents.</summary>
/// <param name="Name">Display name used in reports, such as <c>Re</c> or <c>D*rho*v/mu</c>.</param>
/// <param name="Exponents">The exponent of each raw input, in input order.</param>
public sealed record DimensionlessFeature(string Name, IReadOnlyList<int> Exponents);

/// <summary>
/// The output scaling (prod_j x_j^(e_j))^(1/Root) that carries the target's dimension; the wrapped model's dimensionless
/// output is multiplied by it. Root is 1 unless the target only has a scaling with fractional exponents.
/// </summary>
/// <param name="Exponents">The exponent of each raw input, in input order.</param>
/// <param name="Root">The root taken of the product, at least 1.</param>
public sealed record OutputScaling(IReadOnlyList<int> Exponents, int Root = 1);
