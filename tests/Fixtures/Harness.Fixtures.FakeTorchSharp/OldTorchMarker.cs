namespace TorchSharp;

/// <summary>A type for the fixture plugin to use, so its reference to this TorchSharp version is emitted.</summary>
public static class OldTorchMarker
{
    /// <summary>The version this fake stands for.</summary>
    public const string Version = "0.106.0";

    /// <summary>A value only reachable through this assembly.</summary>
    /// <returns>The version.</returns>
    public static string Describe() => Version;
}
