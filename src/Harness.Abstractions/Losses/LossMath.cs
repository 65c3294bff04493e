using Harness.Abstractions.Datasets;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Abstractions.Losses;

/// <summary>
/// The shared score, mask, weight and reduction math of losses, so built-in and external losses treat
/// <see cref="LossBatch.Mask"/>, <see cref="LossBatch.InBatchExcluded"/> and <see cref="LossBatch.Weights"/> the same
/// way. A loss written against it computes <see cref="ToScores"/> once and then works on a <see cref="ScoreBatch"/>,
/// which also makes it an <see cref="IScoreLoss"/> for free.
/// </summary>
public static class LossMath
{
    /// <summary>
    /// The logit given to masked entries before a softmax or log-sum-exp: finite (so a row with nothing left has a
    /// finite value and gradient) yet far below any real score.
    /// </summary>
    public const double MaskedLogit = -1e30;

    /// <summary>
    /// Scores a batch with the shared similarity (<see cref="SimilarityMath"/>) and lays out labels, mask, weights and
    /// teacher scores in the same columns.
    /// </summary>
    /// <param name="batch">The batch (validated here).</param>
    /// <param name="similarity">Dot or cosine.</param>
    /// <param name="inBatchNegatives">
    /// False: N = M, each query against its own candidates. True: N = B·M, each query against every candidate of the
    /// batch; other queries' candidates are negatives (label 0) unless masked (padding) or excluded
    /// (<see cref="LossBatch.InBatchExcluded"/>); their weights are 1 and their teacher scores NaN.
    /// </param>
    /// <returns>The score batch (tensors in the caller's dispose scope).</returns>
    public static ScoreBatch ToScores(LossBatch batch, SimilarityFunction similarity, bool inBatchNegatives)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        if (!inBatchNegatives)
        {
            return new ScoreBatch(SimilarityMath.Paired(batch.Queries, batch.Documents, similarity), batch.Labels)
            {
                Mask = batch.Mask,
                Weights = batch.Weights,
                TeacherScores = batch.TeacherScores,
                Generator = batch.Generator,
            };
        }

        var b = batch.BatchSize;
        var m = batch.CandidatesPerQuery;
        var n = b * m;
        var scores = SimilarityMath.Matrix(batch.Queries, batch.Documents.reshape(n, batch.Documents.shape[2]), similarity);
        using var _ = no_grad();
        var device = batch.Labels.device;
        var own = eye(b, dtype: ScalarType.Bool, device: device).repeat_interleave(m, dim: 1);
        var notOwn = own.logical_not();
        var labels = batch.Labels.reshape(1, n).expand(b, n).masked_fill(notOwn, Scalars.Zero);
        Tensor? mask = null;
        if (batch.Mask is not null)
        {
            mask = batch.Mask.reshape(1, n).expand(b, n).clone();
        }

        if (batch.InBatchExcluded is not null)
        {
            var allowed = own.logical_or(batch.InBatchExcluded.to(device).logical_not());
            mask = mask is null ? allowed : mask.logical_and(allowed);
        }

        var weights = batch.Weights;
        if (weights is not null && weights.dim() == 2)
        {
            weights = weights.reshape(1, n).expand(b, n).masked_fill(notOwn, Scalars.One);
        }

