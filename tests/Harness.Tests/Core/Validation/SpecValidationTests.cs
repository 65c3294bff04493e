using Harness.Core.Experiments;
using Harness.Core.Validation;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Validation;

[NonParallelizable]
public sealed class SpecValidationTests
{
    [Test]
    public void Every_plugin_problem_is_reported_at_once_with_line_and_key_path()
    {
        using var temp = new TempDirectory();
        var plan = MatrixFixture.Plan(temp, """
            name: bad
            seeds: [1]
            datasets: [ { synthetic: { docs: 0, colour: red } } ]
            encoders: [ hashed-bow, infonce ]
            losses: [ { infonce: { temperature: [0.05, 0, abc], similarity: manhattan } }, no-such-loss ]
            samplers: [ random ]
            rerankers: [ none, { none: { x: 1 } } ]
            train: { epochs: 0, batch_size: 0 }
            exclude: [ { sampler: bm25 } ]
            baseline: { loss: triplet }
            """, temp.Combine("cache"));

        var lines = plan.Problems.Select(p => p.ToString()).ToList();
        var file = plan.Spec!.DisplayPath;
        Assert.That(plan.IsValid, Is.False);
        Assert.That(plan.Cells, Is.Empty);
        Assert.That(lines, Has.Some.EqualTo($"{file}:3: datasets[0].synthetic.docs: 0 is below the minimum 1 (int, >= 1 and <= 10000000)"));
        Assert.That(lines, Has.Some.StartWith($"{file}:3: datasets[0].synthetic.colour: unknown parameter of plugin 'synthetic' (known: docs,"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:4: encoders[1]: 'infonce' is a loss plugin; this list takes encoder plugins"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:5: losses[0].infonce.temperature[1]: 0 is below the minimum (exclusive) 0 (float, > 0)"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:5: losses[0].infonce.temperature[2]: 'abc' is not a number (float, > 0)"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:5: losses[0].infonce.similarity: 'manhattan' is not one of cosine, dot (choice: cosine, dot)"));
        Assert.That(lines, Has.Some.StartWith($"{file}:5: losses[1]: no loss plugin 'no-such-loss' (loaded: auc, embedding-only, infonce,"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:7: rerankers[1].none: the 'none' reranker takes no parameters"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:8: train.batch_size: 0 is below the minimum 1 (int, >= 1 and <= 1048576)"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:9: exclude[0].sampler: excludes negative-sampler 'bm25', which is not in samplers"));
        Assert.That(lines, Has.Some.EqualTo($"{file}:10: baseline.loss: 'triplet' is not in losses, so no cell can be the baseline"));
        Assert.That(plan.Problems.Count(p => p.IsCritical), Is.EqualTo(11), string.Join("\n", lines));
    }

    [Test]
    public void Sampler_requirements_the_runner_cannot_meet_are_errors_and_pointless_ones_warnings()
    {
        using var temp = new TempDirectory();
        var yaml = MatrixFixture.Spec()
            .Replace("samplers: [ random ]", "samplers: [ { needy: { needs: teacher } }, { needy: { needs: dense, warmup: 2 } } ]", StringComparison.Ordinal)
            .Replace("train: { epochs: 0 }", "train: { epochs: [0, 2] }", StringComparison.Ordinal);
        var plan = MatrixFixture.Plan(temp, yaml, temp.Combine("cache"));

        var file = plan.Spec!.DisplayPath;
        var errors = plan.Problems.Where(p => p.IsCritical).Select(p => p.ToString()).ToList();
        var warnings = plan.Problems.Where(p => !p.IsCritical).Select(p => p.ToString()).ToList();
        Assert.That(errors, Is.EqualTo(new[]
        {
            $"{file}:7: samplers[0].needy: negative-sampler 'needy' declares it needs the Teacher service, which it cannot get here: the cell configures no teacher reranker (set the sampler's teacher parameter)",
        }));
        Assert.That(warnings, Has.Some.EqualTo($"{file}:7: warning: samplers[1].needy: negative-sampler 'needy' mines negatives with the encoder being trained, but epochs is 0: nothing trains, so it is never used"));
        Assert.That(warnings, Has.Some.EqualTo($"{file}:7: warning: samplers[1].needy: negative-sampler 'needy' warms up for 2 epochs, but the cell trains 2: its mined negatives are never used"));
    }

    [Test]
    public void A_trainable_reranker_with_a_loss_that_has_no_score_stage_is_an_error_at_plan_time()
    {
        using var temp = new TempDirectory();
        var yaml = MatrixFixture.Spec(rerankers: "[ none, { cross-encoder: { init: random, layers: 1, hidden: 16, heads: 1 } } ]")
            .Replace("losses: [ infonce ]", "losses: [ infonce, embedding-only ]", StringComparison.Ordinal);
        var plan = MatrixFixture.Plan(temp, yaml, temp.Combine("cache"));

        var file = plan.Spec!.DisplayPath;
        var errors = plan.Problems.Where(p => p.IsCritical).Select(p => p.ToString()).ToList();
        Assert.That(errors, Is.EqualTo(new[]
        {
            $"{file}:8: rerankers[1].cross-encoder: reranker 'cross-encoder' is trained with its cell's loss, but loss 'embedding-only' has no score stage (it does not declare LossFeatures.Scores): pair it with a loss that has one, or exclude the combination",
        }));
    }

    [Test]
    public void Training_values_are_typed_and_ranged_like_plugin_parameters()
    {
        using var temp = new TempDirectory();
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec().Replace("train: { epochs: 0 }", "train: { epochs: [0, 2], optimizer: sgd, warmup: 1.5 }", StringComparison.Ordinal), temp.Combine("cache"));

        var lines = plan.Problems.Where(p => p.IsCritical).Select(p => p.ToString()).ToList();
        Assert.That(lines, Is.EqualTo(new[]
        {
            $"{plan.Spec!.DisplayPath}:9: train.optimizer: 'sgd' is not one of adamw, adam (choice: adamw, adam)",
            $"{plan.Spec.DisplayPath}:9: train.warmup: 1.5 is above the maximum 1 (float, >= 0 and <= 1)",
        }));
    }

    [Test]
    public void Exclusions_that_remove_every_cell_and_a_split_the_dataset_lacks_are_problems()
    {
        using var temp = new TempDirectory();
        var empty = MatrixFixture.Plan(temp, MatrixFixture.Spec(extra: "exclude: [ { loss: infonce } ]"), temp.Combine("cache"));
        var noDev = MatrixFixture.Plan(temp, MatrixFixture.Spec()
            .Replace("seed: 5", "seed: 5, dev-fraction: 0", StringComparison.Ordinal)
            .Replace("depth: 20", "depth: 20, split: dev", StringComparison.Ordinal), temp.Combine("cache"));

        Assert.That(empty.Problems.Single(p => p.IsCritical).Message, Is.EqualTo("the exclusions remove all 2 cells: nothing would run"));
        Assert.That(noDev.Problems.Single(p => p.IsCritical).ToString(), Does.Contain("eval.split: dataset 'synthetic'").And.Contain("has no dev queries"));
    }

    [Test]
    public void A_cuda_device_that_is_not_there_is_a_problem()
    {
        if (DeviceAvailableValidator.CudaDeviceCount() > 0)
        {
            Assert.Ignore("this machine has CUDA; the problem only arises without it");
        }

        using var temp = new TempDirectory();
        var path = temp.File("spec.yaml", MatrixFixture.Spec().Replace("device: cpu", "device: cuda:1", StringComparison.Ordinal));
        var plan = ExperimentPlanner.Plan(path, MatrixFixture.Catalog(), temp.Combine("cache"));

        var problem = plan.Problems.Single(p => p.IsCritical);
        Assert.That(problem.ToString(), Does.StartWith($"{plan.Spec!.DisplayPath}:3: device: 'cuda:1' is asked for, but CUDA is not available here"));
    }

    [Test]
    public void A_warning_when_nothing_trains_and_only_losses_differ()
    {
        using var temp = new TempDirectory();
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec().Replace("losses: [ infonce ]", "losses: [ infonce, triplet ]", StringComparison.Ordinal), temp.Combine("cache"));

        Assert.That(plan.IsValid, Is.True);
        Assert.That(plan.Problems.Single().ToString(), Does.Contain("warning: train.epochs: nothing trains (epochs 0), so cells that differ only in losses give identical metrics"));
        Assert.That(plan.Cells, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_trainable_reranker_learns_from_the_samplers_so_they_are_not_duplicates_when_nothing_else_trains()
    {
        // A cross-encoder trains on its cell's sampler and loss even at epochs 0: with it alone, varying samplers is the
        // experiment (no warning); beside a reranker that does not train, only those other cells are duplicates.
        using var temp = new TempDirectory();
        const string CrossEncoder = "{ cross-encoder: { init: random, layers: 1, hidden: 32, heads: 2 } }";
        var spec = MatrixFixture.Spec(seeds: "[1]", rerankers: $"[ {CrossEncoder} ]").Replace("samplers: [ random ]", "samplers: [ random, bm25 ]", StringComparison.Ordinal)
            .Replace("eval: { depth: 20,", "eval: { depth: 20, rerank_depth: 10,", StringComparison.Ordinal);
        var alone = MatrixFixture.Plan(temp, spec, temp.Combine("cache"));
        Assert.That(alone.Problems, Is.Empty);
        Assert.That(alone.Cells, Has.Count.EqualTo(2));

        var mixed = MatrixFixture.Plan(temp, spec.Replace($"[ {CrossEncoder} ]", $"[ none, {CrossEncoder} ]", StringComparison.Ordinal), temp.Combine("cache"), "mixed.yaml");
        Assert.That(mixed.Problems.Single().ToString(), Does.EndWith("warning: train.epochs: nothing trains but the rerankers (epochs 0), so cells without a trainable reranker that differ only in samplers give identical metrics"));

        var excluded = MatrixFixture.Plan(temp, spec.Replace($"[ {CrossEncoder} ]", $"[ none, {CrossEncoder} ]", StringComparison.Ordinal) + "\nexclude: [ { sampler: bm25, reranker: none } ]", temp.Combine("cache"), "excluded.yaml");
        Assert.That(excluded.Problems, Is.Empty);
        Assert.That(excluded.Cells, Has.Count.EqualTo(3));
    }
}
