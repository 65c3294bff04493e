using System.Text;

namespace Harness.Evaluation.Internal.Preferences;

/// <summary>
/// A port of trec_eval 10.0's form_prefs_counts.c (RESULTS_PREFS): one query's preference judgments counted against
/// its ranking. Hand-written because no library implements trec_eval's preference measures; the structure follows the
/// C closely (flat pools of equivalence classes and docid ranks, the same sort orders) so edge cases come out the same.
/// <list type="number">
/// <item>Every judged docno gets a docid rank: its position among the judged retrieved documents (0..NumJudgedRet-1),
/// or, for judged documents not retrieved, NumJudgedRet.. in docno order.</item>
/// <item>Each judgment group is held as equivalence classes (one sub group) or as a transitively closed preference
/// array (several sub groups), and its preferences are counted as fulfilled/possible among retrieved ("ret"), one
/// retrieved ("imp") and none retrieved ("notoccur").</item>
/// <item><see cref="Counts"/>[i, j] sums, over groups, the preferences of docid rank i over j.</item>
/// </list>
/// </summary>
internal sealed class PreferenceCounts
{
    private PreferenceCounts(long numJudged, long numJudgedRet, JudgmentGroup[] groups, ushort[] counts, long[] rankPool, EquivalenceClass[] ecPool)
    {
        NumJudged = numJudged;
        NumJudgedRet = numJudgedRet;
        Groups = groups;
        Counts = counts;
        RankPool = rankPool;
        EcPool = ecPool;
    }

    /// <summary>Distinct judged docnos of the query.</summary>
    public long NumJudged { get; }

    /// <summary>Judged docnos among the retrieved (after -M).</summary>
    public long NumJudgedRet { get; }

    public JudgmentGroup[] Groups { get; }

    /// <summary>Row-major NumJudged²; unsigned short as in the C (wraps past 65535).</summary>
    public ushort[] Counts { get; }

    /// <summary>rank_pool: the docid ranks of every equivalence-class group, group after group.</summary>
    public long[] RankPool { get; }

    /// <summary>ec_pool: the equivalence classes of every equivalence-class group, group after group.</summary>
    public EquivalenceClass[] EcPool { get; }

    public ushort Count(long i, long j) => Counts[(i * NumJudged) + j];

    /// <summary>form_prefs_counts for one query.</summary>
    /// <param name="prefs">The query's judgments (any order).</param>
    /// <param name="results">The query's retrieved documents (any order).</param>
    /// <param name="maxDocs">-M: how many documents of the sorted ranking count.</param>
    /// <param name="queryId">For messages.</param>
    /// <exception cref="EvaluationException">A docno retrieved twice, or inconsistent judgments within a group.</exception>
    public static PreferenceCounts Form(IReadOnlyList<PreferenceJudgment> prefs, IReadOnlyList<(byte[] DocNo, double Sim)> results, long maxDocs, string queryId)
    {
        var par = FormPrefsAndRanks(prefs, results, maxDocs, queryId, out var numJudged, out var numJudgedRet);
        var np = par.Length;

        // Count the judgment groups (prefs_and_ranks is sorted by jg, jsg, rel_level desc, rank).
        byte[] jgid = [];
        var numJgs = 0;
        for (var i = 0; i < np; i++)
        {
            if (!Same(jgid, par[i].Group))
            {
                jgid = par[i].Group;
                numJgs++;
            }
        }

        var groups = new JudgmentGroup[numJgs];
        var counts = new ushort[checked(numJudged * numJudged)];
        var rankPool = new long[np];
        var ecPool = new EquivalenceClass[np];
        var result = new PreferenceCounts(numJudged, numJudgedRet, groups, counts, rankPool, ecPool);
        if (np == 0)
        {
            return result;
        }

        var jgInd = 0;
        var startJg = 0;
        long numRelLevel = 0;
        long numSubGroup = 0;
        var relLevel = -3.0; // the C's "illegal rel_level" sentinel
        var ecPoolPtr = 0;
        var rankPoolPtr = 0;
        jgid = par[0].Group;
        byte[]? jsgid = null;
        int i2;
        for (i2 = 0; i2 < np; i2++)
        {
            if (!Same(jgid, par[i2].Group))
            {
                FormGroup(result, par, startJg, i2, numSubGroup, numRelLevel, groups[jgInd] = new JudgmentGroup(), ref ecPoolPtr, ref rankPoolPtr, queryId);
                jgid = par[i2].Group;
                jgInd++;
                jsgid = null;
                startJg = i2;
                numSubGroup = 0;
                numRelLevel = 0;
                relLevel = -3.0;
            }

            if (jsgid is null || !Same(jsgid, par[i2].SubGroup))
            {
                numSubGroup++;
                jsgid = par[i2].SubGroup;
            }

            if (relLevel != par[i2].RelLevel)
            {
                numRelLevel++;
                relLevel = par[i2].RelLevel;
            }
        }

        FormGroup(result, par, startJg, i2, numSubGroup, numRelLevel, groups[jgInd] = new JudgmentGroup(), ref ecPoolPtr, ref rankPoolPtr, queryId);
        return result;
    }

