using System.Text;
using InvTheory.Invariants.Export;

namespace InvTheory.Invariants.Tests.Export;

public sealed class PythonExporterTests
{
    public static TheoryData<string> Samples() => [.. ExportSamples.Names];

    private static string Module(string sample, ExportOptions? options = null) =>
        Encoding.UTF8.GetString(ResultExporter.Export(ExportSamples.Read(sample), ExportFormat.Python, options));

    private static string MainFunction(string sample) => ExportSamples.Read(sample).Kind == "equivariants" ? "basis" : "features";

    [PythonTheory]
    [MemberData(nameof(Samples))]
    public void ValuesMatchRuntimeEvaluator(string sample)
    {
        var result = ExportSamples.Read(sample);
        int n = result.Variables.Count;
        var inputs = ExportSamples.RandomInputs(20, n, seed: 11);
        var output = PythonRunner.Run(Module(sample), $"print(json.dumps({{'v': exported.{MainFunction(sample)}({PythonRunner.Array(inputs, n)}).tolist()}}))");
        var expected = result.Kind == "pi" ? ExportSamples.PiValues(result, inputs) : ExportSamples.Evaluate(ExportSamples.Reference(result), inputs);
        ExportSamples.AssertClose(expected, PythonRunner.Flatten(output["v"]), 1e-12);
    }

    [PythonTheory]
    [MemberData(nameof(Samples))]
    public void JacobianMatchesRuntimeEvaluator(string sample)
    {
        var result = ExportSamples.Read(sample);
        int n = result.Variables.Count;
        var inputs = ExportSamples.RandomInputs(10, n, seed: 12);
        var output = PythonRunner.Run(Module(sample), $"print(json.dumps({{'v': exported.jacobian({PythonRunner.Array(inputs, n)}).tolist()}}))");
        double[] expected;
        if (result.Kind == "pi")
        {
            // d/dx_v prod_u x_u^a_u = a_v * pi / x_v.
            var values = ExportSamples.PiValues(result, inputs);
            var groups = result.Document["groups"]!.AsArray();
            expected = new double[values.Length * n];
            for (int b = 0; b < 10; b++)
            {
                for (int k = 0; k < groups.Count; k++)
                {
                    for (int v = 0; v < n; v++)
                    {
                        int a = groups[k]![result.Variables[v]]?.GetValue<int>() ?? 0;
                        expected[(((b * groups.Count) + k) * n) + v] = a * values[(b * groups.Count) + k] / inputs[(b * n) + v];
                    }
                }
            }
        }
        else
        {
            expected = ExportSamples.Jacobian(ExportSamples.Reference(result), inputs);
        }

        ExportSamples.AssertClose(expected, PythonRunner.Flatten(output["v"]), 1e-11);
    }

    [PythonTheory]
    [MemberData(nameof(Samples))]
    public void EquivarianceCheckPassesExportAndCatchesBrokenModel(string sample)
    {
        string f = MainFunction(sample);
        var output = PythonRunner.Run(Module(sample), $$"""
            good = exported.check_equivariance(exported.{{f}})
            def broken(x):
                y = exported.{{f}}(x)
                # Multiplying by 1 + 0.01 x_1 breaks the symmetry, because no group here fixes the first coordinate.
                factor = 1.0 + 0.01 * x[:, :1]
                return y * (factor[:, :, None] if y.ndim == 3 else factor)
            bad = exported.check_equivariance(broken)
            print(json.dumps({"good": good.passed, "good_error": good.max_error, "bad": bad.passed, "bad_error": bad.max_error, "bad_text": repr(bad)}))
            """);
        Assert.True(output["good"]!.GetValue<bool>(), $"exported {f} failed the check with error {output["good_error"]}");
        Assert.False(output["bad"]!.GetValue<bool>(), $"the broken model passed with error {output["bad_error"]}");
        Assert.True(output["bad_error"]!.GetValue<double>() > 1e-6);
        Assert.Contains("FAILED", output["bad_text"]!.GetValue<string>());
    }

    [PythonFact]
    public void InvariantsOfGeneratingSetAreInvariant()
    {
        var output = PythonRunner.Run(Module("fft-O3"), """
            report = exported.check_equivariance(exported.invariants, invariant=True)
            print(json.dumps({"passed": report.passed, "shape": list(exported.invariants(np.ones((2, 6))).shape)}))
            """);
        Assert.True(output["passed"]!.GetValue<bool>());
        Assert.Equal([2.0, 3.0], PythonRunner.Flatten(output["shape"]));
    }

