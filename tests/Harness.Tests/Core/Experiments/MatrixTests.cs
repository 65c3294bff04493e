using Harness.Core.Experiments;

namespace Harness.Tests.Core.Experiments;

public sealed class MatrixTests
{
    private static ExperimentSpec Read(string yaml)
    {
        var (spec, problems) = SpecReader.Parse(yaml, "/m.yaml");
        Assert.That(problems, Is.Empty);
        return spec!;
    }

    [Test]
    public void Expands_the_product_of_the_axes_in_spec_order_with_seeds_fastest()
    {
        var spec = Read("""
            seeds: [1, 2]
            datasets: [ synthetic ]
            encoders: [ hashed-bow ]
            losses: [ { infonce: { temperature: [0.02, 0.05] } }, triplet ]
            samplers: [ random, bm25 ]
            """);

        var names = Matrix.Expand(spec).Select(c => $"{c.Loss.Describe()} {c.Sampler.Id} {c.Seed}").ToList();

        Assert.That(names, Is.EqualTo(new[]
        {
            "infonce(temperature=0.02) random 1", "infonce(temperature=0.02) random 2",
            "infonce(temperature=0.02) bm25 1", "infonce(temperature=0.02) bm25 2",
            "infonce(temperature=0.05) random 1", "infonce(temperature=0.05) random 2",
            "infonce(temperature=0.05) bm25 1", "infonce(temperature=0.05) bm25 2",
            "triplet random 1", "triplet random 2", "triplet bm25 1", "triplet bm25 2",
        }));
        Assert.That(Matrix.CountBeforeExclusions(spec), Is.EqualTo(12));
    }

    [Test]
    public void Exclusions_remove_the_combinations_they_name()
    {
        var spec = Read("""
            seeds: [1, 2]
            datasets: [ synthetic ]
            encoders: [ hashed-bow ]
            losses: [ { infonce: { temperature: [0.02, 0.05] } }, triplet ]
            samplers: [ random, bm25 ]
            exclude:
              - { loss: triplet, sampler: bm25 }
              - { loss: { infonce: { temperature: 0.050 } }, seed: 2 }
            """);

        var cells = Matrix.Expand(spec);

        // 12 - 2 (triplet+bm25, both seeds) - 2 (temperature 0.05 at seed 2, both samplers; 0.050 == 0.05 numerically).
        Assert.That(cells, Has.Count.EqualTo(8));
        Assert.That(cells.Any(c => c.Loss.Id == "triplet" && c.Sampler.Id == "bm25"), Is.False);
        Assert.That(cells.Any(c => c.Loss.Describe() == "infonce(temperature=0.05)" && c.Seed == 2), Is.False);
        Assert.That(cells.Count(c => c.Loss.Describe() == "infonce(temperature=0.05)"), Is.EqualTo(2));
    }
}
