namespace Harness.Tests.Support;

/// <summary>The <c>harness</c> executable built beside the tests (src/Harness.Cli, same configuration).</summary>
public static class HarnessCli
{
    public static string Directory
    {
        get
        {
            var configuration = TestPaths.Output.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(TestPaths.RepoRoot, "src", "Harness.Cli", "bin", configuration, "net10.0", "linux-x64");
        }
    }

    public static string Executable
    {
        get
        {
            var exe = Path.Combine(Directory, "harness");
            return File.Exists(exe) ? exe : throw new FileNotFoundException($"the harness CLI is not built at {exe}; build src/Harness.Cli first");
        }
    }

    public static ProcessRunner.Result Run(params string[] args) => RunWithCache(null, args);

    /// <summary>Runs harness with HARNESS_CACHE set to <paramref name="cache"/> (a temporary folder when null).</summary>
    public static ProcessRunner.Result RunWithCache(string? cache, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["HARNESS_PLUGINS"] = string.Empty };
        if (cache is null)
        {
            using var temp = new TempDirectory();
            environment["HARNESS_CACHE"] = temp.Path;
            return ProcessRunner.Run(Executable, args, environment: environment);
        }

        environment["HARNESS_CACHE"] = cache;
        return ProcessRunner.Run(Executable, args, environment: environment);
    }

    /// <summary>Runs harness with extra environment variables (HARNESS_CACHE: a temporary folder unless given).</summary>
    public static ProcessRunner.Result RunWithEnvironment(IDictionary<string, string> extra, params string[] args)
    {
        using var temp = new TempDirectory();
        return ProcessRunner.Run(Executable, args, environment: Environment(extra, temp.Path));
    }

    /// <summary>The environment harness runs with in tests: no extra plugin folders, a private cache.</summary>
    public static Dictionary<string, string> Environment(IDictionary<string, string>? extra, string cache)
    {
        var environment = new Dictionary<string, string> { ["HARNESS_PLUGINS"] = string.Empty, ["HARNESS_CACHE"] = cache };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }

        return environment;
    }
}
