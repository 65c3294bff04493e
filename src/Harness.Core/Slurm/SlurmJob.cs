namespace Harness.Core.Slurm;

/// <summary>The files of a written Slurm job: the index map, the array script and the dependent leaderboard script.</summary>
/// <param name="Folder">DIR/slurm.</param>
/// <param name="IndexMap">cells.txt: line i+1 is the cell id of array task i.</param>
/// <param name="ArrayScript">array.sbatch.</param>
/// <param name="LeaderboardScript">leaderboard.sbatch.</param>
/// <param name="Tasks">The number of array tasks.</param>
public sealed record SlurmJob(string Folder, string IndexMap, string ArrayScript, string LeaderboardScript, int Tasks);
