using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Harness.Evaluation.Measures;
using Harness.Evaluation.Internal.Parsing;
using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation;

/// <summary>
/// Computes trec_eval 10.0's measures for a run against qrels, in memory, using all cores (queries in parallel,
/// aggregates summed in strcmp order of query ids so the numbers are those trec_eval prints).
/// </summary>
public sealed class Evaluator : IRunScorer
{
    private readonly MeasureSet _measures;
    private readonly EvaluationOptions _options;
    private readonly int[] _offsets;
    private readonly MeasureColumn[] _columns;
    private readonly bool _hasText;

    public Evaluator(MeasureSet measures, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(measures);
        _measures = measures;
        _options = options ?? EvaluationOptions.Default;
        _offsets = new int[measures.Measures.Count];
        var columns = new List<MeasureColumn>();
        for (var i = 0; i < measures.Measures.Count; i++)
        {
            var m = measures.Measures[i];
            _offsets[i] = columns.Count;
            columns.AddRange(m.Names.Select(n => new MeasureColumn(n, m.Measure.Kind, m.Measure.PrintsPerQuery)));
        }

        _columns = [.. columns];
        _hasText = _columns.Any(c => c.Kind == MeasureValueKind.QueryText);
    }

    /// <summary>
    /// Starts compiling the run-file path's hot loops (<see cref="EvaluateRunFile"/>) on a background thread and returns
    /// at once: a short process (<c>harness eval</c>) calls it before reading the measures and the qrels so that the
    /// JIT works while they are read, instead of when the run's parsing threads first need that code.
    /// </summary>
    public static void PrecompileRunFilePath() => Internal.HotPaths.StartCompiling();

    /// <summary>Evaluates an in-memory run.</summary>
    /// <exception cref="EvaluationException">Duplicate docno, bad utility coefficients, or a qrels query missing from the run without -c (exit 4).</exception>
    public EvaluationResult Evaluate(TrecQrels qrels, TrecRun run)
    {
        ArgumentNullException.ThrowIfNull(qrels);
        ArgumentNullException.ThrowIfNull(run);
        return Evaluate(qrels, ToRunData(qrels, run));
    }

    /// <summary>An in-memory run reduced to the judged queries' results, levels looked up in <paramref name="qrels"/>.</summary>
    private RunData ToRunData(TrecQrels qrels, TrecRun run)
    {
        _ = qrels.Ordered;
        var chunk = new RunChunk((int)Math.Min(run.Count, int.MaxValue / 2), 1024);
        foreach (var qid in run.QueryIds)
        {
            var judged = qrels.Find(Encoding.UTF8.GetBytes(qid));
            if (judged is null)
            {
                continue;
            }

            foreach (var (docNo, score) in run.For(qid))
            {
                var bytes = Encoding.UTF8.GetBytes(docNo);
                chunk.Add(judged.Index, score, Resolve(judged, bytes), bytes);
            }
        }

        chunk.BuildSegments(qrels.QueryCount);
        return new RunData([chunk], run.RunId, run.CoercedLines);
    }

    /// <summary>
    /// Evaluates a run read from <paramref name="runPath"/> (a file, <c>-</c> for standard input, a FIFO, gzip or xz) on
    /// the fast path: parsed in parallel from bytes, keeping only judged queries. Errors name the file and line.
    /// </summary>
    /// <exception cref="EvaluationException">Unreadable or malformed run, duplicate docno, missing query without -c.</exception>
    public EvaluationResult EvaluateRunFile(TrecQrels qrels, string runPath, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(qrels);
        ArgumentNullException.ThrowIfNull(runPath);
        using var input = InputFile.Open(runPath, "run file");
        var run = RunFileReader.Read(input, runPath, qrels, lenient, this);
        try
        {
            return Evaluate(qrels, run);
        }
        catch (EvaluationException e) when (e.DocNo is not null && e.QueryId is not null)
        {
            var line = RunFileReader.FindDuplicateLine(runPath, e.QueryId, e.DocNo);
            throw new EvaluationException(line > 0 ? $"{runPath}:{line}: {e.Message}" : $"{runPath}: {e.Message}", e.Error) { QueryId = e.QueryId, DocNo = e.DocNo };
        }
        catch (EvaluationException e) when (e.Error == EvaluationError.MissingQuery)
        {
            throw new EvaluationException($"{runPath}: {e.Message}", e.Error) { QueryId = e.QueryId };
        }
    }

