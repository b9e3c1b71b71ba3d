using System.Globalization;
using System.Text;

namespace InvTheory.Bench.Harness;

/// <summary>One line of the result table: a case measured in InvTheory and in one peer (or none).</summary>
public sealed record ResultRow(string Suite, BenchmarkCase Case, Measurement Ours, Measurement? Peer)
{
    /// <summary>Ratio of the median times InvTheory / peer, or null when either is missing.</summary>
    public double? Ratio => Ours.MedianMs is double ours && Peer?.MedianMs is double peer && peer > 0 ? ours / peer : null;

    /// <summary>"ok" when both check texts agree, "MISMATCH" when they differ, "-" when a side has none.</summary>
    public string CheckStatus =>
        Ours.Check is null || Peer?.Check is null ? "-" : (Ours.Check == Peer.Check ? "ok" : $"MISMATCH ({Ours.Check} vs {Peer.Check})");
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