    [PythonTheory]
    [MemberData(nameof(Samples))]
    public void WrongWidthNamesExpectedAndActual(string sample)
    {
        int n = ExportSamples.Read(sample).Variables.Count;
        var output = PythonRunner.Run(Module(sample), $$"""
            try:
                exported.{{MainFunction(sample)}}(np.ones((2, {{n + 1}})))
                print(json.dumps({"message": None}))
            except ValueError as error:
                print(json.dumps({"message": str(error)}))
            """);
        string message = output["message"]?.GetValue<string>() ?? "no ValueError";
        Assert.Contains($"expected x of shape (batch, {n})", message);
        Assert.Contains($"got shape (2, {n + 1})", message);
    }

    [PythonFact]
    public void NanInputAffectsSameOutputsAsRuntime()
    {
        // Ring of Oh with the primary and secondary invariants: s1 = 1 stays finite when x1 is NaN, the others do not.
        var options = new ExportOptions { RingSections = ["primary", "secondary"] };
        var result = ExportSamples.Read("ring-Oh");
        var inputs = ExportSamples.RandomInputs(2, 3, seed: 13);
        inputs[0] = double.NaN;
        var output = PythonRunner.Run(Module("ring-Oh", options), $$"""
            x = {{PythonRunner.Array(inputs, 3).Replace("NaN", "float('nan')", StringComparison.Ordinal)}}
            print(json.dumps({"nan": np.isnan(exported.features(x)).tolist()}))
            """);
        var reference = ExportSamples.Evaluate(ExportSamples.Reference(result, ["primary", "secondary"]), inputs);
        var nan = output["nan"]!.AsArray().SelectMany(row => row!.AsArray().Select(v => v!.GetValue<bool>())).ToList();
        Assert.Equal(reference.Select(double.IsNaN), nan);
        Assert.Contains(false, nan.Take(4));
        Assert.Contains(true, nan.Take(4));
    }

    [PythonFact]
    public void DocstringNamesGroupFieldVariablesAndVersion()
    {
        var output = PythonRunner.Run(Module("ring-Oh"), "print(json.dumps({'doc': exported.__doc__, 'order': exported.GROUP_ORDER, 'vars': list(exported.VARIABLES)}))");
        string doc = output["doc"]!.GetValue<string>();
        Assert.Contains("group Oh", doc);
        Assert.Contains("order 48", doc);
        Assert.Contains("Field: Q", doc);
        Assert.Contains("x1, x2, x3", doc);
        Assert.Contains(ResultExporter.ToolVersion, doc);
        Assert.Equal(48, output["order"]!.GetValue<int>());
    }

    [TorchTheory]
    [MemberData(nameof(Samples))]
    public void TorchModuleMatchesNumpyAndJacobian(string sample)
    {
        string f = MainFunction(sample);
        int n = ExportSamples.Read(sample).Variables.Count;
        var inputs = ExportSamples.RandomInputs(5, n, seed: 14);
        var output = PythonRunner.Run(Module(sample), $$"""
            import torch
            x = {{PythonRunner.Array(inputs, n)}}
            model = exported.Features()
            t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
            y = model(t)
            value_error = float(np.max(np.abs(y.detach().numpy() - exported.{{f}}(x))))
            # Rows are independent, so the Jacobian of the batch sum holds every row's Jacobian.
            j = torch.autograd.functional.jacobian(lambda s: model(s).sum(0), t).numpy()
            j = np.moveaxis(j, -2, 0)
            gradient_error = float(np.max(np.abs(j - exported.jacobian(x))))
            print(json.dumps({"value": value_error, "gradient": gradient_error}))
            """);
        Assert.True(output["value"]!.GetValue<double>() <= 1e-12, $"values differ by {output["value"]}");
        Assert.True(output["gradient"]!.GetValue<double>() <= 1e-10, $"gradients differ by {output["gradient"]}");
    }

    [PythonFact]
    public void RealCyclotomicGroupExportsAsDoubles()
    {
        // C5 is written over Q(zeta_20) with cos and sin through z, but every matrix entry and coefficient is real.
        var result = ExportSamples.Read("ring-C5");
        Assert.Equal("Q(zeta_20)", result.Field);
        var inputs = ExportSamples.RandomInputs(6, 2, seed: 15);
        var output = PythonRunner.Run(Module("ring-C5"), $$"""
            report = exported.check_equivariance(exported.features)
            print(json.dumps({"passed": report.passed, "v": exported.features({{PythonRunner.Array(inputs, 2)}}).tolist()}))
            """);
        Assert.True(output["passed"]!.GetValue<bool>());
        ExportSamples.AssertClose(ExportSamples.Evaluate(ExportSamples.Reference(result), inputs), PythonRunner.Flatten(output["v"]), 1e-12);
    }