    internal static int Resolve(JudgedQuery judged, ReadOnlySpan<byte> docNo) => Resolve(judged, docNo, ByteKeyMap.Hash(docNo));

    /// <summary>The qrels level of <paramref name="docNo"/> (hash precomputed), or a <see cref="RelevanceValues"/> marker.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Resolve(JudgedQuery judged, ReadOnlySpan<byte> docNo, int hash)
    {
        var d = judged.Documents.IndexOf(docNo, hash);
        if (d < 0)
        {
            return RelevanceValues.NonPool;
        }

        var level = judged.Documents.ValueAt(d);
        return level < 0 ? RelevanceValues.Unjudged : level;
    }

    internal EvaluationResult Evaluate(TrecQrels qrels, RunData run)
    {
        foreach (var m in _measures.Measures)
        {
            if (m.Measure.NeedsJudgmentGroups)
            {
                throw new EvaluationException(
                    $"trec_eval: Can't calculate measure '{m.Measure.Name}': it needs judgment-group qrels (-R qrels_jg)", EvaluationError.CannotCalculate);
            }

            if (m.Measure.NeedsPreferences)
            {
                throw new EvaluationException(
                    $"trec_eval: Can't calculate measure '{m.Measure.Name}': it needs preference judgments (-R prefs or -R qrels_prefs)", EvaluationError.CannotCalculate);
            }
        }

        var (ordered, rows, texts, missing) = ScoreQueries(qrels, run);
        return BuildResult(run.RunId, run.CoercedLines, [.. ordered.Select(q => q.QueryId)], rows, missing, texts, JudgedRelevant([qrels]));
    }

