using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;

namespace Harness.Tests.Core.Experiments;

public sealed class SpecReaderTests
{
    private const string File = "/specs/m.yaml";

    [Test]
    public void Reads_entries_axes_blocks_and_where_each_was_written()
    {
        var (spec, problems) = SpecReader.Parse("""
            name: m
            seeds: [1, 2, 3]
            device: cpu
            datasets: [ { synthetic: { docs: 100 } } ]
            encoders: [ hashed-bow ]
            losses:
              - infonce: { temperature: [0.02, 0.05] }
              - triplet
            samplers: [ random, bm25 ]
            train: { epochs: 0, lr: [0.001, 0.01] }
            eval: { split: dev, depth: 50, measures: [RR@10], retrieval: both }
            timeout: 1h30m
            """, File);

        Assert.That(problems, Is.Empty);
        Assert.That(spec!.Name, Is.EqualTo("m"));
        Assert.That(spec.Seeds, Is.EqualTo(new[] { 1, 2, 3 }));
        var losses = spec.EntriesOf(PluginKind.Loss);
        Assert.That(losses.Select(l => l.Id), Is.EqualTo(new[] { "infonce", "triplet" }));
        Assert.That(losses[0].Parameters[0].IsAxis, Is.True);
        Assert.That(losses[0].Parameters[0].Values.Select(v => v.Text), Is.EqualTo(new[] { "0.02", "0.05" }));
        Assert.That(losses[0].Parameters[0].KeyPath, Is.EqualTo("losses[0].infonce.temperature"));
        Assert.That(losses[0].Location.Line, Is.EqualTo(7));
        Assert.That(losses[1].Location.Line, Is.EqualTo(8));
        Assert.That(spec.EntriesOf(PluginKind.Reranker).Single().IsNone, Is.True, "rerankers defaults to none");
        Assert.That(spec.Eval, Is.EqualTo(new EvalSettings("dev", 50, ["RR@10"], "both", 100, "cosine")).Using<EvalSettings>((a, b) => a.ToString() == b.ToString()));
        Assert.That(spec.Timeout, Is.EqualTo(TimeSpan.FromMinutes(90)));
        Assert.That(Matrix.Expand(spec), Has.Count.EqualTo(3 * 3 * 2 * 2), "(2 temperatures + triplet) x 2 samplers x 2 lr x 3 seeds");
    }

    [Test]
    public void Broken_yaml_is_one_problem_with_its_line()
    {
        var (spec, problems) = SpecReader.Parse("name: m\nseeds: [1, 2\ndatasets: [x]\n", File);

        Assert.That(spec, Is.Null);
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].ToString(), Does.StartWith("/specs/m.yaml:").And.Contain("broken YAML"));
        Assert.That(problems[0].Location!.Line, Is.InRange(2, 3));
    }

    [Test]
    public void Every_structural_problem_is_reported_at_once_with_line_and_key_path()
    {
        var (spec, problems) = SpecReader.Parse("""
            name: m
            seeds: [1, x, 1]
            device: tpu
            datasets: [ synthetic ]
            encoders: [ hashed-bow ]
            losses: [ { infonce: { temperature: [] } }, Bad_Id ]
            samplers: [ random ]
            train: { epochs: 0, momentum: 0.9 }
            eval: { split: holdout, depth: -1, measures: [nDCG@10, NoSuchMeasure], colour: red }
            exclude: [ { planet: mars } ]
            baseline: { optimizer: adam }
            timeout: soon
            extra: 1
            """, File);

        Assert.That(spec, Is.Not.Null, "a spec with structural problems is still read, so validators can add theirs");
        var lines = problems.Select(p => p.ToString()).ToList();
        Assert.That(lines, Has.Some.EqualTo("/specs/m.yaml:2: seeds[1]: a seed is an integer"));
        Assert.That(lines, Has.Some.EqualTo("/specs/m.yaml:2: seeds[2]: seed 1 is listed twice"));
        Assert.That(lines, Has.Some.EqualTo("/specs/m.yaml:3: device: 'tpu' is not a device (auto, cpu, cuda or cuda:N)"));
        Assert.That(lines, Has.Some.EqualTo("/specs/m.yaml:6: losses[0].infonce.temperature: an axis needs at least one value"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:6: losses[1]: 'Bad_Id' is not a plugin id"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:8: train.momentum: unknown key (known: epochs,"));
        Assert.That(lines, Has.Some.EqualTo("/specs/m.yaml:9: eval.split: 'holdout' is not one of train, dev, test"));
        Assert.That(lines, Has.Some.EqualTo("/specs/m.yaml:9: eval.depth: -1 is out of range (1 to 1000000)"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:9: eval.measures[1]: unknown measure 'NoSuchMeasure'"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:9: eval.colour: unknown key"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:10: exclude[0].planet: unknown key"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:11: baseline.optimizer: unknown key"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:12: timeout: 'soon' is not a duration"));
        Assert.That(lines, Has.Some.StartWith("/specs/m.yaml:13: extra: unknown key (known: name,"));
        Assert.That(problems, Has.Count.EqualTo(14));
        Assert.That(problems.All(p => p.IsCritical), Is.True);
    }

    [Test]
    public void A_missing_plugin_list_is_named()
    {
        var (_, problems) = SpecReader.Parse("datasets: [synthetic]\nencoders: [hashed-bow]\nlosses: [infonce]\n", File);

        Assert.That(problems.Select(p => p.Message), Is.EqualTo(new[] { "missing key 'samplers' (a list of sampler plugin ids)" }));
    }

    [Test]
    public void Run_keys_of_train_cannot_be_axes_and_memory_is_a_size()
    {
        var (spec, problems) = SpecReader.Parse("""
            name: m
            datasets: [ synthetic ]
            encoders: [ hashed-bow ]
            losses: [ infonce ]
            samplers: [ random ]
            train: { epochs: 1, checkpoint_every: [10, 20], keep_encoder: true }
            memory: lots
            """, File);

        var lines = problems.Select(p => p.ToString()).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            "/specs/m.yaml:6: train.checkpoint_every: cannot be a list (an axis): it changes how cells run, not what they compute",
            "/specs/m.yaml:7: memory: 'lots' is not a memory size (bytes, or for example 512MiB, 4GiB, 2G)",
        }));
        Assert.That(spec!.Train.Select(t => t.Name), Is.EqualTo(new[] { "epochs", "keep_encoder" }));
        Assert.That(SpecReader.Parse("name: m\nmemory: 1.5GiB\n", File).Spec!.MemoryLimit, Is.EqualTo(3L << 29));
    }

    [TestCase("1073741824", 1L << 30)]
    [TestCase("512MiB", 512L << 20)]
    [TestCase("512M", 512L << 20)]
    [TestCase("4GiB", 4L << 30)]
    [TestCase("2G", 2L << 30)]
    [TestCase("1.5GB", 3L << 29)]
    [TestCase("64k", 64L << 10)]
    public void Memory_sizes(string text, long bytes)
    {
        Assert.That(ByteSizeText.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(bytes));
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("-1G")]
    [TestCase("4 parsecs")]
    public void Not_memory_sizes(string text) => Assert.That(ByteSizeText.TryParse(text, out _), Is.False);

    [TestCase("90", 90)]
    [TestCase("90s", 90)]
    [TestCase("10m", 600)]
    [TestCase("1h30m", 5400)]
    [TestCase("2h", 7200)]
    public void Durations(string text, int seconds)
    {
        Assert.That(DurationText.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }
}
