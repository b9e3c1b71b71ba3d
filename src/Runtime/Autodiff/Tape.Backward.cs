using System.Runtime.CompilerServices;

namespace InvTheory.Runtime.Autodiff;

/// <summary>The backward rules: each maps the cotangent g of a node to the cotangents of its inputs.</summary>
public sealed partial class Tape
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backpropagate(Node node, Node g, bool[] relevant, Node?[] cotangents)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        bool NeedA() => node.A is { IsRecorded: true } a && relevant[a.Index];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        bool NeedB() => node.B is { IsRecorded: true } b && relevant[b.Index];
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Send(Node input, Node cotangent)
        {
            int i = input.Index;
            if (cotangents[i] is { } existing)
            {
                existing.SlotCount--;
                if (IsExclusiveTemporary(existing))
                {
                    // No other slot refers to the partial sum, so it is updated in place instead of copied.
                    TensorKernels.Add(existing.Value.AsSpan(), cotangent.Value.AsSpan(), existing.Value.AsSpan());
                    existing.SlotCount++;
                    return;
                }

                cotangent = Add(existing, cotangent);
            }

            cotangent.SlotCount++;
            cotangents[i] = cotangent;
        }

        switch (node.Operation)
        {
            case Operation.Add:
                if (NeedA())
                {
                    Send(node.A!, g);
                }

                if (NeedB())
                {
                    Send(node.B!, g);
                }

                break;
            case Operation.Subtract:
                if (NeedA())
                {
                    Send(node.A!, g);
                }

                if (NeedB())
                {
                    Send(node.B!, Scale(g, -1.0));
                }

                break;
            case Operation.Multiply:
                if (NeedA())
                {
                    Send(node.A!, Multiply(g, node.B!));
                }

                if (NeedB())
                {
                    Send(node.B!, Multiply(g, node.A!));
                }

                break;
            case Operation.ScaleShift:
                if (NeedA())
                {
                    Send(node.A!, node.Scale == 1.0 ? g : Scale(g, node.Scale));
                }

                break;
            case Operation.MatMul:
                BackpropagateMatMul(node, g, NeedA(), NeedB(), Send);
                break;
            case Operation.Affine:
                // y = x w + 1 b^T: dx = g w^T, dw = x^T g, db = the column sums of g.
                if (NeedA())
                {
                    Send(node.A!, MatMul(g, node.B!, transposeB: true));
                }

                if (NeedB())
                {
                    Send(node.B!, MatMul(node.A!, g, transposeA: true));
                }

                if (node.C is { IsRecorded: true } bias && relevant[bias.Index])
                {
                    Send(bias, SumRows(g));
                }

                break;
            case Operation.AddRow:
                if (NeedA())
                {
                    Send(node.A!, g);
                }

                if (NeedB())
                {
                    Send(node.B!, SumRows(g));
                }

                break;
            case Operation.SumRows:
                if (NeedA())
                {
                    Send(node.A!, BroadcastRows(g, node.A!.Rows));
                }

                break;
            case Operation.BroadcastRows:
                if (NeedA())
                {
                    Send(node.A!, SumRows(g));
                }

                break;
            case Operation.SumColumns:
                if (NeedA())
                {
                    Send(node.A!, BroadcastColumns(g, node.A!.Columns));
                }

                break;
            case Operation.BroadcastColumns:
                if (NeedA())
                {
                    Send(node.A!, SumColumns(g));
                }

                break;
            case Operation.Sum:
                if (NeedA())
                {
                    Send(node.A!, BroadcastScalar(g, node.A!.Rows, node.A!.Columns));
                }

                break;
            case Operation.BroadcastScalar:
                if (NeedA())
                {
                    Send(node.A!, Sum(g));
                }

                break;
            case Operation.Elementwise:
                if (NeedA() && !ElementwiseDerivatives.IsZero(node.Function, node.First + 1))
                {
                    var input = node.A!;
                    if (cotangents[input.Index] is { SlotCount: 1 } existing && ElementwiseDerivatives.UsesSigmoid(node.Function, node.First + 1)
                        && IsExclusiveTemporary(existing, heldBySlot: true))
                    {
                        // existing + g * f^(k+1)(a) in one pass, with the same two roundings as the product node and the sum.
                        AddMultiplyByDerivative(existing, g, node.Function, node.First + 1, input);
                    }
                    else
                    {
                        Send(input, MultiplyByDerivative(g, node.Function, node.First + 1, input));
                    }
                }

                break;
            case Operation.MultiplyByDerivative:
                // y = h * f^(k)(a): dh = g * f^(k)(a) and da = (g * h) * f^(k+1)(a).
                if (NeedA())
                {
                    Send(node.A!, MultiplyByDerivative(g, node.Function, node.First, node.B!));
                }

                if (NeedB() && !ElementwiseDerivatives.IsZero(node.Function, node.First + 1))
                {
                    Send(node.B!, MultiplyByDerivative(g, node.A!, node.Function, node.First + 1, node.B!));
                }

                break;
            case Operation.SliceColumns:
                if (NeedA())
                {
                    Send(node.A!, PadColumns(g, node.First, node.A!.Columns));
                }

                break;
            case Operation.PadColumns:
                if (NeedA())
                {
                    Send(node.A!, SliceColumns(g, node.First, node.A!.Columns));
                }

                break;
            case Operation.ConcatColumns:
                int offset = 0;
                foreach (var part in node.Inputs!)
                {
                    if (part.IsRecorded && relevant[part.Index])
                    {
                        Send(part, SliceColumns(g, offset, part.Columns));
                    }

                    offset += part.Columns;
                }

                break;
            case Operation.GatherColumns:
                if (NeedA())
                {
                    Send(node.A!, ScatterColumns(g, node.ColumnIndices!, node.A!.Columns));
                }

                break;
            case Operation.ScatterColumns:
                if (NeedA())
                {
                    Send(node.A!, GatherColumns(g, node.ColumnIndices!));
                }

                break;
            case Operation.Bilinear:
                if (NeedA())
                {
                    Send(node.A!, Bilinear(g, node.B!, node.Plan!.LeftAdjoint()));
                }

                if (NeedB())
                {
                    Send(node.B!, Bilinear(g, node.A!, node.Plan!.RightAdjoint()));
                }

                break;
            default:
                throw new InvalidOperationException($"Backward: no rule for operation {node.Operation}; this points to a bug.");
        }
    }

    // For C = op(A) op(B): the cotangents follow from dC = dop(A) op(B) + op(A) dop(B) by transposition.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackpropagateMatMul(Node node, Node g, bool needA, bool needB, Action<Node, Node> send)
    {
        var a = node.A!;
        var b = node.B!;
        if (!node.TransposeA && !node.TransposeB)
        {
            // C = A B: dA = g B^T, dB = A^T g.
            if (needA)
            {
                send(a, MatMul(g, b, transposeB: true));
            }

            if (needB)
            {
                send(b, MatMul(a, g, transposeA: true));
            }
        }
        else if (!node.TransposeA)
        {
            // C = A B^T: dA = g B, dB = g^T A.
            if (needA)
            {
                send(a, MatMul(g, b));
            }

            if (needB)
            {
                send(b, MatMul(g, a, transposeA: true));
            }
        }
        else
        {
            // C = A^T B: dA = B g^T, dB = A g.
            if (needA)
            {
                send(a, MatMul(b, g, transposeB: true));
            }

            if (needB)
            {
                send(b, MatMul(a, g));
            }
        }
    }
}
