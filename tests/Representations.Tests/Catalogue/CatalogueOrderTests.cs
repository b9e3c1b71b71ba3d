using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Representations.Tests.Catalogue;

/// <summary>
/// Enumerates catalogue groups by a plain breadth-first closure (independent of the library's group code) and
/// compares the orders with textbook values.
/// </summary>
public sealed class CatalogueOrderTests
{
    public static TheoryData<string, int> PointGroupOrders() => new()
    {
        // International Tables for Crystallography Vol. A (2005), Table 10.1.2.2, in its order of the 32 classes.
        { "PG(C1)", 1 }, { "Ci", 2 }, { "PG(C2)", 2 }, { "Cs", 2 }, { "C2h", 4 }, { "PG(D2)", 4 }, { "C2v", 4 }, { "D2h", 8 },
        { "PG(C4)", 4 }, { "PG(S4)", 4 }, { "C4h", 8 }, { "PG(D4)", 8 }, { "C4v", 8 }, { "D2d", 8 }, { "D4h", 16 },
        { "PG(C3)", 3 }, { "C3i", 6 }, { "PG(D3)", 6 }, { "C3v", 6 }, { "D3d", 12 },
        { "PG(C6)", 6 }, { "C3h", 6 }, { "C6h", 12 }, { "PG(D6)", 12 }, { "C6v", 12 }, { "D3h", 12 }, { "D6h", 24 },
        { "T", 12 }, { "Th", 24 }, { "O", 24 }, { "Td", 24 }, { "Oh", 48 },
    };

    public static TheoryData<string, int> CoxeterGroupOrders() => new()
    {
        // Humphreys, Reflection Groups and Coxeter Groups (1990), Table 2.2: |W(A_n)| = (n+1)!, |W(B_n)| = 2^n n!,
        // |W(D_n)| = 2^(n-1) n!, |W(F4)| = 1152, |W(G2)| = 12, |W(H3)| = 120, |W(H4)| = 14400, |W(I2(m))| = 2m.
        { "W(A1)", 2 }, { "W(A2)", 6 }, { "W(A3)", 24 }, { "W(A4)", 120 }, { "W(A5)", 720 },
        { "W(B2)", 8 }, { "W(B3)", 48 }, { "W(B4)", 384 },
        { "W(D4)", 192 }, { "W(D5)", 1920 },
        { "W(F4)", 1152 }, { "W(G2)", 12 }, { "W(H3)", 120 },
        { "W(I2(5))", 10 }, { "W(I2(7))", 14 }, { "W(I2(8))", 16 },
    };

    public static TheoryData<string, int> OtherOrders() => new()
    {
        // |C_n| = n and |D_n| = 2n by definition (the catalogue's convention for D_n).
        { "C1", 1 }, { "C2", 2 }, { "C3", 3 }, { "C4", 4 }, { "C5", 5 }, { "C6", 6 }, { "C7", 7 }, { "C8", 8 }, { "C10", 10 }, { "C12", 12 },
        { "D1", 2 }, { "D2", 4 }, { "D3", 6 }, { "D4", 8 }, { "D5", 10 }, { "D6", 12 }, { "D7", 14 }, { "D8", 16 }, { "D12", 24 },
        // |S_n| = n!, |A_n| = n!/2, signed permutations 2^n n!.
        { "S2", 2 }, { "S3", 6 }, { "S4", 24 }, { "S5", 120 }, { "A3", 3 }, { "A4", 12 }, { "A5", 60 }, { "A6", 360 },
        { "S3_std", 6 }, { "S4_std", 24 }, { "S5_std", 120 }, { "A4_std", 12 }, { "A5_std", 60 },
        { "B2", 8 }, { "B3", 48 }, { "B4", 384 },
        // Icosahedral rotation group and full group: 60 and 120 (Coxeter, Regular Polytopes, Table I).
        { "I", 60 }, { "Ih", 120 },
        // Finite subgroups of SU(2): Q8 = 8, binary dihedral 4n, 2T = 24, 2O = 48, 2I = 120 (Conway and Smith,
        // On Quaternions and Octonions, Ch. 3).
        { "Q8", 8 }, { "Dic(2)", 8 }, { "Dic(3)", 12 }, { "Dic(5)", 20 }, { "2T", 24 }, { "2O", 48 }, { "2I", 120 },
        // |PSL(2,7)| = 168.
        { "PSL(2,7)", 168 },
        // The Heisenberg group mod n has order n^3.
        { "Heis(2)", 8 }, { "Heis(3)", 27 }, { "Heis(4)", 64 }, { "Heis(5)", 125 },
    };