    private static void FormGroup(
        PreferenceCounts pc, PrefAndRank[] par, int start, int end, long numSubGroup, long numRelLevel, JudgmentGroup jg, ref int ecPoolPtr, ref int rankPoolPtr, string queryId)
    {
        if (numSubGroup > 1)
        {
            jg.NumEcs = 0;
            jg.Prefs = new byte[pc.NumJudged * pc.NumJudged];
            jg.RelArray = new double[pc.NumJudged];
            FormGroupArray(pc, par.AsSpan(start, end - start), jg, queryId);
        }
        else
        {
            jg.FirstEc = ecPoolPtr;
            ecPoolPtr += (int)numRelLevel;
            jg.NumEcs = numRelLevel;
            FormGroupClasses(pc, par.AsSpan(start, end - start), rankPoolPtr, jg, queryId);
            rankPoolPtr += end - start;
        }
    }

    /// <summary>form_jg_ec: equivalence classes by rel_level (prefs sorted by rel_level desc, then rank).</summary>
    private static void FormGroupClasses(PreferenceCounts pc, ReadOnlySpan<PrefAndRank> prefs, int rankPoolPtr, JudgmentGroup jg, string queryId)
    {
        var ecs = pc.EcPool;
        var e = jg.FirstEc;
        var r = rankPoolPtr;
        var relLevel = prefs[0].RelLevel;
        ecs[e] = new EquivalenceClass { RelLevel = relLevel, Count = 0, Start = r };
        for (var i = 0; i < prefs.Length; i++)
        {
            if (prefs[i].RelLevel != relLevel)
            {
                relLevel = prefs[i].RelLevel;
                r += (int)ecs[e].Count;
                e++;
                ecs[e] = new EquivalenceClass { RelLevel = relLevel, Count = 0, Start = r };
            }

            pc.RankPool[ecs[e].Start + ecs[e].Count++] = prefs[i].Rank;
        }

        AddClassPrefs(pc, jg, queryId);
    }

