using System.Numerics;
using System.Text.Json.Nodes;
using InvTheory.Polynomials;
using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Invariants.Certificates;

/// <summary>
/// Verifies <c>ring</c> result documents (see <see cref="RingDocuments"/>) from the document alone: the group is read
/// from the embedded definition and every claim is recomputed exactly. The stored certificate is ignored.
/// </summary>
/// <remarks>
/// <para>
/// Checks, in order: (1) the group order; (2) the Molien series, recomputed from the generators; (3) the polynomial
/// ring; (4) every polynomial is homogeneous of its stated degree and f(g x) = f(x) for every generator g;
/// (5) the primary invariants are n homogeneous polynomials whose ideal in K[x] is zero-dimensional (exact Groebner
/// basis), so they are algebraically independent and K[x] is finite over them; (6) there are prod d_i / |G| secondary
/// invariants, their degree counts equal the coefficients of Molien(t) * prod (1 - t^d_i), and the one of degree 0 is
/// a nonzero constant;
/// (7) the secondary invariants of each degree are linearly independent modulo the primaries' ideal (normal forms,
/// rank); (8) the irreducible secondaries are among the secondaries; (9) in every degree up to the largest degree D of
/// a primary or secondary invariant, the products of the fundamental invariants span all invariants of the degree;
/// (10) no fundamental invariant is redundant; (11) when present (relations are optional), each relation vanishes on the
/// fundamental invariants; (12) when present, the relations generate the whole relation ideal in every weighted degree up
/// to the bound the document states (weights deg y_i = deg f_i): dim K[y]_w / (relations)_w equals the dimension of the
/// invariants of degree w.
/// </para>
/// <para>
/// Over GF(p) the Molien series is that of a Brauer lift, and check (2) also compares its coefficients in low degrees
/// with the null spaces of the stacked matrices g - I. A document over GF(p) without a Molien series (written where
/// the lift exceeds its limits) states the dimensions of the invariants of low degree instead. Check (2) then compares
/// them with those null spaces, and checks (6) and (9) use those dimensions.
/// </para>
/// <para>
/// (4)-(7) prove the Hironaka decomposition in the non-modular case: the invariant ring is a free module over the
/// primaries' algebra of rank prod d_i / |G|, and (6) checks that there are that many secondaries, which are
/// independent modulo the primaries by (7), so they are a basis (graded Nakayama lemma). Their Hilbert series
/// sum_s t^deg(s) / prod (1 - t^d_i) then equals the Molien series, which (6) checks as well. With it, (9) shows that the fundamental invariants generate the ring, because the
/// primaries and secondaries generate it and have degree at most D. The relations are checked to lie in the relation
/// ideal J, and (12) shows that they span J in every weighted degree up to the stated bound, because K[y]/J is isomorphic to
/// the invariant ring; beyond the bound generation is not checked.
/// </para>
/// <para>The checks use polynomial arithmetic, Groebner bases and exact linear algebra only, none of the search code.</para>
/// </remarks>
public sealed class RingCertificateVerifier : ICertificateVerifier
{
    /// <inheritdoc />
    public string Kind => RingDocuments.Kind;

    /// <inheritdoc />
    public int MaxVersion => 1;

    /// <inheritdoc />
    public IReadOnlyList<CertificateCheck> Verify(JsonObject document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var groupNode = CertificateJson.ReadObject(document, "group");
        GroupDefinition definition;
        try
        {
            definition = GroupFile.Parse(groupNode.ToJsonString(), "the embedded group");
        }
        catch (GroupFileException ex)
        {
            throw new CertificateFormatException($"Field 'group' is not a valid group definition: {ex.Message}", ex);
        }

        return definition.Field.Accept(new Dispatch(document, definition, ct));
    }

    private sealed class Dispatch(JsonObject document, GroupDefinition definition, CancellationToken ct)
        : IFieldVisitor<IReadOnlyList<CertificateCheck>>
    {
        public IReadOnlyList<CertificateCheck> Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T> =>
            new RingCertificateChecker<T>(document, MatrixGroup<T>.FromDefinition(definition, field), ct).Run();
    }
}

