using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Invariants;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory invariants GROUP --degree d</c>: prints the reduced echelon basis of the invariants of one degree.</summary>
internal static class InvariantsCommand
{
    public static Command Create()
    {
        var group = new Argument<string>("GROUP") { Description = "A group file (JSON) or a catalogue name." };
        var degree = new Option<int>("--degree") { Description = "The degree of the invariants.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of text." };
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "auto (orbit sums for monomial generators, fixed spaces otherwise), reynolds or linear-algebra.",
            DefaultValueFactory = _ => "auto",
        };
        var maxDegree = new Option<int>("--max-degree")
        {
            Description = "Largest degree accepted.",
            DefaultValueFactory = _ => InvariantRingOptions.DefaultMaxDegree,
        };
        var maxOrder = new Option<long>("--max-order")
        {
            Description = "Largest group order accepted.",
            DefaultValueFactory = _ => InvariantRingOptions.DefaultMaxGroupOrder,
        };
        var command = new Command(
            "invariants",
            "Print a basis of the homogeneous invariant polynomials of one degree: the reduced echelon basis for grevlex, "
            + "whose size is the Molien coefficient.");
        command.Arguments.Add(group);
        command.Options.Add(degree);
        command.Options.Add(json);
        command.Options.Add(algorithm);
        command.Options.Add(maxDegree);
        command.Options.Add(maxOrder);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            int d = parseResult.GetValue(degree);
            if (d < 0)
            {
                throw new ArgumentException($"--degree must be at least 0; got {d}.");
            }

            var options = new InvariantRingOptions
            {
                MaxDegree = RingCommand.Positive(parseResult.GetValue(maxDegree), "--max-degree"),
                MaxGroupOrder = RingCommand.Positive(parseResult.GetValue(maxOrder), "--max-order"),
                Algorithm = ParseAlgorithm(parseResult.GetValue(algorithm)!),
            };
            var definition = GroupResolver.Resolve(parseResult.GetValue(group)!);
            try
            {
                Console.Write(definition.Field.Accept(new Visitor(definition, options, d, parseResult.GetValue(json))));
            }
            catch (InvariantRingLimitException ex)
            {
                throw new LimitExceededException(ex.Message);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static InvariantAlgorithm ParseAlgorithm(string text) => text.ToLowerInvariant() switch
    {
        "auto" => InvariantAlgorithm.Auto,
        "reynolds" => InvariantAlgorithm.Reynolds,
        "linear-algebra" or "linearalgebra" => InvariantAlgorithm.LinearAlgebra,
        _ => throw new ArgumentException($"--algorithm '{text}' is not known. Use auto, reynolds or linear-algebra."),
    };

    private sealed class Visitor(GroupDefinition definition, InvariantRingOptions options, int degree, bool json) : IFieldVisitor<string>
    {
        public string Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var ring = new InvariantRing<T>(MatrixGroup<T>.FromDefinition(definition, field), options);
            var basis = ring.InvariantsOfDegree(degree, options.Algorithm);
            if (json)
            {
                var document = new JsonObject
                {
                    ["group"] = definition.Name,
                    ["field"] = field.Name,
                    ["order"] = Invariants.Certificates.CertificateJson.Integer(ring.Order),
                    ["degree"] = degree,
                    ["dimension"] = basis.Count,
                    ["polynomial_ring"] = new JsonObject
                    {
                        ["field"] = field.Name,
                        ["variables"] = new JsonArray([.. ring.Ring.Variables.Select(v => (JsonNode?)v)]),
                        ["order"] = ring.Ring.Order.Name,
                    },
                    ["invariants"] = new JsonArray([.. basis.Select(p => (JsonNode?)p.ToString())]),
                };
                return RingCommand.ToReadableJson(document) + Environment.NewLine;
            }

            var text = new StringBuilder();
            text.AppendLine($"Invariants of degree {degree} of {definition.Name} (order {ring.Order}, over {field.Name}, "
                + $"variables {string.Join(", ", ring.Ring.Variables)}): dimension {basis.Count}"
                + (ring.MolienSeries is null ? " (by linear algebra; no Molien series over this field)" : " = Molien coefficient"));
            for (int i = 0; i < basis.Count; i++)
            {
                text.AppendLine($"  b{i + 1} = {basis[i]}");
            }

            return text.ToString();
        }
    }
}
