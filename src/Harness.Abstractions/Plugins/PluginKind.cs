namespace Harness.Abstractions.Plugins;

/// <summary>The five extension points of Harness.</summary>
public enum PluginKind
{
    /// <summary>Provides a corpus, queries and relevance judgments (<see cref="IDatasetPlugin"/>).</summary>
    Dataset,

    /// <summary>A trainable model that maps texts to embeddings (<see cref="IEncoderPlugin"/>).</summary>
    Encoder,

    /// <summary>A training objective over query and document embeddings (<see cref="ILossPlugin"/>).</summary>
    Loss,

    /// <summary>Chooses negative documents for training queries (<see cref="INegativeSamplerPlugin"/>).</summary>
    NegativeSampler,

    /// <summary>Re-scores a candidate list for a query (<see cref="IRerankerPlugin"/>).</summary>
    Reranker,
}
