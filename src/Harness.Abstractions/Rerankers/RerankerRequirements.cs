namespace Harness.Abstractions.Rerankers;

/// <summary>What a reranker configuration declares (<see cref="Plugins.IRerankerPlugin.GetRequirements"/>).</summary>
public sealed record RerankerRequirements
{
    /// <summary>The cell's single first stage; not trainable.</summary>
    public static RerankerRequirements None { get; } = new();

    /// <summary>First-stage lists to fuse, by name (<c>dense</c>, <c>bm25</c>); empty = the cell's single first stage.</summary>
    public IReadOnlyList<string> FirstStageSources { get; init; } = [];

    /// <summary>The instance implements <see cref="ITrainableReranker"/> and must be trained by the host before scoring.</summary>
    public bool Trainable { get; init; }

    /// <summary>How the host trains it (required when <see cref="Trainable"/>; null otherwise).</summary>
    public RerankerTraining? Training { get; init; }
}
