namespace Harness.Core.Validation;

/// <summary>Where something was written in a spec file: the file and the 1-based line and column.</summary>
/// <param name="File">The spec file as the user named it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SpecLocation(string File, int Line, int Column)
{
    /// <summary>A place that is not in a file (a command line): printed as its name alone.</summary>
    /// <param name="name">What it is, for example <c>command line</c>.</param>
    /// <returns>The location (line 0).</returns>
    public static SpecLocation Outside(string name) => new(name, 0, 0);

    /// <summary><c>file:line</c>, the form editors and terminals turn into links.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Line == 0 ? File : $"{File}:{Line}";
}
