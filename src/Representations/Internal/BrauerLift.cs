using System.Numerics;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>
/// The Brauer lift of matrices of order prime to p over GF(p) to characteristic 0: for an exponent m prime to p, an
/// element w of exact order m in GF(p^k), k the multiplicative order of p mod m, and the group isomorphism
/// w^e -&gt; zeta_m^e from the m-th roots of unity of GF(p^k) to those of Q(zeta_m).
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: a matrix g with g^m = 1 is diagonalizable over GF(p^k) because x^m - 1 has m distinct roots there. The
/// multiplicity of the eigenvalue w^e is the nullity of g - w^e I, found by Gaussian elimination over GF(p^k), and the
/// lift of g has the eigenvalues zeta_m^e with the same multiplicities. The Brauer character sum_e mult_e zeta_m^e and
/// the lifted det(I - t g) = prod_e (1 - zeta_m^e t)^mult_e give the Molien series of a non-modular group
/// [Sing-finvar].
/// </para>
/// <para>
/// The choice of w is deterministic: the k-th extension is defined by the irreducible polynomial with a given index
/// (see <see cref="ExtensionField"/>), the candidates x = 1, 2, ... (base-p digits as coefficients) are tried until
/// x^((p^k - 1)/m) has exact order m, and that root is raised to the power u of a given index among the units mod m.
/// Results that count dimensions, such as the Molien series, do not depend on these choices.
/// </para>
/// </remarks>
internal sealed class BrauerLift
{
    private const int MaxRootCandidates = 1_000_000;

    private readonly ulong[][] _powers;

    /// <summary>Creates the lift for exponent <paramref name="exponent"/> over GF(<paramref name="prime"/>).</summary>
    /// <param name="prime">The characteristic p.</param>
    /// <param name="exponent">The exponent m: every lifted matrix g satisfies g^m = 1; p must not divide m.</param>
    /// <param name="irreducibleIndex">Which irreducible polynomial defines GF(p^k) (0 for the first).</param>
    /// <param name="unitIndex">Which power w = w0^u of the first root w0 is used: u is the unit mod m with this index (0 for u = 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">p divides m, m is below 1, or an index is negative.</exception>
    /// <exception cref="NotSupportedException">The extension degree k exceeds <see cref="ExtensionField.MaxDegree"/>.</exception>
    public BrauerLift(ulong prime, int exponent, int irreducibleIndex = 0, int unitIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(unitIndex);
        if ((ulong)exponent % prime == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, $"The Brauer lift needs an exponent prime to p = {prime}.");
        }

        Exponent = exponent;
        ExtensionDegree = ExtensionDegreeFor(prime, exponent);
        if (ExtensionDegree > ExtensionField.MaxDegree)
        {
            throw new NotSupportedException(
                $"The Brauer lift over GF({prime}) for element orders dividing {exponent} needs GF({prime}^{ExtensionDegree}), "
                + $"above the supported degree {ExtensionField.MaxDegree}. Define the group over Q or Q(zeta_n), or use a prime p with p = 1 mod {exponent}.");
        }

