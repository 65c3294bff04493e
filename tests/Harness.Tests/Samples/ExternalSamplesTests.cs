using System.Globalization;
using Harness.Tests.Support;

namespace Harness.Tests.Samples;

/// <summary>
/// The README's authoring path, end to end, outside the solution: Harness.Abstractions and Harness.Conformance are
/// packed into a local folder feed; each sample under samples/ (a reranker, a loss, a negative sampler) is built from
/// those packages only (no project reference, no DLL path), its output holds neither the contracts nor TorchSharp, the
/// built harness lists and verifies it, and its own NUnit project (conformance suite + hand-computed values, tensors
/// on libtorch via the Conformance package's GLIBCXX fix) passes. The <c>dotnet new harness-plugin</c> template
/// (templates/Harness.Plugin.Templates) is checked on the same feed: installed into a private hive, instantiated for
/// every kind, built and tested from the packages only, and each plugin verified by the built harness.
/// </summary>
[NonParallelizable]
public sealed class ExternalSamplesTests
{
    private static readonly (string Folder, string Project, string Dll, string Id)[] Samples =
    [
        ("ExternalPlugin", "TermOverlapReranker.csproj", "TermOverlapReranker.dll", "term-overlap"),
        ("LossPlugin", "MarginRankingLoss.csproj", "MarginRankingLoss.dll", "margin-ranking"),
        ("NegativeSamplerPlugin", "Bm25WindowSampler.csproj", "Bm25WindowSampler.dll", "bm25-window"),
    ];

    private TempDirectory? _temp;
    private string _root = string.Empty;
    private string _version = string.Empty;

    [OneTimeSetUp]
    public void PackAndStage()
    {
        _temp = new TempDirectory();
        var feed = _temp.Combine("feed");
        _root = _temp.Combine("samples");

        // A version no earlier run used, so NuGet's global cache never serves a stale package.
        _version = string.Create(CultureInfo.InvariantCulture, $"2.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        var configuration = TestPaths.Output.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var project in new[] { "Harness.Abstractions", "Harness.Conformance" })
        {
            var pack = ProcessRunner.Run("dotnet", ["pack", Path.Combine(TestPaths.RepoRoot, "src", project), "--no-build", "-c", configuration, "-nologo", "-v", "q", "-o", feed, $"-p:PackageVersion={_version}"], timeoutSeconds: 600);
            Assert.That(pack.ExitCode, Is.Zero, pack.Stdout + pack.Stderr);
        }

        TestPaths.CopyDirectory(Path.Combine(TestPaths.Output, "samples"), _root);
        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="harness-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    [Test]
    public void Each_sample_builds_from_the_packages_without_carrying_the_shared_assemblies_and_verifies()
    {
        foreach (var (folder, project, dll, id) in Samples)
        {
            var dir = Path.Combine(_root, folder);
            var build = ProcessRunner.Run("dotnet", ["build", project, "-nologo", "-v", "q", $"-p:HarnessVersion={_version}"], workingDirectory: dir, timeoutSeconds: 900);
            Assert.That(build.ExitCode, Is.Zero, $"{folder}: {build.Stdout}{build.Stderr}");
            var output = Path.Combine(dir, "bin", "Debug", "net10.0");
            foreach (var shared in new[] { "Harness.Abstractions.dll", "TorchSharp.dll", "Microsoft.Extensions.Logging.Abstractions.dll" })
            {
                Assert.That(File.Exists(Path.Combine(output, shared)), Is.False, $"{folder}: {shared} must not be copied next to the plugin");
            }

            var list = HarnessCli.Run("plugins", "list", "--plugins", output);
            Assert.That(list.ExitCode, Is.Zero, list.Stdout + list.Stderr);
            Assert.That(list.Stdout, Does.Contain($"{id} 1.0.0 (contract 2.1)"));
            var verify = HarnessCli.Run("plugins", "verify", Path.Combine(output, dll));
            Assert.That(verify.ExitCode, Is.Zero, verify.Stdout + verify.Stderr);
            Assert.That(verify.Stdout, Does.Contain("0 failed"));
        }
    }

    [TestCase("ExternalPlugin.Tests")]
    [TestCase("LossPlugin.Tests")]
    [TestCase("NegativeSamplerPlugin.Tests")]
    public void Each_samples_own_test_project_passes(string folder)
    {
        var dir = Path.Combine(_root, folder);
        var test = ProcessRunner.Run("dotnet", ["test", "-nologo", $"-p:HarnessVersion={_version}"], workingDirectory: dir, timeoutSeconds: 1200);
        Assert.That(test.ExitCode, Is.Zero, test.Stdout + test.Stderr);
        Assert.That(test.Stdout, Does.Contain("Passed!"));
    }

    [Test]
    public void The_dotnet_new_template_gives_a_plugin_of_every_kind_that_builds_passes_its_tests_and_verifies()
    {
        var hive = _temp!.Combine("template-hive");
        var template = Path.Combine(TestPaths.RepoRoot, "templates", "Harness.Plugin.Templates");
        var install = ProcessRunner.Run("dotnet", ["new", "install", template, "--debug:custom-hive", hive], timeoutSeconds: 300);
        Assert.That(install.ExitCode, Is.Zero, install.Stdout + install.Stderr);

        // One project pair per kind, under the samples root so its nuget.config (the packed feed) applies, built and
        // tested with one `dotnet test` over a solution (one restore, one build graph: the CI cost stays small).
        var kinds = new[] { ("loss", "TplLoss"), ("negative-sampler", "TplSampler"), ("reranker", "TplReranker"), ("encoder", "TplEncoder"), ("dataset", "TplDataset") };
        var root = Path.Combine(_root, "from-template");
        var solution = new System.Text.StringBuilder("<Solution>\n");
        foreach (var (kind, name) in kinds)
        {
            var create = ProcessRunner.Run("dotnet", ["new", "harness-plugin", "--kind", kind, "-n", name, "-o", Path.Combine(root, name), "--debug:custom-hive", hive], timeoutSeconds: 300);
            Assert.That(create.ExitCode, Is.Zero, $"{kind}: {create.Stdout}{create.Stderr}");
            solution.Append(CultureInfo.InvariantCulture, $"  <Project Path=\"{name}/{name}/{name}.csproj\" />\n  <Project Path=\"{name}/{name}.Tests/{name}.Tests.csproj\" />\n");
        }

        File.WriteAllText(Path.Combine(root, "Plugins.slnx"), solution.Append("</Solution>\n").ToString());
        var test = ProcessRunner.Run("dotnet", ["test", "Plugins.slnx", "-nologo", $"-p:HarnessVersion={_version}"], workingDirectory: root, timeoutSeconds: 1200);
        Assert.That(test.ExitCode, Is.Zero, test.Stdout + test.Stderr);
        Assert.That(test.Stdout.Split("Passed!").Length - 1, Is.EqualTo(kinds.Length), test.Stdout);

        foreach (var (kind, name) in kinds)
        {
            var output = Path.Combine(root, name, name, "bin", "Debug", "net10.0");
            Assert.That(File.Exists(Path.Combine(output, "TorchSharp.dll")), Is.False, $"{kind}: TorchSharp must not be copied next to the plugin");
            var id = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            var verify = HarnessCli.Run("plugins", "verify", Path.Combine(output, name + ".dll"));
            Assert.That(verify.ExitCode, Is.Zero, $"{kind}: {verify.Stdout}{verify.Stderr}");
            Assert.That(verify.Stdout, Does.Contain(id).And.Contain("0 failed"), kind);
        }
    }
}
