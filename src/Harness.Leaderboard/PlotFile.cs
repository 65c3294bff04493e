namespace Harness.Leaderboard;

/// <summary>One rendered plot: written as <c>plots/NAME.png</c> and <c>plots/NAME.svg</c>.</summary>
/// <param name="Name">File name without extension.</param>
/// <param name="Title">What it shows (used as caption and alt text).</param>
/// <param name="Png">The PNG bytes.</param>
/// <param name="Svg">The SVG text.</param>
public sealed record PlotFile(string Name, string Title, byte[] Png, string Svg);
