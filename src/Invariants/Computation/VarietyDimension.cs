using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// Upper bounds for the dimension of the affine variety V(f_1, ..., f_k) of homogeneous polynomials over K, from a
/// Groebner basis of the images modulo a prime.
/// </summary>
/// <remarks>
/// Algorithm: Krull dimension from the leading monomials of a Groebner basis [CLO15, Ch. 9 Sec. 3]. Over Q and
/// Q(zeta_n) the basis is computed over GF(p) for the images under a <see cref="ModularImage{T}"/>; the dimension of
/// the reduction is at least the dimension over K, so each value is an upper bound that is exact for all but finitely
/// many primes. The search for primary invariants only acts on bounds that prove what it needs (a drop to the
/// required dimension), and the certificate re-checks the final system exactly over K.
/// </remarks>
internal sealed class VarietyDimension<T>
    where T : struct, IFieldElement<T>
{
    private readonly PolynomialRing<T> _ring;
    private readonly List<ModularImage<T>> _images = [];

    public VarietyDimension(PolynomialRing<T> ring)
    {
        _ring = ring;
        if (ModularImage<T>.Create(ring.Field) is { } image)
        {
            _images.Add(image);
        }
    }

    /// <summary>Returns an upper bound for dim V(<paramref name="generators"/>) (n for no generators, -1 for the empty variety).</summary>
    public int UpperBound(IReadOnlyList<Polynomial<T>> generators, CancellationToken ct)
    {
        int n = _ring.VariableCount;
        var nonzero = generators.Where(f => !f.IsZero).ToList();
        if (nonzero.Count == 0)
        {
            return n;
        }

        for (int attempt = 0; attempt < 4 && _images.Count > 0; attempt++)
        {
            var image = Image(attempt);
            var mapped = new List<Polynomial<ModInt>>(nonzero.Count);
            bool ok = true;
            foreach (var f in nonzero)
            {
                var g = image.TryMap(f);
                if (g is null)
                {
                    ok = false;
                    break;
                }

                mapped.Add(g);
            }

            if (!ok)
            {
                continue;
            }

            var ring = image.Target.Get(_ring);
            var basis = Groebner.Compute(ring, mapped, GroebnerOptions.Default with { Algorithm = GroebnerAlgorithm.Buchberger }, null, ct);
            return basis.KrullDimension;
        }

        return Groebner.Compute(_ring, nonzero, null, null, ct).KrullDimension;
    }

    private ModularImage<T> Image(int index)
    {
        while (_images.Count <= index)
        {
            _images.Add(ModularImage<T>.Create(_ring.Field, _images.Count) ?? _images[0]);
        }

        return _images[index];
    }
}
