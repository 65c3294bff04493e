using System.Security.Cryptography;
using System.Text.Json;
using Harness.Core.PluginHost;
using Harness.Core.Provenance;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Provenance;

public sealed class ProvenanceTests
{
    [Test]
    public void The_provenance_object_has_the_agreed_shape()
    {
        var p = new RunProvenance(
            new EnvironmentInfo("Debian 12", "AMD EPYC", 2, "10.0.1", "0.107.0", "2.10.0", "cpu"),
            new HarnessInfo("0.1.0", "abc123"),
            [new PluginProvenance("loss", "infonce", "1.0.0", "1.0", "Harness.Plugins.Losses.dll", "ff")],
            [new DatasetProvenance("synthetic", "docs=1000", "ee")],
            ["harness", "cell", "--key", "k"]);
        const string expected = """{"environment":{"os":"Debian 12","cpu":"AMD EPYC","cores":2,"dotnet":"10.0.1","torchsharp":"0.107.0","libtorch":"2.10.0","device":"cpu"},"harness":{"version":"0.1.0","commit":"abc123"},"plugins":[{"kind":"loss","id":"infonce","version":"1.0.0","contract":"1.0","assembly":"Harness.Plugins.Losses.dll","sha256":"ff"}],"datasets":[{"id":"synthetic","parameters":"docs=1000","content_hash":"ee"}],"command_line":["harness","cell","--key","k"]}""";
        Assert.That(p.ToJson().ToJsonString(), Is.EqualTo(expected));
    }

    [Test]
    public void A_plugin_is_described_with_the_sha256_of_its_assembly_file()
    {
        using var t = new TempDirectory();
        var dll = t.File("Fake.dll", "not really an assembly");
        var plugin = new Harness.Plugins.Losses.InfoNceLossPlugin();
        var loaded = new LoadedPlugin(plugin, plugin.Info, dll, new Version(1, 0));
        var d = ProvenanceCollector.Describe(loaded);
        Assert.That(d, Is.EqualTo(new PluginProvenance("loss", "infonce", plugin.Info.Version, "1.0", "Fake.dll", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll))))));
    }

    [Test]
    public void The_environment_names_this_machine_and_the_commit_is_split_from_the_version()
    {
        var e = HostEnvironment.Collect("cpu");
        Assert.That(e.Cores, Is.EqualTo(Environment.ProcessorCount));
        Assert.That(e.DotNet, Is.EqualTo(Environment.Version.ToString()));
        Assert.That(e.TorchSharp, Does.StartWith("0.107."));
        Assert.That(e.Os, Is.Not.Empty);
        Assert.That(e.Cpu, Is.Not.Empty);
        var harness = HostEnvironment.Harness;
        Assert.That(harness.Version, Does.Not.Contain("+"));
        Assert.That(harness.Commit, Does.Match("^([0-9a-f]{40}|unknown)$"));
    }

    [Test]
    public void Retrieve_writes_provenance_into_its_manifest()
    {
        using var t = new TempDirectory();
        var outDir = t.Combine("out");
        var r = HarnessCli.RunWithCache(t.Combine("cache"), "retrieve", "--dataset", "synthetic", "--set", "synthetic.docs=300", "--set", "synthetic.queries=60", "--method", "dense", "--depth", "3", "--out", outDir);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        var p = json.RootElement.GetProperty("provenance");
        Assert.That(p.GetProperty("environment").GetProperty("libtorch").GetString(), Is.EqualTo("2.10.0"));
        Assert.That(p.GetProperty("environment").GetProperty("device").GetString(), Is.EqualTo("cpu"));
        var plugins = p.GetProperty("plugins").EnumerateArray().ToList();
        Assert.That(plugins.Select(x => x.GetProperty("id").GetString()), Is.EqualTo(new[] { "synthetic", "hashed-bow" }));
        var encoder = plugins[1];
        var dll = Path.Combine(HarnessCli.Directory, "plugins", "Harness.Plugins.Encoders", encoder.GetProperty("assembly").GetString()!);
        Assert.That(encoder.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll)))));
        var dataset = p.GetProperty("datasets")[0];
        Assert.That(dataset.GetProperty("content_hash").GetString(), Is.EqualTo(json.RootElement.GetProperty("manifest").GetProperty("datasetContentHash").GetString()));
        Assert.That(p.GetProperty("command_line").EnumerateArray().Select(x => x.GetString()), Is.EqualTo(new[] { "harness", "retrieve", "--dataset", "synthetic", "--set", "synthetic.docs=300", "--set", "synthetic.queries=60", "--method", "dense", "--depth", "3", "--out", outDir }));
    }
}
