using Harness.Abstractions.Data;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Sampling;

namespace Harness.Training.Batching;

/// <summary>
/// Turns training queries, their labelled positives and a sampler's negatives into micro-batches, deterministically:
/// the epoch's query order comes from the stream <c>training/order/epoch=E</c>, each row's positive from
/// <c>training/positive/epoch=E/query=Q</c> and its negatives from <c>training/negatives/epoch=E/query=Q</c>, all
/// drawn from the context's seed. No draw depends on batch size, prefetch timing or the order batches are built
/// in, so prefetching, resuming and accumulation see the same rows.
/// </summary>
internal sealed class TrainingBatchBuilder
{
    private readonly TrainingOptions _options;
    private readonly INegativeSampler _sampler;
    private readonly IPluginContext _context;
    private readonly IReadOnlyList<Document> _corpus;
    private readonly Dictionary<string, int> _ordinals;
    private readonly Qrels _judgments;
    private readonly string _samplerName;

    public TrainingBatchBuilder(TrainingOptions options, IDataset dataset, Split split, INegativeSampler sampler, IPluginContext context, bool canMask)
    {
        _options = options;
        _sampler = sampler;
        _context = context;
        _corpus = dataset.Corpus;
        _samplerName = sampler.GetType().Name;
        CanMask = canMask;
        _ordinals = new Dictionary<string, int>(_corpus.Count, StringComparer.Ordinal);
        for (var i = 0; i < _corpus.Count; i++)
        {
            _ordinals[_corpus[i].Id] = i;
        }

        _judgments = dataset.GetQrels(split);
        var examples = new List<TrainingExample>();
        foreach (var query in dataset.GetQueries(split))
        {
            var positives = _judgments.For(query.Id)
                .Where(j => j.Value >= options.PositiveGrade && _ordinals.ContainsKey(j.Key))
                .OrderBy(j => j.Key, StringComparer.Ordinal)
                .Select(j => (_ordinals[j.Key], j.Key, j.Value))
                .ToList();
            if (positives.Count > 0)
            {
                examples.Add(new TrainingExample(query, positives));
            }
        }

        Examples = examples;
        RowsPerStep = options.BatchSize * options.GradientAccumulationSteps;
        StepsPerEpoch = (Examples.Count + RowsPerStep - 1) / RowsPerStep;
    }

    /// <summary>Whether padded candidates can be masked (the loss takes a Mask); otherwise rows with a shortfall
    /// are left out of the loss and recorded as unused.</summary>
    public bool CanMask { get; }

    public IReadOnlyList<TrainingExample> Examples { get; }

    public int RowsPerStep { get; }

    public int StepsPerEpoch { get; }

    public int CandidatesPerQuery => 1 + _options.Negatives;

    public int EpochsToRun() => _options.Epochs;

