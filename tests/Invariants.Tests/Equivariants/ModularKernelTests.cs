using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Constructions;

namespace InvTheory.Invariants.Tests.Equivariants;

public sealed class ModularKernelTests
{
    [Theory]
    [InlineData("F4", 7)]
    [InlineData("Oh", 5)]
    [InlineData("Td", 4)]
    public void ModularBasisEqualsExactEliminationOverAnExtension(string name, int degree)
    {
        // Over Q the kernel is computed modulo primes and lifted; over Q(zeta_3) by exact elimination. The reduced echelon
        // basis of a rational system does not depend on the field, so both must give the same rational coefficients.
        var definition = GroupCatalogue.Get(name);
        var rational = EquivariantSpace<Rational>.Create(
            MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance), RepresentationExpression.Standard, RepresentationExpression.Standard);
        var field = CyclotomicField.Get(3);
        var generators = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance).Generators
            .Select(g => MatrixConstructions.MapEntries(g, field, field.FromRational)).ToArray();
        var cyclotomic = EquivariantSpace<CyclotomicNumber>.Create(
            new MatrixGroup<CyclotomicNumber>(field, generators, name), RepresentationExpression.Standard, RepresentationExpression.Standard);

        var a = rational.OfDegree(degree);
        var b = cyclotomic.OfDegree(degree);
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            for (int j = 0; j < a[i].OutputDimension; j++)
            {
                var p = a[i].Components[j];
                var q = b[i].Components[j];
                Assert.Equal(p.TermCount, q.TermCount);
                for (int t = 0; t < p.TermCount; t++)
                {
                    Assert.Equal(p.Monomials[t], q.Monomials[t]);
                    Assert.Equal(p.Coefficients[t], q.Coefficients[t].ToRational());
                }
            }
        }
    }
}
