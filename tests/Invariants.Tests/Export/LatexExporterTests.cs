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

    [Theory]
    [InlineData("fft-O3")]
    [InlineData("ring-WA3")]
    public void LastLineHasNoLineBreak(string sample)
    {
        var lines = FormulaLines(Latex(sample));
        Assert.All(lines.SkipLast(1), l => Assert.Contains(" \\\\", l));
        Assert.DoesNotContain("\\\\", lines[^1]);
    }

    [Fact]
    public void LongSumBreaksBetweenTerms()
    {
        // The degree-4 primary invariant of W(A3) has nine terms and more than 100 characters of LaTeX source.
        var lines = FormulaLines(Latex("ring-WA3"));
        var continuations = lines.Where(l => l.StartsWith("  &\\quad ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(continuations);

        // A continuation starts with the sign of a whole term, so no term is split.
        Assert.All(continuations, l => Assert.Matches(@"^  &\\quad [+-] ", l));
        Assert.All(lines, l => Assert.True(l.Split(" % ")[0].Length <= 120, $"line of {l.Length} characters: {l}"));
    }

    // The lines of the align* environment that carry formulas, without headings.
    private static List<string> FormulaLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        int begin = Array.IndexOf(lines, "\\begin{align*}");
        int end = Array.IndexOf(lines, "\\end{align*}");
        return lines[(begin + 1)..end].Where(l => !l.StartsWith("\\intertext", StringComparison.Ordinal)).ToList();
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

            // Long sums are broken onto continuation lines, so no formula is wider than the page.
            Assert.DoesNotContain("Overfull \\hbox", File.ReadAllText(Path.Combine(directory, "all.log")));
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
