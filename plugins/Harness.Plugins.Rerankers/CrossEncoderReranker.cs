using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;
using Harness.Models.Bert;
using Harness.Models.Numerics;
using Harness.Models.Tokenization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Plugins.Rerankers;

/// <summary>
/// A cross-encoder (Nogueira and Cho 2019, monoBERT): the query and a document are read together as
/// <c>[CLS] query [SEP] document [SEP]</c> (segments 0 and 1) by a BERT encoder, and a linear head on the final
/// [CLS] state gives the relevance score. The host trains it (<see cref="ITrainableReranker"/>) with the cell's
/// training view, sampler and a score-level loss; scoring runs in eval mode (no dropout) under no_grad, in batches of
/// pairs, so the same model gives the same scores.
/// </summary>
public sealed class CrossEncoderReranker : nn.Module<Tensor, Tensor, Tensor, Tensor>, ITrainableReranker
{
    private readonly BertModel _bert;
    private readonly Linear _head;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly int _maxLength;
    private readonly int _batchSize;
    private readonly Device _device;

    /// <summary>Creates the reranker and moves it to <paramref name="device"/>.</summary>
    /// <param name="bert">The encoder (pretrained or initialised); the reranker owns it.</param>
    /// <param name="tokenizer">The tokenizer over its vocabulary.</param>
    /// <param name="maxLength">The most word pieces of a pair, special tokens included (3..the model's positions).</param>
    /// <param name="batchSize">Pairs per forward pass when scoring.</param>
    /// <param name="seed">Seeds the head's initialisation (normal, std 0.02, bias 0, as BERT's classifier).</param>
    /// <param name="device">Where the parameters live.</param>
    public CrossEncoderReranker(BertModel bert, WordPieceTokenizer tokenizer, int maxLength, int batchSize, ulong seed, Device device)
        : base("cross-encoder")
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (maxLength < 3 || maxLength > bert.Config.MaxPositions)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), $"max length {maxLength} is outside 3..{bert.Config.MaxPositions}");
        }

        if (tokenizer.VocabularySize > bert.Config.VocabularySize)
        {
            throw new ArgumentException($"the vocabulary has {tokenizer.VocabularySize} pieces, the model {bert.Config.VocabularySize} rows", nameof(tokenizer));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _bert = bert;
        _tokenizer = tokenizer;
        _maxLength = maxLength;
        _batchSize = batchSize;
        _head = nn.Linear(bert.Config.Hidden, 1);
        using (no_grad())
        using (var generator = new Generator(seed))
        {
            // normal(0.0, 0.02, ...) as TorchSharp computes it (randn · std + mean), with Scalars we keep alive: its own are
            // implicit ones that the GC may free while libtorch reads them (dotnet/TorchSharp#1434).
            using var std = 0.02.ToScalar();
            using var mean = 0.0.ToScalar();
            using var weights = randn(_head.weight!.shape, generator: generator).mul_(std).add_(mean, TorchScalars.One);
            _head.weight.copy_(weights);
            _head.bias!.zero_();
        }

        register_module("bert", _bert);
        register_module("classifier", _head);
        this.to(device);
        _device = device;
    }

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <summary>Scores padded pairs: the head on the final [CLS] state.</summary>
    /// <param name="ids">Token ids, int64 [P, L].</param>
    /// <param name="attentionMask">1 for tokens, 0 for padding, int64 [P, L].</param>
    /// <param name="tokenTypes">Segments, int64 [P, L].</param>
    /// <returns>Scores float32 [P].</returns>
    public override Tensor forward(Tensor ids, Tensor attentionMask, Tensor tokenTypes)
    {
        using var scope = NewDisposeScope();
        var hidden = _bert.Encode(ids, attentionMask, tokenTypes);
        return _head.call(hidden[.., 0, ..]).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Forward(IReadOnlyList<Query> queries, IReadOnlyList<IReadOnlyList<Document>> candidates)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        if (queries.Count != candidates.Count)
        {
            throw new ArgumentException($"{queries.Count} queries but {candidates.Count} candidate lists");
        }

        var width = Math.Max(1, candidates.Max(c => c.Count));
        var pairs = new List<(string Query, string Document)>();
        var slots = new List<long>();
        for (var i = 0; i < queries.Count; i++)
        {
            for (var k = 0; k < candidates[i].Count; k++)
            {
                pairs.Add((queries[i].Text, candidates[i][k].Text));
                slots.Add((i * (long)width) + k);
            }
        }

        using var scope = NewDisposeScope();
        var flat = zeros(queries.Count * (long)width, dtype: ScalarType.Float32, device: _device);
        if (pairs.Count > 0)
        {
            var scores = ScorePairs(pairs);
            flat = flat.index_put_(scores, tensor(slots.ToArray(), device: _device));
        }

        return flat.view(queries.Count, width).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var result = new double[candidates.Count];
        var wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            for (var start = 0; start < candidates.Count; start += _batchSize)
            {
                using var scope = NewDisposeScope();
                var chunk = candidates.Skip(start).Take(_batchSize).Select(d => (query.Text, d.Text)).ToList();
                var scores = ScorePairs(chunk).to(ScalarType.Float64).cpu().data<double>().ToArray();
                scores.CopyTo(result, start);
            }
        }
        finally
        {
            if (wasTraining)
            {
                train();
            }
        }

        return result;
    }

    // Tokenizes the pairs, pads them to the longest and runs the model: scores [P] on the device.
    private Tensor ScorePairs(IReadOnlyList<(string Query, string Document)> pairs)
    {
        var encoded = pairs.Select(p => _tokenizer.EncodePair(p.Query, p.Document, _maxLength)).ToList();
        var length = encoded.Max(e => e.Ids.Length);
        var ids = new long[pairs.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        Array.Fill(ids, _tokenizer.PadId);
        for (var p = 0; p < encoded.Count; p++)
        {
            var (pieces, segments) = encoded[p];
            pieces.CopyTo(ids, p * length);
            segments.CopyTo(types, p * length);
            Array.Fill(mask, 1L, p * length, pieces.Length);
        }

        long[] shape = [pairs.Count, length];
        using var idsTensor = tensor(ids, shape, device: _device);
        using var maskTensor = tensor(mask, shape, device: _device);
        using var typesTensor = tensor(types, shape, device: _device);
        return call(idsTensor, maskTensor, typesTensor);
    }
}
