using System.Runtime.Versioning;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>Faults every verb shares: closed standard output, unreadable plugin folders, the cache root.</summary>
[NonParallelizable]
[SupportedOSPlatform("linux")]
public sealed class CliFaultTests
{
    [TestCase("plugins", "list")]
    [TestCase("plugins", "list", "--json")]
    public void A_reader_that_goes_away_ends_quietly_with_141(params string[] args)
    {
        using var cache = new TempDirectory();
        var r = ProcessRunner.Run(HarnessCli.Executable, args, environment: HarnessCli.Environment(null, cache.Path), closeStdout: true);
        Assert.That(r.ExitCode, Is.EqualTo(141), r.Stderr);
        Assert.That(r.Stderr, Is.Empty, "the normal end of `| head`: no message, no stack trace");
    }

    [Test]
    public void A_closed_standard_output_is_one_line_and_141()
    {
        using var cache = new TempDirectory();
        var r = ProcessRunner.Run("/bin/sh", ["-c", "exec \"$0\" plugins list >&-", HarnessCli.Executable], environment: HarnessCli.Environment(null, cache.Path));
        Assert.That(r.ExitCode, Is.EqualTo(141), r.Stderr);
        Assert.That(r.Stderr, Is.EqualTo("harness: standard output is closed; nothing was written to it\n"));
    }

    [Test]
    public void An_unreadable_plugin_folder_is_one_line_naming_it_and_exit_2()
    {
        using var t = new TempDirectory();
        var folder = t.Combine("plugins");
        var locked = Path.Combine(folder, "Locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var r = Unprivileged.RunHarness(HarnessCli.Environment(null, t.Combine("cache")), ["plugins", "list", "--plugins", folder]);
            Assert.That(r.ExitCode, Is.EqualTo(2), r.Stdout + r.Stderr);
            Assert.That(r.Stderr, Is.EqualTo($"harness: cannot read a plugin folder: Access to the path '{locked}' is denied.\n"));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void Plugins_verify_uses_the_cache_named_by_harness_cache()
    {
        // Under contract 2.0 the bm25 sampler is verified against the conformance suite's fake lexical service, so
        // the cache shows up through the dataset pack: debian-descriptions looks for its apt index under the cache
        // root the host gives it, and says where when it is not there.
        using var t = new TempDirectory();
        var cache = t.Combine("cache");
        var datasets = Path.Combine(TestPaths.BuiltInPlugins, "Harness.Plugins.Datasets");
        var r = HarnessCli.RunWithCache(cache, "plugins", "verify", datasets);
        Assert.That(r.ExitCode, Is.Zero, r.Stdout + r.Stderr);
        Assert.That(r.Stdout + r.Stderr, Does.Contain(Path.Combine(cache, "debian-index", "lists")), "the dataset looked for its index in HARNESS_CACHE");
    }
}
