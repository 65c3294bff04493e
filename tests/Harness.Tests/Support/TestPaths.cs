namespace Harness.Tests.Support;

/// <summary>Where the test build put things.</summary>
public static class TestPaths
{
    /// <summary>The test output folder.</summary>
    public static string Output => AppContext.BaseDirectory;

    /// <summary>Fixture plugin folders published by the test build.</summary>
    public static string Fixture(string name) => Path.Combine(Output, "fixtures", name);

    /// <summary>The built-in plugin packs published by the test build.</summary>
    public static string BuiltInPlugins => Path.Combine(Output, "plugins");

    /// <summary>The repository root (the folder holding Harness.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(Output);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException($"no Harness.sln above {Output}");
        }
    }

    /// <summary>Copies a folder recursively.</summary>
    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var sub in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
