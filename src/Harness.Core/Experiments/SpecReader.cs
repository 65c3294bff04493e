using System.Globalization;
using Harness.Abstractions.Plugins;
using Harness.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Core.Experiments;

/// <summary>
/// Reads a YAML spec with YamlDotNet's representation model, which keeps the line and column of every node, so every
/// problem names its file, line and key path. Reads as much as it can and reports every problem it meets; the spec is
/// null only when the YAML itself cannot be parsed.
/// </summary>
public sealed class SpecReader
{
    private readonly List<ValidationProblem> _problems = [];
    private readonly Dictionary<string, SpecLocation> _locations = new(StringComparer.Ordinal);
    private readonly string _file;

    private SpecReader(string file)
    {
        _file = file;
    }

    /// <summary>Reads a spec file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The spec (null when unreadable) and every problem found.</returns>
    public static (ExperimentSpec? Spec, IReadOnlyList<ValidationProblem> Problems) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [ValidationProblem.Error(null, null, $"cannot read spec {path}: {e.Message}")]);
        }

        return Parse(text, full);
    }

    /// <summary>Reads a spec from text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="path">The file it came from (full path; used for messages, the default name and relative paths).</param>
    /// <returns>The spec (null when unreadable) and every problem found.</returns>
    public static (ExperimentSpec? Spec, IReadOnlyList<ValidationProblem> Problems) Parse(string yaml, string path)
    {
        var reader = new SpecReader(DisplayPath(path));
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
            var colon = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && colon > 0)
            {
                message = message[(colon + 3)..];
            }

            return (null, [ValidationProblem.Error(new SpecLocation(reader._file, (int)e.Start.Line, (int)e.Start.Column), null, $"broken YAML: {message}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on an unclosed flow sequence instead of raising a YamlException
            // with a position; find the position by replaying the events up to the failure.
            return (null, [ValidationProblem.Error(LastGoodPosition(yaml, reader._file), null, "broken YAML: an unclosed [ or { (a flow list or mapping must end on a later line with ] or })")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? new SpecLocation(reader._file, 1, 1) : reader.At(stream.Documents[0].RootNode);
            return (null, [ValidationProblem.Error(at, null, "a spec is a YAML mapping (name:, seeds:, datasets:, ...)")]);
        }

        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode, null, "a spec holds one YAML document; remove the second '---'");
        }

        var spec = reader.ReadRoot(root, path);
        return (spec, reader._problems);
    }

    /// <summary>A path as messages print it: relative to the current folder when it is under it.</summary>
    /// <param name="path">A path.</param>
    /// <returns>The text.</returns>
    public static string DisplayPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }

    private static SpecLocation LastGoodPosition(string yaml, string file)
    {
        var parser = new Parser(new StringReader(yaml));
        var last = new SpecLocation(file, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } e)
                {
                    last = new SpecLocation(file, (int)e.End.Line, (int)e.End.Column);
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The failure point: the last event that parsed is where the reader went wrong.
        }

        return last;
    }

    private ExperimentSpec ReadRoot(YamlMappingNode root, string path)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode, null);
            if (key is null)
            {
                continue;
            }

            _locations[key] = At(keyNode);
            if (!SpecKeys.TopLevel.Contains(key))
            {
                Error(keyNode, key, $"unknown key (known: {string.Join(", ", SpecKeys.TopLevel)})");
                continue;
            }

            keys[key] = value;
        }

        var name = keys.TryGetValue("name", out var n) ? Scalar(n, "name") : null;
        if (name is not null && !IsSafeName(name))
        {
            Error(n!, "name", $"'{name}' is not usable as a folder name (letters, digits, '.', '_' and '-')");
        }

        name ??= System.IO.Path.GetFileNameWithoutExtension(path);
        if (keys.TryGetValue("description", out var d))
        {
            Scalar(d, "description");
        }

        var entries = new Dictionary<PluginKind, IReadOnlyList<PluginEntry>>();
        foreach (var (key, kind, _) in SpecKeys.Lists)
        {
            if (keys.TryGetValue(key, out var list))
            {
                entries[kind] = ReadEntries(list, key, kind);
            }
            else if (kind == PluginKind.Reranker)
            {
                entries[kind] = [new PluginEntry(kind, PluginEntry.NoReranker, [], new SpecLocation(_file, 1, 1), "rerankers")];
            }
            else
            {
                Error(root, null, $"missing key '{key}' (a list of {SpecKeys.Singular(kind)} plugin ids)");
                entries[kind] = [];
            }
        }

        return new ExperimentSpec
        {
            Path = path,
            Name = name,
            Seeds = keys.TryGetValue("seeds", out var s) ? ReadSeeds(s) : [1],
            Device = keys.TryGetValue("device", out var dev) ? ReadDevice(dev) : "auto",
            Entries = entries,
            Train = keys.TryGetValue("train", out var t) ? ReadTrain(t) : [],
            Eval = keys.TryGetValue("eval", out var e) ? ReadEval(e) : EvalSettings.Default,
            Exclude = keys.TryGetValue("exclude", out var x) ? ReadExclude(x) : [],
            Baseline = keys.TryGetValue("baseline", out var b) ? ReadBaseline(b) : new Dictionary<PluginKind, SpecValue>(),
            Timeout = keys.TryGetValue("timeout", out var to) ? ReadTimeout(to) : null,
            MemoryLimit = keys.TryGetValue("memory", out var mem) ? ReadMemory(mem) : null,
            Locations = _locations,
        };
    }

    private List<PluginEntry> ReadEntries(YamlNode node, string key, PluginKind kind)
    {
        var result = new List<PluginEntry>();
        if (node is not YamlSequenceNode seq)
        {
            Error(node, key, $"expected a list of {SpecKeys.Singular(kind)} entries (an id, or {{id: {{parameter: value}}}})");
            return result;
        }

        if (seq.Children.Count == 0)
        {
            Error(node, key, "the list is empty: give at least one plugin id");
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"{key}[{i}]";
            var item = seq.Children[i];
            switch (item)
            {
                case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                    result.Add(CheckId(new PluginEntry(kind, scalar.Value!.Trim(), [], At(item), path), item));
                    break;
                case YamlMappingNode map when map.Children.Count == 1:
                {
                    var (idNode, paramsNode) = map.Children.First();
                    var id = Key(idNode, path);
                    if (id is null)
                    {
                        break;
                    }

                    var entryPath = $"{path}.{id}";
                    var parameters = ReadParameters(paramsNode, entryPath, allowNull: true);
                    result.Add(CheckId(new PluginEntry(kind, id, parameters, At(idNode), entryPath), idNode));
                    break;
                }

                default:
                    Error(item, path, "an entry is a plugin id or {id: {parameter: value, ...}} (one id per entry)");
                    break;
            }
        }

        foreach (var duplicate in result.GroupBy(e => (e.Id, Params: string.Join(";", e.Parameters.Select(p => $"{p.Name}={string.Join("|", p.Values.Select(v => v.Text))}")))).Where(g => g.Count() > 1))
        {
            var second = duplicate.Skip(1).First();
            Error(second.Location, second.KeyPath, $"'{second.Id}' is listed twice with the same parameters");
        }

        return result;
    }

    private PluginEntry CheckId(PluginEntry entry, YamlNode node)
    {
        if (!PluginInfo.IsValidId(entry.Id))
        {
            Error(node, entry.KeyPath, $"'{entry.Id}' is not a plugin id (kebab-case: lower-case letters and digits joined by '-')");
        }

        return entry;
    }

    private List<SpecParameter> ReadParameters(YamlNode node, string path, bool allowNull)
    {
        var result = new List<SpecParameter>();
        if (allowNull && node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return result;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, path, "expected a mapping of parameter: value");
            return result;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var name = Key(keyNode, path);
            if (name is null)
            {
                continue;
            }

            var keyPath = $"{path}.{name}";
            _locations[keyPath] = At(keyNode);
            switch (value)
            {
                case YamlSequenceNode seq:
                {
                    var values = new List<SpecValue>();
                    for (var i = 0; i < seq.Children.Count; i++)
                    {
                        if (seq.Children[i] is YamlScalarNode s && s.Value is not null)
                        {
                            values.Add(new SpecValue(s.Value, At(s)));
                        }
                        else
                        {
                            Error(seq.Children[i], $"{keyPath}[{i}]", "an axis value must be a scalar");
                        }
                    }

                    if (seq.Children.Count == 0)
                    {
                        Error(value, keyPath, "an axis needs at least one value");
                    }
                    else if (values.Count == seq.Children.Count)
                    {
                        foreach (var dup in values.GroupBy(v => v.Text).Where(g => g.Count() > 1))
                        {
                            Error(dup.Skip(1).First().Location, keyPath, $"axis value '{dup.Key}' is listed twice");
                        }

                        result.Add(new SpecParameter(name, values, true, At(keyNode), keyPath));
                    }

                    break;
                }

                case YamlScalarNode s when s.Value is not null && !(s.Style == ScalarStyle.Plain && s.Value is "" or "~" or "null"):
                    result.Add(new SpecParameter(name, [new SpecValue(s.Value, At(s))], false, At(keyNode), keyPath));
                    break;
                default:
                    Error(value, keyPath, "expected a value or a list of values (an axis)");
                    break;
            }
        }

        return result;
    }

    private List<int> ReadSeeds(YamlNode node)
    {
        var seeds = new List<int>();
        IEnumerable<(YamlNode Node, string Path)> items = node is YamlSequenceNode seq
            ? seq.Children.Select((c, i) => (c, $"seeds[{i}]"))
            : [(node, "seeds")];
        foreach (var (item, path) in items)
        {
            if (item is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
            {
                if (seeds.Contains(seed))
                {
                    Error(item, path, $"seed {seed} is listed twice");
                }
                else
                {
                    seeds.Add(seed);
                }
            }
            else
            {
                Error(item, path, "a seed is an integer");
            }
        }

        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            Error(node, "seeds", "give at least one seed");
        }

        return seeds;
    }

    private string ReadDevice(YamlNode node)
    {
        var value = Scalar(node, "device") ?? "auto";
        if (!DeviceRequest.IsValid(value))
        {
            Error(node, "device", $"'{value}' is not a device (auto, cpu, cuda or cuda:N)");
            return "auto";
        }

        return value;
    }

    private List<SpecParameter> ReadTrain(YamlNode node)
    {
        var parameters = ReadParameters(node, "train", allowNull: true);
        var known = TrainingSettings.AllSpecs.Select(s => s.Name).ToList();
        foreach (var p in parameters.Where(p => !known.Contains(p.Name)))
        {
            Error(p.Location, p.KeyPath, $"unknown key (known: {string.Join(", ", known)})");
        }

        foreach (var p in parameters.Where(p => p.IsAxis && TrainingSettings.IsRunKey(p.Name)))
        {
            Error(p.Location, p.KeyPath, "cannot be a list (an axis): it changes how cells run, not what they compute");
        }

        return [.. parameters.Where(p => known.Contains(p.Name) && !(p.IsAxis && TrainingSettings.IsRunKey(p.Name)))];
    }

    private EvalSettings ReadEval(YamlNode node)
    {
        var defaults = EvalSettings.Default;
        if (node is not YamlMappingNode map)
        {
            Error(node, "eval", "expected a mapping (split:, depth:, measures:, retrieval:, rerank_depth:, similarity:)");
            return defaults;
        }

        var result = defaults;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(keyNode, "eval");
            if (key is null)
            {
                continue;
            }

            var path = $"eval.{key}";
            _locations[path] = At(keyNode);
            switch (key)
            {
                case "split":
                    result = result with { Split = Choice(value, path, defaults.Split, "train", "dev", "test") };
                    break;
                case "depth":
                    result = result with { Depth = Int(value, path, defaults.Depth, 1, 1_000_000) };
                    break;
                case "rerank_depth":
                    result = result with { RerankDepth = Int(value, path, defaults.RerankDepth, 1, 1_000_000) };
                    break;
                case "retrieval":
                    result = result with { Retrieval = Choice(value, path, defaults.Retrieval, "dense", "bm25", "both") };
                    break;
                case "similarity":
                    result = result with { Similarity = Choice(value, path, defaults.Similarity, "cosine", "dot") };
                    break;
                case "measures":
                    result = result with { Measures = ReadMeasures(value, path) ?? defaults.Measures };
                    break;
                default:
                    Error(keyNode, path, $"unknown key (known: {string.Join(", ", SpecKeys.Eval)})");
                    break;
            }
        }

        return result;
    }

    private List<string>? ReadMeasures(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Error(node, path, "expected a non-empty list of measures, for example [nDCG@10, RR@10, R@100, AP]");
            return null;
        }

        var names = new List<string>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var name = Scalar(seq.Children[i], $"{path}[{i}]");
            if (name is null)
            {
                continue;
            }

            try
            {
                Harness.Evaluation.MeasureSet.FromNames(name);
                names.Add(name);
            }
            catch (Harness.Evaluation.EvaluationException e)
            {
                Error(seq.Children[i], $"{path}[{i}]", $"unknown measure '{name}': {e.Message}");
            }
        }

        return names.Count == 0 ? null : names;
    }

    private List<ExcludeRule> ReadExclude(YamlNode node)
    {
        var rules = new List<ExcludeRule>();
        if (node is not YamlSequenceNode seq)
        {
            Error(node, "exclude", "expected a list of {loss: ID, sampler: ID, ...} combinations");
            return rules;
        }

        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"exclude[{i}]";
            if (seq.Children[i] is not YamlMappingNode map || map.Children.Count == 0)
            {
                Error(seq.Children[i], path, "expected a mapping such as {loss: triplet, sampler: bm25}");
                continue;
            }

            var conditions = new List<ExcludeCondition>();
            foreach (var (keyNode, value) in map.Children)
            {
                var key = Key(keyNode, path);
                if (key is null)
                {
                    continue;
                }

                var keyPath = $"{path}.{key}";
                if (key == "seed")
                {
                    if (value is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
                    {
                        conditions.Add(new ExcludeCondition(null, string.Empty, [], seed, At(value), keyPath));
                    }
                    else
                    {
                        Error(value, keyPath, "a seed is an integer");
                    }

                    continue;
                }

                var list = SpecKeys.Lists.FirstOrDefault(l => l.Singular == key);
                if (list.Key is null)
                {
                    Error(keyNode, keyPath, "unknown key (known: dataset, encoder, loss, sampler, reranker, seed)");
                    continue;
                }

                switch (value)
                {
                    case YamlScalarNode { Value: { Length: > 0 } id }:
                        conditions.Add(new ExcludeCondition(list.Kind, id.Trim(), [], null, At(value), keyPath));
                        break;
                    case YamlMappingNode { Children.Count: 1 } m:
                    {
                        var (idNode, paramsNode) = m.Children.First();
                        var id = Key(idNode, keyPath);
                        if (id is null)
                        {
                            break;
                        }

                        var parameters = ReadParameters(paramsNode, $"{keyPath}.{id}", allowNull: true);
                        foreach (var axis in parameters.Where(p => p.IsAxis))
                        {
                            Error(axis.Location, axis.KeyPath, "an exclusion names one value, not a list");
                        }

                        conditions.Add(new ExcludeCondition(list.Kind, id, [.. parameters.Where(p => !p.IsAxis).Select(p => new KeyValuePair<string, SpecValue>(p.Name, p.Values[0]))], null, At(idNode), keyPath));
                        break;
                    }

                    default:
                        Error(value, keyPath, "expected a plugin id or {id: {parameter: value}}");
                        break;
                }
            }

            if (conditions.Count > 0)
            {
                rules.Add(new ExcludeRule(conditions, At(map), path));
            }
        }

        return rules;
    }

    private Dictionary<PluginKind, SpecValue> ReadBaseline(YamlNode node)
    {
        var result = new Dictionary<PluginKind, SpecValue>();
        if (node is not YamlMappingNode map)
        {
            Error(node, "baseline", "expected a mapping such as {loss: infonce, sampler: random}");
            return result;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(keyNode, "baseline");
            if (key is null)
            {
                continue;
            }

            var path = $"baseline.{key}";
            var list = SpecKeys.Lists.FirstOrDefault(l => l.Singular == key);
            if (list.Key is null)
            {
                Error(keyNode, path, "unknown key (known: dataset, encoder, loss, sampler, reranker)");
                continue;
            }

            if (Scalar(value, path) is { } id)
            {
                result[list.Kind] = new SpecValue(id, At(value));
            }
        }

        return result;
    }

    private long? ReadMemory(YamlNode node)
    {
        var text = Scalar(node, "memory");
        if (text is null)
        {
            return null;
        }

        if (ByteSizeText.TryParse(text, out var bytes))
        {
            return bytes;
        }

        Error(node, "memory", $"'{text}' is not a memory size (bytes, or for example 512MiB, 4GiB, 2G)");
        return null;
    }

    private TimeSpan? ReadTimeout(YamlNode node)
    {
        var text = Scalar(node, "timeout");
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        Error(node, "timeout", $"'{text}' is not a duration (seconds, or for example 90s, 10m, 1h30m)");
        return null;
    }

    private string Choice(YamlNode node, string path, string fallback, params string[] choices)
    {
        var value = Scalar(node, path);
        if (value is null)
        {
            return fallback;
        }

        if (!choices.Contains(value, StringComparer.Ordinal))
        {
            Error(node, path, $"'{value}' is not one of {string.Join(", ", choices)}");
            return fallback;
        }

        return value;
    }

    private int Int(YamlNode node, string path, int fallback, int min, int max)
    {
        var value = Scalar(node, path);
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            Error(node, path, $"'{value}' is not an integer");
            return fallback;
        }

        if (i < min || i > max)
        {
            Error(node, path, $"{i} is out of range ({min} to {max})");
            return fallback;
        }

        return i;
    }

    private string? Scalar(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } v })
        {
            return v;
        }

        Error(node, path, "expected a single value");
        return null;
    }

    private string? Key(YamlNode node, string? parentPath)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } v })
        {
            return v;
        }

        Error(node, parentPath, "a key must be a plain name");
        return null;
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0 && name != "." && name != ".." && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private SpecLocation At(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    private void Error(YamlNode node, string? keyPath, string message) => _problems.Add(ValidationProblem.Error(At(node), keyPath, message));

    private void Error(SpecLocation location, string? keyPath, string message) => _problems.Add(ValidationProblem.Error(location, keyPath, message));
}
