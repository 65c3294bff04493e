using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Abstractions.Encoders;

/// <summary>What an encoder configuration declares before it is created (<see cref="IEncoderPlugin.GetTraits"/>).</summary>
public sealed record EncoderTraits
{
    /// <summary>No preferred similarity, one shared tower, float32 only.</summary>
    public static EncoderTraits Default { get; } = new();

    /// <summary>The similarity the encoder was designed or pretrained for (null: no preference).</summary>
    public SimilarityFunction? PreferredSimilarity { get; init; }

    /// <summary>True when queries and documents share every parameter; false for two towers (see <see cref="IEncoder.ParametersFor"/>).</summary>
    public bool SharedTower { get; init; } = true;

    /// <summary>The training precisions the encoder supports (it casts inside Encode; output stays float32).</summary>
    public IReadOnlyList<TrainingPrecision> Precisions { get; init; } = [TrainingPrecision.Float32];
}
