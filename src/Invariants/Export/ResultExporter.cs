using System.Reflection;
using System.Text;

namespace InvTheory.Invariants.Export;

/// <summary>
/// Exports verified result files (kinds <c>ring</c>, <c>equivariants</c>, <c>pi</c>) as canonical JSON, a Python
/// module, a C# class, an ONNX model or LaTeX. Every format applies to every exportable kind; the code formats need
/// coefficients with real double values.
/// </summary>
/// <remarks>
/// Before anything is written, <see cref="ExportReader.Read"/> re-checks the certificate from the file alone, so a
/// changed or damaged file is rejected. Results over GF(p), or over Q(zeta_n) with a coefficient or group matrix entry
/// that is not real, are exported as json and latex only.
/// </remarks>
public static class ResultExporter
{
    /// <summary>Returns the bytes of <paramref name="json"/> exported in <paramref name="format"/> (UTF-8 text, or protobuf for ONNX).</summary>
    /// <exception cref="Certificates.CertificateFormatException">The file is not a valid result file.</exception>
    /// <exception cref="ExportException">The certificate fails, the kind or version is not exportable, or the format does not apply to the result.</exception>
    public static byte[] Export(string json, ExportFormat format, ExportOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var result = ExportReader.Read(json, ct);
        return Export(result, format, options);
    }

    /// <summary>Returns the bytes of an already verified <paramref name="result"/> exported in <paramref name="format"/>.</summary>
    /// <exception cref="ExportException">The format does not apply to the result.</exception>
    public static byte[] Export(ExportedResult result, ExportFormat format, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ExportOptions();
        string version = options.ToolVersion ?? ToolVersion;
        var utf8 = new UTF8Encoding(false);
        return format switch
        {
            ExportFormat.Json => utf8.GetBytes(JsonExporter.Export(result)),
            ExportFormat.Latex => utf8.GetBytes(LatexExporter.Export(result, version)),
            ExportFormat.Python => utf8.GetBytes(PythonExporter.Export(result, options, version)),
            ExportFormat.CSharp => utf8.GetBytes(CSharpExporter.Export(result, options, version)),
            ExportFormat.Onnx => OnnxExporter.Export(result, options, version),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
        };
    }

    /// <summary>The version of this InvTheory build, written into generated files.</summary>
    public static string ToolVersion { get; } =
        typeof(ResultExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
