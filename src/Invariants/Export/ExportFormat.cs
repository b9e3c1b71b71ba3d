namespace InvTheory.Invariants.Export;

/// <summary>The output formats of <see cref="ResultExporter"/>.</summary>
public enum ExportFormat
{
    /// <summary>The verified result re-emitted as canonical JSON (sorted keys, canonical polynomial text).</summary>
    Json,

    /// <summary>A self-contained Python module (numpy, optional PyTorch) with values, Jacobians and an equivariance check.</summary>
    Python,

    /// <summary>A C# static class that evaluates the outputs without allocating.</summary>
    CSharp,

    /// <summary>An ONNX model (protobuf bytes) of the feature map.</summary>
    Onnx,

    /// <summary>The polynomials in a LaTeX <c>align*</c> environment.</summary>
    Latex,
}

/// <summary>Parsing and naming of <see cref="ExportFormat"/> values.</summary>
public static class ExportFormats
{
    /// <summary>The command-line names of the formats, in the order of <see cref="ExportFormat"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "python", "csharp", "onnx", "latex"];

    /// <summary>Returns the format named <paramref name="text"/> (case-insensitive).</summary>
    /// <exception cref="FormatException">The text names no format.</exception>
    public static ExportFormat Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "json" => ExportFormat.Json,
            "python" or "py" => ExportFormat.Python,
            "csharp" or "c#" or "cs" => ExportFormat.CSharp,
            "onnx" => ExportFormat.Onnx,
            "latex" or "tex" => ExportFormat.Latex,
            _ => throw new FormatException($"Unknown export format '{text}'. Use one of: {string.Join(", ", Names)}."),
        };
    }

    /// <summary>Returns the command-line name of <paramref name="format"/>.</summary>
    public static string Name(ExportFormat format) => Names[(int)format];

    /// <summary>Whether the format writes evaluation code, which needs real double coefficients.</summary>
    public static bool IsNumeric(ExportFormat format) => format is ExportFormat.Python or ExportFormat.CSharp or ExportFormat.Onnx;
}
