using System.CommandLine;
using System.Reflection;

namespace InvTheory.Cli.Commands;

/// <summary><c>invtheory version</c>: prints the version of the toolkit and the runtime.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the InvTheory version and the .NET runtime version.");
        command.SetAction(_ =>
        {
            var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"invtheory {version} on .NET {Environment.Version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
