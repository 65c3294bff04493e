using Bm25Window;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Conformance;
using Harness.Conformance.Datasets;
using Harness.Conformance.Services;
using NUnit.Framework;

namespace Bm25Window.Tests;

public sealed class Bm25WindowSamplerTests
{
    [Test]
    public void Passes_the_conformance_suite_including_the_blind_check()
    {
        var report = ConformanceSuite.Check(new Bm25WindowSamplerPlugin());
        Assert.That(report.Passed, Is.True, report.ToString());
    }

    [Test]
    public void Drops_the_top_of_the_list_and_reports_it()
    {
        var view = TrainingDataView.Create(new ConformanceDataset());
        var sampler = new Bm25WindowSampler(skip: 1, depth: 10);
        sampler.Prepare(new NegativeSamplerSetup(view, new SamplerServices { Lexical = new FakeLexicalSearcher(view) }));
        var s = sampler.Sample(view.Queries[0], 2, new Xoshiro256Random(1));
        Assert.That(s.Dropped, Has.Count.EqualTo(1));
        Assert.That(s.DocumentIds, Has.Count.EqualTo(2).And.No.EqualTo(s.Dropped![0]));
        Assert.That(s.Check(2), Is.Null);
    }
}
