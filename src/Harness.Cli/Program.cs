using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Harness.Cli.Commands;
using Harness.Cli.Commands.Eval;
using Harness.Cli.Output;

namespace Harness.Cli;

/// <summary>Entry point of the <c>harness</c> command.</summary>
internal static class Program
{
    /// <summary>Set to 1 to print the stack trace of an unexpected error (normally one line only).</summary>
    private const string DebugVariable = "HARNESS_DEBUG";

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
            return ExitStatus.StdoutClosed;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunRootAsync(string[] args)
    {
        StandardOutput.Install();
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
            return ExitStatus.BadInput;
        }

        // SIGINT and SIGTERM cancel the token the verbs get; a verb stops at its next check, removes what it had
        // half-written and exits 130. A second signal ends the process the default way.
        using var interrupt = new CancellationTokenSource();
        Action<PosixSignalContext> OnSignal() => context =>
        {
            if (!interrupt.IsCancellationRequested)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        };
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal());
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal());
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            var status = await parse.InvokeAsync(configuration, interrupt.Token).ConfigureAwait(false);
            Console.Out.Flush();
            return status;
        }
        catch (StdoutClosedException e)
        {
            // A reader that went away (`| head`) is the normal end of a pipeline, as for a C program killed by
            // SIGPIPE: no message. A descriptor closed outright is a mistake worth one line.
            if (!e.ReaderGone)
            {
                Console.Error.WriteLine("harness: standard output is closed; nothing was written to it");
            }

            return ExitStatus.StdoutClosed;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine("harness: interrupted; nothing half-written was left behind");
            return ExitStatus.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"harness: {e.Message}");
            WriteTrace(e);
            return ExitStatus.EnvironmentFault;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"harness: internal error: {e.GetType().Name}: {e.Message} (set {DebugVariable}=1 for the stack trace)");
            WriteTrace(e);
            return ExitStatus.CheckFailed;
        }
    }

    private static void WriteTrace(Exception e)
    {
        if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
        {
            Console.Error.WriteLine(e);
        }
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
