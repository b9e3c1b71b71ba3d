using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InvTheory.Invariants.Certificates;
using InvTheory.Representations.Catalogue;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory groups</c>: lists the group catalogue (name, order, dimension, field, description).</summary>
internal static class GroupsCommand
{
    public static Command Create()
    {
        var command = new Command(
            "groups",
            "List the catalogue of finite matrix groups with their order, dimension, field and description. "
            + "Families such as C<n> or S<n> accept any n in their range.");
        var json = new Option<bool>("--json") { Description = "Print the catalogue as JSON." };
        command.Options.Add(json);
        command.SetAction(parseResult => CliRunner.Run(() =>
        {
            Console.Write(parseResult.GetValue(json) ? Json() : Text());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Json()
    {
        var entries = new JsonArray();
        foreach (var entry in GroupCatalogue.Entries)
        {
            entries.Add(new JsonObject
            {
                ["name"] = entry.Name,
                ["aliases"] = new JsonArray([.. entry.Aliases.Select(a => (JsonNode)a)]),
                ["order"] = entry.Order is { } order ? GroupInfoCommand.Number(order) : null,
                ["dimension"] = entry.Dimension,
                ["field"] = entry.Field.Name,
                ["description"] = entry.Description,
            });
        }

        var families = new JsonArray();
        foreach (var family in GroupCatalogue.Families)
        {
            families.Add(new JsonObject
            {
                ["templates"] = new JsonArray([.. family.Templates.Select(t => (JsonNode)t)]),
                ["minimum"] = family.Minimum,
                ["maximum"] = family.Maximum,
                ["summary"] = family.Summary,
            });
        }

        var document = ResultEnvelope.Create("group-catalogue");
        document["groups"] = entries;
        document["families"] = families;
        return CliRunner.ToJson(document) + Environment.NewLine;
    }

    private static string Text()
    {
        var rows = GroupCatalogue.Entries
            .Select(e => (e.Name, Order: e.Order?.ToString(CultureInfo.InvariantCulture) ?? "?",
                Dimension: e.Dimension.ToString(CultureInfo.InvariantCulture), Field: e.Field.Name, e.Description))
            .ToList();
        int nameWidth = Math.Max(4, rows.Max(r => r.Name.Length));
        int orderWidth = Math.Max(5, rows.Max(r => r.Order.Length));
        int fieldWidth = Math.Max(5, rows.Max(r => r.Field.Length));
        var text = new StringBuilder();
        text.Append("name".PadRight(nameWidth)).Append("  ").Append("order".PadLeft(orderWidth)).Append("  dim  ")
            .Append("field".PadRight(fieldWidth)).Append("  description").AppendLine();
        foreach (var row in rows)
        {
            text.Append(row.Name.PadRight(nameWidth)).Append("  ").Append(row.Order.PadLeft(orderWidth)).Append("  ")
                .Append(row.Dimension.PadLeft(3)).Append("  ").Append(row.Field.PadRight(fieldWidth)).Append("  ").Append(row.Description).AppendLine();
        }

        text.AppendLine();
        text.AppendLine("families (any n in the range):");
        foreach (var family in GroupCatalogue.Families)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {string.Join(", ", family.Templates)}  (n = {family.Minimum}..{family.Maximum}): {family.Summary}").AppendLine();
        }

        return text.ToString();
    }
}
