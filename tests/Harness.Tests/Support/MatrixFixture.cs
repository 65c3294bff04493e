using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Tests.Support;

/// <summary>Small specs and the plugins the matrix tests plan them with (the built-in packs and the faulty fixture).</summary>
public static class MatrixFixture
{
    /// <summary>The faulty reranker fixture's folder.</summary>
    public static string FaultyPlugin => TestPaths.Fixture("Harness.Fixtures.FaultyPlugin");

    /// <summary>The built-in plugins plus the faulty fixture.</summary>
    public static PluginCatalog Catalog() =>
        PluginCatalog.Load([new PluginDirectory(TestPaths.BuiltInPlugins, true, "test"), new PluginDirectory(FaultyPlugin, true, "test")]);

    /// <summary>A tiny matrix: synthetic (300 docs, 60 queries), hashed-bow (16 dims), with the given rerankers and seeds.</summary>
    public static string Spec(string name = "tiny", string seeds = "[1, 2]", string rerankers = "[ none ]", string extra = "") => $$"""
        name: {{name}}
        seeds: {{seeds}}
        device: cpu
        datasets: [ { synthetic: { docs: 300, queries: 60, seed: 5 } } ]
        encoders: [ { hashed-bow: { dim: 16, buckets: 4096 } } ]
        losses: [ infonce ]
        samplers: [ random ]
        rerankers: {{rerankers}}
        train: { epochs: 0 }
        eval: { depth: 20, measures: [nDCG@10, RR@10, R@100, AP] }
        {{extra}}
        """;

    /// <summary>Plans a spec text written to a file in <paramref name="folder"/>.</summary>
    public static ExperimentPlan Plan(TempDirectory folder, string yaml, string cache, string file = "spec.yaml") =>
        ExperimentPlanner.Plan(folder.File(file, yaml), Catalog(), cache, ["cpu"]);
}
