using System.Globalization;

namespace InvTheory.Bench.Harness;

/// <summary>The measured outcome of one system on one case.</summary>
/// <param name="System">InvTheory or the peer name.</param>
/// <param name="Method">What ran, such as <c>gauss_row (matrix.lib)</c>.</param>
/// <param name="TimesMs">Wall-clock times of the timed runs in milliseconds, in run order.</param>
/// <param name="PeakRssKb">Peak resident set size of the whole process in KiB, or null when unknown.</param>
/// <param name="Check">Check text printed after the runs, or null.</param>
/// <param name="Error">Why there is no time (not installed, timed out, failed), or null.</param>
public sealed record Measurement(string System, string Method, IReadOnlyList<double> TimesMs, long? PeakRssKb, string? Check, string? Error)
{
    /// <summary>Median of <see cref="TimesMs"/>, or null when there are none.</summary>
    public double? MedianMs
    {
        get
        {
            if (TimesMs.Count == 0)
            {
                return null;
            }

            var sorted = TimesMs.Order().ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>Returns a measurement that carries only an error.</summary>
    public static Measurement Failed(string system, string method, string error) => new(system, method, [], null, null, error);

    /// <summary>
    /// Parses the protocol lines that measured programs print: <c>INVTHEORY_TIME value unit</c> (unit <c>ms</c> or <c>us</c>)
    /// once per timed run, and one <c>INVTHEORY_CHECK text</c>.
    /// </summary>
    public static (List<double> TimesMs, string? Check) ParseOutput(string output)
    {
        var times = new List<double>();
        string? check = null;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("INVTHEORY_TIME ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    string unit = parts.Length >= 3 ? parts[2] : "ms";
                    times.Add(unit == "us" ? value / 1000 : value);
                }
            }
            else if (line.StartsWith("INVTHEORY_CHECK ", StringComparison.Ordinal))
            {
                check = line["INVTHEORY_CHECK ".Length..].Trim();
            }
        }

        return (times, check);
    }
}
