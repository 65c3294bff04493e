using Harness.Abstractions.Plugins;
using Harness.Core.Hosting;
using Harness.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Harness.Tests.Core.Hosting;

/// <summary>The host's plugin context: private scratch per plugin run, removed afterwards; a logger tagged with the plugin id.</summary>
public sealed class HostPluginContextTests
{
    [Test]
    public void Each_context_gets_its_own_scratch_directory_which_dispose_removes()
    {
        using var temp = new TempDirectory();
        string a, b;
        using (var first = new HostPluginContext("bm25", 1, temp.Path, temp.Combine("cache")))
        using (var second = new HostPluginContext("bm25", 1, temp.Path, temp.Combine("cache")))
        {
            a = first.ScratchDirectory;
            b = second.ScratchDirectory;
            Assert.That(a, Is.Not.EqualTo(b));
            Assert.That(Directory.Exists(a) && Directory.Exists(b), Is.True);
            Assert.That(Path.GetFileName(a), Does.StartWith("bm25-"));
            File.WriteAllText(Path.Combine(a, "x.tmp"), "scratch");
        }

        Assert.That(Directory.Exists(a) || Directory.Exists(b), Is.False);
    }

    [Test]
    public void Messages_are_tagged_with_the_plugin_id_and_streams_follow_the_contract()
    {
        using var temp = new TempDirectory();
        var log = new ListLogger();
        using var context = new HostPluginContext("infonce", 7, temp.Path, temp.Path) { HostLogger = log, CellId = "cell-1" };
        context.Logger.LogInformation("temperature {Value}", 0.05);
        Assert.That(log.Lines, Is.EqualTo(new[] { "[infonce] temperature 0.05" }));
        Assert.That(context.CellId, Is.EqualTo("cell-1"));

        var host = context.CreateRandom("sampler");
        var plain = new PluginContext(7).CreateRandom("sampler");
        Assert.That(Enumerable.Range(0, 4).Select(_ => host.Next()), Is.EqualTo(Enumerable.Range(0, 4).Select(_ => plain.Next())));
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
