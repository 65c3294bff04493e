using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Models.Bert;

namespace Harness.Plugins.Rerankers;

/// <summary>
/// The <c>cross-encoder</c> plugin: <see cref="CrossEncoderReranker"/>, trainable. Initialised from a pretrained
/// package's transformer (<c>minilm</c>: all-MiniLM-L6-v2, <c>arctic-xs</c>) or from scratch (<c>random</c>, a BERT of
/// <c>layers</c> × <c>hidden</c> over the MiniLM vocabulary); the classifier head always starts fresh. The host trains
/// it on the cell's training data with the cell's sampler and the score stage of the cell's loss.
/// </summary>
public sealed class CrossEncoderRerankerPlugin : IRerankerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "cross-encoder",
        PluginKind.Reranker,
        "1.0.0",
        "Cross-encoder (monoBERT): [CLS] query [SEP] document [SEP] through BERT, a linear head on [CLS]; trained by the host on the cell's data.",
        [
            ParameterSpec.Choice("init", "minilm", "Initial transformer weights: a pretrained package or a from-scratch BERT.", "minilm", "arctic-xs", "random"),
            ParameterSpec.Int("layers", 2, "Transformer layers of a random init.", min: 1, max: 24),
            ParameterSpec.Int("hidden", 128, "Hidden size of a random init (a multiple of heads).", min: 8, max: 1024),
            ParameterSpec.Int("heads", 2, "Attention heads of a random init.", min: 1, max: 16),
            ParameterSpec.Int("max-length", 256, "Most word pieces of a query-document pair, special tokens included.", min: 8, max: 512),
            ParameterSpec.Float("dropout", 0.1, "Dropout in training mode.", min: 0, max: 0.9),
            ParameterSpec.Int("epochs", 1, "Training passes over the training queries.", min: 1),
            ParameterSpec.Float("lr", 2e-5, "AdamW learning rate (2e-5 suits a pretrained init; a random init wants ~1e-3).", min: 0, exclusiveMin: true),
            ParameterSpec.Int("batch", 8, "Training queries per step.", min: 1),
            ParameterSpec.Int("negatives", 7, "Negatives per training query, from the cell's sampler.", min: 1),
            ParameterSpec.Float("warmup", 0.1, "Fraction of the training steps with a linear learning-rate warm-up from 0; the rate then decays linearly to 0.", min: 0, max: 1),
            ParameterSpec.Float("max-grad-norm", 1.0, "Clip the gradients' global L2 norm to this (0: no clipping).", min: 0),
            ParameterSpec.Int("score-batch", 64, "Pairs per forward pass when scoring.", min: 1),
            ParameterSpec.String("model-directory", string.Empty, "Where the pretrained package DLLs are (empty: this pack's folder)."),
        ])
    {
        Citation = """
            @article{nogueira2019passage,
              title = {Passage Re-ranking with {BERT}},
              author = {Nogueira, Rodrigo and Cho, Kyunghyun},
              journal = {arXiv preprint arXiv:1901.04085},
              year = {2019}
            }
            """,
    };

    /// <inheritdoc />
    public RerankerRequirements GetRequirements(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new RerankerRequirements
        {
            Trainable = true,
            Training = new RerankerTraining(parameters.GetInt("epochs"), parameters.GetInt("batch"), parameters.GetDouble("lr"), parameters.GetInt("negatives"))
            {
                WarmupFraction = parameters.GetDouble("warmup"),
                MaxGradientNorm = parameters.GetDouble("max-grad-norm"),
            },
        };
    }

    /// <inheritdoc />
    public IReranker Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        var init = parameters.GetString("init");
        var dropout = parameters.GetDouble("dropout");
        var directory = parameters.GetString("model-directory") is { Length: > 0 } d ? d : null;
        var hidden = parameters.GetInt("hidden");
        var heads = parameters.GetInt("heads");
        if (init == "random" && hidden % heads != 0)
        {
            throw new PluginParameterException($"cross-encoder: parameter 'hidden': {hidden} is not a multiple of heads ({heads})");
        }

        var package = init == "arctic-xs" ? ModelPackage.ArcticXs : ModelPackage.MiniLm;
        BertModel bert;
        try
        {
            var tokenizer = PretrainedBert.Tokenizer(package, directory);
            if (init == "random")
            {
                bert = new BertModel(new BertConfig(tokenizer.VocabularySize, hidden, parameters.GetInt("layers"), heads, 4 * hidden, Dropout: dropout));
                bert.InitializeFromSeed(SeedFor(context, "cross-encoder-init"));
            }
            else
            {
                bert = PretrainedBert.LoadModel(package, dropout, directory);
            }

            try
            {
                return new CrossEncoderReranker(bert, tokenizer, parameters.GetInt("max-length"), parameters.GetInt("score-batch"), SeedFor(context, "cross-encoder-head"), context.Device);
            }
            catch
            {
                bert.Dispose();
                throw;
            }
        }
        catch (FileNotFoundException e)
        {
            throw new PluginParameterException($"cross-encoder: {e.Message}");
        }
    }

    private static ulong SeedFor(IPluginContext context, string stream) => (ulong)context.CreateRandom(stream).NextInt64();
}