    [Theory]
    [MemberData(nameof(PointGroupOrders))]
    public void PointGroupHasTextbookOrder(string name, int order) => AssertOrder(name, order);

    [Theory]
    [MemberData(nameof(CoxeterGroupOrders))]
    public void CoxeterGroupHasTextbookOrder(string name, int order) => AssertOrder(name, order);

    [Theory]
    [MemberData(nameof(OtherOrders))]
    public void GroupHasTextbookOrder(string name, int order) => AssertOrder(name, order);

    [Fact]
    public void WeylGroupE6HasOrder51840()
    {
        // Humphreys (1990), Table 2.2.
        AssertOrder("W(E6)", 51840);
    }

    [Fact]
    public void WeylGroupH4HasOrder14400()
    {
        // Humphreys (1990), Table 2.2.
        AssertOrder("W(H4)", 14400);
    }

    [Theory]
    [InlineData("W(B3)", 9)]
    [InlineData("W(H3)", 15)]
    [InlineData("W(F4)", 24)]
    [InlineData("W(A4)", 10)]
    [InlineData("Ih", 15)]
    [InlineData("Oh", 9)]
    public void GroupHasTextbookReflectionCount(string name, int reflections)
    {
        // Number of positive roots: A_n n(n+1)/2, B3 9, H3 15, F4 24 (Humphreys 1990, Table 3.1 via the sum of
        // d_i - 1); Ih and Oh are the Coxeter groups H3 and B3.
        int count = CatalogueTestSupport.WithGenerators(GroupCatalogue.Get(name), new ReflectionCounter());
        Assert.Equal(reflections, count);
    }

    [Fact]
    public void ListedEntriesEnumerateToStatedOrder()
    {
        // The library's enumeration checks each stated order (formulas such as 2n, n!, products of degrees) for every
        // listed entry of order at most 10000; the textbook comparisons are in the tables above.
        AssertStatedOrders(0, 10_000);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void LargerListedEntriesEnumerateToStatedOrder()
    {
        // W(A7), W(B6), W(D6), W(H4), W(E6) and the other listed entries of order 10001 to 60000.
        AssertStatedOrders(10_001, 60_000);
    }

    private static void AssertStatedOrders(int minimum, int maximum)
    {
        var entries = GroupCatalogue.Entries.Where(e => e.Order >= minimum && e.Order <= maximum).ToArray();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.Equal(entry.Order!.Value, entry.Definition.Field.Accept(new MatrixGroupOrder(entry.Definition)));
        }
    }

    private static void AssertOrder(string name, int expected)
    {
        var entry = GroupCatalogue.GetEntry(name);
        Assert.Equal(expected, (int)entry.Order!.Value);
        int enumerated = CatalogueTestSupport.WithGenerators(entry.Definition, new ClosureCounter(entry.Dimension, 2 * expected + 10));
        Assert.Equal(expected, enumerated);
        Assert.Equal(expected, (int)entry.Definition.Field.Accept(new MatrixGroupOrder(entry.Definition)));
    }

    private sealed class MatrixGroupOrder(GroupDefinition definition) : IFieldVisitor<System.Numerics.BigInteger>
    {
        public System.Numerics.BigInteger Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T> =>
            MatrixGroup<T>.FromDefinition(definition, field).Order;
    }

    private sealed class ClosureCounter(int dimension, int limit) : CatalogueTestSupport.IGeneratorFunction<int>
    {
        public int Run<T>(Field<T> field, IReadOnlyList<Matrix<T>> generators)
            where T : struct, IFieldElement<T> =>
            CatalogueTestSupport.Closure(field, generators, dimension, limit)?.Count ?? -1;
    }

    private sealed class ReflectionCounter : CatalogueTestSupport.IGeneratorFunction<int>
    {
        public int Run<T>(Field<T> field, IReadOnlyList<Matrix<T>> generators)
            where T : struct, IFieldElement<T>
        {
            var elements = CatalogueTestSupport.Closure(field, generators, generators[0].RowCount, 100_000)!;
            return elements.Count(g => CatalogueTestSupport.IsReflection(field, g));
        }
    }
}
