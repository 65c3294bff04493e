namespace Harness.Leaderboard;

/// <summary>Draws a leaderboard's plots (implemented in Harness.Leaderboard.Plotting, the project that carries SkiaSharp and fonts).</summary>
public interface ILeaderboardPlotter
{
    /// <summary>Renders every plot the table has data for, in a fixed order. Same table, same bytes.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The plots.</returns>
    IReadOnlyList<PlotFile> Render(LeaderboardTable table);
}
