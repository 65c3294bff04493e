using Harness.Abstractions.Encoders;
using static TorchSharp.torch;

namespace Harness.Training.Batching;

/// <summary>
/// One micro-batch ready for the forward pass: B query texts, B·M candidate texts (row-major: row i's candidates
/// are [i·M, (i+1)·M)), their labels and mask, the optional loss fields (CPU tensors, built off the training
/// thread), the tokenized inputs when the encoder tokenizes separately, and the rows' records.
/// </summary>
internal sealed class MicroBatch : IDisposable
{
    public required IReadOnlyList<string> QueryTexts { get; init; }

    public required IReadOnlyList<string> DocumentTexts { get; init; }

    public required int CandidatesPerQuery { get; init; }

    public required float[] Labels { get; init; }

    public required bool[] Mask { get; init; }

    public required IReadOnlyList<NegativesRecord> Rows { get; init; }

    /// <summary>Bool [B, B·M] (only when the loss declared InBatchExcluded).</summary>
    public Tensor? InBatchExcluded { get; init; }

    /// <summary>Float [B, M] (only when the loss declared Weights and the sampler gave weights).</summary>
    public Tensor? Weights { get; init; }

    public EncoderInput? QueryInput { get; init; }

    public EncoderInput? DocumentInput { get; init; }

    public int Count => QueryTexts.Count;

    public void Dispose()
    {
        InBatchExcluded?.Dispose();
        Weights?.Dispose();
        QueryInput?.Dispose();
        DocumentInput?.Dispose();
    }
}
