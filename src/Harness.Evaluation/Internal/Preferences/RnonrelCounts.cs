namespace Harness.Evaluation.Internal.Preferences;

/// <summary>
/// The "recalculate" functions of m_prefs_avgjg_Rnonrel.c and m_prefs_avgjg_Rnonrel_ret.c: a group's preference
/// counts when its nonrelevant documents are cut to the first R (R = relevant, or relevant retrieved, documents).
/// Ported line by line, including what the C counts as it stands: in the class form every class (the nonrelevant one
/// too) is paired with the first R entries of the last class, and a pair counts as fulfilled only when the preferred
/// document is retrieved and ranked first.
/// </summary>
internal static class RnonrelCounts
{
    /// <summary>m_prefs_avgjg_Rnonrel.c recalculate (R = the group's relevant documents).</summary>
    public static (long Fulfilled, long Possible) All(PreferenceCounts pc, JudgmentGroup jg)
    {
        var njr = pc.NumJudgedRet;
        long ful = 0;
        long poss = 0;
        if (jg.NumEcs > 0)
        {
            var ecs = pc.EcPool;
            var ranks = pc.RankPool;
            var last = ecs[jg.FirstEc + jg.NumEcs - 1];
            var end = jg.FirstEc + jg.NumEcs;
            for (var ec1 = jg.FirstEc; ec1 < end; ec1++)
            {
                for (var ec2 = ec1 + 1; ec2 < end - 1; ec2++)
                {
                    for (var x = ecs[ec1].Start; x < ecs[ec1].Start + ecs[ec1].Count; x++)
                    {
                        for (var y = ecs[ec2].Start; y < ecs[ec2].Start + ecs[ec2].Count; y++)
                        {
                            if (ranks[x] < ranks[y] && ranks[x] < njr)
                            {
                                ful++;
                            }
                            else
                            {
                                poss++;
                            }
                        }
                    }
                }
            }

            var nonrelEnd = NonrelEnd(pc, jg, last, jg.NumRel);
            for (var ec1 = jg.FirstEc; ec1 < end; ec1++)
            {
                for (var x = ecs[ec1].Start; x < ecs[ec1].Start + ecs[ec1].Count; x++)
                {
                    for (var y = last.Start; y < nonrelEnd; y++)
                    {
                        if (ranks[x] < ranks[y] && ranks[x] < njr)
                        {
                            ful++;
                        }
                        else
                        {
                            poss++;
                        }
                    }
                }
            }

            return (ful, poss + ful);
        }

        var a = jg.Prefs!;
        var rel = jg.RelArray!;
        var nj = pc.NumJudged;
        long seen = 0;
        long i;
        for (i = 0; i < nj; i++)
        {
            if (rel[i] == 0.0)
            {
                seen++;
                if (seen == jg.NumRel + 1)
                {
                    break;
                }
            }
        }

        var firstDiscarded = i;
        bool Dropped(long d) => d >= firstDiscarded && rel[d] == 0.0;
        for (i = 0; i < njr; i++)
        {
            if (Dropped(i))
            {
                continue;
            }

            for (long j = 0; j < nj; j++)
            {
                if (j == i || Dropped(j) || a[(i * nj) + j] == 0)
                {
                    continue;
                }

                if (j < i)
                {
                    poss++; // area A2
                }
                else
                {
                    ful++; // areas A1 and A3
                }
            }
        }

        for (i = njr; i < nj; i++)
        {
            if (Dropped(i))
            {
                continue;
            }

            for (long j = 0; j < nj; j++)
            {
                if (!Dropped(j) && a[(i * nj) + j] != 0)
                {
                    poss++; // areas A4 and A5
                }
            }
        }

        return (ful, poss + ful);
    }

    /// <summary>m_prefs_avgjg_Rnonrel_ret.c recalculate (R = the group's relevant retrieved documents).</summary>
    public static (long Fulfilled, long Possible) Retrieved(PreferenceCounts pc, JudgmentGroup jg)
    {
        var njr = pc.NumJudgedRet;
        long ful = 0;
        long poss = 0;
        if (jg.NumEcs > 0)
        {
            var ecs = pc.EcPool;
            var ranks = pc.RankPool;
            var last = ecs[jg.FirstEc + jg.NumEcs - 1];
            var end = jg.FirstEc + jg.NumEcs;
            for (var ec1 = jg.FirstEc; ec1 < end; ec1++)
            {
                for (var ec2 = ec1 + 1; ec2 < end - 1; ec2++)
                {
                    for (var x = ecs[ec1].Start; x < ecs[ec1].Start + ecs[ec1].Count && ranks[x] < njr; x++)
                    {
                        for (var y = ecs[ec2].Start; y < ecs[ec2].Start + ecs[ec2].Count && ranks[y] < njr; y++)
                        {
                            if (ranks[x] < ranks[y])
                            {
                                ful++;
                            }
                            else
                            {
                                poss++;
                            }
                        }
                    }
                }
            }

            var nonrelEnd = NonrelEnd(pc, jg, last, jg.NumRelRet);
            for (var ec1 = jg.FirstEc; ec1 < end; ec1++)
            {
                for (var x = ecs[ec1].Start; x < ecs[ec1].Start + ecs[ec1].Count && ranks[x] < njr; x++)
                {
                    for (var y = last.Start; y < nonrelEnd && ranks[y] < njr; y++)
                    {
                        if (ranks[x] < ranks[y])
                        {
                            ful++;
                        }
                        else
                        {
                            poss++;
                        }
                    }
                }
            }

            return (ful, poss + ful);
        }

        var a = jg.Prefs!;
        var rel = jg.RelArray!;
        var nj = pc.NumJudged;
        long seen = 0;
        long i;
        for (i = 0; i < njr; i++)
        {
            if (rel[i] == 0.0)
            {
                seen++;
                if (seen == jg.NumRel + 1)
                {
                    break;
                }
            }
        }

        var firstDiscarded = i;
        bool Dropped(long d) => d >= firstDiscarded && rel[d] == 0.0;
        for (i = 0; i < njr; i++)
        {
            if (Dropped(i))
            {
                continue;
            }

            for (long j = 0; j < njr; j++)
            {
                if (j == i || Dropped(j) || a[(i * nj) + j] == 0)
                {
                    continue;
                }

                if (j < i)
                {
                    poss++;
                }
                else
                {
                    ful++;
                }
            }
        }

        return (ful, poss + ful);
    }

    /// <summary>
    /// The end of the "first R nonrelevant documents" the C reads from the last class's start. When R exceeds that
    /// class (nonrelevant documents split over several levels, e.g. 0 and -1), the C reads past it into the next
    /// group's ranks or unused memory (undefined); this stops at the end of the group's own ranks instead.
    /// </summary>
    private static int NonrelEnd(PreferenceCounts pc, JudgmentGroup jg, EquivalenceClass last, long r)
    {
        var first = pc.EcPool[jg.FirstEc];
        var groupEnd = first.Start;
        for (var e = jg.FirstEc; e < jg.FirstEc + jg.NumEcs; e++)
        {
            groupEnd = Math.Max(groupEnd, pc.EcPool[e].Start + (int)pc.EcPool[e].Count);
        }

        return (int)Math.Min(last.Start + r, groupEnd);
    }
}
