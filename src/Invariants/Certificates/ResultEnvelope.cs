using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvTheory.Invariants.Certificates;

/// <summary>
/// The top-level envelope of every InvTheory result file: <c>"schema": "invtheory-result"</c>, an integer
/// <c>"version"</c> and a <c>"kind"</c> such as <c>"pi"</c>, <c>"snf"</c> or <c>"hnf"</c>.
/// </summary>
public static class ResultEnvelope
{
    /// <summary>The value of the <c>schema</c> field.</summary>
    public const string Schema = "invtheory-result";

    /// <summary>The format version this build writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Returns a new result document that starts with the envelope fields for <paramref name="kind"/>.</summary>
    public static JsonObject Create(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new JsonObject
        {
            ["schema"] = Schema,
            ["version"] = CurrentVersion,
            ["kind"] = kind,
        };
    }

    /// <summary>Parses <paramref name="json"/> and returns the document with its kind and version.</summary>
    /// <exception cref="CertificateFormatException">
    /// The text is not JSON, not an object, or lacks a valid envelope (schema, integer version &gt;= 1, kind).
    /// </exception>
    public static (JsonObject Document, string Kind, int Version) Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines and byte positions from 0; editors count from 1.
            string reason = ex.Message.Split('\n')[0].Trim();
            int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0)
            {
                reason = reason[..cut].TrimEnd();
            }

            string where = ex.LineNumber is long line && ex.BytePositionInLine is long column
                ? $" at line {line + 1}, column {column + 1}"
                : string.Empty;
            throw new CertificateFormatException(
                $"The result file is not valid JSON{where}: {reason} Regenerate it with the command that wrote it.", ex);
        }

        if (root is not JsonObject document)
        {
            throw new CertificateFormatException("The result file must contain a JSON object with the fields schema, version and kind.");
        }

        string schema = CertificateJson.ReadString(document, "schema");
        if (schema != Schema)
        {
            throw new CertificateFormatException($"The result file has schema '{schema}', expected '{Schema}'. Only InvTheory result files can be verified.");
        }

        var version = CertificateJson.ReadInteger(document, "version");
        if (version < 1 || version > int.MaxValue)
        {
            throw new CertificateFormatException($"The result file has version {version}; versions start at 1.");
        }

        string kind = CertificateJson.ReadString(document, "kind");
        return (document, kind, (int)version);
    }
}
