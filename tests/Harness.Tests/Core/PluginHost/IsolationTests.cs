using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;
using Harness.Fixtures.SharedLibrary;
using Harness.Tests.Support;

namespace Harness.Tests.Core.PluginHost;

/// <summary>
/// The plugin/host boundary is isolation: a plugin shares only the contracts, TorchSharp and the logging abstractions
/// with the host, and everything else it ships in its own folder is what it gets — pinned here with McMaster-style
/// fixture plugins: one that ships another version of a library the host has loaded, one with a native dependency.
/// </summary>
public sealed class IsolationTests
{
    [Test]
    public void A_plugin_shipping_another_version_of_a_host_library_gets_its_own_copy()
    {
        // The host has version 1.0 loaded (this test project references it) ...
        Assert.That(SharedLibraryInfo.Version, Is.EqualTo(new Version(1, 0, 0, 0)));
        Assert.That(SharedLibraryInfo.Location, Does.StartWith(TestPaths.Output).And.Not.Contain("fixtures"));

        // ... and the plugin sees the 2.0 it ships, from its own folder.
        var folder = TestPaths.Fixture("Harness.Fixtures.VersionConflictPlugin");
        var catalog = PluginCatalog.LoadPaths([folder]);
        Assert.That(catalog.Problems, Is.Empty, string.Join("\n", catalog.Problems));
        var description = catalog.Plugins.Single().Info.Description;
        Assert.That(description, Is.EqualTo($"sees Harness.Fixtures.SharedLibrary 2.0.0.0 from {Path.Combine(folder, "Harness.Fixtures.SharedLibrary.dll")}"));
    }

    [Test]
    public void A_plugin_with_a_native_dependency_loads_it_from_its_own_folder()
    {
        // The fixture ships SkiaSharp 3.119 with libSkiaSharp.so (RID-specific layout, listed in its deps.json); the
        // host has TorchSharp's SkiaSharp 2.88 without a native library. The plugin must get its own copy of both.
        var folder = TestPaths.Fixture("Harness.Fixtures.NativeDependencyPlugin");
        AssertNativeScoresComeFrom(folder, Path.Combine(folder, "libSkiaSharp.so"));
    }

    [Test]
    public void A_native_library_under_runtimes_rid_native_is_found_too()
    {
        // The portable layout a plain `dotnet build` gives: the native library under runtimes/<rid>/native/.
        using var temp = new TempDirectory();
        var folder = temp.Combine("Harness.Fixtures.NativeDependencyPlugin");
        TestPaths.CopyDirectory(TestPaths.Fixture("Harness.Fixtures.NativeDependencyPlugin"), folder);
        var native = Path.Combine(folder, "runtimes", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "native");
        Directory.CreateDirectory(native);
        File.Move(Path.Combine(folder, "libSkiaSharp.so"), Path.Combine(native, "libSkiaSharp.so"));
        AssertNativeScoresComeFrom(folder, Path.Combine(native, "libSkiaSharp.so"));
    }

    private static void AssertNativeScoresComeFrom(string folder, string library)
    {
        var catalog = PluginCatalog.LoadPaths([folder]);
        Assert.That(catalog.Problems, Is.Empty, string.Join("\n", catalog.Problems));
        var plugin = catalog.Get<IRerankerPlugin>("fixture-native");
        var reranker = plugin.Create(PluginParameters.Resolve(plugin.Info.Parameters), new PluginContext(1));

        // The scores are pixels drawn by libSkiaSharp: the native library was loaded and called.
        var scores = reranker.Score(new Query("q", "x"), [new Document("a", "", "abc"), new Document("b", "", new string('z', 200))]);

        Assert.That(scores, Is.EqualTo(new[] { 3.0, 200.0 }));
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(plugin.GetType().Assembly)!;
        var skia = context.Assemblies.Single(a => a.GetName().Name == "SkiaSharp");
        Assert.That(skia.Location, Is.EqualTo(Path.Combine(folder, "SkiaSharp.dll")));
        Assert.That(skia.GetName().Version, Is.EqualTo(new Version(3, 119, 0, 0)));
        Assert.That(File.ReadAllText("/proc/self/maps"), Does.Contain(library), "the plugin's own libSkiaSharp.so is mapped");
    }

    [Test]
    public void Only_the_contracts_torchsharp_and_logging_are_shared()
    {
        var catalog = PluginCatalog.LoadPaths([TestPaths.Fixture("Harness.Fixtures.GoodPlugin")]);
        var plugin = catalog.Plugins.Single().Plugin;
        Assert.That(plugin, Is.InstanceOf<IPlugin>(), "the plugin's IPlugin is the host's IPlugin");
        Assert.That(PluginCatalog.SharedAssemblies, Is.EquivalentTo(new[] { "Harness.Abstractions", "TorchSharp", "Microsoft.Extensions.Logging.Abstractions" }));
    }
}
