using System.IO.Compression;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Core.Caching;
using Harness.Data.Debian;
using Harness.Plugins.Datasets;
using Harness.Tests.Support;
using K4os.Compression.LZ4.Streams;

namespace Harness.Tests.Data;

public sealed class DebianDescriptionsBuilderTests
{
    // Five binary packages: foo and foo-doc come from source "foo" (Source: with a version), bar and bar-dev share one
    // long description (same Description-md5), nolong has no long description, and lonely is on its own.
    private const string Packages = """
        Package: foo
        Version: 1.0-1
        Architecture: amd64
        Description: fast frobnicator for widgets
        Description-md5: aaaa
        Tag: role::program,
         use::editing
        Section: utils

        Package: foo-doc
        Source: foo (1.0-1)
        Description: documentation for the frobnicator
        Description-md5: bbbb

        Package: bar
        Description: library for parsing gizmo files
        Description-md5: cccc

        Package: bar-dev
        Source: bar
        Description: gizmo parsing library (development files)
        Description-md5: cccc

        Package: nolong
        Description: package without a long description
        Description-md5: dddd

        Package: lonely
        Description: tool that counts sheep at night
        Description-md5: eeee

        """;

    private const string Translation = """
        Package: foo
        Description-md5: aaaa
        Description-en: fast frobnicator for widgets
         Foo frobnicates widgets quickly.
         .
         It supports many widget kinds.

        Package: foo-doc
        Description-md5: bbbb
        Description-en: documentation for the frobnicator
         This package holds the HTML manual of foo.

        Package: bar
        Description-md5: cccc
        Description-en: library for parsing gizmo files
         Bar parses gizmo files into trees.

        Package: nolong
        Description-md5: dddd
        Description-en: package without a long description

        Package: lonely
        Description-md5: eeee
        Description-en: tool that counts sheep at night
         Lonely counts sheep, goats and other animals while you sleep.

        Package: not-in-packages
        Description-md5: ffff
        Description-en: ignored
         Only in Translation-en.
        """;

    private static string WriteIndex(TempDirectory t, bool compressed)
    {
        var dir = t.Combine("lists");
        Directory.CreateDirectory(Path.Combine(dir, "partial"));
        if (!compressed)
        {
            t.File("lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", Packages);
            t.File("lists/deb.debian.org_debian_dists_bookworm_main_i18n_Translation-en", Translation);
            return dir;
        }

        using (var o = File.Create(Path.Combine(dir, "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4")))
        using (var z = LZ4Stream.Encode(o))
        {
            z.Write(System.Text.Encoding.UTF8.GetBytes(Packages.ReplaceLineEndings("\n")));
        }

        using (var o = File.Create(Path.Combine(dir, "deb.debian.org_debian_dists_bookworm_main_i18n_Translation-en.gz")))
        using (var z = new GZipStream(o, CompressionLevel.Fastest))
        {
            z.Write(System.Text.Encoding.UTF8.GetBytes(Translation.ReplaceLineEndings("\n")));
        }

        return dir;
    }

    [Test]
    public void Builds_documents_queries_and_self_judgments_from_the_index()
    {
        using var t = new TempDirectory();
        var ds = DebianDescriptionsBuilder.Build(DebianIndex.Find(WriteIndex(t, compressed: false)), new DebianDescriptionsOptions());

        Assert.That(ds.Corpus.Select(d => d.Id), Is.EqualTo(new[] { "bar", "bar-dev", "foo", "foo-doc", "lonely" }), "nolong has no long description; not-in-packages is not a package");
        Assert.That(ds.Corpus.Single(d => d.Id == "foo").Text, Is.EqualTo("Foo frobnicates widgets quickly.\n\nIt supports many widget kinds."));
        Assert.That(ds.Corpus.Single(d => d.Id == "bar-dev").Text, Is.EqualTo("Bar parses gizmo files into trees."), "joined by Description-md5");
        Assert.That(ds.Corpus.All(d => d.Title.Length == 0), Is.True, "the short description is the query, never the title");
        var queries = ds.Splits.SelectMany(s => ds.GetQueries(s)).ToDictionary(q => q.Id, q => q.Text);
        Assert.That(queries["foo-doc"], Is.EqualTo("documentation for the frobnicator"));
        Assert.That(queries, Has.Count.EqualTo(5));
        foreach (var s in ds.Splits)
        {
            foreach (var q in ds.GetQueries(s))
            {
                Assert.That(ds.GetQrels(s).For(q.Id), Is.EqualTo(new Dictionary<string, int> { [q.Id] = 1 }));
            }
        }
    }

