using System.Numerics;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Tests;

/// <summary>Loads reference groups over the field their file names and computes results generically.</summary>
internal static class ReferenceGroups
{
    /// <summary>Returns the order and the Molien coefficients of t^0..t^maxDegree of the group in a file.</summary>
    public static (BigInteger Order, IReadOnlyList<BigInteger> Molien, int ClassCount) Compute(GroupDefinition definition, int maxDegree) =>
        definition.Field.Accept(new ComputeVisitor(definition, maxDegree));

    private sealed class ComputeVisitor(GroupDefinition definition, int maxDegree)
        : IFieldVisitor<(BigInteger, IReadOnlyList<BigInteger>, int)>
    {
        public (BigInteger, IReadOnlyList<BigInteger>, int) Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            return (group.Order, group.MolienSeries().Coefficients(maxDegree), group.ConjugacyClasses.Count);
        }
    }
}
