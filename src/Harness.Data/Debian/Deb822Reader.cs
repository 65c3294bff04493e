using Harness.Data.Formats;

namespace Harness.Data.Debian;

/// <summary>
/// Streams the stanzas of a deb822 control file (apt's <c>Packages</c>, <c>Translation-*</c>): fields separated by
/// blank lines, continuation lines starting with a space or tab. Field values keep their continuation lines
/// joined by <c>\n</c> with the leading space removed.
/// </summary>
public static class Deb822Reader
{
    /// <summary>Reads the stanzas of a (possibly compressed) file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Each stanza's fields (name → value) with the line it starts on.</returns>
    public static IEnumerable<(long Line, Dictionary<string, string> Fields)> Read(string path)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        long start = 0;
        foreach (var (line, text) in DataFile.ReadLines(path))
        {
            if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
            {
                if (fields.Count > 0)
                {
                    yield return (start, fields);
                    fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                current = null;
                continue;
            }

            if (text[0] is ' ' or '\t')
            {
                if (current is null)
                {
                    throw new DatasetFormatException(path, line, "continuation line without a field");
                }

                fields[current] = fields[current] + "\n" + text[1..];
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DatasetFormatException(path, line, "expected 'Field: value'");
            }

            if (fields.Count == 0)
            {
                start = line;
            }

            current = text[..colon];
            fields[current] = text[(colon + 1)..].Trim();
        }

        if (fields.Count > 0)
        {
            yield return (start, fields);
        }
    }
}
