namespace Harness.Fixtures.SharedLibrary;

/// <summary>Says which copy of this library is loaded.</summary>
public static class SharedLibraryInfo
{
    /// <summary>The assembly version of the loaded copy.</summary>
    public static Version Version => typeof(SharedLibraryInfo).Assembly.GetName().Version!;

    /// <summary>The file the loaded copy came from.</summary>
    public static string Location => typeof(SharedLibraryInfo).Assembly.Location;
}