    [PythonFact]
    public void LargeGroupUsesRandomWords()
    {
        // S7 has 5040 elements, more than the module stores, so the check multiplies random words in the generators.
        var symmetry = Assert.IsType<FiniteSymmetry>(ExportSamples.Read("equivariants-S7").Symmetry);
        Assert.False(symmetry.IsClosure);
        Assert.Equal(4, symmetry.Elements.Count);
        var output = PythonRunner.Run(Module("equivariants-S7"), """
            good = exported.check_equivariance(exported.basis)
            bad = exported.check_equivariance(lambda x: exported.basis(x) * (1.0 + 0.01 * x[:, :1, None]))
            print(json.dumps({"all": exported._GROUP_ELEMENTS_ARE_ALL, "good": good.passed, "bad": bad.passed}))
            """);
        Assert.False(output["all"]!.GetValue<bool>());
        Assert.True(output["good"]!.GetValue<bool>());
        Assert.False(output["bad"]!.GetValue<bool>());
    }

    [TorchTheory]
    [InlineData("ring-Oh")]
    [InlineData("pi-pipe")]
    public void TorchModelOnFeaturesPassesCheck(string sample)
    {
        int n = ExportSamples.Read(sample).Variables.Count;
        var output = PythonRunner.Run(Module(sample), $$"""
            import torch
            torch.manual_seed(0)
            width = exported.N_FEATURES
            model = torch.nn.Sequential(exported.Features(), torch.nn.Linear(width, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()

            class Leaky(torch.nn.Module):
                # Adds a linear term in the raw inputs, which no feature map would allow.
                def __init__(self):
                    super().__init__()
                    self.inner = model
                    self.raw = torch.nn.Linear({{n}}, 1).double()

                def forward(self, x):
                    return self.inner(x) + 0.1 * self.raw(x)

            good = exported.check_equivariance(model, tol=1e-7)
            bad = exported.check_equivariance(Leaky(), tol=1e-7)
            print(json.dumps({"good": good.passed, "error": good.max_error, "bad": bad.passed}))
            """);
        Assert.True(output["good"]!.GetValue<bool>(), $"the model on the features failed with error {output["error"]}");
        Assert.False(output["bad"]!.GetValue<bool>());
    }

    [PythonTheory]
    [InlineData("ring-Oh")]
    [InlineData("pi-pipe")]
    public void Float32ModelPassesDefaultTolerance(string sample)
    {
        int n = ExportSamples.Read(sample).Variables.Count;
        var output = PythonRunner.Run(Module(sample), $$"""
            import torch
            torch.manual_seed(0)
            width = exported.N_FEATURES
            model = torch.nn.Sequential(exported.Features(), torch.nn.Linear(width, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))

            class Leaky(torch.nn.Module):
                # Adds a linear term in the raw inputs, which no feature map would allow.
                def __init__(self):
                    super().__init__()
                    self.inner = model
                    self.raw = torch.nn.Linear({{n}}, 1)

                def forward(self, x):
                    return self.inner(x) + 0.1 * self.raw(x)

            good = exported.check_equivariance(model)
            strict = exported.check_equivariance(model, tol=1e-12)
            bad = exported.check_equivariance(Leaky())
            double = exported.check_equivariance(model.double())
            print(json.dumps({"good": good.passed, "error": good.max_error, "tol32": good.tol, "strict": strict.passed,
                              "bad": bad.passed, "tol64": double.tol, "good64": double.passed}))
            """);
        Assert.True(output["good"]!.GetValue<bool>(), $"the float32 model failed with error {output["error"]} at tolerance {output["tol32"]}");
        Assert.InRange(output["tol32"]!.GetValue<double>(), 1e-5, 1e-4);
        Assert.False(output["strict"]!.GetValue<bool>(), "an explicit tolerance of 1e-12 must override the float32 default");
        Assert.False(output["bad"]!.GetValue<bool>());
        Assert.True(output["tol64"]!.GetValue<double>() <= 1e-8, $"the float64 default tolerance {output["tol64"]} is looser than 1e-8");
        Assert.True(output["good64"]!.GetValue<bool>());
    }
}
