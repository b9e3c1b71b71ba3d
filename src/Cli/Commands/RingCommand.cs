using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Invariants;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Cli.Commands;

/// <summary>
/// <c>invtheory ring GROUP</c>: computes the invariant ring of a finite matrix group (primary, secondary, irreducible
/// secondary and fundamental invariants), certifies it and prints a summary or the versioned JSON result.
/// </summary>
internal static class RingCommand
{
    public static Command Create()
    {
        var group = new Argument<string>("GROUP") { Description = "A group file (JSON) or a catalogue name." };
        var json = new Option<bool>("--json") { Description = "Print the JSON result document instead of the summary." };
        var output = new Option<string?>("--out") { Description = "Write the JSON result document to this file." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var maxDegree = new Option<int>("--max-degree")
        {
            Description = "Largest degree of an invariant the computation may need.",
            DefaultValueFactory = _ => InvariantRingOptions.DefaultMaxDegree,
        };
        var maxOrder = new Option<long>("--max-order")
        {
            Description = "Largest group order accepted.",
            DefaultValueFactory = _ => InvariantRingOptions.DefaultMaxGroupOrder,
        };
        var relations = new Option<bool>("--relations") { Description = "Also compute the ideal of relations among the fundamental invariants (optional, can be slow)." };
        var command = new Command(
            "ring",
            "Compute the invariant ring of a finite matrix group in the non-modular case: Molien series, primary, secondary, "
            + "irreducible secondary and fundamental invariants, with a certificate that 'invtheory verify' re-checks. "
            + "Exits 0 when the certificate holds and 3 when a check fails.");
        command.Arguments.Add(group);
        command.Options.Add(json);
        command.Options.Add(output);
        command.Options.Add(force);
        command.Options.Add(maxDegree);
        command.Options.Add(maxOrder);
        command.Options.Add(relations);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            var options = new InvariantRingOptions
            {
                MaxDegree = Positive(parseResult.GetValue(maxDegree), "--max-degree"),
                MaxGroupOrder = Positive(parseResult.GetValue(maxOrder), "--max-order"),
                ComputeRelations = parseResult.GetValue(relations),
            };
            var definition = GroupResolver.Resolve(parseResult.GetValue(group)!);
            var run = RingRun.Execute(definition, options);
            var document = run.Document;
            string text = ToReadableJson(document);
            if (parseResult.GetValue(output) is { } path)
            {
                CliRunner.WriteFile(path, text + Environment.NewLine, parseResult.GetValue(force));
            }

            Console.Write(parseResult.GetValue(json) ? text + Environment.NewLine : run.Summary);
            Console.Error.WriteLine("time: " + string.Join(", ", run.Timings.Select(t => $"{t.Phase} {t.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s")));
            if (parseResult.GetValue(output) is { } written)
            {
                // Standard error, so that --json output on standard output stays one JSON document.
                Console.Error.WriteLine($"wrote {written}");
            }

            return run.Verified ? ExitCodes.Success : ExitCodes.VerificationFailed;
        }));
        return command;
    }

    private static readonly System.Text.Json.JsonSerializerOptions ReadableJson = new()
    {
        WriteIndented = true,

        // Polynomials contain '+', which the default encoder writes as \u002B; the relaxed encoder keeps it readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a JSON node with stable indentation and without escaping '+', '&lt;' or '&gt;'.</summary>
    internal static string ToReadableJson(JsonNode node) => node.ToJsonString(ReadableJson);

    internal static T Positive<T>(T value, string option)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{option} must be positive; got {value}.");
}

/// <summary>One run of the ring computation: the certified document, the readable summary and the phase times.</summary>
internal sealed record RingRun(JsonObject Document, string Summary, bool Verified, IReadOnlyList<PhaseTiming> Timings)
{
    /// <summary>Computes and certifies the invariant ring of <paramref name="definition"/>.</summary>
    public static RingRun Execute(GroupDefinition definition, InvariantRingOptions options, CancellationToken ct = default)
    {
        try
        {
            return definition.Field.Accept(new Visitor(definition, options, ct));
        }
        catch (InvariantRingLimitException ex)
        {
            throw new LimitExceededException(ex.Message);
        }
    }

    private sealed class Visitor(GroupDefinition definition, InvariantRingOptions options, CancellationToken ct) : IFieldVisitor<RingRun>
    {
        public RingRun Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var clock = Stopwatch.StartNew();
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            var ring = new InvariantRing<T>(group, options, ct);
            var timings = new List<PhaseTiming> { new("group", clock.Elapsed) };
            var progress = ConsoleProgress.Create();
            var result = ring.Compute(progress, ct);
            ConsoleProgress.Clear(progress);
            timings.AddRange(result.Timings);

