namespace Harness.Abstractions.Plugins;

/// <summary>Where a plugin reports numbers (<see cref="IPluginContext.Metrics"/>). Thread-safe.</summary>
public interface IMetricsSink
{
    /// <summary>Records one point.</summary>
    /// <param name="point">The point.</param>
    void Record(MetricPoint point);
}
