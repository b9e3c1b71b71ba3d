using Google.Protobuf;

namespace InvTheory.Invariants.Export;

/// <summary>
/// Writes protobuf messages field by field with <see cref="CodedOutputStream"/>: the subset of the ONNX messages
/// (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto, TypeProto, AttributeProto, OperatorSetIdProto)
/// that <see cref="OnnxExporter"/> needs, with the field numbers of onnx.proto.
/// </summary>
internal sealed class OnnxWriter
{
    private readonly MemoryStream _buffer = new();
    private readonly CodedOutputStream _output;

    public OnnxWriter()
    {
        _output = new CodedOutputStream(_buffer, leaveOpen: true);
    }

    public OnnxWriter Int64(int field, long value)
    {
        _output.WriteTag(field, WireFormat.WireType.Varint);
        _output.WriteInt64(value);
        return this;
    }

    public OnnxWriter String(int field, string value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteString(value);
        return this;
    }

    public OnnxWriter Bytes(int field, byte[] value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(ByteString.CopyFrom(value));
        return this;
    }

    public OnnxWriter Message(int field, Action<OnnxWriter> body)
    {
        var nested = new OnnxWriter();
        body(nested);
        return Bytes(field, nested.ToArray());
    }

    public byte[] ToArray()
    {
        _output.Flush();
        return _buffer.ToArray();
    }

    // Field numbers from onnx.proto (IR version 7 and later).
    public static class Model
    {
        public const int IrVersion = 1, ProducerName = 2, ProducerVersion = 3, DocString = 6, Graph = 7, OpsetImport = 8;
    }

    public static class OperatorSetId
    {
        public const int Domain = 1, Version = 2;
    }

    public static class Graph
    {
        public const int Node = 1, Name = 2, Initializer = 5, DocString = 10, Input = 11, Output = 12;
    }

    public static class Node
    {
        public const int Input = 1, Output = 2, Name = 3, OpType = 4, Attribute = 5;
    }

    public static class Attribute
    {
        public const int Name = 1, I = 3, Type = 20;

        /// <summary>AttributeProto.AttributeType.INT.</summary>
        public const int TypeInt = 2;
    }

    public static class Tensor
    {
        public const int Dims = 1, DataType = 2, Name = 8, RawData = 9;

        /// <summary>TensorProto.DataType values.</summary>
        public const int Float = 1, Int64 = 7, Double = 11;
    }

    public static class ValueInfo
    {
        public const int Name = 1, Type = 2;
    }

    public static class TypeProto
    {
        public const int TensorType = 1;

        // TypeProto.Tensor fields.
        public const int ElemType = 1, Shape = 2;

        // TensorShapeProto.dim and TensorShapeProto.Dimension fields.
        public const int Dim = 1, DimValue = 1, DimParam = 2;
    }
}
