using System.Globalization;
using System.Text;

namespace InvTheory.Bench.Suites;

/// <summary>Deterministic pseudo-random integer matrices and their Singular and GAP literals.</summary>
public static class BenchmarkMatrices
{
    /// <summary>
    /// Returns a rows x columns matrix (row-major) with entries uniform in [-bound, bound], from a fixed xorshift64 generator
    /// seeded with <paramref name="seed"/>, so that every run and every system uses the same matrix.
    /// </summary>
    public static long[] RandomEntries(int rows, int columns, int bound, ulong seed)
    {
        var entries = new long[rows * columns];
        ulong state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        for (int k = 0; k < entries.Length; k++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            entries[k] = (long)(state % (ulong)(2 * bound + 1)) - bound;
        }

        return entries;
    }

    /// <summary>Returns the Singular declaration <c>matrix name[rows][columns] = e1, e2, ...;</c>.</summary>
    public static string SingularMatrix(string name, int rows, int columns, long[] entries)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"matrix {name}[{rows}][{columns}] = ");
        text.AppendJoin(',', entries.Select(e => e.ToString(CultureInfo.InvariantCulture)));
        return text.Append(';').ToString();
    }

    /// <summary>Returns the GAP list of lists literal of the matrix.</summary>
    public static string GapMatrix(int rows, int columns, long[] entries)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "[" : ",[");
            text.AppendJoin(',', entries.Skip(i * columns).Take(columns).Select(e => e.ToString(CultureInfo.InvariantCulture)));
            text.Append(']');
        }

        return text.Append(']').ToString();
    }
}
