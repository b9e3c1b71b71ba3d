using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using InvTheory.Representations.Internal;

namespace InvTheory.Representations;

/// <summary>
/// The Molien series H(t) = (1/|G|) sum over g in G of 1 / det(I - t g) of a finite matrix group, or its
/// character-weighted form (1/|G|) sum over g of conj(chi(g)) / det(I - t g), as an exact rational function
/// with integer coefficients and as a power series.
/// </summary>
/// <remarks>
/// <para>
/// The coefficient of t^k in the Molien series is the dimension of the space of invariant polynomials of
/// degree k. In the weighted form with the character chi of a representation W it is the dimension of the
/// degree-k polynomial equivariants F: V -&gt; W, F(g x) = rho(g) F(x); equivalently, the multiplicity of
/// the dual representation W* in the degree-k polynomials (which is the multiplicity of W when chi is real).
/// </para>
/// <para>
/// Two exact forms are given, both as coefficient lists lowest degree first:
/// <list type="bullet">
/// <item><description>
/// Lowest terms: <see cref="ReducedNumerator"/> / <see cref="ReducedDenominator"/>, no common factor, the
/// denominator a product of cyclotomic polynomials normalized to constant term 1.
/// </description></item>
/// <item><description>
/// The standard form <see cref="Numerator"/> / prod (1 - t^k) over k in <see cref="DenominatorDegrees"/>: the
/// number of factors is the pole order at t = 1 (the dimension d), and the degrees are chosen by a fixed greedy
/// rule on the cyclotomic factors of the reduced denominator (largest index first, opening a new factor while
/// fewer than d exist, otherwise merging into the factor whose degree grows least). For the reflection groups
/// tested this gives the fundamental degrees with numerator 1.
/// </description></item>
/// </list>
/// </para>
/// <para>
/// Every result passes sanity checks: the sum is rational, the numerators are integral, the constant term is 1
/// (for a weighted series: the multiplicity of the trivial character in chi), the limit of (1 - t)^d H(t) at
/// t = 1 is chi(1)/|G|, and every coefficient returned by <see cref="Coefficients"/> is a non-negative integer.
/// A failed check throws <see cref="InternalErrorException"/>.
/// </para>
/// </remarks>
public sealed class MolienSeries
{
    private readonly Lock _lock = new();
    private ImmutableArray<BigInteger> _cachedCoefficients = [];

    internal MolienSeries(
        BigInteger groupOrder,
        int dimension,
        bool isWeighted,
        BigInteger constantTerm,
        BigInteger[] reducedNumerator,
        BigInteger[] reducedDenominator,
        BigInteger[] numerator,
        int[] denominatorDegrees)
    {
        GroupOrder = groupOrder;
        Dimension = dimension;
        IsCharacterWeighted = isWeighted;
        ConstantTerm = constantTerm;
        ReducedNumerator = ImmutableArray.Create(reducedNumerator);
        ReducedDenominator = ImmutableArray.Create(reducedDenominator);
        Numerator = ImmutableArray.Create(numerator);
        DenominatorDegrees = ImmutableArray.Create(denominatorDegrees);
        BigInteger[] denominator = [BigInteger.One];
        foreach (int k in denominatorDegrees)
        {
            var factor = new BigInteger[k + 1];
            factor[0] = BigInteger.One;
            factor[k] = BigInteger.MinusOne;
            denominator = IntegerPolynomial.Multiply(denominator, factor);
        }

        Denominator = ImmutableArray.Create(denominator);
    }

    /// <summary>
    /// Returns the character-weighted series that is zero in every degree, for a representation W of dimension 0:
    /// there are no nonzero maps into it.
    /// </summary>
    /// <param name="groupOrder">The order of the group acting on the space.</param>
    /// <param name="dimension">The dimension of the space the group acts on.</param>
    public static MolienSeries ZeroWeighted(BigInteger groupOrder, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groupOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        return new MolienSeries(groupOrder, dimension, true, BigInteger.Zero, [BigInteger.Zero], [BigInteger.One], [BigInteger.Zero], []);
    }

    /// <summary>The group order |G|.</summary>
    public BigInteger GroupOrder { get; }

    /// <summary>The dimension d of the space the group acts on.</summary>
    public int Dimension { get; }

    /// <summary>Whether this is a character-weighted series rather than the Molien series of the invariants.</summary>
    public bool IsCharacterWeighted { get; }

    /// <summary>The coefficient of t^0: 1 for the Molien series, the multiplicity of the trivial character in chi for a weighted series.</summary>
    public BigInteger ConstantTerm { get; }

    /// <summary>Numerator of the standard form, integer coefficients lowest degree first.</summary>
    public IReadOnlyList<BigInteger> Numerator { get; }

    /// <summary>The degrees k_1 &lt;= ... &lt;= k_r of the standard denominator prod (1 - t^k_i).</summary>
    public IReadOnlyList<int> DenominatorDegrees { get; }

