using Harness.Conformance;
using NUnit.Framework;
#if (isDataset)
using Harness.Abstractions.Plugins;
#endif

namespace HarnessPlugin1.Tests;

/// <summary>The contract's conformance suite, as `harness plugins verify` runs it.</summary>
public sealed class ConformanceTests
{
    [Test]
    public void Passes_the_conformance_suite()
    {
        var plugin = new HarnessPlugin1Plugin();
#if (isDataset)
        // A dataset needs its folder: the small one under TestData/.
        var parameters = PluginParameters.Resolve(plugin.Info.Parameters, new Dictionary<string, object?> { ["path"] = TestFolders.Data });
        var report = ConformanceSuite.Check(plugin, parameters);
#else
        var report = ConformanceSuite.Check(plugin);
#endif
        Assert.That(report.Passed, Is.True, report.ToString());
    }
}
