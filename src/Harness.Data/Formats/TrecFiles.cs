using Harness.Abstractions.Datasets;

namespace Harness.Data.Formats;

/// <summary>The files of a TREC-style collection (MS MARCO passage layout). Topic and qrels paths may be null.</summary>
/// <param name="Collection">Collection TSV: <c>id&lt;TAB&gt;text</c> or <c>id&lt;TAB&gt;title&lt;TAB&gt;text</c>.</param>
/// <param name="Topics">Topics TSV per split: <c>qid&lt;TAB&gt;text</c>.</param>
/// <param name="QrelsFiles">Qrels per split: <c>qid iter docno rel</c>, whitespace-separated.</param>
public sealed record TrecFiles(
    string Collection,
    IReadOnlyDictionary<Split, string> Topics,
    IReadOnlyDictionary<Split, string> QrelsFiles);
