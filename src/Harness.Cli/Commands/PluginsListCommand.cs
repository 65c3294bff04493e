using System.CommandLine;
using Harness.Cli.Output;

namespace Harness.Cli.Commands;

/// <summary><c>harness plugins list [--plugins DIR]... [--json]</c>.</summary>
internal static class PluginsListCommand
{
    public static Command Create()
    {
        var dirs = PluginOptions.PluginDirectories();
        var json = PluginOptions.Json();
        var command = new Command("list", "List loaded plugins with kind, version, contract version, source and parameters. Skipped plugins are reported on stderr.")
        {
            dirs,
            json,
        };
        command.SetAction(parse =>
        {
            var catalog = PluginOptions.LoadCatalog(parse.GetValue(dirs), Console.Error);
            if (catalog is null)
            {
                return ExitStatus.BadInput;
            }

            if (parse.GetValue(json))
            {
                PluginCatalogWriter.WriteJson(catalog, StandardOutput.OpenStream());
            }
            else
            {
                PluginCatalogWriter.WriteText(catalog, Console.Out);
            }

            return ExitStatus.Success;
        });
        return command;
    }
}
