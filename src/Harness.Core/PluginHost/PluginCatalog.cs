using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Harness.Abstractions;
using Harness.Abstractions.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Harness.Core.PluginHost;

/// <summary>
/// Discovers and loads plugins. The boundary is ISOLATION (see README "Writing a plugin", "The plugin/host boundary"):
/// each plugin assembly gets its own load context (McMaster.NETCore.Plugins) that shares exactly three things with the
/// host — the contracts (Harness.Abstractions), TorchSharp and Microsoft.Extensions.Logging.Abstractions — so a
/// plugin's <c>Tensor</c> and <c>ILogger</c> are the host's. Everything else a plugin needs it carries in its own folder
/// and gets its own copy of, even when the host has another version of the same assembly loaded
/// (<c>PreferSharedTypes = false</c>, and every assembly in the plugin's folder private: <see cref="PluginFolder"/>),
/// native libraries included (resolved from the plugin's deps.json and folder); host functionality (BM25, dense mining, caches) reaches plugins only through
/// the services of the contract. Every failure is confined to the plugin that caused it: a file that is not an
/// assembly, a missing dependency, an incompatible contract version (1.x included), a TorchSharp minor other than
/// the contract's, a constructor that throws, invalid metadata or a duplicate id skips that plugin with one
/// <see cref="PluginLoadProblem"/> and loads all others.
/// </summary>
public sealed class PluginCatalog
{
    private static readonly Type[] SharedTypes = [typeof(IPlugin), typeof(torch), typeof(ILogger)];

    /// <summary>The assemblies the host shares with every plugin: the contracts, TorchSharp, the logging abstractions. Nothing else.</summary>
    public static IReadOnlyList<string> SharedAssemblies { get; } = SharedTypes.Select(t => t.Assembly.GetName().Name!).ToList();

    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<PluginLoadProblem> _problems = [];
    private readonly Dictionary<string, LoadedPlugin> _byId = new(StringComparer.Ordinal);

    private PluginCatalog()
    {
    }

    /// <summary>Loaded plugins, in search-path order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    /// <summary>Everything that was skipped, one entry per file or plugin type.</summary>
    public IReadOnlyList<PluginLoadProblem> Problems => _problems;

    /// <summary>Directories the user named that do not exist (an error for the CLI).</summary>
    public IReadOnlyList<PluginDirectory> MissingDirectories { get; private set; } = [];

    /// <summary>Loads every plugin found in the given folders.</summary>
    /// <param name="directories">The search path (see <see cref="PluginSearchPath"/>).</param>
    /// <returns>The catalog.</returns>
    public static PluginCatalog Load(IEnumerable<PluginDirectory> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var catalog = new PluginCatalog();
        var missing = new List<PluginDirectory>();
        foreach (var dir in directories)
        {
            if (!Directory.Exists(dir.Path))
            {
                if (dir.ExplicitlyGiven)
                {
                    missing.Add(dir);
                }

                continue;
            }

            foreach (var candidate in FindCandidates(dir.Path, catalog._problems))
            {
                catalog.LoadAssembly(candidate);
            }
        }

        catalog.MissingDirectories = missing;
        return catalog;
    }

