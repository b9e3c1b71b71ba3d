using System.Runtime.InteropServices;

namespace InvTheory.Bench.Harness;

/// <summary>The facts about the machine that a benchmark record needs.</summary>
public static class MachineInfo
{
    /// <summary>Returns lines describing CPU, core count, OS, .NET and peers.</summary>
    public static IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            $"CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores available",
            $"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
            $".NET: {RuntimeInformation.FrameworkDescription}",
        };
        foreach (var peer in PeerCatalog.All)
        {
            lines.Add($"{peer.Name}: {peer.ExecutablePath ?? "not installed"}");
        }

        return lines;
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
