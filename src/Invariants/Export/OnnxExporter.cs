using System.Buffers.Binary;
using System.Globalization;

namespace InvTheory.Invariants.Export;

/// <summary>
/// Writes the feature map of an exported result as an ONNX model (opset 13): input <c>x</c> of shape [batch, n],
/// output <c>features</c> of shape [batch, outputs] (the components of all elements, element-major), and for
/// first-fundamental-theorem results a second output <c>invariants</c>.
/// </summary>
/// <remarks>
/// Algorithm: one Gather per variable gives the columns x_v; every monomial of <see cref="MonomialPlan"/> is one Mul
/// (or Div, for negative exponents) of a lower monomial by a column; a Concat of the monomials times a constant
/// coefficient matrix (MatMul), plus a constant row for the constant terms (Add), gives the outputs.
/// Because MatMul also multiplies the zero coefficients, a NaN or infinite input makes every output of its row NaN,
/// unlike the Python and C# exports, where only the outputs whose monomials contain the variable are affected.
/// </remarks>
internal static class OnnxExporter
{
    private const int IrVersion = 7;
    private const int OpsetVersion = 13;

    public static byte[] Export(ExportedResult result, ExportOptions options, string toolVersion)
    {
        var functions = ExportFunction.Select(result, options);
        ExportFunction.RequireNumeric(result, ExportFormat.Onnx, functions);
        int n = result.Variables.Count;
        bool single = options.OnnxElementType == OnnxElementType.Float32;
        int elementType = single ? OnnxWriter.Tensor.Float : OnnxWriter.Tensor.Double;
        var plan = MonomialPlan.Build(n, functions.SelectMany(f => f.Outputs), derivatives: false);
        var nodes = new List<Action<OnnxWriter>>();
        var initializers = new List<Action<OnnxWriter>>();

        // Phase 1: the columns x_v that some monomial uses.
        var usedVariables = Enumerable.Range(1, plan.Monomials.Count - 1).Select(i => plan.Variable[i]).Distinct().Order().ToList();
        foreach (int v in usedVariables)
        {
            string index = $"index_{v}";
            initializers.Add(Int64Tensor(index, [1], [v]));
            nodes.Add(NodeAction("Gather", $"gather_{v}", ["x", index], [Column(v)], ("axis", 1)));
        }

        // Phase 2: the monomials, each from a lower one.
        var names = new string[plan.Monomials.Count];
        for (int i = 1; i < plan.Monomials.Count; i++)
        {
            int p = plan.Parent[i], v = plan.Variable[i];
            if (p == 0 && !plan.Divides[i])
            {
                names[i] = Column(v);
                continue;
            }

            names[i] = $"m{i}";
            nodes.Add(p == 0
                ? NodeAction("Reciprocal", $"monomial_{i}", [Column(v)], [names[i]])
                : NodeAction(plan.Divides[i] ? "Div" : "Mul", $"monomial_{i}", [names[p], Column(v)], [names[i]]));
        }

        // Phase 3: the monomial matrix [batch, K] and, per function, MatMul with its coefficients plus the constants.
        var used = Enumerable.Range(1, plan.Monomials.Count - 1).ToList();
        string monomials;
        int k = used.Count;
        if (k == 0)
        {
            // Only constant outputs: column x_0 times a zero coefficient row gives the [batch, outputs] shape for the constants.
            k = 1;
            monomials = "x_first";
            initializers.Add(Int64Tensor("index_first", [1], [0]));
            nodes.Add(NodeAction("Gather", "gather_first", ["x", "index_first"], [monomials], ("axis", 1)));
        }
        else
        {
            monomials = "monomials";
            nodes.Add(NodeAction("Concat", "concat_monomials", [.. used.Select(i => names[i])], [monomials], ("axis", 1)));
        }

        var outputs = new List<(string Name, int Count)>();
        foreach (var (f, position) in functions.Select((f, i) => (f, i)))
        {
            string output = position == 0 ? "features" : f.Name;
            int count = f.Outputs.Count;
            var coefficients = new double[k * count];
            var constants = new double[count];
            for (int o = 0; o < count; o++)
            {
                foreach (var term in f.Outputs[o].Terms)
                {
                    int m = plan.IndexOf(term.Exponents);
                    if (m == 0)
                    {
                        constants[o] += term.Coefficient;
                    }
                    else
                    {
                        coefficients[((m - 1) * count) + o] += term.Coefficient;
                    }
                }
            }

            string matrix = $"coefficients_{output}", bias = $"constants_{output}", product = $"product_{output}";
            initializers.Add(FloatTensor(matrix, [k, count], coefficients, single));
            initializers.Add(FloatTensor(bias, [count], constants, single));
            nodes.Add(NodeAction("MatMul", $"matmul_{output}", [monomials, matrix], [product]));
            nodes.Add(NodeAction("Add", $"add_{output}", [product, bias], [output]));
            outputs.Add((output, count));
        }

        // Phase 4: the graph and the model.
        string doc = $"{result.Kind} result for {result.GroupName}; input {result.Input}, output {result.Output}; variables {string.Join(", ", result.Variables)}; "
            + $"{result.PassedChecks} certificate checks passed before export.";
        var model = new OnnxWriter()
            .Int64(OnnxWriter.Model.IrVersion, IrVersion)
            .String(OnnxWriter.Model.ProducerName, "InvTheory")
            .String(OnnxWriter.Model.ProducerVersion, toolVersion)
            .String(OnnxWriter.Model.DocString, doc)
            .Message(OnnxWriter.Model.OpsetImport, w => w.String(OnnxWriter.OperatorSetId.Domain, string.Empty).Int64(OnnxWriter.OperatorSetId.Version, OpsetVersion))
            .Message(OnnxWriter.Model.Graph, graph =>
            {
                foreach (var node in nodes)
                {
                    graph.Message(OnnxWriter.Graph.Node, node);
                }

                graph.String(OnnxWriter.Graph.Name, "invtheory_features");
                foreach (var initializer in initializers)
                {
                    graph.Message(OnnxWriter.Graph.Initializer, initializer);
                }

                graph.Message(OnnxWriter.Graph.Input, ValueInfo("x", elementType, n));
                foreach (var (name, count) in outputs)
                {
                    graph.Message(OnnxWriter.Graph.Output, ValueInfo(name, elementType, count));
                }
            });
        return model.ToArray();
    }

