namespace Harness.Training.Accounting;

/// <summary>
/// The host's false-negative accounting of one sampler in one epoch: exactly the columns of <c>negatives.parquet</c>
/// (Harness.Results' <c>NegativesRow</c>) but the cell id, which the runner adds. Counted by
/// <see cref="NegativesAccounting"/> against the FULL dataset's hidden positives, which the sampler never saw.
/// </summary>
/// <param name="Epoch">Epoch, from 1 (the trainer's 0-based epoch + 1, as negatives.parquet numbers them).</param>
/// <param name="Sampler">The negative sampler's plugin id.</param>
/// <param name="Queries">Training rows (queries) the sampler was asked for negatives in this epoch.</param>
/// <param name="Negatives">Sampled negatives handed to the loss (rows left out of the loss do not count).</param>
/// <param name="Shortfalls">Rows for which the sampler returned fewer negatives than asked.</param>
/// <param name="RankMin">Smallest 0-based pool rank of a negative handed to the loss; null when none was ranked.</param>
/// <param name="RankMedian">Median of those ranks (mean of the two middle ones for an even count); null as above.</param>
/// <param name="RankMax">Largest of those ranks; null as above.</param>
/// <param name="FalseNegatives">Sampled negatives handed to the loss that are hidden positives of their query.</param>
/// <param name="InBatchFalseNegatives">In-batch negatives (other rows' candidates not excluded for the row) that are
/// hidden positives of the row's query; 0 when the loss uses no in-batch negatives.</param>
/// <param name="Dropped">Candidates the sampler considered and dropped as likely false negatives.</param>
/// <param name="DroppedFalseNegatives">Dropped candidates that are hidden positives: the filter's true positives.</param>
public sealed record NegativesAccount(
    int Epoch,
    string Sampler,
    long Queries,
    long Negatives,
    long Shortfalls,
    long? RankMin,
    double? RankMedian,
    long? RankMax,
    long FalseNegatives,
    long InBatchFalseNegatives,
    long Dropped,
    long DroppedFalseNegatives)
{
    /// <summary>False negatives per sampled negative handed to the loss; null when there were none.</summary>
    public double? FalseNegativeRate => Negatives == 0 ? null : (double)FalseNegatives / Negatives;

    /// <summary>The filter's precision: the share of dropped candidates that were hidden positives; null when nothing was dropped.</summary>
    public double? FilterPrecision => Dropped == 0 ? null : (double)DroppedFalseNegatives / Dropped;

    /// <summary>
    /// The filter's recall: the share of the hidden positives that reached the filter (dropped, or kept and handed to
    /// the loss) that it dropped; null when none reached it.
    /// </summary>
    public double? FilterRecall => DroppedFalseNegatives + FalseNegatives == 0 ? null : (double)DroppedFalseNegatives / (DroppedFalseNegatives + FalseNegatives);
}