    /// <summary>The standard denominator prod (1 - t^k_i) expanded, lowest degree first.</summary>
    public IReadOnlyList<BigInteger> Denominator { get; }

    /// <summary>Numerator in lowest terms, lowest degree first.</summary>
    public IReadOnlyList<BigInteger> ReducedNumerator { get; }

    /// <summary>Denominator in lowest terms (a product of cyclotomic polynomials with constant term 1), lowest degree first.</summary>
    public IReadOnlyList<BigInteger> ReducedDenominator { get; }

    /// <summary>Returns the coefficients of t^0, ..., t^<paramref name="maxDegree"/> of the power series.</summary>
    /// <remarks>
    /// Algorithm: multiply the numerator by 1/(1 - t^k) for each denominator degree, each a running sum with
    /// stride k; O(maxDegree * d) big-integer additions. The longest prefix computed so far is cached.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegree"/> is negative.</exception>
    /// <exception cref="InternalErrorException">A coefficient is negative or the constant term is wrong (a bug).</exception>
    public IReadOnlyList<BigInteger> Coefficients(int maxDegree)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegree);
        var cached = _cachedCoefficients;
        if (cached.Length > maxDegree)
        {
            return cached.Slice(0, maxDegree + 1);
        }

        var series = new BigInteger[maxDegree + 1];
        for (int i = 0; i < Numerator.Count && i <= maxDegree; i++)
        {
            series[i] = Numerator[i];
        }

        foreach (int k in DenominatorDegrees)
        {
            for (int j = k; j <= maxDegree; j++)
            {
                series[j] += series[j - k];
            }
        }

        if (series[0] != ConstantTerm)
        {
            throw Failure($"constant term {series[0]}, expected {ConstantTerm}.");
        }

        for (int j = 0; j <= maxDegree; j++)
        {
            if (series[j].Sign < 0)
            {
                throw Failure($"the negative coefficient {series[j]} at t^{j}.");
            }
        }

        var result = ImmutableArray.Create(series);
        lock (_lock)
        {
            if (_cachedCoefficients.Length < result.Length)
            {
                _cachedCoefficients = result;
            }
        }

        return result;
    }

    private Polynomials.InvariantTheoryException Failure(string detail) => IsCharacterWeighted
        ? new Polynomials.InvariantTheoryException(
            $"The character-weighted Molien series has {detail} A character of the group gives non-negative integers, "
            + "so the class function given is not a character (if it is one, this points to a bug in InvTheory).")
        : new InternalErrorException($"The Molien series has {detail}");

    /// <summary>Returns the coefficient of t^<paramref name="degree"/>.</summary>
    public BigInteger Coefficient(int degree) => Coefficients(degree)[degree];

    /// <summary>
    /// The standard form as text, such as <c>(1 + t^3)/((1 - t^2)*(1 - t^4))</c>, with repeated factors written
    /// as powers: <c>1/(1 - t^2)^2</c>.
    /// </summary>
    public override string ToString()
    {
        string numerator = FormatPolynomial(Numerator, "t");
        if (DenominatorDegrees.Count == 0)
        {
            return numerator;
        }

        var factors = new List<string>();
        for (int i = 0; i < DenominatorDegrees.Count;)
        {
            int k = DenominatorDegrees[i];
            int count = 0;
            while (i < DenominatorDegrees.Count && DenominatorDegrees[i] == k)
            {
                count++;
                i++;
            }

            string factor = k == 1 ? "(1 - t)" : $"(1 - t^{k})";
            factors.Add(count == 1 ? factor : $"{factor}^{count}");
        }

        string denominator = string.Join("*", factors);
        if (factors.Count > 1)
        {
            denominator = $"({denominator})";
        }

        bool numeratorIsSum = Numerator.Count(c => !c.IsZero) > 1;
        return $"{(numeratorIsSum ? $"({numerator})" : numerator)}/{denominator}";
    }

    /// <summary>Formats a polynomial with integer coefficients, lowest degree first, such as <c>1 + 2*t^3 - t^5</c>.</summary>
    internal static string FormatPolynomial(IReadOnlyList<BigInteger> coefficients, string variable)
    {
        var text = new StringBuilder();
        for (int i = 0; i < coefficients.Count; i++)
        {
            var c = coefficients[i];
            if (c.IsZero)
            {
                continue;
            }

            var magnitude = BigInteger.Abs(c);
            if (text.Length == 0)
            {
                text.Append(c.Sign < 0 ? "-" : string.Empty);
            }
            else
            {
                text.Append(c.Sign < 0 ? " - " : " + ");
            }

            string power = i == 0 ? string.Empty : i == 1 ? variable : $"{variable}^{i}";
            if (i == 0)
            {
                text.Append(magnitude.ToString(CultureInfo.InvariantCulture));
            }
            else if (magnitude.IsOne)
            {
                text.Append(power);
            }
            else
            {
                text.Append(magnitude.ToString(CultureInfo.InvariantCulture)).Append('*').Append(power);
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }
}
