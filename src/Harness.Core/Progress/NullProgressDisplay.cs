namespace Harness.Core.Progress;

/// <summary>A display that shows nothing.</summary>
public sealed class NullProgressDisplay : IProgressDisplay
{
    /// <summary>The shared instance.</summary>
    public static NullProgressDisplay Instance { get; } = new();

    /// <inheritdoc />
    public IProgressStage Start(string label, long? total) => new Stage(label, total);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed record Stage(string Label, long? Total) : IProgressStage
    {
        public void Report(long value)
        {
        }

        public void Dispose()
        {
        }
    }
}
