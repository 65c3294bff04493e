using System.Globalization;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;

namespace HarnessPlugin1;

/// <summary>
/// The plugin: metadata, parameters and a factory. A dataset gives the corpus, the queries and judgments of each
/// split, and the hidden positives (relevant pairs held out of the judgments, which only the host's accounting sees),
/// and its content hashes: ContentHash must be the contract's canonical DatasetContentHash.Compute of what was
/// loaded, CorpusHash the canonical DatasetContentHash.ComputeCorpus (the key of BM25 and encoded-corpus caches).
/// Bad files are reported as "file:line: what is wrong" (the host prints that one line).
/// </summary>
public sealed class HarnessPlugin1Plugin : IDatasetPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "harness-plugin-id",
        Kind: PluginKind.Dataset,
        Version: "1.0.0",
        Description: "A folder of tab-separated files: corpus.tsv (id, title, text), queries.tsv (split, id, text), qrels.tsv (split, query, document, grade).",
        Parameters: [ParameterSpec.String("path", "", "The dataset folder.")]);

    public IDataset Create(PluginParameters parameters, IPluginContext context)
    {
        var path = parameters.GetString("path");
        if (path.Length == 0)
        {
            throw new PluginParameterException("parameter 'path' is required (the dataset folder)");
        }

        if (!Directory.Exists(path))
        {
            throw new DatasetUnavailableException($"{path}: no such folder");
        }

        return TsvDataset.Load(path);
    }
}

/// <summary>The loaded dataset, held in memory; hashes are computed on first use.</summary>
public sealed class TsvDataset : IDataset
{
    private readonly Dictionary<Split, List<Query>> _queries;
    private readonly Dictionary<Split, Qrels> _qrels;
    private readonly Lazy<string> _contentHash;
    private readonly Lazy<string> _corpusHash;

    private TsvDataset(string name, List<Document> corpus, Dictionary<Split, List<Query>> queries, Dictionary<Split, Qrels> qrels)
    {
        Name = name;
        Corpus = corpus;
        _queries = queries;
        _qrels = qrels;
        Splits = queries.Where(kv => kv.Value.Count > 0).Select(kv => kv.Key).Order().ToList();
        _contentHash = new Lazy<string>(() => DatasetContentHash.Compute(this));
        _corpusHash = new Lazy<string>(() => DatasetContentHash.ComputeCorpus(Corpus));
    }

    public string Name { get; }

    public string ContentHash => _contentHash.Value;

    public string CorpusHash => _corpusHash.Value;

    public IReadOnlyList<Document> Corpus { get; }

    public IReadOnlyList<Split> Splits { get; }

    public IReadOnlyList<Query> GetQueries(Split split) => _queries.TryGetValue(split, out var q) ? q : [];

    public Qrels GetQrels(Split split) => _qrels.TryGetValue(split, out var q) ? q : Qrels.Empty;

    public Qrels GetHiddenPositives(Split split) => Qrels.Empty;

    /// <summary>Reads the three files of a folder.</summary>
    /// <exception cref="InvalidDataException">A line is malformed ("file:line: reason").</exception>
    public static TsvDataset Load(string folder)
    {
        var corpus = new List<Document>();
        var documentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, line, f) in Rows(Path.Combine(folder, "corpus.tsv"), 3))
        {
            if (!documentIds.Add(f[0]))
            {
                throw new InvalidDataException($"{file}:{line}: document id '{f[0]}' appears twice");
            }

            corpus.Add(new Document(f[0], f[1], f[2]));
        }

        var queries = new Dictionary<Split, List<Query>>();
        var splitOf = new Dictionary<string, Split>(StringComparer.Ordinal);
        foreach (var (file, line, f) in Rows(Path.Combine(folder, "queries.tsv"), 3))
        {
            var split = ParseSplit(f[0], file, line);
            if (!splitOf.TryAdd(f[1], split))
            {
                throw new InvalidDataException($"{file}:{line}: query id '{f[1]}' appears twice");
            }

            (queries.TryGetValue(split, out var list) ? list : queries[split] = []).Add(new Query(f[1], f[2]));
        }

        var builders = new Dictionary<Split, Qrels.Builder>();
        foreach (var (file, line, f) in Rows(Path.Combine(folder, "qrels.tsv"), 4))
        {
            var split = ParseSplit(f[0], file, line);
            if (!splitOf.TryGetValue(f[1], out var querySplit) || querySplit != split)
            {
                throw new InvalidDataException($"{file}:{line}: query '{f[1]}' is not a {f[0]} query of queries.tsv");
            }

            if (!documentIds.Contains(f[2]))
            {
                throw new InvalidDataException($"{file}:{line}: document '{f[2]}' is not in corpus.tsv");
            }

            if (!int.TryParse(f[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var grade))
            {
                throw new InvalidDataException($"{file}:{line}: grade '{f[3]}' is not an integer");
            }

            var builder = builders.TryGetValue(split, out var b) ? b : builders[split] = new Qrels.Builder();
            if (builder.Contains(f[1], f[2]))
            {
                throw new InvalidDataException($"{file}:{line}: judgment ('{f[1]}', '{f[2]}') appears twice");
            }

            builder.Add(f[1], f[2], grade);
        }

        return new TsvDataset(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), corpus, queries, builders.ToDictionary(kv => kv.Key, kv => kv.Value.Build()));
    }

    private static IEnumerable<(string File, int Line, string[] Fields)> Rows(string file, int fields)
    {
        if (!File.Exists(file))
        {
            throw new InvalidDataException($"{file}: missing");
        }

        var line = 0;
        foreach (var text in File.ReadLines(file))
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var f = text.Split('\t');
            if (f.Length != fields || f[0].Length == 0)
            {
                throw new InvalidDataException($"{file}:{line}: expected {fields} tab-separated fields, got {f.Length}");
            }

            yield return (file, line, f);
        }
    }

    private static Split ParseSplit(string value, string file, int line) => value switch
    {
        "train" => Split.Train,
        "dev" => Split.Dev,
        "test" => Split.Test,
        _ => throw new InvalidDataException($"{file}:{line}: split '{value}' is not train, dev or test"),
    };
}
