using Harness.Core.Progress;

namespace Harness.Tests.Core.Progress;

public sealed class LogProgressDisplayTests
{
    [Test]
    public void Lines_come_at_most_once_per_interval_and_quick_stages_stay_quiet()
    {
        var now = TimeSpan.Zero;
        var output = new StringWriter { NewLine = "\n" };
        using var display = new LogProgressDisplay(output, TimeSpan.FromSeconds(10), "harness", () => now, heartbeat: false);

        using (var quick = display.Start("quick", 10))
        {
            now += TimeSpan.FromSeconds(1);
            quick.Report(10);
        }

        var stage = display.Start("BM25 index", 1000);
        now += TimeSpan.FromSeconds(5);
        stage.Report(100);
        now += TimeSpan.FromSeconds(6);
        stage.Report(250);
        now += TimeSpan.FromSeconds(1);
        stage.Report(300);
        now += TimeSpan.FromSeconds(10);
        stage.Report(1000);
        stage.Dispose();
        stage.Dispose();
        using (var unknown = display.Start("loading", null))
        {
            now += TimeSpan.FromSeconds(11);
            unknown.Report(7);
        }

        using (display.Start("building dataset", null))
        {
            now += TimeSpan.FromSeconds(9);
            display.Tick();
            now += TimeSpan.FromSeconds(3);
            display.Tick();
            display.Tick();
        }

        Assert.That(output.ToString(), Is.EqualTo(
            "harness: BM25 index: 250/1000 (25%)\n" +
            "harness: BM25 index: 1000/1000 (100%)\n" +
            "harness: BM25 index: done, 1000 items in 22.0 s\n" +
            "harness: loading: 7\n" +
            "harness: loading: done, 7 items in 11.0 s\n" +
            "harness: building dataset: running for 12 s\n" +
            "harness: building dataset: done in 12.0 s\n"));
    }
}
