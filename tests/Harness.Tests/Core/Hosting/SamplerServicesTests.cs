using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Conformance.Datasets;
using Harness.Conformance.Services;
using Harness.Core.Hosting;
using Harness.Plugins.NegativeSamplers;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Hosting;

/// <summary>
/// The host side of sampler services: exactly the declared services are filled; a declared service the host cannot
/// give, and a sample whose Dropped overlaps its negatives, each give one line naming the plugin.
/// </summary>
public sealed class SamplerServicesTests
{
    [Test]
    public void Only_declared_services_are_given()
    {
        var view = TrainingDataView.Create(new ConformanceDataset());
        var services = SamplerServicesFactory.Create("bm25", new Bm25NegativeSamplerPlugin().GetRequirements(PluginParameters.Resolve(new Bm25NegativeSamplerPlugin().Info.Parameters)), () => new FakeLexicalSearcher(view), () => new FakeDenseMiner(view), new FakeTeacher());
        Assert.That(services.Lexical, Is.Not.Null);
        Assert.That(services.DenseMiner, Is.Null);
        Assert.That(services.Teacher, Is.Null);
    }

    [Test]
    public void A_declared_service_the_host_cannot_give_is_one_line_naming_the_plugin()
    {
        var e = Assert.Throws<HostServiceUnavailableException>(() => SamplerServicesFactory.Create("bm25", new SamplerRequirements { Needs = SamplerNeeds.Lexical }, null, null, null));
        Assert.That(e!.Message, Is.EqualTo("negative-sampler 'bm25' declares it needs the Lexical (BM25) service, which it cannot get here: this host has no BM25 index for the cell"));

        var teacher = Assert.Throws<HostServiceUnavailableException>(() => SamplerServicesFactory.Create("ce-denoise", new SamplerRequirements { Needs = SamplerNeeds.Teacher }, null, null, null));
        Assert.That(teacher!.Message, Does.StartWith("negative-sampler 'ce-denoise' declares it needs the Teacher service"));

        var refresh = Assert.Throws<HostServiceUnavailableException>(() => SamplerServicesFactory.Create("ance", new SamplerRequirements { Refresh = RefreshPolicy.EveryEpochs, RefreshInterval = 1 }, null, null, null));
        Assert.That(refresh!.Message, Is.EqualTo("negative-sampler 'ance' declares refresh policy EveryEpochs without the DenseMiner service it would refresh"));
    }

    [Test]
    public void A_sample_whose_dropped_ids_overlap_its_negatives_is_one_line_naming_the_plugin_and_query()
    {
        var view = TrainingDataView.Create(new ConformanceDataset());
        var q = view.Queries[0];
        var bad = new NegativeSample(["d24", "d25"]) { Dropped = ["d24"] };
        Assert.That(SamplerOutputValidator.Validate("fn-filter", q, bad, 2, view), Is.EqualTo("negative-sampler 'fn-filter': query 'train-0': Dropped overlaps the negatives: d24"));
        Assert.That(SamplerOutputValidator.Validate("leaky", q, new NegativeSample(["d00", "d25"]), 2, view), Is.EqualTo("negative-sampler 'leaky': query 'train-0': returned the labelled positive 'd00' as a negative"));
        Assert.That(SamplerOutputValidator.Validate("ok", q, new NegativeSample(["d24", "d25"]) { Dropped = ["d32"] }, 2, view), Is.Null);
    }

    [Test]
    public void The_bm25_service_ranks_from_zero_and_describes_itself()
    {
        using var cache = new TempDirectory();
        var view = TrainingDataView.Create(new ConformanceDataset());
        using var lexical = Bm25LexicalSearcher.OpenOrBuild(view, cache.Path);
        var hits = lexical.Search(view.Queries[0], 5);
        Assert.That(lexical.Description, Is.EqualTo("bm25(k1=0.9,b=0.4,analyzer=english)"));
        Assert.That(hits.Select(h => h.Rank), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(hits.Select(h => h.Score), Is.Ordered.Descending);
        Assert.That(hits.Select(h => int.Parse(h.DocumentId[1..], System.Globalization.CultureInfo.InvariantCulture) % 8), Has.All.EqualTo(0));
    }
}
