namespace Harness.Retrieval.Dense;

/// <summary>Settings of <see cref="DenseRetriever"/>.</summary>
public sealed record DenseRetrievalOptions
{
    /// <summary>Texts encoded per forward pass.</summary>
    public int EncodeBatchSize { get; init; } = 512;

    /// <summary>How the encoded corpus is searched (similarity, chunk sizes, device).</summary>
    public DenseSearchOptions Search { get; init; } = new();

    /// <summary>Where encoded corpora are kept between runs; null encodes the corpus every time.</summary>
    public EncodedCorpusStore? Store { get; init; }

    /// <summary>
    /// Identifies the encoder and its weights in <see cref="Store"/> (letters, digits, '-', '_', '.'), for example a
    /// hash of the plugin assembly, its configuration and seed, or of a checkpoint. Required when <see cref="Store"/> is set.
    /// </summary>
    public string? EncoderKey { get; init; }
}
