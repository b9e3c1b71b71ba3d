using System.Globalization;
using InvTheory.Bench.Harness;
using InvTheory.Invariants;
using InvTheory.Invariants.Certificates;
using InvTheory.Invariants.Classical;
using InvTheory.Invariants.Equivariants;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;
using InvTheory.Representations.Catalogue;
using InvTheory.Representations.Classical;
using InvTheory.Representations.Constructions;
using MathNet.Numerics.LinearAlgebra;

namespace InvTheory.Bench.Suites;

/// <summary>
/// Equivariants: the certified covariant modules V -&gt; V of W(F4) and Oh, the first-fundamental-theorem scalars of
/// O(3) with 10 vector inputs, complete minimal first-fundamental-theorem sets with tensor inputs under SO(3), and the dimensions of linear equivariant maps between tensor representations, exact
/// (sparse nullspace over Q) against the dense floating-point SVD of the stacked constraint matrix that EMLP solves.
/// </summary>
/// <remarks>
/// The SVD baseline is written here with MathNet.Numerics (managed provider): for each Lie algebra basis element X it
/// stacks d rho_W(X) L - L d rho_U(X) = 0, and for each component generator c the rows rho_W(c) L - L rho_U(c) = 0, on
/// the unknown m x n matrix L, and counts the singular values below 1e-9 times the largest as the nullity.
/// </remarks>
public sealed class EquivariantsSuite : IBenchmarkSuite
{
    private static readonly (string Key, string Group, string Input, string Output)[] LinearCases =
    [
        ("so3-t4-t0", "SO(3)", "T4", "T0"),
        ("o3-t2-t2", "O(3)", "T2", "T2"),
        ("o13-t2-t2", "O(1,3)", "T2", "T2"),
        ("so3-t3-t3", "SO(3)", "T3", "T3"),
        ("so3-t6-t0", "SO(3)", "T6", "T0"),
    ];

    /// <inheritdoc />
    public string Name => "equivariants";

    /// <inheritdoc />
    public string Description => "covariant modules of W(F4) and Oh with certificates, O(3) scalars of 10 vectors, linear equivariant maps exact versus dense SVD";

    /// <inheritdoc />
    public IReadOnlyList<BenchmarkCase> CreateCases()
    {
        var cases = new List<BenchmarkCase>
        {
            BenchmarkCase.Create(
                "module-f4",
                "covariant module V -> V of W(F4) (order 1152) over its primary invariants, with the certificate verified",
                () => GroupCatalogue.Get("F4"),
                definition => CovariantModuleCheck(definition)) with { DefaultRuns = 3 },
            BenchmarkCase.Create(
                "module-oh",
                "covariant module V -> V of Oh (order 48) over its primary invariants, with the certificate verified",
                () => GroupCatalogue.Get("Oh"),
                definition => CovariantModuleCheck(definition)),
            BenchmarkCase.Create(
                "fft-o3-10",
                "first-fundamental-theorem scalars of O(3) with 10 vector inputs, dimension check to degree 2, certificate verified",
                () => ClassicalGroup.Parse("O(3)"),
                group =>
                {
                    var result = FirstFundamentalTheorem.Compute(group, RepresentationText.ParseSummands("10*T1"), RepresentationExpression.Trivial);
                    var report = CertificateVerifierRegistry.CreateDefault().Verify(ClassicalEquivariantDocument.Create(result).ToJsonString());
                    return $"{result.Invariants.Count} invariants, verified {report.AllPassed}";
                }),
            BenchmarkCase.Create(
                "fft-so3-t2-t1",
                "complete minimal first-fundamental-theorem scalars of SO(3) with a general tensor and a vector, dimension check to degree 3, certificate verified",
                () => ClassicalGroup.Parse("SO(3)"),
                group =>
                {
                    var options = new FirstFundamentalTheoremOptions { CompletenessDegree = 3 };
                    var result = FirstFundamentalTheorem.Compute(group, RepresentationText.ParseSummands("T2+T1"), RepresentationExpression.Trivial, options);
                    var report = CertificateVerifierRegistry.CreateDefault().Verify(ClassicalEquivariantDocument.Create(result).ToJsonString());
                    return $"{result.Invariants.Count} invariants, complete {result.IsCompleteByConstruction}, verified {report.AllPassed}";
                }),
            BenchmarkCase.Create(
                "fft-so3-2sym2-t2",
                "complete minimal first-fundamental-theorem generators of SO(3) from two symmetric tensors to T2, dimension check to degree 3, certificate verified",
                () => ClassicalGroup.Parse("SO(3)"),
                group =>
                {
                    var options = new FirstFundamentalTheoremOptions { CompletenessDegree = 3 };
                    var result = FirstFundamentalTheorem.Compute(group, RepresentationText.ParseSummands("2*Sym2"), RepresentationText.Parse("T2"), options);
                    var report = CertificateVerifierRegistry.CreateDefault().Verify(ClassicalEquivariantDocument.Create(result).ToJsonString());
                    return $"{result.Invariants.Count} invariants, {result.Generators.Count} generators, complete {result.IsCompleteByConstruction}, verified {report.AllPassed}";
                }),
        };

        foreach (var (key, group, input, output) in LinearCases)
        {
            cases.Add(BenchmarkCase.Create(
                $"linear-exact-{key}",
                $"dimension of linear {group}-equivariant maps {input} -> {output}, exact sparse nullspace over Q",
                () => ClassicalGroup.Parse(group),
                g => "dim " + new ClassicalEquivariantSpace(g, RepresentationText.ParseSummands(input), RepresentationText.Parse(output))
                    .OfDegree(1).Count.ToString(CultureInfo.InvariantCulture)) with { DefaultRuns = 3 });
            cases.Add(BenchmarkCase.Create(
                $"linear-svd-{key}",
                $"dimension of linear {group}-equivariant maps {input} -> {output}, dense double SVD of the stacked constraints (EMLP method)",
                () => ClassicalGroup.Parse(group),
                g => "dim " + DenseNullity(g, RepresentationText.Parse(input), RepresentationText.Parse(output)).ToString(CultureInfo.InvariantCulture)) with { DefaultRuns = 3 });
        }

        return cases;
    }