    [Test]
    public void Same_source_and_same_description_packages_are_hidden_positives_in_one_split()
    {
        using var t = new TempDirectory();
        var ds = DebianDescriptionsBuilder.Build(DebianIndex.Find(WriteIndex(t, compressed: false)), new DebianDescriptionsOptions());
        Split SplitOf(string q) => ds.Splits.Single(s => ds.GetQueries(s).Any(x => x.Id == q));

        Assert.That(SplitOf("foo"), Is.EqualTo(SplitOf("foo-doc")), "a source package's binaries share a split");
        Assert.That(ds.GetHiddenPositives(SplitOf("foo")).Relevant("foo"), Is.EqualTo(new[] { "foo-doc" }));
        Assert.That(ds.GetHiddenPositives(SplitOf("foo-doc")).Relevant("foo-doc"), Is.EqualTo(new[] { "foo" }));
        Assert.That(ds.GetHiddenPositives(SplitOf("bar")).Relevant("bar"), Is.EqualTo(new[] { "bar-dev" }));
        Assert.That(ds.GetHiddenPositives(SplitOf("lonely")).For("lonely"), Is.Empty);
    }

    [Test]
    public void A_source_fraction_keeps_whole_source_packages_chosen_by_the_hash_of_their_name()
    {
        using var t = new TempDirectory();
        var index = DebianIndex.Find(WriteIndex(t, compressed: false));
        var all = DebianDescriptionsBuilder.Build(index, new DebianDescriptionsOptions());
        var sources = new Dictionary<string, string> { ["foo"] = "foo", ["foo-doc"] = "foo", ["bar"] = "bar", ["bar-dev"] = "bar", ["lonely"] = "lonely" };

        // Independently: a source is kept when the top 53 bits of SHA-256("slice:" + source), as a fraction of 2^53,
        // fall below the fraction.
        static double U(string source)
        {
            var d = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("slice:" + source));
            return (BitConverter.ToUInt64(d, 0) >> 11) / (double)(1UL << 53);
        }

        var previous = all.Corpus.Select(d => d.Id).ToHashSet();
        foreach (var fraction in new[] { 0.9, 0.6, 0.3, 0.05 })
        {
            var options = new DebianDescriptionsOptions { SourceFraction = fraction };
            var slice = DebianDescriptionsBuilder.Build(index, options);
            var kept = slice.Corpus.Select(d => d.Id).ToHashSet();
            var expected = sources.Where(p => U(p.Value) < fraction).Select(p => p.Key).ToHashSet();
            Assert.That(kept, Is.EquivalentTo(expected), $"fraction {fraction}");
            Assert.That(kept.IsSubsetOf(previous), Is.True, "a smaller slice is a subset of a larger one");
            var queries = slice.Splits.SelectMany(s => slice.GetQueries(s)).Select(q => q.Id);
            Assert.That(queries, Is.EquivalentTo(kept), "queries are sliced with their documents");
            foreach (var s in slice.Splits)
            {
                foreach (var q in slice.GetQueries(s))
                {
                    Assert.That(slice.GetHiddenPositives(s).Relevant(q.Id).All(kept.Contains), Is.True, "hidden positives stay inside the slice");
                }
            }

            Assert.That(options.ToKey(), Does.EndWith(FormattableString.Invariant($";sources={fraction:R}")));
            previous = kept;
        }

