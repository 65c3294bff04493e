using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Harness.Core.Provenance;

/// <summary>
/// The host's environment, each field computed on first use (reading /proc/cpuinfo, /etc/os-release and the
/// deps.json costs a few milliseconds that a fast verb such as <c>eval</c> should not pay).
/// </summary>
public static class HostEnvironment
{
    private static readonly Lazy<string> OsLazy = new(ReadOs);
    private static readonly Lazy<string> CpuLazy = new(ReadCpu);
    private static readonly Lazy<string> TorchSharpLazy = new(() => InformationalVersion(typeof(TorchSharp.torch).Assembly, out _));
    private static readonly Lazy<string> LibTorchLazy = new(ReadLibTorch);
    private static readonly Lazy<HarnessInfo> HarnessLazy = new(ReadHarness);

    /// <summary>The operating system.</summary>
    public static string Os => OsLazy.Value;

    /// <summary>The CPU model name.</summary>
    public static string Cpu => CpuLazy.Value;

    /// <summary>The harness build (version and commit), read from this assembly's informational version.</summary>
    public static HarnessInfo Harness => HarnessLazy.Value;

    /// <summary>Collects the environment for a device.</summary>
    /// <param name="device">The device tensors run on (<c>cpu</c>, <c>cuda</c>).</param>
    /// <returns>The environment.</returns>
    public static EnvironmentInfo Collect(string device) => new(
        Os,
        Cpu,
        Environment.ProcessorCount,
        Environment.Version.ToString(),
        TorchSharpLazy.Value,
        LibTorchLazy.Value,
        device);

    /// <summary>Splits an informational version <c>VERSION+COMMIT</c> (the SDK appends the commit).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <param name="commit">The commit, or <c>unknown</c>.</param>
    /// <returns>The version without the commit.</returns>
    public static string InformationalVersion(Assembly assembly, out string commit)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var value = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        commit = plus >= 0 && plus < value.Length - 1 ? value[(plus + 1)..] : "unknown";
        return plus >= 0 ? value[..plus] : value;
    }

    private static HarnessInfo ReadHarness()
    {
        var version = InformationalVersion(typeof(HostEnvironment).Assembly, out var commit);
        return new HarnessInfo(version, commit);
    }

    private static string ReadOs()
    {
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var kernel = $"{RuntimeInformation.OSDescription} {arch}";
        try
        {
            if (File.Exists("/proc/sys/kernel/osrelease"))
            {
                kernel = $"Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()} {arch}";
            }

            if (File.Exists("/etc/os-release"))
            {
                var pretty = File.ReadLines("/etc/os-release")
                    .FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"');
                if (!string.IsNullOrEmpty(pretty))
                {
                    return $"{pretty}; {kernel}";
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall back to the kernel description.
        }

        return kernel;
    }

    private static string ReadCpu()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
                if (line is not null && colon >= 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Fall back to the architecture.
        }

        return RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
    }

    /// <summary>The libtorch runtime package the process was built with, from the entry assembly's deps.json.</summary>
    private static string ReadLibTorch()
    {
        try
        {
            var deps = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string;
            foreach (var file in (deps ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!File.Exists(file))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(File.ReadAllBytes(file));
                if (!json.RootElement.TryGetProperty("libraries", out var libraries))
                {
                    continue;
                }

                foreach (var library in libraries.EnumerateObject())
                {
                    var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                    if (slash > 0 && library.Name.StartsWith("libtorch-", StringComparison.Ordinal))
                    {
                        return library.Name[(slash + 1)..];
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unknown below.
        }

        return "unknown";
    }
}
