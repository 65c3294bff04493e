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

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors are bad input: one line each, then where to look, and exit status 2.
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"harness: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"Run '{string.Join(' ', ["harness", .. CommandPath(parse.CommandResult.Command, root)])} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var names = new Stack<string>();
        for (Command? c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }
}