        var teacher = batch.TeacherScores?.reshape(1, n).expand(b, n).masked_fill(notOwn, Scalars.NaN);
        return new ScoreBatch(scores, labels)
        {
            Mask = mask,
            Weights = weights,
            TeacherScores = teacher,
            Generator = batch.Generator,
        };
    }

    /// <summary>The valid entries of a score batch: its mask, or all true.</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Bool [B, N].</returns>
    public static Tensor Valid(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Mask ?? ones(batch.Scores.shape, dtype: ScalarType.Bool, device: batch.Scores.device);
    }

    /// <summary>Valid labelled positives (label &gt; 0, not masked).</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Bool [B, N].</returns>
    public static Tensor Positives(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Labels.gt(Scalars.Zero).logical_and(Valid(batch));
    }

    /// <summary>Valid negatives (label ≤ 0, not masked).</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Bool [B, N].</returns>
    public static Tensor Negatives(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Labels.le(Scalars.Zero).logical_and(Valid(batch));
    }

    /// <summary>Per-query weights: the [B] weights, or ones.</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Float32 [B].</returns>
    public static Tensor RowWeights(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Weights is { } w && w.dim() == 1
            ? w.to(ScalarType.Float32)
            : ones(batch.Scores.shape[0], dtype: ScalarType.Float32, device: batch.Scores.device);
    }

    /// <summary>Per-candidate weights: the [B, N] weights, or ones.</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Float32 [B, N].</returns>
    public static Tensor ColumnWeights(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Weights is { } w && w.dim() == 2
            ? w.to(ScalarType.Float32)
            : ones(batch.Scores.shape, dtype: ScalarType.Float32, device: batch.Scores.device);
    }

    /// <summary>
    /// Logits for a softmax or log-sum-exp over the entries selected by <paramref name="select"/>: the scores plus
    /// log of the column weights (a weight of 1 changes nothing, 0 removes the entry), and <see cref="MaskedLogit"/>
    /// where not selected. Masked entries get no gradient.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <param name="logits">Scores already scaled (for example divided by a temperature), [B, N].</param>
    /// <param name="select">Which entries take part, bool [B, N].</param>
    /// <returns>Float [B, N].</returns>
    public static Tensor WeightedLogits(ScoreBatch batch, Tensor logits, Tensor select)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(select);
        var x = logits;
        var keep = select;
        if (batch.Weights is { } w && w.dim() == 2)
        {
            x = x.add(w.to(ScalarType.Float32).clamp_min(Scalars.TinyWeight).log(), Scalars.One);
            keep = keep.logical_and(w.gt(Scalars.Zero));
        }

        return x.masked_fill(keep.logical_not(), Scalars.MaskedLogit);
    }

    /// <summary>
    /// Σ weights·terms / Σ weights over the valid entries. Invalid entries contribute neither value nor gradient.
    /// With nothing valid (or all weights zero) the result is 0, still attached to the graph.
    /// </summary>
    /// <param name="terms">Per-element terms.</param>
    /// <param name="valid">Bool, broadcastable to <paramref name="terms"/>.</param>
    /// <param name="weights">Float ≥ 0 broadcastable to <paramref name="terms"/>, or null for all 1.</param>
    /// <returns>A scalar.</returns>
    public static Tensor WeightedMean(Tensor terms, Tensor valid, Tensor? weights)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(valid);
        var v = valid.expand_as(terms);
        var w = (weights is null ? ones_like(terms) : weights.to(terms.dtype).expand_as(terms)).masked_fill(v.logical_not(), Scalars.Zero);
        var safe = terms.masked_fill(v.logical_not(), Scalars.Zero);
        var denominator = w.sum();
        return denominator.item<float>() > 0 ? (safe * w).sum() / denominator : safe.mul(Scalars.Zero).sum();
    }

    /// <summary>
    /// Every (query, positive, negative) score difference <c>d[i, p, n] = s[i, pos_p] - s[i, n]</c>, where pos runs
    /// over row i's valid positives only (P = the most positives of any row, at most M), so memory is O(B·P·N) rather
    /// than O(B·N²). Also returns which triples exist and their weights (row weight × positive's × negative's).
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Differences [B, P, N], valid triples bool [B, P, N], weights float [B, P, N].</returns>
    public static (Tensor Differences, Tensor Valid, Tensor Weights) PairDifferences(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (index, positiveValid) = PositiveColumns(batch);
        var positiveScores = batch.Scores.gather(1, index);
        var differences = positiveScores.unsqueeze(2) - batch.Scores.unsqueeze(1);
        var valid = positiveValid.unsqueeze(2).logical_and(Negatives(batch).unsqueeze(1));
        var columns = ColumnWeights(batch);
        var weights = RowWeights(batch).reshape(-1, 1, 1) * columns.gather(1, index).unsqueeze(2) * columns.unsqueeze(1);
        return (differences, valid, weights);
    }

    /// <summary>
    /// The columns of each row's valid positives, packed to the left: P = the most positives of any row (at least 1);
    /// rows with fewer are padded with other columns marked invalid. The first axis of
    /// <see cref="PairDifferences"/>, for pairwise losses that need the positives' columns themselves (graded pairs,
    /// rank-based pair weights).
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <returns>Column indices int64 [B, P] and whether each is a valid positive, bool [B, P].</returns>
    public static (Tensor Index, Tensor Valid) PositiveColumns(ScoreBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var positive = Positives(batch);
        var p = Math.Max(1L, positive.sum(1).max().item<long>());
        var (isPositive, index) = positive.to(ScalarType.Float32).topk((int)p, dim: 1, largest: true, sorted: true);
        return (index, isPositive.gt(Scalars.Zero));
    }

    /// <summary>
    /// Builds <see cref="LossBatch.InBatchExcluded"/> from ids and training judgments: for row i, column (j, k) with
    /// j ≠ i is excluded when it is padding (null id), the same document as one of row i's positive candidates (label
    /// &gt; 0), or a labelled positive of query i in the training judgments (grade ≥ <see cref="ITrainingData.PositiveGrade"/>).
    /// </summary>
    /// <param name="queryIds">The B query ids.</param>
    /// <param name="candidateIds">Each row's candidate ids (rows may be shorter than M; null = padding).</param>
    /// <param name="labels">Each row's labels, aligned with <paramref name="candidateIds"/>.</param>
    /// <param name="training">The training view (the one definition of a labelled positive).</param>
    /// <param name="candidatesPerQuery">M (at least the longest row).</param>
    /// <returns>Bool [B, B·M] on the CPU.</returns>
    public static Tensor BuildInBatchExcluded(
        IReadOnlyList<string> queryIds,
        IReadOnlyList<IReadOnlyList<string?>> candidateIds,
        IReadOnlyList<IReadOnlyList<float>> labels,
        ITrainingData training,
        int candidatesPerQuery)
    {
        ArgumentNullException.ThrowIfNull(queryIds);
        ArgumentNullException.ThrowIfNull(candidateIds);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(training);
        var b = queryIds.Count;
        var m = candidatesPerQuery;
        if (candidateIds.Count != b || labels.Count != b || candidateIds.Any(r => r.Count > m))
        {
            throw new ArgumentException("query ids, candidate ids and labels must have one row per query, each at most candidatesPerQuery long");
        }

        var excluded = new bool[b * b * m];
        for (var i = 0; i < b; i++)
        {
            var ownPositives = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < candidateIds[i].Count; k++)
            {
                if (candidateIds[i][k] is { } id && labels[i][k] > 0)
                {
                    ownPositives.Add(id);
                }
            }

            for (var j = 0; j < b; j++)
            {
                if (j == i)
                {
                    continue;
                }

                for (var k = 0; k < m; k++)
                {
                    var id = k < candidateIds[j].Count ? candidateIds[j][k] : null;
                    excluded[(((long)i * b) + j) * m + k] = id is null || ownPositives.Contains(id) || training.IsLabelledPositive(queryIds[i], id);
                }
            }
        }

        return tensor(excluded, dtype: ScalarType.Bool).reshape(b, (long)b * m);
    }
}
