namespace Harness.Core.Hosting;

/// <summary>The host services offered to plugins through <c>IPluginContext.Services</c>: instances by service type.</summary>
public sealed class HostServices : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = [];

    /// <summary>No services.</summary>
    public static HostServices Empty { get; } = new();

    /// <summary>Adds a service.</summary>
    /// <typeparam name="T">The service type plugins ask for.</typeparam>
    /// <param name="service">The instance.</param>
    /// <returns>This object.</returns>
    public HostServices Add<T>(T service)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(service);
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("HostServices.Empty is shared; create a new HostServices");
        }

        _services[typeof(T)] = service;
        return this;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
