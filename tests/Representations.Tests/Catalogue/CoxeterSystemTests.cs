using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Representations.Tests.Catalogue;

public sealed class CoxeterSystemTests
{
    public static TheoryData<string, string> Diagrams() => new()
    {
        // Coxeter diagrams of Humphreys (1990), Sec. 2.4, with Bourbaki's numbering (1-based node pairs, label 3 if omitted).
        { "A1", "" },
        { "A4", "1-2 2-3 3-4" },
        { "A10", "1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10" },
        { "B3", "1-2 2-3:4" },
        { "B10", "1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10:4" },
        { "D4", "1-2 2-3 2-4" },
        { "D10", "1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 8-10" },
        { "E6", "1-3 3-4 4-5 5-6 2-4" },
        { "E7", "1-3 3-4 4-5 5-6 6-7 2-4" },
        { "E8", "1-3 3-4 4-5 5-6 6-7 7-8 2-4" },
        { "F4", "1-2 2-3:4 3-4" },
        { "G2", "1-2:6" },
        { "H3", "1-2:5 2-3" },
        { "H4", "1-2:5 2-3 3-4" },
        { "I2(2)", "" },
        { "I2(5)", "1-2:5" },
        { "I2(8)", "1-2:8" },
        { "I2(12)", "1-2:12" },
    };

    public static TheoryData<string, long, int> OrdersAndReflections() => new()
    {
        // Humphreys (1990), Table 2.2 (orders) and the number of positive roots.
        { "A10", 39916800, 55 },
        { "B10", 3715891200, 100 },
        { "D10", 1857945600, 90 },
        { "E6", 51840, 36 },
        { "E7", 2903040, 63 },
        { "E8", 696729600, 120 },
        { "F4", 1152, 24 },
        { "G2", 12, 6 },
        { "H3", 120, 15 },
        { "H4", 14400, 60 },
        { "B3", 48, 9 },
        { "I2(5)", 10, 5 },
    };

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void CoxeterMatrixMatchesDiagram(string type, string diagram)
    {
        var system = CoxeterSystem.Get(type);
        var expected = ExpectedCoxeterMatrix(system.Rank, diagram);
        for (int i = 0; i < system.Rank; i++)
        {
            for (int j = 0; j < system.Rank; j++)
            {
                Assert.Equal(expected[i, j], system.CoxeterMatrix[i][j]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void SimpleReflectionsSatisfyCoxeterRelations(string type, string diagram)
    {
        var system = CoxeterSystem.Get(type);
        var expected = ExpectedCoxeterMatrix(system.Rank, diagram);
        var definition = GroupCatalogue.Get($"W({type})");
        Assert.True(CatalogueTestSupport.WithGenerators(definition, new RelationCheck(expected)));
    }

    [Theory]
    [MemberData(nameof(OrdersAndReflections))]
    public void DegreesGiveOrderAndReflectionCount(string type, long order, int reflections)
    {
        var system = CoxeterSystem.Get(type);
        Assert.Equal(order, (long)system.Order);
        Assert.Equal(reflections, system.ReflectionCount);
    }

    [Theory]
    [MemberData(nameof(OrdersAndReflections))]
    public void RootOrbitHasTwiceTheReflectionCount(string type, long order, int reflections)
    {
        _ = order;
        var definition = GroupCatalogue.Get($"W({type})");
        int roots = CatalogueTestSupport.WithGenerators(definition, new RootOrbit());
        Assert.Equal(2 * reflections, roots);
    }

    [Theory]
    [InlineData("E6")]
    [InlineData("F4")]
    [InlineData("G2")]
    [InlineData("B3")]
    public void CrystallographicCartanMatrixIsInteger(string type)
    {
        var system = CoxeterSystem.Get(type);
        Assert.True(system.IsCrystallographic);
        Assert.All(system.CartanMatrix.SelectMany(row => row), entry => Assert.True(Rational.Parse(entry).IsInteger));
    }

    [Fact]
    public void H3CartanEntryIsMinusGoldenRatio()
    {
        var system = CoxeterSystem.Get("H3");
        var field = CyclotomicField.Get(5);
        Assert.Equal(-CyclotomicField.GoldenRatio, field.Parse(system.CartanMatrix[0][1]));
        Assert.Equal(-CyclotomicField.GoldenRatio, field.Parse(system.CartanMatrix[1][0]));
    }

    [Theory]
    [InlineData("A0")]
    [InlineData("B1")]
    [InlineData("D33")]
    [InlineData("E9")]
    [InlineData("I2(1)")]
    [InlineData("X3")]
    public void UnknownTypeIsRejected(string type)
    {
        Assert.False(CoxeterSystem.TryGet(type, out _));
        Assert.Throws<ArgumentException>(() => CoxeterSystem.Get(type));
    }

    private static int[,] ExpectedCoxeterMatrix(int rank, string diagram)
    {
        var m = new int[rank, rank];
        for (int i = 0; i < rank; i++)
        {
            for (int j = 0; j < rank; j++)
            {
                m[i, j] = i == j ? 1 : 2;
            }
        }

        foreach (string edge in diagram.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = edge.Split(':');
            int label = parts.Length > 1 ? int.Parse(parts[1]) : 3;
            string[] nodes = parts[0].Split('-');
            int a = int.Parse(nodes[0]) - 1;
            int b = int.Parse(nodes[1]) - 1;
            m[a, b] = label;
            m[b, a] = label;
        }

        return m;
    }

    /// <summary>Checks (s_i s_j)^m_ij = 1 and (s_i s_j)^k != 1 for 0 &lt; k &lt; m_ij.</summary>
    private sealed class RelationCheck(int[,] expected) : CatalogueTestSupport.IGeneratorFunction<bool>
    {
        public bool Run<T>(Field<T> field, IReadOnlyList<Matrix<T>> generators)
            where T : struct, IFieldElement<T>
        {
            for (int i = 0; i < generators.Count; i++)
            {
                for (int j = 0; j < generators.Count; j++)
                {
                    var product = generators[i] * generators[j];
                    var power = product;
                    for (int k = 1; k < expected[i, j]; k++)
                    {
                        Assert.False(power.IsIdentity, $"(s{i + 1} s{j + 1})^{k} = 1 but m = {expected[i, j]}");
                        power *= product;
                    }

                    Assert.True(power.IsIdentity, $"(s{i + 1} s{j + 1})^{expected[i, j]} != 1");
                }
            }

            return true;
        }
    }

    /// <summary>Returns the size of the orbit of the simple roots e_i under the simple reflections: the number of roots.</summary>
    private sealed class RootOrbit : CatalogueTestSupport.IGeneratorFunction<int>
    {
        public int Run<T>(Field<T> field, IReadOnlyList<Matrix<T>> generators)
            where T : struct, IFieldElement<T>
        {
            int n = generators[0].RowCount;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<IReadOnlyList<T>>();
            for (int i = 0; i < n; i++)
            {
                var root = Enumerable.Range(0, n).Select(k => k == i ? field.One : field.Zero).ToArray();
                if (seen.Add(Key(field, root)))
                {
                    queue.Enqueue(root);
                }
            }

            while (queue.Count > 0)
            {
                var root = queue.Dequeue();
                foreach (var s in generators)
                {
                    var image = s.Multiply(root);
                    if (seen.Add(Key(field, image)))
                    {
                        queue.Enqueue(image);
                    }
                }
            }

            return seen.Count;
        }

        private static string Key<T>(Field<T> field, IReadOnlyList<T> vector)
            where T : struct, IFieldElement<T> =>
            string.Join(",", vector.Select(field.Format));
    }
}
