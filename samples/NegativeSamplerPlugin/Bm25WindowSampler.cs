using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Services;

namespace Bm25Window;

/// <summary>The plugin: it declares the Lexical service, so the host gives it BM25 (and nothing else).</summary>
public sealed class Bm25WindowSamplerPlugin : INegativeSamplerPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "bm25-window",
        Kind: PluginKind.NegativeSampler,
        Version: "1.0.0",
        Description: "BM25 negatives from a window of ranks: the top ranks are dropped as likely false negatives.",
        Parameters:
        [
            ParameterSpec.Int("skip", 2, "Unlabelled top-ranked candidates dropped (reported as Dropped).", min: 0),
            ParameterSpec.Int("depth", 50, "BM25 candidates per query.", min: 1),
        ]);

    public SamplerRequirements GetRequirements(PluginParameters parameters) => new() { Needs = SamplerNeeds.Lexical };

    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) =>
        new Bm25WindowSampler(parameters.GetInt("skip"), parameters.GetInt("depth"));
}

/// <summary>
/// Sees only the training view (no hidden positives) and the declared service; the labelled positives come from the
/// view's single threshold (IsLabelledPositive), never from a threshold of its own.
/// </summary>
public sealed class Bm25WindowSampler(int skip, int depth) : INegativeSampler
{
    private ITrainingData? _training;
    private ILexicalSearcher? _bm25;

    public void Prepare(NegativeSamplerSetup setup)
    {
        _training = setup.Training;
        _bm25 = setup.Services.Lexical ?? throw new InvalidOperationException("bm25-window needs the Lexical service");
    }

    public NegativeSample Sample(Query query, int count, Random random)
    {
        var hits = _bm25!.Search(query, depth).Where(h => !_training!.IsLabelledPositive(query.Id, h.DocumentId)).ToList();
        var dropped = hits.Take(skip).Select(h => h.DocumentId).ToList();
        var chosen = hits.Skip(skip).Take(count).ToList();
        return new NegativeSample(
            chosen.Select(h => h.DocumentId).ToList(),
            chosen.Count < count ? $"BM25 found {chosen.Count} candidates below rank {skip} for '{query.Id}'; asked for {count}" : null)
        {
            Ranks = chosen.Select(h => h.Rank).ToList(),
            Scores = chosen.Select(h => h.Score).ToList(),
            Sources = chosen.Select(_ => "bm25").ToList(),
            Dropped = dropped,
        };
    }
}
