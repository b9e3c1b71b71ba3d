using System.Numerics;
using InvTheory.Polynomials.LinearAlgebra;
using InvTheory.Polynomials.Scalars;

namespace InvTheory.Representations.Constructions;

/// <summary>The kind of a node of a <see cref="RepresentationExpression"/>.</summary>
public enum RepresentationOperation
{
    /// <summary>The given representation V.</summary>
    Standard,

    /// <summary>The trivial 1-dimensional representation <c>1</c>.</summary>
    Trivial,

    /// <summary>The 1-dimensional determinant representation <c>det</c>, g -&gt; det(g).</summary>
    Determinant,

    /// <summary>The direct sum A + B.</summary>
    DirectSum,

    /// <summary>The tensor product A * B.</summary>
    TensorProduct,

    /// <summary>The k-th tensor power A^k.</summary>
    TensorPower,

    /// <summary>The k-th symmetric power Sym^k(A).</summary>
    SymmetricPower,

    /// <summary>The k-th exterior power Lambda^k(A).</summary>
    ExteriorPower,

    /// <summary>The dual A^*.</summary>
    Dual,
}

/// <summary>
/// A representation built from a given representation V of a group by direct sums, tensor products, tensor,
/// symmetric and exterior powers, duals and the trivial and determinant characters, such as <c>Sym2(V)+V^*</c>.
/// </summary>
/// <remarks>
/// <para>Grammar (white space is ignored; names are case-insensitive):</para>
/// <code>
/// expression := term { '+' term }                   direct sum
/// term       := factor { '*' factor }               tensor (Kronecker) product
/// factor     := primary { '^*' | '^' k }            dual, k-th tensor power
/// primary    := 'V' | '1' | 'det' | '(' expression ')'
///             | power k '(' expression ')'           k written directly or after '^': Sym2(V), Sym^2(V)
///             | 'Dual' '(' expression ')'
/// power      := 'Sym' | 'S' | 'Lambda' | 'Wedge' | 'Alt' | 'T'
/// </code>
/// <para>
/// <c>+</c> binds weaker than <c>*</c>, which binds weaker than the postfix <c>^*</c> and <c>^k</c>. <c>Sym</c> and
/// <c>S</c> are symmetric powers, <c>Lambda</c>, <c>Wedge</c> and <c>Alt</c> exterior powers, <c>T</c> tensor powers.
/// A group element g is mapped by the constructions of <see cref="MatrixConstructions"/> and a Lie algebra element X
/// by those of <see cref="DerivationConstructions"/>, with the bases and conventions documented there.
/// </para>
/// </remarks>
public sealed class RepresentationExpression : IEquatable<RepresentationExpression>
{
    /// <summary>Largest power k accepted in the text syntax.</summary>
    public const int MaximumPower = 64;

    private RepresentationExpression(RepresentationOperation operation, int power, IReadOnlyList<RepresentationExpression> operands)
    {
        Operation = operation;
        Power = power;
        Operands = operands;
    }

    /// <summary>The expression <c>V</c>.</summary>
    public static RepresentationExpression Standard { get; } = new(RepresentationOperation.Standard, 0, []);

    /// <summary>The expression <c>1</c>.</summary>
    public static RepresentationExpression Trivial { get; } = new(RepresentationOperation.Trivial, 0, []);

    /// <summary>The expression <c>det</c>.</summary>
    public static RepresentationExpression Determinant { get; } = new(RepresentationOperation.Determinant, 0, []);

    /// <summary>The operation at the root of this expression.</summary>
    public RepresentationOperation Operation { get; }

    /// <summary>The exponent k of a power, 0 for other operations.</summary>
    public int Power { get; }

    /// <summary>The operands: two for sums and products, one for powers and duals, none for leaves.</summary>
    public IReadOnlyList<RepresentationExpression> Operands { get; }

    /// <summary>Returns the direct sum a + b.</summary>
    public static RepresentationExpression Sum(RepresentationExpression a, RepresentationExpression b) => Binary(RepresentationOperation.DirectSum, a, b);

    /// <summary>Returns the tensor product a * b.</summary>
    public static RepresentationExpression Tensor(RepresentationExpression a, RepresentationExpression b) => Binary(RepresentationOperation.TensorProduct, a, b);

