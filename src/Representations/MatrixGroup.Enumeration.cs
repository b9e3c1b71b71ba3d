using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations;

/// <content>Element enumeration by breadth-first closure.</content>
public sealed partial class MatrixGroup<T>
{
    private Enumeration GetEnumeration(GroupEnumerationOptions? options = null, IProgress<GroupProgress>? progress = null, CancellationToken ct = default)
    {
        var cached = Volatile.Read(ref _enumeration);
        if (cached is not null)
        {
            return cached;
        }

        lock (_lock)
        {
            cached = _enumeration;
            if (cached is not null)
            {
                return cached;
            }

            var result = EnumerateElements(options ?? GroupEnumerationOptions.Default, progress, ct);
            Volatile.Write(ref _enumeration, result);
            return result;
        }
    }

    // Phases:
    //   1. check that every generator has finite order (characteristic 0) and that no stated or generator order
    //      exceeds the limit;
    //   2. breadth-first closure from the identity under right multiplication by the generators;
    //   3. compare with the stated order.
    private Enumeration EnumerateElements(GroupEnumerationOptions options, IProgress<GroupProgress>? progress, CancellationToken ct)
    {
        long limit = options.MaxOrder;

        // Phase 1: generator orders.
        if (StatedOrder is { } stated && stated > limit)
        {
            throw new GroupOrderLimitException(
                $"Group '{Name}' has stated order {stated}, above the enumeration limit of {limit} elements. {LimitRemedy}", limit);
        }

        var generatorOrders = new BigInteger[_generators.Count];
        for (int k = 0; k < _generators.Count; k++)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new GroupProgress(GroupComputationPhase.CheckingGenerators, k, _generators.Count));
            var order = ElementOrders.GeneratorOrder(_generators[k], k + 1, Name, ct);
            if (order is { } o && o > limit)
            {
                throw new GroupOrderLimitException(
                    $"Generator {k + 1} of group '{Name}' has order {o}, so the group has more elements than the enumeration limit of {limit}. {LimitRemedy}",
                    limit);
            }

            generatorOrders[k] = order ?? BigInteger.Zero;
        }

        // Phase 2: closure.
        var elements = GroupElements<T>.Enumerate(
            Field,
            _generators,
            limit,
            () => new GroupOrderLimitException($"Group '{Name}' has more than {limit} elements, the enumeration limit. {LimitRemedy}", limit),
            progress,
            ct);

        // Phase 3: stated order.
        if (StatedOrder is { } expected && expected != elements.Count)
        {
            throw new GroupOrderMismatchException(
                $"Group '{Name}' states order {expected}, but its generators generate a group of order {elements.Count}. "
                + "Correct the stated order or the generators.",
                expected,
                elements.Count);
        }

        if (!Field.Characteristic.IsZero)
        {
            for (int k = 0; k < generatorOrders.Length; k++)
            {
                generatorOrders[k] = ElementOrders.OrderDividing(_generators[k], elements.Count);
            }
        }

        return new Enumeration(elements, Array.AsReadOnly(generatorOrders));
    }

    private const string LimitRemedy =
        "If the group is finite and fits in memory, raise the limit with GroupEnumerationOptions.MaxOrder (on the command line: --max-order N).";

    /// <summary>The enumerated elements and the generator orders.</summary>
    private sealed record Enumeration(GroupElements<T> Elements, IReadOnlyList<BigInteger> GeneratorOrders);
}
