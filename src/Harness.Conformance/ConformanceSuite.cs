using Harness.Abstractions.Plugins;
using Harness.Conformance.Datasets;
using Harness.Conformance.Encoders;
using Harness.Conformance.Losses;
using Harness.Conformance.NegativeSamplers;
using Harness.Conformance.Rerankers;

namespace Harness.Conformance;

/// <summary>
/// The conformance suite: checks that a plugin behaves as its contract requires. <c>harness plugins verify</c> runs
/// it on every loaded plugin; plugin authors run it from their own tests:
/// <code>
/// var report = ConformanceSuite.Check(new MyLossPlugin());
/// Assert.That(report.Passed, Is.True, report.ToString());
/// </code>
/// </summary>
public static class ConformanceSuite
{
    /// <summary>Runs the checks for the plugin's kind, with the given or default parameters.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>The report.</returns>
    public static ConformanceReport Check(IPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var r = new CheckRecorder(plugin.Info?.Id ?? plugin.GetType().Name);
        PluginInfo info = null!;
        if (!r.Run("metadata is valid", () =>
            {
                info = plugin.Info ?? throw new InvalidOperationException("Info is null");
                var problems = info.Validate();
                return problems.Count == 0 ? null : string.Join("; ", problems);
            }))
        {
            return new ConformanceReport(r.Results);
        }

        if (parameters is null && !r.Run("default parameters resolve", () =>
            {
                parameters = PluginParameters.Resolve(info.Parameters);
                return null;
            }))
        {
            return new ConformanceReport(r.Results);
        }

        IReadOnlyList<CheckResult> results = plugin switch
        {
            ILossPlugin loss => LossConformance.Check(loss, parameters),
            INegativeSamplerPlugin sampler => SamplerConformance.Check(sampler, parameters),
            IRerankerPlugin reranker => RerankerConformance.Check(reranker, parameters),
            IDatasetPlugin dataset => DatasetConformance.Check(dataset, parameters),
            IEncoderPlugin encoder => EncoderConformance.Check(encoder, parameters),
            _ => [new CheckResult(info.Id, "implements a plugin kind", CheckOutcome.Failed, "none of the five kind interfaces")],
        };
        return new ConformanceReport([.. r.Results, .. results]);
    }
}
