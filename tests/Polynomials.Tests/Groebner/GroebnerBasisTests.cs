using InvTheory.Polynomials.Groebner;
using InvTheory.Polynomials.Scalars;
using Gb = InvTheory.Polynomials.Groebner.Groebner;

namespace InvTheory.Polynomials.Tests.Groebner;

// A table row: an ideal and the reduced basis, Hilbert numerator, dimension and vector-space dimension Singular gives
// for it. ExpectedBasis is made monic before comparing (null compares only the size); HilbertNumerator is Singular's
// hilb(g, 1), the numerator over (1-t)^n, lowest degree first, without its trailing zero.
public sealed record GroebnerCase(
    string Name,
    string Field,
    string[] Variables,
    string Order,
    string[] Generators,
    string[]? ExpectedBasis,
    int ExpectedBasisSize,
    long[] HilbertNumerator,
    int Dimension,
    long? VectorSpaceDimension)
{
    public override string ToString() => Name;
}

public sealed class GroebnerBasisTests
{
    private static readonly string[] Cyclic4 = ["a+b+c+d", "a*b+b*c+c*d+d*a", "a*b*c+b*c*d+c*d*a+d*a*b", "a*b*c*d-1"];

    private static readonly string[] Cyclic5 =
    [
        "a+b+c+d+e", "a*b+b*c+c*d+d*e+e*a", "a*b*c+b*c*d+c*d*e+d*e*a+e*a*b",
        "a*b*c*d+b*c*d*e+c*d*e*a+d*e*a*b+e*a*b*c", "a*b*c*d*e-1",
    ];

    private static readonly string[] Katsura4 =
    [
        "x0+2*x1+2*x2+2*x3+2*x4-1", "x0^2+2*x1^2+2*x2^2+2*x3^2+2*x4^2-x0", "2*x0*x1+2*x1*x2+2*x2*x3+2*x3*x4-x1",
        "x1^2+2*x0*x2+2*x1*x3+2*x2*x4-x2", "2*x1*x2+2*x0*x3+2*x1*x4-x3",
    ];

    private static readonly string[] Katsura5 =
    [
        "x0+2*x1+2*x2+2*x3+2*x4+2*x5-1", "x0^2+2*x1^2+2*x2^2+2*x3^2+2*x4^2+2*x5^2-x0",
        "2*x0*x1+2*x1*x2+2*x2*x3+2*x3*x4+2*x4*x5-x1", "x1^2+2*x0*x2+2*x1*x3+2*x2*x4+2*x3*x5-x2",
        "2*x1*x2+2*x0*x3+2*x1*x4+2*x2*x5-x3", "x2^2+2*x1*x3+2*x0*x4+2*x1*x5-x4",
    ];

    private static readonly string[] Elementary4 =
    [
        "x1+x2+x3+x4", "x1*x2+x1*x3+x1*x4+x2*x3+x2*x4+x3*x4", "x1*x2*x3+x1*x2*x4+x1*x3*x4+x2*x3*x4", "x1*x2*x3*x4",
    ];

