using System.CommandLine;
using InvTheory.Cli.Commands;

namespace InvTheory.Cli;

/// <summary>Entry point of the <c>invtheory</c> command.</summary>
public static class Program
{
    /// <summary>Builds the command tree. Each subcommand lives in its own file under <c>Commands/</c>.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "InvTheory: exact invariant theory for equivariant machine learning. "
            + "Computes certified bases of invariant and equivariant polynomials and exports them.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        var root = BuildRootCommand();
        return root.Parse(args).Invoke();
    }
}
