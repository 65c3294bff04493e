using System.Text.Json;
using Harness.Abstractions;
using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;

namespace Harness.Cli.Output;

/// <summary>Writes a plugin catalog as text (for people) or JSON (for scripts).</summary>
internal static class PluginCatalogWriter
{
    public static void WriteText(PluginCatalog catalog, TextWriter output)
    {
        foreach (var (kind, _) in PluginKinds.All)
        {
            var plugins = catalog.Plugins.Where(p => p.Kind == kind).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            if (plugins.Count == 0)
            {
                continue;
            }

            output.WriteLine($"{PluginKinds.ToName(kind)}:");
            foreach (var p in plugins)
            {
                output.WriteLine($"  {p.Id} {p.Info.Version} (contract {p.ContractVersion.Major}.{p.ContractVersion.Minor}) {p.SourcePath}");
                output.WriteLine($"    {p.Info.Description}");
                foreach (var s in p.Info.Parameters)
                {
                    output.WriteLine($"    {s.Name} {Describe(s)} = {ParameterSpec.Format(s.DefaultValue)}: {s.Description}");
                }
            }
        }

        output.WriteLine($"{catalog.Plugins.Count} plugins loaded, {catalog.Problems.Count} skipped (host contract {HarnessContract.Version})");
    }

    public static void WriteJson(PluginCatalog catalog, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("hostContractVersion", HarnessContract.Version);
        w.WriteStartArray("plugins");
        foreach (var p in catalog.Plugins)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("kind", PluginKinds.ToName(p.Kind));
            w.WriteString("version", p.Info.Version);
            w.WriteString("contractVersion", $"{p.ContractVersion.Major}.{p.ContractVersion.Minor}");
            w.WriteString("source", p.SourcePath);
            w.WriteString("description", p.Info.Description);
            if (p.Info.Citation is { } citation)
            {
                w.WriteString("citation", citation);
            }

            w.WriteStartArray("parameters");
            foreach (var s in p.Info.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteString("type", s.Type.ToString().ToLowerInvariant());
                w.WritePropertyName("default");
                WriteValue(w, s.DefaultValue);
                w.WriteString("description", s.Description);
                if (s.Minimum is { } min)
                {
                    w.WriteNumber("minimum", min);
                    w.WriteBoolean("exclusiveMinimum", s.ExclusiveMinimum);
                }

                if (s.Maximum is { } max)
                {
                    w.WriteNumber("maximum", max);
                }

                if (s.Choices.Count > 0)
                {
                    w.WriteStartArray("choices");
                    foreach (var c in s.Choices)
                    {
                        w.WriteStringValue(c);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSkippedAndClose(w, catalog, output);
    }

    /// <summary>Writes the <c>skipped</c> array, closes the root object and ends the output with a newline.</summary>
    public static void WriteSkippedAndClose(Utf8JsonWriter w, PluginCatalog catalog, Stream output)
    {
        w.WriteStartArray("skipped");
        foreach (var problem in catalog.Problems)
        {
            w.WriteStartObject();
            w.WriteString("path", problem.Path);
            w.WriteString("reason", problem.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteValue(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteNumberValue(d); break;
            case bool b: w.WriteBooleanValue(b); break;
            default: w.WriteStringValue(value.ToString()); break;
        }
    }

    private static string Describe(ParameterSpec s)
    {
        var type = s.Type switch
        {
            ParameterType.Choice => string.Join("|", s.Choices),
            _ => s.Type.ToString().ToLowerInvariant(),
        };
        if (s.Minimum is null && s.Maximum is null)
        {
            return $"<{type}>";
        }

        var lo = s.Minimum is { } min ? (s.ExclusiveMinimum ? "(" : "[") + ParameterSpec.Format(min) : "(-inf";
        var hi = s.Maximum is { } max ? ParameterSpec.Format(max) + "]" : "inf)";
        return $"<{type} in {lo},{hi}>";
    }
}