    private static string Column(int v) => $"x_{v.ToString(CultureInfo.InvariantCulture)}";

    private static Action<OnnxWriter> NodeAction(string op, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, (string Name, long Value)? attribute = null) => w =>
    {
        foreach (string input in inputs)
        {
            w.String(OnnxWriter.Node.Input, input);
        }

        foreach (string output in outputs)
        {
            w.String(OnnxWriter.Node.Output, output);
        }

        w.String(OnnxWriter.Node.Name, name).String(OnnxWriter.Node.OpType, op);
        if (attribute is { } a)
        {
            w.Message(OnnxWriter.Node.Attribute, at => at
                .String(OnnxWriter.Attribute.Name, a.Name)
                .Int64(OnnxWriter.Attribute.I, a.Value)
                .Int64(OnnxWriter.Attribute.Type, OnnxWriter.Attribute.TypeInt));
        }
    };

    private static Action<OnnxWriter> Int64Tensor(string name, long[] dims, long[] values) => w =>
    {
        foreach (long d in dims)
        {
            w.Int64(OnnxWriter.Tensor.Dims, d);
        }

        var raw = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        w.Int64(OnnxWriter.Tensor.DataType, OnnxWriter.Tensor.Int64).String(OnnxWriter.Tensor.Name, name).Bytes(OnnxWriter.Tensor.RawData, raw);
    };

    private static Action<OnnxWriter> FloatTensor(string name, long[] dims, double[] values, bool single) => w =>
    {
        foreach (long d in dims)
        {
            w.Int64(OnnxWriter.Tensor.Dims, d);
        }

        // raw_data stores the values little-endian, as onnx.proto specifies for every platform.
        var raw = new byte[values.Length * (single ? 4 : 8)];
        for (int i = 0; i < values.Length; i++)
        {
            if (single)
            {
                BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), (float)values[i]);
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(i * 8), values[i]);
            }
        }

        w.Int64(OnnxWriter.Tensor.DataType, single ? OnnxWriter.Tensor.Float : OnnxWriter.Tensor.Double)
            .String(OnnxWriter.Tensor.Name, name)
            .Bytes(OnnxWriter.Tensor.RawData, raw);
    };

    private static Action<OnnxWriter> ValueInfo(string name, int elementType, int width) => w => w
        .String(OnnxWriter.ValueInfo.Name, name)
        .Message(OnnxWriter.ValueInfo.Type, type => type
            .Message(OnnxWriter.TypeProto.TensorType, tensor => tensor
                .Int64(OnnxWriter.TypeProto.ElemType, elementType)
                .Message(OnnxWriter.TypeProto.Shape, shape => shape
                    .Message(OnnxWriter.TypeProto.Dim, d => d.String(OnnxWriter.TypeProto.DimParam, "batch"))
                    .Message(OnnxWriter.TypeProto.Dim, d => d.Int64(OnnxWriter.TypeProto.DimValue, width)))));
}
