using System.CommandLine;
using Harness.Cli.Commands;

namespace Harness.Cli;

/// <summary>Entry point of the <c>harness</c> command.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("Harness: a plugin-based benchmark harness for neural retrieval and ranking.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