    public static TheoryData<GroebnerCase> Cases => new()
    {
        // Computed with Singular 4.3.1: ring r = 0,(a,b,c,d),dp; option(redSB); option(redTail);
        // ideal g = std(ideal(cyclic-4)); print(g); print(hilb(g,1)); dim(g); vdim(g);
        new GroebnerCase(
            "cyclic-4 grevlex", "Q", ["a", "b", "c", "d"], "grevlex", Cyclic4,
            ["a+b+c+d", "b^2+2*b*d+d^2", "b*c^2+c^2*d-b*d^2-d^3", "b*c*d^2+c^2*d^2-b*d^3+c*d^3-d^4-1", "b*d^4+d^5-b-d", "c^3*d^2+c^2*d^3-c-d", "c^2*d^4+b*c-b*d+c*d-2*d^2"],
            7, [1, -1, -1, 0, 1, 0, 1, 0, -2, 1], 1, null),

        // Computed with Singular 4.3.1: ring r = 0,(a,b,c,d),lp; option(redSB); option(redTail); the same commands.
        new GroebnerCase(
            "cyclic-4 lex", "Q", ["a", "b", "c", "d"], "lex", Cyclic4,
            ["c^2*d^6-c^2*d^2-d^4+1", "c^3*d^2+c^2*d^3-c-d", "b*d^4-b+d^5-d", "b*c-b*d+c^2*d^4+c*d-2*d^2", "b^2+2*b*d+d^2", "a+b+c+d"],
            6, [1, -1, -2, 3, -1, -2, 5, -4, 0, 3, -3, 1], 1, null),

        // Computed with Singular 4.3.1: ring r = 0,(a,b,c,d,e),dp; option(redSB); option(redTail); the same commands.
        new GroebnerCase(
            "cyclic-5 grevlex", "Q", ["a", "b", "c", "d", "e"], "grevlex", Cyclic5,
            ["a+b+c+d+e", "b^2+b*d-c*d+2*b*e+c*e+e^2", "c^3+b*c*d-2*b*d^2-c*d^2-d^3+3*c^2*e-2*b*d*e-2*c*d*e-3*d^2*e+3*b*e^2+3*c*e^2-2*d*e^2+2*e^3", "b*c^2-b*c*d+c^2*d-c^2*e+b*d*e+c*d*e+d^2*e-b*e^2-2*c*e^2+d*e^2-e^3", "d^4+14*b*c*d*e+6*c^2*d*e-27*b*d^2*e+2*c*d^2*e-15*d^3*e-b*c*e^2+7*c^2*e^2-10*b*d*e^2-9*c*d*e^2-33*d^2*e^2+24*b*e^3+33*c*e^3-14*d*e^3+22*e^4", "c*d^3-2*b*c*d*e-c^2*d*e+5*b*d^2*e+4*d^3*e-b*c*e^2-2*c^2*e^2+2*b*d*e^2+7*d^2*e^2-4*b*e^3-7*c*e^3+2*d*e^3-4*e^4", "b*d^3-5*b*c*d*e-2*c^2*d*e+10*b*d^2*e+c*d^2*e+6*d^3*e-3*c^2*e^2+2*b*d*e^2+2*c*d*e^2+13*d^2*e^2-8*b*e^3-13*c*e^3+4*d*e^3-8*e^4", "c^2*d^2+b*c*d*e-2*b*d^2*e+2*c*d^2*e-d^3*e-2*b*d*e^2-2*c*d*e^2-2*d^2*e^2+3*b*e^3+2*c*e^3-2*d*e^3+2*e^4", "b*c*d^2+b*c*d*e+c^2*d*e-b*d^2*e+c*d^2*e-d^3*e-b*c*e^2-b*d*e^2-2*d^2*e^2+b*e^3+c*e^3-d*e^3+e^4", "2*b*c*d*e^2+c^2*d*e^2+2*c*d^2*e^2-b*c*e^3-2*b*d*e^3-c*d*e^3-d^2*e^3+b*e^4+c*e^4-2*d*e^4+e^5-1", "b*e^5-c*e^5-b+c", "15*c*d^2*e^3+10*d^3*e^3-20*b*c*e^4-20*c^2*e^4+5*b*d*e^4-25*c*d*e^4+30*d^2*e^4-23*c*e^5-3*d*e^5-4*e^6+15*b-7*c+3*d+24*e", "3*b*d^2*e^3+d^3*e^3+b*c*e^4+c^2*e^4-b*d*e^4+2*c*d*e^4-2*c*e^5-e^6-3*b+2*c-3*e", "2*c*d*e^5+d^2*e^5+8*c*e^6+d*e^6+3*e^7-2*c*d-d^2-8*c*e-d*e-3*e^2", "c^2*e^5+3*c*e^6+e^7-c^2-3*c*e-e^2", "5*d^3*e^4+11*d^2*e^5+9*c*e^6+2*d*e^6+3*e^7-10*b*c-10*c^2+10*b*d-5*c*d+4*d^2-24*c*e-2*d*e+7*e^2", "e^8+42*b*c*d+21*c^2*d-165*b*d^2+42*c*d^2-55*d^3-76*b*c*e-55*c^2*e+13*b*d*e-131*c*d*e-21*d^2*e+186*b*e^2+21*c*e^2-42*d*e^2+219*e^3", "d*e^7-110*b*c*d-55*c^2*d+52*b*d^2+60*c*d^2+39*d^3+29*b*c*e-26*c^2*e-34*b*d*e-102*c*d*e+120*d^2*e+63*b*e^2-120*c*e^2+109*d*e^2-26*e^3", "c*e^7-16*b*c*d-8*c^2*d+63*b*d^2-16*c*d^2+21*d^3+29*b*c*e+21*c^2*e-5*b*d*e+50*c*d*e+8*d^2*e-71*b*e^2-9*c*e^2+16*d*e^2-84*e^3", "d^2*e^6+28*b*c*d+14*c^2*d-21*b*d^2-12*c*d^2-12*d^3-11*b*c*e+3*c^2*e+9*b*d*e+17*c*d*e-30*d^2*e-5*b*e^2+29*c*e^2-28*d*e^2+18*e^3"],
            20, [1, -1, -1, -1, -1, 12, -14, 6, 1, 1, -13, 15, -5], 0, 70),

        // Computed with Singular 4.3.1: ring r = 32003,(a,b,c,d,e),dp; ideal g = std(ideal(cyclic-5)); size(g); print(hilb(g,1)); vdim(g);
        new GroebnerCase(
            "cyclic-5 grevlex GF(32003)", "GF(32003)", ["a", "b", "c", "d", "e"], "grevlex", Cyclic5,
            null, 20, [1, -1, -1, -1, -1, 12, -14, 6, 1, 1, -13, 15, -5], 0, 70),

        // Computed with Singular 4.3.1: ring r = 0,(x0,x1,x2,x3,x4),dp; option(redSB); option(redTail); the same commands.
        new GroebnerCase(
            "katsura-4 grevlex", "Q", ["x0", "x1", "x2", "x3", "x4"], "grevlex", Katsura4,
            ["x0+2*x1+2*x2+2*x3+2*x4-1", "18*x2*x3+20*x3^2+18*x1*x4+40*x2*x4+66*x3*x4+48*x4^2-x1-4*x2-9*x3-16*x4", "9*x2^2+18*x1*x3-11*x3^2-36*x1*x4-58*x2*x4-84*x3*x4-75*x4^2+x1+4*x2+9*x3+25*x4", "18*x1*x2-36*x1*x3+4*x3^2+54*x1*x4+80*x2*x4+96*x3*x4+96*x4^2-2*x1-8*x2-9*x3-32*x4", "9*x1^2+18*x1*x3+4*x3^2-10*x2*x4-12*x3*x4-12*x4^2-2*x1+x2+4*x4", "132*x3^2*x4+264*x2*x4^2+576*x3*x4^2+468*x4^3+x3^2-12*x1*x4-46*x2*x4-102*x3*x4-186*x4^2+4*x1+7*x2+9*x3+10*x4", "3960*x1*x3*x4-2880*x1*x4^2-3060*x2*x4^2-2664*x3*x4^2-3672*x4^3-315*x1*x3+115*x3^2-126*x1*x4+356*x2*x4+366*x3*x4+1284*x4^2+19*x1-5*x2-20*x4", "5940*x3^3-11880*x1*x4^2-51840*x2*x4^2-63072*x3*x4^2-60696*x4^3-540*x1*x3-2450*x3^2+3402*x1*x4+9788*x2*x4+10518*x3*x4+25692*x4^2-323*x1-410*x2-990*x3-1820*x4", "5940*x1*x3^2+4320*x1*x4^2+8100*x2*x4^2+11448*x3*x4^2+12744*x4^3-945*x1*x3-175*x3^2-648*x1*x4-1052*x2*x4-1482*x3*x4-4668*x4^2+2*x1+125*x2+315*x3+140*x4", "267696*x3*x4^3+288288*x4^4-10296*x1*x4^2-38544*x2*x4^2-83736*x3*x4^2-153192*x4^3-3300*x1*x3-1310*x3^2+9186*x1*x4+26468*x2*x4+29538*x3*x4+34572*x4^2-323*x1-1250*x2-2880*x3-5180*x4", "24092640*x2*x4^3-7413120*x4^4-645840*x1*x4^2-4397220*x2*x4^2-992952*x3*x4^2+1314144*x4^3+301725*x1*x3+83225*x3^2-603558*x1*x4-2197832*x2*x4-2129262*x3*x4-1023288*x4^2-6193*x1+107645*x2+277470*x3+469640*x4", "12046320*x1*x4^3+4324320*x4^4-1745640*x1*x4^2+704160*x2*x4^2+1054944*x3*x4^2-405288*x4^3+217260*x1*x3-105710*x3^2-380754*x1*x4-375076*x2*x4-695496*x3*x4-900084*x4^2+44971*x1+57430*x2+48645*x3+184900*x4", "13154581440*x4^5-5665168080*x4^4+1297146240*x1*x4^2+3240457380*x2*x4^2+4317438672*x3*x4^2+3524076036*x4^3+16132995*x1*x3+150670610*x3^2-126613962*x1*x4-416572598*x2*x4-531245148*x3*x4-1154748822*x4^2+2569523*x1+1390160*x2+9049545*x3+40771070*x4"],
            13, [1, -1, -4, 4, 6, -6, -4, 4, 1, -1], 0, 16),

        // Computed with Singular 4.3.1: ring r = 0,(x0,...,x5),dp; ideal g = std(ideal(katsura-5)); size(g); print(hilb(g,1)); vdim(g);
        new GroebnerCase(
            "katsura-5 grevlex", "Q", ["x0", "x1", "x2", "x3", "x4", "x5"], "grevlex", Katsura5,
            null, 22, [1, -1, -5, 5, 10, -10, -10, 10, 5, -5, -1, 1], 0, 32),

        // Elementary symmetric polynomials in 4 variables: R/I is the coinvariant algebra of S_4, of dimension 4! = 24
        // with Hilbert series prod_{i=1..4} (1-t^i)/(1-t)^4.
        // Computed with Singular 4.3.1: ring r = 0,(x1,x2,x3,x4),dp; option(redSB); option(redTail); the same commands.
        new GroebnerCase(
            "elementary symmetric 4", "Q", ["x1", "x2", "x3", "x4"], "grevlex", Elementary4,
            ["x1+x2+x3+x4", "x2^2+x2*x3+x3^2+x2*x4+x3*x4+x4^2", "x3^3+x3^2*x4+x3*x4^2+x4^3", "x4^4"],
            4, [1, -1, -1, 0, 0, 2, 0, 0, -1, -1, 1], 0, 24),

        // Computed with Singular 4.3.1: ring r = 0,(x,y,z),M(1,2,3, 1,1,1, 0,0,-1); option(redSB); option(redTail); the same commands.
        // The matrix order is wdeg(1,2,3): weighted degree, then degree, then reverse lex.
        new GroebnerCase(
            "weighted order wdeg(1,2,3)", "Q", ["x", "y", "z"], "wdeg(1,2,3)", ["x^2+y*z", "x*y^2-z^2+x", "y^3-x*z"],
            ["y*z+x^2", "2*x^2*z+x*y", "x*y^2-2*x^4", "4*x^5+x^2", "z^2-2*x^4-x", "y^3-x*z", "4*x^4*y+x*y"],
            7, [1, 0, -2, -2, 5, -4, 4, -2], 0, 12),

        // Computed with Singular 4.3.1: ring r = 0,(x,y,z,u,v),(dp(2),dp(3)); option(redSB); option(redTail); the same commands.
        new GroebnerCase(
            "block order elim(2)", "Q", ["x", "y", "z", "u", "v"], "elim(2)", ["x*y-u", "x^2-v", "y^2-z*u", "x+y+z+u+v-1"],
            ["z^2+z*u+u^2+2*z*v+2*u*v+v^2-2*z-4*u-3*v+1", "z*u*v-u^2", "u^3*v+2*u^2*v^2+u*v^3+z*u^2+u^3-2*u^2*v-3*u*v^2-2*u^2+u*v", "2*y*v+u^2*v+u*v^2+z*u+u^2-u*v-u", "2*y*u-u^2*v-u*v^2+z*u+u^2+3*u*v-u", "y*z-y-u^2-u*v+2*u", "x+y+z+u+v-1", "y^2-z*u"],
            8, [1, -1, -5, 11, -9, 5, -3, 1], 1, null),

        // Computed with Singular 4.3.1: ring r = (0,z),(x,y),dp; minpoly = z^2+z+1; option(redSB); option(redTail);
        // ideal g = std(ideal(x^2-z*y, y^3-1, x*y-z^2)); print(g); print(hilb(g,1)); vdim(g);
        new GroebnerCase(
            "cyclotomic Q(zeta_3)", "Q(zeta_3)", ["x", "y"], "grevlex", ["x^2-z*y", "y^3-1", "x*y-z^2"],
            ["y^2+(-z)*x", "x*y+(z+1)", "x^2+(-z)*y"],
            3, [1, 0, -3, 2], 0, 3),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BuchbergerMatchesSingular(GroebnerCase row) => CheckRow(row, GroebnerAlgorithm.Buchberger);

    [Theory]
    [MemberData(nameof(Cases))]
    public void AutoMatchesSingular(GroebnerCase row) => CheckRow(row, GroebnerAlgorithm.Auto);

    internal static void CheckRow(GroebnerCase row, GroebnerAlgorithm algorithm) =>
        FieldSpec.Parse(row.Field).Accept(new RowChecker(row, algorithm));

    private sealed class RowChecker(GroebnerCase row, GroebnerAlgorithm algorithm) : IFieldVisitor<bool>
    {
        public bool Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            CheckRow(field, row, algorithm);
            return true;
        }
    }

