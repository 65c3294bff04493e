namespace Harness.Training;

/// <summary>How the learning rate moves after warm-up.</summary>
public enum LearningRateSchedule
{
    /// <summary>Linear warm-up, then linear decay to 0 at the last step (sentence-transformers' WarmupLinear,
    /// Hugging Face's get_linear_schedule_with_warmup).</summary>
    WarmupLinear,

    /// <summary>Linear warm-up, then constant.</summary>
    WarmupConstant,
}
