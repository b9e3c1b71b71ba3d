namespace InvTheory.Invariants.Tests.Classical;

/// <summary>
/// An independent count of equivariants for SO(2) and SO(3) from the weights of a maximal torus, used as the oracle of
/// the first-fundamental-theorem tests.
/// </summary>
/// <remarks>
/// The rotations by theta in the first plane form a maximal torus. On V its weights are +1 and -1 (and 0 for SO(3)); a
/// coordinate of a tensor of rank r has the sum of r of them. The degree-k part of Sym(U*) (x) W has the torus character
/// sum over weights m of c_m z^m, with c_m counted by expanding prod over the coordinates of U of 1/(1 - t z^w) (the
/// weights of U* are the negatives, a symmetric multiset). SO(2) is the torus, so the invariants number c_0. For SO(3)
/// every irreducible V_l has weights -l..l once each, so the invariants number c_0 - c_1 (Weyl character formula).
/// </remarks>
internal static class TorusWeightCount
{
    /// <summary>Returns the dimension of the degree-k equivariants U -> W for SO(d), d = 2 or 3.</summary>
    public static int Dimension(int d, string inputs, string output, int k)
    {
        var vector = d == 2 ? new[] { 1, -1 } : [1, 0, -1];
        var input = inputs.Split('+').SelectMany(term =>
        {
            var parts = term.Split('*');
            int copies = parts.Length == 2 ? int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) : 1;
            return Enumerable.Repeat(Weights(parts[^1], vector), copies).SelectMany(w => w);
        }).ToList();

        // counts[j][m]: number of monomials of degree j with weight m (offset by the largest weight).
        int offset = 2 * k + 4;
        var counts = new long[k + 1, 2 * offset + 1];
        counts[0, offset] = 1;
        foreach (int w in input)
        {
            // Multiply by 1/(1 - t z^w): counts[j][m] += counts[j-1][m-w], in increasing j.
            for (int j = 1; j <= k; j++)
            {
                for (int m = 0; m <= 2 * offset; m++)
                {
                    int source = m - w;
                    if (source >= 0 && source <= 2 * offset)
                    {
                        counts[j, m] += counts[j - 1, source];
                    }
                }
            }
        }

        long Coefficient(int weight) => Weights(output, vector).Sum(w => offset + weight - w is int m && m >= 0 && m <= 2 * offset ? counts[k, m] : 0);
        return (int)(d == 2 ? Coefficient(0) : Coefficient(0) - Coefficient(1));
    }

    private static IReadOnlyList<int> Weights(string atom, int[] vector) => atom switch
    {
        "T0" => [0],
        "T1" or "pseudovector" => vector,
        "T2" => vector.SelectMany(a => vector.Select(b => a + b)).ToArray(),
        "Sym2" => vector.SelectMany((a, i) => vector.Skip(i).Select(b => a + b)).ToArray(),
        _ => throw new ArgumentException($"No weights for {atom}.", nameof(atom)),
    };
}
