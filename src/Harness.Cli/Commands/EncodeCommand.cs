using System.CommandLine;
using System.Globalization;
using System.Text;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;
using static TorchSharp.torch;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness encode --encoder ID [--set ID.NAME=VALUE ...] [--encoder-state DIR] [--role query|document] [FILE|-]</c>: one embedding per
/// input line, as tab-separated floats (shortest round-trip form), in input order, so encoders can be inspected and
/// compared. <c>--encoder-state</c> loads a trained encoder (the <c>encoder/</c> folder <c>harness train</c> and matrix cells
/// with <c>keep_encoder</c> write, or the cell folder holding it) into an encoder created with the same parameters. The encoder runs in evaluation mode without gradients; lines are read and encoded in blocks of
/// <see cref="Block"/> (each block sorted by length inside the encoder), so a large file streams.
/// </summary>
internal static class EncodeCommand
{
    private const int Block = 1024;

    public static Command Create()
    {
        var encoder = new Option<string>("--encoder") { Description = "Encoder plugin id (for example minilm, arctic-xs, transformer, hashed-bow).", Required = true, HelpName = "ID" };
        var role = new Option<string>("--role") { Description = "Encode the lines as queries or documents (asymmetric encoders differ, e.g. arctic-xs's query instruction).", DefaultValueFactory = _ => "document" };
        role.AcceptOnlyFromAmong("query", "document");
        var seed = new Option<int>("--seed") { Description = "Seed given to the plugin (initialisation of encoders trained from scratch).", DefaultValueFactory = _ => 42 };
        var state = new Option<string?>("--encoder-state") { Description = "Load a trained encoder: an encoder/ folder written by harness train or a matrix cell with keep_encoder (or the cell folder holding it); --encoder and --set must match its training.", HelpName = "DIR" };
        var input = new Argument<string>("FILE") { Description = "Text file, one text per line; - or nothing for standard input.", DefaultValueFactory = _ => "-" };
        var settings = PluginOptions.Settings();
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("encode", "Print one embedding per input line (tab-separated floats) with an encoder plugin.")
        {
            encoder, role, seed, state, settings, dirs,
        };
        command.Arguments.Add(input);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(encoder)!,
            parse.GetValue(role) == "query" ? TextRole.Query : TextRole.Document,
            parse.GetValue(seed),
            parse.GetValue(settings),
            parse.GetValue(dirs),
            parse.GetValue(state),
            parse.GetValue(input) ?? "-",
            cancellationToken)));
        return command;
    }

    private static int Run(string encoderId, TextRole role, int seed, string[]? settings, string[]? dirs, string? statePath, string path, CancellationToken cancellationToken)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? Console.In : new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"harness: cannot read {path}: {e.Message}");
            return ExitStatus.BadInput;
        }

        using var _ = reader;
        PluginSettings values;
        try
        {
            values = PluginSettings.Parse(settings);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"harness: --set {e.Message}");
            return ExitStatus.BadInput;
        }

        var catalog = PluginOptions.LoadCatalog(dirs, Console.Error);
        if (catalog is null)
        {
            return ExitStatus.BadInput;
        }

        IEncoder model;
        try
        {
            var plugin = catalog.Get<IEncoderPlugin>(encoderId);
            model = plugin.Create(values.Resolve(plugin.Info), new PluginContext(seed) { CancellationToken = cancellationToken });
        }
        catch (Exception e) when (e is KeyNotFoundException or PluginParameterException)
        {
            Console.Error.WriteLine($"harness: {e.Message}");
            return ExitStatus.BadInput;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"harness: encoder '{encoderId}': {e.Message}");
            return ExitStatus.BadInput;
        }

        using var __ = model;
        if (statePath is not null && LoadState(model, encoderId, statePath) is { } error)
        {
            Console.Error.WriteLine($"harness: --encoder-state {statePath}: {error}");
            return ExitStatus.BadInput;
        }

        model.Module.eval();
        using var noGrad = no_grad();
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var lineNumber = 0;
        var reading = false;
        try
        {
            var block = new List<string>(Block);
            while (true)
            {
                block.Clear();
                reading = true;
                string? line;
                while (block.Count < Block && (line = reader.ReadLine()) is not null)
                {
                    block.Add(line);
                }

                reading = false;
                if (block.Count == 0)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                using var embeddings = model.Encode(block, role).to(ScalarType.Float32, CPU);
                WriteBlock(stdout, embeddings.data<float>().ToArray(), block.Count, model.Dimension);
                lineNumber += block.Count;
            }

            stdout.Flush();
            return ExitStatus.Success;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"harness: interrupted after {lineNumber} lines");
            return 130;
        }
        catch (IOException e) when (reading)
        {
            Console.Error.WriteLine($"harness: cannot read {path} after line {lineNumber}: {e.Message}");
            return ExitStatus.BadInput;
        }
        catch (IOException)
        {
            // Standard output went away (`harness encode ... | head`): end quietly, as a process killed by SIGPIPE.
            return 141;
        }
    }

    /// <summary>Loads a saved encoder state into <paramref name="model"/>; returns the error, or null.</summary>
    private static string? LoadState(IEncoder model, string encoderId, string path)
    {
        var directory = Path.GetFullPath(path);
        var inCell = Path.Combine(directory, Harness.Core.Running.CellResults.EncoderDirectoryName);
        if (!File.Exists(Path.Combine(directory, "module.dat")) && Directory.Exists(inCell))
        {
            directory = inCell;
        }

        if (!Directory.Exists(directory))
        {
            return "no such folder";
        }

        if (!File.Exists(Path.Combine(directory, "module.dat")))
        {
            return $"not a saved encoder (no module.dat in {directory}; a cell keeps its encoder only with train: {{ keep_encoder: true }})";
        }

        try
        {
            model.Load(directory);
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or System.Runtime.InteropServices.ExternalException)
        {
            return $"cannot load it into encoder '{encoderId}' (was it trained with other --set values?): {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    private static void WriteBlock(StreamWriter stdout, float[] data, int rows, int dim)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            text.Clear();
            for (var d = 0; d < dim; d++)
            {
                if (d > 0)
                {
                    text.Append('\t');
                }

                text.Append(data[(i * dim) + d].ToString("R", CultureInfo.InvariantCulture));
            }

            stdout.WriteLine(text);
        }
    }
}
