using System.Globalization;
using InvTheory.Bench.Harness;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Bench.Suites;

/// <summary>Dense exact linear algebra over Q and GF(32003), against Singular.</summary>
public sealed class LinearAlgebraSuite : IBenchmarkSuite
{
    private const int EntryBound = 9;

    /// <inheritdoc />
    public string Name => "linalg";

    /// <inheritdoc />
    public string Description => "dense exact linear algebra (reduced row echelon form, rank, determinant) over Q and GF(32003)";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var square = BenchmarkMatrices.RandomEntries(200, 200, EntryBound, seed: 20240601);
        var wide = BenchmarkMatrices.RandomEntries(150, 200, EntryBound, seed: 20240602);
        string squareQ = "ring r = 0, x, dp;\n" + BenchmarkMatrices.SingularMatrix("A", 200, 200, square);
        string wideQ = "ring r = 0, x, dp;\n" + BenchmarkMatrices.SingularMatrix("A", 150, 200, wide);
        string squareGF = "ring r = 32003, x, dp;\n" + BenchmarkMatrices.SingularMatrix("A", 200, 200, square);

        return
        [
            BenchmarkCase.Create(
                "rref-q-200",
                $"reduced row echelon form of a random 200x200 matrix over Q, entries in [-{EntryBound}, {EntryBound}]",
                () => RationalMatrix(200, 200, square),
                a => "rank " + RationalMatrixAlgorithms.ReducedRowEchelon(a).Rank.ToString(CultureInfo.InvariantCulture),
                GaussRow(squareQ),
                KernelRank(squareQ)) with { DefaultRuns = 3 },

            BenchmarkCase.Create(
                "rref-q-150x200",
                $"reduced row echelon form of a random 150x200 matrix over Q, entries in [-{EntryBound}, {EntryBound}] (50 dense non-pivot columns)",
                () => RationalMatrix(150, 200, wide),
                a => "rank " + RationalMatrixAlgorithms.ReducedRowEchelon(a).Rank.ToString(CultureInfo.InvariantCulture),
                GaussRow(wideQ)) with { DefaultRuns = 3 },

            BenchmarkCase.Create(
                "det-q-200",
                $"determinant of the random 200x200 matrix over Q, entries in [-{EntryBound}, {EntryBound}]",
                () => RationalMatrix(200, 200, square),
                a => DeterminantCheck(a.Determinant().Numerator.ToString(CultureInfo.InvariantCulture)),
                new PeerCase(
                    "Singular",
                    "det (kernel)",
                    squareQ + "\npoly d;",
                    "d = det(A);",
                    "string(size(string(d))) + \":\" + string(d)[size(string(d)) - 11, 12]") { DefaultRuns = 1, WarmupRuns = 0 }),

            BenchmarkCase.Create(
                "rref-gf32003-200",
                $"reduced row echelon form of the random 200x200 matrix over GF(32003)",
                () => PrimeMatrix(200, 200, square, 32003),
                a => "rank " + a.ReducedRowEchelon().Rank.ToString(CultureInfo.InvariantCulture),
                GaussRow(squareGF) with { DefaultRuns = 3, WarmupRuns = 1 },
                KernelRank(squareGF) with { DefaultRuns = 3, WarmupRuns = 1 }),

            BenchmarkCase.Create(
                "incremental-gf32003-1500x1000",
                "IncrementalRowEchelon: insert 1500 sparse rows (6 nonzeros each) with 1000 columns over GF(32003), InvTheory only",
                () => SparseRows(PrimeField.Get(32003), 1500, 1000, 6, seed: 20240603),
                input => "rank " + InsertAll(input.Field, input.Rows).ToString(CultureInfo.InvariantCulture)),

            BenchmarkCase.Create(
                "incremental-q-300x400",
                "IncrementalRowEchelon: insert 300 sparse rows (4 nonzeros each, entries in [-9, 9]) with 400 columns over Q, InvTheory only",
                () => SparseRows(RationalField.Instance, 300, 400, 4, seed: 20240604),
                input => "rank " + InsertAll(input.Field, input.Rows).ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private static (Field<T> Field, SparseVector<T>[] Rows) SparseRows<T>(Field<T> field, int rows, int columns, int nonzerosPerRow, ulong seed)
        where T : struct, IFieldElement<T>
    {
        var random = BenchmarkMatrices.RandomEntries(rows, 2 * nonzerosPerRow, int.MaxValue / 2, seed);
        var result = new SparseVector<T>[rows];
        for (int i = 0; i < rows; i++)
        {
            var entries = new List<KeyValuePair<int, T>>();
            for (int k = 0; k < nonzerosPerRow; k++)
            {
                int column = (int)(Math.Abs(random[i * 2 * nonzerosPerRow + 2 * k]) % columns);
                long value = Math.Abs(random[i * 2 * nonzerosPerRow + 2 * k + 1]) % (2 * EntryBound + 1) - EntryBound;
                entries.Add(new(column, field.FromInteger(value)));
            }

            result[i] = SparseVector.Create(entries);
        }

        return (field, result);
    }

    private static int InsertAll<T>(Field<T> field, SparseVector<T>[] rows)
        where T : struct, IFieldElement<T>
    {
        var echelon = new IncrementalRowEchelon<T>(field);
        foreach (var row in rows)
        {
            echelon.TryInsert(row);
        }

        return echelon.Rank;
    }

    /// <summary>Check text of a determinant: number of characters, a colon, and the last 12 characters.</summary>
    private static string DeterminantCheck(string value) =>
        value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value[Math.Max(0, value.Length - 12)..];

    // gauss_row (matrix.lib) is Singular's fastest complete row reduction: interred of the row module with option(redSB).
    private static PeerCase GaussRow(string setup) =>
        new("Singular", "gauss_row (matrix.lib)", "LIB \"matrix.lib\";\n" + setup + "\nmatrix G;", "G = gauss_row(A);", "\"rank \" + string(rank(G))")
        {
            DefaultRuns = 1,
            WarmupRuns = 0,
        };

    // rank (kernel) computes an LU decomposition; it gives the rank only, not the reduced form.
    private static PeerCase KernelRank(string setup) =>
        new("Singular", "rank (kernel LU)", setup + "\nint k;", "k = rank(A);", "\"rank \" + string(k)")
        {
            DefaultRuns = 1,
            WarmupRuns = 0,
        };

    private static Matrix<Rational> RationalMatrix(int rows, int columns, long[] entries) =>
        Matrix.FromRowMajor(RationalField.Instance, rows, columns, entries.Select(e => (Rational)e).ToArray());

    private static Matrix<ModInt> PrimeMatrix(int rows, int columns, long[] entries, ulong prime)
    {
        var field = PrimeField.Get(prime);
        return Matrix.FromRowMajor(field, rows, columns, entries.Select(e => field.FromInteger(e)).ToArray());
    }
}
