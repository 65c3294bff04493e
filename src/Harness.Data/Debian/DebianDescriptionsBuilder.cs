using System.Security.Cryptography;
using System.Text;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Services;
using Harness.Data.Caching;

namespace Harness.Data.Debian;

/// <summary>
/// Builds the <c>debian-descriptions</c> dataset from apt's package index: one document per binary package (id =
/// package name, text = its long description from Translation-en), one query per package (text = its short
/// description from Packages) whose one labelled positive is the package itself. Packages of the same source
/// package, and packages with the same Description-md5 (identical long description), are recorded as hidden
/// positives of each other. Queries are split into train/dev/test by a hash of the source package name, so all
/// binaries of one source land in one split. The result is deterministic given the same index files.
/// </summary>
public static class DebianDescriptionsBuilder
{
    /// <summary>Bumped whenever the builder's output for the same index changes.</summary>
    public const string BuilderVersion = "debian-descriptions/1";

    /// <summary>The cache area of built datasets.</summary>
    public const string CacheArea = "datasets/debian-descriptions";

    /// <summary>Builds the dataset from an index (no caching).</summary>
    /// <param name="index">The index files.</param>
    /// <param name="options">Split and hidden-positive options.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The dataset.</returns>
    public static InMemoryDataset Build(DebianIndex index, DebianDescriptionsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        var longByMd5 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in index.TranslationFiles)
        {
            foreach (var (line, f) in Deb822Reader.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!f.TryGetValue("Description-md5", out var md5) || !f.TryGetValue("Description-en", out var desc))
                {
                    throw new DatasetFormatException(file, line, "stanza lacks Description-md5 or Description-en");
                }

                var nl = desc.IndexOf('\n', StringComparison.Ordinal);
                var longText = nl < 0 ? string.Empty : CleanLong(desc[(nl + 1)..]);
                longByMd5.TryAdd(md5, longText);
            }
        }

        var packages = new SortedDictionary<string, (string Source, string Short, string Md5)>(StringComparer.Ordinal);
        foreach (var file in index.PackagesFiles)
        {
            foreach (var (line, f) in Deb822Reader.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!f.TryGetValue("Package", out var name) || name.Length == 0)
                {
                    throw new DatasetFormatException(file, line, "stanza lacks a Package field");
                }

                if (!f.TryGetValue("Description", out var shortDesc) || !f.TryGetValue("Description-md5", out var md5))
                {
                    continue; // no description to pair
                }

                var source = f.TryGetValue("Source", out var s) ? s.Split(' ', 2)[0] : name;
                if (options.SourceFraction < 1 && Unit("slice:" + source) >= options.SourceFraction)
                {
                    continue; // outside the slice
                }

                var firstLine = shortDesc.Split('\n', 2)[0].Trim();
                if (firstLine.Length == 0 || !longByMd5.TryGetValue(md5, out var longText) || longText.Length == 0)
                {
                    continue;
                }

                packages.TryAdd(name, (source, firstLine, md5));
            }
        }

        var corpus = new List<Document>(packages.Count);
        var queries = new Dictionary<Split, List<Query>> { [Split.Train] = [], [Split.Dev] = [], [Split.Test] = [] };
        var qrels = new Dictionary<Split, Qrels.Builder> { [Split.Train] = new(), [Split.Dev] = new(), [Split.Test] = new() };
        var hidden = new Dictionary<Split, Qrels.Builder> { [Split.Train] = new(), [Split.Dev] = new(), [Split.Test] = new() };
        var bySource = packages.GroupBy(p => p.Value.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray(), StringComparer.Ordinal);
        var byMd5 = packages.GroupBy(p => p.Value.Md5, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray(), StringComparer.Ordinal);
        foreach (var (name, (source, shortDesc, md5)) in packages)
        {
            corpus.Add(new Document(name, string.Empty, longByMd5[md5]));
            var split = SplitOf(source, options);
            queries[split].Add(new Query(name, shortDesc));
            qrels[split].Add(name, name, 1);
            if (options.MaxHiddenPerQuery <= 0)
            {
                continue;
            }

            var added = 0;
            foreach (var other in byMd5[md5].Concat(bySource[source]))
            {
                if (added >= options.MaxHiddenPerQuery)
                {
                    break;
                }

                if (other != name && !hidden[split].Contains(name, other))
                {
                    hidden[split].Add(name, other, 1);
                    added++;
                }
            }
        }

        if (options.MaxTrainQueries > 0 && queries[Split.Train].Count > options.MaxTrainQueries)
        {
            // Whole source packages in the order of a hash of their name, until the budget is reached (the last
            // source may be cut short, at its packages' ordinal order).
            var sourceOf = packages.ToDictionary(p => p.Key, p => p.Value.Source, StringComparer.Ordinal);
            var kept = queries[Split.Train]
                .OrderBy(q => Unit("train-budget:" + sourceOf[q.Id]))
                .ThenBy(q => sourceOf[q.Id], StringComparer.Ordinal)
                .ThenBy(q => q.Id, StringComparer.Ordinal)
                .Take(options.MaxTrainQueries)
                .Select(q => q.Id)
                .ToHashSet(StringComparer.Ordinal);
            queries[Split.Train] = [.. queries[Split.Train].Where(q => kept.Contains(q.Id))];
            qrels[Split.Train] = Restrict(qrels[Split.Train].Build(), kept);
            hidden[Split.Train] = Restrict(hidden[Split.Train].Build(), kept);
        }

        return new InMemoryDataset(
            "debian-descriptions",
            corpus,
            queries.ToDictionary(p => p.Key, p => (IReadOnlyList<Query>)p.Value),
            qrels.ToDictionary(p => p.Key, p => p.Value.Build()),
            hidden.ToDictionary(p => p.Key, p => p.Value.Build()));
    }

    /// <summary>
    /// Returns the dataset from the host cache, building it once. The cache key is a SHA-256 of the builder version,
    /// the options and the bytes of the index files; the entry (<c>datasets/debian-descriptions/KEY</c>) stores the
    /// dataset and its content hash. Without a cache the dataset is built and not kept.
    /// </summary>
    /// <param name="index">The index files.</param>
    /// <param name="options">Options.</param>
    /// <param name="cache">The host cache, or null.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The dataset.</returns>
    public static InMemoryDataset LoadOrBuild(DebianIndex index, DebianDescriptionsOptions options, IPluginCache? cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        if (cache is null)
        {
            return Build(index, options, cancellationToken);
        }

        var key = SourceKey(index, options);
        var dir = cache.GetOrCreate(CacheArea, key, temp =>
        {
            var dataset = Build(index, options, cancellationToken);
            DatasetFile.Write(dataset, Path.Combine(temp, "dataset.bin"));
            File.WriteAllText(Path.Combine(temp, "content-hash.txt"), dataset.ContentHash + "\n");
            File.WriteAllLines(Path.Combine(temp, "source.txt"), [BuilderVersion, options.ToKey(), .. index.PackagesFiles, .. index.TranslationFiles]);
        });
        return DatasetFile.Read(Path.Combine(dir, "dataset.bin"));
    }

    /// <summary>The cache key of an index and options.</summary>
    /// <param name="index">The index.</param>
    /// <param name="options">The options.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static string SourceKey(DebianIndex index, DebianDescriptionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes(BuilderVersion + "\n" + options.ToKey() + "\n"));
        var buffer = new byte[1 << 16];
        foreach (var file in index.PackagesFiles.Concat(index.TranslationFiles))
        {
            h.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            using var s = File.OpenRead(file);
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                h.AppendData(buffer, 0, n);
            }
        }

        return Convert.ToHexStringLower(h.GetHashAndReset());
    }

    private static Split SplitOf(string source, DebianDescriptionsOptions options)
    {
        var u = Unit("split:" + source);
        return u < options.TestFraction ? Split.Test : u < options.TestFraction + options.DevFraction ? Split.Dev : Split.Train;
    }

    private static Qrels.Builder Restrict(Qrels qrels, HashSet<string> queries)
    {
        var builder = new Qrels.Builder();
        foreach (var q in queries.Order(StringComparer.Ordinal))
        {
            foreach (var (doc, grade) in qrels.For(q))
            {
                builder.Add(q, doc, grade);
            }
        }

        return builder;
    }

    /// <summary>A uniform number in [0, 1) from the SHA-256 of a text (53 bits).</summary>
    private static double Unit(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return (BitConverter.ToUInt64(digest, 0) >> 11) * (1.0 / (1UL << 53));
    }

    private static string CleanLong(string text)
    {
        // deb822 long descriptions: a line of "." is a paragraph break.
        var lines = text.Split('\n').Select(l => l.Trim() == "." ? string.Empty : l.TrimEnd());
        return string.Join("\n", lines).Trim();
    }
}
