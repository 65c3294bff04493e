using System.Text.Json;
using Harness.Results.Storage;

namespace Harness.Core.Provenance;

/// <summary>
/// Writes <c>manifest.json</c>: <c>{"manifest": {...}, "provenance": {...}}</c>, the run's description in camelCase
/// and its <see cref="RunProvenance"/> in the shape the results layout fixes. Written atomically.
/// </summary>
public static class RunManifestWriter
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the manifest.</summary>
    /// <param name="path">The file.</param>
    /// <param name="manifest">The run.</param>
    /// <param name="provenance">Where it came from.</param>
    public static void Write(string path, RunManifest manifest, RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(provenance);
        AtomicFile.Write(path, stream =>
        {
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WritePropertyName("manifest");
                JsonSerializer.Serialize(w, manifest, Options);
                w.WritePropertyName("provenance");
                provenance.WriteTo(w);
                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        });
    }
}
