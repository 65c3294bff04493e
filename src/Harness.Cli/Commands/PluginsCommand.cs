using System.CommandLine;

namespace Harness.Cli.Commands;

/// <summary><c>harness plugins</c>: list and verify plugins.</summary>
internal static class PluginsCommand
{
    public static Command Create()
    {
        var command = new Command("plugins", "List the plugins Harness can load, and check that they honour their contracts.");
        command.Subcommands.Add(PluginsListCommand.Create());
        command.Subcommands.Add(PluginsVerifyCommand.Create());
        command.Subcommands.Add(Runs.PluginsLockCommand.Create());
        return command;
    }
}
