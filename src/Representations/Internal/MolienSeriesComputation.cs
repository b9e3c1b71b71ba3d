using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>The Molien series of a finite matrix group over a field of characteristic 0, summed over conjugacy classes.</summary>
internal static class MolienSeriesComputation
{
    /// <summary>The largest degree E * d of the common denominator (1 - t^E)^d that the summation accepts.</summary>
    public const int MaxCommonDenominatorDegree = 20_000_000;

    /// <summary>
    /// Returns (1/|G|) sum over classes C of |C| w_C / det(I - t g_C), where w_C is 1 for the Molien series and
    /// conj(chi(g_C)) for the weighted series.
    /// </summary>
    /// <remarks>
    /// Algorithm [Mol97], [Sta79, Sec. 2] summed over conjugacy classes:
    ///   1. E = exponent of G; every det(I - t g) = prod (1 - lambda_i t) divides (1 - t^E)^d because each
    ///      eigenvalue lambda_i is an E-th root of unity;
    ///   2. for each class, one characteristic polynomial gives det(I - t g) = t^d charpoly(1/t), and the exact
    ///      quotient (1 - t^E)^d / det(I - t g) is added with weight |C| w_C, over the field K;
    ///   3. the sum is a polynomial over K whose coefficients must be rational integers (the weights and the
    ///      quotients are algebraic integers, and the total is fixed by the Galois group);
    ///   4. cancel cyclotomic factors Psi_m (m | E) of the denominator against the numerator, then divide by |G|;
    ///   5. rewrite the denominator as a product of binomials (1 - t^k) (see <see cref="MolienSeries"/>).
    /// Costs one characteristic polynomial and O(E d^2) field operations per class.
    /// </remarks>
    public static MolienSeries Compute<T>(
        MatrixGroup<T> group,
        IReadOnlyList<T>? character,
        IProgress<GroupProgress>? progress,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var field = group.Field;
        int d = group.Dimension;
        var classes = group.ComputeConjugacyClasses(progress, ct);
        var order = group.Order;
        bool weighted = character is not null;

        // Phase 1: the exponent and the common denominator (1 - t^E)^d.
        var exponentBig = group.Exponent;
        if (exponentBig * d > MaxCommonDenominatorDegree)
        {
            throw new InvariantTheoryException(
                $"Molien series of group '{group.Name}': the common denominator (1 - t^E)^d has degree E*d = {exponentBig}*{d}, "
                + $"above the supported {MaxCommonDenominatorDegree}; the group's exponent is too large for summation over classes.");
        }

        int exponent = (int)exponentBig;
        int length = exponent * d - d + 1;
        var binomials = new BigInteger[d + 1];
        binomials[0] = BigInteger.One;
        for (int i = 1; i <= d; i++)
        {
            binomials[i] = binomials[i - 1] * (d - i + 1) / i;
        }

        // Phase 2: class contributions. Invariant: sum contains the contributions of the classes processed so far.
        var sum = new T[length];
        var quotient = new T[length];
        for (int c = 0; c < classes.Count; c++)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new GroupProgress(GroupComputationPhase.MolienSeries, c, classes.Count));
            var cls = classes[c];
            var charPoly = cls.Representative.CharacteristicPolynomial(ct);
            var weight = field.FromInteger(cls.Size);
            if (weighted)
            {
                weight *= field.Conjugate(character![c]);
            }

            if (weight.IsZero)
            {
                continue;
            }

