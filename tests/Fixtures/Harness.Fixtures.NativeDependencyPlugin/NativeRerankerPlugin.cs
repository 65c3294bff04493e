using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using SkiaSharp;

namespace Harness.Fixtures.NativeDependencyPlugin;

/// <summary>A loader fixture whose scores come from native code: it draws into a Skia bitmap and reads a pixel back.</summary>
public sealed class NativeRerankerPlugin : IRerankerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new("fixture-native", PluginKind.Reranker, "0.1.0", "A loader fixture that calls into a native library.", []);

    /// <inheritdoc />
    public IReranker Create(PluginParameters parameters, IPluginContext context) => new NativeReranker();

    private sealed class NativeReranker : IReranker
    {
        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates) =>
            candidates.Select(d =>
            {
                // Red channel of a pixel drawn with the candidate's text length (mod 256): computed by libSkiaSharp.
                using var bitmap = new SKBitmap(1, 1);
                using var canvas = new SKCanvas(bitmap);
                canvas.Clear(new SKColor((byte)(d.Text.Length % 256), 0, 0));
                canvas.Flush();
                return (double)bitmap.GetPixel(0, 0).Red;
            }).ToList();
    }
}
