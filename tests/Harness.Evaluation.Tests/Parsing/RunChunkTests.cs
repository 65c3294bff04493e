using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Tests.Parsing;

/// <summary>The column store of a run slice: growth, and dropping the entries of a query scored while parsing.</summary>
public sealed class RunChunkTests
{
    [Test]
    public void A_chunk_started_small_grows_to_its_full_estimate_at_once()
    {
        // An unsorted slice cannot be scored while parsing: its chunk, started at 16 entries, must hold the whole slice.
        var chunk = new RunChunk(16, 256, fullCapacity: 1000, fullArenaCapacity: 5000);
        for (var i = 0; i < 17; i++)
        {
            chunk.Add(i % 3, i, 0, "d"u8);
        }

        Assert.That(chunk.Scores, Has.Length.EqualTo(1000));
        Assert.That(chunk.Rels, Has.Length.EqualTo(1000));
        Assert.That(chunk.DocStarts, Has.Length.EqualTo(1001));
        Assert.That(chunk.Scores[16], Is.EqualTo(16.0));
    }

    [Test]
    public void Dropping_a_scored_query_keeps_the_others_segments()
    {
        var chunk = new RunChunk(16, 256);
        chunk.Add(0, 3, 1, "a"u8);
        chunk.Add(0, 2, 0, "bb"u8);
        chunk.Add(1, 9, 1, "ccc"u8);
        chunk.Add(1, 8, 1, "dddd"u8);
        chunk.DiscardFrom(2);
        chunk.Add(2, 5, 0, "eeeee"u8);
        chunk.BuildSegments(3);
        Assert.That(chunk.Segments, Is.EqualTo(new[] { new RunSegment(0, 0, 2), new RunSegment(2, 2, 1) }));
        Assert.That(chunk.Discarded, Is.EqualTo(2));
        Assert.That(chunk.DocNo(2).ToArray(), Is.EqualTo("eeeee"u8.ToArray()));
        Assert.That(chunk.ArenaLength, Is.EqualTo(8));
    }
}
