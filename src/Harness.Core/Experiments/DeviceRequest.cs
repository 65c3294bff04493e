using System.Text.RegularExpressions;

namespace Harness.Core.Experiments;

/// <summary>Device names as specs and <c>--devices</c> write them: <c>auto</c>, <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>.</summary>
public static partial class DeviceRequest
{
    /// <summary>Whether the text names a device.</summary>
    /// <param name="text">The text.</param>
    /// <returns>True for auto, cpu, cuda or cuda:N.</returns>
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    /// <summary>The device to use: <c>auto</c> becomes <c>cuda</c> when CUDA is there, else <c>cpu</c>.</summary>
    /// <param name="text">The request.</param>
    /// <param name="cudaAvailable">Whether CUDA is available.</param>
    /// <returns>cpu, cuda or cuda:N.</returns>
    public static string Resolve(string text, bool cudaAvailable) => text == "auto" ? (cudaAvailable ? "cuda" : "cpu") : text;

    /// <summary>The CUDA ordinal a request names (0 for plain cuda), or null for cpu and auto.</summary>
    /// <param name="text">The request.</param>
    /// <returns>The ordinal.</returns>
    public static int? CudaIndex(string text) =>
        text == "cuda" ? 0 : text.StartsWith("cuda:", StringComparison.Ordinal) ? int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(auto|cpu|cuda|cuda:\d{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
