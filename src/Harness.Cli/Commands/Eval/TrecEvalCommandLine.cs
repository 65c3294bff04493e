using Harness.Evaluation;
using Harness.Evaluation.Output;

namespace Harness.Cli.Commands.Eval;

/// <summary>
/// <c>harness eval</c>: trec_eval 10.0's command line and output, plus modern measure names (<c>--measures</c>) and
/// other output formats (<c>--format</c>). The command line only: parsing, reading and measures are
/// Harness.Evaluation's. Exit status: <see cref="EvalExitCodes"/>.
/// </summary>
internal static class TrecEvalCommandLine
{
    /// <summary>The usage text printed by <c>-h</c> / <c>--help</c>.</summary>
    public const string HelpText =
        """
        Usage: harness eval [options] QRELS RUN
          Evaluates a TREC run against qrels exactly like NIST trec_eval 10.0 (same options, same output).
          QRELS lines: qid iter docno rel        RUN lines: qid iter docno rank sim runid
        Options (trec_eval's; values attached or separate: -M100 or -M 100):
          -q             also print every query's values (before the 'all' lines)
          -n             no summary ('all') lines
          -c             average over all qrels queries; a query missing from the run scores 0
                         (without -c such a query is an error, exit status 4)
          -l LEVEL       lowest qrels level counted as relevant (default 1)
          -M N           evaluate only the first N documents of each query (after sorting)
          -J             drop retrieved documents that are not judged
          -N N           number of documents in the collection (utility)
          -R FORMAT      judgments format: qrels (default); qrels_jg (second field = judgment group;
                         measures map_avgjg, P_avgjg, Rprec_mult_avgjg, nickname qrels_jg); prefs
                         (lines 'qid jg jsg docno rel_level': preferences within judgment sub groups) or
                         qrels_prefs (a qrels file read as preferences, iter = judgment group), with the
                         prefs_* measures (nicknames prefs, all_prefs)
          -Z FILE        print z-scores: each query's value v becomes (v - mean) / stddev from FILE's
                         'qid measure mean stddev' lines before averaging (lines prefixed Z)
          -m MEASURE[.PARAMS]
                         a measure, a family with parameters (P.5,10  ndcg_cut.10  iprec_at_recall..1,.5
                         Rprec_mult.0.5,2  utility.2,-1,0,0  ndcg.1=3,2=9) or a nickname (official, all_trec, set, qrels_jg,
                         prefs, all_prefs);
                         repeatable; default: official
          -a             same as -m all_trec
          -h, --help     this text;  -v, --version  the version
          trec_eval's long names work too (exact names): --query_eval_wanted, --measure, --nosummary,
          --complete_rel_info_wanted, --level_for_rel, --Judged_docs_only, --Number_docs_in_coll,
          --Max_retrieved_per_topic, --Rel_info_format, --Results_format, --Debug_level, --Zscore
        QRELS and RUN may be '-' (standard input, for one of them), a FIFO or process substitution, or
        gzip/xz-compressed files.
        Harness additions:
          --lenient         accept what trec_eval accepts: a relevance that is not an integer (read with atol),
                            a score that is not a finite decimal number (read with atof), a run with no line
                            for any judged query; stderr says how many lines were coerced. Without it such
                            input is an error (file:line: what, exit status 2).
          --measures LIST   modern names, comma-separated: nDCG@10,RR@10,R@100,P@5,AP,AP@100,Judged@10,
                            Success@k,IPrec@r,Rprec,Bpref,infAP,SetP,SetR,SetF,NumRet,NumRel,NumRelRet,NumQ;
                            (rel=N) sets one measure's relevance level: P(rel=2)@10
          --format F        trec | table | json | tsv (default: trec; table when --measures is given)
        Exit status: 0 ok; 2 bad input: a usage error, an unknown measure, an unreadable or malformed file
        (file:line: what), a repeated docno; 4 a judged query missing from the run (without -c).
        """;

    /// <summary>Runs <c>harness eval</c> with trec_eval's arguments (the tokens after <c>eval</c>).</summary>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        EvalArguments parsed;
        try
        {
            parsed = GetoptParser.Parse(args);
        }
        catch (EvalUsageException e)
        {
            stderr.Write($"harness eval: {e.Message}\nTry 'harness eval --help'.\n");
            return EvalExitCodes.BadInput;
        }

