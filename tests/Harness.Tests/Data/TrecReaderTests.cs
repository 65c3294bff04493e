using System.IO.Compression;
using Harness.Abstractions.Datasets;
using Harness.Data;
using Harness.Data.Formats;
using Harness.Tests.Support;

namespace Harness.Tests.Data;

public sealed class TrecReaderTests
{
    private static TrecFiles Write(TempDirectory t, string? collection = null, string? trainQrels = null, string? devTopics = null)
    {
        var c = t.File("collection.tsv", collection ?? "0\tThe presence of communication amid scientific minds.\n1\tThe Manhattan Project and its atomic bomb.\n2\tNuclear physics\n");
        var trainTopics = t.File("queries.train.tsv", "100\twhat was the manhattan project\n101\tscientific communication\n");
        var trainQ = t.File("qrels.train.tsv", trainQrels ?? "100\t0\t1\t1\n101 0 0 1\n101 0 2 0\n");
        var devT = t.File("queries.dev.tsv", devTopics ?? "200\tnuclear physics\n201\tunjudged topic\n");
        var devQ = t.File("qrels.dev.tsv", "200 Q0 2 2\n");
        return new TrecFiles(c, new Dictionary<Split, string> { [Split.Train] = trainTopics, [Split.Dev] = devT }, new Dictionary<Split, string> { [Split.Train] = trainQ, [Split.Dev] = devQ });
    }

    [Test]
    public void Loads_ms_marco_style_files()
    {
        using var t = new TempDirectory();
        var ds = TrecReader.Load(Write(t), "marco-tiny");

        Assert.That(ds.Corpus.Select(d => d.Id), Is.EqualTo(new[] { "0", "1", "2" }));
        Assert.That(ds.Corpus[1].Text, Is.EqualTo("The Manhattan Project and its atomic bomb."));
        Assert.That(ds.GetQueries(Split.Train).Select(q => q.Id), Is.EqualTo(new[] { "100", "101" }));
        Assert.That(ds.GetQueries(Split.Dev).Select(q => q.Id), Is.EqualTo(new[] { "200", "201" }), "topics without judgments stay in their split");
        Assert.That(ds.GetQrels(Split.Train).Grade("100", "1"), Is.EqualTo(1));
        Assert.That(ds.GetQrels(Split.Train).Grade("101", "2"), Is.EqualTo(0));
        Assert.That(ds.GetQrels(Split.Dev).Grade("200", "2"), Is.EqualTo(2));
        Assert.That(ds.GetQueries(Split.Test), Is.Empty);
        Assert.That(ds.ContentHash, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Three_column_collection_reads_a_title()
    {
        using var t = new TempDirectory();
        var ds = TrecReader.Load(Write(t, collection: "0\tTitle zero\tBody zero\n1\tT1\tB1\n2\tT2\tB2\n"), "x");
        Assert.That(ds.Corpus[0], Is.EqualTo(new Document("0", "Title zero", "Body zero")));
    }

    [Test]
    public void Gzipped_collection_gives_the_same_hash()
    {
        using var t = new TempDirectory();
        var files = Write(t);
        var plain = TrecReader.Load(files, "x").ContentHash;
        var gz = t.Combine("collection.tsv.gz");
        using (var o = File.Create(gz))
        using (var z = new GZipStream(o, CompressionLevel.Fastest))
        {
            z.Write(File.ReadAllBytes(files.Collection));
        }

        Assert.That(TrecReader.Load(files with { Collection = gz }, "x").ContentHash, Is.EqualTo(plain));
    }

    [Test]
    public void Unknown_qrels_doc_id_names_file_and_line()
    {
        using var t = new TempDirectory();
        var e = Assert.Throws<DatasetFormatException>(() => TrecReader.Load(Write(t, trainQrels: "100 0 1 1\n100 0 77 1\n"), "x"))!;
        Assert.That(e.Message, Does.EndWith("qrels.train.tsv:2: unknown document id '77' (not in the corpus)"));
    }

    [Test]
    public void Duplicate_doc_id_names_file_and_line()
    {
        using var t = new TempDirectory();
        var e = Assert.Throws<DatasetFormatException>(() => TrecReader.Load(Write(t, collection: "0\ta\n1\tb\n2\tc\n1\td\n"), "x"))!;
        Assert.That(e.Message, Does.EndWith("collection.tsv:4: duplicate document id '1'"));
    }

    [Test]
    public void Bad_grade_and_bad_column_count_are_reported()
    {
        using var t = new TempDirectory();
        var e1 = Assert.Throws<DatasetFormatException>(() => TrecReader.Load(Write(t, trainQrels: "100 0 1 x\n"), "x"))!;
        Assert.That(e1.Message, Does.EndWith("qrels.train.tsv:1: bad grade 'x' (expected an integer)"));
        var e2 = Assert.Throws<DatasetFormatException>(() => TrecReader.Load(Write(t, trainQrels: "100 0 1\n"), "x"))!;
        Assert.That(e2.Message, Does.EndWith("qrels.train.tsv:1: expected 4 columns (qid iter docno rel), got 3"));
    }

    [Test]
    public void Query_in_two_splits_is_reported()
    {
        using var t = new TempDirectory();
        var e = Assert.Throws<DatasetFormatException>(() => TrecReader.Load(Write(t, devTopics: "200\tnuclear physics\n100\tagain\n"), "x"))!;
        Assert.That(e.Message, Does.EndWith("queries.dev.tsv:2: query '100' is in two splits (train and dev)"));
    }

    [Test]
    public void Judgment_of_a_query_from_another_split_is_reported()
    {
        using var t = new TempDirectory();
        var e = Assert.Throws<DatasetFormatException>(() => TrecReader.Load(Write(t, trainQrels: "100 0 1 1\n200 0 2 1\n"), "x"))!;
        Assert.That(e.Message, Does.EndWith("qrels.train.tsv:2: query '200' is in two splits (dev and train)"));
    }
}
