using System.Numerics;
using InvTheory.Polynomials;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Internal;

/// <summary>
/// The Molien series of a finite matrix group summed over conjugacy classes: over a field of characteristic 0, or over
/// GF(p) with p not dividing |G| through a Brauer lift.
/// </summary>
internal static class MolienSeriesComputation
{
    /// <summary>The largest degree of the common denominator of the class terms that the summation accepts.</summary>
    public const int MaxCommonDenominatorDegree = 20_000_000;

    /// <summary>
    /// Returns (1/|G|) sum over classes C of |C| w_C / det(I - t g_C), where w_C is 1 for the Molien series and
    /// conj(chi(g_C)) for the weighted series, over a field of characteristic 0.
    /// </summary>
    /// <remarks>
    /// Per class: one characteristic polynomial over Q of size d [K : Q] for the eigenvalue orders and one over K for
    /// det(I - t g); the sum is <see cref="Sum"/>.
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
        var terms = new ClassTerm<T>[classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            ct.ThrowIfCancellationRequested();
            var cls = classes[c];
            var weight = character is null ? field.One : field.Conjugate(character[c]);
            var charPoly = cls.Representative.CharacteristicPolynomial(ct);

            // det(I - t g) = sum q_i t^i with q_i = charPoly[d - i].
            var determinant = new T[d + 1];
            for (int i = 0; i <= d; i++)
            {
                determinant[i] = charPoly[d - i];
            }

            terms[c] = new ClassTerm<T>(cls.Size, weight, determinant, [.. EigenvalueOrderCounts(field, cls, group.Name, ct)]);
        }

