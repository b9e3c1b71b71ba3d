using System.Diagnostics;
using System.Text;
using InvTheory.Invariants.Export;

namespace InvTheory.Invariants.Tests.Export;

public sealed class LatexExporterTests
{
    private static string Latex(string sample) => Encoding.UTF8.GetString(ResultExporter.Export(ExportSamples.Json(sample), ExportFormat.Latex));

    [Fact]
    public void RingGroupsSectionsInAlign()
    {
        string text = Latex("ring-Oh");
        Assert.Contains("\\begin{align*}", text);
        Assert.EndsWith("\\end{align*}\n", text.ReplaceLineEndings("\n"));
        int primary = text.IndexOf("\\intertext{Primary invariants:}", StringComparison.Ordinal);
        int secondary = text.IndexOf("\\intertext{Secondary invariants:}", StringComparison.Ordinal);
        int fundamental = text.IndexOf("\\intertext{Fundamental invariants:}", StringComparison.Ordinal);
        Assert.True(primary >= 0, text);
        Assert.True(primary < secondary, text);
        Assert.True(secondary < fundamental, text);

        // Signed permutations fix the squared norm, the only quadratic invariant of the cube group.
        Assert.Contains("p_{1} &= x_{1}^{2} + x_{2}^{2} + x_{3}^{2} \\\\", text);
        Assert.Contains("s_{1} &= 1 \\\\", text);
    }

    [Fact]
    public void LastRowHasNoLineBreak()
    {
        var rows = Latex("fft-O3").ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains("&=", StringComparison.Ordinal)).ToList();
        Assert.All(rows.SkipLast(1), r => Assert.Contains(" \\\\", r));
        Assert.DoesNotContain("\\\\", rows[^1]);
    }

    [Fact]
    public void EquivariantsUseSubscriptedInputs()
    {
        string text = Latex("fft-O3");
        Assert.Contains("I_{2} &= v_{1,1} v_{2,1} + v_{1,2} v_{2,2} + v_{1,3} v_{2,3} \\\\ % <v1,v2>", text);
        Assert.Contains("F_{1} &= \\left(v_{1,1},\\ v_{1,2},\\ v_{1,3}\\right)", text);
    }

    [Fact]
    public void PiGroupsAreFractions()
    {
        string text = Latex("pi-pipe");
        Assert.Contains("\\pi_{1} &= \\frac{\\mathrm{dp} L}{\\mu v}", text);
        Assert.Contains("\\pi_{2} &= \\frac{L}{D}", text);
    }

    [Theory]
    [InlineData("x1", "x_{1}")]
    [InlineData("v2_13", "v_{2,13}")]
    [InlineData("rho", "\\rho")]
    [InlineData("dp", "\\mathrm{dp}")]
    [InlineData("L", "L")]
    [InlineData("theta3", "\\theta_{3}")]
    public void VariableNames(string name, string expected) => Assert.Equal(expected, LatexExporter.VariableName(name));

    [Fact]
    public void OutputIsDeterministic() => Assert.Equal(Latex("equivariants-Oh"), Latex("equivariants-Oh"));

    [PdflatexFact]
    public void SamplesCompileWithPdflatex()
    {
        string directory = Path.Combine(Path.GetTempPath(), "invtheory-export-latex-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var document = new StringBuilder("\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n");
            foreach (string sample in ExportSamples.Names)
            {
                File.WriteAllText(Path.Combine(directory, sample + ".tex"), Latex(sample));
                document.Append("\\input{").Append(sample).Append("}\n");
            }

            File.WriteAllText(Path.Combine(directory, "all.tex"), document.Append("\\end{document}\n").ToString());
            var start = new ProcessStartInfo(PdflatexFactAttribute.Pdflatex)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory,
            };
            foreach (string argument in new[] { "-interaction=nonstopmode", "-halt-on-error", "all.tex" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "pdflatex did not finish within a minute");
            Assert.True(process.ExitCode == 0, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>A fact that is skipped, with the reason shown, when /usr/bin/pdflatex does not exist.</summary>
public sealed class PdflatexFactAttribute : FactAttribute
{
    public const string Pdflatex = "/usr/bin/pdflatex";

    public PdflatexFactAttribute()
    {
        if (!File.Exists(Pdflatex))
        {
            Skip = $"{Pdflatex} is not installed";
        }
    }
}
