using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HarnessPlugin1;

/// <summary>
/// The plugin: metadata, parameters, traits and a factory. The host creates the encoder on the context's device and
/// never moves it; Encode returns float32 [texts, Dimension] on the parameters' device, with gradients when training.
/// The host computes similarity itself (SimilarityMath, with the preferred function declared here); Save/Load must
/// round-trip the full state (the default saves Module's parameters).
/// </summary>
public sealed class HarnessPlugin1Plugin : IEncoderPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "harness-plugin-id",
        Kind: PluginKind.Encoder,
        Version: "1.0.0",
        Description: "Mean of trainable embeddings of hashed, lower-cased words.",
        Parameters:
        [
            ParameterSpec.Int("dimension", 64, "Embedding dimension.", min: 1),
            ParameterSpec.Int("buckets", 1 << 16, "Hash buckets (embedding rows).", min: 2),
        ]);

    public EncoderTraits GetTraits(PluginParameters parameters) => new() { PreferredSimilarity = SimilarityFunction.Cosine };

    public IEncoder Create(PluginParameters parameters, IPluginContext context) =>
        new HashedWordsEncoder(parameters.GetInt("dimension"), parameters.GetInt("buckets"), context.Seed, context.Device);
}

/// <summary>One shared tower: an embedding bag (mean) over FNV-1a hashes of the words; row 0 is a bias every text has.</summary>
public sealed class HashedWordsEncoder : nn.Module<Tensor, Tensor, Tensor>, IEncoder
{
    private readonly EmbeddingBag _bag;
    private readonly int _buckets;

    public HashedWordsEncoder(int dimension, int buckets, int seed, Device device)
        : base("hashed-words")
    {
        Dimension = dimension;
        _buckets = buckets;
        _bag = nn.EmbeddingBag(buckets, dimension, mode: EmbeddingBagMode.Mean);
        RegisterComponents();
        using (no_grad())
        {
            // Initialised from the seed alone, so two encoders with the same seed are identical.
            _bag.weight!.copy_(randn([buckets, dimension], generator: new Generator((ulong)seed)) * (1.0 / Math.Sqrt(dimension)));
        }

        this.to(device);
    }

    public int Dimension { get; }

    public nn.Module Module => this;

    public Tensor Encode(IReadOnlyList<string> texts, TextRole role)
    {
        var device = _bag.weight!.device;
        if (texts.Count == 0)
        {
            return zeros([0, Dimension], dtype: ScalarType.Float32, device: device);
        }

        var ids = new List<long>();
        var offsets = new long[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            offsets[i] = ids.Count;
            ids.Add(0);
            foreach (var word in (texts[i] ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                ids.Add(1 + (Fnv1a(word.ToLowerInvariant()) % (uint)(_buckets - 1)));
            }
        }

        using var input = tensor(ids.ToArray(), dtype: ScalarType.Int64, device: device);
        using var offs = tensor(offsets, dtype: ScalarType.Int64, device: device);
        return forward(input, offs);
    }

    public override Tensor forward(Tensor input, Tensor offsets) => _bag.call(input, offsets);

    /// <summary>FNV-1a (32-bit) over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    public static uint Fnv1a(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bag.Dispose();
        }

        base.Dispose(disposing);
    }
}