    private static string CovariantModuleCheck(GroupDefinition definition)
    {
        var group = MatrixGroup<Rational>.FromDefinition(definition, RationalField.Instance);
        var space = EquivariantSpace<Rational>.Create(group, RepresentationExpression.Standard, RepresentationExpression.Standard);
        var module = CovariantModule<Rational>.Compute(space, new InvariantRing<Rational>(group).PrimaryInvariants());
        var degrees = Enumerable.Range(0, module.Generators.Max(g => g.Degree) + 1).ToList();
        var report = CertificateVerifierRegistry.CreateDefault().Verify(EquivariantDocument.Create(space, degrees, module).ToJsonString());
        return $"generator degrees {string.Join(",", module.Generators.Select(g => g.Degree))}, verified {report.AllPassed}";
    }

    /// <summary>Returns the nullity of the stacked constraint matrix on Hom(U, W), from a dense double SVD.</summary>
    private static int DenseNullity(ClassicalGroup group, RepresentationExpression input, RepresentationExpression output)
    {
        int n = input.Dimension(group.Dimension);
        int m = output.Dimension(group.Dimension);
        var blocks = new List<Matrix<double>>();
        foreach (var x in group.LieAlgebraBasis)
        {
            blocks.Add(Sylvester(ToDouble(output.Differentiate(x)), ToDouble(input.Differentiate(x))));
        }

        foreach (var c in group.ComponentGenerators)
        {
            blocks.Add(Sylvester(ToDouble(output.Evaluate(c)), ToDouble(input.Evaluate(c))));
        }

        var stacked = Matrix<double>.Build.Dense(blocks.Sum(b => b.RowCount), m * n);
        int row = 0;
        foreach (var block in blocks)
        {
            stacked.SetSubMatrix(row, 0, block);
            row += block.RowCount;
        }

        var singular = stacked.Svd(computeVectors: false).S;
        double largest = singular.Count == 0 ? 0 : singular.Maximum();
        int rank = singular.Count(s => s > 1e-9 * Math.Max(largest, 1));
        return m * n - rank;
    }

    // The matrix of L -> B L - L A on row-major vec(L): B (x) I_n - I_m (x) A^T.
    private static Matrix<double> Sylvester(Matrix<double> b, Matrix<double> a)
    {
        int m = b.RowCount;
        int n = a.RowCount;
        return b.KroneckerProduct(Matrix<double>.Build.DenseIdentity(n)) - Matrix<double>.Build.DenseIdentity(m).KroneckerProduct(a.Transpose());
    }

    private static Matrix<double> ToDouble(InvTheory.Polynomials.LinearAlgebra.Matrix<Rational> a) =>
        Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, (i, j) => (double)a[i, j]);
}
