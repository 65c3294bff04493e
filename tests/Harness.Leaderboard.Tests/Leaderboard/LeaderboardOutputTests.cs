using Harness.Leaderboard.Plotting;
using Harness.Leaderboard.Tables;
using Harness.Leaderboard.Tests.Support;
using Harness.Results.Storage;
using Parquet;

namespace Harness.Leaderboard.Tests.Leaderboard;

[TestFixture]
[NonParallelizable] // ScottPlot's default font is process-wide
public sealed class LeaderboardOutputTests
{
    private static async Task<IReadOnlyList<string>> GenerateAsync(string directory) =>
        await LeaderboardWriter.WriteAsync(
            await LeaderboardBuilder.BuildAsync(new ResultStore(directory), new LeaderboardOptions()),
            directory,
            new ScottPlotPlotter());

    private static Dictionary<string, byte[]> Snapshot(string directory, IEnumerable<string> files) =>
        files.ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes);

    [Test]
    public async Task Regenerating_from_the_same_files_gives_identical_bytes()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        var first = Snapshot(dir.Path, await GenerateAsync(dir.Path));
        var second = Snapshot(dir.Path, await GenerateAsync(dir.Path));

        // The same folder copied elsewhere (as from a cluster) gives the same bytes too.
        using var copy = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir.Path, "cells"), "*", SearchOption.AllDirectories).Append(Path.Combine(dir.Path, "matrix.json")))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(dir.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var third = Snapshot(copy.Path, await GenerateAsync(copy.Path));
        Assert.Multiple(() =>
        {
            Assert.That(first.Keys, Is.EquivalentTo(new[]
            {
                "leaderboard.md", "leaderboard.html", "leaderboard.parquet",
                "plots/primary-by-configuration.png", "plots/primary-by-configuration.svg",
                "plots/training-loss.png", "plots/training-loss.svg",
                "plots/false-negatives-vs-ndcg-10.png", "plots/false-negatives-vs-ndcg-10.svg",
                "plots/wins-losses.png", "plots/wins-losses.svg",
            }));
            foreach (var (name, bytes) in first)
            {
                Assert.That(second[name], Is.EqualTo(bytes), $"{name} differs between two runs");
                Assert.That(third[name], Is.EqualTo(bytes), $"{name} differs in a copied folder");
            }
        });
    }

    [Test]
    public async Task Markdown_shows_the_ranked_table_marks_failures_and_citations()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        await GenerateAsync(dir.Path);
        var md = await File.ReadAllTextAsync(Path.Combine(dir.Path, "leaderboard.md"));
        var lines = md.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("# Leaderboard: sample"));
            // Row 1: mean BaseMean + 0.1 = 0.5250, half-width 0.0248, sd 0.0100; better on every query: p = 2/4096 = 0.0005.
            Assert.That(lines, Has.Some.EqualTo("| 1 | hashed-bow/infonce/bm25 | 3 | 0.5250 ± 0.0248 (sd 0.0100) | 0.2625 ± 0.0124 (sd 0.0050) | ▲ | +0.1000 | 0.0005 | <0.0001 | 0.0010 | +11.73 | 12/0/0 | 4.0% |"));
            Assert.That(lines, Has.Some.EqualTo("| 2 | hashed-bow/infonce/random | 3 | 0.4250 ± 0.0248 (sd 0.0100) | 0.2125 ± 0.0124 (sd 0.0050) | baseline |  |  |  |  |  |  | - |"));
            Assert.That(lines, Has.Some.StartsWith("| 3 | hashed-bow/triplet/random | 3 | 0.4250"));
            Assert.That(lines, Has.Some.EqualTo("| triplet-bm25-1 | synthetic | hashed-bow/triplet/bm25 | 1 | failed | plugin 'bm25' threw: index missing |"));
            Assert.That(md, Does.Contain("@inproceedings{infonce, title={infonce}}"));
            Assert.That(md, Does.Contain("![Per-query wins and losses on nDCG@10 against the baseline](plots/wins-losses.png)"));
        });
    }

    [Test]
    public async Task Html_is_self_contained()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        await GenerateAsync(dir.Path);
        var html = await File.ReadAllTextAsync(Path.Combine(dir.Path, "leaderboard.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<script src"));
            Assert.That(html, Does.Contain("data:image/png;base64,"));
            Assert.That(html, Does.Contain("<table id=\"leaderboard\" class=\"sortable\">"));
        });
    }

    [Test]
    public async Task The_aggregated_parquet_has_one_row_per_configuration_and_measure()
    {
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        await GenerateAsync(dir.Path);
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(dir.Path, LeaderboardParquet.FileName));
        using var group = reader.OpenRowGroupReader(0);
        var rank = new int[group.RowCount];
        await group.ReadAsync<int>(reader.Schema.DataFields.Single(f => f.Name == "rank"), rank.AsMemory());
        var mean = new double?[group.RowCount];
        await group.ReadAsync<double>(reader.Schema.DataFields.Single(f => f.Name == "mean"), mean.AsMemory());
        Assert.Multiple(() =>
        {
            Assert.That(reader.Schema.DataFields.Select(f => f.Name).Take(4), Is.EqualTo(new[] { "rank", "dataset", "encoder", "loss" }));
            Assert.That(rank, Is.EqualTo(new[] { 1, 1, 2, 2, 3, 3 }));
            Assert.That(mean[0], Is.EqualTo(SampleMatrix.BaseMean + 0.1).Within(1e-12));
        });
    }
}
