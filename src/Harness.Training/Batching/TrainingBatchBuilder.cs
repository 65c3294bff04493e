using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using static TorchSharp.torch;

namespace Harness.Training.Batching;

/// <summary>
/// Turns training queries, their labelled positives and a sampler's negatives into micro-batches, deterministically:
/// the epoch's query order comes from the stream <c>training/order/epoch=E</c>, each row's positive from
/// <c>training/positive/epoch=E/query=Q</c> and its negatives from <c>training/negatives/epoch=E/query=Q</c> (handed
/// to <see cref="INegativeSampler.SampleBatch"/> as the per-query stream), all drawn from the context's seed. No draw
/// depends on batch size, prefetch timing or the order batches are built in, so prefetching, resuming and
/// accumulation see the same rows. Optional loss fields are set only when the loss declared them.
/// </summary>
internal sealed class TrainingBatchBuilder
{
    private readonly TrainingOptions _options;
    private readonly ITrainingData _training;
    private readonly INegativeSampler _sampler;
    private readonly IPluginContext _context;
    private readonly LossCapabilities _loss;
    private readonly SamplerRequirements _requirements;
    private readonly ITokenizingEncoder? _tokenizer;
    private readonly string _samplerName;

    public TrainingBatchBuilder(TrainingOptions options, ITrainingData training, INegativeSampler sampler, IPluginContext context, LossCapabilities loss, SamplerRequirements requirements, ITokenizingEncoder? tokenizer = null)
    {
        _options = options;
        _training = training;
        _sampler = sampler;
        _context = context;
        _loss = loss;
        _requirements = requirements;
        _tokenizer = tokenizer;
        _samplerName = sampler.GetType().Name;
        var examples = new List<TrainingExample>();
        foreach (var query in training.Queries)
        {
            var positives = training.LabelledPositives(query.Id)
                .Select(id => (Ordinal: training.IndexOf(id), Id: id, Grade: training.Judgments.Grade(query.Id, id) ?? training.PositiveGrade))
                .Where(p => p.Ordinal >= 0)
                .OrderBy(p => p.Id, StringComparer.Ordinal)
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

    /// <summary>Whether padded candidates can be masked (the loss declared Mask); otherwise rows with a shortfall
    /// are left out of the loss and recorded as unused.</summary>
    public bool CanMask => _loss.Has(LossFeatures.Mask);

    public IReadOnlyList<TrainingExample> Examples { get; }

    public int RowsPerStep { get; }

    public int StepsPerEpoch { get; }

    /// <summary>Whether the sampler is asked for negatives in this epoch (not for in-batch-only samplers, not during
    /// the sampler's warm-up epochs, not when 0 negatives are asked for).</summary>
    public bool Samples(int epoch) =>
        _options.Negatives > 0 && !_requirements.Has(SamplerNeeds.InBatchOnly) && epoch >= _requirements.WarmupEpochs;

    /// <summary>M: the positive plus the sampled negatives (1 when nothing is sampled this epoch).</summary>
    public int CandidatesPerQuery(int epoch) => Samples(epoch) ? 1 + _options.Negatives : 1;

    /// <summary>The epoch's order of examples: a Fisher–Yates shuffle from the epoch's stream.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, Examples.Count).ToArray();
        _context.CreateRandom($"training/order/epoch={epoch}").Shuffle(order);
        return order;
    }

    /// <summary>Builds the step's micro-batches. <paramref name="step"/> is 1-based; the sampler is told the number
    /// of steps applied before it (step − 1).</summary>
    public StepBatch Build(int epoch, int[] order, int stepInEpoch, long step)
    {
        var start = stepInEpoch * RowsPerStep;
        var end = Math.Min(order.Length, start + RowsPerStep);
        var micro = new List<MicroBatch>();
        var dropped = new List<NegativesRecord>();
        try
        {
            for (var s = start; s < end; s += _options.BatchSize)
            {
                var examples = Enumerable.Range(s, Math.Min(end, s + _options.BatchSize) - s).Select(r => Examples[order[r]]).ToList();
                var positives = examples.Select(e => e.Positives.Count == 1
                    ? e.Positives[0]
                    : e.Positives[_context.CreateRandom($"training/positive/epoch={epoch}/query={e.Query.Id}").Next(e.Positives.Count)]).ToList();
                IReadOnlyList<NegativeSample> samples;
                if (Samples(epoch))
                {
                    samples = _sampler.SampleBatch(new SampleBatchRequest(
                        examples.Select(e => e.Query).ToList(),
                        _options.Negatives,
                        epoch,
                        step - 1,
                        q => _context.CreateRandom($"training/negatives/epoch={epoch}/query={q.Id}")));
                    if (samples.Count != examples.Count)
                    {
                        throw new InvalidOperationException($"sampler {_samplerName} returned {samples.Count} samples for a batch of {examples.Count} queries");
                    }
                }
                else
                {
                    samples = examples.Select(_ => new NegativeSample([])).ToList();
                }

                var rows = new List<(TrainingExample Example, (int Ordinal, string Id, int Grade) Positive, NegativeSample Sample, int[] Ordinals)>();
                for (var i = 0; i < examples.Count; i++)
                {
                    var ordinals = Samples(epoch) ? Check(examples[i], samples[i]) : [];
                    if (Samples(epoch) && ordinals.Length < _options.Negatives && !CanMask)
                    {
                        dropped.Add(new NegativesRecord(epoch, step, examples[i].Query.Id, [positives[i].Id], samples[i], Used: false));
                        continue;
                    }

                    rows.Add((examples[i], positives[i], samples[i], ordinals));
                }

                if (rows.Count > 0)
                {
                    micro.Add(Assemble(epoch, step, rows));
                }
            }

            return new StepBatch(epoch, stepInEpoch, step, micro, dropped);
        }
        catch
        {
            foreach (var b in micro)
            {
                b.Dispose();
            }

            throw;
        }
    }

    private int[] Check(TrainingExample example, NegativeSample sample)
    {
        if (sample.Check(_options.Negatives) is { } problem)
        {
            throw new InvalidOperationException($"sampler {_samplerName}, query '{example.Query.Id}': {problem}");
        }

        var ordinals = new int[sample.DocumentIds.Count];
        for (var i = 0; i < ordinals.Length; i++)
        {
            var id = sample.DocumentIds[i];
            ordinals[i] = _training.IndexOf(id);
            if (ordinals[i] < 0)
            {
                throw new InvalidOperationException($"sampler {_samplerName} returned '{id}' for query '{example.Query.Id}', which is not a corpus document");
            }

            if (_training.IsLabelledPositive(example.Query.Id, id))
            {
                throw new InvalidOperationException($"sampler {_samplerName} returned the labelled positive '{id}' as a negative of query '{example.Query.Id}'");
            }
        }

        return ordinals;
    }

    private MicroBatch Assemble(int epoch, long step, List<(TrainingExample Example, (int Ordinal, string Id, int Grade) Positive, NegativeSample Sample, int[] Ordinals)> rows)
    {
        var b = rows.Count;
        var m = CandidatesPerQuery(epoch);
        var queries = new string[b];
        var documents = new string[b * m];
        var ids = new string?[b][];
        var labels = new float[b * m];
        var mask = new bool[b * m];
        var weights = new float[b * m];
        var anyWeights = false;
        var records = new NegativesRecord[b];
        for (var i = 0; i < b; i++)
        {
            var (example, positive, sample, ordinals) = rows[i];
            queries[i] = example.Query.Text;
            ids[i] = new string?[m];
            documents[i * m] = _training.Corpus[positive.Ordinal].FullText;
            ids[i][0] = positive.Id;
            labels[i * m] = positive.Grade;
            mask[i * m] = true;
            weights[i * m] = 1;
            for (var c = 1; c < m; c++)
            {
                var j = (i * m) + c;
                weights[j] = 1;
                if (c - 1 < ordinals.Length)
                {
                    documents[j] = _training.Corpus[ordinals[c - 1]].FullText;
                    ids[i][c] = sample.DocumentIds[c - 1];
                    mask[j] = true;
                    if (sample.Weights is { } w)
                    {
                        weights[j] = (float)w[c - 1];
                        anyWeights = true;
                    }
                }
                else
                {
                    // Padding for a shortfall: an empty text, masked out (only reached when the loss can mask).
                    documents[j] = string.Empty;
                }
            }

            records[i] = new NegativesRecord(epoch, step, example.Query.Id, [positive.Id], sample);
        }

        var excluded = _loss.Has(LossFeatures.InBatchExcluded)
            ? LossMath.BuildInBatchExcluded(
                rows.Select(r => r.Example.Query.Id).ToList(),
                ids,
                Enumerable.Range(0, b).Select(i => (IReadOnlyList<float>)labels.AsSpan(i * m, m).ToArray()).ToList(),
                _training,
                m)
            : null;
        var weightTensor = anyWeights && _loss.Has(LossFeatures.Weights) ? tensor(weights, [b, m], ScalarType.Float32) : null;
        return new MicroBatch
        {
            QueryTexts = queries,
            DocumentTexts = documents,
            CandidatesPerQuery = m,
            Labels = labels,
            Mask = mask,
            Rows = records,
            InBatchExcluded = excluded,
            Weights = weightTensor,
            QueryInput = _tokenizer?.Tokenize(queries, TextRole.Query),
            DocumentInput = _tokenizer?.Tokenize(documents, TextRole.Document),
        };
    }
}
