using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Core.Validation;

/// <summary>Every plugin id in the spec names a loaded plugin of the right kind.</summary>
public sealed class PluginsResolveValidator : IExperimentValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var kind in Matrix.Kinds)
        {
            foreach (var entry in context.Spec.EntriesOf(kind).Where(e => !e.IsNone))
            {
                var found = context.Catalog.Find(entry.Id);
                if (found is null)
                {
                    var known = context.Catalog.Plugins.Where(p => p.Kind == kind).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
                    if (kind == Harness.Abstractions.Plugins.PluginKind.Reranker)
                    {
                        known.Insert(0, PluginEntry.NoReranker);
                    }

                    yield return ValidationProblem.Error(entry.Location, entry.KeyPath,
                        $"no {PluginKinds.ToName(kind)} plugin '{entry.Id}' (loaded: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
                }
                else if (found.Kind != kind)
                {
                    yield return ValidationProblem.Error(entry.Location, entry.KeyPath,
                        $"'{entry.Id}' is a {PluginKinds.ToName(found.Kind)} plugin; this list takes {PluginKinds.ToName(kind)} plugins");
                }
            }

            foreach (var entry in context.Spec.EntriesOf(kind).Where(e => e.IsNone && e.Parameters.Count > 0))
            {
                yield return ValidationProblem.Error(entry.Location, entry.KeyPath, "the 'none' reranker takes no parameters");
            }
        }
    }
}