            DivideBinomialPower(field, charPoly, exponent, d, binomials, quotient, group.Name, c);
            for (int k = 0; k < length; k++)
            {
                if (!quotient[k].IsZero)
                {
                    sum[k] += weight * quotient[k];
                }
            }
        }

        progress?.Report(new GroupProgress(GroupComputationPhase.MolienSeries, classes.Count, classes.Count));

        // Phase 3: the sum has rational integer coefficients.
        var numerator = new BigInteger[length];
        for (int k = 0; k < length; k++)
        {
            if (!RationalCoordinates.TryGetRational(field, sum[k], out var value))
            {
                throw Failure(weighted, group.Name, $"the sum of the class contributions has the coefficient {field.Format(sum[k])} at t^{k}, which is not rational.");
            }

            if (!value.IsInteger)
            {
                throw Failure(weighted, group.Name, $"the sum of the class contributions has the non-integer coefficient {value} at t^{k}.");
            }

            numerator[k] = value.Numerator;
        }

        // Phase 4: lowest terms. multiplicity[m] is the power of Psi_m left in the denominator.
        var divisors = NumberTheory.Divisors(exponent);
        var multiplicity = new Dictionary<int, int>();
        var reduced = IntegerPolynomial.Trim(numerator);
        for (int i = divisors.Count - 1; i >= 0; i--)
        {
            ct.ThrowIfCancellationRequested();
            int m = divisors[i];
            int e = d;
            var psi = IntegerPolynomial.NormalizedCyclotomic(m);
            while (e > 0 && reduced.Length > 0 && IntegerPolynomial.TryDivideExact(reduced, psi) is { } q)
            {
                reduced = q;
                e--;
            }

            if (e > 0)
            {
                multiplicity[m] = e;
            }
        }

        if (reduced.Length == 0)
        {
            multiplicity.Clear();
        }

        var reducedNumerator = new BigInteger[reduced.Length];
        for (int k = 0; k < reduced.Length; k++)
        {
            var q = BigInteger.DivRem(reduced[k], order, out var remainder);
            if (!remainder.IsZero)
            {
                throw Failure(weighted, group.Name, $"the numerator in lowest terms times |G| = {order} has the coefficient {reduced[k]} at t^{k}, which |G| does not divide.");
            }

            reducedNumerator[k] = q;
        }

        BigInteger[] reducedDenominator = [BigInteger.One];
        foreach (var (m, e) in multiplicity.OrderBy(pair => pair.Key))
        {
            for (int j = 0; j < e; j++)
            {
                reducedDenominator = IntegerPolynomial.Multiply(reducedDenominator, IntegerPolynomial.NormalizedCyclotomic(m));
            }
        }

        // Phase 5: the standard form and the checks at t = 0 and t = 1.
        var degrees = ChooseDenominatorDegrees(multiplicity);
        var standardNumerator = reducedNumerator;
        foreach (var m in CoveredIndices(degrees))
        {
            int extra = CoverCount(degrees, m) - multiplicity.GetValueOrDefault(m);
            for (int j = 0; j < extra; j++)
            {
                standardNumerator = IntegerPolynomial.Multiply(standardNumerator, IntegerPolynomial.NormalizedCyclotomic(m));
            }
        }

        BigInteger constantTerm = ExpectedConstantTerm(field, classes, character, order, weighted, group.Name);
        var actualConstant = standardNumerator.Length == 0 ? BigInteger.Zero : standardNumerator[0];
        if (actualConstant != constantTerm)
        {
            throw Failure(weighted, group.Name, $"the series has constant term {actualConstant}, expected {constantTerm}.");
        }

        CheckPoleAtOne(field, classes, character, order, weighted, d, degrees, standardNumerator, group.Name);
        return new MolienSeries(order, d, weighted, constantTerm, reducedNumerator, reducedDenominator, standardNumerator, degrees);
    }

    /// <summary>Computes the exact quotient (1 - t^E)^d / det(I - t g) from the characteristic polynomial of g.</summary>
    private static void DivideBinomialPower<T>(
        Field<T> field, IReadOnlyList<T> charPoly, int exponent, int d, BigInteger[] binomials, T[] quotient, string groupName, int classIndex)
        where T : struct, IFieldElement<T>
    {
        // det(I - t g) = sum q_i t^i with q_i = charPoly[d - i], so q_0 = 1.
        var q = new T[d + 1];
        for (int i = 0; i <= d; i++)
        {
            q[i] = charPoly[d - i];
        }

        var numeratorTerms = new T[d + 1];
        for (int i = 0; i <= d; i++)
        {
            numeratorTerms[i] = field.FromInteger(i % 2 == 0 ? binomials[i] : -binomials[i]);
        }

        int length = quotient.Length;
        int total = exponent * d;

        // Invariant: quotient[0..k-1] are the coefficients of the power series A / q, A = (1 - t^E)^d.
        for (int k = 0; k <= total; k++)
        {
            T value = k % exponent == 0 ? numeratorTerms[k / exponent] : default;
            for (int i = 1; i <= d && i <= k; i++)
            {
                if (k - i < length && !q[i].IsZero)
                {
                    var previous = quotient[k - i];
                    if (!previous.IsZero)
                    {
                        value -= q[i] * previous;
                    }
                }
            }

            if (k < length)
            {
                quotient[k] = value;
            }
            else if (!value.IsZero)
            {
                throw new InternalErrorException(
                    $"Molien series of group '{groupName}': det(I - t g) of class {classIndex} does not divide (1 - t^{exponent})^{d}.");
            }
        }
    }

    /// <summary>
    /// Chooses the degrees k_i of prod (1 - t^k_i) that the reduced denominator prod Psi_m^e_m divides: as many
    /// factors as the largest e_m, and for each m (largest first) at least e_m factors with m | k_i.
    /// </summary>
    internal static int[] ChooseDenominatorDegrees(IReadOnlyDictionary<int, int> multiplicity)
    {
        int slots = multiplicity.Count == 0 ? 0 : multiplicity.Values.Max();
        var degrees = new List<int>();
        foreach (var (m, e) in multiplicity.OrderByDescending(pair => pair.Key))
        {
            int need = e - CoverCount(degrees, m);

            // Open new factors t^m while there is room.
            while (need > 0 && degrees.Count < slots)
            {
                degrees.Add(m);
                need--;
            }

            // Otherwise enlarge the factors whose degree grows least when made divisible by m.
            while (need > 0)
            {
                int best = -1;
                long bestGrowth = long.MaxValue;
                for (int i = 0; i < degrees.Count; i++)
                {
                    if (degrees[i] % m == 0)
                    {
                        continue;
                    }

                    long growth = (long)(NumberTheory.Lcm(degrees[i], m) - degrees[i]);
                    if (growth < bestGrowth)
                    {
                        best = i;
                        bestGrowth = growth;
                    }
                }

                degrees[best] = (int)NumberTheory.Lcm(degrees[best], m);
                need--;
            }
        }

        degrees.Sort();
        return [.. degrees];
    }

    private static int CoverCount(IEnumerable<int> degrees, int m) => degrees.Count(k => k % m == 0);

    private static SortedSet<int> CoveredIndices(IEnumerable<int> degrees)
    {
        var indices = new SortedSet<int>();
        foreach (int k in degrees)
        {
            foreach (int m in NumberTheory.Divisors(k))
            {
                indices.Add(m);
            }
        }

        return indices;
    }

    // The constant term is (1/|G|) sum |C| conj(chi(C)), the multiplicity of the trivial character in chi.
    private static BigInteger ExpectedConstantTerm<T>(
        Field<T> field, IReadOnlyList<ConjugacyClass<T>> classes, IReadOnlyList<T>? character, BigInteger order, bool weighted, string groupName)
        where T : struct, IFieldElement<T>
    {
        if (!weighted)
        {
            return BigInteger.One;
        }

        T total = default;
        for (int c = 0; c < classes.Count; c++)
        {
            total += field.FromInteger(classes[c].Size) * field.Conjugate(character![c]);
        }

        if (!RationalCoordinates.TryGetRational(field, total, out var value) || !value.IsInteger
            || BigInteger.Remainder(value.Numerator, order) != 0 || value.Sign < 0)
        {
            throw Failure(weighted, groupName, $"the multiplicity of the trivial character, (1/|G|) sum |C| conj(chi(C)), is not a non-negative integer.");
        }

        return value.Numerator / order;
    }

    // lim (1 - t)^d H(t) at t = 1 is conj(chi(1))/|G|, because only the identity has the eigenvalue 1 with multiplicity d.
    private static void CheckPoleAtOne<T>(
        Field<T> field, IReadOnlyList<ConjugacyClass<T>> classes, IReadOnlyList<T>? character, BigInteger order, bool weighted, int d,
        int[] degrees, BigInteger[] numerator, string groupName)
        where T : struct, IFieldElement<T>
    {
        BigInteger chiOfIdentity = d;
        if (weighted)
        {
            if (!RationalCoordinates.TryGetRational(field, character![classes[0].Index], out var value) || !value.IsInteger || value.Sign <= 0)
            {
                throw Failure(weighted, groupName, $"chi(identity) = {field.Format(character![0])} is not a positive integer.");
            }

            chiOfIdentity = value.Numerator;
        }
        else
        {
            chiOfIdentity = BigInteger.One;
        }

        if (degrees.Length != d)
        {
            throw Failure(weighted, groupName, $"the series has a pole of order {degrees.Length} at t = 1, expected the dimension {d}.");
        }

        BigInteger product = BigInteger.One;
        foreach (int k in degrees)
        {
            product *= k;
        }

        var valueAtOne = IntegerPolynomial.ValueAtOne(numerator);
        if (valueAtOne * order != chiOfIdentity * product)
        {
            throw Failure(weighted, groupName,
                $"(1 - t)^d H(t) at t = 1 is {valueAtOne}/{product}, but it must be chi(1)/|G| = {chiOfIdentity}/{order}.");
        }
    }

    private static InvariantTheoryException Failure(bool weighted, string groupName, string detail) => weighted
        ? new InvariantTheoryException(
            $"Character-weighted Molien series of group '{groupName}': {detail} A character of the group gives non-negative integers here, "
            + "so the class function given is not a character (if it is one, this points to a bug in InvTheory).")
        : new InternalErrorException($"Molien series of group '{groupName}': {detail}");
}
