using Harness.Statistics.Significance;

namespace Harness.Statistics.Tests;

public sealed class RandomizationTestTests
{
    [Test]
    public void Three_pairs_enumerated_by_hand()
    {
        // d = 1, 2, 3. The 8 sign assignments give sums ±6, ±4, ±2, 0, 0; |sum| >= 6 twice: p = 2/8.
        var r = RandomizationTest.Test([1, 2, 3], [0, 0, 0]);
        Assert.Multiple(() =>
        {
            Assert.That(r.Exact, Is.True);
            Assert.That(r.Permutations, Is.EqualTo(8));
            Assert.That(r.PValue, Is.EqualTo(0.25));
        });
    }

    [Test]
    public void Ten_pairs_are_enumerated_exactly()
    {
        // Enumerated independently with numpy (Debian python3-numpy 1.24.2):
        // d = np.array(A) - np.array(B); obs = abs(d.sum())
        // hits = sum(abs((np.array(s) * d).sum()) >= obs - 1e-12 for s in itertools.product([1, -1], repeat=10))
        // -> 62 of 1024 = 0.060546875
        var r = RandomizationTest.Test(ReferenceData.A, ReferenceData.B);
        Assert.Multiple(() =>
        {
            Assert.That(r.Exact, Is.True);
            Assert.That(r.Permutations, Is.EqualTo(1024));
            Assert.That(r.PValue, Is.EqualTo(62.0 / 1024));
        });
    }

    [Test]
    public void Monte_carlo_is_seeded_and_close_to_the_exact_value()
    {
        var a = Enumerable.Range(0, 16).Select(i => Math.Sin(i) * 0.3 + 0.5).ToArray();
        var b = Enumerable.Range(0, 16).Select(i => (Math.Sin(i) * 0.3) + 0.47 + (0.08 * Math.Cos(3 * i))).ToArray();
        var exact = RandomizationTest.Test(a, b, permutations: 1 << 16);
        var sampled = RandomizationTest.Test(a, b, permutations: 10_000, seed: 42);
        var again = RandomizationTest.Test(a, b, permutations: 10_000, seed: 42);
        var other = RandomizationTest.Test(a, b, permutations: 10_000, seed: 43);
        var se = Math.Sqrt(exact.PValue * (1 - exact.PValue) / 10_000);
        Assert.Multiple(() =>
        {
            Assert.That(exact.Exact, Is.True);
            Assert.That(sampled.Exact, Is.False);
            Assert.That(sampled.PValue, Is.EqualTo(exact.PValue).Within(5 * se + 1e-4));
            Assert.That(again.PValue, Is.EqualTo(sampled.PValue));
            Assert.That(other.PValue, Is.Not.EqualTo(sampled.PValue));
        });
    }

    [Test]
    public void The_estimate_is_never_zero()
    {
        var a = Enumerable.Repeat(1.0, 40).ToArray();
        var b = Enumerable.Repeat(0.0, 40).ToArray();
        Assert.That(RandomizationTest.Test(a, b, permutations: 999).PValue, Is.EqualTo(1.0 / 1000));
    }
}