    /// <summary>add_ec_pref_to_jg.</summary>
    private static void AddClassPrefs(PreferenceCounts pc, JudgmentGroup jg, string queryId)
    {
        var njr = pc.NumJudgedRet;
        var nj = pc.NumJudged;
        var ranks = pc.RankPool;
        var ecs = pc.EcPool;
        jg.ClearCounts();
        for (var ec1 = jg.FirstEc; ec1 < jg.FirstEc + jg.NumEcs; ec1++)
        {
            var a = ecs[ec1];
            var p1 = a.Start;
            while (p1 < a.Start + a.Count && ranks[p1] < njr)
            {
                p1++;
            }

            if (a.RelLevel > 0.0)
            {
                jg.NumRelRet += p1 - a.Start;
                jg.NumRel += a.Count;
            }
            else
            {
                jg.NumNonrelRet += p1 - a.Start;
                jg.NumNonrel += a.Count;
            }

            for (var ec2 = ec1 + 1; ec2 < jg.FirstEc + jg.NumEcs; ec2++)
            {
                var b = ecs[ec2];
                for (var x = a.Start; x < a.Start + a.Count; x++)
                {
                    for (var y = b.Start; y < b.Start + b.Count; y++)
                    {
                        var r1 = ranks[x];
                        var r2 = ranks[y];
                        pc.Counts[(r1 * nj) + r2]++;
                        if (r1 == r2)
                        {
                            // trec_eval: "Internal docid %ld occurs with different rel_level in same jsg".
                            throw new EvaluationException(
                                $"prefs query {queryId}: a document is judged twice with different rel_levels in one judgment sub group",
                                EvaluationError.Malformed) { QueryId = queryId };
                        }

                        if (r1 < r2)
                        {
                            if (r2 < njr)
                            {
                                jg.NumPrefsFulfilledRet++;
                            }
                            else if (r1 < njr)
                            {
                                jg.NumPrefsFulfilledImp++;
                            }
                            else
                            {
                                jg.NumPrefsPossibleNotoccur++;
                            }
                        }
                        else if (r1 < njr)
                        {
                            jg.NumPrefsPossibleRet++;
                        }
                        else if (r2 < njr)
                        {
                            jg.NumPrefsPossibleImp++;
                        }
                        else
                        {
                            jg.NumPrefsPossibleNotoccur++;
                        }
                    }
                }
            }
        }

        jg.NumPrefsPossibleRet += jg.NumPrefsFulfilledRet;
        jg.NumPrefsPossibleImp += jg.NumPrefsFulfilledImp;
    }

    /// <summary>form_jg_pa: the preference array of a group with several sub groups, closed transitively.</summary>
    private static void FormGroupArray(PreferenceCounts pc, ReadOnlySpan<PrefAndRank> prefs, JudgmentGroup jg, string queryId)
    {
        var nj = pc.NumJudged;
        var pa = jg.Prefs!;
        var rel = jg.RelArray!;
        Array.Fill(rel, -1.0);
        for (var i = 0; i < prefs.Length; i++)
        {
            var current = rel[prefs[i].Rank];
            if ((current > 0.0 && prefs[i].RelLevel == 0.0) || (current == 0.0 && prefs[i].RelLevel > 0.0))
            {
                throw new EvaluationException(
                    $"prefs query {queryId}: doc '{Encoding.UTF8.GetString(prefs[i].DocNo)}' has both 0 and non-0 rel_level assigned in judgment group '{Encoding.UTF8.GetString(prefs[i].Group)}'",
                    EvaluationError.Malformed) { QueryId = queryId };
            }

            rel[prefs[i].Rank] = prefs[i].RelLevel;
            var j = i + 1;
            while (j < prefs.Length && Same(prefs[i].SubGroup, prefs[j].SubGroup) && prefs[i].RelLevel == prefs[j].RelLevel)
            {
                j++;
            }

            while (j < prefs.Length && Same(prefs[i].SubGroup, prefs[j].SubGroup))
            {
                pa[(prefs[i].Rank * nj) + prefs[j].Rank] = 1;
                j++;
            }
        }

        AddTransitives(pa, nj, queryId);
        AddArrayPrefs(pc, jg);
    }

    /// <summary>
    /// add_transitives: the transitive closure of the array (the C squares it until nothing changes; Warshall's
    /// algorithm gives the same unique closure in one pass). A preference both ways is an inconsistency (the C aborts).
    /// </summary>
    private static void AddTransitives(byte[] pa, long n, string queryId)
    {
        for (long i = 0; i < n; i++)
        {
            pa[(i * n) + i] = 1;
        }

        for (long k = 0; k < n; k++)
        {
            var rowK = pa.AsSpan((int)(k * n), (int)n);
            for (long i = 0; i < n; i++)
            {
                if (pa[(i * n) + k] != 0)
                {
                    var rowI = pa.AsSpan((int)(i * n), (int)n);
                    for (var j = 0; j < n; j++)
                    {
                        rowI[j] |= rowK[j];
                    }
                }
            }
        }

        for (long i = 0; i < n; i++)
        {
            pa[(i * n) + i] = 0;
        }

        for (long i = 0; i < n; i++)
        {
            for (long j = 0; j < n; j++)
            {
                if (i != j && pa[(i * n) + j] != 0 && pa[(j * n) + i] != 0)
                {
                    throw new EvaluationException(
                        $"prefs query {queryId}: inconsistent preferences within one judgment group (internal ranks {i} and {j} are each preferred to the other; trec_eval aborts here)",
                        EvaluationError.Malformed) { QueryId = queryId };
                }
            }
        }
    }

