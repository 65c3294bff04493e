using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Core.Provenance;

/// <summary>
/// Everything needed to say where a result came from: the environment, the harness build, every plugin (with the
/// SHA-256 of its assembly), every dataset (with its content hash) and the exact command line. Serialised as the
/// <c>provenance</c> JSON object that retrieve manifests and cell manifests carry.
/// </summary>
/// <param name="Environment">The machine and runtime.</param>
/// <param name="Harness">The harness build.</param>
/// <param name="Plugins">The plugins used.</param>
/// <param name="Datasets">The datasets used.</param>
/// <param name="CommandLine">The command line, program name first.</param>
public sealed record RunProvenance(
    EnvironmentInfo Environment,
    HarnessInfo Harness,
    IReadOnlyList<PluginProvenance> Plugins,
    IReadOnlyList<DatasetProvenance> Datasets,
    IReadOnlyList<string> CommandLine)
{
    /// <summary>Writes the <c>provenance</c> object (snake_case members, as the results layout fixes them).</summary>
    /// <param name="w">The writer, positioned where a value may be written.</param>
    public void WriteTo(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteStartObject("environment");
        w.WriteString("os", Environment.Os);
        w.WriteString("cpu", Environment.Cpu);
        w.WriteNumber("cores", Environment.Cores);
        w.WriteString("dotnet", Environment.DotNet);
        w.WriteString("torchsharp", Environment.TorchSharp);
        w.WriteString("libtorch", Environment.LibTorch);
        w.WriteString("device", Environment.Device);
        w.WriteEndObject();
        w.WriteStartObject("harness");
        w.WriteString("version", Harness.Version);
        w.WriteString("commit", Harness.Commit);
        w.WriteEndObject();
        w.WriteStartArray("plugins");
        foreach (var p in Plugins)
        {
            w.WriteStartObject();
            w.WriteString("kind", p.Kind);
            w.WriteString("id", p.Id);
            w.WriteString("version", p.Version);
            w.WriteString("contract", p.Contract);
            w.WriteString("assembly", p.Assembly);
            w.WriteString("sha256", p.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("datasets");
        foreach (var d in Datasets)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("parameters", d.Parameters);
            w.WriteString("content_hash", d.ContentHash);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("command_line");
        foreach (var a in CommandLine)
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The <c>provenance</c> object as a JSON node (for embedding in another document).</summary>
    /// <returns>A new node.</returns>
    public JsonObject ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            WriteTo(w);
        }

        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }
}
