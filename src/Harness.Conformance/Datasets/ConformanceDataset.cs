using Harness.Abstractions.Datasets;

namespace Harness.Conformance.Datasets;

/// <summary>
/// A small, fixed, topical dataset the conformance checks run samplers and rerankers on: 48 documents in 8 topics,
/// six training queries (topics 0-5, three labelled positives and one hidden positive each), one dev query (topic 6)
/// and one test query (topic 7). Its hashes are the canonical ones (<see cref="DatasetContentHash"/>). Plugin authors
/// can use it in their own tests; <see cref="TrainingDataView.Create"/> gives its training view.
/// </summary>
public sealed class ConformanceDataset : IDataset
{
    private static readonly string[][] Topics =
    [
        ["kernel", "driver", "module", "firmware", "device", "boot"],
        ["python", "library", "binding", "interpreter", "package", "module"],
        ["font", "glyph", "typeface", "unicode", "render", "serif"],
        ["network", "socket", "packet", "router", "protocol", "firewall"],
        ["database", "query", "index", "table", "transaction", "schema"],
        ["audio", "sound", "codec", "sample", "mixer", "volume"],
        ["image", "pixel", "bitmap", "colour", "filter", "scanner"],
        ["game", "player", "level", "puzzle", "arcade", "score"],
    ];

    private static readonly string[] Filler = ["the", "tool", "provides", "support", "for", "simple", "fast", "data", "files", "users"];

    private readonly Dictionary<Split, IReadOnlyList<Query>> _queries = [];
    private readonly Dictionary<Split, Qrels> _qrels = [];
    private readonly Dictionary<Split, Qrels> _hidden = [];

    /// <summary>Builds the dataset (deterministic: always the same content and hash).</summary>
    public ConformanceDataset()
    {
        var docs = new List<Document>();
        for (var i = 0; i < 48; i++)
        {
            var topic = Topics[i % 8];
            var words = new List<string>();
            for (var w = 0; w < 12; w++)
            {
                words.Add(w % 3 == 2 ? Filler[((i * 7) + w) % Filler.Length] : topic[((i / 8) + w) % topic.Length]);
            }

            docs.Add(new Document($"d{i:D2}", $"{topic[i / 8 % topic.Length]} {Filler[i % Filler.Length]}", string.Join(' ', words)));
        }

        Corpus = docs;
        var train = new List<Query>();
        var trainQrels = new Qrels.Builder();
        var hidden = new Qrels.Builder();
        for (var t = 0; t < 6; t++)
        {
            var id = $"train-{t}";
            train.Add(new Query(id, $"{Topics[t][0]} {Topics[t][1]} {Topics[t][2]}"));
            trainQrels.Add(id, $"d{t:D2}", 2).Add(id, $"d{t + 8:D2}", 1).Add(id, $"d{t + 16:D2}", 1).Add(id, $"d{t + 24:D2}", 0);
            hidden.Add(id, $"d{t + 32:D2}", 1);
        }

        _queries[Split.Train] = train;
        _qrels[Split.Train] = trainQrels.Build();
        _hidden[Split.Train] = hidden.Build();
        _queries[Split.Dev] = [new Query("dev-6", $"{Topics[6][0]} {Topics[6][3]}")];
        _qrels[Split.Dev] = new Qrels.Builder().Add("dev-6", "d06", 1).Add("dev-6", "d14", 1).Build();
        _hidden[Split.Dev] = Qrels.Empty;
        _queries[Split.Test] = [new Query("test-7", $"{Topics[7][0]} {Topics[7][4]}")];
        _qrels[Split.Test] = new Qrels.Builder().Add("test-7", "d07", 2).Add("test-7", "d15", 1).Add("test-7", "d23", 1).Build();
        _hidden[Split.Test] = Qrels.Empty;
        ContentHash = DatasetContentHash.Compute(this);
        CorpusHash = DatasetContentHash.ComputeCorpus(Corpus);
    }

    /// <inheritdoc />
    public string Name => "conformance";

    /// <inheritdoc />
    public string ContentHash { get; }

    /// <inheritdoc />
    public string CorpusHash { get; }

    /// <inheritdoc />
    public IReadOnlyList<Document> Corpus { get; }

    /// <inheritdoc />
    public IReadOnlyList<Split> Splits { get; } = [Split.Train, Split.Dev, Split.Test];

    /// <inheritdoc />
    public IReadOnlyList<Query> GetQueries(Split split) => _queries[split];

    /// <inheritdoc />
    public Qrels GetQrels(Split split) => _qrels[split];

    /// <inheritdoc />
    public Qrels GetHiddenPositives(Split split) => _hidden[split];
}