    /// <summary>add_pa_pref_to_jg: counts the areas of the preference array (see form_prefs_counts.c).</summary>
    private static void AddArrayPrefs(PreferenceCounts pc, JudgmentGroup jg)
    {
        var a = jg.Prefs!;
        var c = pc.Counts;
        var nj = pc.NumJudged;
        var njr = pc.NumJudgedRet;
        var rel = jg.RelArray!;
        jg.ClearCounts();
        for (long i = 0; i < njr; i++)
        {
            if (rel[i] > 0.0)
            {
                jg.NumRelRet++;
            }
            else if (rel[i] == 0.0)
            {
                jg.NumNonrelRet++;
            }
        }

        jg.NumRel = jg.NumRelRet;
        jg.NumNonrel = jg.NumNonrelRet;
        for (var i = njr; i < nj; i++)
        {
            if (rel[i] > 0.0)
            {
                jg.NumRel++;
            }
            else if (rel[i] == 0.0)
            {
                jg.NumNonrel++;
            }
        }

        for (long i = 0; i < njr; i++)
        {
            for (long j = 0; j < i; j++)
            {
                if (a[(i * nj) + j] != 0)
                {
                    c[(i * nj) + j]++;
                    jg.NumPrefsPossibleRet++;
                }
            }

            for (var j = i + 1; j < njr; j++)
            {
                if (a[(i * nj) + j] != 0)
                {
                    c[(i * nj) + j]++;
                    jg.NumPrefsFulfilledRet++;
                }
            }

            for (var j = njr; j < nj; j++)
            {
                if (a[(i * nj) + j] != 0)
                {
                    c[(i * nj) + j]++;
                    jg.NumPrefsFulfilledImp++;
                }
            }
        }

        for (var i = njr; i < nj; i++)
        {
            for (long j = 0; j < njr; j++)
            {
                if (a[(i * nj) + j] != 0)
                {
                    c[(i * nj) + j]++;
                    jg.NumPrefsPossibleImp++;
                }
            }

            for (var j = njr; j < nj; j++)
            {
                if (a[(i * nj) + j] != 0)
                {
                    c[(i * nj) + j]++;
                    jg.NumPrefsPossibleNotoccur++;
                }
            }
        }

        jg.NumPrefsPossibleRet += jg.NumPrefsFulfilledRet;
        jg.NumPrefsPossibleImp += jg.NumPrefsFulfilledImp;
    }

