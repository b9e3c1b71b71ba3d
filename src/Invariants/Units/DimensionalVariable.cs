namespace InvTheory.Invariants.Units;

/// <summary>A named physical variable with its dimension, and the unit expression it was given with, if any.</summary>
/// <param name="Name">The variable name, a letter or '_' followed by letters, digits or '_'.</param>
/// <param name="Dimension">The dimension of the variable.</param>
/// <param name="Units">The unit expression from the table, or null when the table gave exponents of base dimensions.</param>
public sealed record DimensionalVariable(string Name, DimensionVector Dimension, string? Units = null);
