using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using NUnit.Framework;

namespace HarnessPlugin1.Tests;

/// <summary>Where the test data is copied (TestData/ beside the test assembly).</summary>
internal static class TestFolders
{
    public static string Data => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData");
}

public sealed class DatasetTests
{
    private static string Folder => TestFolders.Data;

    private static PluginParameters WithPath(HarnessPlugin1Plugin plugin, string path) =>
        PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, object?> { ["path"] = path });

    [Test]
    public void Reads_the_test_data()
    {
        var plugin = new HarnessPlugin1Plugin();
        var data = plugin.Create(WithPath(plugin, Folder), new PluginContext(1));
        Assert.That(data.Corpus.Select(d => d.Id), Is.EqualTo(new[] { "d1", "d2", "d3", "d4" }));
        Assert.That(data.Splits, Is.EqualTo(new[] { Split.Train, Split.Test }));
        Assert.That(data.GetQrels(Split.Train).Relevant("q1", 2), Is.EqualTo(new[] { "d1" }));
        Assert.That(data.ContentHash, Is.EqualTo(DatasetContentHash.Compute(data)));
        Assert.That(data.CorpusHash, Is.EqualTo(DatasetContentHash.ComputeCorpus(data.Corpus)));
    }

    [Test]
    public void A_malformed_line_is_reported_with_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("harness-plugin-test-").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(Folder))
            {
                File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
            }

            File.AppendAllText(Path.Combine(folder, "qrels.tsv"), "train\tq2\td9\t1\n");
            var plugin = new HarnessPlugin1Plugin();
            var e = Assert.Throws<InvalidDataException>(() => plugin.Create(WithPath(plugin, folder), new PluginContext(1)));
            Assert.That(e!.Message, Is.EqualTo($"{Path.Combine(folder, "qrels.tsv")}:5: document 'd9' is not in corpus.tsv"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
