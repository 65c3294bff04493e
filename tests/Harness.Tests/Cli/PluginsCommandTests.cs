using System.Text.Json;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

[NonParallelizable]
public sealed class PluginsCommandTests
{
    [Test]
    public void Version_prints_and_exits_zero()
    {
        var r = HarnessCli.Run("--version");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public void List_json_describes_the_built_in_plugins_of_every_kind_with_parameters()
    {
        var r = HarnessCli.Run("plugins", "list", "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var plugins = doc.RootElement.GetProperty("plugins").EnumerateArray().ToList();
        Assert.That(plugins.Select(p => p.GetProperty("kind").GetString()).Distinct(), Is.SupersetOf(new[] { "encoder", "loss", "negative-sampler", "reranker" }));
        var infonce = plugins.Single(p => p.GetProperty("id").GetString() == "infonce");
        Assert.Multiple(() =>
        {
            Assert.That(infonce.GetProperty("contractVersion").GetString(), Is.EqualTo("2.1"));
            Assert.That(File.Exists(infonce.GetProperty("source").GetString()), Is.True);
            Assert.That(infonce.GetProperty("citation").GetString(), Does.Contain("@article{oord2018cpc"));
            var temperature = infonce.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "temperature");
            Assert.That(temperature.GetProperty("default").GetDouble(), Is.EqualTo(0.05));
            Assert.That(temperature.GetProperty("type").GetString(), Is.EqualTo("float"));
            Assert.That(doc.RootElement.GetProperty("skipped").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void Verify_passes_on_the_built_in_plugins()
    {
        var r = HarnessCli.Run("plugins", "verify");
        Assert.That(r.ExitCode, Is.Zero, r.Stdout + r.Stderr);
        Assert.That(r.Stdout, Does.Contain("PASS infonce: decreases when a positive's score rises"));
        Assert.That(r.Stdout, Does.Contain(" 0 failed; 0 could not be loaded"));
    }

    [Test]
    public void A_garbage_dll_gives_one_line_and_the_other_plugins_still_list()
    {
        using var temp = new TempDirectory();
        TestPaths.CopyDirectory(TestPaths.Fixture("Harness.Fixtures.GoodPlugin"), temp.Combine("Harness.Fixtures.GoodPlugin"));
        File.WriteAllText(temp.Combine("garbage.dll"), "this is not a DLL");

        var r = HarnessCli.Run("plugins", "list", "--plugins", temp.Path);

        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr.Trim().Split('\n'), Is.EqualTo(new[] { $"plugin skipped: {temp.Combine("garbage.dll")}: not a .NET assembly (bad image format)" }));
        Assert.That(r.Stdout, Does.Contain("fixture-good").And.Contain("infonce"));
    }

    [Test]
    public void Verify_fails_when_a_named_plugin_cannot_load()
    {
        var r = HarnessCli.Run("plugins", "verify", TestPaths.Fixture("Harness.Fixtures.WrongContractPlugin"), TestPaths.Fixture("Harness.Fixtures.GoodPlugin"));
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stderr, Does.Contain("built against plugin contract 3.0"));
        Assert.That(r.Stdout, Does.Contain("PASS fixture-good: invariant to batch order"));
    }

    [Test]
    public void A_plugin_folder_that_does_not_exist_is_an_error()
    {
        var r = HarnessCli.Run("plugins", "list", "--plugins", "/nonexistent/harness-plugins");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("plugin folder '/nonexistent/harness-plugins' (from --plugins) does not exist"));
    }

    [Test]
    public void Verify_takes_parameters_with_set_and_rejects_bad_ones()
    {
        var ok = HarnessCli.Run("plugins", "verify", Path.Combine(TestPaths.BuiltInPlugins, "Harness.Plugins.Losses"), "--set", "triplet.margin=0.5", "--set", "infonce.similarity=dot");
        Assert.That(ok.ExitCode, Is.Zero, ok.Stdout + ok.Stderr);
        var bad = HarnessCli.Run("plugins", "verify", "--set", "infonce.temperature=-1");
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Stderr, Does.Contain("infonce: parameter 'temperature': -1 is below the minimum (exclusive) 0"));
    }
}
