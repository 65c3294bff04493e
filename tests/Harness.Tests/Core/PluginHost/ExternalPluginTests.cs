using Harness.Conformance;
using Harness.Core.PluginHost;
using Harness.Tests.Support;

namespace Harness.Tests.Core.PluginHost;

/// <summary>
/// The README's worked example (samples/ExternalPlugin): a plugin built outside the solution with `dotnet build`
/// against nothing but Harness.Abstractions.dll, then loaded from a folder given with --plugins.
/// </summary>
[NonParallelizable]
public sealed class ExternalPluginTests
{
    [Test]
    public void A_plugin_built_outside_the_solution_against_the_contracts_dll_is_listed_and_verified()
    {
        using var temp = new TempDirectory();
        var project = temp.Combine("TermOverlapReranker");
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Output, "samples", "ExternalPlugin"), project);

        var build = ProcessRunner.Run("dotnet", ["build", "-nologo", "-v", "q", $"-p:HarnessDir={HarnessCli.Directory}"], workingDirectory: project, timeoutSeconds: 600);
        Assert.That(build.ExitCode, Is.Zero, build.Stdout + build.Stderr);
        var output = Path.Combine(project, "bin", "Debug", "net10.0");
        Assert.That(File.Exists(Path.Combine(output, "Harness.Abstractions.dll")), Is.False, "the contracts must not be copied next to the plugin");

        var catalog = PluginCatalog.Load([new PluginDirectory(output, true, "--plugins")]);
        var plugin = catalog.Plugins.Single();
        Assert.That(plugin.Id, Is.EqualTo("term-overlap"));
        Assert.That(ConformanceSuite.Check(plugin.Plugin).Passed, Is.True);

        var list = HarnessCli.Run("plugins", "list", "--plugins", output);
        Assert.That(list.Stdout, Does.Contain("term-overlap 1.0.0 (contract 2.0)"));
        var verify = HarnessCli.Run("plugins", "verify", Path.Combine(output, "TermOverlapReranker.dll"));
        Assert.That(verify.ExitCode, Is.Zero, verify.Stdout + verify.Stderr);
    }
}
