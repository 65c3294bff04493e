using System.Collections;
using Harness.Abstractions.Datasets;

namespace Harness.Data.Synthetic;

/// <summary>
/// The corpus of a <see cref="SyntheticDataset"/>: a read-only list that generates each document on access from
/// (seed, index), so a million documents cost no memory beyond the model. Ids are zero-padded, so index order is
/// ordinal id order. Thread-safe.
/// </summary>
public sealed class SyntheticCorpus : IReadOnlyList<Document>
{
    private readonly SyntheticModel _model;

    internal SyntheticCorpus(SyntheticModel model)
    {
        _model = model;
    }

    /// <inheritdoc />
    public int Count => _model.DocumentCount;

    /// <inheritdoc />
    public Document this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Document(_model.DocumentId(index), string.Empty, _model.DocumentText(index));
        }
    }

    /// <inheritdoc />
    public IEnumerator<Document> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
