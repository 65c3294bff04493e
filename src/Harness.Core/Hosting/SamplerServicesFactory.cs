using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Services;

namespace Harness.Core.Hosting;

/// <summary>
/// Fills <see cref="SamplerServices"/> with exactly what a sampler configuration declared: undeclared services stay
/// null (a sampler cannot use what it did not ask for), and a declared service the host cannot provide in this cell
/// stops the cell with one line naming the plugin.
/// </summary>
public static class SamplerServicesFactory
{
    /// <summary>Builds the services.</summary>
    /// <param name="pluginId">The sampler plugin's id (for the error line).</param>
    /// <param name="requirements">What it declared.</param>
    /// <param name="lexical">Creates the BM25 service, or null when this cell has none.</param>
    /// <param name="denseMiner">Creates the dense miner, or null when this cell has none (no trainable encoder).</param>
    /// <param name="teacher">The trained teacher, or null when this cell configures none.</param>
    /// <returns>The services.</returns>
    /// <exception cref="HostServiceUnavailableException">A declared service is unavailable, or the declaration is inconsistent.</exception>
    public static SamplerServices Create(string pluginId, SamplerRequirements requirements, Func<ILexicalSearcher>? lexical, Func<IDenseMiner>? denseMiner, IReranker? teacher)
    {
        ArgumentNullException.ThrowIfNull(pluginId);
        ArgumentNullException.ThrowIfNull(requirements);
        if (requirements.Refresh != RefreshPolicy.None && !requirements.Has(SamplerNeeds.DenseMiner))
        {
            throw new HostServiceUnavailableException($"negative-sampler '{pluginId}' declares refresh policy {requirements.Refresh} without the DenseMiner service it would refresh");
        }

        if (requirements.Refresh is RefreshPolicy.EveryEpochs or RefreshPolicy.EverySteps && requirements.RefreshInterval < 1)
        {
            throw new HostServiceUnavailableException($"negative-sampler '{pluginId}' declares refresh policy {requirements.Refresh} with interval {requirements.RefreshInterval} (must be ≥ 1)");
        }

        return new SamplerServices
        {
            Lexical = requirements.Has(SamplerNeeds.Lexical)
                ? (lexical ?? throw Unavailable(pluginId, "Lexical (BM25)", "this host has no BM25 index for the cell")).Invoke()
                : null,
            DenseMiner = requirements.Has(SamplerNeeds.DenseMiner)
                ? (denseMiner ?? throw Unavailable(pluginId, "DenseMiner", "the cell trains no encoder to mine with")).Invoke()
                : null,
            Teacher = requirements.Has(SamplerNeeds.Teacher)
                ? teacher ?? throw Unavailable(pluginId, "Teacher", "the cell configures no teacher reranker (set the sampler's teacher parameter)")
                : null,
        };
    }

    private static HostServiceUnavailableException Unavailable(string pluginId, string service, string why) =>
        new($"negative-sampler '{pluginId}' declares it needs the {service} service, which it cannot get here: {why}");
}