        if (parsed.Help)
        {
            stdout.Write(HelpText + "\n");
            return EvalExitCodes.Ok;
        }

        if (parsed.Version)
        {
            stdout.Write("harness eval: trec_eval version 10.0 compatible\n");
            return EvalExitCodes.Ok;
        }

        if (parsed.Files.Count != 2)
        {
            stderr.Write($"harness eval: expected QRELS and RUN files, got {parsed.Files.Count} operand(s)\n{HelpText}\n");
            return EvalExitCodes.BadInput;
        }

        if (parsed.Files[0] == "-" && parsed.Files[1] == "-")
        {
            stderr.Write("harness eval: only one of QRELS and RUN can be '-' (standard input)\n");
            return EvalExitCodes.BadInput;
        }

        try
        {
            if (parsed.RelInfoFormat is not ("qrels_jg" or "prefs" or "qrels_prefs"))
            {
                // The run-file path follows: its hot loops compile on another core while the measures and qrels are read.
                Evaluator.PrecompileRunFilePath();
            }

            var trec = parsed.TrecMeasures.Count == 0 && parsed.ModernMeasures.Count == 0 ? ["official"] : parsed.TrecMeasures;
            var timing = Environment.GetEnvironmentVariable("HARNESS_EVAL_TIMING") == "1" ? System.Diagnostics.Stopwatch.StartNew() : null;
            var measures = MeasureSet.Parse(trec, parsed.ModernMeasures);
            var options = parsed.ZScoresFile is { } z ? parsed.Options with { ZScores = ZScoreTable.Load(z) } : parsed.Options;
            Phase(stderr, timing, "measures");
            long qrelsCoerced;
            EvaluationResult result;
            if (parsed.RelInfoFormat == "qrels_jg")
            {
                var groups = TrecJudgmentGroups.Load(parsed.Files[0], parsed.Lenient);
                qrelsCoerced = groups.CoercedLines;
                result = new Evaluator(measures, options).EvaluateJudgmentGroups(groups, TrecRun.Load(parsed.Files[1], parsed.Lenient));
            }
            else if (parsed.RelInfoFormat is "prefs" or "qrels_prefs")
            {
                var prefs = parsed.RelInfoFormat == "prefs"
                    ? TrecPreferences.Load(parsed.Files[0], parsed.Lenient)
                    : TrecPreferences.LoadQrels(parsed.Files[0], parsed.Lenient);
                qrelsCoerced = prefs.CoercedLines;
                result = new Evaluator(measures, options).EvaluatePreferencesRunFile(prefs, parsed.Files[1], parsed.Lenient);
            }
            else
            {
                var qrels = TrecQrels.Load(parsed.Files[0], parsed.Lenient);
                qrelsCoerced = qrels.CoercedLines;
                Phase(stderr, timing, "qrels");
                result = new Evaluator(measures, options).EvaluateRunFile(qrels, parsed.Files[1], parsed.Lenient);
            }

            Phase(stderr, timing, "run + evaluate");
            var format = parsed.Format ?? (parsed.ModernMeasures.Count > 0 ? OutputFormat.Table : OutputFormat.Trec);
            ResultWriter.Write(stdout, result, format, parsed.PerQuery, parsed.Summary);
            stdout.Flush();
            Phase(stderr, timing, "output");
            if (parsed.Lenient)
            {
                stderr.Write($"harness eval: --lenient: coerced {qrelsCoerced + result.CoercedRunLines} line(s) "
                    + $"({qrelsCoerced} in {parsed.Files[0]}, {result.CoercedRunLines} in {parsed.Files[1]})\n");
            }

            return EvalExitCodes.Ok;
        }
        catch (EvaluationException e)
        {
            stderr.Write(e.Error == EvaluationError.InvalidMeasure ? $"harness eval: {e.Message}\n" : e.Message + "\n");
            return EvalExitCodes.For(e.Error);
        }
    }

    private static void Phase(TextWriter stderr, System.Diagnostics.Stopwatch? timing, string name)
    {
        if (timing is not null)
        {
            stderr.Write($"[timing] {name}: {timing.Elapsed.TotalMilliseconds:F0} ms (GC heap {GC.GetTotalMemory(false) >> 20} MB, GCs {GC.CollectionCount(0)}, gen2 GCs {GC.CollectionCount(2)}, GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms in {System.Runtime.JitInfo.GetCompiledMethodCount()} methods)\n");
        }
    }
}
