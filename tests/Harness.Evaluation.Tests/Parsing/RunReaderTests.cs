using System.Globalization;
using System.Text;

namespace Harness.Evaluation.Tests.Parsing;

/// <summary>The byte-level run reader: line endings, white space, slice boundaries, very long lines.</summary>
public sealed class RunReaderTests
{
    [Test]
    public void Crlf_tabs_leading_blanks_and_a_missing_final_newline_are_read()
    {
        var run = EvalRun.Text(Cases.TieQrels.Replace("\n", "\r\n", StringComparison.Ordinal), "  q1\tQ0\td1 1 0.5 tie\r\nq1 Q0 d2 2 0.5\ttie\r\n\tq1 Q0 d3 3 0.5 tie\r\nq1 Q0 d4 4 0.9 tie", "-m", "map", "-m", "num_ret", "-m", "runid");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_ret"], Is.EqualTo("4"));
        Assert.That(run["map"], Is.EqualTo("0.3889"));
        Assert.That(run["runid"], Is.EqualTo("tie"));
    }

    [Test]
    public void A_line_longer_than_the_read_ahead_across_a_slice_boundary_is_read_whole()
    {
        // Slices are 4 MiB - 64 KiB; put a 200 KB line (an ignored extra column) just before the first boundary.
        const int boundary = (4 << 20) - 65536;
        var sb = new StringBuilder();
        var qrels = new StringBuilder();
        var lines = 0;
        var longDone = false;
        for (var q = 1; q <= 400; q++)
        {
            qrels.Append(CultureInfo.InvariantCulture, $"{q} 0 doc{q}-7 1\n");
            for (var d = 0; d < 400; d++)
            {
                var extra = !longDone && sb.Length > boundary - 200 ? " " + new string('x', 200_000) : "";
                longDone |= extra.Length > 0;
                sb.Append(CultureInfo.InvariantCulture, $"{q} Q0 doc{q}-{d} {d + 1} {1000 - d} r{extra}\n");
                lines++;
            }
        }

        Assert.That(longDone, Is.True);
        var run = EvalRun.Text(qrels.ToString(), sb.ToString(), "-m", "num_ret", "-m", "map", "-m", "num_q");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_ret"], Is.EqualTo(lines.ToString(CultureInfo.InvariantCulture)));
        Assert.That(run["num_q"], Is.EqualTo("400"));
        // doc{q}-7 is at rank 8 in every query
        Assert.That(run["map"], Is.EqualTo("0.1250"));
    }

    [Test]
    public void A_malformed_line_after_a_slice_boundary_reports_its_global_line_number()
    {
        var sb = new StringBuilder();
        var n = 0;
        while (sb.Length < (5 << 20))
        {
            sb.Append(CultureInfo.InvariantCulture, $"1 Q0 d{n} 1 {n} r\n");
            n++;
        }

        sb.Append("1 Q0 broken\n");
        var run = EvalRun.Text("1 0 d1 1\n", sb.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain($"run:{n + 1}: malformed run line"));
    }

    [Test]
    public void An_interleaved_run_gives_the_same_output_as_the_grouped_one()
    {
        // 3 queries x 120 documents written round-robin: every line changes query, so the reader regroups the slice.
        var grouped = new StringBuilder();
        var interleaved = new StringBuilder();
        var qrels = new StringBuilder();
        for (var q = 1; q <= 3; q++)
        {
            for (var d = 0; d < 120; d++)
            {
                grouped.Append(CultureInfo.InvariantCulture, $"{q} Q0 doc{d} {d} {(120 - d) / 4} r\n");
                if (d % 9 == q)
                {
                    qrels.Append(CultureInfo.InvariantCulture, $"{q} 0 doc{d} {1 + (d % 2)}\n");
                }
            }
        }

        for (var d = 0; d < 120; d++)
        {
            for (var q = 3; q >= 1; q--)
            {
                interleaved.Append(CultureInfo.InvariantCulture, $"{q} Q0 doc{d} {d} {(120 - d) / 4} r\n");
            }
        }

        var a = EvalRun.Text(qrels.ToString(), grouped.ToString(), "-q", "-m", "all_trec");
        var b = EvalRun.Text(qrels.ToString(), interleaved.ToString(), "-q", "-m", "all_trec");
        Assert.That(a.ExitCode, Is.Zero, a.Stderr);
        Assert.That(b.Stdout, Is.EqualTo(a.Stdout));
        Assert.That(b["num_ret"], Is.EqualTo("360"));
    }

