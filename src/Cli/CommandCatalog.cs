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
        yield return GroebnerCommand.Create();
        yield return DemoCommand.Create();
    }
}
