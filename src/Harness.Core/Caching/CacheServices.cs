using Harness.Abstractions.Services;

namespace Harness.Core.Caching;

/// <summary>A service provider that offers one <see cref="IPluginCache"/> to plugins (through <c>IPluginContext.Services</c>), and defers every other request.</summary>
/// <param name="cache">The cache.</param>
/// <param name="next">Asked for every other service; null offers nothing else.</param>
public sealed class CacheServices(IPluginCache cache, IServiceProvider? next = null) : IServiceProvider
{
    /// <inheritdoc />
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IPluginCache) ? cache : next?.GetService(serviceType);
}
