namespace Harness.Data.Debian;

/// <summary>
/// The apt list files the <c>debian-descriptions</c> dataset is built from: <c>*_Packages</c> and
/// <c>*_i18n_Translation-en</c> (plain, <c>.lz4</c>, <c>.xz</c> or <c>.gz</c>) in one lists directory.
/// </summary>
/// <param name="ListsDirectory">The lists directory.</param>
/// <param name="PackagesFiles">Packages files, ordinal order.</param>
/// <param name="TranslationFiles">Translation-en files, ordinal order.</param>
public sealed record DebianIndex(string ListsDirectory, IReadOnlyList<string> PackagesFiles, IReadOnlyList<string> TranslationFiles)
{
    private static readonly string[] Extensions = [string.Empty, ".lz4", ".xz", ".gz"];

    /// <summary>The command that fetches the index into <paramref name="listsDirectory"/> without touching the system's lists.</summary>
    /// <param name="listsDirectory">The lists directory.</param>
    /// <returns>A shell command line.</returns>
    public static string FetchCommand(string listsDirectory) =>
        $"scripts/fetch-debian-index.sh '{listsDirectory}' (run from the Harness repository root; it creates " +
        $"'{listsDirectory}/partial' and runs apt-get update -o Acquire::Languages=en -o Dir::State::Lists='{listsDirectory}' " +
        "with a private sources list for 'deb http://deb.debian.org/debian bookworm main', leaving the system's lists alone)";

    /// <summary>Finds the index files in a lists directory.</summary>
    /// <param name="listsDirectory">The lists directory.</param>
    /// <returns>The index.</returns>
    /// <exception cref="FileNotFoundException">No Packages or no Translation-en file is there; the message names the command that fetches them.</exception>
    public static DebianIndex Find(string listsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(listsDirectory);
        var dir = Path.GetFullPath(listsDirectory);
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir).Select(Path.GetFileName).OfType<string>().ToArray() : [];
        var packages = Pick(files, "_Packages").Select(f => Path.Combine(dir, f)).ToArray();
        var translations = Pick(files, "_Translation-en").Select(f => Path.Combine(dir, f)).ToArray();
        if (packages.Length == 0 || translations.Length == 0)
        {
            var missing = packages.Length == 0 && translations.Length == 0 ? "Packages and Translation-en files"
                : packages.Length == 0 ? "Packages file" : "Translation-en file";
            throw new FileNotFoundException(
                $"{dir}: no Debian {missing} (*_Packages[.lz4|.xz|.gz], *_i18n_Translation-en[.lz4|.xz|.gz]). Fetch them with: {FetchCommand(dir)}",
                dir);
        }

        return new DebianIndex(dir, packages, translations);
    }

    private static IEnumerable<string> Pick(IEnumerable<string> names, string suffix)
    {
        // One file per base name: prefer the plain file, then lz4, xz, gz.
        var chosen = new SortedDictionary<string, (string Name, int Rank)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            for (var rank = 0; rank < Extensions.Length; rank++)
            {
                var ext = Extensions[rank];
                if (!name.EndsWith(suffix + ext, StringComparison.Ordinal))
                {
                    continue;
                }

                var stem = name[..^ext.Length];
                if (!chosen.TryGetValue(stem, out var prev) || prev.Rank > rank)
                {
                    chosen[stem] = (name, rank);
                }

                break;
            }
        }

        return chosen.Values.Select(v => v.Name);
    }
}
