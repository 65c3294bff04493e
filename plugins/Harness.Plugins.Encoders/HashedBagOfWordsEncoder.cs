using Harness.Abstractions.Encoders;
using Harness.Models.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Plugins.Encoders;

/// <summary>
/// A small trainable encoder that needs no pretrained weights: hashed word and character n-gram features, averaged
/// in an embedding bag, then a linear projection. Weights are initialised from a generator seeded by the context,
/// so two encoders with the same seed are identical. Queries and documents share the tower. Created on a device and
/// never moved by the host; inputs are put on the device of the parameters, where the output is too.
/// It is an <see cref="ITokenizingEncoder"/>: the hashing (<see cref="Tokenize"/>: feature ids and bag offsets, on the
/// CPU, thread-safe) runs on the trainer's prefetch thread, and the training step only runs <see cref="Forward"/>.
/// </summary>
public sealed class HashedBagOfWordsEncoder : nn.Module<Tensor, Tensor, Tensor>, ITokenizingEncoder
{
    private const string Ids = "feature_ids";
    private const string Offsets = "bag_offsets";

    private readonly EmbeddingBag _bag;
    private readonly Linear _projection;
    private readonly FeatureHasher _hasher;

    /// <summary>Creates the encoder.</summary>
    /// <param name="dimension">Embedding dimension.</param>
    /// <param name="buckets">Hash buckets (embedding rows).</param>
    /// <param name="charNgram">Character n-gram length (0 for words only).</param>
    /// <param name="seed">Initialisation seed.</param>
    /// <param name="device">Where the parameters live.</param>
    public HashedBagOfWordsEncoder(int dimension, int buckets, int charNgram, int seed, Device device)
        : base("hashed-bow")
    {
        Dimension = dimension;
        _hasher = new FeatureHasher(buckets, charNgram);
        // Sparse gradients: a step touches only the rows of the batch's features, so the trainer's lazy Adam updates those
        // rows instead of all buckets × dimension values (Harness.Training.Optimization.AdamOptimizer).
        _bag = nn.EmbeddingBag(buckets, dimension, mode: EmbeddingBagMode.Mean, sparse: true);
        _projection = nn.Linear(dimension, dimension);
        RegisterComponents();
        var g = new Generator((ulong)seed);
        using (no_grad())
        using (NewDisposeScope())
        {
            // Explicit Scalars (an implicit one can be freed by its finalizer while libtorch reads it; see
            // Harness.Models.Numerics.TorchScalars); the same operations, in the same order, as before.
            using var tableScale = (1.0 / Math.Sqrt(dimension)).ToScalar();
            using var noise = 0.01.ToScalar();
            _bag.weight!.copy_(randn([buckets, dimension], generator: g).mul_(tableScale));
            _projection.weight!.copy_(eye(dimension).add_(randn([dimension, dimension], generator: g).mul_(noise), TorchScalars.One));
            _projection.bias!.zero_();
        }

        this.to(device);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public Tensor Encode(IReadOnlyList<string> texts, TextRole role)
    {
        using var input = Tokenize(texts, role);
        return Forward(input);
    }

    /// <summary>Hashes texts into feature ids (int64 [total]) and bag offsets (int64 [count]) on the CPU. Thread-safe:
    /// the hasher has no state.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="role">Query or document (the tower is shared, so it does not change the features).</param>
    /// <returns>The input; the caller disposes it.</returns>
    public EncoderInput Tokenize(IReadOnlyList<string> texts, TextRole role)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new List<long>();
        var offsets = new long[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            offsets[i] = ids.Count;
            _hasher.AddFeatures(texts[i] ?? string.Empty, ids);
        }

        return new EncoderInput(role, texts.Count, new Dictionary<string, Tensor>
        {
            [Ids] = tensor(ids.ToArray(), dtype: ScalarType.Int64),
            [Offsets] = tensor(offsets, dtype: ScalarType.Int64),
        });
    }

    /// <summary>Embeds hashed input on the parameters' device.</summary>
    /// <param name="input">From <see cref="Tokenize"/>.</param>
    /// <returns>Float32 [input.Count, Dimension].</returns>
    public Tensor Forward(EncoderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The parameters' device, read on every call: the one place tensors must go (a module moved after creation
        // still gets its inputs where its weights are).
        var device = _bag.weight!.device;
        if (input.Count == 0)
        {
            return zeros([0, Dimension], dtype: ScalarType.Float32, device: device);
        }

        using var ids = input.Tensors[Ids].to(device);
        using var offsets = input.Tensors[Offsets].to(device);
        return forward(ids, offsets);
    }

    /// <summary>Embeds a flattened batch of feature ids with bag offsets.</summary>
    /// <param name="input">Feature ids, int64 [total].</param>
    /// <param name="offsets">Start of each bag, int64 [batch].</param>
    /// <returns>Embeddings [batch, Dimension].</returns>
    public override Tensor forward(Tensor input, Tensor offsets)
    {
        using var bags = _bag.call(input, offsets);
        return _projection.call(bags);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bag.Dispose();
            _projection.Dispose();
        }

        base.Dispose(disposing);
    }
}
