using System.Security.Cryptography;
using System.Text;

namespace Harness.Core.Experiments;

/// <summary>Content-addressed cell ids: the first 16 hex digits (64 bits) of the SHA-256 of the canonical cell text.</summary>
public static class CellId
{
    /// <summary>Hex digits kept: 64 bits makes an accidental collision in a matrix of a million cells about 3e-8 likely.</summary>
    public const int Length = 16;

    /// <summary>The id of a canonical cell text.</summary>
    /// <param name="canonical">The text (<see cref="ExperimentCell.Canonical"/>).</param>
    /// <returns>16 lower-case hex digits.</returns>
    public static string Compute(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..Length];

    /// <summary>Whether a text looks like a cell id (a folder name under <c>cells/</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>True for 16 lower-case hex digits.</returns>
    public static bool IsValid(string text) => text.Length == Length && text.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