    /// <summary>Returns the k-th tensor power of a.</summary>
    public static RepresentationExpression TensorPowerOf(RepresentationExpression a, int k) => Unary(RepresentationOperation.TensorPower, a, k);

    /// <summary>Returns Sym^k(a).</summary>
    public static RepresentationExpression SymmetricPowerOf(RepresentationExpression a, int k) => Unary(RepresentationOperation.SymmetricPower, a, k);

    /// <summary>Returns Lambda^k(a).</summary>
    public static RepresentationExpression ExteriorPowerOf(RepresentationExpression a, int k) => Unary(RepresentationOperation.ExteriorPower, a, k);

    /// <summary>Returns the dual a^*.</summary>
    public static RepresentationExpression DualOf(RepresentationExpression a) => Unary(RepresentationOperation.Dual, a, 0);

    /// <summary>Parses an expression in the grammar given on the class.</summary>
    /// <exception cref="FormatException">The text is not an expression; the message names the 0-based position and what was expected.</exception>
    public static RepresentationExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RepresentationExpressionParser(text).ParseAll();
    }

    /// <summary>
    /// Splits <c>GROUP:EXPRESSION</c> at the last colon outside parentheses, as in <c>Oh:Sym2(V)</c>. Returns the group part and the
    /// parsed expression, or null when the text has no colon (the group acting on V itself).
    /// </summary>
    /// <exception cref="FormatException">The part after the colon is not an expression.</exception>
    public static (string Group, RepresentationExpression? Expression) SplitGroupSpecification(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The last colon outside parentheses, so that particles(Oh:V, 3):Sym2(V) splits after the closing parenthesis.
        int colon = -1;
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ':' when depth == 0:
                    colon = i;
                    break;
            }
        }

        if (colon < 0)
        {
            return (text.Trim(), null);
        }

        return (text[..colon].Trim(), Parse(text[(colon + 1)..]));
    }

    /// <summary>Returns the dimension of the representation when V has dimension d.</summary>
    /// <exception cref="OverflowException">The dimension does not fit in an int.</exception>
    public int Dimension(int d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        BigInteger value = DimensionExact(d);
        return value > int.MaxValue
            ? throw new OverflowException($"Representation {this} of a {d}-dimensional V has dimension {value}, too large for a matrix.")
            : (int)value;
    }

    /// <summary>Returns the matrix of a group element g of V in this representation.</summary>
    /// <exception cref="ArgumentException">g is not square.</exception>
    /// <exception cref="InvalidOperationException">g is singular and the expression contains a dual.</exception>
    public Matrix<T> Evaluate<T>(Matrix<T> g)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        MatrixConstructions.RequireSquare(g, nameof(Evaluate));
        return Operation switch
        {
            RepresentationOperation.Standard => g,
            RepresentationOperation.Trivial => Matrix.Identity(g.Field, 1),
            RepresentationOperation.Determinant => Matrix.FromFunction(g.Field, 1, 1, (_, _) => g.Determinant()),
            RepresentationOperation.DirectSum => MatrixConstructions.DirectSum(Operands[0].Evaluate(g), Operands[1].Evaluate(g)),
            RepresentationOperation.TensorProduct => MatrixConstructions.KroneckerProduct(Operands[0].Evaluate(g), Operands[1].Evaluate(g)),
            RepresentationOperation.TensorPower => MatrixConstructions.TensorPower(Operands[0].Evaluate(g), Power),
            RepresentationOperation.SymmetricPower => MatrixConstructions.SymmetricPower(Operands[0].Evaluate(g), Power),
            RepresentationOperation.ExteriorPower => MatrixConstructions.ExteriorPower(Operands[0].Evaluate(g), Power),
            _ => MatrixConstructions.Dual(Operands[0].Evaluate(g)),
        };
    }

    /// <summary>Returns the matrix of a Lie algebra element X of gl(V) in this representation (the derivative at the identity).</summary>
    /// <exception cref="ArgumentException">X is not square.</exception>
    public Matrix<T> Differentiate<T>(Matrix<T> x)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        MatrixConstructions.RequireSquare(x, nameof(Differentiate));
        return Operation switch
        {
            RepresentationOperation.Standard => x,
            RepresentationOperation.Trivial => Matrix.Zero(x.Field, 1, 1),
            RepresentationOperation.Determinant => DerivationConstructions.Determinant(x),
            RepresentationOperation.DirectSum => MatrixConstructions.DirectSum(Operands[0].Differentiate(x), Operands[1].Differentiate(x)),
            RepresentationOperation.TensorProduct => DerivationConstructions.KroneckerSum(Operands[0].Differentiate(x), Operands[1].Differentiate(x)),
            RepresentationOperation.TensorPower => DerivationConstructions.TensorPower(Operands[0].Differentiate(x), Power),
            RepresentationOperation.SymmetricPower => DerivationConstructions.SymmetricPower(Operands[0].Differentiate(x), Power),
            RepresentationOperation.ExteriorPower => DerivationConstructions.ExteriorPower(Operands[0].Differentiate(x), Power),
            _ => DerivationConstructions.Dual(Operands[0].Differentiate(x)),
        };
    }

    /// <summary>Returns the images of generators g_1, ..., g_r of V, which generate the image of the group in this representation.</summary>
    public IReadOnlyList<Matrix<T>> Apply<T>(IReadOnlyList<Matrix<T>> generators)
        where T : struct, IFieldElement<T>
    {
        ArgumentNullException.ThrowIfNull(generators);
        return generators.Select(Evaluate).ToArray();
    }

    /// <summary>Returns the canonical text, which <see cref="Parse"/> reads back to an equal expression.</summary>
    public override string ToString() => Format(0);

    /// <inheritdoc />
    public bool Equals(RepresentationExpression? other) =>
        other is not null && other.Operation == Operation && other.Power == Power && other.Operands.SequenceEqual(Operands);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RepresentationExpression other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operation, Power, Operands.Count > 0 ? Operands[0] : null, Operands.Count > 1 ? Operands[1] : null);

    private BigInteger DimensionExact(int d) => Operation switch
    {
        RepresentationOperation.Standard => d,
        RepresentationOperation.Trivial or RepresentationOperation.Determinant => 1,
        RepresentationOperation.DirectSum => Operands[0].DimensionExact(d) + Operands[1].DimensionExact(d),
        RepresentationOperation.TensorProduct => Operands[0].DimensionExact(d) * Operands[1].DimensionExact(d),
        RepresentationOperation.TensorPower => BigInteger.Pow(Operands[0].DimensionExact(d), Power),
        RepresentationOperation.SymmetricPower => Binomial(Operands[0].DimensionExact(d) + Power - 1, Power),
        RepresentationOperation.ExteriorPower => Binomial(Operands[0].DimensionExact(d), Power),
        _ => Operands[0].DimensionExact(d),
    };

    private static BigInteger Binomial(BigInteger n, int k)
    {
        if (k == 0)
        {
            return BigInteger.One;
        }

        if (n < k)
        {
            return BigInteger.Zero;
        }

        BigInteger result = BigInteger.One;
        for (int i = 0; i < k; i++)
        {
            result = result * (n - i) / (i + 1);
        }

        return result;
    }

    // Precedence levels: 0 = sum, 1 = product, 2 = postfix and primaries.
    private string Format(int context)
    {
        string text = Operation switch
        {
            RepresentationOperation.Standard => "V",
            RepresentationOperation.Trivial => "1",
            RepresentationOperation.Determinant => "det",
            RepresentationOperation.DirectSum => $"{Operands[0].Format(0)}+{Operands[1].Format(1)}",
            RepresentationOperation.TensorProduct => $"{Operands[0].Format(1)}*{Operands[1].Format(2)}",
            RepresentationOperation.TensorPower => $"{Operands[0].Format(3)}^{Power}",
            RepresentationOperation.SymmetricPower => $"Sym{Power}({Operands[0].Format(0)})",
            RepresentationOperation.ExteriorPower => $"Lambda{Power}({Operands[0].Format(0)})",
            _ => $"{Operands[0].Format(3)}^*",
        };

        int level = Operation switch
        {
            RepresentationOperation.DirectSum => 0,
            RepresentationOperation.TensorProduct => 1,
            RepresentationOperation.TensorPower or RepresentationOperation.Dual => 2,
            _ => 3,
        };
        return level < context ? $"({text})" : text;
    }

    private static RepresentationExpression Binary(RepresentationOperation operation, RepresentationExpression a, RepresentationExpression b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new RepresentationExpression(operation, 0, [a, b]);
    }

    private static RepresentationExpression Unary(RepresentationOperation operation, RepresentationExpression a, int k)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return new RepresentationExpression(operation, k, [a]);
    }
}
