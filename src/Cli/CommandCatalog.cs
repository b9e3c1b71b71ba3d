using System.CommandLine;

namespace InvTheory.Cli.Commands;

/// <summary>The list of subcommands; add a new command's factory here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return SnfCommand.Create();
        yield return HnfCommand.Create();
        yield return PiCommand.Create();
        yield return VerifyCommand.Create();
        yield return ExportCommand.Create();
        yield return GroebnerCommand.Create();
        yield return GroupInfoCommand.Create();
        yield return MolienCommand.Create();
        yield return GroupsCommand.Create();
        yield return RingCommand.Create();
        yield return InvariantsCommand.Create();
        yield return EquivariantsCommand.Create();
        yield return DemoCommand.Create();
    }
}
