namespace Harness.Cli.Commands;

/// <summary>Exit statuses of <c>harness</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>A check failed (for example a plugin conformance check).</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: a missing file or folder, a malformed line, an invalid argument.</summary>
    public const int BadInput = 2;
}