    private static void CheckRow<T>(Field<T> field, GroebnerCase row, GroebnerAlgorithm algorithm)
        where T : struct, IFieldElement<T>
    {
        var ring = new PolynomialRing<T>(field, row.Variables, MonomialOrder.Parse(row.Order));
        var basis = Gb.Compute(ring, row.Generators.Select(ring.Parse), new GroebnerOptions { Algorithm = algorithm });
        Assert.Equal(row.ExpectedBasisSize, basis.Elements.Count);
        if (row.ExpectedBasis is not null)
        {
            var expected = row.ExpectedBasis.Select(s => ring.Parse(s).Monic()).OrderBy(p => p.LeadingMonomial, ring.Order).ToList();
            Assert.Equal(expected, basis.Elements);
        }

        Assert.Equal(row.HilbertNumerator, basis.HilbertSeries.Numerator);
        Assert.Equal(row.Dimension, basis.KrullDimension);
        Assert.Equal(row.VectorSpaceDimension, basis.VectorSpaceDimension);
        Assert.Equal(row.VectorSpaceDimension == 0 || row.VectorSpaceDimension is not null, basis.IsZeroDimensional);
        if (basis.VectorSpaceDimension is long dimension)
        {
            Assert.Equal(dimension, basis.StandardMonomials().Count);
        }
    }