        Field = ExtensionField.Create(prime, ExtensionDegree, irreducibleIndex);
        var root = Field.Power(FindRoot(Field, exponent), UnitWithIndex(exponent, unitIndex));
        Root = root;
        _powers = new ulong[exponent][];
        _powers[0] = Field.FromResidue(1);
        for (int e = 1; e < exponent; e++)
        {
            _powers[e] = Field.Multiply(_powers[e - 1], root);
        }
    }

    /// <summary>The exponent m.</summary>
    public int Exponent { get; }

    /// <summary>The degree k of GF(p^k) over GF(p), the multiplicative order of p mod m.</summary>
    public int ExtensionDegree { get; }

    /// <summary>The field GF(p^k).</summary>
    public ExtensionField Field { get; }

    /// <summary>The chosen element w of exact order m.</summary>
    public IReadOnlyList<ulong> Root { get; }

    /// <summary>
    /// Returns the eigenvalues of <paramref name="g"/> as pairs (e, multiplicity of w^e), e increasing, or null when g
    /// is not diagonalizable with eigenvalues in {w^e : e a multiple of m/o}, which happens exactly when g^o is not the
    /// identity.
    /// </summary>
    /// <param name="g">A square matrix over GF(p).</param>
    /// <param name="order">A multiple o of the order of g that divides m.</param>
    /// <param name="ct">Cancels the computation.</param>
    /// <remarks>Costs at most o Gaussian eliminations of size d over GF(p^k); it stops once the multiplicities reach d.</remarks>
    public IReadOnlyList<(int Exponent, int Multiplicity)>? Eigenvalues(Matrix<ModInt> g, long order, CancellationToken ct)
    {
        if (order < 1 || Exponent % order != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, $"The order must divide the exponent {Exponent}.");
        }

        int d = g.RowCount;
        int step = (int)(Exponent / order);
        var result = new List<(int, int)>();
        int total = 0;
        for (int e = 0; e < Exponent && total < d; e += step)
        {
            ct.ThrowIfCancellationRequested();
            int nullity = d - Rank(g, _powers[e]);
            if (nullity > 0)
            {
                result.Add((e, nullity));
                total += nullity;
            }
        }

        return total == d ? result : null;
    }

    /// <summary>Returns the lifted Brauer character sum_e mult_e zeta_m^(sign e) in Q(zeta_m); sign -1 gives its complex conjugate.</summary>
    public static CyclotomicNumber Character(CyclotomicField field, IReadOnlyList<(int Exponent, int Multiplicity)> eigenvalues, int sign = 1)
    {
        CyclotomicNumber sum = default;
        foreach (var (e, multiplicity) in eigenvalues)
        {
            sum += field.FromInteger(multiplicity) * field.RootOfUnity(sign * e);
        }

        return sum;
    }

    /// <summary>Returns the rank of g - lambda I over GF(p^k).</summary>
    private int Rank(Matrix<ModInt> g, ulong[] lambda)
    {
        int d = g.RowCount;
        var rows = new ulong[d][][];
        for (int i = 0; i < d; i++)
        {
            rows[i] = new ulong[d][];
            for (int j = 0; j < d; j++)
            {
                var entry = Field.FromResidue(g[i, j].Value);
                rows[i][j] = i == j ? Field.Subtract(entry, lambda) : entry;
            }
        }

        return RankInPlace(rows);
    }

    // Gaussian elimination; invariant: rows[0..rank) are in echelon form on the columns before 'column'.
    private int RankInPlace(ulong[][][] rows)
    {
        int d = rows.Length;
        int rank = 0;
        for (int column = 0; column < d && rank < d; column++)
        {
            int pivot = rank;
            while (pivot < d && ExtensionField.IsZero(rows[pivot][column]))
            {
                pivot++;
            }

            if (pivot == d)
            {
                continue;
            }

            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            var inverse = Field.Inverse(rows[rank][column]);
            for (int r = rank + 1; r < d; r++)
            {
                if (ExtensionField.IsZero(rows[r][column]))
                {
                    continue;
                }

                var factor = Field.Multiply(rows[r][column], inverse);
                for (int c = column; c < d; c++)
                {
                    rows[r][c] = Field.Subtract(rows[r][c], Field.Multiply(factor, rows[rank][c]));
                }
            }

            rank++;
        }

        return rank;
    }

    private static ulong[] FindRoot(ExtensionField field, int m)
    {
        var cofactor = (field.Size - 1) / m;
        var primes = NumberTheory.Factor(m).Select(pair => (int)pair.Prime).ToArray();
        for (int candidate = 1; candidate < MaxRootCandidates && candidate < field.Size; candidate++)
        {
            var y = field.Power(field.FromNumber(candidate), cofactor);
            if (primes.All(r => !ExtensionField.IsOne(field.Power(y, m / r))))
            {
                return y;
            }
        }

        throw new InternalErrorException($"GF({field.Prime}^{field.Degree}): no element of order {m} among the first {MaxRootCandidates} candidates.");
    }

    private static int UnitWithIndex(int m, int index)
    {
        int found = -1;
        for (int u = 1; ; u++)
        {
            if (BigInteger.GreatestCommonDivisor(u, m).IsOne && ++found == index)
            {
                return u % m == 0 ? 1 : u;
            }
        }
    }

    /// <summary>Returns the degree k of the smallest field GF(p^k) that contains the m-th roots of unity: the multiplicative order of p mod m.</summary>
    public static int ExtensionDegreeFor(ulong prime, int exponent) => MultiplicativeOrder(prime % (ulong)exponent, exponent);

    private static int MultiplicativeOrder(ulong residue, int m)
    {
        if (m == 1)
        {
            return 1;
        }

        int k = 1;
        ulong power = residue;
        while (power != 1)
        {
            power = PrimeModulus.MultiplyMod(power, residue, (ulong)m);
            k++;
        }

        return k;
    }
}
