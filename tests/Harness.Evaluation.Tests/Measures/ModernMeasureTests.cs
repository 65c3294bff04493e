using System.Text.Json;

namespace Harness.Evaluation.Tests.Measures;

/// <summary>ir_measures-style names through <c>--measures</c> and the output formats.</summary>
public sealed class ModernMeasureTests
{
    [Test]
    public void Modern_names_print_a_compact_table_by_default()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "--measures", "nDCG@10,RR@10,R@100");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo("run: tie\nquery  nDCG@10   RR@10   R@100\nall     0.3612  0.5000  0.6667\n"));
    }

    [TestCase("RR@1", "0.0000")]
    [TestCase("RR@2", "0.5000")]
    [TestCase("RR", "0.5000")]
    [TestCase("P@5", "0.4000")]
    [TestCase("AP", "0.3889")]
    // AP over the top 2: (1/2) / 3
    [TestCase("AP@2", "0.1667")]
    // judged in the top 10 (d3 d2 d1) / 10
    [TestCase("Judged@10", "0.3000")]
    // d4 is unjudged
    [TestCase("Judged@1", "0.0000")]
    [TestCase("nDCG", "0.3612")]
    [TestCase("P(rel=2)@5", "0.0000")]
    [TestCase("R(rel=2)@100", "0.0000")]
    [TestCase("Success@1", "0.0000")]
    [TestCase("Rprec", "0.6667")]
    [TestCase("Bpref", "0.6667")]
    [TestCase("SetF", "0.5714")]
    [TestCase("NumRelRet", "2")]
    public void Each_alias_matches_its_hand_computed_value(string name, string expected)
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "--measures", name, "--format", "trec");
        Assert.That(run[name], Is.EqualTo(expected));
    }

    [Test]
    public void Json_format_has_per_query_and_all_values()
    {
        var run = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun, "-c", "-q", "--measures=AP,nDCG@10,NumRel", "--format=json");
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("runid").GetString(), Is.EqualTo("tie"));
        Assert.That(root.GetProperty("queries").GetArrayLength(), Is.EqualTo(3));
        Assert.That(root.GetProperty("queries")[0].GetProperty("values").GetProperty("AP").GetDouble(), Is.EqualTo(7.0 / 18).Within(1e-12));
        Assert.That(root.GetProperty("all").GetProperty("NumRel").GetInt64(), Is.EqualTo(5));
        Assert.That(root.GetProperty("all").GetProperty("AP").GetDouble(), Is.EqualTo(7.0 / 54).Within(1e-12));
    }

    [Test]
    public void Tsv_format_rows_are_query_measure_value()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-m", "map", "-m", "num_ret", "--format", "tsv");
        // trec_eval's table order: num_ret before map
        Assert.That(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "query\tmeasure\tvalue", "q1\tnum_ret\t4", "q1\tmap\t0.38888888888888884", "all\tnum_ret\t4", "all\tmap\t0.38888888888888884",
        }));
    }

    [Test]
    public void Trec_measures_and_modern_names_can_be_combined()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "map", "--measures", "RR@10", "--format", "trec");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "map", "RR@10" }));
    }
}
