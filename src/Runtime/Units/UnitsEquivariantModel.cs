using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InvTheory.Runtime.Units;

/// <summary>
/// A batched model over dimensionless features: reads <paramref name="features"/> (row-major, one row of
/// featureCount values per sample) and writes one output per sample to <paramref name="outputs"/>.
/// </summary>
/// <param name="features">Row-major features of <paramref name="sampleCount"/> samples.</param>
/// <param name="sampleCount">The number of samples.</param>
/// <param name="outputs">Receives one output per sample.</param>
public delegate void BatchedModel(ReadOnlySpan<double> features, int sampleCount, Span<double> outputs);

/// <summary>
/// Wraps any model of dimensionless features so that the whole map from raw inputs to output is units-equivariant:
/// y = s(x) * f(pi_1(x), ..., pi_k(x)), where the pi_i are dimensionless groups of the inputs and s has the output's dimension.
/// </summary>
/// <remarks>
/// <para>
/// A change of units multiplies each base dimension by a positive factor, so each input x_j by the product of those
/// factors raised to its dimension exponents. Dimensionless features do not change, so f receives the same values, and the
/// scaling s changes exactly as the target does. The equivariance is exact up to double rounding: the features and the
/// scaling are evaluated with split mantissas and exact integer binary exponents (see the tests for the measured error).
/// </para>
/// <para>
/// Guard: a sample is rejected, with an issue naming the input or feature, when an input used by a feature or the
/// scaling is zero, NaN or infinite, when an even root of a negative product is needed, when a feature or the scaling
/// would overflow or fall below the smallest normal double, or when the model output is not finite. Rejected samples get
/// output NaN, and no output is ever infinite.
/// </para>
/// </remarks>
public sealed class UnitsEquivariantModel
{
    /// <summary>Creates the wrapper.</summary>
    /// <exception cref="ArgumentException">
    /// The names are empty or repeated, a feature or the scaling has the wrong number of exponents, or the root is below 1.
    /// </exception>
    public UnitsEquivariantModel(IReadOnlyList<string> inputNames, IReadOnlyList<DimensionlessFeature> features, OutputScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(scaling);
        if (inputNames.Any(string.IsNullOrEmpty) || inputNames.Distinct(StringComparer.Ordinal).Count() != inputNames.Count)
        {
            throw new ArgumentException("Units-equivariant model needs distinct, non-empty input names.", nameof(inputNames));
        }

        foreach (var feature in features)
        {
            if (feature.Exponents.Count != inputNames.Count)
            {
                throw new ArgumentException(
                    $"Feature '{feature.Name}' has {feature.Exponents.Count} exponents but the model has {inputNames.Count} inputs.", nameof(features));
            }
        }

        if (scaling.Exponents.Count != inputNames.Count)
        {
            throw new ArgumentException($"The output scaling has {scaling.Exponents.Count} exponents but the model has {inputNames.Count} inputs.", nameof(scaling));
        }

        if (scaling.Root < 1)
        {
            throw new ArgumentException($"The output scaling root must be at least 1; got {scaling.Root}.", nameof(scaling));
        }

        InputNames = inputNames.ToList().AsReadOnly();
        Features = features.ToList().AsReadOnly();
        Scaling = scaling;
    }

    /// <summary>The raw input names, in input order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The dimensionless features passed to the wrapped model, in order.</summary>
    public IReadOnlyList<DimensionlessFeature> Features { get; }

    /// <summary>The output scaling.</summary>
    public OutputScaling Scaling { get; }

    /// <summary>
    /// Creates the wrapper from a <c>pi</c> result document (written by <c>invtheory pi --target NAME --out FILE</c>): the
    /// inputs are the variables other than the target, the features are the groups without the target, and the scaling
    /// is the target scaling, or the root of the target's group when the target only appears to a power g &gt; 1.
    /// </summary>
    /// <exception cref="FormatException">The text is not a <c>pi</c> result document with a target that appears in a group.</exception>
    public static UnitsEquivariantModel FromPiResult(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The pi result must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The pi result is not valid JSON ({ex.Message.Split('\n')[0].Trim()}).", ex);
        }

        if (ReadString(document["kind"]) != "pi")
        {
            throw new FormatException("The document is not a pi result (its kind is not \"pi\"); write one with invtheory pi --target NAME --out FILE.");
        }

        var names = (document["variables"] as JsonArray ?? throw new FormatException("The pi result lacks the variables array."))
            .Select(v => ReadString(v?["name"]) ?? throw new FormatException("A variable in the pi result has no name."))
            .ToList();
        string target = ReadString(document["target"])
            ?? throw new FormatException("The pi result has no target; rerun invtheory pi with --target NAME.");
        int targetIndex = names.IndexOf(target);
        var inputs = names.Where(n => n != target).ToList();
        var groups = (document["groups"] as JsonArray ?? throw new FormatException("The pi result lacks the groups array."))
            .Select(g => names.Select(n => ReadExponent(g, n)).ToArray())
            .ToList();
        var texts = (document["group_text"] as JsonArray)?.Select(ReadString).ToList();

