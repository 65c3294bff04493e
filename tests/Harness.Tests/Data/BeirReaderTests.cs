using Harness.Abstractions.Datasets;
using Harness.Data;
using Harness.Data.Formats;
using Harness.Tests.Support;

namespace Harness.Tests.Data;

public sealed class BeirReaderTests
{
    private static TempDirectory WriteBeir(string? corpus = null, string? queries = null, string? train = null, string? test = null)
    {
        var t = new TempDirectory();
        t.File("corpus.jsonl", corpus ?? """
            {"_id": "d2", "title": "Bananas", "text": "Bananas are yellow."}
            {"_id": "d1", "title": "", "text": "Apples are red."}
            {"_id": "d3", "text": "Cherries are small."}
            """);
        t.File("queries.jsonl", queries ?? """
            {"_id": "q1", "text": "red fruit"}
            {"_id": "q2", "text": "yellow fruit"}
            {"_id": "q9", "text": "never judged"}
            """);
        t.File("qrels/train.tsv", train ?? "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td3\t0\n");
        t.File("qrels/test.tsv", test ?? "query-id\tcorpus-id\tscore\nq2\td2\t1\n");
        return t;
    }

    [Test]
    public void Loads_corpus_queries_and_graded_qrels_per_split()
    {
        using var t = WriteBeir();
        var ds = BeirReader.Load(t.Path, "tiny");

        Assert.That(ds.Name, Is.EqualTo("tiny"));
        Assert.That(ds.Corpus.Select(d => d.Id), Is.EqualTo(new[] { "d1", "d2", "d3" }), "corpus in ordinal id order");
        Assert.That(ds.Corpus[1], Is.EqualTo(new Document("d2", "Bananas", "Bananas are yellow.")));
        Assert.That(ds.Corpus[2].Title, Is.Empty, "missing title reads as empty");
        Assert.That(ds.Splits, Is.EqualTo(new[] { Split.Train, Split.Test }));
        Assert.That(ds.GetQueries(Split.Train), Is.EqualTo(new[] { new Query("q1", "red fruit") }));
        Assert.That(ds.GetQueries(Split.Test), Is.EqualTo(new[] { new Query("q2", "yellow fruit") }));
        Assert.That(ds.GetQueries(Split.Dev), Is.Empty);
        Assert.That(ds.GetQrels(Split.Train).Grade("q1", "d1"), Is.EqualTo(2));
        Assert.That(ds.GetQrels(Split.Train).Grade("q1", "d3"), Is.EqualTo(0));
        Assert.That(ds.GetQrels(Split.Train).Relevant("q1"), Is.EqualTo(new[] { "d1" }));
        Assert.That(ds.GetQrels(Split.Test).Count, Is.EqualTo(1));
        Assert.That(ds.GetHiddenPositives(Split.Train).Count, Is.Zero);
    }

