using Microsoft.Extensions.Logging;

namespace Harness.Core.Hosting;

/// <summary>A logger that tags every message with the plugin id (<c>[bm25] ...</c>) and forwards it to the host's logger.</summary>
/// <param name="pluginId">The plugin id.</param>
/// <param name="inner">The host's logger.</param>
public sealed class PluginIdLogger(string pluginId, ILogger inner) : ILogger
{
    /// <summary>The plugin id the messages are tagged with.</summary>
    public string PluginId { get; } = pluginId;

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        inner.Log(logLevel, eventId, state, exception, (s, e) => $"[{PluginId}] {formatter(s, e)}");
    }
}
