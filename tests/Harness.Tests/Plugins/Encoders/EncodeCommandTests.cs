using System.Globalization;
using Harness.Abstractions.Encoders;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Encoders;

/// <summary><c>harness encode</c> end to end (the CLI as a process).</summary>
[NonParallelizable]
public sealed class EncodeCommandTests
{
    [Test]
    public void Minilm_prints_one_tab_separated_embedding_per_line_equal_to_the_library()
    {
        using var temp = new TempDirectory();
        var file = temp.File("texts.txt", "This is an example sentence\n\nlinux kernel headers\n");

        var r = HarnessCli.Run("encode", "--encoder", "minilm", file);

        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3), "the empty line is encoded too");
        var rows = lines.Select(l => l.Split('\t').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.That(rows.Select(x => x.Length), Is.All.EqualTo(384));
        Assert.That(rows[0].Take(4), Is.EqualTo(new[] { 0.0677f, 0.0635f, 0.0487f, 0.0793f }).Within(5e-5f));

        using var noGrad = no_grad();
        using var expected = PretrainedModels.MiniLm.Encode(["This is an example sentence", string.Empty, "linux kernel headers"], TextRole.Document);
        Assert.That(rows.SelectMany(x => x), Is.EqualTo(expected.data<float>().ToArray()).Within(1e-6f));
    }

    [Test]
    public void Standard_input_and_the_query_role_are_used()
    {
        using var temp = new TempDirectory();
        var file = temp.File("q.txt", "network driver\n");
        var query = HarnessCli.Run("encode", "--encoder", "arctic-xs", "--role", "query", file);
        var document = HarnessCli.Run("encode", "--encoder", "arctic-xs", file);
        Assert.That(query.ExitCode, Is.Zero, query.Stderr);
        Assert.That(document.ExitCode, Is.Zero, document.Stderr);
        Assert.That(query.Stdout, Is.Not.EqualTo(document.Stdout), "arctic prefixes queries with its instruction");

        var piped = ProcessRunner.Run("/bin/sh", ["-c", $"printf 'network driver\\n' | '{HarnessCli.Executable}' encode --encoder arctic-xs --role query -"]);
        Assert.That(piped.ExitCode, Is.Zero, piped.Stderr);
        Assert.That(piped.Stdout, Is.EqualTo(query.Stdout));
    }

    [TestCase(new[] { "encode", "--encoder", "no-such-encoder" }, "no-such-encoder")]
    [TestCase(new[] { "encode", "--encoder", "minilm", "--set", "minilm.max-length=1" }, "max-length")]
    [TestCase(new[] { "encode", "--encoder", "transformer", "--set", "transformer.dim=30" }, "not a multiple of heads")]
    [TestCase(new[] { "encode", "--encoder", "minilm", "/no/such/file.txt" }, "cannot read /no/such/file.txt")]
    public void Bad_input_is_one_line_and_exit_status_2(string[] args, string expected)
    {
        var r = HarnessCli.Run(args);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stdout, Is.Empty);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Run '", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), r.Stderr);
        Assert.That(lines[0], Does.StartWith("harness: ").And.Contain(expected));
    }
}
