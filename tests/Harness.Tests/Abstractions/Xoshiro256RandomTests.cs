using Harness.Abstractions.Plugins;

namespace Harness.Tests.Abstractions;

/// <summary>
/// The contract's random stream against values computed independently (a Python implementation of xoshiro256** with
/// SplitMix64 seeding, Lemire bounding and FNV-1a stream seeds, written from the published algorithms).
/// </summary>
public sealed class Xoshiro256RandomTests
{
    [Test]
    public void Raw_outputs_match_the_reference_implementation()
    {
        var g = new Xoshiro256Random(42);
        Assert.That(new[] { g.NextUInt64(), g.NextUInt64(), g.NextUInt64() }, Is.EqualTo(new[] { 0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL }));
    }

    [Test]
    public void Bounded_integers_and_doubles_match_the_reference_implementation()
    {
        var g = new Xoshiro256Random(42);
        Assert.That(Enumerable.Range(0, 8).Select(_ => g.Next(10)), Is.EqualTo(new[] { 0, 3, 6, 9, 9, 7, 7, 8 }));
        var h = new Xoshiro256Random(42);
        Assert.That(h.NextDouble(), Is.EqualTo(0.08386297105988216));
        Assert.That(h.NextDouble(), Is.EqualTo(0.3789802506626686));
    }

    [Test]
    public void Stream_seeds_are_fnv1a_of_the_seed_and_the_name_and_contexts_use_them()
    {
        Assert.That(PluginContext.DeriveStreamSeed(7, "sampler"), Is.EqualTo(0xe05e09ffb24b3626UL));
        var fromContext = new PluginContext(7).CreateRandom("sampler");
        var direct = new Xoshiro256Random(0xe05e09ffb24b3626UL);
        Assert.That(Enumerable.Range(0, 5).Select(_ => fromContext.Next()), Is.EqualTo(Enumerable.Range(0, 5).Select(_ => direct.Next())));
    }

    [Test]
    public void Ranges_are_respected_and_shuffle_is_a_permutation()
    {
        var g = new Xoshiro256Random(1);
        var draws = Enumerable.Range(0, 10_000).Select(_ => g.Next(-3, 4)).ToList();
        Assert.That(draws, Has.All.InRange(-3, 3));
        Assert.That(draws.Distinct().Count(), Is.EqualTo(7));
        Assert.That(Enumerable.Range(0, 1000).Select(_ => g.NextDouble()), Has.All.InRange(0.0, 0.9999999999999999));
        var values = Enumerable.Range(0, 20).ToArray();
        g.Shuffle(values);
        Assert.That(values, Is.EquivalentTo(Enumerable.Range(0, 20)));
        Assert.That(values, Is.Not.EqualTo(Enumerable.Range(0, 20)));
    }
}
