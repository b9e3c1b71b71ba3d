using InvTheory.Invariants.Export;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InvTheory.Invariants.Tests.Export;

public sealed class OnnxExporterTests
{
    public static TheoryData<string> Samples() => [.. ExportSamples.Names];

    private static double[] Reference(ExportedResult result, double[] inputs) =>
        result.Kind == "pi" ? ExportSamples.PiValues(result, inputs) : ExportSamples.Evaluate(ExportSamples.Reference(result), inputs);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Float64ModelMatchesRuntimeEvaluator(string sample)
    {
        var result = ExportSamples.Read(sample);
        int n = result.Variables.Count;
        var inputs = ExportSamples.RandomInputs(17, n, seed: 21);
        var model = ResultExporter.Export(result, ExportFormat.Onnx, new ExportOptions { OnnxElementType = OnnxElementType.Float64 });
        using var session = new InferenceSession(model);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<double>(inputs, [17, n]))]);
        var features = outputs.First(o => o.Name == "features").AsTensor<double>();
        Assert.Equal([17, Reference(result, inputs).Length / 17], features.Dimensions.ToArray());
        ExportSamples.AssertClose(Reference(result, inputs), features.ToArray(), 1e-10);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Float32ModelMatchesRuntimeEvaluator(string sample)
    {
        var result = ExportSamples.Read(sample);
        int n = result.Variables.Count;
        var inputs = ExportSamples.RandomInputs(9, n, seed: 22).Select(v => (double)(float)v).ToArray();
        var model = ResultExporter.Export(result, ExportFormat.Onnx);
        using var session = new InferenceSession(model);
        var tensor = new DenseTensor<float>(inputs.Select(v => (float)v).ToArray(), [9, n]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("x", tensor)]);
        var features = outputs.First(o => o.Name == "features").AsTensor<float>().ToArray().Select(v => (double)v).ToArray();
        var expected = Reference(result, inputs);
        Assert.Equal(expected.Length, features.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // Float32 rounding of products of up to 6 factors and sums of a few terms stays below 1e-5 relative.
            double tolerance = 1e-5 * Math.Max(Math.Abs(expected[i]), 1e-3);
            Assert.True(Math.Abs(expected[i] - features[i]) <= tolerance, $"entry {i}: expected {expected[i]:R}, got {features[i]:R}");
        }
    }

    [Fact]
    public void GeneratingSetHasInvariantsOutput()
    {
        var result = ExportSamples.Read("fft-O3");
        var inputs = ExportSamples.RandomInputs(4, 6, seed: 23);
        using var session = new InferenceSession(ResultExporter.Export(result, ExportFormat.Onnx, new ExportOptions { OnnxElementType = OnnxElementType.Float64 }));
        Assert.Equal(["features", "invariants"], session.OutputMetadata.Keys.Order(StringComparer.Ordinal));
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<double>(inputs, [4, 6]))]);
        var invariants = outputs.First(o => o.Name == "invariants").AsTensor<double>().ToArray();
        ExportSamples.AssertClose(ExportSamples.Evaluate(ExportSamples.Reference(result, section: "invariants"), inputs), invariants, 1e-12);
    }

    [Fact]
    public void InputMetadataNamesBatchAndWidth()
    {
        using var session = new InferenceSession(ResultExporter.Export(ExportSamples.Read("ring-Oh"), ExportFormat.Onnx));
        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("x", input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, 3], input.Value.Dimensions);
    }
}