    /// <summary>
    /// Evaluates a run against qrels_jg judgments (trec_eval -R qrels_jg, form_res_rels_jg.c): each *_avgjg measure is
    /// computed on every judgment group of a query and averaged over them (summed in strcmp order of the group names,
    /// then divided by their number when there is more than one). Only runid, num_q and the *_avgjg measures can be
    /// computed this way, as in trec_eval.
    /// </summary>
    /// <exception cref="EvaluationException">Another measure was asked for, a duplicate docno, or a missing query without -c.</exception>
    public EvaluationResult EvaluateJudgmentGroups(TrecJudgmentGroups judgments, TrecRun run)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var m in _measures.Measures)
        {
            if (!m.Measure.NeedsJudgmentGroups && m.Measure.Name is not ("runid" or "num_q"))
            {
                throw new EvaluationException(
                    $"trec_eval: Can't calculate measure '{m.Measure.Name}' on judgment-group qrels (-R qrels_jg): only runid, num_q and the *_avgjg measures", EvaluationError.CannotCalculate);
            }
        }

        var queryIds = judgments.QueryIds;
        if (!_options.AverageOverComplete)
        {
            foreach (var q in queryIds)
            {
                if (run.For(q).Count == 0)
                {
                    throw new EvaluationException(
                        $"query {q} is in the qrels but not in the run (use -c to score it as an empty ranking)", EvaluationError.MissingQuery) { QueryId = q };
                }
            }
        }

        // Each group scored like ordinary qrels (queries the run lacks come out as -c's stand-in ranking, all zero).
        var complete = new Evaluator(_measures, _options with { AverageOverComplete = true, ZScores = null });
        var perGroup = new Dictionary<string, Dictionary<string, double[]>>(StringComparer.Ordinal);
        foreach (var (group, qrels) in judgments.Groups)
        {
            var data = complete.ToRunData(qrels, run);
            var (ordered, rows, _, _) = complete.ScoreQueries(qrels, data);
            var byQuery = new Dictionary<string, double[]>(StringComparer.Ordinal);
            for (var p = 0; p < ordered.Length; p++)
            {
                byQuery.Add(ordered[p].QueryId, rows[p]);
            }

            perGroup.Add(group, byQuery);
        }

        var width = _columns.Length;
        var combined = new double[queryIds.Count][];
        var missing = new bool[queryIds.Count];
        for (var p = 0; p < queryIds.Count; p++)
        {
            var row = combined[p] = new double[width];
            var groups = judgments.GroupsOf(queryIds[p]);
            foreach (var g in groups)
            {
                var groupRow = perGroup[g][queryIds[p]];
                for (var j = 0; j < width; j++)
                {
                    row[j] += groupRow[j];
                }
            }

            for (var i = 0; i < _measures.Measures.Count; i++)
            {
                var m = _measures.Measures[i];
                for (var j = _offsets[i]; j < _offsets[i] + m.Names.Count; j++)
                {
                    if (!m.Measure.NeedsJudgmentGroups)
                    {
                        row[j] = m.Measure.Name == "num_q" ? 1 : 0;
                    }
                    else if (groups.Count > 1)
                    {
                        row[j] /= groups.Count;
                    }
                }
            }

            missing[p] = run.For(queryIds[p]).Count == 0;
        }

        if (_options.ZScores is { } z)
        {
            for (var p = 0; p < queryIds.Count; p++)
            {
                ToZScores(z, queryIds[p], combined[p]);
            }
        }

        return BuildResult(run.RunId, run.CoercedLines, [.. queryIds], combined, missing, null, JudgedRelevant([.. judgments.Groups.Select(g => g.Qrels)]));
    }

    /// <summary>
    /// Evaluates a run against preference judgments (trec_eval -R prefs / -R qrels_prefs, form_prefs_counts.c): each
    /// judged query's preferences are counted against its ranking (score descending, ties by docno ascending as
    /// form_prefs_counts.c sorts, first -M kept). Only runid, num_q and the prefs_* measures can be computed this way,
    /// as in trec_eval; -l, -J and -N do not apply. With -c a query missing from the run is scored on trec_eval's
    /// one-document stand-in ranking.
    /// </summary>
    /// <exception cref="EvaluationException">
    /// Another measure was asked for, a duplicate docno, inconsistent judgments within a group, or a missing query
    /// without -c.
    /// </exception>
    public EvaluationResult EvaluatePreferences(TrecPreferences preferences, TrecRun run)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var m in _measures.Measures)
        {
            if (!m.Measure.NeedsPreferences && m.Measure.Name is not ("runid" or "num_q"))
            {
                throw new EvaluationException(
                    $"trec_eval: Can't calculate measure '{m.Measure.Name}' on preference judgments (-R prefs, -R qrels_prefs): only runid, num_q and the prefs_* measures",
                    EvaluationError.CannotCalculate);
            }
        }

        var queryIds = preferences.QueryIds;
        var missing = new bool[queryIds.Count];
        for (var p = 0; p < queryIds.Count; p++)
        {
            missing[p] = run.For(queryIds[p]).Count == 0;
            if (missing[p] && !_options.AverageOverComplete)
            {
                throw new EvaluationException(
                    $"query {queryIds[p]} is in the prefs but not in the run (use -c to score it as an empty ranking)", EvaluationError.MissingQuery) { QueryId = queryIds[p] };
            }
        }

        var width = _columns.Length;
        var rows = new double[queryIds.Count][];
        var errors = new EvaluationException?[queryIds.Count];
        Parallel.For(0, queryIds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            try
            {
                rows[p] = ScorePreferences(preferences, run, queryIds[p], missing[p], width);
            }
            catch (EvaluationException e) when (e.Error == EvaluationError.Malformed)
            {
                errors[p] = new EvaluationException($"{preferences.Source}: {e.Message}", e.Error) { QueryId = e.QueryId };
            }
            catch (EvaluationException e)
            {
                errors[p] = e;
            }
        });

        foreach (var e in errors)
        {
            if (e is not null)
            {
                throw e;
            }
        }

        if (_options.ZScores is { } z)
        {
            for (var p = 0; p < queryIds.Count; p++)
            {
                ToZScores(z, queryIds[p], rows[p]);
            }
        }

        return BuildResult(run.RunId, run.CoercedLines, [.. queryIds], rows, missing, null, null);
    }

    /// <summary>
    /// <see cref="EvaluatePreferences"/> on a run read from <paramref name="runPath"/> (a file, <c>-</c>, a FIFO, gzip
    /// or xz); a docno repeated in a query is reported with its line.
    /// </summary>
    /// <exception cref="EvaluationException">As <see cref="EvaluatePreferences"/>, or an unreadable or malformed run.</exception>
    public EvaluationResult EvaluatePreferencesRunFile(TrecPreferences preferences, string runPath, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(runPath);
        var run = RunFileReader.ReadToMemory(runPath, lenient);
        try
        {
            return EvaluatePreferences(preferences, run);
        }
        catch (EvaluationException e) when (e.DocNo is not null && e.QueryId is not null)
        {
            var line = RunFileReader.FindDuplicateLine(runPath, e.QueryId, e.DocNo);
            throw new EvaluationException(line > 0 ? $"{runPath}:{line}: {e.Message}" : $"{runPath}: {e.Message}", e.Error) { QueryId = e.QueryId, DocNo = e.DocNo };
        }
        catch (EvaluationException e) when (e.Error == EvaluationError.MissingQuery)
        {
            throw new EvaluationException($"{runPath}: {e.Message}", e.Error) { QueryId = e.QueryId };
        }
    }

    private double[] ScorePreferences(TrecPreferences preferences, TrecRun run, string queryId, bool missing, int width)
    {
        // trec_eval.c's -c stand-in ranking for a query missing from the run: one unjudged document, score 1.0.
        IReadOnlyList<(byte[] DocNo, double Sim)> results = missing
            ? [("ceci_nest_pas_un_docno"u8.ToArray(), 1.0)]
            : [.. run.For(queryId).Select(r => (Encoding.UTF8.GetBytes(r.DocNo), r.Score))];
        var counts = Internal.Preferences.PreferenceCounts.Form(preferences.For(queryId), results, _options.MaxDocumentsPerQuery, queryId);
        var row = new double[width];
        for (var i = 0; i < _measures.Measures.Count; i++)
        {
            var m = _measures.Measures[i];
            var values = row.AsSpan(_offsets[i], m.Names.Count);
            if (m.Measure is PreferenceMeasure prefs)
            {
                prefs.ComputePreferences(counts, values);
            }
            else if (m.Measure.Name == "num_q")
            {
                values[0] = 1;
            }
        }

        return row;
    }

    EvaluationWorker IRunScorer.CreateWorker() => new(_options);

    ScoredRun IRunScorer.Score(EvaluationWorker worker, JudgedQuery judged, RunChunk chunk, int start, int count, long byteStart, long byteEnd)
    {
        var texts = _hasText ? new string?[_columns.Length] : null;
        var segment = (0, new RunSegment(judged.Index, start, count));
        try
        {
            var row = Score(worker, judged, MemoryMarshal.CreateReadOnlySpan(ref segment, 1), true, chunk.Self, _columns.Length, texts);
            return new ScoredRun(judged.Index, row, texts, null, byteStart, byteEnd);
        }
        catch (EvaluationException e)
        {
            return new ScoredRun(judged.Index, null, null, e, byteStart, byteEnd);
        }
    }

    private (JudgedQuery[] Ordered, double[][] Rows, string?[][]? Texts, bool[] Missing) ScoreQueries(TrecQrels qrels, RunData run)
    {
        var ordered = qrels.Ordered;
        var segments = new List<(int Chunk, RunSegment Segment)>?[qrels.QueryCount];
        var scored = new ScoredRun?[qrels.QueryCount];
        var scoredRuns = new int[qrels.QueryCount];
        for (var c = 0; c < run.Chunks.Length; c++)
        {
            foreach (var s in run.Chunks[c].Segments)
            {
                (segments[s.QueryIndex] ??= []).Add((c, s));
            }

            foreach (var r in run.Chunks[c].Scored)
            {
                scoredRuns[r.QueryIndex]++;
                scored[r.QueryIndex] = r;
            }
        }

        // A query scored while parsing counts only if that stretch of lines was all of it; otherwise its scored
        // stretches are read again and the query is scored whole below.
        var chunks = run.Chunks;
        List<(long Start, long End)>? again = null;
        foreach (var c in run.Chunks)
        {
            foreach (var r in c.Scored)
            {
                if (scoredRuns[r.QueryIndex] > 1 || segments[r.QueryIndex] is not null)
                {
                    (again ??= []).Add((r.ByteStart, r.ByteEnd));
                    scored[r.QueryIndex] = null;
                }
            }
        }

        if (again is not null)
        {
            var extra = RunFileReader.Reparse(run, qrels, again);
            chunks = [.. run.Chunks, extra];
            foreach (var s in extra.Segments)
            {
                (segments[s.QueryIndex] ??= []).Add((chunks.Length - 1, s));
            }
        }

        if (!_options.AverageOverComplete)
        {
            foreach (var q in ordered)
            {
                if (segments[q.Index] is null && scored[q.Index] is null)
                {
                    throw new EvaluationException(
                        $"query {q.QueryId} is in the qrels but not in the run (use -c to score it as an empty ranking)",
                        EvaluationError.MissingQuery) { QueryId = q.QueryId };
                }
            }
        }

        var rows = new double[ordered.Length][];
        var texts = _hasText ? new string?[ordered.Length][] : null;
        var errors = new EvaluationException?[ordered.Length];
        var width = _columns.Length;
        Parallel.For(
            0,
            ordered.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new EvaluationWorker(_options),
            (p, _, worker) =>
            {
                if (scored[ordered[p].Index] is { } done)
                {
                    rows[p] = done.Row!;
                    errors[p] = done.Error;
                    if (texts is not null)
                    {
                        texts[p] = done.Texts!;
                    }

                    return worker;
                }

                try
                {
                    var list = segments[ordered[p].Index];
                    rows[p] = Score(worker, ordered[p], CollectionsMarshal.AsSpan(list), list is not null, chunks, width, texts is null ? null : texts[p] = new string?[width]);
                }
                catch (EvaluationException e)
                {
                    errors[p] = e;
                }

                return worker;
            },
            static _ => { });

        foreach (var e in errors)
        {
            if (e is not null)
            {
                throw e;
            }
        }

        if (_options.ZScores is { } z)
        {
            for (var p = 0; p < ordered.Length; p++)
            {
                ToZScores(z, ordered[p].QueryId, rows[p]);
            }
        }

        var missing = new bool[ordered.Length];
        for (var p = 0; p < ordered.Length; p++)
        {
            missing[p] = segments[ordered[p].Index] is null && scored[ordered[p].Index] is null;
        }

        return (ordered, rows, texts, missing);
    }

    /// <summary>
    /// m_num_rel.c te_calc_avg_num_rel: with -c the <c>all</c> num_rel is recounted from the judgments, every line with
    /// rel &gt; 0 (whatever -l, and not z-scored under -Z); null without -c.
    /// </summary>
    private long? JudgedRelevant(IEnumerable<TrecQrels> qrels) =>
        _options.AverageOverComplete ? qrels.SelectMany(q => q.Ordered).Sum(q => q.CountAtOrAbove(1)) : null;

    /// <summary>trec_eval's accumulation and averaging (meas_acc.c, meas_avg.c): sums in query order, then the mean.</summary>
    private EvaluationResult BuildResult(string runId, long coercedLines, string[] queryIds, double[][] rows, bool[] missing, string?[][]? texts, long? judgedRelevant)
    {
        var width = _columns.Length;
        var result = new EvaluationResult(runId, _columns) { IsZScores = _options.ZScores is not null, CoercedRunLines = coercedLines };
        var aggregate = result.AggregateValues;
        for (var p = 0; p < queryIds.Length; p++)
        {
            var row = rows[p];
            for (var j = 0; j < width; j++)
            {
                aggregate[j] += row[j];
            }

            result.AddQuery(queryIds[p], row, missing[p], texts?[p]);
        }

        var n = queryIds.Length;
        for (var i = 0; i < _measures.Measures.Count; i++)
        {
            var m = _measures.Measures[i];
            for (var j = _offsets[i]; j < _offsets[i] + m.Names.Count; j++)
            {
                aggregate[j] = m.Measure.Aggregation switch
                {
                    _ when judgedRelevant is { } all && m.Measure.Name == "num_rel" && m.RelevanceLevel is null => all,
                    MeasureAggregation.Mean => n > 0 ? aggregate[j] / n : 0,
                    MeasureAggregation.GeometricMean => n > 0 ? Math.Exp(aggregate[j] / n) : 0,
                    MeasureAggregation.None => 0,
                    _ => aggregate[j],
                };
            }
        }

        return result;
    }

    /// <summary>
    /// trec_eval -Z (convert_zscores.c): every value of the query becomes a z-score before it is summed; runid, num_q
    /// (counted, not summed from values) and relstring (a string) are left alone.
    /// </summary>
    private void ToZScores(ZScoreTable z, string queryId, double[] row)
    {
        for (var i = 0; i < _measures.Measures.Count; i++)
        {
            var m = _measures.Measures[i].Measure;
            if (m.Aggregation == MeasureAggregation.None || m.Name == "num_q")
            {
                continue;
            }

            for (var j = _offsets[i]; j < _offsets[i] + _measures.Measures[i].Names.Count; j++)
            {
                row[j] = z.Convert(queryId, _columns[j].Name, row[j]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] Score(EvaluationWorker worker, JudgedQuery judged, ReadOnlySpan<(int Chunk, RunSegment Segment)> segments, bool retrieved, RunChunk[] chunks, int width, string?[]? texts)
    {
        var n = 0;
        foreach (var (_, s) in segments)
        {
            n += s.Count;
        }

        var docs = worker.Docs(n);
        var k = 0;
        foreach (var (c, s) in segments)
        {
            var chunk = chunks[c];
            for (var i = s.Start; i < s.Start + s.Count; i++)
            {
                var start = chunk.DocStarts[i];
                docs[k++] = new RankedDoc { Score = chunk.Scores[i], Rel = chunk.Rels[i], Chunk = c, Start = start, Length = chunk.DocStarts[i + 1] - start, Hash = chunk.Hashes[i] };
            }
        }

        var order = worker.Order;
        TrecOrder.Sort(docs, chunks, worker.Keys, order, n);

        // form_res_rels: sort, keep the first -M, reject a docno repeated among those, then (-J) drop unjudged ones.
        var top = (int)Math.Clamp(_options.MaxDocumentsPerQuery, 0, n);
        if (top == n)
        {
            worker.CheckDuplicates(docs.AsSpan(0, n), chunks, judged.QueryId);
        }
        else
        {
            var kept = new RankedDoc[top];
            for (var i = 0; i < top; i++)
            {
                kept[i] = docs[order[i]];
            }

            worker.CheckDuplicates(kept, chunks, judged.QueryId);
        }

        var ranking = worker.Ranking;
        var missing = !retrieved;
        Span<int> rels;
        if (missing)
        {
            // trec_eval -c scores a missing query on a one-document ranking of a docno not in the qrels
            // ("ceci_nest_pas_un_docno", trec_eval.c), then resets num_ret and utility to 0.
            var bogus = _options.JudgedDocumentsOnly || _options.MaxDocumentsPerQuery < 1 ? 0 : 1;
            rels = ranking.Reset(judged, bogus);
            if (bogus == 1)
            {
                rels[0] = RelevanceValues.NonPool;
            }
        }
        else
        {
            var numRet = top;
            if (_options.JudgedDocumentsOnly)
            {
                numRet = 0;
                for (var i = 0; i < top; i++)
                {
                    if (docs[order[i]].Rel >= 0)
                    {
                        order[numRet++] = order[i];
                    }
                }
            }

            rels = ranking.Reset(judged, numRet);
            for (var i = 0; i < numRet; i++)
            {
                rels[i] = docs[order[i]].Rel;
            }
        }

        ranking.SetRelevanceLevel(_options.RelevanceLevel);
        var row = new double[width];
        for (var i = 0; i < _measures.Measures.Count; i++)
        {
            var m = _measures.Measures[i];
            var values = row.AsSpan(_offsets[i], m.Names.Count);
            if (m.RelevanceLevel is { } level && level != _options.RelevanceLevel)
            {
                ranking.SetRelevanceLevel(level);
                m.Measure.Compute(ranking, values);
                ranking.SetRelevanceLevel(_options.RelevanceLevel);
            }
            else
            {
                m.Measure.Compute(ranking, values);
            }

            if (missing && m.Measure.ZeroedForMissingQuery)
            {
                values.Clear();
            }

            if (texts is not null && m.Measure.Kind == MeasureValueKind.QueryText)
            {
                // trec_eval.c clears relstring (clear_relstr) for a -c stand-in ranking.
                texts[_offsets[i]] = missing ? string.Empty : m.Measure.ComputeText(ranking);
            }
        }

        return row;
    }
}