        return Sum(field, group.Name, group.Order, d, terms, character is not null, progress, ct);
    }

    /// <summary>
    /// Returns the Molien series of a non-modular group over GF(p) as the Molien series of its Brauer lift: each class
    /// term is 1 / prod_e (1 - zeta_m^e t)^mult_e over Q(zeta_m), where mult_e is the multiplicity of the eigenvalue w^e
    /// of the class representative (see <see cref="BrauerLift"/>). With <paramref name="outputMatrices"/> (the matrices
    /// of a second representation W on the class representatives) the weight of a class is the complex conjugate of the
    /// Brauer character of W under the same w.
    /// </summary>
    /// <exception cref="ArgumentException">A matrix of W is not diagonalizable with eigenvalues of order dividing the order of its class.</exception>
    public static MolienSeries ComputeBrauerLift(
        MatrixGroup<ModInt> group,
        IReadOnlyList<Matrix<ModInt>>? outputMatrices,
        BrauerLift lift,
        IProgress<GroupProgress>? progress,
        CancellationToken ct)
    {
        int d = group.Dimension;
        var classes = group.ComputeConjugacyClasses(progress, ct);
        var cyclotomic = CyclotomicField.Get(lift.Exponent);
        var terms = new ClassTerm<CyclotomicNumber>[classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            ct.ThrowIfCancellationRequested();
            var cls = classes[c];
            var eigenvalues = lift.Eigenvalues(cls.Representative, cls.ElementOrder, ct)
                ?? throw new InternalErrorException(
                    $"Brauer lift of group '{group.Name}': the representative of class {c}, of order {cls.ElementOrder} prime to p, is not diagonalizable over GF(p^{lift.ExtensionDegree}).");

            var weight = cyclotomic.One;
            if (outputMatrices is not null)
            {
                var outputEigenvalues = lift.Eigenvalues(outputMatrices[c], cls.ElementOrder, ct)
                    ?? throw new ArgumentException(
                        $"The matrix of the second representation on class {c} of group '{group.Name}' does not satisfy g^{cls.ElementOrder} = 1, "
                        + "where the class has that element order, so the matrices do not form a representation of the group.",
                        nameof(outputMatrices));
                weight = BrauerLift.Character(cyclotomic, outputEigenvalues, -1);
            }

            // det(I - t g) = prod_e (1 - zeta^e t)^mult_e; the eigenvalue zeta^e has order m / gcd(e, m).
            CyclotomicNumber[] determinant = [cyclotomic.One];
            var orders = new SortedDictionary<int, int>();
            foreach (var (e, multiplicity) in eigenvalues)
            {
                var root = cyclotomic.RootOfUnity(e);
                for (int j = 0; j < multiplicity; j++)
                {
                    determinant = MultiplyByLinearFactor(determinant, root);
                }

                int order = lift.Exponent / (int)BigInteger.GreatestCommonDivisor(e, lift.Exponent);
                orders[order] = orders.GetValueOrDefault(order) + multiplicity;
            }

            terms[c] = new ClassTerm<CyclotomicNumber>(cls.Size, weight, determinant, [.. orders.Select(pair => (pair.Key, pair.Value))]);
        }

        return Sum(cyclotomic, group.Name, group.Order, d, terms, outputMatrices is not null, progress, ct);
    }

    // Returns q(t) (1 - root t).
    private static CyclotomicNumber[] MultiplyByLinearFactor(CyclotomicNumber[] q, CyclotomicNumber root)
    {
        var result = new CyclotomicNumber[q.Length + 1];
        for (int i = 0; i < q.Length; i++)
        {
            result[i] += q[i];
            result[i + 1] -= root * q[i];
        }

        return result;
    }

    /// <summary>
    /// Returns (1/|G|) sum over the class terms of |C| w_C / det(I - t g_C) in lowest terms and in standard form.
    /// The first term must belong to the class of the identity.
    /// </summary>
    /// <remarks>
    /// Algorithm [Mol97], [Sta79, Sec. 2] summed over conjugacy classes:
    ///   1. the eigenvalue order counts c_m(g) of each class give the common denominator D = prod Psi_m^e_m with
    ///      e_m = max over classes of c_m(g), which det(I - t g) = prod (1 - lambda_i t) divides because 1 - lambda t
    ///      divides Psi_m(t) when lambda is a primitive m-th root of unity;
    ///   2. for each class the exact quotient D / det(I - t g) is added with weight |C| w_C, over the field K;
    ///   3. the sum is a polynomial over K whose coefficients must be rational integers (the weights and the
    ///      quotients are algebraic integers, and the total is fixed by the Galois group);
    ///   4. cancel the cyclotomic factors of D against the numerator, then divide by |G|;
    ///   5. rewrite the denominator as a product of binomials (1 - t^k) (see <see cref="MolienSeries"/>).
    /// Costs O(deg(D) d) field operations per class.
    /// </remarks>
    private static MolienSeries Sum<T>(
        Field<T> field,
        string groupName,
        BigInteger order,
        int d,
        IReadOnlyList<ClassTerm<T>> terms,
        bool weighted,
        IProgress<GroupProgress>? progress,
        CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        // Phase 1: the common denominator D = prod Psi_m^e_m, where e_m is the largest number of eigenvalues of order m
        // of any element.
        var exponents = new SortedDictionary<int, int>();
        foreach (var term in terms)
        {
            foreach (var (m, count) in term.EigenvalueOrders)
            {
                exponents[m] = Math.Max(exponents.GetValueOrDefault(m), count);
            }
        }

        long denominatorDegree = exponents.Sum(pair => (long)pair.Value * NumberTheory.EulerPhi(pair.Key));
        if (denominatorDegree > MaxCommonDenominatorDegree)
        {
            throw new InvariantTheoryException(
                $"Molien series of group '{groupName}': the common denominator of the class terms has degree {denominatorDegree}, "
                + $"above the supported {MaxCommonDenominatorDegree}.");
        }

        BigInteger[] commonDenominator = [BigInteger.One];
        foreach (var (m, e) in exponents)
        {
            for (int j = 0; j < e; j++)
            {
                commonDenominator = IntegerPolynomial.Multiply(commonDenominator, IntegerPolynomial.NormalizedCyclotomic(m));
            }
        }

        var denominatorInField = commonDenominator.Select(field.FromInteger).ToArray();
        int length = commonDenominator.Length - d;

        // Phase 2: class contributions. Invariant: sum contains the contributions of the classes processed so far.
        var sum = new T[length];
        var quotient = new T[length];
        for (int c = 0; c < terms.Count; c++)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new GroupProgress(GroupComputationPhase.MolienSeries, c, terms.Count));
            var term = terms[c];
            var weight = field.FromInteger(term.Size) * term.Weight;
            if (weight.IsZero)
            {
                continue;
            }

            DivideExactly(denominatorInField, term.Determinant, d, quotient, groupName, c);
            for (int k = 0; k < length; k++)
            {
                if (!quotient[k].IsZero)
                {
                    sum[k] += weight * quotient[k];
                }
            }
        }

        progress?.Report(new GroupProgress(GroupComputationPhase.MolienSeries, terms.Count, terms.Count));

        // Phase 3: the sum has rational integer coefficients.
        var numerator = new BigInteger[length];
        for (int k = 0; k < length; k++)
        {
            if (!RationalCoordinates.TryGetRational(field, sum[k], out var value))
            {
                throw Failure(weighted, groupName, $"the sum of the class contributions has the coefficient {field.Format(sum[k])} at t^{k}, which is not rational.");
            }

            if (!value.IsInteger)
            {
                throw Failure(weighted, groupName, $"the sum of the class contributions has the non-integer coefficient {value} at t^{k}.");
            }

            numerator[k] = value.Numerator;
        }

        // Phase 4: lowest terms. multiplicity[m] is the power of Psi_m left in the denominator.
        var multiplicity = new Dictionary<int, int>();
        var reduced = IntegerPolynomial.Trim(numerator);
        foreach (var (m, exponent) in exponents.Reverse())
        {
            ct.ThrowIfCancellationRequested();
            int e = exponent;
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
                throw Failure(weighted, groupName, $"the numerator in lowest terms times |G| = {order} has the coefficient {reduced[k]} at t^{k}, which |G| does not divide.");
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

        BigInteger constantTerm = ExpectedConstantTerm(field, terms, order, weighted, groupName);
        var actualConstant = standardNumerator.Length == 0 ? BigInteger.Zero : standardNumerator[0];
        if (actualConstant != constantTerm)
        {
            throw Failure(weighted, groupName, $"the series has constant term {actualConstant}, expected {constantTerm}.");
        }

        CheckPoleAtOne(field, terms, order, weighted, d, degrees, standardNumerator, groupName);
        return new MolienSeries(order, d, weighted, constantTerm, reducedNumerator, reducedDenominator, standardNumerator, degrees);
    }

    /// <summary>Computes the exact quotient D(t) / det(I - t g) from the coefficients q_0 = 1, q_1, ..., q_d of det(I - t g).</summary>
    private static void DivideExactly<T>(T[] denominator, IReadOnlyList<T> q, int d, T[] quotient, string groupName, int classIndex)
        where T : struct, IFieldElement<T>
    {
        // q_0 = 1, so the power series division needs no inverse.
        int length = quotient.Length;

        // Invariant: quotient[0..k-1] are the coefficients of the power series D / q.
        for (int k = 0; k < denominator.Length; k++)
        {
            T value = denominator[k];
            for (int i = 1; i <= d && i <= k; i++)
            {
                if (k - i < length && !q[i].IsZero && !quotient[k - i].IsZero)
                {
                    value -= q[i] * quotient[k - i];
                }
            }

            if (k < length)
            {
                quotient[k] = value;
            }
            else if (!value.IsZero)
            {
                throw new InternalErrorException(
                    $"Molien series of group '{groupName}': det(I - t g) of class {classIndex} does not divide the common denominator.");
            }
        }
    }

    /// <summary>
    /// Returns, for each m, the number of eigenvalues of the class representative that are primitive m-th roots of unity.
    /// </summary>
    /// <remarks>
    /// The characteristic polynomial of the restriction of scalars to Q is the product of the Galois conjugates of the
    /// characteristic polynomial of g, so it is prod Phi_m^mult_m with k c_m = phi(m) mult_m, where k = [K : Q].
    /// Only m dividing the element order can occur.
    /// </remarks>
    private static IEnumerable<(int Order, int Count)> EigenvalueOrderCounts<T>(Field<T> field, ConjugacyClass<T> cls, string groupName, CancellationToken ct)
        where T : struct, IFieldElement<T>
    {
        var charPoly = RationalCoordinates.RestrictScalars(cls.Representative).CharacteristicPolynomial(ct);
        var remaining = new BigInteger[charPoly.Count];
        for (int i = 0; i < charPoly.Count; i++)
        {
            if (!charPoly[i].IsInteger)
            {
                throw new InternalErrorException(
                    $"Molien series of group '{groupName}': the characteristic polynomial of class {cls.Index} has the non-integer coefficient {charPoly[i]}.");
            }

            remaining[i] = charPoly[i].Numerator;
        }

        int k = field.DegreeOverPrimeField;
        var counts = new List<(int, int)>();
        foreach (int m in NumberTheory.Divisors(checked((int)cls.ElementOrder)))
        {
            int multiplicity = 0;
            var psi = IntegerPolynomial.NormalizedCyclotomic(m);
            while (IntegerPolynomial.TryDivideExact(remaining, psi) is { } quotient)
            {
                remaining = quotient;
                multiplicity++;
            }

            long roots = multiplicity * NumberTheory.EulerPhi(m);
            if (roots % k != 0)
            {
                throw new InternalErrorException(
                    $"Molien series of group '{groupName}': class {cls.Index} has {roots} eigenvalues of order {m} over Q, not a multiple of [K : Q] = {k}.");
            }

            if (multiplicity > 0)
            {
                counts.Add((m, (int)(roots / k)));
            }
        }

        if (IntegerPolynomial.Degree(remaining) != 0)
        {
            throw new InternalErrorException(
                $"Molien series of group '{groupName}': class {cls.Index} has eigenvalues whose order does not divide its element order {cls.ElementOrder}.");
        }

        return counts;
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

    // The constant term is (1/|G|) sum |C| w_C, the multiplicity of the trivial character in chi.
    private static BigInteger ExpectedConstantTerm<T>(Field<T> field, IReadOnlyList<ClassTerm<T>> terms, BigInteger order, bool weighted, string groupName)
        where T : struct, IFieldElement<T>
    {
        if (!weighted)
        {
            return BigInteger.One;
        }

        T total = default;
        foreach (var term in terms)
        {
            total += field.FromInteger(term.Size) * term.Weight;
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
        Field<T> field, IReadOnlyList<ClassTerm<T>> terms, BigInteger order, bool weighted, int d, int[] degrees, BigInteger[] numerator, string groupName)
        where T : struct, IFieldElement<T>
    {
        BigInteger chiOfIdentity = BigInteger.One;
        if (weighted)
        {
            if (!RationalCoordinates.TryGetRational(field, terms[0].Weight, out var value) || !value.IsInteger || value.Sign <= 0)
            {
                throw Failure(weighted, groupName, $"chi(identity) = {field.Format(terms[0].Weight)} is not a positive integer.");
            }

            chiOfIdentity = value.Numerator;
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

/// <summary>One class term |C| w_C / det(I - t g_C) of the Molien sum.</summary>
/// <param name="Size">The class size |C|.</param>
/// <param name="Weight">The weight w_C: 1, or conj(chi(g_C)) for a weighted series.</param>
/// <param name="Determinant">The coefficients of det(I - t g_C), lowest degree first, the first one 1.</param>
/// <param name="EigenvalueOrders">For each order m, the number of eigenvalues of g_C that are primitive m-th roots of unity.</param>
internal sealed record ClassTerm<T>(long Size, T Weight, IReadOnlyList<T> Determinant, IReadOnlyList<(int Order, int Count)> EigenvalueOrders)
    where T : struct, IFieldElement<T>;
