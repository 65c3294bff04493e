namespace Harness.Models.Bert;

/// <summary>The shape of a BERT encoder (post-LayerNorm, GELU, absolute positions, as in Devlin et al. and HF's BertModel).</summary>
/// <param name="VocabularySize">Word-piece vocabulary rows.</param>
/// <param name="Hidden">Hidden size.</param>
/// <param name="Layers">Transformer layers.</param>
/// <param name="Heads">Attention heads (must divide <paramref name="Hidden"/>).</param>
/// <param name="Intermediate">Feed-forward inner size.</param>
/// <param name="MaxPositions">Position-embedding rows (the longest input).</param>
/// <param name="TypeVocabularySize">Token-type rows.</param>
/// <param name="Dropout">Dropout on embeddings, attention probabilities and sub-layer outputs in training mode.</param>
/// <param name="LayerNormEpsilon">LayerNorm epsilon.</param>
public sealed record BertConfig(
    int VocabularySize,
    int Hidden,
    int Layers,
    int Heads,
    int Intermediate,
    int MaxPositions = 512,
    int TypeVocabularySize = 2,
    double Dropout = 0.1,
    double LayerNormEpsilon = 1e-12)
{
    /// <summary>all-MiniLM-L6-v2 and arctic-embed-xs: 6 layers, hidden 384, 12 heads, FFN 1536, 30,522 word pieces.</summary>
    /// <param name="dropout">Training-mode dropout.</param>
    /// <returns>The configuration.</returns>
    public static BertConfig MiniLmL6H384(double dropout) => new(30522, 384, 6, 12, 1536, Dropout: dropout);
}
