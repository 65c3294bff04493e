using Harness.Results.Storage;

namespace Harness.Leaderboard;

/// <summary>A cell that is not in the table: failed, diverged, incomplete or corrupt, with the reason.</summary>
/// <param name="CellId">The cell id.</param>
/// <param name="Configuration">Its configuration (null when the manifest could not be read).</param>
/// <param name="Seed">Its seed (null when unknown).</param>
/// <param name="State">What the folder holds.</param>
/// <param name="Reason">Why, in one line.</param>
public sealed record ProblemCell(string CellId, Aggregation.ConfigurationKey? Configuration, long? Seed, CellState State, string Reason);
