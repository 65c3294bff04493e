using System.CommandLine;

namespace Harness.Cli.Commands;

/// <summary>The top-level verbs of <c>harness</c>. One file per verb in this folder; add a verb here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return PluginsCommand.Create();
        yield return RetrieveCommand.Create();
        yield return EvalCommand.Create();
        yield return Runs.PlanCommand.Create();
        yield return Runs.RunCommand.Create();
        yield return Runs.CellCommand.Create();
        yield return Runs.StatusCommand.Create();
        yield return Runs.SlurmCommand.Create();
        yield return Runs.TrainCommand.Create();
        yield return LeaderboardCommand.Create();
        yield return AuditCommand.Create();
        yield return EncodeCommand.Create();
    }
}