/// <summary>The checks of one <c>ring</c> document over the field of its group.</summary>
internal sealed class RingCertificateChecker<T>
    where T : struct, IFieldElement<T>
{
    private readonly JsonObject _document;
    private readonly MatrixGroup<T> _group;
    private readonly CancellationToken _ct;
    private readonly List<CertificateCheck> _checks = [];
    private readonly List<int> _fundamentalFailures = [];
    private PolynomialRing<T> _ring = null!;
    private MolienSeries? _molien;
    private readonly Dictionary<int, int> _fixedSpaceDimensions = [];
    private BigInteger _order;
    private List<(int Degree, Polynomial<T> Polynomial)> _primary = [];
    private List<(int Degree, Polynomial<T> Polynomial)> _secondary = [];
    private List<(int Degree, Polynomial<T> Polynomial)> _irreducible = [];
    private List<(int Degree, Polynomial<T> Polynomial)> _fundamental = [];

    public RingCertificateChecker(JsonObject document, MatrixGroup<T> group, CancellationToken ct)
    {
        _document = document;
        _group = group;
        _ct = ct;
    }

    public IReadOnlyList<CertificateCheck> Run()
    {
        // Phase 1: the group and its Molien series.
        var order = _group.Enumerate(null, null, _ct);
        var stated = CertificateJson.ReadInteger(_document, "order");
        Add("group order", order == stated, $"stated {stated}, enumerated {order}");
        _order = order;
        var characteristic = _group.Field.Characteristic;
        if (!characteristic.IsZero && (order % characteristic).IsZero)
        {
            Add("non-modular", false, $"the characteristic {characteristic} divides |G| = {order}");
            return _checks;
        }

        // Phase 2: the ring; the Molien series, or over GF(p) the dimensions by linear algebra.
        if (!ReadRing())
        {
            return _checks;
        }

        // Over GF(p) a document may carry the dimensions instead of the series: it was written where the Brauer lift
        // exceeded its limits, or before the lift existed.
        if (_group.IsMolienSeriesSupported && (characteristic.IsZero || _document.ContainsKey("molien")))
        {
            _molien = _group.MolienSeries(null, _ct);
            CheckMolien(_molien);
            if (!characteristic.IsZero)
            {
                CheckMolienAgainstLinearAlgebra(_molien);
            }
        }
        else
        {
            CheckHilbertFunction();
        }

        _primary = ReadPolynomials("primary");
        _secondary = ReadPolynomials("secondary");
        _irreducible = ReadPolynomials("irreducible_secondary");
        _fundamental = ReadPolynomials("fundamental");
        CheckInvariance();

        // Phase 3: Hironaka decomposition.
        var primaryIdeal = CheckPrimaries();
        CheckSecondaryDegrees();
        CheckSecondaryIndependence(primaryIdeal);
        CheckIrreducible();

        // Phase 4: fundamental invariants and relations.
        CheckFundamentals();
        CheckRelations();
        return _checks;
    }

    private void Add(string name, bool passed, string detail) => _checks.Add(new CertificateCheck(name, passed, detail));

    private void CheckMolien(MolienSeries series)
    {
        var molien = CertificateJson.ReadObject(_document, "molien");
        var stated = new[] { "numerator", "denominator", "denominator_degrees", "reduced_numerator", "reduced_denominator", "series" }
            .ToDictionary(name => name, name => CertificateJson.ReadIntegerArray(molien, name));
        int seriesLength = stated["series"].Count;
        var recomputed = new Dictionary<string, IReadOnlyList<BigInteger>>
        {
            ["numerator"] = series.Numerator,
            ["denominator"] = series.Denominator,
            ["denominator_degrees"] = [.. series.DenominatorDegrees.Select(k => (BigInteger)k)],
            ["reduced_numerator"] = series.ReducedNumerator,
            ["reduced_denominator"] = series.ReducedDenominator,
            ["series"] = series.Coefficients(Math.Max(seriesLength - 1, 0)).Take(seriesLength).ToList(),
        };
        var differing = stated.Keys.Where(name => !stated[name].SequenceEqual(recomputed[name])).ToList();
        Add(
            "Molien series",
            differing.Count == 0,
            differing.Count == 0
                ? $"{series} recomputed from the generators; the numerators, denominators and {seriesLength} series coefficients agree"
                : string.Join("; ", differing.Select(name =>
                    $"stated {name} [{string.Join(", ", stated[name])}], recomputed [{string.Join(", ", recomputed[name])}]")));
    }

    /// <summary>
    /// Compares the coefficients of a Molien series over GF(p), which comes from a Brauer lift, with the dimensions of the
    /// common fixed spaces of the generators in the degrees with at most <see cref="MaxMonomialsForCrossCheck"/> monomials,
    /// up to the largest stated primary or secondary degree.
    /// </summary>
    private void CheckMolienAgainstLinearAlgebra(MolienSeries series)
    {
        int top = Math.Max(ReadDegrees("primary").Concat(ReadDegrees("secondary")).DefaultIfEmpty(0).Max(), 1);
        var compared = new List<int>();
        var differing = new List<string>();
        for (int d = 0; d <= top && MonomialCount(_group.Dimension, d) <= MaxMonomialsForCrossCheck; d++)
        {
            int byLinearAlgebra = FixedSpaceDimension(d);
            var coefficient = series.Coefficient(d);
            compared.Add(d);
            if (coefficient != byLinearAlgebra)
            {
                differing.Add($"degree {d}: Molien {coefficient}, linear algebra {byLinearAlgebra}");
            }
        }

        Add(
            "Molien series against linear algebra",
            differing.Count == 0,
            differing.Count == 0
                ? $"over {_group.Field.Name} the coefficients of degrees 0..{compared.Count - 1} of the Molien series of the Brauer lift equal the "
                    + "dimensions of the null spaces of the stacked g - I"
                : string.Join("; ", differing));
    }

    private const int MaxMonomialsForCrossCheck = 400;

    private static BigInteger MonomialCount(int variables, int degree)
    {
        // binomial(variables + degree - 1, degree)
        BigInteger count = BigInteger.One;
        for (int i = 1; i <= degree; i++)
        {
            count = count * (variables + i - 1) / i;
        }

        return count;
    }

    // Returns the stated degrees of a polynomial list; malformed entries count as 0 and are reported by the later checks.
    private List<int> ReadDegrees(string name)
    {
        var degrees = new List<int>();
        if (_document[name] is not JsonArray array)
        {
            return degrees;
        }

        foreach (var node in array)
        {
            int degree = 0;
            if (node is JsonObject entry && entry["degree"] is JsonValue value)
            {
                value.TryGetValue(out degree);
            }

            degrees.Add(degree);
        }

        return degrees;
    }

    private void CheckHilbertFunction()
    {
        var stated = CertificateJson.ReadIntegerArray(_document, "hilbert_function");
        var recomputed = Enumerable.Range(0, stated.Count).Select(d => (BigInteger)Dimension(d)).ToList();
        bool passed = stated.SequenceEqual(recomputed);
        Add(
            "dimensions of the invariants",
            passed,
            passed
                ? $"over {_group.Field.Name} the dimensions [{string.Join(", ", recomputed)}] of degrees 0..{stated.Count - 1} agree with the "
                    + "null spaces of the stacked g - I (the document states no Molien series)"
                : $"stated [{string.Join(", ", stated)}], recomputed by linear algebra [{string.Join(", ", recomputed)}]");
    }

    /// <summary>
    /// Returns the dimension of the invariants of degree d: the Molien coefficient in characteristic 0, otherwise the
    /// dimension of the common fixed space, n_d minus the rank of the stacked matrices of g - I on the monomials.
    /// </summary>
    private int Dimension(int d)
    {
        if (_molien is not null)
        {
            return (int)_molien.Coefficient(d);
        }

        return FixedSpaceDimension(d);
    }

    /// <summary>Returns the dimension of the common fixed space of the generators on the polynomials of degree d.</summary>
    private int FixedSpaceDimension(int d)
    {
        if (_fixedSpaceDimensions.TryGetValue(d, out int cached))
        {
            return cached;
        }

        _ct.ThrowIfCancellationRequested();
        var monomials = _ring.MonomialsOfDegree(d).ToList();
        var column = monomials.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        var rows = new List<T[]>();
        foreach (var g in _group.Generators)
        {
            var block = Enumerable.Range(0, monomials.Count).Select(_ => new T[monomials.Count]).ToArray();
            var rowsOfG = g.ToRows();
            for (int j = 0; j < monomials.Count; j++)
            {
                var m = _ring.Term(_ring.Field.One, monomials[j]);
                var moved = m.LinearChange(rowsOfG) - m;
                for (int t = 0; t < moved.TermCount; t++)
                {
                    block[column[moved.Monomials[t]]][j] += moved.Coefficients[t];
                }
            }

            rows.AddRange(block);
        }

        int dimension = monomials.Count - (rows.Count == 0 ? 0 : Matrix.Create(_ring.Field, [.. rows.Select(r => (IReadOnlyList<T>)r)]).Rank(_ct));
        _fixedSpaceDimensions[d] = dimension;
        return dimension;
    }

    private bool ReadRing()
    {
        var ringNode = CertificateJson.ReadObject(_document, "polynomial_ring");
        var variables = CertificateJson.ReadArray(ringNode, "variables")
            .Select((v, i) => v is JsonValue value && value.TryGetValue(out string? s) ? s : throw new CertificateFormatException($"Entry {i + 1} of 'polynomial_ring.variables' must be a string."))
            .ToList();
        string orderName = CertificateJson.ReadString(ringNode, "order");
        string fieldName = CertificateJson.ReadString(ringNode, "field");
        MonomialOrder order;
        try
        {
            order = MonomialOrder.Parse(orderName);
        }
        catch (FormatException ex)
        {
            throw new CertificateFormatException($"Field 'polynomial_ring.order': {ex.Message}", ex);
        }

        bool passed = variables.Count == _group.Dimension && fieldName == _group.Field.Name && order.IsGraded;
        Add(
            "polynomial ring",
            passed,
            $"{fieldName}[{string.Join(", ", variables)}] with {orderName}; the group acts on {_group.Field.Name}^{_group.Dimension}");
        if (!passed)
        {
            return false;
        }

        try
        {
            _ring = new PolynomialRing<T>(_group.Field, variables, order);
        }
        catch (ArgumentException ex)
        {
            throw new CertificateFormatException($"Field 'polynomial_ring.variables': {ex.Message}", ex);
        }

        return true;
    }

    private List<(int Degree, Polynomial<T> Polynomial)> ReadPolynomials(string name)
    {
        var result = new List<(int, Polynomial<T>)>();
        var array = CertificateJson.ReadArray(_document, name);
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject entry)
            {
                throw new CertificateFormatException($"Entry {i + 1} of '{name}' must be an object with 'degree' and 'polynomial'.");
            }

            int degree = (int)CertificateJson.ReadInteger(entry, "degree");
            string text = CertificateJson.ReadString(entry, "polynomial");
            try
            {
                result.Add((degree, _ring.Parse(text)));
            }
            catch (FormatException ex)
            {
                throw new CertificateFormatException($"Entry {i + 1} of '{name}' is not a polynomial of {_ring}: {ex.Message}", ex);
            }
        }

        return result;
    }

    private void CheckInvariance()
    {
        var generators = _group.Generators.Select(g => g.ToRows()).ToList();
        var failures = new List<string>();
        int count = 0;
        foreach (var (name, list) in new[] { ("primary", _primary), ("secondary", _secondary), ("irreducible_secondary", _irreducible), ("fundamental", _fundamental) })
        {
            for (int i = 0; i < list.Count; i++)
            {
                _ct.ThrowIfCancellationRequested();
                var (degree, f) = list[i];
                count++;
                if (f.IsZero || !f.IsHomogeneous || f.TotalDegree != degree)
                {
                    failures.Add($"{name} {i + 1} is not a nonzero homogeneous polynomial of degree {degree}");
                    continue;
                }

                for (int k = 0; k < generators.Count; k++)
                {
                    if (f.LinearChange(generators[k]) != f)
                    {
                        failures.Add($"{name} {i + 1} is not fixed by generator {k + 1}");
                        break;
                    }
                }
            }
        }

        // The generation and minimality checks compare dimensions of spans of products, which is valid only when the
        // factors are invariant. So both checks fail when a fundamental invariant fails here.
        for (int i = 0; i < _fundamental.Count; i++)
        {
            if (failures.Exists(f => f.StartsWith($"fundamental {i + 1} ", StringComparison.Ordinal)))
            {
                _fundamentalFailures.Add(i + 1);
            }
        }

        Add(
            "invariance",
            failures.Count == 0,
            failures.Count == 0
                ? $"all {count} polynomials are homogeneous of their stated degree and satisfy f(g x) = f(x) for {(generators.Count == 1 ? "the generator" : $"the {generators.Count} generators")}"
                : string.Join("; ", failures.Take(5)) + (failures.Count > 5 ? $"; and {failures.Count - 5} more" : string.Empty));
    }

    private GroebnerBasis<T>? CheckPrimaries()
    {
        int n = _ring.VariableCount;
        if (_primary.Count != n)
        {
            Add("primary invariants form an hsop", false, $"{_primary.Count} primary invariants for {n} variables; an hsop has exactly {n}");
            return null;
        }

        var basis = Groebner.Compute(_ring, _primary.Select(p => p.Polynomial), null, null, _ct);
        bool zeroDimensional = _primary.All(p => p.Degree > 0) && basis.IsZeroDimensional;
        Add(
            "primary invariants form an hsop",
            zeroDimensional,
            zeroDimensional
                ? $"the ideal of the {n} primary invariants (degrees {string.Join(", ", _primary.Select(p => p.Degree))}) is zero-dimensional: "
                    + $"its Groebner basis has {basis.Elements.Count} elements and K[x]/I has dimension {basis.VectorSpaceDimension}"
                : $"the ideal of the primary invariants has Krull dimension {basis.KrullDimension}, not 0, so they are not an hsop");
        return basis;
    }

    private void CheckSecondaryDegrees()
    {
        // The invariant ring is a free module over the primaries' algebra of rank prod d_i / |G| (non-modular case), and
        // the numerator H(t) * prod (1 - t^d_i) gives the degrees of a basis; its degree is at most sum d_i - n.
        var degrees = _primary.Select(p => p.Degree).ToList();
        var product = degrees.Aggregate(BigInteger.One, (p, d) => p * d);
        var rank = BigInteger.DivRem(product, _order, out var remainder);
        BigInteger[]? counts;
        if (_molien is not null)
        {
            counts = RingDocuments.SecondaryDegreeCounts(_molien, degrees);
        }
        else
        {
            int top = Math.Max(degrees.Sum() - degrees.Count, 0);
            counts = new BigInteger[top + 1];
            for (int k = 0; k <= top; k++)
            {
                counts[k] = Dimension(k);
            }

            foreach (int d in degrees.Where(d => d > 0))
            {
                for (int k = top; k >= d; k--)
                {
                    counts[k] -= counts[k - d];
                }
            }

            counts = Computation.SeriesArithmetic.Trim(counts);
        }

        var actual = new BigInteger[Math.Max(counts?.Length ?? 0, _secondary.Count == 0 ? 0 : _secondary.Max(s => s.Degree) + 1)];
        foreach (var (degree, _) in _secondary)
        {
            if (degree >= 0 && degree < actual.Length)
            {
                actual[degree]++;
            }
        }

        bool oneFirst = _secondary.Count > 0 && _secondary[0].Degree == 0 && _secondary[0].Polynomial.IsConstant && !_secondary[0].Polynomial.IsZero;
        bool rankMatches = remainder.IsZero && rank == _secondary.Count;
        bool passed = counts is not null && counts.Length == actual.Length && counts.SequenceEqual(actual) && oneFirst && rankMatches
            && _secondary.All(s => s.Degree >= 0);
        string expected = counts is null ? "not a polynomial" : SeriesArithmeticText(counts);
        string series = _molien is not null ? "Molien(t)" : "H(t)";
        Add(
            "secondary degrees",
            passed,
            passed
                ? $"{_secondary.Count} = prod d_i / |G| = {product}/{_order} secondary invariants with degree counts {expected} = {series} * prod (1 - t^d_i)"
                : $"{series} * prod (1 - t^d_i) = {expected} and prod d_i / |G| = {product}/{_order}, but the secondary invariants have degree counts "
                    + SeriesArithmeticText(actual)
                    + DescribeCountDifferences(counts, actual)
                    + (oneFirst ? string.Empty : "; the first secondary invariant must be a nonzero constant"));
    }

    /// <summary>Lists the degrees where the stated secondaries differ from the expected counts, for example "degree 3: expected 1, found 0".</summary>
    private static string DescribeCountDifferences(BigInteger[]? expected, BigInteger[] actual)
    {
        if (expected is null)
        {
            return string.Empty;
        }

        var differences = new List<string>();
        for (int d = 0; d < Math.Max(expected.Length, actual.Length); d++)
        {
            var want = d < expected.Length ? expected[d] : BigInteger.Zero;
            var have = d < actual.Length ? actual[d] : BigInteger.Zero;
            if (want != have)
            {
                differences.Add($"degree {d}: expected {want}, found {have}");
            }
        }

        return differences.Count == 0 ? string.Empty : " (" + string.Join("; ", differences) + ")";
    }

    private static string SeriesArithmeticText(IReadOnlyList<BigInteger> coefficients) =>
        Computation.SeriesArithmetic.Format(coefficients);

    private void CheckSecondaryIndependence(GroebnerBasis<T>? primaryIdeal)
    {
        if (primaryIdeal is null)
        {
            Add("secondary invariants independent modulo the primaries", false, "not checked: the primary invariants are not an hsop");
            return;
        }

        var failures = new List<string>();
        foreach (var group in _secondary.GroupBy(s => s.Degree).OrderBy(g => g.Key))
        {
            _ct.ThrowIfCancellationRequested();
            int rank = Rank(group.Select(s => primaryIdeal.Reduce(s.Polynomial)));
            if (rank != group.Count())
            {
                failures.Add($"degree {group.Key}: {group.Count()} secondary invariants, but their normal forms have rank {rank}");
            }
        }

        Add(
            "secondary invariants independent modulo the primaries",
            failures.Count == 0,
            failures.Count == 0
                ? "in each degree the normal forms modulo the Groebner basis of the primaries' ideal are linearly independent"
                : string.Join("; ", failures));
    }

    private void CheckIrreducible()
    {
        var missing = _irreducible.Where(s => !_secondary.Any(t => t.Polynomial == s.Polynomial)).ToList();
        Add(
            "irreducible secondaries are secondaries",
            missing.Count == 0,
            missing.Count == 0
                ? $"all {_irreducible.Count} irreducible secondary invariants occur among the secondary invariants"
                : (missing.Count == 1 ? "1 irreducible secondary invariant is" : $"{missing.Count} irreducible secondary invariants are") + $" not among the secondary invariants, the first is {missing[0].Polynomial}");
    }

    private void CheckFundamentals()
    {
        if (_fundamentalFailures.Count > 0)
        {
            string which = string.Join(", ", _fundamentalFailures);
            string detail = $"not checked: fundamental {which} failed the invariance check, and products of non-invariant polynomials say nothing about the invariants";
            Add("fundamental invariants generate", false, detail);
            Add("fundamental invariants are minimal", false, detail);
            return;
        }

        // Degree by degree, spans[e] is a basis of the degree-e part of the algebra the fundamental invariants generate.
        // The products of fundamental invariants of total degree d whose factors all have degree below d are the
        // products f * b with deg f = e < d and b of degree d - e in that algebra, so f times spans[d - e] spans them.
        int top = _primary.Concat(_secondary).Select(p => p.Degree).DefaultIfEmpty(0).Max();
        var spans = new List<List<Polynomial<T>>> { new() { _ring.One } };
        var spanFailures = new List<string>();
        var redundancies = new List<string>();
        for (int d = 1; d <= top; d++)
        {
            _ct.ThrowIfCancellationRequested();
            int expected = Dimension(d);
            var ofDegree = _fundamental.Where(f => f.Degree == d).Select(f => f.Polynomial).ToList();
            var lower = _fundamental
                .Where(f => f.Degree > 0 && f.Degree < d)
                .SelectMany(f => spans[d - f.Degree].Select(b => f.Polynomial * b))
                .ToList();
            var span = new SpanBuilder(_ring.Field);
            var basis = lower.Where(span.Add).ToList();
            int lowerRank = basis.Count;
            basis.AddRange(ofDegree.Where(span.Add));
            int fullRank = basis.Count;
            spans.Add(basis);
            if (fullRank != expected)
            {
                spanFailures.Add($"degree {d}: the fundamental invariants span dimension {fullRank}, but the invariants have dimension {expected}");
            }

            if (fullRank - lowerRank != ofDegree.Count)
            {
                redundancies.Add($"degree {d}: {ofDegree.Count} fundamental invariants add only {fullRank - lowerRank} dimensions to the products of lower ones");
            }
        }

        int beyond = _fundamental.Count(f => f.Degree > top || f.Degree < 1);
        if (beyond > 0)
        {
            redundancies.Add((beyond == 1 ? "1 fundamental invariant has" : $"{beyond} fundamental invariants have") + $" degree outside 1..{top}, where the primaries and secondaries already generate");
        }

        Add(
            "fundamental invariants generate",
            spanFailures.Count == 0,
            spanFailures.Count == 0
                ? $"in every degree up to {top} (the largest degree of a primary or secondary invariant) the products of the "
                    + $"{_fundamental.Count} fundamental invariants span all invariants of the degree"
                : string.Join("; ", spanFailures));
        Add(
            "fundamental invariants are minimal",
            redundancies.Count == 0,
            redundancies.Count == 0
                ? "each fundamental invariant is independent of the products of the others in its degree"
                : string.Join("; ", redundancies));
    }

    /// <summary>An exact echelon form of polynomials in monomial coordinates that tells whether each new one is independent.</summary>
    private sealed class SpanBuilder(Field<T> field)
    {
        private readonly Dictionary<Monomial, int> _columns = [];
        private readonly IncrementalRowEchelon<T> _echelon = new(field);

        public bool Add(Polynomial<T> p)
        {
            var entries = new List<KeyValuePair<int, T>>(p.TermCount);
            for (int t = 0; t < p.TermCount; t++)
            {
                if (!_columns.TryGetValue(p.Monomials[t], out int column))
                {
                    column = _columns.Count;
                    _columns.Add(p.Monomials[t], column);
                }

                entries.Add(new(column, p.Coefficients[t]));
            }

            return _echelon.TryInsert(SparseVector.Create(entries));
        }
    }

    private int Rank(IEnumerable<Polynomial<T>> polynomials)
    {
        var columns = new Dictionary<Monomial, int>();
        var echelon = new IncrementalRowEchelon<T>(_ring.Field);
        foreach (var p in polynomials)
        {
            var entries = new List<KeyValuePair<int, T>>(p.TermCount);
            for (int t = 0; t < p.TermCount; t++)
            {
                if (!columns.TryGetValue(p.Monomials[t], out int column))
                {
                    column = columns.Count;
                    columns.Add(p.Monomials[t], column);
                }

                entries.Add(new(column, p.Coefficients[t]));
            }

            echelon.TryInsert(SparseVector.Create(entries));
        }

        return echelon.Rank;
    }

    private void CheckRelations()
    {
        if (_document["relations"] is null)
        {
            return;
        }

        var relations = CertificateJson.ReadObject(_document, "relations");
        var names = CertificateJson.ReadArray(relations, "variables").Select(v => v?.GetValue<string>() ?? string.Empty).ToList();
        if (names.Count != _fundamental.Count)
        {
            Add("relations vanish on the fundamental invariants", false, $"{names.Count} relation variables for {_fundamental.Count} fundamental invariants");
            return;
        }

        PolynomialRing<T> relationRing;
        try
        {
            relationRing = new PolynomialRing<T>(_ring.Field, names, MonomialOrder.Parse(CertificateJson.ReadString(relations, "order")));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new CertificateFormatException($"Field 'relations' does not describe a polynomial ring: {ex.Message}", ex);
        }

        var images = _fundamental.Select(f => f.Polynomial).ToList();
        var failures = new List<int>();
        var array = CertificateJson.ReadArray(relations, "polynomials");
        var parsed = new List<Polynomial<T>>();
        for (int i = 0; i < array.Count; i++)
        {
            _ct.ThrowIfCancellationRequested();
            string text = array[i]?.GetValue<string>() ?? throw new CertificateFormatException($"Entry {i + 1} of 'relations.polynomials' must be a string.");
            Polynomial<T> relation;
            try
            {
                relation = relationRing.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new CertificateFormatException($"Entry {i + 1} of 'relations.polynomials': {ex.Message}", ex);
            }

            parsed.Add(relation);
            if (!relation.Substitute(images, _ring).IsZero)
            {
                failures.Add(i + 1);
            }
        }

        Add(
            "relations vanish on the fundamental invariants",
            failures.Count == 0,
            failures.Count == 0
                ? array.Count switch
                {
                    0 => "there are no relations to check (the fundamental invariants are stated to be algebraically independent)",
                    1 => "the relation vanishes when y_i is replaced by the i-th fundamental invariant",
                    _ => $"all {array.Count} relations vanish when y_i is replaced by the i-th fundamental invariant",
                }
                : $"relations {string.Join(", ", failures)} do not vanish on the fundamental invariants");
        CheckRelationsGenerate(relations, relationRing, parsed, images);
    }

    /// <summary>
    /// Checks that the relations generate the whole relation ideal in every weighted degree up to the bound the document
    /// states: with y_i of weight deg f_i, dim K[y]_w / (relations)_w must equal the dimension of the invariants of
    /// degree w. The relations lie in the relation ideal J (the previous check), so (relations)_w is contained in J_w, and
    /// K[y]/J is isomorphic to the invariant ring as a graded ring because the fundamental invariants generate it; equal
    /// dimensions then mean (relations)_w = J_w.
    /// </summary>
    /// <remarks>Algorithm: linear algebra per weighted degree (the span of the monomial multiples of the relations).</remarks>
    private void CheckRelationsGenerate(JsonObject relations, PolynomialRing<T> relationRing, List<Polynomial<T>> parsed, List<Polynomial<T>> images)
    {
        const string name = "relations generate the relation ideal up to the weighted degree bound";
        int[] weights = [.. _fundamental.Select(f => f.Degree)];
        if (weights.Any(w => w < 1))
        {
            Add(name, false, "not checked: a fundamental invariant has degree below 1, so the weighted degrees are not positive");
            return;
        }

        var degrees = new List<long>();
        var inhomogeneous = new List<int>();
        for (int i = 0; i < parsed.Count; i++)
        {
            var distinct = parsed[i].Monomials.Select(m => m.WeightedDegree(weights)).Distinct().ToList();
            if (distinct.Count != 1)
            {
                inhomogeneous.Add(i + 1);
            }

            degrees.Add(distinct.Count == 0 ? 0 : distinct.Max());
        }

        if (inhomogeneous.Count > 0)
        {
            Add(name, false, $"relations {string.Join(", ", inhomogeneous)} are not homogeneous for the weights deg y_i = deg f_i = ({string.Join(", ", weights)})");
            return;
        }

        long largest = degrees.DefaultIfEmpty(0).Max();
        long bound = relations["weighted_degree_bound"] is null
            ? RingDocuments.RelationDegreeBound(weights, degrees)
            : (long)CertificateJson.ReadInteger(relations, "weighted_degree_bound");
        if (bound < largest)
        {
            Add(name, false, $"the stated bound {bound} is below the largest weighted degree {largest} of a relation; the bound must cover every relation");
            return;
        }

        var monomials = new Dictionary<int, List<Monomial>>();
        List<Monomial> OfWeightedDegree(int w)
        {
            if (!monomials.TryGetValue(w, out var list))
            {
                list = WeightedMonomials(weights, w);
                monomials[w] = list;
            }

            return list;
        }

        var problems = new List<string>();
        for (int w = 0; w <= bound && problems.Count == 0; w++)
        {
            _ct.ThrowIfCancellationRequested();
            var basis = OfWeightedDegree(w);
            var multiples = new List<Polynomial<T>>();
            for (int i = 0; i < parsed.Count; i++)
            {
                if (degrees[i] <= w && !parsed[i].IsZero)
                {
                    multiples.AddRange(OfWeightedDegree(w - (int)degrees[i]).Select(u => relationRing.Term(relationRing.Field.One, u) * parsed[i]));
                }
            }

            int quotient = basis.Count - Rank(multiples);
            int expected = Dimension(w);
            if (quotient > expected)
            {
                string example = MissingRelation(relationRing, basis, multiples, images);
                problems.Add($"weighted degree {w}: K[y]/(relations) has dimension {quotient} but the invariants have dimension {expected}, "
                    + $"so relations of weighted degree {w} are missing; for example {example} vanishes on the fundamental invariants and is not in the ideal of the stated relations");
            }
            else if (quotient < expected)
            {
                problems.Add($"weighted degree {w}: K[y]/(relations) has dimension {quotient}, below the dimension {expected} of the invariants");
            }
        }

        Add(
            name,
            problems.Count == 0,
            problems.Count == 0
                ? $"checked up to weighted degree {bound} (weights deg y_i = ({string.Join(", ", weights)})): in every weighted degree w <= {bound}, "
                    + "dim K[y]_w / (relations)_w equals the dimension of the invariants of degree w, so the relations generate the whole "
                    + $"relation ideal up to weighted degree {bound}; beyond {bound} it is not checked"
                : string.Join("; ", problems));
    }

    /// <summary>Returns the monomials of K[y1..ym] of weighted degree <paramref name="degree"/>, in a fixed order.</summary>
    private static List<Monomial> WeightedMonomials(int[] weights, int degree)
    {
        var result = new List<Monomial>();
        var exponents = new int[weights.Length];
        void Fill(int index, int remaining)
        {
            if (index == weights.Length)
            {
                if (remaining == 0)
                {
                    result.Add(Monomial.FromExponents(exponents));
                }

                return;
            }

            for (int e = remaining / weights[index]; e >= 0; e--)
            {
                exponents[index] = e;
                Fill(index + 1, remaining - (e * weights[index]));
            }

            exponents[index] = 0;
        }

        Fill(0, degree);
        return result;
    }

    /// <summary>
    /// Returns a polynomial of the monomials in <paramref name="basis"/> that vanishes on the fundamental invariants but
    /// is not in the span of <paramref name="multiples"/>: a kernel vector of the substitution map y -&gt; f on the
    /// weighted degree, outside the span.
    /// </summary>
    private string MissingRelation(PolynomialRing<T> relationRing, List<Monomial> basis, List<Polynomial<T>> multiples, List<Polynomial<T>> images)
    {
        var values = basis.Select(u => relationRing.Term(relationRing.Field.One, u).Substitute(images, _ring)).ToList();
        var rows = values.SelectMany(v => v.Monomials).Distinct().ToList();
        var rowIndex = rows.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        var matrix = Enumerable.Range(0, rows.Count).Select(_ => new T[basis.Count]).ToArray();
        for (int j = 0; j < basis.Count; j++)
        {
            for (int t = 0; t < values[j].TermCount; t++)
            {
                matrix[rowIndex[values[j].Monomials[t]]][j] = values[j].Coefficients[t];
            }
        }

        var kernel = rows.Count == 0
            ? [.. Enumerable.Range(0, basis.Count).Select(j => (IReadOnlyList<T>)Enumerable.Range(0, basis.Count).Select(k => k == j ? relationRing.Field.One : default).ToList())]
            : Matrix.Create(_ring.Field, [.. matrix.Select(r => (IReadOnlyList<T>)r)]).NullSpace(_ct);
        int rank = Rank(multiples);
        foreach (var vector in kernel)
        {
            var candidate = relationRing.Zero;
            for (int j = 0; j < basis.Count; j++)
            {
                if (!vector[j].IsZero)
                {
                    candidate += relationRing.Term(vector[j], basis[j]);
                }
            }

            if (Rank(multiples.Append(candidate)) > rank)
            {
                return candidate.ToString();
            }
        }

        return "(no kernel vector found outside the span)";
    }
}
