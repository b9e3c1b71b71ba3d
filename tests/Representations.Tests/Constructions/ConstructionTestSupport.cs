using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Tests.Catalogue;

namespace InvTheory.Representations.Tests.Constructions;

/// <summary>Element lists of small catalogue groups and random rational matrices for the construction tests.</summary>
internal static class ConstructionTestSupport
{
    private static readonly Lazy<IReadOnlyList<Matrix<Rational>>> OhElements = new(() => RationalElements("Oh"));
    private static readonly Lazy<IReadOnlyList<Matrix<Rational>>> S4Elements = new(() => RationalElements("S4"));
    private static readonly Lazy<IReadOnlyList<Matrix<CyclotomicNumber>>> BinaryTetrahedralElements = new(() => CyclotomicElements("2T"));

    /// <summary>The 48 elements of Oh as integer 3 x 3 matrices.</summary>
    public static IReadOnlyList<Matrix<Rational>> Oh => OhElements.Value;

    /// <summary>The 24 permutation matrices of S4.</summary>
    public static IReadOnlyList<Matrix<Rational>> S4 => S4Elements.Value;

    /// <summary>The 24 elements of the binary tetrahedral group over Q(zeta_4).</summary>
    public static IReadOnlyList<Matrix<CyclotomicNumber>> BinaryTetrahedral => BinaryTetrahedralElements.Value;

    public static IReadOnlyList<Matrix<Rational>> RationalGenerators(string name) =>
        CatalogueTestSupport.ParseGenerators(RationalField.Instance, GroupCatalogue.Get(name));

    public static IReadOnlyList<Matrix<CyclotomicNumber>> CyclotomicGenerators(string name)
    {
        var definition = GroupCatalogue.Get(name);
        return CatalogueTestSupport.ParseGenerators(CyclotomicField.Get((int)definition.Field.Parameter), definition);
    }

    public static int Order<T>(Field<T> field, IReadOnlyList<Matrix<T>> generators, int dimension, int limit = 10_000)
        where T : struct, IFieldElement<T> =>
        CatalogueTestSupport.Closure(field, generators, dimension, limit)?.Count ?? -1;

    /// <summary>Returns a d x d matrix with random integer entries in [-3, 3].</summary>
    public static Matrix<Rational> RandomMatrix(Random random, int d) =>
        Matrix.FromFunction(RationalField.Instance, d, d, (_, _) => (Rational)random.Next(-3, 4));

    private static IReadOnlyList<Matrix<Rational>> RationalElements(string name)
    {
        var definition = GroupCatalogue.Get(name);
        return CatalogueTestSupport.Closure(RationalField.Instance, RationalGenerators(name), definition.Dimension, 1000)!;
    }

    private static IReadOnlyList<Matrix<CyclotomicNumber>> CyclotomicElements(string name)
    {
        var definition = GroupCatalogue.Get(name);
        var field = CyclotomicField.Get((int)definition.Field.Parameter);
        return CatalogueTestSupport.Closure(field, CyclotomicGenerators(name), definition.Dimension, 1000)!;
    }
}
