using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations.Classical;

namespace InvTheory.Invariants.Tests.Equivariants;

public sealed class NumericEquivarianceProperties
{
    private static readonly (string Group, string Input, string Output, int Degree)[] Cases =
    [
        ("O(3)", "T2", "T2", 1),
        ("SO(3)", "T2", "T1", 1),
        ("SO(3)", "2*T1", "T1", 2),
        ("O(3)", "T1+pseudovector", "T1", 2),
        ("SO(2)", "T1", "T1", 3),
        ("O(1,3)", "T1", "T1", 3),
        ("O(1,3)", "2*T1", "T0", 2),
        ("O(1,3)", "T2", "T2", 1),
    ];

    private static readonly Lazy<IReadOnlyList<(ClassicalEquivariantSpace Space, IReadOnlyList<PolynomialMap<Rational>> Basis)>> Spaces = new(() =>
        Cases.Select(c =>
        {
            var space = new ClassicalEquivariantSpace(ClassicalGroup.Parse(c.Group), RepresentationText.ParseSummands(c.Input), RepresentationText.Parse(c.Output));
            return (space, space.OfDegree(c.Degree));
        }).ToList());

    [Property(MaxTest = 60)]
    public Property EveryExportedBasisElementIsNumericallyEquivariant()
    {
        var generator =
            from index in Gen.Choose(0, Cases.Length - 1)
            from seed in Gen.Choose(1, 1_000_000)
            select (index, seed);
        return Prop.ForAll(generator.ToArbitrary(), pair =>
        {
            var (space, basis) = Spaces.Value[pair.index];
            var group = space.Group;

            // Haar-random for O(d) and SO(d), random boosts times rotations (and components) for the Lorentz group.
            var sampler = new ClassicalGroupSampler(group, pair.seed, rapidityScale: 0.5);
            var g = sampler.Next();
            var rhoU = RealRepresentation.Evaluate(space.Input, g);
            var rhoW = RealRepresentation.Evaluate(space.Output, g);
            var x = Enumerable.Range(0, space.Ring.VariableCount).Select(_ => sampler.NextGaussian()).ToArray();
            var gx = rhoU.Multiply(x);
            foreach (var f in basis)
            {
                var left = Evaluate(f, gx);
                var right = rhoW.Multiply(Evaluate(f, x));
                double scale = 1 + left.Concat(right).Max(Math.Abs);
                for (int j = 0; j < left.Count; j++)
                {
                    if (Math.Abs(left[j] - right[j]) > 1e-9 * scale)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    private static readonly (string Group, string Input, string Output)[] FundamentalCases =
    [
        ("O(3)", "2*T1+pseudovector", "T1"),
        ("SO(3)", "3*T1", "T1"),
        ("O(3)", "Sym2+T1", "T1"),
        ("O(1,3)", "2*T1+pseudovector", "T0"),
        ("O(3)", "2*T1", "T2"),

        // Levi-Civita contractions with tensor pieces and words on one side of a 2-form, and the axial part of T2.
        ("SO(3)", "Sym2+T1", "T2"),
        ("SO(3)", "T2+T1", "T1"),
        ("O(3)", "T2", "pseudovector"),
        ("SO(2)", "T2+T1", "T1"),
    ];

    private static readonly Lazy<IReadOnlyList<FirstFundamentalTheoremResult>> Fundamental = new(() =>
        FundamentalCases.Select(c => FirstFundamentalTheorem.Compute(
            ClassicalGroup.Parse(c.Group), RepresentationText.ParseSummands(c.Input), RepresentationText.Parse(c.Output))).ToList());

    [Property(MaxTest = 40)]
    public Property FundamentalGeneratorsAreNumericallyEquivariant()
    {
        var generator =
            from index in Gen.Choose(0, FundamentalCases.Length - 1)
            from seed in Gen.Choose(1, 1_000_000)
            select (index, seed);
        return Prop.ForAll(generator.ToArbitrary(), pair =>
        {
            var result = Fundamental.Value[pair.index];
            var sampler = new ClassicalGroupSampler(result.Group, pair.seed, rapidityScale: 0.5);
            var g = sampler.Next();
            var rhoU = RealRepresentation.Evaluate(InvTheory.Invariants.Equivariants.RepresentationText.Sum(result.Inputs), g);
            var rhoW = RealRepresentation.Evaluate(result.Output, g);
            var x = Enumerable.Range(0, result.Ring.VariableCount).Select(_ => sampler.NextGaussian()).ToArray();
            var gx = rhoU.Multiply(x);
            foreach (var f in result.Invariants)
            {
                double value = Evaluate(f.Map, x)[0];
                if (Math.Abs(Evaluate(f.Map, gx)[0] - value) > 1e-9 * (1 + Math.Abs(value)))
                {
                    return false;
                }
            }

            foreach (var f in result.Generators)
            {
                var left = Evaluate(f.Map, gx);
                var right = rhoW.Multiply(Evaluate(f.Map, x));
                double scale = 1 + left.Concat(right).Max(Math.Abs);
                if (left.Zip(right).Any(p => Math.Abs(p.First - p.Second) > 1e-9 * scale))
                {
                    return false;
                }
            }

            return true;
        });
    }

    /// <summary>Evaluates the components in double precision.</summary>
    internal static IReadOnlyList<double> Evaluate(PolynomialMap<Rational> map, IReadOnlyList<double> x) =>
        map.Components.Select(p => Evaluate(p, x)).ToArray();

    private static double Evaluate(Polynomial<Rational> p, IReadOnlyList<double> x)
    {
        double sum = 0;
        for (int t = 0; t < p.TermCount; t++)
        {
            double term = (double)p.Coefficients[t];
            var exponents = p.Monomials[t].Exponents;
            for (int i = 0; i < exponents.Length; i++)
            {
                term *= Math.Pow(x[i], exponents[i]);
            }

            sum += term;
        }

        return sum;
    }
}
