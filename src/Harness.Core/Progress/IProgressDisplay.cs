namespace Harness.Core.Progress;

/// <summary>
/// Shows progress of long work (index builds, corpus encoding, dataset builds, retrieval). A host picks the
/// implementation: a live display on a terminal, <see cref="LogProgressDisplay"/> (periodic plain lines) when
/// output is redirected, <see cref="NullProgressDisplay"/> when nothing should be shown.
/// </summary>
public interface IProgressDisplay : IDisposable
{
    /// <summary>Starts a stage. Report the number of items done through the returned stage; dispose it when done.</summary>
    /// <param name="label">What is being done, for example <c>BM25 index</c>.</param>
    /// <param name="total">Items to do, or null when unknown.</param>
    /// <returns>The stage.</returns>
    IProgressStage Start(string label, long? total);
}
