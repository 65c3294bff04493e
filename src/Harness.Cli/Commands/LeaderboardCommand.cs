using System.CommandLine;
using System.Globalization;
using Harness.Leaderboard;
using Harness.Leaderboard.Comparisons;
using Harness.Leaderboard.Plotting;
using Harness.Results;
using Harness.Results.Storage;
using Harness.Statistics.Corrections;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness leaderboard [DIR] [--baseline AXIS=VALUE,...] [--primary MEASURE] [--pairs] [--correction holm|bh|none]
/// [--test randomization|t-test] [--permutations N] [--seed N] [--alpha A] [--no-plots]</c>: reads only the Parquet
/// files and manifests under DIR and writes DIR/leaderboard.md, DIR/leaderboard.html, DIR/leaderboard.parquet and
/// DIR/plots/. Exit 2 on bad input (not a results folder, unknown measure or axis).
/// </summary>
internal static class LeaderboardCommand
{
    /// <summary>The folder used when none is given: the runner's default output for the quickstart matrix.</summary>
    public const string DefaultDirectory = "results/quickstart";

    public static Command Create()
    {
        var dir = new Argument<string>("DIR")
        {
            Description = $"The results folder (default: {DefaultDirectory}).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultDirectory,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "The baseline configuration as AXIS=VALUE pairs, e.g. loss=infonce,sampler=random (axes: dataset, encoder, loss, sampler, reranker, params). Default: matrix.json's.",
            HelpName = "AXIS=VALUE,...",
        };
        var primary = new Option<string?>("--primary") { Description = "The measure to rank by (default: matrix.json's, else nDCG@10).", HelpName = "MEASURE" };
        var pairs = new Option<bool>("--pairs") { Description = "Also test every pair of configurations on the same dataset." };
        var correction = new Option<string>("--correction")
        {
            Description = "Multiple-comparison correction across the whole table: holm (default), bh (Benjamini-Hochberg) or none.",
            DefaultValueFactory = _ => "holm",
        };
        correction.AcceptOnlyFromAmong("holm", "bh", "none");
        var test = new Option<string>("--test")
        {
            Description = "The paired test that is corrected and marks rows: randomization (default) or t-test (both are always reported).",
            DefaultValueFactory = _ => "randomization",
        };
        test.AcceptOnlyFromAmong("randomization", "t-test");
        var permutations = new Option<int>("--permutations") { Description = "Permutations of the randomization test (default 10000).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the randomization tests (default 0)." };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the adjusted p-values (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw plots." };
        var command = new Command("leaderboard", "Build the leaderboard of a results folder (Markdown, HTML, Parquet, plots) from its result files alone.")
        {
            dir, baseline, primary, pairs, correction, test, permutations, seed, alpha, noPlots,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(dir)!;
            if (!Directory.Exists(directory))
            {
                await Console.Error.WriteLineAsync($"harness leaderboard: {directory}: no such folder").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            IReadOnlyDictionary<string, string>? selector = null;
            if (parse.GetValue(baseline) is { } text)
            {
                selector = ParseBaseline(text);
                if (selector is null)
                {
                    await Console.Error.WriteLineAsync($"harness leaderboard: --baseline '{text}': expected AXIS=VALUE pairs separated by commas, e.g. loss=infonce,sampler=random").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }
            }

            if (parse.GetValue(permutations) < 1 || parse.GetValue(alpha) is <= 0 or >= 1)
            {
                await Console.Error.WriteLineAsync("harness leaderboard: --permutations must be at least 1 and --alpha between 0 and 1").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var options = new LeaderboardOptions
            {
                Baseline = selector,
                PrimaryMeasure = parse.GetValue(primary),
                AllPairs = parse.GetValue(pairs),
                Correction = parse.GetValue(correction) switch { "bh" => CorrectionMethod.BenjaminiHochberg, "none" => CorrectionMethod.None, _ => CorrectionMethod.Holm },
                Test = parse.GetValue(test) == "t-test" ? SignificanceTest.TTest : SignificanceTest.Randomization,
                Permutations = parse.GetValue(permutations),
                Seed = parse.GetValue(seed),
                Alpha = parse.GetValue(alpha),
            };

            var store = new ResultStore(directory);
            LeaderboardTable table;
            try
            {
                table = await LeaderboardBuilder.BuildAsync(store, options, cancellationToken).ConfigureAwait(false);
            }
            catch (LeaderboardException e)
            {
                await Console.Error.WriteLineAsync($"harness leaderboard: {e.Message}").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            ILeaderboardPlotter? plotter = null;
            if (!parse.GetValue(noPlots))
            {
                if (ScottPlotPlotter.MissingFontWarning() is { } warning)
                {
                    await Console.Error.WriteLineAsync($"harness leaderboard: warning: {warning}").ConfigureAwait(false);
                }

                plotter = new ScottPlotPlotter();
            }

            IReadOnlyList<string> written;
            try
            {
                written = await LeaderboardWriter.WriteAsync(table, store.Root, plotter, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultFormatException)
            {
                await Console.Error.WriteLineAsync($"harness leaderboard: cannot write into {directory}: {e.Message}").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var cells = table.Rows.Sum(r => r.Seeds.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Name}: {table.Rows.Count} configurations from {cells} complete cells, ranked by {table.PrimaryMeasure}; {table.Problems.Count} {(table.Problems.Count == 1 ? "cell" : "cells")} not in the table"));
            foreach (var problem in table.Problems)
            {
                Console.WriteLine($"  {problem.State.ToString().ToLowerInvariant()} {problem.CellId}: {problem.Reason}");
            }

            foreach (var note in table.Notes)
            {
                Console.WriteLine($"  note: {note}");
            }

            foreach (var path in written)
            {
                var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
                Console.WriteLine($"wrote {(relative.StartsWith("..", StringComparison.Ordinal) ? path : relative)}");
            }

            return ExitStatus.Success;
        });
        return command;
    }

    /// <summary>Parses <c>axis=value,axis=value</c>; null when malformed.</summary>
    internal static Dictionary<string, string>? ParseBaseline(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            result[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        return result.Count == 0 ? null : result;
    }
}
