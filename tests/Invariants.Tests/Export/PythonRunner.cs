using System.Diagnostics;
using System.Text.Json.Nodes;

namespace InvTheory.Invariants.Tests.Export;

/// <summary>
/// Finds a Python interpreter with numpy (Debian's /usr/bin/python3 first, then <c>python3</c> on PATH) and runs
/// scripts that import an exported module and print one JSON object.
/// </summary>
internal static class PythonRunner
{
    private static readonly Lazy<string?> Interpreter = new(() => Find("import numpy"));
    private static readonly Lazy<bool> Torch = new(() => Interpreter.Value is { } python && Works(python, "import numpy, torch"));

    /// <summary>The interpreter with numpy, or null when none exists.</summary>
    public static string? Python => Interpreter.Value;

    /// <summary>Whether the interpreter also imports PyTorch.</summary>
    public static bool HasTorch => Torch.Value;

    /// <summary>The reason a test is skipped when no interpreter with numpy exists.</summary>
    public const string MissingNumpy = "no Python with numpy: /usr/bin/python3 and python3 on PATH cannot import numpy (install python3-numpy)";

    /// <summary>
    /// Writes <paramref name="module"/> as <c>exported.py</c> and <paramref name="script"/> as <c>driver.py</c> into a new
    /// directory, runs the driver and returns the JSON object it prints on its last line.
    /// </summary>
    public static JsonObject Run(string module, string script)
    {
        string python = Python ?? throw new InvalidOperationException(MissingNumpy);
        string directory = Path.Combine(Path.GetTempPath(), "invtheory-export-python-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "exported.py"), module);
            File.WriteAllText(Path.Combine(directory, "driver.py"), "import json, sys\nimport numpy as np\nimport exported\n" + script);
            var (code, output, error) = Execute(python, directory, "driver.py");
            Assert.True(code == 0, $"python driver failed with exit code {code}:\n{error}");
            return JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Returns the Python list literal of a batch x n row-major array, with round-trip digits.</summary>
    public static string Array(double[] values, int n) =>
        "np.array([" + string.Join(", ", Enumerable.Range(0, values.Length / n).Select(b =>
            "[" + string.Join(", ", values.Skip(b * n).Take(n).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]")) + "])";

    /// <summary>Returns the numbers of a (nested) JSON array, flattened in row-major order.</summary>
    public static double[] Flatten(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.SelectMany(Flatten)],
        JsonValue value => [value.GetValue<double>()],
        _ => [double.NaN],
    };

    private static string? Find(string probe) =>
        new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(candidate => Works(candidate, probe));

    private static bool Works(string python, string probe)
    {
        try
        {
            return Execute(python, Path.GetTempPath(), "-c", probe).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Code, string Output, string Error) Execute(string python, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
