using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Plugins.Datasets;
using Harness.Tests.Support;

namespace Harness.Tests.Plugins.Datasets;

public sealed class DatasetPluginTests
{
    private static IEnumerable<IDatasetPlugin> Plugins() =>
        [new BeirDatasetPlugin(), new TrecDatasetPlugin(), new SyntheticDatasetPlugin(), new DebianDescriptionsDatasetPlugin()];

    [Test]
    public void Every_plugin_has_a_valid_info_with_the_expected_ids()
    {
        Assert.That(Plugins().Select(p => p.Info.Id), Is.EqualTo(new[] { "beir", "trec", "synthetic", "debian-descriptions" }));
        foreach (var p in Plugins())
        {
            Assert.That(p.Info.Validate(), Is.Empty, p.Info.Id);
            Assert.That(p.Info.Kind, Is.EqualTo(PluginKind.Dataset));
        }
    }

    [Test]
    public void Synthetic_plugin_uses_the_context_seed_unless_one_is_given()
    {
        var plugin = new SyntheticDatasetPlugin();
        var p = PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, string> { ["docs"] = "1000", ["queries"] = "100", ["false-negative-rate"] = "0.25" });
        var a = plugin.Create(p, new PluginContext(5));
        var b = plugin.Create(p, new PluginContext(5));
        var c = plugin.Create(p, new PluginContext(6));
        var fixedSeed = PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, string> { ["docs"] = "1000", ["queries"] = "100", ["false-negative-rate"] = "0.25", ["seed"] = "5" });

        Assert.That(a.ContentHash, Is.EqualTo(b.ContentHash));
        Assert.That(a.ContentHash, Is.Not.EqualTo(c.ContentHash));
        Assert.That(plugin.Create(fixedSeed, new PluginContext(99)).ContentHash, Is.EqualTo(a.ContentHash));
        Assert.That(a.Corpus, Has.Count.EqualTo(1000));
    }

    [Test]
    public void Synthetic_plugin_reports_impossible_sizes_as_parameter_errors()
    {
        var plugin = new SyntheticDatasetPlugin();
        var p = PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, string> { ["docs"] = "100", ["queries"] = "100" });
        Assert.Throws<PluginParameterException>(() => plugin.Create(p, new PluginContext(1)));
    }

    [Test]
    public void Beir_and_trec_plugins_load_files_and_require_paths()
    {
        using var t = new TempDirectory();
        t.File("b/corpus.jsonl", "{\"_id\":\"d1\",\"text\":\"a\"}\n");
        t.File("b/queries.jsonl", "{\"_id\":\"q1\",\"text\":\"a\"}\n");
        t.File("b/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        var beir = new BeirDatasetPlugin();
        var ds = beir.Create(PluginParameters.Resolve(beir.Info.Parameters, new Dictionary<string, string> { ["path"] = t.Combine("b") }), new PluginContext(1));
        Assert.That(ds.Name, Is.EqualTo("b"));
        Assert.That(ds.GetQrels(Split.Test).Grade("q1", "d1"), Is.EqualTo(1));
        Assert.Throws<PluginParameterException>(() => beir.Create(PluginParameters.Resolve(beir.Info.Parameters), new PluginContext(1)));

        var c = t.File("c.tsv", "d1\ttext\n");
        var q = t.File("q.tsv", "q1\tquery\n");
        var r = t.File("r.txt", "q1 0 d1 1\n");
        var trec = new TrecDatasetPlugin();
        var td = trec.Create(PluginParameters.Resolve(trec.Info.Parameters, new Dictionary<string, string> { ["collection"] = c, ["test-topics"] = q, ["test-qrels"] = r }), new PluginContext(1));
        Assert.That(td.GetQrels(Split.Test).Grade("q1", "d1"), Is.EqualTo(1));
        var e = Assert.Throws<PluginParameterException>(() => trec.Create(PluginParameters.Resolve(trec.Info.Parameters, new Dictionary<string, string> { ["collection"] = c, ["dev-topics"] = q }), new PluginContext(1)))!;
        Assert.That(e.Errors, Has.Some.Contains("'dev-topics' and 'dev-qrels' must be given together"));
    }
}
