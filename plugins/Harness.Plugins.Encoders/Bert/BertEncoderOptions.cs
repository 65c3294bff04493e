namespace Harness.Plugins.Encoders.Bert;

/// <summary>How a <see cref="BertEncoder"/> turns texts into embeddings and what it trains.</summary>
public sealed record BertEncoderOptions
{
    /// <summary>Token pooling.</summary>
    public Pooling Pooling { get; init; } = Pooling.Mean;

    /// <summary>Whether embeddings are L2-normalised.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>The most word pieces per text, [CLS] and [SEP] included.</summary>
    public int MaxLength { get; init; } = 256;

    /// <summary>Prepended to every query before tokenization (arctic-embed's instruction).</summary>
    public string QueryPrefix { get; init; } = string.Empty;

    /// <summary>Prepended to every document before tokenization.</summary>
    public string DocumentPrefix { get; init; } = string.Empty;

    /// <summary>Most texts per forward pass when encoding many texts (after sorting by length).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Most padded tokens (texts × longest length) per forward pass when encoding many texts; bounds the
    /// batches of long texts (see <see cref="BertEncoder.Batches"/>).</summary>
    public int BatchTokens { get; init; } = 8192;

    /// <summary>-1: every parameter trains. N ≥ 0: only the top N transformer layers train; the embeddings and the
    /// layers below are frozen.</summary>
    public int TrainableLayers { get; init; } = -1;
}