    [Test]
    public void A_query_whose_lines_come_in_several_stretches_gives_the_same_output_as_the_grouped_run()
    {
        // Queries in the middle of a slice are scored as soon as the next query starts; query 3 (two stretches, both in
        // the middle), query 2 (first stretch, then again after an unjudged query) and query 5 (a one-line stretch)
        // must be scored whole once the rest of the run is known, with the same values as when they are grouped.
        var qrels = new StringBuilder();
        var lines = new Dictionary<int, List<string>>();
        for (var q = 1; q <= 6; q++)
        {
            lines[q] = [];
            for (var d = 0; d < 40; d++)
            {
                lines[q].Add(string.Create(CultureInfo.InvariantCulture, $"{q} Q0 doc{d} {d + 1} {(40 - d) / 3} r\n"));
                if (d % 7 == q % 7)
                {
                    qrels.Append(CultureInfo.InvariantCulture, $"{q} 0 doc{d} {1 + (d % 3)}\n");
                }
            }
        }

        var grouped = string.Concat(Enumerable.Range(1, 6).SelectMany(q => lines[q]));
        var unjudged = "99 Q0 docX 1 5 r\n99 Q0 docY 2 4 r\n";
        var split = string.Concat(
            [
                .. lines[1], .. lines[2][..10], unjudged, .. lines[2][10..], .. lines[3][..25], .. lines[4][..1], "# a comment\n",
                .. lines[5][..1], .. lines[3][25..], .. lines[4][1..], .. lines[5][1..], .. lines[6],
            ]);
        var a = EvalRun.Text(qrels.ToString(), grouped, "-q", "-m", "all_trec");
        var b = EvalRun.Text(qrels.ToString(), split, "-q", "-m", "all_trec");
        Assert.That(a.ExitCode, Is.Zero, a.Stderr);
        Assert.That(b.ExitCode, Is.Zero, b.Stderr);
        Assert.That(b.Stdout, Is.EqualTo(a.Stdout));
        Assert.That(b["num_ret"], Is.EqualTo("240"));
        Assert.That(b["num_q"], Is.EqualTo("6"));
    }

    [Test]
    public void A_docno_repeated_in_two_stretches_of_a_query_is_reported_with_its_line()
    {
        // Query 2's stretches are each scored while parsing and are fine alone; together they repeat d1.
        var run = "1 Q0 d1 1 3 r\n1 Q0 d2 2 2 r\n2 Q0 d1 1 3 r\n2 Q0 d2 2 2 r\n3 Q0 d1 1 3 r\n3 Q0 d2 2 2 r\n"
            + "2 Q0 d3 3 1 r\n2 Q0 d1 4 0.5 r\n4 Q0 d1 1 1 r\n4 Q0 d2 2 1 r\n";
        var result = EvalRun.Text("1 0 d1 1\n2 0 d1 1\n3 0 d1 1\n4 0 d1 1\n", run, "-m", "map");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Match(@"run:8: duplicate docno d1 in query 2 "));
    }

    [Test]
    public void A_duplicate_found_while_parsing_gives_way_to_a_malformed_line_after_it()
    {
        // Query 2 (scored while parsing) repeats d1, but the file is malformed further on: the malformed line is reported.
        var run = "1 Q0 d1 1 3 r\n2 Q0 d1 1 3 r\n2 Q0 d1 2 2 r\n3 Q0 d1 1 1 r\n3 Q0 broken\n";
        var result = EvalRun.Text("1 0 d1 1\n2 0 d1 1\n3 0 d1 1\n", run, "-m", "map");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Does.Match(@"run:5: malformed run line"));
    }
}
