using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Harness.Abstractions;
using Harness.Core.Experiments;
using Harness.Core.Plugins;

namespace Harness.Core.Running;

/// <summary>
/// The <c>provenance</c> object of a cell manifest, in the shape the teams agreed (environment, harness, plugins,
/// datasets, command line). A minimal stand-in until the house issue's Core/Provenance is merged, which should
/// replace this one type.
/// </summary>
public static class CellProvenance
{
    private static readonly Lazy<string> Commit = new(ReadCommit);

    /// <summary>Builds the provenance of a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="device">The device it ran on.</param>
    /// <param name="commandLine">The command line that ran it.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject For(ExperimentCell cell, string device, IReadOnlyList<string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(commandLine);
        var torchSharp = typeof(TorchSharp.torch).Assembly.GetName().Version;
        return new JsonObject
        {
            ["environment"] = new JsonObject
            {
                ["os"] = RuntimeInformation.OSDescription,
                ["cpu"] = RuntimeInformation.ProcessArchitecture.ToString(),
                ["cores"] = Environment.ProcessorCount,
                ["dotnet"] = RuntimeInformation.FrameworkDescription,
                ["torchsharp"] = torchSharp is null ? "unknown" : $"{torchSharp.Major}.{torchSharp.Minor}.{torchSharp.Build}",
                ["device"] = device,
            },
            ["harness"] = new JsonObject
            {
                ["version"] = typeof(CellProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
                ["commit"] = Commit.Value,
            },
            ["plugins"] = new JsonArray([.. cell.Plugins.Where(p => p.Plugin is not null).Select(p => (JsonNode)new JsonObject
            {
                ["kind"] = PluginKinds.ToName(p.Kind),
                ["id"] = p.Id,
                ["version"] = p.Version,
                ["contract"] = HarnessContract.Version.ToString(),
                ["assembly"] = Path.GetFileName(p.AssemblyPath),
                ["sha256"] = p.AssemblySha256,
            })]),
            ["datasets"] = new JsonArray(new JsonObject
            {
                ["id"] = cell.Dataset.Id,
                ["parameters"] = cell.Dataset.Parameters.ToString(),
                ["content_hash"] = cell.DatasetContentHash,
            }),
            ["command_line"] = new JsonArray([.. commandLine.Select(a => (JsonNode)JsonValue.Create(a))]),
        };
    }

    private static string ReadCommit()
    {
        var attribute = typeof(CellProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = attribute?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        if (plus > 0 && attribute!.Length > plus + 1)
        {
            return attribute[(plus + 1)..];
        }

        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory });
            var text = git?.StandardOutput.ReadToEnd().Trim() ?? string.Empty;
            git?.WaitForExit();
            return git?.ExitCode == 0 && text.Length == 40 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