    [Test]
    public void Content_hash_is_sha256_of_what_was_loaded_and_ignores_file_order()
    {
        using var a = WriteBeir();
        using var b = WriteBeir(corpus: """
            {"_id": "d3", "text": "Cherries are small."}
            {"_id": "d1", "title": "", "text": "Apples are red."}
            {"_id": "d2", "title": "Bananas", "text": "Bananas are yellow."}
            """);
        using var c = WriteBeir(corpus: """
            {"_id": "d3", "text": "Cherries are small!"}
            {"_id": "d1", "title": "", "text": "Apples are red."}
            {"_id": "d2", "title": "Bananas", "text": "Bananas are yellow."}
            """);
        var ha = BeirReader.Load(a.Path).ContentHash;
        Assert.That(ha, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(BeirReader.Load(b.Path).ContentHash, Is.EqualTo(ha), "the same content in another file order");
        Assert.That(BeirReader.Load(c.Path).ContentHash, Is.Not.EqualTo(ha), "one changed character");
        Assert.That(BeirReader.Load(a.Path, "another name").ContentHash, Is.EqualTo(ha), "the display name is not content");
    }

    [Test]
    public void Content_hash_matches_an_independent_computation_of_the_canonical_form()
    {
        using var t = WriteBeir(
            corpus: """{"_id": "d1", "title": "T", "text": "x"}""",
            queries: """{"_id": "q1", "text": "y"}""",
            train: "query-id\tcorpus-id\tscore\nq1\td1\t1\n",
            test: "query-id\tcorpus-id\tscore\n");
        var ds = BeirReader.Load(t.Path);

        // harness-dataset-hash/1: length-prefixed (int32 LE) UTF-8 strings and int32 counts/grades.
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            void S(string s)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(s);
                w.Write(bytes.Length);
                w.Write(bytes);
            }

            S("harness-dataset-hash/1");
            w.Write(1);
            S("d1");
            S("T");
            S("x");
            S("Train");
            w.Write(1);
            S("q1");
            S("y");
            w.Write(1);
            S("q1");
            S("d1");
            w.Write(1);
            w.Write(0); // no hidden positives
            foreach (var split in new[] { "Dev", "Test" })
            {
                S(split);
                w.Write(0);
                w.Write(0);
                w.Write(0);
            }
        }

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ms.ToArray()));
        Assert.That(ds.ContentHash, Is.EqualTo(expected));
    }

    [Test]
    public void A_qrels_file_without_a_header_keeps_its_first_judgment()
    {
        using var t = WriteBeir(train: "q1\td1\t2\nq1\td3\t0\n", test: "q2\td2\t1\n");
        var ds = BeirReader.Load(t.Path, "tiny");
        Assert.That(ds.GetQrels(Split.Train).All(), Is.EqualTo(new[] { ("q1", "d1", 2), ("q1", "d3", 0) }));
        Assert.That(ds.GetQrels(Split.Test).All(), Is.EqualTo(new[] { ("q2", "d2", 1) }), "the only line is a judgment, not a header");
    }

    [Test]
    public void A_header_is_recognised_only_by_a_non_numeric_score_column()
    {
        using var t = WriteBeir(test: "qid\tdocid\trel\nq2\td2\t1\n");
        Assert.That(BeirReader.Load(t.Path, "tiny").GetQrels(Split.Test).All(), Is.EqualTo(new[] { ("q2", "d2", 1) }));
        using var bad = WriteBeir(test: "q2\td2\t1\nq2\td1\tx\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(bad.Path, "tiny"));
        Assert.That(e!.Message, Does.Contain("test.tsv:2: bad grade 'x' (expected an integer)"));
    }

    [Test]
    public void Bad_json_line_names_file_and_line()
    {
        using var t = WriteBeir(corpus: "{\"_id\": \"d1\", \"text\": \"ok\"}\n{\"_id\": \"d2\", \"text\": \n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.File, Does.EndWith("corpus.jsonl"));
        Assert.That(e.Line, Is.EqualTo(2));
        Assert.That(e.Message, Does.StartWith(e.File + ":2: bad JSON line"));
    }

    [Test]
    public void Missing_text_field_names_file_and_line()
    {
        using var t = WriteBeir(queries: "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q2\"}\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("queries.jsonl:2: missing field 'text'"));
    }

    [Test]
    public void Missing_id_field_is_reported()
    {
        using var t = WriteBeir(corpus: "{\"text\": \"a\"}\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("corpus.jsonl:1: missing field '_id'"));
    }

    [Test]
    public void Unknown_qrels_doc_id_names_file_and_line()
    {
        using var t = WriteBeir(train: "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\tnope\t1\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Line, Is.EqualTo(3));
        Assert.That(e.Message, Does.EndWith("qrels/train.tsv:3: unknown document id 'nope' (not in the corpus)"));
    }

    [Test]
    public void Unknown_qrels_query_id_is_reported()
    {
        using var t = WriteBeir(test: "query-id\tcorpus-id\tscore\nqx\td2\t1\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("qrels/test.tsv:2: unknown query id 'qx' (not in the queries file)"));
    }

    [Test]
    public void Duplicate_document_id_names_file_and_line()
    {
        using var t = WriteBeir(corpus: "{\"_id\": \"d1\", \"text\": \"a\"}\n{\"_id\": \"d2\", \"text\": \"b\"}\n{\"_id\": \"d1\", \"text\": \"c\"}\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("corpus.jsonl:3: duplicate document id 'd1'"));
    }

    [Test]
    public void Duplicate_query_id_names_file_and_line()
    {
        using var t = WriteBeir(queries: "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q1\", \"text\": \"b\"}\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("queries.jsonl:2: duplicate query id 'q1'"));
    }

    [Test]
    public void Bad_grade_names_file_and_line()
    {
        using var t = WriteBeir(train: "query-id\tcorpus-id\tscore\nq1\td1\thigh\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("qrels/train.tsv:2: bad grade 'high' (expected an integer)"));
    }

    [Test]
    public void Query_in_two_splits_is_reported()
    {
        using var t = WriteBeir(test: "query-id\tcorpus-id\tscore\nq2\td2\t1\nq1\td2\t1\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("qrels/test.tsv:3: query 'q1' is in two splits (train and test)"));
    }

    [Test]
    public void Duplicate_judgment_is_reported()
    {
        using var t = WriteBeir(train: "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td1\t2\n");
        var e = Assert.Throws<DatasetFormatException>(() => BeirReader.Load(t.Path))!;
        Assert.That(e.Message, Does.EndWith("qrels/train.tsv:3: duplicate judgment for query 'q1' and document 'd1'"));
    }
}
