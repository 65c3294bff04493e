using System.Security.Cryptography;
using System.Text;
using Harness.Core.Experiments;
using Harness.Core.PluginHost;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Experiments;

[NonParallelizable]
public sealed class CellIdTests
{
    [Test]
    public void The_id_is_the_first_16_hex_digits_of_the_sha256_of_the_canonical_text()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("dataset=x\nseed=1")))[..16];

        Assert.That(CellId.Compute("dataset=x\nseed=1"), Is.EqualTo(expected));
        Assert.That(CellId.IsValid(expected), Is.True);
    }

    [Test]
    public void Planning_twice_finds_the_same_cells_and_a_changed_parameter_or_dataset_gives_new_ones()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var first = MatrixFixture.Plan(temp, MatrixFixture.Spec(), cache);
        var again = MatrixFixture.Plan(temp, MatrixFixture.Spec(), cache);
        var otherTemperature = MatrixFixture.Plan(temp, MatrixFixture.Spec().Replace("losses: [ infonce ]", "losses: [ { infonce: { temperature: 0.07 } } ]", StringComparison.Ordinal), cache);
        var otherData = MatrixFixture.Plan(temp, MatrixFixture.Spec().Replace("seed: 5", "seed: 6", StringComparison.Ordinal), cache);
        var otherName = MatrixFixture.Plan(temp, MatrixFixture.Spec(name: "renamed"), cache);
        var otherRun = MatrixFixture.Plan(temp, MatrixFixture.Spec().Replace("train: { epochs: 0 }", "train: { epochs: 0, checkpoint_every: 7, keep_encoder: true }", StringComparison.Ordinal), cache);

        Assert.That(first.Problems.Where(p => p.IsCritical), Is.Empty, string.Join("\n", first.Problems));
        Assert.That(first.Cells, Has.Count.EqualTo(2));
        Assert.That(again.Cells.Select(c => c.Id), Is.EqualTo(first.Cells.Select(c => c.Id)));
        Assert.That(otherName.Cells.Select(c => c.Id), Is.EqualTo(first.Cells.Select(c => c.Id)), "the matrix name is not part of a cell");
        Assert.That(otherRun.Cells.Select(c => c.Id), Is.EqualTo(first.Cells.Select(c => c.Id)), "checkpoint_every and keep_encoder change how a cell runs, not what it computes");
        Assert.That(otherRun.Cells[0].Run, Is.EqualTo(new CellRunSettings(7, true)));
        Assert.That(first.Cells[0].Run, Is.EqualTo(new CellRunSettings(1000, false)), "the defaults");
        Assert.That(otherTemperature.Cells.Select(c => c.Id).Intersect(first.Cells.Select(c => c.Id)), Is.Empty);
        Assert.That(otherData.Cells.Select(c => c.Id).Intersect(first.Cells.Select(c => c.Id)), Is.Empty);
        Assert.That(otherData.Cells[0].DatasetContentHash, Is.Not.EqualTo(first.Cells[0].DatasetContentHash));
        Assert.That(first.Cells[0].Id, Is.EqualTo(CellId.Compute(first.Cells[0].Canonical)));
        Assert.That(first.Cells[0].Canonical, Does.Contain($"dataset_content={first.Cells[0].DatasetContentHash}"));
    }

    [Test]
    public void A_changed_plugin_assembly_gives_new_cells()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var plugins = temp.Combine("plugins");
        TestPaths.CopyDirectory(TestPaths.BuiltInPlugins, plugins);
        PluginCatalog Catalog() => PluginCatalog.Load([new PluginDirectory(plugins, true, "test")]);
        var spec = temp.File("spec.yaml", MatrixFixture.Spec());
        var before = ExperimentPlanner.Plan(spec, Catalog(), cache, ["cpu"]);

        // Same code, different bytes: a rebuilt plugin. Trailing bytes after the PE image are ignored by the loader.
        var losses = Path.Combine(plugins, "Harness.Plugins.Losses", "Harness.Plugins.Losses.dll");
        File.AppendAllText(losses, "rebuilt");
        var after = ExperimentPlanner.Plan(spec, Catalog(), cache, ["cpu"]);

        Assert.That(before.IsValid && after.IsValid, Is.True, string.Join("\n", after.Problems));
        Assert.That(after.Cells[0].Loss.AssemblySha256, Is.Not.EqualTo(before.Cells[0].Loss.AssemblySha256));
        Assert.That(after.Cells.Select(c => c.Id).Intersect(before.Cells.Select(c => c.Id)), Is.Empty);
    }
}