    [Fact]
    public void RelationsAmongPowerSumsMatchSingular()
    {
        // The power sums p1..p4 in three variables satisfy one relation (p4 is a polynomial in p1, p2, p3).
        // Computed with Singular 4.3.1: ring r = 0,(x,y,z,y1,y2,y3,y4),dp;
        // ideal e = eliminate(ideal(y1-p1, y2-p2, y3-p3, y4-p4), x*y*z); mapped to ring (y1,y2,y3,y4),dp and std:
        // y1^4-6*y1^2*y2+3*y2^2+8*y1*y3-6*y4, hilb(g,1) = 1,0,0,0,-1, dim 3.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);
        var sums = new[] { "x+y+z", "x^2+y^2+z^2", "x^3+y^3+z^3", "x^4+y^4+z^4" }.Select(ring.Parse).ToList();
        var relations = Gb.Relations(sums);
        var expected = relations.Ring.Parse("y1^4-6*y1^2*y2+3*y2^2+8*y1*y3-6*y4").Monic();
        Assert.Equal([expected], relations.Elements);
        Assert.Equal(["y1", "y2", "y3", "y4"], relations.Ring.Variables.ToArray());
        Assert.Equal([1L, 0, 0, 0, -1], relations.HilbertSeries.Numerator);
        Assert.Equal(3, relations.KrullDimension);
    }

