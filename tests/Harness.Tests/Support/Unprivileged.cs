using System.Runtime.Versioning;

namespace Harness.Tests.Support;

/// <summary>
/// Runs harness where file permissions apply. Permission faults (an unwritable cache, an unreadable plugin folder)
/// cannot be staged for root, which ignores permission bits; when the tests run as root, harness runs as
/// <c>nobody</c> through util-linux's setpriv, so a root-owned folder with mode 0555 or 0000 is as unwritable or
/// unreadable as it is to any user.
/// </summary>
[SupportedOSPlatform("linux")]
public static class Unprivileged
{
    private const string Setpriv = "/usr/bin/setpriv";

    public static bool IsRoot => Environment.UserName == "root";

    public static ProcessRunner.Result RunHarness(IDictionary<string, string> environment, params string[] args)
    {
        if (!IsRoot)
        {
            return ProcessRunner.Run(HarnessCli.Executable, args, environment: environment);
        }

        if (!File.Exists(Setpriv))
        {
            Assert.Ignore("running as root without setpriv: a permission fault cannot be staged");
        }

        return ProcessRunner.Run(Setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", HarnessCli.Executable, .. args], environment: environment);
    }

    /// <summary>Makes a folder writable by whoever <see cref="RunHarness"/> runs as.</summary>
    public static string Writable(string folder)
    {
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        return folder;
    }
}
