using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Core.PluginHost;

public sealed class PluginCatalogTests
{
    private static PluginCatalog LoadFolders(params string[] folders) =>
        PluginCatalog.Load(folders.Select(f => new PluginDirectory(f, true, "--plugins")));

    private static string Stage(TempDirectory temp, string folder, params string[] fixtures)
    {
        var dir = temp.Combine(folder);
        Directory.CreateDirectory(dir);
        foreach (var f in fixtures)
        {
            TestPaths.CopyDirectory(TestPaths.Fixture(f), Path.Combine(dir, f));
        }

        return dir;
    }

    [Test]
    public void Every_broken_plugin_is_skipped_with_one_line_and_the_good_one_still_loads()
    {
        using var temp = new TempDirectory();
        var dir = Stage(temp, "plugins", "Harness.Fixtures.GoodPlugin", "Harness.Fixtures.ThrowingPlugin", "Harness.Fixtures.WrongContractPlugin", "Harness.Fixtures.MissingDependencyPlugin", "Harness.Fixtures.Contract1Plugin", "Harness.Fixtures.OtherTorchSharpPlugin");
        File.WriteAllBytes(Path.Combine(dir, "garbage.dll"), [0x4d, 0x5a, 0x00, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef]);

        var catalog = LoadFolders(dir);

        Assert.That(catalog.Plugins.Select(p => p.Id), Is.EqualTo(new[] { "fixture-good" }));
        Assert.That(catalog.Problems, Has.Count.EqualTo(6), string.Join("\n", catalog.Problems));
        Assert.Multiple(() =>
        {
            Assert.That(Reason(catalog, "garbage.dll"), Does.Contain("not a .NET assembly"));
            Assert.That(Reason(catalog, "Harness.Fixtures.ThrowingPlugin.dll"), Does.Contain("constructor threw InvalidOperationException: fixture: this constructor always fails"));
            Assert.That(Reason(catalog, "Harness.Fixtures.WrongContractPlugin.dll"), Does.Contain("built against plugin contract 3.0; this host supports contract 2.1"));
            Assert.That(Reason(catalog, "Harness.Fixtures.Contract1Plugin.dll"), Is.EqualTo("built against plugin contract 1.0; this host supports contract 2.1 (same major, minor up to 1): rebuild it against Harness.Abstractions 2.1 (contract 1.x plugins are not loaded)"));
            Assert.That(Reason(catalog, "Harness.Fixtures.OtherTorchSharpPlugin.dll"), Is.EqualTo("compiled against TorchSharp 0.106.0; the contract's tensors are TorchSharp 0.107 (0.x minors change API): rebuild it against TorchSharp 0.107.x"));
            Assert.That(Reason(catalog, "Harness.Fixtures.MissingDependencyPlugin.dll"), Does.Contain("Harness.Fixtures.Dependency"));
        });
    }

    [Test]
    public void A_problem_prints_as_one_line_naming_the_path_and_the_reason()
    {
        var p = new PluginLoadProblem("/x/garbage.dll", "not a .NET assembly (bad image format)");
        Assert.That(p.ToString(), Is.EqualTo("plugin skipped: /x/garbage.dll: not a .NET assembly (bad image format)"));
    }

    [Test]
    public void A_duplicate_id_is_skipped_and_the_first_found_wins()
    {
        using var temp = new TempDirectory();
        var first = Stage(temp, "a", "Harness.Fixtures.GoodPlugin");
        var second = Stage(temp, "b", "Harness.Fixtures.DuplicatePlugin");

        var catalog = LoadFolders(first, second);

        Assert.That(catalog.Plugins, Has.Count.EqualTo(1));
        Assert.That(catalog.Plugins[0].Info.Version, Is.EqualTo("0.1.0"));
        Assert.That(catalog.Problems.Single().Reason, Does.Contain("duplicate id 'fixture-good': already provided by ").And.Contain(Path.Combine("a", "Harness.Fixtures.GoodPlugin")));
    }

    [Test]
    public void A_bare_dll_loads_like_a_plugin_folder()
    {
        using var temp = new TempDirectory();
        var dir = temp.Combine("bare");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(TestPaths.Fixture("Harness.Fixtures.GoodPlugin"), "Harness.Fixtures.GoodPlugin.dll"), Path.Combine(dir, "Harness.Fixtures.GoodPlugin.dll"));

        var catalog = LoadFolders(dir);

