using System.Diagnostics;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace Harness.Fixtures.FaultyPlugin;

/// <summary>
/// A reranker that fails on purpose, the way real plugins fail, so the matrix runner's fault handling is tested for
/// real: it throws, calls Environment.FailFast, kills its own process with SIGKILL, hangs, runs out of memory (mode
/// oom: .NET's OutOfMemoryException; mode hog: keeps allocating and touching memory, up to 4 GiB, then hangs, for the
/// runner's memory limit), or (mode ok) keeps the first-stage order.
/// </summary>
public sealed class FaultyRerankerPlugin : IRerankerPlugin
{
    public PluginInfo Info { get; } = new(
        "faulty",
        PluginKind.Reranker,
        "1.0.0",
        "Test fixture: a reranker that throws, fails fast, kills its process, hangs or runs out of memory.",
        [ParameterSpec.Choice("mode", "ok", "What to do when scoring.", "ok", "throw", "failfast", "kill", "hang", "oom", "hog")]);

    public IReranker Create(PluginParameters parameters, IPluginContext context) => new FaultyReranker(parameters.GetString("mode"));

    private sealed class FaultyReranker(string mode) : IReranker
    {
        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
        {
            switch (mode)
            {
                case "throw":
                    throw new InvalidOperationException("fixture: the faulty reranker threw on purpose");
                case "failfast":
                    Environment.FailFast("fixture: the faulty reranker failed fast on purpose");
                    break;
                case "kill":
                    Process.GetCurrentProcess().Kill();
                    break;
                case "hang":
                    Thread.Sleep(Timeout.Infinite);
                    break;
                case "oom":
                    throw new OutOfMemoryException("fixture: the faulty reranker ran out of memory on purpose");
                case "hog":
                    Hog();
                    break;
            }

            return [.. candidates.Select(_ => 0.0)];
        }

        private static void Hog()
        {
            const int chunk = 64 << 20;
            var kept = new List<byte[]>();
            for (var i = 0; i < 64; i++)
            {
                var block = GC.AllocateUninitializedArray<byte>(chunk);
                for (var j = 0; j < block.Length; j += 4096)
                {
                    block[j] = 1;
                }

                kept.Add(block);
                Thread.Sleep(20);
            }

            GC.KeepAlive(kept);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