        Assert.That(new DebianDescriptionsOptions { SourceFraction = 1 }.ToKey(), Is.EqualTo("dev=0.1;test=0.1;maxhidden=100"), "the whole index keeps its cache key");
    }

    [Test]
    public void A_training_budget_keeps_whole_sources_and_leaves_corpus_dev_and_test_alone()
    {
        using var t = new TempDirectory();
        var index = DebianIndex.Find(WriteIndex(t, compressed: false));
        var all = DebianDescriptionsBuilder.Build(index, new DebianDescriptionsOptions { DevFraction = 0, TestFraction = 0 });
        Assert.That(all.GetQueries(Split.Train).Select(q => q.Id), Is.EquivalentTo(new[] { "bar", "bar-dev", "foo", "foo-doc", "lonely" }));

        // Sources in the order of SHA-256("train-budget:" + source), computed independently.
        static double U(string source)
        {
            var d = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("train-budget:" + source));
            return (BitConverter.ToUInt64(d, 0) >> 11) / (double)(1UL << 53);
        }

        var members = new Dictionary<string, string[]> { ["foo"] = ["foo", "foo-doc"], ["bar"] = ["bar", "bar-dev"], ["lonely"] = ["lonely"] };
        var order = members.Keys.OrderBy(U).SelectMany(s => members[s]).ToArray();
        for (var budget = 1; budget <= 5; budget++)
        {
            var options = new DebianDescriptionsOptions { DevFraction = 0, TestFraction = 0, MaxTrainQueries = budget };
            var ds = DebianDescriptionsBuilder.Build(index, options);
            var kept = ds.GetQueries(Split.Train).Select(q => q.Id).ToArray();
            Assert.That(kept, Is.EquivalentTo(order.Take(budget)), $"budget {budget}");
            Assert.That(ds.GetQrels(Split.Train).QueryIds, Is.EquivalentTo(kept), "judgments follow the kept queries");
            Assert.That(ds.Corpus, Is.EqualTo(all.Corpus), "the corpus is unchanged");
            foreach (var q in kept)
            {
                Assert.That(ds.GetHiddenPositives(Split.Train).For(q), Is.EqualTo(all.GetHiddenPositives(Split.Train).For(q)), "a kept query keeps its hidden positives");
            }

            Assert.That(options.ToKey(), Does.EndWith($";maxtrain={budget}"));
        }
    }

    [Test]
    public void Compressed_index_gives_the_same_dataset_and_hash()
    {
        using var t1 = new TempDirectory();
        using var t2 = new TempDirectory();
        var plain = DebianDescriptionsBuilder.Build(DebianIndex.Find(WriteIndex(t1, compressed: false)), new DebianDescriptionsOptions());
        var packed = DebianDescriptionsBuilder.Build(DebianIndex.Find(WriteIndex(t2, compressed: true)), new DebianDescriptionsOptions());
        Assert.That(packed.ContentHash, Is.EqualTo(plain.ContentHash));
    }

    [Test]
    public void Plugin_builds_once_into_the_cache_and_reloads_the_same_hash()
    {
        using var t = new TempDirectory();
        var lists = WriteIndex(t, compressed: true);
        var cache = t.Combine("cache");
        var plugin = new DebianDescriptionsDatasetPlugin();
        var parameters = PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, string> { ["index-dir"] = lists });
        var context = new PluginContext(1) { CacheDirectory = cache, Services = new CacheServices(new CacheStore(cache)) };

        var first = plugin.Create(parameters, context);
        var entries = Directory.GetDirectories(Path.Combine(cache, "datasets", "debian-descriptions"));
        var second = plugin.Create(parameters, context);

        Assert.That(entries, Has.Length.EqualTo(1));
        Assert.That(Path.GetFileName(entries[0]), Does.Not.StartWith(".tmp"));
        Assert.That(File.ReadAllText(Path.Combine(entries[0], "content-hash.txt")).Trim(), Is.EqualTo(first.ContentHash));
        Assert.That(second.ContentHash, Is.EqualTo(first.ContentHash));
        Assert.That(Harness.Data.Hashing.DatasetHasher.Compute(second), Is.EqualTo(first.ContentHash), "the stored hash is the hash of what was reloaded");
        Assert.That(second.Corpus, Is.EqualTo(first.Corpus));
    }

    [Test]
    public void Missing_index_names_the_command_that_fetches_it()
    {
        using var t = new TempDirectory();
        var e = Assert.Throws<FileNotFoundException>(() => DebianIndex.Find(t.Combine("empty")))!;
        Assert.That(e.Message, Does.Contain("scripts/fetch-debian-index.sh"));
        Assert.That(e.Message, Does.Contain("apt-get update -o Acquire::Languages=en -o Dir::State::Lists="));
        Assert.That(e.Message, Does.Contain("Packages and Translation-en"));
    }
}
