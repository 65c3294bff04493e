using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Conformance;
using Harness.Conformance.NegativeSamplers;
using Harness.Plugins.NegativeSamplers;

namespace Harness.Tests.Plugins.NegativeSamplers;

public sealed class DenseSamplerTests
{
    [TestCaseSource(nameof(Plugins))]
    public void Passes_conformance_including_the_blind_check(INegativeSamplerPlugin plugin)
    {
        var results = SamplerConformance.Check(plugin);
        Assert.That(results.Where(r => r.Outcome == CheckOutcome.Failed), Is.Empty, string.Join("\n", results));
        Assert.That(results, Is.Not.Empty);
    }

    [TestCaseSource(nameof(Plugins))]
    public void Cites_its_paper(INegativeSamplerPlugin plugin) => Assert.That(plugin.Info.Citation, Does.StartWith("@"));

    [Test]
    public void Requirements_name_the_services_and_refresh_policy()
    {
        var none = PluginParameters.Resolve(new DenseStaticNegativeSamplerPlugin().Info.Parameters);
        Assert.That(new DenseStaticNegativeSamplerPlugin().GetRequirements(none), Is.EqualTo(new SamplerRequirements { Needs = SamplerNeeds.DenseMiner, Refresh = RefreshPolicy.Once }));
        var ance = PluginParameters.Resolve(new DenseStaticNegativeSamplerPlugin().Info.Parameters, new Dictionary<string, string> { ["refresh-epochs"] = "2", ["warmup-epochs"] = "1" });
        Assert.That(new DenseStaticNegativeSamplerPlugin().GetRequirements(ance), Is.EqualTo(new SamplerRequirements { Needs = SamplerNeeds.DenseMiner, Refresh = RefreshPolicy.EveryEpochs, RefreshInterval = 2, WarmupEpochs = 1 }));
        var adore = PluginParameters.Resolve(new DenseDynamicNegativeSamplerPlugin().Info.Parameters, new Dictionary<string, string> { ["refresh-steps"] = "50" });
        Assert.That(new DenseDynamicNegativeSamplerPlugin().GetRequirements(adore).Refresh, Is.EqualTo(RefreshPolicy.EverySteps));
        Assert.That(new InBatchNegativeSamplerPlugin().GetRequirements(PluginParameters.Empty).Needs, Is.EqualTo(SamplerNeeds.InBatchOnly));
    }

    [Test]
    public void The_positive_aware_filters_match_nv_retriever()
    {
        var perc = new PositiveFilter(Margin: false, 0.95);
        Assert.That(perc.Rejects(0.96, 1.0), Is.True);
        Assert.That(perc.Rejects(0.95, 1.0), Is.False, "at exactly 95 % a candidate is kept");
        var margin = new PositiveFilter(Margin: true, 0.05);
        Assert.That(margin.Rejects(0.96, 1.0), Is.True);
        Assert.That(margin.Rejects(0.94, 1.0), Is.False);
    }

    private static IEnumerable<INegativeSamplerPlugin> Plugins() =>
    [
        new InBatchNegativeSamplerPlugin(), new DenseStaticNegativeSamplerPlugin(), new DenseDynamicNegativeSamplerPlugin(),
        new StarNegativeSamplerPlugin(), new FalseNegativeFilterSamplerPlugin(),
    ];
}
