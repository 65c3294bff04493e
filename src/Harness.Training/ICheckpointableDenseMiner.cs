using static TorchSharp.torch;

namespace Harness.Training;

/// <summary>
/// A host dense miner whose index can travel in a training checkpoint. Mined negatives depend on the corpus embeddings
/// as they were at the index's model version, which a resumed process cannot recompute (the weights of that version
/// are gone), so the trainer saves the index with the checkpoint and restores it on resume; a run resumed from a
/// checkpoint then mines exactly what the uninterrupted run mined.
/// </summary>
public interface ICheckpointableDenseMiner
{
    /// <summary>The model version the index was built at; -1 when there is none.</summary>
    long IndexVersion { get; }

    /// <summary>A copy of the index (float32 corpus embeddings on the CPU), or null when there is none.</summary>
    /// <returns>The tensor; the caller disposes it.</returns>
    Tensor? IndexSnapshot();

    /// <summary>Replaces the index with saved embeddings built at <paramref name="version"/>.</summary>
    /// <param name="embeddings">Float32 [documents, dimension] on the CPU (copied).</param>
    /// <param name="version">The model version they were built at.</param>
    void RestoreIndex(Tensor embeddings, long version);
}
