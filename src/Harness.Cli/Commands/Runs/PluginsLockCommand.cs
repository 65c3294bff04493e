using System.CommandLine;
using Harness.Core.Experiments;

namespace Harness.Cli.Commands.Runs;

/// <summary><c>harness plugins lock SPEC</c>: writes plugins.lock (SHA-256 per plugin the spec uses) next to the spec.</summary>
internal static class PluginsLockCommand
{
    public static Command Create()
    {
        var spec = MatrixPlanning.Spec();
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("lock", "Write plugins.lock next to a spec: the SHA-256 of every plugin it uses (harness run --locked checks it).") { spec, dirs };
        command.SetAction(parse =>
        {
            var specPath = parse.GetValue(spec)!;
            var plan = MatrixPlanning.Plan(specPath, parse.GetValue(dirs), ["cpu"], Console.Error, quietWarnings: true);
            if (plan is null)
            {
                return ExitStatus.BadInput;
            }

            var path = PluginLock.PathFor(specPath);
            var text = PluginLock.Format(plan.Cells);
            try
            {
                var temp = $"{path}.{Environment.ProcessId}.tmp";
                File.WriteAllText(temp, text);
                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"harness: cannot write {path}: {e.Message}");
                return ExitStatus.BadInput;
            }

            Console.Out.Write(text);
            Console.Out.WriteLine($"wrote {SpecReader.DisplayPath(path)}");
            return ExitStatus.Success;
        });
        return command;
    }
}
