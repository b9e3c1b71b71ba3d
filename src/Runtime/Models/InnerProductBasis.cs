using InvTheory.Runtime.Evaluation;

namespace InvTheory.Runtime.Models;

/// <summary>
/// Bases for vectors u_1, ..., u_k in R^d stored side by side (u_i occupies the variables i d .. i d + d - 1).
/// </summary>
/// <remarks>
/// By the first fundamental theorem for the orthogonal group [Wey39, Ch. II], every O(d)-invariant polynomial of the
/// u_i is a polynomial in the inner products &lt;u_i, u_j&gt;, and every O(d)-equivariant polynomial map to R^d is a
/// sum of invariant polynomials times the u_i.
/// </remarks>
public static class InnerProductBasis
{
    /// <summary>Returns the k(k+1)/2 inner products &lt;u_i, u_j&gt;, i &lt;= j, in row-major order of (i, j).</summary>
    public static Float64Basis InnerProducts(int vectorCount, int dimension, IReadOnlyList<string>? vectorNames = null)
    {
        var names = Names(vectorCount, vectorNames);
        int n = vectorCount * dimension;
        var elements = new List<Float64BasisElement>();
        for (int i = 0; i < vectorCount; i++)
        {
            for (int j = i; j < vectorCount; j++)
            {
                var terms = new List<Float64Term>(dimension);
                for (int c = 0; c < dimension; c++)
                {
                    var e = new int[n];
                    e[(i * dimension) + c] += 1;
                    e[(j * dimension) + c] += 1;
                    terms.Add(new Float64Term(1.0, e));
                }

                elements.Add(Float64BasisElement.Scalar(terms, $"<{names[i]},{names[j]}>"));
            }
        }

        return new Float64Basis(n, elements, VariableNames(names, dimension));
    }

    /// <summary>Returns the k linear maps u_i, each with d components: the equivariant vectors of the inputs themselves.</summary>
    public static Float64Basis Vectors(int vectorCount, int dimension, IReadOnlyList<string>? vectorNames = null)
    {
        var names = Names(vectorCount, vectorNames);
        int n = vectorCount * dimension;
        var elements = new List<Float64BasisElement>();
        for (int i = 0; i < vectorCount; i++)
        {
            var components = new List<List<Float64Term>>();
            for (int c = 0; c < dimension; c++)
            {
                var e = new int[n];
                e[(i * dimension) + c] = 1;
                components.Add([new Float64Term(1.0, e)]);
            }

            elements.Add(new Float64BasisElement(components, names[i]));
        }

        return new Float64Basis(n, elements, VariableNames(names, dimension));
    }

    private static string[] Names(int vectorCount, IReadOnlyList<string>? vectorNames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vectorCount);
        if (vectorNames is not null && vectorNames.Count != vectorCount)
        {
            throw new ArgumentException($"InnerProductBasis: {vectorNames.Count} names were given for {vectorCount} vectors.", nameof(vectorNames));
        }

        return vectorNames is null ? [.. Enumerable.Range(1, vectorCount).Select(i => $"u{i}")] : [.. vectorNames];
    }

    private static IEnumerable<string> VariableNames(string[] names, int dimension) =>
        names.SelectMany(name => Enumerable.Range(1, dimension).Select(c => $"{name}_{c}"));
}
