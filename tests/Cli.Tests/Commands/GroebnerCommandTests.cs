using System.Text.Json.Nodes;

namespace InvTheory.Cli.Tests.Commands;

public sealed class GroebnerCommandTests
{
    private static readonly string[] Cyclic4 = ["a+b+c+d", "a*b+b*c+c*d+d*a", "a*b*c+b*c*d+c*d*a+d*a*b", "a*b*c*d-1"];

    [Fact]
    public void JsonMatchesSingularForCyclic4()
    {
        // Computed with Singular 4.3.1: ring r = 0,(a,b,c,d),dp; option(redSB); option(redTail); ideal g = std(cyclic-4);
        // 7 elements, dim(g) = 1, hilb(g,2) = 1,2,2,1,0,-1,-1 over (1-t), vdim(g) = -1.
        var result = InvTheoryProcess.Run(null, ["groebner", "--vars", "a,b,c,d", "--json", .. Cyclic4]);
        Assert.Equal(0, result.ExitCode);
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal("invtheory-result", (string?)document["schema"]);
        Assert.Equal(1, (int?)document["version"]);
        Assert.Equal("groebner", (string?)document["kind"]);
        Assert.Equal(7, document["basis"]!.AsArray().Count);
        Assert.Equal("a+b+c+d", (string?)document["basis"]![0]);
        Assert.Equal(1, (int?)document["dimension"]);
        Assert.Equal("[1,2,2,1,0,-1,-1]", document["hilbert_numerator"]!.ToJsonString());
        Assert.Equal("[1,-1]", document["hilbert_denominator"]!.ToJsonString());
        Assert.Null(document["vector_space_dimension"]);
    }

    [Fact]
    public void TextOutputGivesTheVectorSpaceDimension()
    {
        // The coinvariant algebra of S_3 has dimension 3! = 6.
        var result = InvTheoryProcess.Run(null, "groebner", "--vars", "x,y,z", "x+y+z", "x*y+x*z+y*z", "x*y*z");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Krull dimension: 0", result.StandardOutput);
        Assert.Contains("vector-space dimension: 6", result.StandardOutput);
    }

    [Fact]
    public void TruncatedBasisLabelsItsDimensions()
    {
        // Up to degree 2 the basis of the S_3 coinvariant ideal has only its linear and quadratic elements, which cut
        // out a curve. The labels attribute the dimension to the truncation, not to the ideal.
        var result = InvTheoryProcess.Run(null, "groebner", "--vars", "x,y,z", "--degree-bound", "2", "x+y+z", "x*y+x*z+y*z", "x*y*z");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Krull dimension (of the truncated basis, degree <= 2): 1", result.StandardOutput);
        Assert.Contains("vector-space dimension (of the truncated basis, degree <= 2): infinite", result.StandardOutput);
    }

    [Fact]
    public void ReadsGeneratorsFromAFile()
    {
        string directory = InvTheoryProcess.CreateTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "ideal.txt"), "# the twisted cubic\nx*z - y^2, y*w - z^2\nx*w - y*z\n");
        var result = InvTheoryProcess.Run(directory, "groebner", "--vars", "x,y,z,w", "--file", "ideal.txt", "--json");
        Assert.Equal(0, result.ExitCode);

        // Textbook fact: the twisted cubic has Hilbert series (1+2t)/(1-t)^2.
        var document = JsonNode.Parse(result.StandardOutput)!.AsObject();
        Assert.Equal(2, (int?)document["dimension"]);
        Assert.Equal("[1,2]", document["hilbert_numerator"]!.ToJsonString());
        Assert.Equal("[1,-2,1]", document["hilbert_denominator"]!.ToJsonString());
    }

    [Theory]
    [InlineData("unknown variable", "groebner", "--vars", "x,y", "x+w")]
    [InlineData("Unknown monomial order", "groebner", "--vars", "x,y", "--order", "foo", "x")]
    [InlineData("not a prime", "groebner", "--vars", "x,y", "--field", "GF(4)", "x")]
    [InlineData("--vars is required", "groebner", "x")]
    public void ErrorsAreOneLine(string expected, params string[] arguments)
    {
        var result = InvTheoryProcess.Run(null, arguments);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.StandardError);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void LimitExitsWithTheLimitCode()
    {
        var result = InvTheoryProcess.Run(null, ["groebner", "--vars", "a,b,c,d", "--algorithm", "buchberger", "--max-pairs", "2", .. Cyclic4]);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--max-pairs", result.StandardError);
    }
}
