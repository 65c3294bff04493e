using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace HarnessPlugin1;

/// <summary>
/// The plugin: metadata, declared requirements (none: no BM25, dense miner or teacher), and a factory. The host
/// calls Prepare once with the training view (corpus, train queries, training judgments; never hidden positives or
/// dev/test judgments) and the services the requirements declared, then Sample/SampleBatch for each batch with a
/// seeded random stream per query. A sampler must never return a labelled positive (ask the view, whose
/// PositiveGrade is the one definition) and must say why when it returns fewer negatives than asked.
/// </summary>
public sealed class HarnessPlugin1Plugin : INegativeSamplerPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "harness-plugin-id",
        Kind: PluginKind.NegativeSampler,
        Version: "1.0.0",
        Description: "Uniformly random negatives from the corpus, labelled positives excluded.",
        Parameters: []);

    public SamplerRequirements GetRequirements(PluginParameters parameters) => SamplerRequirements.None;

    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) => new RandomNegativeSampler();
}

/// <summary>Random negatives: rejection sampling while the corpus is large, a partial shuffle otherwise.</summary>
public sealed class RandomNegativeSampler : INegativeSampler
{
    private ITrainingData? _training;

    public void Prepare(NegativeSamplerSetup setup) => _training = setup.Training;

    public NegativeSample Sample(Query query, int count, Random random)
    {
        var training = _training ?? throw new InvalidOperationException("Prepare was not called");
        var corpus = training.Corpus;
        var chosen = new List<string>(count);
        if ((long)count * 4 < corpus.Count)
        {
            var seen = new HashSet<int>();
            for (var attempt = 0; chosen.Count < count && attempt < count * 20; attempt++)
            {
                var i = random.Next(corpus.Count);
                if (seen.Add(i) && !training.IsLabelledPositive(query.Id, corpus[i].Id))
                {
                    chosen.Add(corpus[i].Id);
                }
            }
        }

        if (chosen.Count < count)
        {
            // Small corpus (or a query with very many positives): a partial Fisher–Yates shuffle of every document.
            chosen.Clear();
            var order = Enumerable.Range(0, corpus.Count).ToArray();
            for (var k = 0; k < order.Length && chosen.Count < count; k++)
            {
                var j = random.Next(k, order.Length);
                (order[k], order[j]) = (order[j], order[k]);
                if (!training.IsLabelledPositive(query.Id, corpus[order[k]].Id))
                {
                    chosen.Add(corpus[order[k]].Id);
                }
            }
        }

        var shortfall = chosen.Count < count
            ? $"the corpus has {chosen.Count} documents that are not labelled positives of '{query.Id}'; asked for {count}"
            : null;
        return new NegativeSample(chosen, shortfall) { Sources = chosen.Select(_ => "random").ToList() };
    }
}
