namespace Harness.Core.Experiments;

/// <summary>The spec's <c>eval:</c> block: what is retrieved and measured for every cell.</summary>
/// <param name="Split">The split evaluated (train, dev or test).</param>
/// <param name="Depth">Documents retrieved per query by the first stage.</param>
/// <param name="Measures">Measures in ir_measures style (nDCG@10, RR@10, R@100, AP...).</param>
/// <param name="Retrieval">First stage: <c>dense</c> (the cell's encoder), <c>bm25</c>, or <c>both</c> (reciprocal rank fusion of the two).</param>
/// <param name="RerankDepth">How many first-stage candidates the reranker rescores.</param>
/// <param name="Similarity">Dense score: cosine or dot.</param>
public sealed record EvalSettings(string Split, int Depth, IReadOnlyList<string> Measures, string Retrieval, int RerankDepth, string Similarity)
{
    /// <summary>What a spec without an <c>eval:</c> block gets.</summary>
    public static EvalSettings Default { get; } = new("test", 100, ["nDCG@10", "RR@10", "R@100", "AP"], "dense", 100, "cosine");

    /// <summary>The canonical text form, part of every cell id.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"split={Split},depth={Depth},measures={string.Join(";", Measures)},retrieval={Retrieval},rerank_depth={RerankDepth},similarity={Similarity}";
}
