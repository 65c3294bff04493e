using System.Text.Json;

namespace Harness.Cli.Output;

/// <summary>Writes a <see cref="RunManifest"/> as indented camelCase JSON, with the host environment.</summary>
internal static class RunManifestWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(string path, RunManifest manifest)
    {
        var document = new
        {
            manifest,
            environment = new
            {
                os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                processors = Environment.ProcessorCount,
                createdUtc = DateTime.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(document, Options) + "\n");
        File.Move(tmp, path, overwrite: true);
    }
}
