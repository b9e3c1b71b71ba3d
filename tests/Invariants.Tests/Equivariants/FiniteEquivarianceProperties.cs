using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Tests.Equivariants;

public sealed class FiniteEquivarianceProperties
{
    private static readonly (string Group, string Input, string Output, int Degree)[] Cases =
    [
        ("Oh", "V", "V", 5),
        ("Oh", "V", "Sym2(V)", 2),
        ("S4", "V*V", "V", 1),
        ("F4", "V", "V", 5),
        ("Td", "V", "det", 3),
        ("S5", "V", "Lambda2(V)", 2),
    ];

    private static readonly Lazy<IReadOnlyList<(EquivariantSpace<Rational> Space, IReadOnlyList<PolynomialMap<Rational>> Basis)>> Spaces = new(() =>
        Cases.Select(c =>
        {
            var group = MatrixGroup<Rational>.FromDefinition(GroupCatalogue.Get(c.Group), RationalField.Instance);
            var space = EquivariantSpace<Rational>.Create(group, RepresentationExpression.Parse(c.Input), RepresentationExpression.Parse(c.Output));
            return (space, space.OfDegree(c.Degree));
        }).ToList());

    [Property(MaxTest = 60)]
    public Property EveryBasisElementCommutesWithRandomGroupElements()
    {
        // A random group element is a random word in the generators; the point has small rational coordinates.
        var generator =
            from index in Gen.Choose(0, Cases.Length - 1)
            from word in Gen.ListOf(Gen.Choose(0, 31)).Select(w => w.Take(12).ToArray())
            from numerators in Gen.ArrayOf(Gen.Choose(-9, 9))
            select (index, word, numerators);
        return Prop.ForAll(generator.ToArbitrary(), sample =>
        {
            var (space, basis) = Spaces.Value[sample.index];
            var field = RationalField.Instance;
            var g = Matrix.Identity(field, space.Input.Dimension);
            var w = Matrix.Identity(field, space.Output.Dimension);
            foreach (int letter in sample.word)
            {
                int k = letter % space.Constraints.Count;
                g *= space.Constraints[k].Input;
                w *= space.Constraints[k].Output;
            }

            var x = Enumerable.Range(0, space.Input.Dimension)
                .Select(i => Rational.Create(sample.numerators.Length == 0 ? i + 1 : sample.numerators[i % sample.numerators.Length], 1 + (i % 3)))
                .ToArray();
            var gx = g.Multiply(x);
            return basis.All(f => f.Evaluate(gx).SequenceEqual(w.Multiply(f.Evaluate(x))));
        });
    }
}
