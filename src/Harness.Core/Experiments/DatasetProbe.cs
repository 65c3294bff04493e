using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>
/// What a cell id and validation need to know about a dataset configuration without keeping it loaded: its content
/// hash and how many queries each split has. Cached under the harness cache, keyed by the plugin's id, version,
/// assembly hash, parameters and the seed, so planning a matrix loads each dataset once per machine.
/// </summary>
/// <param name="ContentHash">The dataset's content hash.</param>
/// <param name="QueryCounts">Queries per split.</param>
public sealed record DatasetProbe(string ContentHash, IReadOnlyDictionary<Split, int> QueryCounts)
{
    private const string Folder = "dataset-probes";

    /// <summary>Returns the cached probe of a dataset configuration, or loads the dataset once to make it.</summary>
    /// <param name="dataset">The resolved dataset plugin.</param>
    /// <param name="seed">The cell seed (datasets may depend on it).</param>
    /// <param name="cacheRoot">The harness cache folder.</param>
    /// <returns>The probe.</returns>
    /// <exception cref="Exception">Whatever the dataset plugin throws when it cannot load.</exception>
    public static DatasetProbe Get(ResolvedPlugin dataset, int seed, string cacheRoot)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{dataset.Canonical()}\nseed={seed}")));
        var file = Path.Combine(cacheRoot, Folder, key + ".txt");
        if (TryRead(file) is { } cached)
        {
            return cached;
        }

        var plugin = (IDatasetPlugin)dataset.Plugin!;
        var data = plugin.Create(dataset.Parameters, new PluginContext(seed) { CacheDirectory = cacheRoot });
        var probe = FromDataset(data);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temp = $"{file}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, probe.ToText());
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: a read-only cache only costs a reload next time.
        }

        return probe;
    }

    /// <summary>The probe of a loaded dataset.</summary>
    /// <param name="data">The dataset.</param>
    /// <returns>The probe.</returns>
    public static DatasetProbe FromDataset(IDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DatasetProbe(data.ContentHash, Enum.GetValues<Split>().ToDictionary(s => s, s => data.Splits.Contains(s) ? data.GetQueries(s).Count : 0));
    }

    private string ToText() =>
        ContentHash + "\n" + string.Join("\n", QueryCounts.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}")) + "\n";

    private static DatasetProbe? TryRead(string file)
    {
        try
        {
            var lines = File.ReadAllLines(file);
            if (lines.Length < 1 || lines[0].Length == 0)
            {
                return null;
            }

            var counts = lines.Skip(1).Where(l => l.Contains('=')).Select(l => l.Split('=')).ToDictionary(p => Enum.Parse<Split>(p[0]), p => int.Parse(p[1], CultureInfo.InvariantCulture));
            return new DatasetProbe(lines[0], counts);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