        var features = new List<DimensionlessFeature>();
        int[]? targetGroup = null;
        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i][targetIndex] != 0)
            {
                targetGroup = groups[i];
                continue;
            }

            string name = texts is not null && i < texts.Count && texts[i] is string text ? text : $"pi{i + 1}";
            features.Add(new DimensionlessFeature(name, Without(groups[i], targetIndex)));
        }

        if (document["target_scaling"] is JsonObject scalingObject)
        {
            var scaling = names.Select(n => ReadExponent(scalingObject, n)).ToArray();
            return new UnitsEquivariantModel(inputs, features, new OutputScaling(Without(scaling, targetIndex)));
        }

        if (targetGroup is null)
        {
            throw new FormatException($"The target '{target}' appears in no group, so no units-equivariant model predicts it from the other variables.");
        }

        // target^g * prod x^a is dimensionless, so target scales as (prod x^(-a))^(1/g).
        int power = targetGroup[targetIndex];
        var sign = power > 0 ? -1 : 1;
        var exponents = Without(targetGroup, targetIndex).Select(a => sign * a).ToArray();
        return new UnitsEquivariantModel(inputs, features, new OutputScaling(exponents, Math.Abs(power)));
    }

    /// <summary>Returns the prediction for one sample with a model of the feature vector.</summary>
    /// <exception cref="UnitsInputException">The inputs or the model output fail the guard; the message lists every problem.</exception>
    /// <exception cref="ArgumentException">The input length differs from the number of inputs.</exception>
    public double Predict(ReadOnlySpan<double> inputs, Func<ReadOnlySpan<double>, double> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var prediction = PredictBatch(inputs, 1, model);
        if (prediction.Issues.Count > 0)
        {
            throw new UnitsInputException(prediction.Issues);
        }

        return prediction.Outputs[0];
    }

    /// <summary>Returns the predictions for a batch (row-major inputs, one row per sample), calling the model once per valid sample.</summary>
    /// <exception cref="ArgumentException">The input length is not sampleCount times the number of inputs.</exception>
    public UnitsPrediction PredictBatch(ReadOnlySpan<double> inputs, int sampleCount, Func<ReadOnlySpan<double>, double> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int featureCount = Features.Count;
        return PredictBatch(inputs, sampleCount, (features, count, outputs) =>
        {
            for (int s = 0; s < count; s++)
            {
                outputs[s] = model(features.Slice(s * featureCount, featureCount));
            }
        });
    }

    /// <summary>
    /// Returns the predictions for a batch (row-major inputs, one row per sample). The batched model is called once with
    /// the features of the valid samples only.
    /// </summary>
    /// <exception cref="ArgumentException">The input length is not sampleCount times the number of inputs.</exception>
    public UnitsPrediction PredictBatch(ReadOnlySpan<double> inputs, int sampleCount, BatchedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        int n = InputNames.Count;
        if (inputs.Length != checked(sampleCount * n))
        {
            throw new ArgumentException($"Expected {sampleCount} samples x {n} inputs = {sampleCount * n} values; got {inputs.Length}.", nameof(inputs));
        }

        // Phase 1: features and scaling of every sample, with the guard.
        int featureCount = Features.Count;
        var issues = new List<UnitsInputIssue>();
        var validSamples = new List<int>();
        var features = new double[sampleCount * featureCount];
        var scalings = new PowerProductEvaluator.SplitValue[sampleCount];
        var split = new PowerProductEvaluator.SplitValue[n];
        for (int s = 0; s < sampleCount; s++)
        {
            int before = issues.Count;
            var row = inputs.Slice(s * n, n);
            CheckInputs(s, row, split, issues);
            if (issues.Count == before)
            {
                EvaluateFeatures(s, split, features.AsSpan(s * featureCount, featureCount), issues);
                scalings[s] = EvaluateScaling(s, split, issues);
            }

            if (issues.Count == before)
            {
                validSamples.Add(s);
            }
        }

        // Phase 2: the model on the valid samples only.
        var compactFeatures = new double[validSamples.Count * featureCount];
        for (int k = 0; k < validSamples.Count; k++)
        {
            features.AsSpan(validSamples[k] * featureCount, featureCount).CopyTo(compactFeatures.AsSpan(k * featureCount));
        }

        var modelOutputs = new double[validSamples.Count];
        if (validSamples.Count > 0)
        {
            model(compactFeatures, validSamples.Count, modelOutputs);
        }

        // Phase 3: rescale, rejecting non-finite model outputs and outputs out of the double range.
        var outputs = Enumerable.Repeat(double.NaN, sampleCount).ToArray();
        for (int k = 0; k < validSamples.Count; k++)
        {
            int s = validSamples[k];
            outputs[s] = Rescale(s, modelOutputs[k], scalings[s], issues);
        }

        issues.Sort((a, b) => a.Sample.CompareTo(b.Sample));
        return new UnitsPrediction(Array.AsReadOnly(outputs), issues.AsReadOnly());
    }

    private void CheckInputs(int sample, ReadOnlySpan<double> row, PowerProductEvaluator.SplitValue[] split, List<UnitsInputIssue> issues)
    {
        for (int j = 0; j < row.Length; j++)
        {
            string? user = FirstUser(j);
            if (user is null)
            {
                split[j] = PowerProductEvaluator.SplitValue.One;
                continue;
            }

            double x = row[j];
            if (!double.IsFinite(x))
            {
                issues.Add(new UnitsInputIssue(sample, UnitsInputIssueKind.NotFinite, InputNames[j],
                    $"Sample {sample}: input '{InputNames[j]}' is {x.ToString(CultureInfo.InvariantCulture)}; {user} needs a finite value."));
                continue;
            }

            if (x == 0)
            {
                issues.Add(new UnitsInputIssue(sample, UnitsInputIssueKind.ZeroInput, InputNames[j],
                    $"Sample {sample}: input '{InputNames[j]}' is zero; {user} needs a nonzero value (a physical magnitude in units)."));
                continue;
            }

            split[j] = PowerProductEvaluator.Split(x);
        }
    }

    private void EvaluateFeatures(int sample, PowerProductEvaluator.SplitValue[] split, Span<double> destination, List<UnitsInputIssue> issues)
    {
        for (int i = 0; i < Features.Count; i++)
        {
            var product = PowerProductEvaluator.Product(split, Features[i].Exponents);
            if (PowerProductEvaluator.TryToDouble(product, out double value, out bool overflow))
            {
                destination[i] = value;
                continue;
            }

            issues.Add(RangeIssue(sample, $"feature '{Features[i].Name}'", product, overflow));
        }
    }

    private PowerProductEvaluator.SplitValue EvaluateScaling(int sample, PowerProductEvaluator.SplitValue[] split, List<UnitsInputIssue> issues)
    {
        var product = PowerProductEvaluator.Product(split, Scaling.Exponents);
        if (!PowerProductEvaluator.TryRoot(product, Scaling.Root, out var root))
        {
            issues.Add(new UnitsInputIssue(sample, UnitsInputIssueKind.NegativeUnderRoot, "output scaling",
                $"Sample {sample}: the output scaling takes the root {Scaling.Root} of a negative product; the inputs it uses must make it positive."));
            return PowerProductEvaluator.SplitValue.One;
        }

        if (!PowerProductEvaluator.TryToDouble(root, out _, out bool overflow))
        {
            issues.Add(RangeIssue(sample, "the output scaling", root, overflow));
        }

        return root;
    }

    private static double Rescale(int sample, double modelOutput, PowerProductEvaluator.SplitValue scaling, List<UnitsInputIssue> issues)
    {
        if (!double.IsFinite(modelOutput))
        {
            issues.Add(new UnitsInputIssue(sample, UnitsInputIssueKind.ModelOutputNotFinite, "model output",
                $"Sample {sample}: the wrapped model returned {modelOutput.ToString(CultureInfo.InvariantCulture)}."));
            return double.NaN;
        }

        if (modelOutput == 0)
        {
            return 0.0;
        }

        var output = PowerProductEvaluator.Split(modelOutput);
        var product = new PowerProductEvaluator.SplitValue(output.Sign * scaling.Sign, output.Mantissa * scaling.Mantissa, output.Exponent + scaling.Exponent);
        if (product.Mantissa >= 2.0)
        {
            product = product with { Mantissa = product.Mantissa / 2.0, Exponent = product.Exponent + 1 };
        }

        if (PowerProductEvaluator.TryToDouble(product, out double value, out bool overflow))
        {
            return value;
        }

        issues.Add(RangeIssue(sample, "the rescaled output", product, overflow));
        return double.NaN;
    }

    private static UnitsInputIssue RangeIssue(int sample, string quantity, PowerProductEvaluator.SplitValue value, bool overflow)
    {
        string magnitude = $"about 2^{value.Exponent}";
        return overflow
            ? new UnitsInputIssue(sample, UnitsInputIssueKind.Overflow, quantity,
                $"Sample {sample}: {quantity} is {magnitude}, beyond the largest double; an input is too close to zero or too large.")
            : new UnitsInputIssue(sample, UnitsInputIssueKind.Underflow, quantity,
                $"Sample {sample}: {quantity} is {magnitude}, below the smallest normal double; an input is too close to zero or too large.");
    }

    // Names the first feature (or the scaling) that uses input j, or null when nothing uses it.
    private string? FirstUser(int j)
    {
        foreach (var feature in Features)
        {
            if (feature.Exponents[j] != 0)
            {
                return $"feature '{feature.Name}'";
            }
        }

        return Scaling.Exponents[j] != 0 ? "the output scaling" : null;
    }

    private static int ReadExponent(JsonNode? group, string name)
    {
        var node = group?[name];
        if (node is null)
        {
            return 0;
        }

        return node is JsonValue value && value.TryGetValue(out int exponent)
            ? exponent
            : throw new FormatException($"The exponent of '{name}' in the pi result must be an integer; found {node.ToJsonString()}.");
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static int[] Without(int[] values, int index) => values.Where((_, j) => j != index).ToArray();
}
