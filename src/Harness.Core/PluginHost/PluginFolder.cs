using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Harness.Core.PluginHost;

/// <summary>
/// What a plugin's own folder decides about its load context, beyond McMaster's defaults:
/// <list type="bullet">
/// <item><see cref="PrivateAssemblies"/>: every managed assembly the plugin ships, except the three the host shares,
/// loads from the plugin's folder. McMaster walks the shared assemblies' reference closure into the default context
/// (TorchSharp references SkiaSharp 2.88, so without this a plugin shipping SkiaSharp 3 was handed the host's 2.88,
/// whose native library the host does not carry: DllNotFoundException).</item>
/// <item><see cref="ResolveNativeLibraries"/>: a native library the load context did not find is resolved the way
/// the .NET host resolves an application's (<see cref="AssemblyDependencyResolver"/> over the plugin's deps.json,
/// RID-specific and portable <c>runtimes/RID/native</c> layouts alike), then by file name in the plugin's folder.</item>
/// </list>
/// </summary>
internal static class PluginFolder
{
    /// <summary>The names of the managed assemblies in a plugin's folder (recursively) that are not shared with the host.</summary>
    /// <param name="mainAssemblyPath">The plugin's main assembly.</param>
    /// <param name="shared">Names of the assemblies the host shares.</param>
    /// <returns>Assembly names.</returns>
    public static IReadOnlyList<AssemblyName> PrivateAssemblies(string mainAssemblyPath, IReadOnlyCollection<string> shared)
    {
        var folder = Path.GetDirectoryName(mainAssemblyPath)!;
        var names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories))
        {
            AssemblyName name;
            try
            {
                name = AssemblyName.GetAssemblyName(file);
            }
            catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
            {
                continue;   // a native library, or unreadable: not a managed assembly of the plugin
            }

            if (name.Name is { } simple && !shared.Contains(simple, StringComparer.OrdinalIgnoreCase))
            {
                names.TryAdd(simple, name);
            }
        }

        return names.Values.ToList();
    }

    /// <summary>Resolves native libraries that the plugin's load context did not find from the plugin's deps.json and folder.</summary>
    /// <param name="context">The plugin's load context.</param>
    /// <param name="mainAssemblyPath">The plugin's main assembly.</param>
    public static void ResolveNativeLibraries(AssemblyLoadContext context, string mainAssemblyPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = Path.GetDirectoryName(mainAssemblyPath)!;
        var resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        context.ResolvingUnmanagedDll += (_, name) => Find(resolver, folder, name) is { } file ? NativeLibrary.Load(file) : IntPtr.Zero;
    }

    private static string? Find(AssemblyDependencyResolver resolver, string folder, string name)
    {
        if (resolver.ResolveUnmanagedDllToPath(name) is { } resolved && File.Exists(resolved))
        {
            return resolved;
        }

        var file = Path.GetFileName(name);
        var extension = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        string[] candidates = [file, file + extension, "lib" + file + extension, "lib" + file];
        var rid = RuntimeInformation.RuntimeIdentifier;
        foreach (var dir in new[] { folder, Path.Combine(folder, "runtimes", rid, "native") })
        {
            foreach (var candidate in candidates)
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
