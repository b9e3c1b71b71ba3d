using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Polynomials.Scalars;
using InvTheory.Representations;

namespace InvTheory.Cli.Commands;

/// <summary>
/// <c>invtheory molien GROUP</c>: the Molien series of a finite matrix group as a rational function with integer
/// coefficients and as a power series, whose coefficient of t^k is the number of linearly independent invariant
/// polynomials of degree k.
/// </summary>
internal static class MolienCommand
{
    private const int DefaultDegree = 30;

    public static Command Create()
    {
        var command = new Command(
            "molien",
            "Print the Molien series of a finite matrix group: the rational function N(t)/prod(1 - t^k) and the number of "
            + "invariant polynomials in each degree up to --degree. Over GF(p) the group must be non-modular (p not dividing "
            + "the group order); the series is then computed by a Brauer lift.");
        var groupArgument = GroupInfoCommand.GroupArgument();
        var degree = new Option<int>("--degree") { Description = $"Print the coefficients of t^0 .. t^N (default {DefaultDegree}).", DefaultValueFactory = _ => DefaultDegree };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var maxOrder = GroupInfoCommand.MaxOrderOption();
        command.Arguments.Add(groupArgument);
        command.Options.Add(degree);
        command.Options.Add(json);
        command.Options.Add(maxOrder);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            int maxDegree = parseResult.GetValue(degree);
            if (maxDegree < 0 || maxDegree > 1_000_000)
            {
                throw new ArgumentException($"--degree must be from 0 to 1000000; got {maxDegree}.");
            }

            var definition = GroupResolver.Resolve(parseResult.GetValue(groupArgument)!);
            Console.Write(definition.Field.Accept(new MolienRunner(definition, maxDegree, parseResult.GetValue(json), parseResult.GetValue(maxOrder))));
            return ExitCodes.Success;
        }));
        return command;
    }

    private sealed class MolienRunner(GroupDefinition definition, int maxDegree, bool json, long maxOrder) : IFieldVisitor<string>
    {
        public string Visit<T>(Field<T> field)
            where T : struct, IFieldElement<T>
        {
            var group = MatrixGroup<T>.FromDefinition(definition, field);
            GroupInfoCommand.Enumerate(group, maxOrder);

            // Over GF(p) the series needs the non-modular case; MolienSeries explains why it is not available otherwise.
            var series = group.MolienSeries();
            var coefficients = series.Coefficients(maxDegree);
            if (json)
            {
                var document = ResultEnvelope.Create("molien");
                document["group"] = group.Name;
                document["field"] = field.Name;
                document["dimension"] = group.Dimension;
                document["order"] = GroupInfoCommand.Number(group.Order);
                document["numerator"] = new JsonArray([.. series.Numerator.Select(GroupInfoCommand.Number)]);
                document["denominator"] = new JsonArray([.. series.Denominator.Select(GroupInfoCommand.Number)]);
                document["denominator_degrees"] = new JsonArray([.. series.DenominatorDegrees.Select(k => (JsonNode)k)]);
                document["reduced_numerator"] = new JsonArray([.. series.ReducedNumerator.Select(GroupInfoCommand.Number)]);
                document["reduced_denominator"] = new JsonArray([.. series.ReducedDenominator.Select(GroupInfoCommand.Number)]);
                document["series"] = new JsonArray([.. coefficients.Select(GroupInfoCommand.Number)]);
                return CliRunner.ToJson(document) + Environment.NewLine;
            }

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"group: {group.Name}, order {group.Order}, dimension {group.Dimension}, field {field.Name}").AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"Molien series: {series}").AppendLine();
            if (!field.Characteristic.IsZero)
            {
                text.Append(CultureInfo.InvariantCulture, $"  (Brauer lift to characteristic 0: {field.Characteristic} does not divide |G|, so this is the Hilbert series of the invariants over {field.Name})").AppendLine();
            }

            text.Append(CultureInfo.InvariantCulture, $"invariants in degrees 0..{maxDegree}: {string.Join(", ", coefficients)}").AppendLine();
            return text.ToString();
        }
    }
}
