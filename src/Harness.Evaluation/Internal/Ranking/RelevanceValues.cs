namespace Harness.Evaluation.Internal.Ranking;

/// <summary>trec_eval's special values in the ranked relevance list (form_res_rels.c).</summary>
internal static class RelevanceValues
{
    /// <summary>Retrieved but not in the qrels.</summary>
    public const int NonPool = -1;

    /// <summary>In the qrels with a negative level (judged but unjudgeable).</summary>
    public const int Unjudged = -2;
}
