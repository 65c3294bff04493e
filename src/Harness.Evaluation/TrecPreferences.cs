using Harness.Evaluation.Internal.Parsing;
using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation;

/// <summary>
/// trec_eval's preference judgments (<c>-R prefs</c>, <c>-R qrels_prefs</c>): per query, documents with a relevance
/// level inside a judgment group (one user's information need) and sub group; a document is preferred to every document
/// of a lower level in the same sub group, and preferences are transitive within a group. The prefs_* measures count
/// how many of them a run fulfils (<see cref="Evaluator.EvaluatePreferences"/>).
/// </summary>
public sealed class TrecPreferences
{
    private readonly Dictionary<string, List<PreferenceJudgment>> _queries;

    internal TrecPreferences(string source, Dictionary<string, List<PreferenceJudgment>> queries, long coercedLines)
    {
        Source = source;
        _queries = queries;
        CoercedLines = coercedLines;
        QueryIds = [.. queries.Keys.OrderBy(q => System.Text.Encoding.UTF8.GetBytes(q), StrcmpComparer.Instance)];
    }

    /// <summary>The file the judgments were read from (named in errors found while counting preferences).</summary>
    public string Source { get; }

    /// <summary>Every judged query, in strcmp order (the order trec_eval evaluates and prints them).</summary>
    public IReadOnlyList<string> QueryIds { get; }

    /// <summary><c>--lenient</c> only: lines whose rel_level was read with atof although not a finite decimal number.</summary>
    public long CoercedLines { get; }

    /// <summary>Reads a prefs file: <c>qid jg jsg docno rel_level</c> per line (get_prefs.c).</summary>
    /// <exception cref="EvaluationException">Unreadable, empty, or a malformed line (<c>file:line: what</c>).</exception>
    public static TrecPreferences Load(string path, bool lenient = false) => PrefsReader.Read(path, qrelsFormat: false, lenient);

    /// <summary>Reads a qrels file as preferences (get_qrels_prefs.c): <c>qid jg docno rel_level</c>, one sub group.</summary>
    /// <exception cref="EvaluationException">Unreadable, empty, or a malformed line (<c>file:line: what</c>).</exception>
    public static TrecPreferences LoadQrels(string path, bool lenient = false) => PrefsReader.Read(path, qrelsFormat: true, lenient);

    /// <summary>The judgments of one query in file order (empty when none).</summary>
    internal IReadOnlyList<PreferenceJudgment> For(string queryId) => _queries.TryGetValue(queryId, out var list) ? list : [];
}
