using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Runtime.Evaluation;

/// <summary>
/// Conversions from exact polynomials to <see cref="Float64Basis"/>. These methods are the only place where the runtime
/// turns exact coefficients into doubles: each coefficient becomes the nearest double (Rational) or the double value of
/// its real embedding (CyclotomicNumber), so every coefficient carries a relative rounding error of about 1e-16.
/// </summary>
public static class PolynomialBasis
{
    /// <summary>Returns the scalar basis whose elements are the given polynomials, with rounded coefficients.</summary>
    /// <exception cref="ArgumentException">The list is empty or the polynomials lie in different rings.</exception>
    public static Float64Basis ToFloat64Basis(IReadOnlyList<Polynomial<Rational>> invariants) =>
        Convert(Wrap(invariants), c => c.ToDouble());

    /// <summary>Returns the basis of vector-valued elements: element j has the components <c>equivariants[j]</c>.</summary>
    /// <exception cref="ArgumentException">The list is empty, an element has no components, or the polynomials lie in different rings.</exception>
    public static Float64Basis ToFloat64Basis(IReadOnlyList<IReadOnlyList<Polynomial<Rational>>> equivariants) =>
        Convert(equivariants, c => c.ToDouble());

    /// <summary>
    /// Returns the scalar basis of polynomials with real cyclotomic coefficients, each coefficient rounded to the double
    /// value of its embedding with z = exp(2 pi i / n).
    /// </summary>
    /// <exception cref="ArgumentException">A coefficient is not real, the list is empty, or the polynomials lie in different rings.</exception>
    public static Float64Basis ToFloat64Basis(IReadOnlyList<Polynomial<CyclotomicNumber>> invariants) =>
        Convert(Wrap(invariants), CyclotomicToDouble);

    /// <summary>Returns the basis of vector-valued elements with real cyclotomic coefficients.</summary>
    /// <exception cref="ArgumentException">A coefficient is not real, the list is empty, or the polynomials lie in different rings.</exception>
    public static Float64Basis ToFloat64Basis(IReadOnlyList<IReadOnlyList<Polynomial<CyclotomicNumber>>> equivariants) =>
        Convert(equivariants, CyclotomicToDouble);

    private static double CyclotomicToDouble(CyclotomicNumber c)
    {
        if (c.IsRational)
        {
            return c.ToRational().ToDouble();
        }

        if (!c.IsReal)
        {
            throw new ArgumentException(
                $"ToFloat64Basis: the coefficient {c} in {c.Field?.Name} is not real, so it has no double value. "
                + "Convert a basis with real coefficients, for example by taking real and imaginary parts of the polynomials.");
        }

        return c.ToComplex().Real;
    }

    private static IReadOnlyList<IReadOnlyList<Polynomial<T>>> Wrap<T>(IReadOnlyList<Polynomial<T>> scalars)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(scalars);
        var wrapped = new IReadOnlyList<Polynomial<T>>[scalars.Count];
        for (int i = 0; i < wrapped.Length; i++)
        {
            wrapped[i] = [scalars[i]];
        }

        return wrapped;
    }

    private static Float64Basis Convert<T>(IReadOnlyList<IReadOnlyList<Polynomial<T>>> elements, Func<T, double> toDouble)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0 || elements[0].Count == 0)
        {
            throw new ArgumentException("ToFloat64Basis: the basis is empty or its first element has no components. Pass at least one polynomial.", nameof(elements));
        }

        var ring = elements[0][0].Ring;
        var converted = new List<Float64BasisElement>(elements.Count);
        for (int j = 0; j < elements.Count; j++)
        {
            var element = elements[j];
            if (element.Count == 0)
            {
                throw new ArgumentException($"ToFloat64Basis: element {j} has no components.", nameof(elements));
            }

            var components = new List<List<Float64Term>>(element.Count);
            foreach (var polynomial in element)
            {
                if (!polynomial.Ring.Equals(ring))
                {
                    throw new ArgumentException(
                        $"ToFloat64Basis: element {j} lies in {polynomial.Ring} but the first element lies in {ring}. Map all polynomials to one ring first.",
                        nameof(elements));
                }

                var terms = new List<Float64Term>(polynomial.TermCount);
                for (int t = 0; t < polynomial.TermCount; t++)
                {
                    var exponents = polynomial.Monomials[t].Exponents;
                    var e = new int[exponents.Length];
                    for (int v = 0; v < e.Length; v++)
                    {
                        e[v] = exponents[v];
                    }

                    terms.Add(new Float64Term(toDouble(polynomial.Coefficients[t]), e));
                }

                components.Add(terms);
            }

            string name = element.Count == 1 ? element[0].ToString() : "(" + string.Join(", ", element) + ")";
            converted.Add(new Float64BasisElement(components, name));
        }

        return new Float64Basis(ring.VariableCount, converted, ring.Variables);
    }
}
