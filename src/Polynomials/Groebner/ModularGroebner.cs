using InvTheory.Polynomials.Scalars;

namespace InvTheory.Polynomials.Groebner;

/// <summary>Groebner bases over Q by computation modulo primes, lifting and exact verification.</summary>
internal static class ModularGroebner
{
    public static GroebnerBasis<Rational> Compute(
        PolynomialRing<Rational> ring,
        List<Polynomial<Rational>> generators,
        GroebnerOptions options,
        IProgress<GroebnerProgress>? progress,
        CancellationToken ct)
    {
        // TODO: the modular engine; until it lands, the rational Buchberger engine is used.
        return Groebner.ComputeBuchberger(ring, generators, options, progress, ct);
    }
}
