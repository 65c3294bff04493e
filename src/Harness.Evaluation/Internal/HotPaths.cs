using System.Reflection;
using System.Runtime.CompilerServices;
using Harness.Evaluation.Internal.Parsing;
using Harness.Evaluation.Internal.Ranking;
using Harness.Evaluation.Output;

namespace Harness.Evaluation.Internal;

/// <summary>
/// The run-file path's hot methods that ReadyToRun cannot precompile (AggressiveOptimization, AVX2 vectors, UInt128),
/// compiled on a background thread while the main thread is still reading the measures and the qrels. Otherwise the JIT
/// compiles them at first call, on the critical path: both parsing threads wait for ParseBlock's compilation, then for
/// the scoring methods'. A method already being compiled by the other thread is waited for, never compiled twice.
/// </summary>
internal static class HotPaths
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>In the order the run reader first calls them.</summary>
    internal static readonly (Type Type, string Name)[] Methods =
    [
        (typeof(RunFileReader), "ParseBlock"),
        (typeof(RunLineScanner), nameof(RunLineScanner.TryScan)),
        (typeof(Evaluator), "Score"),
        (typeof(TrecOrder), nameof(TrecOrder.Sort)),
        (typeof(EvaluationWorker), nameof(EvaluationWorker.CheckDuplicates)),
        (typeof(QueryRanking), nameof(QueryRanking.SetRelevanceLevel)),
        (typeof(RunChunk), nameof(RunChunk.BuildSegments)),
        (typeof(CFormat), "RoundedDigits"),
    ];

    /// <summary>Starts compiling <see cref="Methods"/> on a background thread and returns at once.</summary>
    public static void StartCompiling()
    {
        var thread = new Thread(Compile) { IsBackground = true, Name = "harness eval precompile" };
        thread.Start();
    }

    /// <summary>The methods of <see cref="Methods"/>, resolved (a null entry is a renamed method; a test checks there is none).</summary>
    internal static MethodInfo?[] Resolve() => [.. Methods.Select(m => m.Type.GetMethod(m.Name, Any))];

    private static void Compile()
    {
        try
        {
            foreach (var method in Resolve())
            {
                if (method is not null)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or AmbiguousMatchException)
        {
            // Only a speed-up: the methods are compiled at first call anyway.
        }
    }
}
