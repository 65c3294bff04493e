namespace Harness.Training.Optimization;

/// <summary>
/// Warm-up then linear decay (or constant), as Hugging Face's <c>get_linear_schedule_with_warmup</c>: for the
/// 0-based step s of T with W warm-up steps, lr(s) = base · s / W while s &lt; W, then base · (T − s) / (T − W)
/// (floored at 0), or base when constant. Like there, the very first step of a warm-up runs at lr 0.
/// </summary>
internal sealed class LearningRateScheduler(double baseRate, long totalSteps, long warmupSteps, LearningRateSchedule schedule)
{
    public long TotalSteps => totalSteps;

    public long WarmupSteps => warmupSteps;

    public double At(long step)
    {
        if (step < warmupSteps)
        {
            return baseRate * step / Math.Max(1, warmupSteps);
        }

        if (schedule == LearningRateSchedule.WarmupConstant)
        {
            return baseRate;
        }

        return baseRate * Math.Max(0.0, (double)(totalSteps - step) / Math.Max(1, totalSteps - warmupSteps));
    }

    public static long Warmup(TrainingOptions options, long totalSteps) =>
        options.WarmupSteps ?? (long)Math.Ceiling(totalSteps * options.WarmupFraction);
}
