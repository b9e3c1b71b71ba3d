using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Polynomials.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

public sealed class MonomialTableTests
{
    private static Monomial RandomMonomial(Random random, int variableCount, int maxExponent)
    {
        var e = new int[variableCount];
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = random.Next(maxExponent + 1);
        }

        return Monomial.FromExponents(e);
    }

    [Property(MaxTest = 100)]
    public bool IndexedOperationsAgreeWithMonomialOperations(int seed, PositiveInt variables)
    {
        // Up to 70 variables, so that the divisibility mask with several bits per variable and the one-bit mask of
        // more than 64 variables are both exercised.
        int n = 1 + (variables.Get % 70);
        var random = new Random(seed);
        var order = TermOrder.Compile(MonomialOrder.GradedReverseLex, n);
        var table = new MonomialTable(n, order, null);
        for (int trial = 0; trial < 20; trial++)
        {
            var a = RandomMonomial(random, n, 4);
            var b = RandomMonomial(random, n, 4);
            int ia = table.Intern(a), ib = table.Intern(b);
            if (table.Intern(a) != ia || table[ia] != a || table.Degree(ia) != a.TotalDegree)
            {
                return false;
            }

            var product = a.Multiply(b);
            int ip = table.Multiply(ia, ib);
            bool ok = table[ip] == product
                && table.Intern(product) == ip
                && table[table.Divide(ip, ib)] == a
                && table[table.Lcm(ia, ib)] == a.Lcm(b)
                && table.Divides(ia, ib) == a.Divides(b)
                && table.Divides(ib, ia) == b.Divides(a)
                && table.Divides(ia, ip)
                && table.AreCoprime(ia, ib) == a.IsCoprimeTo(b)
                && table.IsLcm(ia, ib, table.Lcm(ia, ib))
                && table.IsLcm(ia, ib, ip) == (product == a.Lcm(b))
                && Math.Sign(table.Compare(ia, ib)) == Math.Sign(MonomialOrder.GradedReverseLex.Compare(a, b));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void TableGrowsPastItsInitialCapacityAndKeepsIndices()
    {
        var table = new MonomialTable(3, TermOrder.Compile(MonomialOrder.Lex, 3), [1, 2, 3]);
        var indices = new Dictionary<Monomial, int>();
        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                for (int k = 0; k < 10; k++)
                {
                    var m = Monomial.FromExponents([i, j, k]);
                    indices[m] = table.Intern(m);
                }
            }
        }

        Assert.Equal(4000, table.Count);
        Assert.All(indices, pair => Assert.Equal(pair.Value, table.Intern(pair.Key)));

        // The degree is weighted by (1, 2, 3).
        Assert.Equal(1 * 19 + 2 * 19 + 3 * 9, table.Degree(indices[Monomial.FromExponents([19, 19, 9])]));
    }

    [Fact]
    public void ProductAboveTheExponentLimitThrows()
    {
        var table = new MonomialTable(1, TermOrder.Compile(MonomialOrder.Lex, 1), null);
        int big = table.Intern(Monomial.FromExponents([Monomial.MaxExponent]));
        int x = table.Intern(Monomial.FromExponents([1]));
        Assert.Throws<OverflowException>(() => table.Multiply(big, x));
    }

    [Property(MaxTest = 100)]
    public bool CompareAgreesWithTheOrder(int seed, PositiveInt variables, PositiveInt orderChoice)
    {
        // Small exponents get packed keys. The monomial with all exponents 30000 does not fit the key fields of some
        // orders (grevlex in 8 variables has 16 bits per row), and the comparisons after it must still agree.
        int n = 2 + (variables.Get % 7);
        MonomialOrder[] orders =
        [
            MonomialOrder.GradedReverseLex,
            MonomialOrder.Lex,
            MonomialOrder.GradedLex,
            MonomialOrder.WeightedDegree([.. Enumerable.Range(1, n)]),
            MonomialOrder.Block(MonomialOrder.GradedReverseLex, n - 1, MonomialOrder.Lex),
        ];
        var order = orders[orderChoice.Get % orders.Length];
        var random = new Random(seed);
        var table = new MonomialTable(n, TermOrder.Compile(order, n), null);
        var interned = new List<(Monomial Monomial, int Index)>();
        for (int trial = 0; trial < 40; trial++)
        {
            var m = trial == 30 ? Monomial.FromExponents([.. Enumerable.Repeat(30000, n)]) : RandomMonomial(random, n, 5);
            interned.Add((m, table.Intern(m)));
        }

        foreach (var (a, ia) in interned)
        {
            foreach (var (b, ib) in interned)
            {
                if (Math.Sign(table.Compare(ia, ib)) != Math.Sign(order.Compare(a, b)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

