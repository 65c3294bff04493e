using System.Diagnostics;

namespace Harness.Core.Slurm;

/// <summary>Submits a written job with <c>sbatch --parsable</c>: the array, then the leaderboard job after it (afterany, so it also runs when some cells failed).</summary>
public static class SlurmSubmitter
{
    /// <summary>Submits the array and the dependent job.</summary>
    /// <param name="job">The written job.</param>
    /// <param name="sbatch">The sbatch executable.</param>
    /// <returns>The array job id and the leaderboard job id.</returns>
    /// <exception cref="InvalidOperationException">sbatch is missing or refused the job (the message has its output).</exception>
    public static (string ArrayJob, string LeaderboardJob) Submit(SlurmJob job, string sbatch = "sbatch")
    {
        ArgumentNullException.ThrowIfNull(job);
        var array = Run(sbatch, ["--parsable", job.ArrayScript]);
        var leaderboard = Run(sbatch, ["--parsable", $"--dependency=afterany:{array}", job.LeaderboardScript]);
        return (array, leaderboard);
    }

    private static string Run(string sbatch, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(sbatch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {sbatch}");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException($"{sbatch} {string.Join(' ', args)} failed (status {p.ExitCode}): {stderr.Trim().ReplaceLineEndings(" ")}");
            }

            // --parsable prints "jobid" or "jobid;cluster".
            return stdout.Result.Trim().Split(';')[0];
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {sbatch}: {e.Message} (is Slurm installed on this machine?)", e);
        }
    }
}
