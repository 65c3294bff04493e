namespace Harness.Core.Validation;

/// <summary>
/// One problem found before anything runs (BenchmarkDotNet's <c>ValidationError</c>): critical problems stop the
/// matrix, the others are warnings. Printed as <c>file:line: key.path: message</c>.
/// </summary>
/// <param name="IsCritical">Whether the matrix must not run.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="Location">Where in the spec file, when known.</param>
/// <param name="KeyPath">The key path in the spec (for example <c>losses[0].infonce.temperature</c>), when known.</param>
/// <param name="CellId">The cell concerned, when the problem belongs to one cell.</param>
public sealed record ValidationProblem(bool IsCritical, string Message, SpecLocation? Location = null, string? KeyPath = null, string? CellId = null)
{
    /// <summary>A critical problem at a place in the spec.</summary>
    /// <param name="location">Where.</param>
    /// <param name="keyPath">The key path.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The problem.</returns>
    public static ValidationProblem Error(SpecLocation? location, string? keyPath, string message) => new(true, message, location, keyPath);

    /// <summary>A warning at a place in the spec.</summary>
    /// <param name="location">Where.</param>
    /// <param name="keyPath">The key path.</param>
    /// <param name="message">What is odd.</param>
    /// <returns>The problem.</returns>
    public static ValidationProblem Warning(SpecLocation? location, string? keyPath, string message) => new(false, message, location, keyPath);

    /// <summary>One line: <c>file:line: key.path: message</c> (warnings say so).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var where = Location is null ? string.Empty : $"{Location}: ";
        var key = string.IsNullOrEmpty(KeyPath) ? string.Empty : $"{KeyPath}: ";
        var cell = CellId is null ? string.Empty : $" (cell {CellId})";
        return $"{where}{(IsCritical ? string.Empty : "warning: ")}{key}{Message}{cell}";
    }
}
