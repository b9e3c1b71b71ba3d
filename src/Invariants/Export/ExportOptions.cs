namespace InvTheory.Invariants.Export;

/// <summary>The element type of the ONNX input and output tensors.</summary>
public enum OnnxElementType
{
    /// <summary>32-bit floats (ONNX FLOAT).</summary>
    Float32,

    /// <summary>64-bit floats (ONNX DOUBLE).</summary>
    Float64,
}

/// <summary>Options of <see cref="ResultExporter"/>.</summary>
public sealed record ExportOptions
{
    /// <summary>
    /// For ring results, the sections that the code formats evaluate, concatenated in this order: any of
    /// <c>primary</c>, <c>secondary</c>, <c>irreducible_secondary</c>, <c>fundamental</c>. The default, the fundamental
    /// invariants, generates every invariant as a polynomial in them.
    /// </summary>
    public IReadOnlyList<string> RingSections { get; init; } = ["fundamental"];

    /// <summary>The namespace of the generated C# class.</summary>
    public string Namespace { get; init; } = "InvTheory.Generated";

    /// <summary>The name of the generated C# class.</summary>
    public string ClassName { get; init; } = "ExportedFeatures";

    /// <summary>The element type of the ONNX tensors.</summary>
    public OnnxElementType OnnxElementType { get; init; } = OnnxElementType.Float32;

    /// <summary>The InvTheory version written into generated files; null means the version of this assembly.</summary>
    public string? ToolVersion { get; init; }
}
