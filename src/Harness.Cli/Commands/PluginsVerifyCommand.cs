using System.CommandLine;
using System.Text.Json;
using Harness.Abstractions.Plugins;
using Harness.Cli.Output;
using Harness.Conformance;
using Harness.Core.Caching;
using Harness.Core.PluginHost;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness plugins verify [PATH]... [--plugins DIR]... [--set ID.NAME=VALUE]... [--json]</c>: runs the conformance suite. With PATHs, only
/// the plugins at those paths (DLLs, plugin folders or folders of plugins); otherwise every plugin on the search path.
/// Exits 1 when a plugin fails to load or fails a check.
/// </summary>
internal static class PluginsVerifyCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Plugin DLLs or folders to verify (default: every plugin on the search path).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dirs = PluginOptions.PluginDirectories();
        var json = PluginOptions.Json();
        var settings = PluginOptions.Settings();
        var command = new Command("verify", "Run the conformance suite on plugins; exit non-zero if any check fails or any plugin cannot be loaded.")
        {
            paths,
            dirs,
            json,
            settings,
        };
        command.SetAction(parse =>
        {
            PluginSettings values;
            try
            {
                values = PluginSettings.Parse(parse.GetValue(settings));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"harness: --set {e.Message}");
                return ExitStatus.BadInput;
            }

            var given = parse.GetValue(paths) ?? [];
            PluginCatalog? catalog;
            if (given.Length > 0)
            {
                catalog = PluginOptions.Load(() => PluginCatalog.LoadPaths(given), Console.Error);
                if (catalog is null)
                {
                    return ExitStatus.BadInput;
                }

                foreach (var problem in catalog.Problems)
                {
                    Console.Error.WriteLine(problem);
                }
            }
            else
            {
                catalog = PluginOptions.LoadCatalog(parse.GetValue(dirs), Console.Error);
                if (catalog is null)
                {
                    return ExitStatus.BadInput;
                }
            }

            if (!PluginOptions.CheckSettings(values, catalog, Console.Error))
            {
                return ExitStatus.BadInput;
            }

            // Checks run with the user's cache (HARNESS_CACHE) and the host's cache service, like any other verb.
            var cache = new CacheStore(CacheRoot.Resolve(), line => Console.Error.WriteLine($"harness: {line}"));
            ConformanceContext.CacheDirectory = cache.Root;
            ConformanceContext.Services = new CacheServices(cache);
            var reports = new List<(LoadedPlugin Plugin, ConformanceReport Report)>();
            foreach (var p in catalog.Plugins)
            {
                try
                {
                    reports.Add((p, ConformanceSuite.Check(p.Plugin, values.Resolve(p.Info))));
                }
                catch (PluginParameterException e)
                {
                    Console.Error.WriteLine($"harness: --set {e.Message}");
                    return ExitStatus.BadInput;
                }
            }

            var failed = reports.Count(r => !r.Report.Passed) + catalog.Problems.Count;
            if (parse.GetValue(json))
            {
                WriteJson(reports, catalog, StandardOutput.OpenStream());
            }
            else
            {
                foreach (var (plugin, report) in reports)
                {
                    Console.Out.WriteLine($"{plugin.Id} ({PluginKinds.ToName(plugin.Kind)}, {plugin.SourcePath})");
                    foreach (var result in report.Results)
                    {
                        Console.Out.WriteLine($"  {result}");
                    }
                }

                var checks = reports.Sum(r => r.Report.Results.Count);
                var failedChecks = reports.Sum(r => r.Report.Failures.Count);
                Console.Out.WriteLine($"{reports.Count} plugins verified, {checks} checks, {failedChecks} failed; {catalog.Problems.Count} could not be loaded");
            }

            if (reports.Count == 0 && catalog.Problems.Count == 0)
            {
                Console.Error.WriteLine("harness: no plugins found to verify");
                return ExitStatus.BadInput;
            }

            return failed == 0 ? ExitStatus.Success : ExitStatus.CheckFailed;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<(LoadedPlugin Plugin, ConformanceReport Report)> reports, PluginCatalog catalog, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteBoolean("passed", catalog.Problems.Count == 0 && reports.All(r => r.Report.Passed));
        w.WriteStartArray("plugins");
        foreach (var (plugin, report) in reports)
        {
            w.WriteStartObject();
            w.WriteString("id", plugin.Id);
            w.WriteString("kind", PluginKinds.ToName(plugin.Kind));
            w.WriteString("source", plugin.SourcePath);
            w.WriteBoolean("passed", report.Passed);
            w.WriteStartArray("checks");
            foreach (var r in report.Results)
            {
                w.WriteStartObject();
                w.WriteString("check", r.Check);
                w.WriteString("outcome", r.Outcome.ToString().ToLowerInvariant());
                w.WriteString("message", r.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        PluginCatalogWriter.WriteSkippedAndClose(w, catalog, output);
    }
}