    /// <summary>
    /// Loads the plugins at explicit paths: a plugin DLL, a plugin folder (<c>Name/Name.dll</c>) or a folder of plugins.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The catalog; paths that do not exist are reported as problems.</returns>
    public static PluginCatalog LoadPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var catalog = new PluginCatalog();
        foreach (var raw in paths)
        {
            var path = Path.GetFullPath(raw);
            if (File.Exists(path))
            {
                catalog.LoadAssembly(path);
            }
            else if (Directory.Exists(path))
            {
                var own = Path.Combine(path, Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)) + ".dll");
                if (File.Exists(own))
                {
                    catalog.LoadAssembly(own);
                }
                else
                {
                    foreach (var candidate in FindCandidates(path, catalog._problems))
                    {
                        catalog.LoadAssembly(candidate);
                    }
                }
            }
            else
            {
                catalog._problems.Add(new PluginLoadProblem(path, "no such file or directory"));
            }
        }

        return catalog;
    }

    /// <summary>Finds a loaded plugin by id.</summary>
    /// <param name="id">The plugin id.</param>
    /// <returns>The plugin, or null.</returns>
    public LoadedPlugin? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds a loaded plugin by id and checks its kind.</summary>
    /// <typeparam name="T">The plugin interface (for example <see cref="ILossPlugin"/>).</typeparam>
    /// <param name="id">The plugin id.</param>
    /// <returns>The plugin.</returns>
    /// <exception cref="KeyNotFoundException">No plugin has that id, or it is of another kind; the message lists the ids of the wanted kind.</exception>
    public T Get<T>(string id)
        where T : class, IPlugin
    {
        var kind = PluginKinds.All.Single(k => k.Interface == typeof(T)).Kind;
        if (Find(id) is { Plugin: T typed })
        {
            return typed;
        }

        var known = _plugins.Where(p => p.Kind == kind).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        throw new KeyNotFoundException($"no {PluginKinds.ToName(kind)} plugin '{id}' (loaded: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
    }

    private static IEnumerable<string> FindCandidates(string directory, List<PluginLoadProblem> problems)
    {
        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var own = Path.Combine(sub, Path.GetFileName(sub) + ".dll");
            if (File.Exists(own))
            {
                yield return own;
            }
            else if (Directory.EnumerateFiles(sub, "*.dll").Any())
            {
                problems.Add(new PluginLoadProblem(sub, $"plugin folder has no {Path.GetFileName(sub)}.dll (a plugin folder must contain an assembly named after the folder)"));
            }
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal))
        {
            yield return file;
        }
    }

    private void LoadAssembly(string path)
    {
        Version contract;
        try
        {
            var (referenced, torchSharp) = ReadReferences(path);
            if (referenced is null)
            {
                _problems.Add(new PluginLoadProblem(path, $"does not reference {HarnessContract.AssemblyName}: not a Harness plugin"));
                return;
            }

            if (!HarnessContract.IsCompatible(referenced))
            {
                var hint = referenced.Major < HarnessContract.Major
                    ? $"rebuild it against {HarnessContract.AssemblyName} {HarnessContract.Version} (contract {referenced.Major}.x plugins are not loaded)"
                    : "use a newer host";
                _problems.Add(new PluginLoadProblem(path, $"built against plugin contract {referenced.Major}.{referenced.Minor}; this host supports contract {HarnessContract.Version} (same major, minor up to {HarnessContract.Minor}): {hint}"));
                return;
            }

            if (torchSharp is not null && !HarnessContract.IsTorchSharpCompatible(torchSharp))
            {
                _problems.Add(new PluginLoadProblem(path, $"compiled against TorchSharp {torchSharp.Major}.{torchSharp.Minor}.{torchSharp.Build}; the contract's tensors are TorchSharp {HarnessContract.TorchSharpVersion} (0.x minors change API): rebuild it against TorchSharp {HarnessContract.TorchSharpVersion}.x"));
                return;
            }

            contract = new Version(referenced.Major, referenced.Minor);
        }
        catch (BadImageFormatException)
        {
            _problems.Add(new PluginLoadProblem(path, "not a .NET assembly (bad image format)"));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _problems.Add(new PluginLoadProblem(path, $"cannot read file: {e.Message}"));
            return;
        }

        Type[] types;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config =>
            {
                config.PreferSharedTypes = false;
                foreach (var name in PluginFolder.PrivateAssemblies(path, SharedAssemblies.ToList()))
                {
                    config.PrivateAssemblies.Add(name);
                }
            });
            var assembly = loader.LoadDefaultAssembly();
            PluginFolder.ResolveNativeLibraries(AssemblyLoadContext.GetLoadContext(assembly)!, path);
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null);
            _problems.Add(new PluginLoadProblem(path, $"cannot load its types: {Describe(first ?? e)}"));
            return;
        }
        catch (Exception e)
        {
            _problems.Add(new PluginLoadProblem(path, $"cannot load assembly: {Describe(e)}"));
            return;
        }

        var pluginTypes = types
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && typeof(IPlugin).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (pluginTypes.Count == 0)
        {
            _problems.Add(new PluginLoadProblem(path, "contains no plugin types (public classes implementing IDatasetPlugin, IEncoderPlugin, ILossPlugin, INegativeSamplerPlugin or IRerankerPlugin)"));
            return;
        }

        foreach (var type in pluginTypes)
        {
            LoadType(path, type, contract);
        }
    }

    private void LoadType(string path, Type type, Version contract)
    {
        var kinds = PluginKinds.Implemented(type);
        if (kinds.Count != 1)
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: " + (kinds.Count == 0
                ? "implements IPlugin but none of the plugin kind interfaces"
                : $"implements several plugin kinds ({string.Join(", ", kinds.Select(PluginKinds.ToName))}); a plugin type must implement exactly one")));
            return;
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: has no public parameterless constructor"));
            return;
        }

        IPlugin plugin;
        PluginInfo info;
        try
        {
            plugin = (IPlugin)Activator.CreateInstance(type)!;
            info = plugin.Info ?? throw new InvalidOperationException("Info returned null");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: constructor threw {Describe(e.InnerException)}"));
            return;
        }
        catch (Exception e)
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: cannot create or read its metadata: {Describe(e)}"));
            return;
        }

        var invalid = info.Validate();
        if (invalid.Count > 0)
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: invalid metadata: {string.Join("; ", invalid)}"));
            return;
        }

        if (info.Kind != kinds[0])
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: declares kind {PluginKinds.ToName(info.Kind)} but implements the {PluginKinds.ToName(kinds[0])} interface"));
            return;
        }

        if (_byId.TryGetValue(info.Id, out var existing))
        {
            _problems.Add(new PluginLoadProblem(path, $"{type.FullName}: duplicate id '{info.Id}': already provided by {existing.SourcePath}"));
            return;
        }

        var loaded = new LoadedPlugin(plugin, info, path, contract);
        _plugins.Add(loaded);
        _byId.Add(info.Id, loaded);
    }

    /// <summary>Reads the Harness.Abstractions and TorchSharp versions a plugin was compiled against, without loading it.</summary>
    private static (Version? Contract, Version? TorchSharp) ReadReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("no CLI metadata", path);
        }

        var md = pe.GetMetadataReader();
        if (md.IsAssembly && md.GetString(md.GetAssemblyDefinition().Name) == HarnessContract.AssemblyName)
        {
            return (null, null);
        }

        Version? contract = null, torchSharp = null;
        foreach (var handle in md.AssemblyReferences)
        {
            var reference = md.GetAssemblyReference(handle);
            var name = md.GetString(reference.Name);
            if (name == HarnessContract.AssemblyName)
            {
                contract = reference.Version;
            }
            else if (name == HarnessContract.TorchSharpAssemblyName)
            {
                torchSharp = reference.Version;
            }
        }

        return (contract, torchSharp);
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
}
