namespace Harness.Core.Progress;

/// <summary>
/// One stage of long work. Library code reports to it as a plain <see cref="IProgress{T}"/> of items done (so
/// libraries need no reference to this assembly); disposing the stage marks it finished.
/// </summary>
public interface IProgressStage : IProgress<long>, IDisposable
{
    /// <summary>What is being done.</summary>
    string Label { get; }

    /// <summary>Items to do, or null when unknown.</summary>
    long? Total { get; }
}
