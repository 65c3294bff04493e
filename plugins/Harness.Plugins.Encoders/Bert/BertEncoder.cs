using Harness.Abstractions.Encoders;
using Harness.Models.Bert;
using Harness.Models.Numerics;
using Harness.Models.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>
/// A bi-encoder over a <see cref="BertModel"/>: WordPiece tokenization (with a per-role prefix), the transformer,
/// mean or [CLS] pooling, optional L2 normalisation. One tower serves queries and documents. Many texts are sorted by
/// length and encoded in batches padded to the longest text of each batch, then put back in input order (gradients
/// flow through the reordering, so a training step may encode its whole batch in one call).
/// </summary>
public sealed class BertEncoder : nn.Module<Tensor, Tensor, Tensor>, ITokenizingEncoder
{
    private readonly BertModel _bert;
    private readonly WordPieceTokenizer _tokenizer;

    /// <summary>Creates the encoder and moves it to <paramref name="device"/> (it never moves afterwards).</summary>
    /// <param name="bert">The transformer (weights already loaded or initialised); the encoder owns it.</param>
    /// <param name="tokenizer">The tokenizer over the transformer's vocabulary.</param>
    /// <param name="options">Pooling, lengths, prefixes and freezing.</param>
    /// <param name="device">Where the parameters live.</param>
    public BertEncoder(BertModel bert, WordPieceTokenizer tokenizer, BertEncoderOptions options, Device device)
        : base("bert-encoder")
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxLength < 2 || options.MaxLength > bert.Config.MaxPositions)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"max length {options.MaxLength} is outside 2..{bert.Config.MaxPositions}");
        }

        if (tokenizer.VocabularySize > bert.Config.VocabularySize)
        {
            throw new ArgumentException($"the vocabulary has {tokenizer.VocabularySize} pieces, the model {bert.Config.VocabularySize} rows", nameof(tokenizer));
        }

        _bert = bert;
        _tokenizer = tokenizer;
        Options = options;
        register_module("bert", _bert);
        ApplyFreezing();
        this.to(device);
        Device = device;
    }

    /// <inheritdoc />
    public int Dimension => _bert.Config.Hidden;

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <summary>The options the encoder was created with.</summary>
    public BertEncoderOptions Options { get; }

    /// <summary>The device of the parameters.</summary>
    public Device Device { get; }

    /// <summary>The transformer.</summary>
    public BertModel Bert => _bert;

    /// <summary>The tokenizer.</summary>
    public WordPieceTokenizer Tokenizer => _tokenizer;

    /// <summary>Tokenizes texts for a role: prefix, word pieces, truncation to <see cref="BertEncoderOptions.MaxLength"/>.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="role">Query or document.</param>
    /// <returns>One id array per text ([CLS] ... [SEP]).</returns>
    public IReadOnlyList<long[]> TokenizeIds(IReadOnlyList<string> texts, TextRole role)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prefix = role == TextRole.Query ? Options.QueryPrefix : Options.DocumentPrefix;
        var result = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = _tokenizer.Encode(prefix + (texts[i] ?? string.Empty), Options.MaxLength);
        }

        return result;
    }

    /// <inheritdoc />
    public Tensor Encode(IReadOnlyList<string> texts, TextRole role) => EncodeIds(TokenizeIds(texts, role));

    /// <summary>Tokenizes on the CPU (thread-safe): <c>input_ids</c> and <c>attention_mask</c>, int64 [count, longest],
    /// in input order, padded with [PAD].</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="role">Query or document.</param>
    /// <returns>The CPU tensors.</returns>
    public EncoderInput Tokenize(IReadOnlyList<string> texts, TextRole role)
    {
        var ids = TokenizeIds(texts, role);
        if (ids.Count == 0)
        {
            return new EncoderInput(role, 0, new Dictionary<string, Tensor>(StringComparer.Ordinal)
            {
                ["input_ids"] = zeros([0, 2], dtype: ScalarType.Int64),
                ["attention_mask"] = zeros([0, 2], dtype: ScalarType.Int64),
            });
        }

        var (input, mask) = Pad(ids, CPU);
        return new EncoderInput(role, ids.Count, new Dictionary<string, Tensor>(StringComparer.Ordinal) { ["input_ids"] = input, ["attention_mask"] = mask });
    }

    /// <summary>Embeds a tokenized batch in one forward pass (inputs moved to the parameters' device).</summary>
    /// <param name="input">From <see cref="Tokenize"/>.</param>
    /// <returns>float32 [count, Dimension] on <see cref="Device"/>.</returns>
    public Tensor Forward(EncoderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0)
        {
            return zeros([0, Dimension], dtype: ScalarType.Float32, device: Device);
        }

        using var ids = input.Tensors["input_ids"].to(Device);
        using var mask = input.Tensors["attention_mask"].to(Device);
        return forward(ids, mask);
    }

    /// <summary>Writes the full state: <c>module.dat</c> (every parameter, frozen ones included), <c>vocab.txt</c>
    /// and <c>encoder.txt</c> (the configuration, for people).</summary>
    /// <param name="directory">An existing, empty directory.</param>
    public void Save(string directory)
    {
        save(Path.Combine(directory, "module.dat"));
        File.WriteAllBytes(Path.Combine(directory, "vocab.txt"), [.. _tokenizer.Vocabulary]);
        File.WriteAllText(Path.Combine(directory, "encoder.txt"), $"{_bert.Config}\n{Options}\n");
    }

    /// <summary>Restores a state written by <see cref="Save"/> of an encoder created with the same parameters.</summary>
    /// <param name="directory">The directory.</param>
    /// <exception cref="InvalidDataException">The checkpoint is missing, corrupt or from another configuration.</exception>
    public void Load(string directory)
    {
        var vocabulary = Path.Combine(directory, "vocab.txt");
        if (File.Exists(vocabulary) && !File.ReadAllBytes(vocabulary).AsSpan().SequenceEqual([.. _tokenizer.Vocabulary]))
        {
            throw new InvalidDataException($"{vocabulary}: the checkpoint was saved with another vocabulary");
        }

        var module = Path.Combine(directory, "module.dat");
        try
        {
            load(module);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or NotImplementedException)
        {
            throw new InvalidDataException($"{module}: not a checkpoint of this encoder ({_bert.Config}): {e.Message}", e);
        }
    }

    /// <summary>Encodes tokenized texts: sorted by length, cut into batches (<see cref="Batches"/>), pooled, back in
    /// input order. When the caller records no graph (no_grad), the batches run in inference mode; the result is made
    /// outside it, so it is an ordinary tensor.</summary>
    /// <param name="ids">One id array per text.</param>
    /// <returns>float32 [count, Dimension] on <see cref="Device"/>.</returns>
    public Tensor EncodeIds(IReadOnlyList<long[]> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return zeros([0, Dimension], dtype: ScalarType.Float32, device: Device);
        }

        using var scope = NewDisposeScope();
        var order = Enumerable.Range(0, ids.Count).OrderByDescending(i => ids[i].Length).ToArray();
        var parts = new List<Tensor>();
        using (is_grad_enabled() ? null : inference_mode())
        {
            foreach (var (start, count) in Batches(order.Select(i => ids[i].Length).ToArray(), Options.BatchSize, Options.BatchTokens))
            {
                var batch = order.AsSpan(start, count).ToArray().Select(i => ids[i]).ToList();
                var (input, mask) = Pad(batch, Device);
                parts.Add(Embed(input, batch.All(x => x.Length == batch[0].Length) ? null : mask));
            }
        }

        var sorted = parts.Count == 1 ? parts[0] : cat(parts, 0);
        var inverse = new long[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            inverse[order[k]] = k;
        }

        using var index = tensor(inverse, dtype: ScalarType.Int64, device: Device);
        return sorted.index_select(0, index).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Cuts texts sorted by decreasing length into batches: at most <paramref name="maxTexts"/> texts and at most
    /// <paramref name="maxTokens"/> padded tokens (texts × the first, longest text's length; a text longer than the
    /// budget goes alone). Once a batch holds half of what it may, it also ends where the length drops, so most batches
    /// are of one length: no padding is computed and attention runs without a mask.
    /// </summary>
    /// <param name="lengths">Token counts, in decreasing order.</param>
    /// <param name="maxTexts">Most texts per batch (≥ 1).</param>
    /// <param name="maxTokens">Most padded tokens per batch (≥ 1).</param>
    /// <returns>(start, count) of each batch, in order, covering every text once.</returns>
    public static IEnumerable<(int Start, int Count)> Batches(IReadOnlyList<int> lengths, int maxTexts, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTexts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        var i = 0;
        while (i < lengths.Count)
        {
            var allowed = Math.Clamp(maxTokens / Math.Max(1, lengths[i]), 1, maxTexts);
            var j = i + 1;
            while (j < lengths.Count && j - i < allowed && !(lengths[j] < lengths[j - 1] && 2 * (j - i) >= allowed))
            {
                j++;
            }

            yield return (i, j - i);
            i = j;
        }
    }

    /// <summary>Pads id arrays into a batch.</summary>
    /// <param name="ids">The arrays.</param>
    /// <param name="device">Where the tensors go.</param>
    /// <returns>Ids and attention mask, int64 [count, longest].</returns>
    public (Tensor Ids, Tensor Mask) Pad(IReadOnlyList<long[]> ids, Device device)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var length = ids.Max(x => x.Length);
        var flat = new long[ids.Count * length];
        var mask = new long[ids.Count * length];
        Array.Fill(flat, _tokenizer.PadId);
        for (var i = 0; i < ids.Count; i++)
        {
            ids[i].CopyTo(flat, i * length);
            mask.AsSpan(i * length, ids[i].Length).Fill(1);
        }

        return (tensor(flat, [ids.Count, length], dtype: ScalarType.Int64, device: device),
                tensor(mask, [ids.Count, length], dtype: ScalarType.Int64, device: device));
    }

    /// <summary>Embeds a padded batch: transformer, pooling, normalisation.</summary>
    /// <param name="ids">Token ids, int64 [batch, length].</param>
    /// <param name="mask">Attention mask (1 token, 0 padding), int64 [batch, length].</param>
    /// <returns>float32 [batch, Dimension].</returns>
    public override Tensor forward(Tensor ids, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);

        // A batch without padding (every text as long as the longest) needs no mask (one read of the small mask).
        using var min = mask.numel() == 0 ? null : mask.min();
        return Embed(ids, min is not null && min.item<long>() == 1 ? null : mask);
    }

    /// <summary>Transformer, pooling, normalisation; <paramref name="mask"/> null for a batch without padding.</summary>
    private Tensor Embed(Tensor ids, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var hidden = _bert.Encode(ids, mask, null);
        Tensor pooled;
        if (Options.Pooling == Pooling.Cls)
        {
            pooled = hidden.select(1, 0);
        }
        else if (mask is null)
        {
            pooled = hidden.mean([1]);
        }
        else
        {
            var weights = mask.to_type(hidden.dtype).unsqueeze(-1);
            pooled = hidden.mul(weights).sum(1).div_(weights.sum(1).clamp_min(TorchScalars.PoolingFloor));
        }

        if (Options.Normalize)
        {
            pooled = nn.functional.normalize(pooled, p: 2, dim: 1);
        }

        return pooled.MoveToOuterDisposeScope();
    }

    private void ApplyFreezing()
    {
        if (Options.TrainableLayers < 0)
        {
            return;
        }

        foreach (var p in _bert.Embeddings.parameters())
        {
            p.requires_grad = false;
        }

        var layers = _bert.Layers;
        for (var i = 0; i < layers.Count - Math.Min(Options.TrainableLayers, layers.Count); i++)
        {
            foreach (var p in layers[i].parameters())
            {
                p.requires_grad = false;
            }
        }
    }
}
