using System.Diagnostics;
using System.Globalization;
using System.Text;
using InvTheory.Invariants.Export;

namespace InvTheory.Invariants.Tests.Export;

public sealed class CSharpExporterTests
{
    private static string Generate(string sample, string className) =>
        Encoding.UTF8.GetString(ResultExporter.Export(ExportSamples.Read(sample), ExportFormat.CSharp, new ExportOptions { Namespace = "Export.Check", ClassName = className }));

    [Fact]
    [Trait("Category", "Slow")]
    public void GeneratedClassesCompileAndMatchRuntime()
    {
        // One console project contains the classes of three samples, so the test pays for one build instead of three.
        var samples = new (string Sample, string Class, int Batch)[] { ("ring-Oh", "OhRing", 7), ("fft-O3", "O3Generators", 5), ("pi-pipe", "PipeGroups", 4) };
        string directory = Path.Combine(Path.GetTempPath(), "invtheory-export-csharp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var program = new StringBuilder("using System;\nusing System.Globalization;\nusing Export.Check;\n\n");
            var inputs = new Dictionary<string, double[]>();
            foreach (var (sample, className, batch) in samples)
            {
                File.WriteAllText(Path.Combine(directory, className + ".cs"), Generate(sample, className));
                var x = ExportSamples.RandomInputs(batch, ExportSamples.Read(sample).Variables.Count, seed: 31);
                inputs[sample] = x;
                program.AppendLine($$"""
                    {
                        double[] x = { {{string.Join(", ", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}} };
                        var y = new double[{{batch}} * {{className}}.OutputCount];
                        {{className}}.EvaluateBatch(x, {{batch}}, y);
                        Console.WriteLine("{{sample}} " + string.Join(" ", Array.ConvertAll(y, v => v.ToString("R", CultureInfo.InvariantCulture))));
                        var single = new double[{{className}}.OutputCount];
                        {{className}}.Evaluate(x.AsSpan(0, {{className}}.VariableCount), single);
                        Console.WriteLine("{{sample}}-first " + string.Join(" ", Array.ConvertAll(single, v => v.ToString("R", CultureInfo.InvariantCulture))));
                        try
                        {
                            {{className}}.Evaluate(new double[{{className}}.VariableCount + 1], single);
                        }
                        catch (ArgumentException e)
                        {
                            Console.WriteLine("{{sample}}-width " + e.Message.Split('(')[0].Trim() + " | " + e.Message);
                        }
                    }
                    """);
            }

            // NaN in x1 of the ring of Oh with primaries and secondaries: s1 = 1 stays finite.
            File.WriteAllText(Path.Combine(directory, "OhAll.cs"), Encoding.UTF8.GetString(ResultExporter.Export(
                ExportSamples.Read("ring-Oh"), ExportFormat.CSharp, new ExportOptions { Namespace = "Export.Check", ClassName = "OhAll", RingSections = ["primary", "secondary"] })));
            program.AppendLine("""
                {
                    var y = new double[OhAll.OutputCount];
                    OhAll.Evaluate(new[] { double.NaN, 0.5, 0.25 }, y);
                    Console.WriteLine("nan " + string.Join(" ", Array.ConvertAll(y, v => double.IsNaN(v) ? "NaN" : "finite")));
                }
                """);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), program.ToString());
            File.WriteAllText(Path.Combine(directory, "Check.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                  </PropertyGroup>
                </Project>
                """);

            var (buildCode, buildOutput) = Run(directory, "build", "-c", "Release", "-o", "out", "--nologo", "-v", "quiet");
            Assert.True(buildCode == 0, "the generated code does not build:\n" + buildOutput);
            var (runCode, runOutput) = Run(directory, Path.Combine("out", "Check.dll"));
            Assert.True(runCode == 0, runOutput);
            var lines = runOutput.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l.Split(' ')[0], l => l[(l.IndexOf(' ') + 1)..]);

            foreach (var (sample, _, batch) in samples)
            {
                var result = ExportSamples.Read(sample);
                var expected = result.Kind == "pi" ? ExportSamples.PiValues(result, inputs[sample]) : ExportSamples.Evaluate(ExportSamples.Reference(result), inputs[sample]);
                var actual = lines[sample].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                ExportSamples.AssertClose(expected, actual, 1e-12);
                var first = lines[sample + "-first"].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(actual.Take(first.Length), first);
                int n = result.Variables.Count;
                Assert.Contains($"x has width {n + 1}, expected {n}", lines[sample + "-width"]);
            }

            Assert.Equal("NaN NaN NaN finite", lines["nan"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void InvalidNamespaceIsRejected()
    {
        var error = Assert.Throws<ExportException>(() => ResultExporter.Export(ExportSamples.Read("ring-Oh"), ExportFormat.CSharp, new ExportOptions { Namespace = "My-Namespace" }));
        Assert.Contains("'My-Namespace' is not a C# namespace", error.Message);
    }

    [Fact]
    public void MonomialsAreComputedOnce()
    {
        // The fundamental invariants of Oh need x_i^k for k = 1..6 and i = 1..3: 18 products in all.
        string code = Generate("ring-Oh", "OhRing");
        Assert.Equal(18, code.Split('\n').Count(l => l.TrimStart().StartsWith("double m", StringComparison.Ordinal)));
    }

    private static (int Code, string Output) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