    /// <summary>The epoch's order of examples: a Fisher–Yates shuffle from the epoch's stream.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, Examples.Count).ToArray();
        _context.CreateRandom($"training/order/epoch={epoch}").Shuffle(order);
        return order;
    }

    public StepBatch Build(int epoch, int[] order, int stepInEpoch, long step)
    {
        var start = stepInEpoch * RowsPerStep;
        var end = Math.Min(order.Length, start + RowsPerStep);
        var micro = new List<MicroBatch>();
        var dropped = new List<NegativesRecord>();
        for (var s = start; s < end; s += _options.BatchSize)
        {
            var rows = new List<(TrainingExample Example, (int Ordinal, string Id, int Grade) Positive, NegativeSample Sample, int[] Ordinals)>();
            for (var r = s; r < Math.Min(end, s + _options.BatchSize); r++)
            {
                var example = Examples[order[r]];
                var positive = example.Positives.Count == 1
                    ? example.Positives[0]
                    : example.Positives[_context.CreateRandom($"training/positive/epoch={epoch}/query={example.Query.Id}").Next(example.Positives.Count)];
                var sample = _options.Negatives == 0
                    ? new NegativeSample([])
                    : _sampler.Sample(example.Query, _options.Negatives, _context.CreateRandom($"training/negatives/epoch={epoch}/query={example.Query.Id}"));
                var ordinals = Check(example, sample);
                if (ordinals.Length < _options.Negatives && !CanMask)
                {
                    dropped.Add(new NegativesRecord(epoch, step, example.Query.Id, [positive.Id], sample, Used: false));
                    continue;
                }

                rows.Add((example, positive, sample, ordinals));
            }

            if (rows.Count > 0)
            {
                micro.Add(Assemble(epoch, step, rows));
            }
        }

        return new StepBatch(epoch, stepInEpoch, step, micro, dropped);
    }

    private int[] Check(TrainingExample example, NegativeSample sample)
    {
        if (sample.DocumentIds.Count > _options.Negatives)
        {
            throw new InvalidOperationException($"sampler {_samplerName} returned {sample.DocumentIds.Count} negatives for query '{example.Query.Id}'; {_options.Negatives} were asked for");
        }

        var ordinals = new int[sample.DocumentIds.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < ordinals.Length; i++)
        {
            var id = sample.DocumentIds[i];
            if (!_ordinals.TryGetValue(id, out ordinals[i]))
            {
                throw new InvalidOperationException($"sampler {_samplerName} returned '{id}' for query '{example.Query.Id}', which is not a corpus document");
            }

            if (!seen.Add(ordinals[i]))
            {
                throw new InvalidOperationException($"sampler {_samplerName} returned '{id}' twice for query '{example.Query.Id}'");
            }

            if (_judgments.IsRelevant(example.Query.Id, id, _options.PositiveGrade))
            {
                throw new InvalidOperationException($"sampler {_samplerName} returned the labelled positive '{id}' as a negative of query '{example.Query.Id}'");
            }
        }

        return ordinals;
    }

    private MicroBatch Assemble(int epoch, long step, List<(TrainingExample Example, (int Ordinal, string Id, int Grade) Positive, NegativeSample Sample, int[] Ordinals)> rows)
    {
        var b = rows.Count;
        var m = CandidatesPerQuery;
        var queries = new string[b];
        var documents = new string[b * m];
        var ids = new string?[b * m];
        var labels = new float[b * m];
        var mask = new bool[b * m];
        var records = new NegativesRecord[b];
        for (var i = 0; i < b; i++)
        {
            var (example, positive, sample, ordinals) = rows[i];
            queries[i] = example.Query.Text;
            documents[i * m] = _corpus[positive.Ordinal].FullText;
            ids[i * m] = positive.Id;
            labels[i * m] = positive.Grade;
            mask[i * m] = true;
            for (var c = 1; c < m; c++)
            {
                var j = (i * m) + c;
                if (c - 1 < ordinals.Length)
                {
                    documents[j] = _corpus[ordinals[c - 1]].FullText;
                    ids[j] = sample.DocumentIds[c - 1];
                    mask[j] = true;
                }
                else
                {
                    // Padding for a shortfall: an empty text, masked out (only reached when the loss can mask).
                    documents[j] = string.Empty;
                }
            }

            records[i] = new NegativesRecord(epoch, step, example.Query.Id, [positive.Id], sample);
        }

        // [B, B·M]: column j can never be a negative of row i when it is padding, the same document as i's positive,
        // or a labelled positive of i in the training judgments (never hidden positives: the trainer has none).
        var excluded = new bool[b * b * m];
        for (var i = 0; i < b; i++)
        {
            var query = rows[i].Example.Query.Id;
            var positive = rows[i].Positive.Id;
            for (var j = 0; j < b * m; j++)
            {
                var id = ids[j];
                excluded[(i * b * m) + j] = id is null
                    || string.Equals(id, positive, StringComparison.Ordinal)
                    || _judgments.IsRelevant(query, id, _options.PositiveGrade);
            }
        }

        return new MicroBatch(queries, documents, m, labels, mask, excluded, records);
    }
}
