using Harness.Abstractions.Plugins;
using Harness.Core.Caching;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Caching;

public sealed class CacheRootTests
{
    [Test]
    public void The_cache_root_rule_is_harness_cache_then_xdg_then_home()
    {
        Dictionary<string, string?> env = new() { ["HARNESS_CACHE"] = "/a/b", ["XDG_CACHE_HOME"] = "/x", ["HOME"] = "/h" };
        Assert.That(CacheRoot.Resolve(k => env.GetValueOrDefault(k)), Is.EqualTo("/a/b"));
        env["HARNESS_CACHE"] = " ";
        Assert.That(CacheRoot.Resolve(k => env.GetValueOrDefault(k)), Is.EqualTo("/x/harness"));
        env["XDG_CACHE_HOME"] = null;
        Assert.That(CacheRoot.Resolve(k => env.GetValueOrDefault(k)), Is.EqualTo("/h/.cache/harness"));

        // The contract's default (plugin authors' test contexts) is the same rule, not a copy of it.
        Assert.That(PluginContext.DefaultCacheDirectory(), Is.EqualTo(CacheRoot.Resolve()));
        Assert.That(new PluginContext(1).CacheDirectory, Is.EqualTo(CacheRoot.Resolve()));

        // The shell helper the scripts source gives the same answers.
        var script = Path.Combine(TestPaths.RepoRoot, "scripts", "lib", "cache-root.sh");
        string Shell(params (string Key, string Value)[] vars)
        {
            var environment = new Dictionary<string, string> { ["HARNESS_CACHE"] = string.Empty, ["XDG_CACHE_HOME"] = string.Empty, ["HOME"] = "/h" };
            foreach (var (k, v) in vars)
            {
                environment[k] = v;
            }

            var run = ProcessRunner.Run("/bin/bash", ["-c", $". '{script}'; harness_cache_root; harness_debian_lists"], environment: environment);
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            return run.Stdout;
        }

        Assert.That(Shell(("HARNESS_CACHE", "/a/b")), Is.EqualTo($"/a/b\n/a/b/{CacheRoot.DebianIndexLists}\n"));
        Assert.That(Shell(("XDG_CACHE_HOME", "/x")), Is.EqualTo($"/x/harness\n/x/harness/{CacheRoot.DebianIndexLists}\n"));
        Assert.That(Shell(), Is.EqualTo($"/h/.cache/harness\n/h/.cache/harness/{CacheRoot.DebianIndexLists}\n"));
    }
}