            clock.Restart();
            var document = RingDocuments.Create(result, definition);
            var checks = new RingCertificateVerifier().Verify(document, ct);
            RingDocuments.WithCertificate(document, checks);
            timings.Add(new PhaseTiming("certificate", clock.Elapsed));
            bool verified = checks.Count > 0 && checks.All(c => c.Passed);
            return new RingRun(document, Summarize(result, definition, checks), verified, timings);
        }
    }

    private static string Summarize<T>(InvariantRingResult<T> result, GroupDefinition definition, IReadOnlyList<Invariants.Certificates.CertificateCheck> checks)
        where T : struct, IFieldElement<T>
    {
        var ring = result.InvariantRing;
        var text = new StringBuilder();
        text.AppendLine($"Invariant ring of {definition.Name}: {ring.Group.Dimension}-dimensional representation over {ring.Ring.Field.Name}");
        text.AppendLine($"group order: {ring.Order}");
        text.AppendLine($"variables: {string.Join(", ", ring.Ring.Variables)} (monomial order {ring.Ring.Order.Name})");
        if (ring.MolienSeries is { } molien)
        {
            text.AppendLine(ring.Ring.Field.Characteristic.IsZero
                ? $"Molien series: {molien}"
                : $"Molien series (Brauer lift, non-modular over {ring.Ring.Field.Name}): {molien}");
            text.AppendLine($"  = {FormatSeries(molien.Coefficients(15))} + ...");
        }
        else
        {
            var dimensions = Enumerable.Range(0, 11).Select(d => (System.Numerics.BigInteger)ring.HilbertFunction(d)).ToList();
            text.AppendLine($"Hilbert series (dimensions by linear algebra; the Brauer lift for the Molien series exceeds its limits over {ring.Ring.Field.Name}):");
            text.AppendLine($"  {FormatSeries(dimensions)} + ...");
        }

        AppendList(text, "primary invariants", result.PrimaryInvariants, "p");
        AppendList(text, "secondary invariants", result.SecondaryInvariants, "s");
        AppendList(text, "irreducible secondary invariants", result.IrreducibleSecondaryInvariants, "s'");
        AppendList(text, "fundamental invariants", result.FundamentalInvariants, "f");
        if (result.Relations is { } relations)
        {
            text.AppendLine($"relations among the fundamental invariants (optional; y_i stands for f_i): {relations.Elements.Count}");
            foreach (var r in relations.Elements)
            {
                text.AppendLine($"  {r} = 0");
            }
        }
        else
        {
            text.AppendLine("relations among the fundamental invariants: not computed (optional; add --relations)");
        }

        bool verified = checks.Count > 0 && checks.All(c => c.Passed);
        text.AppendLine(verified
            ? $"certificate: verified ({checks.Count} checks passed)"
            : $"certificate: NOT verified ({checks.Count(c => !c.Passed)} of {checks.Count} checks failed)");
        foreach (var check in checks)
        {
            text.AppendLine($"  {(check.Passed ? "pass" : "FAIL")}  {check.Name}: {check.Detail}");
        }

        return text.ToString();
    }

    private static string FormatSeries(IReadOnlyList<System.Numerics.BigInteger> coefficients)
    {
        var terms = new List<string>();
        for (int k = 0; k < coefficients.Count; k++)
        {
            var c = coefficients[k];
            if (c.IsZero)
            {
                continue;
            }

            string power = k == 0 ? string.Empty : k == 1 ? "t" : $"t^{k}";
            terms.Add(k == 0 ? c.ToString() : c.IsOne ? power : $"{c}*{power}");
        }

        return string.Join(" + ", terms);
    }

    private static void AppendList<T>(StringBuilder text, string title, IReadOnlyList<Polynomial<T>> polynomials, string symbol)
        where T : struct, IFieldElement<T>
    {
        string degrees = string.Join(", ", polynomials.Select(p => Math.Max(p.TotalDegree, 0)));
        text.AppendLine($"{title}: {polynomials.Count} (degrees {(degrees.Length == 0 ? "none" : degrees)})");
        for (int i = 0; i < polynomials.Count; i++)
        {
            text.AppendLine($"  {symbol}{i + 1} = {polynomials[i]}");
        }
    }
}

/// <summary>Progress lines on standard error while a computation runs, only when standard error is a terminal.</summary>
internal static class ConsoleProgress
{
    public static IProgress<InvariantProgress>? Create() =>
        Console.IsErrorRedirected ? null : new Reporter();

    public static void Clear(IProgress<InvariantProgress>? progress)
    {
        if (progress is Reporter)
        {
            Console.Error.Write("\r\u001b[K");
        }
    }

    private sealed class Reporter : IProgress<InvariantProgress>
    {
        public void Report(InvariantProgress value) => Console.Error.Write($"\r\u001b[K{value}");
    }
}
