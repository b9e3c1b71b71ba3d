using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Invariants.Computation;

/// <summary>
/// Proofs of dimension bounds dim V(f_1, ..., f_k) &lt;= b for homogeneous polynomials over K, where V is the affine
/// cone of common zeros in the algebraic closure.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: linear sections [DK15, Sec. 3.3]. For a cone X in K^n and a linear subspace H of dimension n - b,
/// dim(X ∩ H) &gt;= dim X - b, so X ∩ H = {0} proves dim X &lt;= b, for every H. The section is computed by substituting
/// x = M y with a pseudo-random n x (n - b) matrix M, and X ∩ H = {0} is decided by a Groebner basis of the
/// substituted polynomials in n - b variables (zero-dimensional ideal). For a generic M the test decides the bound
/// exactly; a special M can only fail to prove a true bound. Small sections keep the Groebner bases small: a bound
/// n - 1 needs one variable.
/// </para>
/// <para>
/// Over Q and Q(zeta_n) everything runs over GF(p) for the images under a <see cref="ModularImage{T}"/>. The
/// variety of the reduction has at least the dimension of the variety over K (the special fibre of a cone is at least
/// as large as the generic one), so a bound proved modulo p holds over K. The matrices come from a fixed seed, so runs
/// repeat.
/// </para>
/// </remarks>
internal sealed class VarietyDimension<T>
    where T : struct, IFieldElement<T>
{
    private const int Attempts = 3;

    private readonly PolynomialRing<T> _ring;
    private readonly List<ModularImage<T>> _images = [];
    private readonly Dictionary<(ulong Prime, int Size), PolynomialRing<ModInt>> _sectionRings = [];
    private SplitMix64 _random;

    public VarietyDimension(PolynomialRing<T> ring, ulong seed)
    {
        _ring = ring;
        _random = new SplitMix64(seed ^ 0x5EC7_10A5UL);
        if (ModularImage<T>.Create(ring.Field) is { } image)
        {
            _images.Add(image);
        }
    }

    /// <summary>
    /// Returns true when dim V(<paramref name="generators"/>) &lt;= <paramref name="bound"/> is proved; false means the
    /// bound is false or was not proved.
    /// </summary>
    public bool IsAtMost(IReadOnlyList<Polynomial<T>> generators, int bound, CancellationToken ct)
    {
        int n = _ring.VariableCount;
        if (bound >= n)
        {
            return true;
        }

        // A cone contains 0, so its dimension is at least 0.
        if (bound < 0)
        {
            return false;
        }

        var nonzero = generators.Where(f => !f.IsZero).ToList();
        if (nonzero.Count == 0)
        {
            return false;
        }

        if (_images.Count == 0)
        {
            return SectionIsOrigin(nonzero, n - bound, _ring, ct);
        }

        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var image = Image(attempt);
            var mapped = new List<Polynomial<ModInt>>(nonzero.Count);
            foreach (var f in nonzero)
            {
                var g = image.TryMap(f);
                if (g is null)
                {
                    mapped = null;
                    break;
                }

                mapped.Add(g);
            }

            if (mapped is not null && SectionIsOrigin(mapped, n - bound, image.Target.Get(_ring), ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether the cone of the polynomials meets a pseudo-random subspace of dimension <paramref name="size"/> only in 0.</summary>
    private bool SectionIsOrigin<TField>(List<Polynomial<TField>> polynomials, int size, PolynomialRing<TField> ring, CancellationToken ct)
        where TField : struct, IFieldElement<TField>
    {
        var section = polynomials;
        var target = ring;
        if (size < ring.VariableCount)
        {
            target = SectionRing(ring, size);
            var images = new Polynomial<TField>[ring.VariableCount];
            for (int i = 0; i < images.Length; i++)
            {
                var terms = new List<(TField, Monomial)>(size);
                for (int j = 0; j < size; j++)
                {
                    // Entries in 1..2^20 in the integers or the prime field: nonzero, and generic enough for a proof attempt.
                    long entry = (long)(_random.Next() % (1UL << 20)) + 1;
                    terms.Add((ring.Field.FromInteger(entry), Monomial.Variable(size, j)));
                }

                images[i] = target.FromTerms(terms);
            }

            section = [.. polynomials.Select(f => f.Substitute(images, target)).Where(f => !f.IsZero)];
            if (section.Count == 0)
            {
                return false;
            }
        }

        var options = GroebnerOptions.Default with { Algorithm = GroebnerAlgorithm.Buchberger };
        return Groebner.Compute(target, section, options, null, ct).IsZeroDimensional;
    }

    private PolynomialRing<TField> SectionRing<TField>(PolynomialRing<TField> ring, int size)
        where TField : struct, IFieldElement<TField>
    {
        if (ring is PolynomialRing<ModInt> modular && modular.Field is PrimeField prime)
        {
            var key = (prime.Prime, size);
            if (!_sectionRings.TryGetValue(key, out var cached))
            {
                cached = new PolynomialRing<ModInt>(prime, Enumerable.Range(1, size).Select(i => "y" + i), MonomialOrder.GradedReverseLex);
                _sectionRings.Add(key, cached);
            }

            return (PolynomialRing<TField>)(object)cached;
        }

        return new PolynomialRing<TField>(ring.Field, Enumerable.Range(1, size).Select(i => "y" + i), MonomialOrder.GradedReverseLex);
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
