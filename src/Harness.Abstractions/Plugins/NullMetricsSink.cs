namespace Harness.Abstractions.Plugins;

/// <summary>A sink that drops every point.</summary>
public sealed class NullMetricsSink : IMetricsSink
{
    private NullMetricsSink()
    {
    }

    /// <summary>The instance.</summary>
    public static NullMetricsSink Instance { get; } = new();

    /// <inheritdoc />
    public void Record(MetricPoint point)
    {
    }
}
