using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using Harness.Cli.Commands;
using Harness.Cli.Commands.Eval;

namespace Harness.Cli;

/// <summary>Entry point of the <c>harness</c> command.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // `harness eval` reads trec_eval's getopt syntax itself and must start fast: no System.CommandLine parse,
        // no plugins, no TorchSharp.
        if (args.Length > 0 && args[0] == "eval")
        {
            return RunEval(args[1..]);
        }

        return await RunRootAsync(args).ConfigureAwait(false);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunEval(string[] args)
    {
        try
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
            var code = TrecEvalCommandLine.Run(args, stdout, Console.Error);
            stdout.Flush();
            return code;
        }
        catch (IOException)
        {
            // The reader went away (`harness eval ... | head`): end quietly, as a C program killed by SIGPIPE would.
            return 141;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunRootAsync(string[] args)
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
            return Commands.ExitCodes.BadInput;
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
