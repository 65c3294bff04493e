using Harness.Evaluation.Arguments;
using Harness.Evaluation.Output;
using Harness.Evaluation.Parsing;

namespace Harness.Evaluation;

/// <summary>
/// <c>harness eval</c>: trec_eval 10.0's command line and output, plus modern measure names (<c>--measures</c>) and
/// other output formats (<c>--format</c>). Exit status: 0 ok, 1 usage, 2 bad input, 4 qrels query missing from the run.
/// </summary>
public static class TrecEvalCommandLine
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
          -m MEASURE[.PARAMS]
                         a measure, a family with parameters (P.5,10  ndcg_cut.10  iprec_at_recall..1,.5
                         Rprec_mult.0.5,2  utility.2,-1,0,0  ndcg.1=3,2=9) or a nickname (official, all_trec, set);
                         repeatable; default: official
          -a             same as -m all_trec
          -h, --help     this text;  -v, --version  the version
        Harness additions:
          --measures LIST   modern names, comma-separated: nDCG@10,RR@10,R@100,P@5,AP,AP@100,Judged@10,
                            Success@k,IPrec@r,Rprec,Bpref,infAP,SetP,SetR,SetF,NumRet,NumRel,NumRelRet,NumQ;
                            (rel=N) sets one measure's relevance level: P(rel=2)@10
          --format F        trec | table | json | tsv (default: trec; table when --measures is given)
        Exit status: 0 ok, 1 usage error, 2 unreadable or malformed input (file:line: what), 4 missing query.
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
        catch (EvaluationException e)
        {
            stderr.Write($"harness eval: {e.Message}\nTry 'harness eval --help'.\n");
            return e.ExitCode;
        }

        if (parsed.Help)
        {
            stdout.Write(HelpText + "\n");
            return ExitCodes.Ok;
        }

        if (parsed.Version)
        {
            stdout.Write("harness eval: trec_eval version 10.0 compatible\n");
            return ExitCodes.Ok;
        }

        if (parsed.Files.Count != 2)
        {
            stderr.Write($"harness eval: expected QRELS and RUN files, got {parsed.Files.Count} operand(s)\n{HelpText}\n");
            return ExitCodes.Usage;
        }

        try
        {
            var trec = parsed.TrecMeasures.Count == 0 && parsed.ModernMeasures.Count == 0 ? ["official"] : parsed.TrecMeasures;
            var timing = Environment.GetEnvironmentVariable("HARNESS_EVAL_TIMING") == "1" ? System.Diagnostics.Stopwatch.StartNew() : null;
            var measures = MeasureSet.Parse(trec, parsed.ModernMeasures);
            Phase(stderr, timing, "measures");
            var qrels = QrelsReader.Read(parsed.Files[0]);
            Phase(stderr, timing, "qrels");
            var run = RunFileReader.Read(parsed.Files[1], qrels);
            Phase(stderr, timing, "run");
            EvaluationResult result;
            try
            {
                result = new Evaluator(measures, parsed.Options).Evaluate(qrels, run);
            }
            catch (EvaluationException e) when (e.DocNo is not null && e.QueryId is not null)
            {
                var line = RunFileReader.FindDuplicateLine(parsed.Files[1], e.QueryId, e.DocNo);
                throw new EvaluationException($"{parsed.Files[1]}:{line}: {e.Message}", e.ExitCode);
            }
            catch (EvaluationException e) when (e.ExitCode == ExitCodes.MissingQuery && e.QueryId is not null)
            {
                throw new EvaluationException($"{parsed.Files[1]}: {e.Message}", e.ExitCode);
            }

            Phase(stderr, timing, "evaluate");
            var format = parsed.Format ?? (parsed.ModernMeasures.Count > 0 ? OutputFormat.Table : OutputFormat.Trec);
            switch (format)
            {
                case OutputFormat.Table:
                    TableWriter.Write(stdout, result, parsed.PerQuery);
                    break;
                case OutputFormat.Json:
                    JsonResultWriter.Write(stdout, result, parsed.PerQuery);
                    break;
                case OutputFormat.Tsv:
                    TsvWriter.Write(stdout, result, parsed.PerQuery);
                    break;
                default:
                    TrecFormatWriter.Write(stdout, result, parsed.PerQuery, parsed.Summary);
                    break;
            }

            stdout.Flush();
            Phase(stderr, timing, "output");
            return ExitCodes.Ok;
        }
        catch (EvaluationException e)
        {
            stderr.Write(e.ExitCode == ExitCodes.Usage ? $"harness eval: {e.Message}\n" : e.Message + "\n");
            return e.ExitCode;
        }
    }

    private static void Phase(TextWriter stderr, System.Diagnostics.Stopwatch? timing, string name)
    {
        if (timing is not null)
        {
            stderr.Write($"[timing] {name}: {timing.Elapsed.TotalMilliseconds:F0} ms (GC heap {GC.GetTotalMemory(false) >> 20} MB, gen2 GCs {GC.CollectionCount(2)})\n");
        }
    }
}
