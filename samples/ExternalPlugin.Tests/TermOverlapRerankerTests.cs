using Harness.Abstractions.Datasets;
using Harness.Conformance;
using NUnit.Framework;
using TermOverlap;

namespace TermOverlap.Tests;

public sealed class TermOverlapRerankerTests
{
    [Test]
    public void Passes_the_conformance_suite()
    {
        var report = ConformanceSuite.Check(new TermOverlapRerankerPlugin());
        Assert.That(report.Passed, Is.True, report.ToString());
    }

    [Test]
    public void Scores_the_share_of_query_terms()
    {
        var scores = new TermOverlapReranker(lowercase: true).Score(new Query("q", "Kernel driver"), [new Document("a", "", "the kernel"), new Document("b", "", "kernel DRIVER")]);
        Assert.That(scores, Is.EqualTo(new[] { 0.5, 1.0 }));
    }
}
