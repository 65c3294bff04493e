using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// One training batch as a loss sees it: B queries, each with M candidate documents and their graded labels.
/// A label &gt; 0 marks a labelled positive (its value is the grade, used by listwise losses); ≤ 0 marks a negative.
/// The usual layout is the positive(s) first, then the sampled negatives; rows shorter than M are padded and masked.
/// Every optional field is null unless the loss declared it (<see cref="LossCapabilities"/>).
/// </summary>
/// <param name="Queries">Query embeddings, float32 [B, d].</param>
/// <param name="Documents">Candidate document embeddings, float32 [B, M, d].</param>
/// <param name="Labels">Graded labels, float32 [B, M]; every row has at least one (unmasked) positive.</param>
public sealed record LossBatch(Tensor Queries, Tensor Documents, Tensor Labels)
{
    /// <summary>The number of queries B.</summary>
    public long BatchSize => Queries.shape[0];

    /// <summary>The number of candidates per query M.</summary>
    public long CandidatesPerQuery => Documents.shape[1];

    /// <summary>
    /// Bool [B, M]: false where there is no candidate (ragged lists, sampler shortfalls). A masked candidate must
    /// neither change the loss nor get a gradient, and is not an in-batch negative of any row.
    /// </summary>
    public Tensor? Mask { get; init; }

    /// <summary>
    /// Bool [B, B·M] over the flattened candidates (column <c>j·M + k</c> is candidate k of query j): true where
    /// column j must never be a negative of row i — the same document as one of i's positives, a labelled positive of
    /// i in the TRAINING judgments, or padding. Entries in row i's own block are ignored (its labels decide). Built by
    /// the host from ids and training judgments only (<see cref="LossMath.BuildInBatchExcluded"/>), never from hidden
    /// positives.
    /// </summary>
    public Tensor? InBatchExcluded { get; init; }

    /// <summary>
    /// Float32 ≥ 0, [B] or [B, M]. [B]: query i's terms are weighted by w_i (the loss is Σ w·term / Σ w). [B, M]: a
    /// positive's weight scales its terms, a negative's weight scales its contribution (pairwise terms weigh
    /// w_pos·w_neg; softmax losses add log w to the negative's logit). All ones equals no weights; a zero weight
    /// removes the term (and, for [B], the query's gradient).
    /// </summary>
    public Tensor? Weights { get; init; }

    /// <summary>Float32 [B, M] teacher scores (a cross-encoder's) for distillation or guided filtering.</summary>
    public Tensor? TeacherScores { get; init; }

    /// <summary>
    /// Float32 [B, M, F] per-candidate side information (first-stage rank and score, judged flag, source), named by
    /// <see cref="FeatureNames"/>.
    /// </summary>
    public Tensor? Features { get; init; }

    /// <summary>The names of the last dimension of <see cref="Features"/>.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Randomness for this batch (tie-breaking, dropout of a loss module); created by the host per step.</summary>
    public Generator? Generator { get; init; }

    /// <summary>Throws when shapes are inconsistent or a row has no valid positive.</summary>
    /// <exception cref="ArgumentException">What is inconsistent.</exception>
    public void Validate()
    {
        if (Queries.dim() != 2 || Documents.dim() != 3 || Labels.dim() != 2)
        {
            throw new ArgumentException($"expected queries [B,d], documents [B,M,d], labels [B,M]; got [{string.Join(",", Queries.shape)}], [{string.Join(",", Documents.shape)}], [{string.Join(",", Labels.shape)}]");
        }

        var b = Queries.shape[0];
        var m = Documents.shape[1];
        if (Documents.shape[0] != b || Labels.shape[0] != b || Labels.shape[1] != m || Documents.shape[2] != Queries.shape[1])
        {
            throw new ArgumentException($"inconsistent shapes: queries [{string.Join(",", Queries.shape)}], documents [{string.Join(",", Documents.shape)}], labels [{string.Join(",", Labels.shape)}]");
        }

        if (Mask is not null && (Mask.dtype != ScalarType.Bool || Mask.dim() != 2 || Mask.shape[0] != b || Mask.shape[1] != m))
        {
            throw new ArgumentException($"mask must be bool [{b},{m}]; got {Mask.dtype} [{string.Join(",", Mask.shape)}]");
        }

        if (InBatchExcluded is not null && (InBatchExcluded.dtype != ScalarType.Bool || InBatchExcluded.dim() != 2 || InBatchExcluded.shape[0] != b || InBatchExcluded.shape[1] != b * m))
        {
            throw new ArgumentException($"in-batch exclusions must be bool [{b},{b * m}]; got {InBatchExcluded.dtype} [{string.Join(",", InBatchExcluded.shape)}]");
        }

        ValidateWeights(Weights, b, m);
        if (TeacherScores is not null && (TeacherScores.dim() != 2 || TeacherScores.shape[0] != b || TeacherScores.shape[1] != m))
        {
            throw new ArgumentException($"teacher scores must be [{b},{m}]; got [{string.Join(",", TeacherScores.shape)}]");
        }

        if (Features is not null && (Features.dim() != 3 || Features.shape[0] != b || Features.shape[1] != m))
        {
            throw new ArgumentException($"features must be [{b},{m},F]; got [{string.Join(",", Features.shape)}]");
        }

        using var _ = no_grad();
        using var positive = Mask is null ? Labels.gt(Scalars.Zero) : Labels.gt(Scalars.Zero).logical_and(Mask);
        using var rowHasPositive = positive.any(1);
        if (!rowHasPositive.all().item<bool>())
        {
            throw new ArgumentException("every query in a loss batch needs at least one positive (label > 0, not masked)");
        }
    }

    /// <summary>Throws when weights are not float [B] or [B, N] with finite values ≥ 0.</summary>
    /// <param name="weights">The weights, or null.</param>
    /// <param name="b">B.</param>
    /// <param name="n">N (M or B·M).</param>
    /// <exception cref="ArgumentException">What is wrong.</exception>
    internal static void ValidateWeights(Tensor? weights, long b, long n)
    {
        if (weights is null)
        {
            return;
        }

        var okShape = (weights.dim() == 1 && weights.shape[0] == b) || (weights.dim() == 2 && weights.shape[0] == b && weights.shape[1] == n);
        if (!okShape || !weights.is_floating_point())
        {
            throw new ArgumentException($"weights must be float [{b}] or [{b},{n}]; got {weights.dtype} [{string.Join(",", weights.shape)}]");
        }

        using var _ = no_grad();
        using var bad = weights.lt(Scalars.Zero).logical_or(weights.isfinite().logical_not()).any();
        if (bad.item<bool>())
        {
            throw new ArgumentException("weights must be finite and ≥ 0");
        }
    }
}