        Assert.That(catalog.Plugins.Single().Id, Is.EqualTo("fixture-good"));
        Assert.That(catalog.Problems, Is.Empty);
    }

    [Test]
    public void A_managed_dll_that_is_not_a_plugin_and_a_folder_without_its_dll_are_reported()
    {
        using var temp = new TempDirectory();
        var dir = Stage(temp, "plugins");
        File.Copy(typeof(NUnit.Framework.Assert).Assembly.Location, Path.Combine(dir, "nunit.framework.dll"));
        var stray = Path.Combine(dir, "Stray");
        Directory.CreateDirectory(stray);
        File.WriteAllText(Path.Combine(stray, "Other.dll"), "not even an assembly");

        var catalog = LoadFolders(dir);

        Assert.That(catalog.Plugins, Is.Empty);
        Assert.That(Reason(catalog, "nunit.framework.dll"), Does.Contain("does not reference Harness.Abstractions"));
        Assert.That(catalog.Problems.Single(p => p.Path == stray).Reason, Does.Contain("has no Stray.dll"));
    }

    [Test]
    public void A_named_folder_that_does_not_exist_is_reported_and_a_missing_built_in_folder_is_not()
    {
        var catalog = PluginCatalog.Load([new PluginDirectory("/nonexistent/built-in", false, "built-in"), new PluginDirectory("/nonexistent/mine", true, "--plugins")]);
        Assert.That(catalog.MissingDirectories.Select(d => d.Path), Is.EqualTo(new[] { "/nonexistent/mine" }));
    }

    [Test]
    public void The_built_in_packs_load_through_the_host_and_their_tensors_are_the_hosts_tensors()
    {
        var catalog = LoadFolders(TestPaths.BuiltInPlugins);
        Assert.That(catalog.Problems, Is.Empty, string.Join("\n", catalog.Problems));
        Assert.That(catalog.Plugins.Select(p => p.Kind).Distinct(), Is.SupersetOf(new[] { PluginKind.Encoder, PluginKind.Loss, PluginKind.NegativeSampler, PluginKind.Reranker }));

        var infonce = catalog.Get<ILossPlugin>("infonce");
        var loss = infonce.Create(PluginParameters.Resolve(infonce.Info.Parameters), new PluginContext(1));
        using var q = tensor(new float[] { 1, 0 }, [1, 2]);
        using var d = tensor(new float[] { 1, 0, 0, 1 }, [1, 2, 2]);
        using var l = tensor(new float[] { 1, 0 }, [1, 2]);
        using var value = loss.Compute(new LossBatch(q, d, l));
        Assert.That(value.item<float>(), Is.GreaterThan(0f));
        Assert.That(loss.GetType().Assembly.Location, Does.StartWith(TestPaths.BuiltInPlugins));
    }

    [Test]
    public void Get_names_the_plugins_of_the_wanted_kind_when_the_id_is_unknown()
    {
        var catalog = LoadFolders(TestPaths.BuiltInPlugins);
        var e = Assert.Throws<KeyNotFoundException>(() => catalog.Get<ILossPlugin>("nope"));
        Assert.That(e!.Message, Is.EqualTo("no loss plugin 'nope' (loaded: auc, infonce, lambda, listmle, listnet, multi-similarity, mw-auc, ranknet, triplet)"));
        Assert.Throws<KeyNotFoundException>(() => catalog.Get<ILossPlugin>("random"));
    }

    [Test]
    public void Verify_paths_accept_a_dll_a_plugin_folder_and_report_what_does_not_exist()
    {
        var good = TestPaths.Fixture("Harness.Fixtures.GoodPlugin");
        var catalog = PluginCatalog.LoadPaths([good, Path.Combine(TestPaths.BuiltInPlugins, "Harness.Plugins.Losses", "Harness.Plugins.Losses.dll"), "/nonexistent.dll"]);
        Assert.That(catalog.Plugins.Select(p => p.Id), Is.EqualTo(new[] { "fixture-good", "auc", "infonce", "lambda", "listmle", "listnet", "mw-auc", "multi-similarity", "ranknet", "triplet" }));
        Assert.That(catalog.Problems.Single().Reason, Is.EqualTo("no such file or directory"));
    }

    [Test]
    public void The_search_path_is_built_in_then_command_line_then_environment_without_repeats()
    {
        var sep = Path.PathSeparator;
        var path = PluginSearchPath.Build(["/a", "/b"], includeBuiltIn: true, environmentValue: $"/c{sep}{sep}/a{sep} /d ");
        Assert.That(path.Select(p => p.Path), Is.EqualTo(new[] { PluginSearchPath.BuiltInDirectory, "/a", "/b", "/c", "/d" }));
        Assert.That(path.Select(p => p.Origin), Is.EqualTo(new[] { "built-in", "--plugins", "--plugins", "HARNESS_PLUGINS", "HARNESS_PLUGINS" }));
        Assert.That(path[0].ExplicitlyGiven, Is.False);
    }

    private static string Reason(PluginCatalog catalog, string fileName) =>
        catalog.Problems.Single(p => Path.GetFileName(p.Path) == fileName).Reason;
}