    /// <summary>
    /// form_prefs_and_ranks: the judgments with a docid rank each, sorted by (jg, jsg, rel_level descending, rank).
    /// </summary>
    private static PrefAndRank[] FormPrefsAndRanks(
        IReadOnlyList<PreferenceJudgment> prefs, IReadOnlyList<(byte[] DocNo, double Sim)> results, long maxDocs, string queryId, out long numJudged, out long numJudgedRet)
    {
        var docs = new DocResult[results.Count];
        for (var i = 0; i < docs.Length; i++)
        {
            docs[i] = new DocResult { DocNo = results[i].DocNo, Sim = results[i].Sim };
        }

        // comp_sim_docno: sim descending, ties by docno ASCENDING (form_res_rels.c breaks them the other way).
        Array.Sort(docs, static (p1, p2) => p1.Sim > p2.Sim ? -1 : p1.Sim < p2.Sim ? 1 : p1.DocNo.AsSpan().SequenceCompareTo(p2.DocNo));
        var numResults = (int)Math.Clamp(maxDocs, 0, docs.Length);
        for (var i = 0; i < numResults; i++)
        {
            docs[i].Rank = i + 1;
        }

        var kept = docs.AsSpan(0, numResults);
        kept.Sort(static (a, b) => a.DocNo.AsSpan().SequenceCompareTo(b.DocNo));
        for (var i = 1; i < numResults; i++)
        {
            if (kept[i].DocNo.AsSpan().SequenceEqual(kept[i - 1].DocNo))
            {
                var d = Encoding.UTF8.GetString(kept[i].DocNo);
                throw new EvaluationException(
                    $"duplicate docno {d} in query {queryId} (trec_eval.form_prefs_counts: duplicate docs {d})", EvaluationError.CannotCalculate) { QueryId = queryId, DocNo = d };
            }
        }

        var np = prefs.Count;
        var par = new PrefAndRank[np];
        for (var i = 0; i < np; i++)
        {
            par[i] = new PrefAndRank { Group = prefs[i].Group, SubGroup = prefs[i].SubGroup, RelLevel = prefs[i].RelLevel, DocNo = prefs[i].DocNo };
        }

        Array.Sort(par, static (a, b) => a.DocNo.AsSpan().SequenceCompareTo(b.DocNo));

        // Mark retrieved documents that are not judged (rank -1); stop at the last judged docno.
        var rp = 0;
        int r;
        for (r = 0; r < numResults && rp < np; r++)
        {
            while (rp < np && par[rp].DocNo.AsSpan().SequenceCompareTo(kept[r].DocNo) < 0)
            {
                rp++;
            }

            if (rp < np && par[rp].DocNo.AsSpan().SequenceEqual(kept[r].DocNo))
            {
                do
                {
                    rp++;
                }
                while (rp < np && par[rp].DocNo.AsSpan().SequenceEqual(kept[r].DocNo));
            }
            else
            {
                kept[r].Rank = -1;
            }
        }

        numResults = r;
        kept = kept[..numResults];
        kept.Sort(static (a, b) => a.Rank.CompareTo(b.Rank));

        // New docid ranks from 0 for the judged retrieved documents only.
        var judgedRet = 0;
        for (var i = 0; i < numResults; i++)
        {
            if (kept[i].Rank > -1)
            {
                kept[judgedRet].DocNo = kept[i].DocNo;
                kept[judgedRet].Rank = judgedRet;
                judgedRet++;
            }
        }

        kept = kept[..judgedRet];
        kept.Sort(static (a, b) => a.DocNo.AsSpan().SequenceCompareTo(b.DocNo));

        // Ranks into the judgments (both sorted by docno); judged documents not retrieved get judgedRet.. in docno order.
        rp = 0;
        long next = judgedRet;
        for (var i = 0; i < judgedRet; i++)
        {
            while (par[rp].DocNo.AsSpan().SequenceCompareTo(kept[i].DocNo) < 0)
            {
                rp = AssignRank(par, rp, next++);
            }

            rp = AssignRank(par, rp, kept[i].Rank);
        }

        while (rp < np)
        {
            rp = AssignRank(par, rp, next++);
        }

        Array.Sort(par, static (p1, p2) =>
        {
            var c = p1.Group.AsSpan().SequenceCompareTo(p2.Group);
            if (c != 0)
            {
                return c;
            }

            c = p1.SubGroup.AsSpan().SequenceCompareTo(p2.SubGroup);
            if (c != 0)
            {
                return c;
            }

            return p1.RelLevel > p2.RelLevel ? -1 : p1.RelLevel < p2.RelLevel ? 1 : p1.Rank.CompareTo(p2.Rank);
        });

        numJudged = next;
        numJudgedRet = judgedRet;
        return par;
    }

    /// <summary>Gives par[rp] and the following entries with the same docno <paramref name="rank"/>; returns the next index.</summary>
    private static int AssignRank(PrefAndRank[] par, int rp, long rank)
    {
        var start = rp;
        par[rp++].Rank = rank;
        while (rp < par.Length && par[rp].DocNo.AsSpan().SequenceEqual(par[start].DocNo))
        {
            par[rp++].Rank = rank;
        }

        return rp;
    }

    private static bool Same(byte[] a, byte[] b) => ReferenceEquals(a, b) || a.AsSpan().SequenceEqual(b);

    private struct DocResult
    {
        public byte[] DocNo;
        public double Sim;
        public long Rank;
    }

    /// <summary>PREFS_AND_RANKS.</summary>
    internal struct PrefAndRank
    {
        public byte[] Group;
        public byte[] SubGroup;
        public double RelLevel;
        public byte[] DocNo;
        public long Rank;
    }
}