    [Fact]
    public void RelationsAmongOrbitSumsOfTheCyclicGroupMatchSingular()
    {
        // The orbit sums of degree at most 3 under the cyclic permutation of x, y, z.
        // Computed with Singular 4.3.1: ring r = 0,(x,y,z,y1,...,y7),dp; ideal e = eliminate(ideal(y1-(x+y+z),
        // y2-(x^2+y^2+z^2), y3-(x*y+y*z+z*x), y4-(x^3+y^3+z^3), y5-(x^2*y+y^2*z+z^2*x), y6-(x*y^2+y*z^2+z*x^2), y7-x*y*z), x*y*z);
        // mapped to ring (y1,...,y7),dp: size(std(e)) = 10, dim = 3, hilb(g,2) = 1,4,4.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y", "z"], MonomialOrder.GradedReverseLex);
        var invariants = new[] { "x+y+z", "x^2+y^2+z^2", "x*y+y*z+z*x", "x^3+y^3+z^3", "x^2*y+y^2*z+z^2*x", "x*y^2+y*z^2+z*x^2", "x*y*z" }
            .Select(ring.Parse).ToList();
        var relations = Gb.Relations(invariants);
        Assert.Equal(10, relations.Elements.Count);
        Assert.Equal(3, relations.KrullDimension);
        Assert.Equal([1L, 4, 4], relations.HilbertSeries.ReducedNumerator);

        // Every relation vanishes on the invariants.
        Assert.All(relations.Elements, g => Assert.True(g.Substitute(invariants, ring).IsZero));
    }

    [Fact]
    public void RelationsOfQuadraticMonomials()
    {
        // Textbook fact: the Veronese map (x^2, x*y, y^2) has the single relation u*w - v^2.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["x", "y"], MonomialOrder.GradedReverseLex);
        var relations = Gb.Relations([ring.Parse("x^2"), ring.Parse("x*y"), ring.Parse("y^2")], ["u", "v", "w"]);
        Assert.Equal([relations.Ring.Parse("v^2-u*w")], relations.Elements);
    }

    [Fact]
    public void EliminationMatchesSingular()
    {
        // Computed with Singular 4.3.1: ring r = 0,(t,x,y),dp; eliminate(ideal(x-t^2, y-t^3), t) gives x^3-y^2.
        var ring = new PolynomialRing<Rational>(RationalField.Instance, ["t", "x", "y"], MonomialOrder.GradedReverseLex);
        var eliminated = Gb.Eliminate([ring.Parse("x-t^2"), ring.Parse("y-t^3")], ["t"]);
        Assert.Equal([ring.Parse("x^3-y^2")], eliminated.Elements);
    }
}
