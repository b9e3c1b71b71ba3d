using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvTheory.Cli;

/// <summary>Exit codes of the <c>invtheory</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The input was invalid or a computation failed; the message says why.</summary>
    public const int Failure = 1;

    /// <summary>A certificate or verification check failed.</summary>
    public const int VerificationFailed = 3;

    /// <summary>The computation was cancelled or hit a user-set limit.</summary>
    public const int LimitReached = 4;
}

/// <summary>
/// Shared plumbing for subcommands: turns exceptions into one-line error messages, writes JSON
/// deterministically and writes output files without overwriting unless asked.
/// </summary>
public static class CliRunner
{
    // The relaxed encoder keeps polynomial text such as "z+z^4" readable instead of escaping '+' as \u002B.
    // Output goes to files and terminals, never into HTML, so the HTML-safe escaping has no use here.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Runs a command body. Known failures (bad input, unsupported cases, limits) print
    /// <c>error: message</c> on standard error and return a nonzero exit code, never a stack trace.
    /// </summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: the computation was cancelled.");
            return ExitCodes.LimitReached;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ex is LimitExceededException or InvTheory.Representations.GroupOrderLimitException ? ExitCodes.LimitReached : ExitCodes.Failure;
        }
    }

    private static bool IsUserFacing(Exception ex) =>
        ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException
            or ArithmeticException or IOException or UnauthorizedAccessException or JsonException
            or InvTheory.Polynomials.InvariantTheoryException or LimitExceededException;

    /// <summary>Serializes a JSON node with stable indentation.</summary>
    public static string ToJson(JsonNode node) => node.ToJsonString(JsonOptions);

    /// <summary>
    /// Writes text to <paramref name="path"/>. An existing file is replaced only when <paramref name="overwrite"/>
    /// is set; the text goes to a temporary file first so that a failure leaves nothing half-written.
    /// </summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    public static void WriteFile(string path, string text, bool overwrite)
    {
        CheckOutputPath(path, overwrite);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>
    /// Rejects an output path that cannot be written: an empty path, an existing directory, a path whose directory does
    /// not exist, or an existing file when <paramref name="overwrite"/> is false. Commands call it before long work.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="IOException">The path cannot be written, or the file exists and may not be replaced.</exception>
    public static void CheckOutputPath(string path, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The output path is empty. Give a file name, such as result.json.");
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"Output path '{path}' is a directory. Give a file name inside it, such as '{Path.Combine(path, "result.json")}'.");
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            throw new IOException($"The directory '{directory}' of output file '{path}' does not exist. Create it first (mkdir -p '{directory}') or choose another path.");
        }

        if (File.Exists(path) && !overwrite)
        {
            throw new IOException($"Output file '{path}' already exists. Choose another path or pass --force to replace it.");
        }
    }
}

/// <summary>A computation stopped because it reached a user-set limit; the message names the limit and the option that raises it.</summary>
public sealed class LimitExceededException(string message) : Exception(message);
