using Harness.Evaluation;
using Harness.Evaluation.Output;

namespace Harness.Cli.Commands.Eval;

/// <summary>
/// Reads arguments the way trec_eval's glibc getopt does (optstring "hvqncaJl:N:M:m:R:T:D:Z:"): flags may be clustered
/// (<c>-qc</c>), an option's value may be attached or the next argument (<c>-M100</c>, <c>-M 100</c>,
/// <c>-mP.5,10</c>, <c>-m P.5,10</c>), operands may come anywhere (GNU permutation), <c>--</c> ends options.
/// Numbers are read with atol, as trec_eval does. Long options: <c>--measures LIST</c>, <c>--format F</c>, <c>--lenient</c>, <c>--help</c>, and trec_eval's
/// <c>--Zscore FILE</c>.
/// </summary>
internal static class GetoptParser
{
    private const string Flags = "hvqncaJ";
    private const string WithValue = "lNMmRTDZ";

    private static readonly (string Name, char Short, bool TakesValue)[] LongOptions =
    [
        ("query_eval_wanted", 'q', false), ("measure", 'm', true), ("complete_rel_info_wanted", 'c', false),
        ("level_for_rel", 'l', true), ("nosummary", 'n', false), ("Debug_level", 'D', true),
        ("Judged_docs_only", 'J', false), ("Number_docs_in_coll", 'N', true), ("Max_retrieved_per_topic", 'M', true),
        ("Rel_info_format", 'R', true), ("Results_format", 'T', true),
    ];

    public static EvalArguments Parse(IReadOnlyList<string> args)
    {
        var result = new EvalArguments();
        var options = EvaluationOptions.Default;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                result.Files.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg[2..] : arg[2..eq];
                string Value()
                {
                    if (eq >= 0)
                    {
                        return arg[(eq + 1)..];
                    }

                    if (i + 1 >= args.Count)
                    {
                        throw Usage($"option '--{name}' requires an argument");
                    }

                    return args[++i];
                }

                switch (name)
                {
                    case "help":
                        result.Help = true;
                        break;
                    case "version":
                        result.Version = true;
                        break;
                    case "lenient":
                        result.Lenient = true;
                        break;
                    case "Zscore":
                        result.ZScoresFile = Value();
                        break;
                    case "measures":
                        result.ModernMeasures.Add(Value());
                        break;
                    case "format":
                        var f = Value();
                        result.Format = f.ToUpperInvariant() switch
                        {
                            "TREC" => OutputFormat.Trec,
                            "TABLE" => OutputFormat.Table,
                            "JSON" => OutputFormat.Json,
                            "TSV" => OutputFormat.Tsv,
                            _ => throw Usage($"unknown format '{f}' (trec, table, json, tsv)"),
                        };
                        break;
                    default:
                        // trec_eval's own long options (trec_eval.c long_options), exact names only.
                        var option = LongOptions.FirstOrDefault(o => o.Name == name);
                        if (option.Name is null)
                        {
                            throw Usage($"unrecognized option '--{name}'");
                        }

                        if (option.TakesValue)
                        {
                            WithArgument(option.Short, Value());
                        }
                        else
                        {
                            Flag(option.Short);
                        }

                        break;
                }

                continue;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                result.Files.Add(arg);
                continue;
            }

            for (var k = 1; k < arg.Length; k++)
            {
                var c = arg[k];
                if (Flags.Contains(c, StringComparison.Ordinal))
                {
                    Flag(c);
                    continue;
                }

                if (!WithValue.Contains(c, StringComparison.Ordinal))
                {
                    throw Usage($"invalid option -- '{c}'");
                }

                string value;
                if (k + 1 < arg.Length)
                {
                    value = arg[(k + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw Usage($"option requires an argument -- '{c}'");
                }

                WithArgument(c, value);
                break;
            }
        }

        void Flag(char c)
        {
            switch (c)
            {
                case 'h':
                    result.Help = true;
                    break;
                case 'v':
                    result.Version = true;
                    break;
                case 'q':
                    result.PerQuery = true;
                    break;
                case 'n':
                    result.Summary = false;
                    break;
                case 'c':
                    options = options with { AverageOverComplete = true };
                    break;
                case 'a':
                    result.TrecMeasures.Add("all_trec");
                    break;
                case 'J':
                    options = options with { JudgedDocumentsOnly = true };
                    break;
            }
        }

        void WithArgument(char c, string value)
        {
            switch (c)
            {
                case 'l':
                    options = options with { RelevanceLevel = CNumber.Atol(value) };
                    break;
                case 'N':
                    options = options with { DocumentsInCollection = CNumber.Atol(value) };
                    break;
                case 'M':
                    options = options with { MaxDocumentsPerQuery = CNumber.Atol(value) };
                    break;
                case 'm':
                    result.TrecMeasures.Add(value);
                    break;
                case 'R':
                    if (value is not ("qrels" or "qrels_jg" or "prefs" or "qrels_prefs"))
                    {
                        // trec_eval's preference formats (prefs, qrels_prefs) are not implemented.
                        throw Usage($"rel_info format '{value}' is not supported (qrels, qrels_jg, prefs, qrels_prefs)");
                    }

                    result.RelInfoFormat = value;
                    break;
                case 'T':
                    if (value != "trec_results")
                    {
                        throw Usage($"results format '{value}' is not supported (only trec_results)");
                    }

                    break;
                case 'D':
                    // trec_eval's debug level only adds trace output; there is none here.
                    break;
                case 'Z':
                    result.ZScoresFile = value;
                    break;
            }
        }

        result.Options = options;
        return result;
    }

    private static EvalUsageException Usage(string message) => new(message);
}
