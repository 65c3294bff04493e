using Harness.Abstractions.Datasets;
using NUnit.Framework;

namespace HarnessPlugin1.Tests;

public sealed class RerankerTests
{
    [Test]
    public void Matches_the_hand_computed_scores()
    {
        // Query terms {red, fruit}: "Red apples" holds 1 of 2 in its text; its title "Fruit" 1 of 2 (weight 0.5).
        var scores = new TitleWeightedCoverageReranker(0.5).Score(
            new Query("q", "red fruit"),
            [new Document("a", "Fruit", "Red apples"), new Document("b", "", "green"), new Document("c", "red", "RED FRUIT")]);
        Assert.That(scores, Is.EqualTo(new[] { 0.5 + 0.25, 0.0, 1.0 + 0.25 }).Within(1e-12));
    }
}
