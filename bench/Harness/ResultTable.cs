using System.Globalization;
using System.Text;

namespace InvTheory.Bench.Harness;

/// <summary>One line of the result table: a case measured in InvTheory and in one peer (or none).</summary>
/// <param name="Suite">The suite name.</param>
/// <param name="Case">The case.</param>
/// <param name="Ours">The measurement of InvTheory.</param>
/// <param name="Peer">The measurement of the peer, or null when the row has none.</param>
/// <param name="PeerCase">The peer's side of the case, or null when the row has no peer.</param>
public sealed record ResultRow(string Suite, BenchmarkCase Case, Measurement Ours, Measurement? Peer, PeerCase? PeerCase = null)
{
    /// <summary>Ratio of the median times InvTheory / peer, or null when either is missing.</summary>
    public double? Ratio => Ours.MedianMs is double ours && Peer?.MedianMs is double peer && peer > 0 ? ours / peer : null;

    /// <summary>
    /// "ok" when every field the peer's check states equals the field of the same key in InvTheory's check, otherwise
    /// the mismatch label of the peer case (<c>MISMATCH</c> or <c>wrong</c>) with the first differing fields; "-" when a
    /// side has no check.
    /// </summary>
    /// <remarks>
    /// A check text is a list of fields separated by <c>"; "</c>; the key of a field is its text before the first space.
    /// A text without separators is a single field, so two such texts agree exactly when they are equal.
    /// </remarks>
    public string CheckStatus
    {
        get
        {
            if (Ours.Check is null || Peer?.Check is null)
            {
                return "-";
            }

            var ours = Fields(Ours.Check).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            var differing = Fields(Peer.Check)
                .Where(f => !ours.TryGetValue(f.Key, out string? value) || value != f.Value)
                .Select(f => $"{f.Key}: {(ours.TryGetValue(f.Key, out string? value) ? value : "none")} vs {f.Value}")
                .ToList();
            if (differing.Count == 0)
            {
                return "ok";
            }

            string label = PeerCase?.MismatchLabel ?? "MISMATCH";
            return $"{label} ({string.Join("; ", differing.Take(3))}{(differing.Count > 3 ? $"; {differing.Count - 3} more" : string.Empty)}; InvTheory vs {Peer.System})";
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string check) =>
        check.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(field => field.IndexOf(' ', StringComparison.Ordinal) is int space and > 0
                ? new KeyValuePair<string, string>(field[..space], field[(space + 1)..])
                : new KeyValuePair<string, string>(field, string.Empty))
            .DistinctBy(f => f.Key, StringComparer.Ordinal);
}

/// <summary>Formats result rows as an aligned text table or as Markdown.</summary>
public static class ResultTable
{
    private static readonly string[] Header =
        ["case", "InvTheory ms", "InvTheory RSS MB", "peer", "peer method", "peer ms", "peer RSS MB", "ratio InvTheory/peer", "check"];

    /// <summary>Returns the table.</summary>
    public static string Format(IReadOnlyList<ResultRow> rows, bool markdown)
    {
        var cells = rows.Select(ToCells).ToList();
        var text = new StringBuilder();
        if (markdown)
        {
            text.AppendLine("| " + string.Join(" | ", Header) + " |");
            text.AppendLine("|" + string.Concat(Header.Select(_ => "---|")));
            foreach (var row in cells)
            {
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }

            return text.ToString();
        }

        var widths = Header.Select((h, k) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[k].Length))).ToArray();
        text.AppendLine(string.Join("  ", Header.Select((h, k) => h.PadRight(widths[k]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((c, k) => c.PadRight(widths[k]))).TrimEnd());
        }

        return text.ToString();
    }

    private static string[] ToCells(ResultRow row) =>
    [
        row.Case.Name,
        TimeCell(row.Ours),
        MemoryCell(row.Ours),
        row.Peer?.System ?? "-",
        row.Peer?.Method ?? "-",
        row.Peer is null ? "-" : TimeCell(row.Peer),
        row.Peer is null ? "-" : MemoryCell(row.Peer),
        row.Ratio is double ratio ? ratio.ToString("G3", CultureInfo.InvariantCulture) : "-",
        row.CheckStatus,
    ];

    private static string TimeCell(Measurement m) =>
        m.Error ?? (m.MedianMs is double median ? median.ToString(median < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "-");

    private static string MemoryCell(Measurement m) =>
        m.PeakRssKb is long kb ? (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
