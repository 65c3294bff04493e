namespace Harness.Evaluation.Measures;

/// <summary>trec_eval 10.0's measure table (its print order) and nicknames.</summary>
internal static class MeasureCatalog
{
    /// <summary>Every supported trec_eval measure with default parameters, in trec_eval's table order.</summary>
    public static IReadOnlyList<TrecMeasure> Table { get; } =
    [
        new RunIdMeasure(),
        new NumQMeasure(),
        new NumRetMeasure(),
        new NumRelMeasure(),
        new NumRelRetMeasure(),
        new MapMeasure(),
        new GmMapMeasure(),
        new RprecMeasure(),
        new BprefMeasure(),
        new RecipRankMeasure(),
        new IprecAtRecallMeasure(),
        new PrecisionMeasure(),
        new RelstringMeasure(),
        new RecallMeasure(),
        new InfApMeasure(),
        new GmBprefMeasure(),
        new RprecMultMeasure(),
        new UtilityMeasure(),
        new ElevenPointAverageMeasure(),
        new BinGMeasure(),
        new GMeasure(),
        new NdcgMeasure(),
        new NdcgRelMeasure(),
        new RndcgMeasure(),
        new NdcgCutMeasure(),
        new MapCutMeasure(),
        new RelativePrecisionMeasure(),
        new SuccessMeasure(),
        new SetPMeasure(),
        new SetRelativePMeasure(),
        new SetRecallMeasure(),
        new SetMapMeasure(),
        new SetFMeasure(),
        new NumNonrelJudgedRetMeasure(),
        PrefsCountMeasure.Possible,
        PrefsCountMeasure.Fulfilled,
        PrefsCountMeasure.FulfilledRetrieved,
        new PrefsSimpleMeasure(PreferenceScope.All),
        new PrefsPairMeasure(PreferenceScope.All),
        new PrefsAvgjgMeasure(PreferenceScope.All),
        new PrefsAvgjgRnonrelMeasure(retrievedOnly: false),
        new PrefsSimpleMeasure(PreferenceScope.Retrieved),
        new PrefsPairMeasure(PreferenceScope.Retrieved),
        new PrefsAvgjgMeasure(PreferenceScope.Retrieved),
        new PrefsAvgjgRnonrelMeasure(retrievedOnly: true),
        new PrefsSimpleMeasure(PreferenceScope.Implied),
        new PrefsPairMeasure(PreferenceScope.Implied),
        new PrefsAvgjgMeasure(PreferenceScope.Implied),
        new MapAvgjgMeasure(),
        new PAvgjgMeasure(),
        new RprecMultAvgjgMeasure(),
        new YaapMeasure(),
        new RbpMeasure(),
        new RbpResidMeasure(),
        new UnjudgedMeasure(),
    ];

    /// <summary>trec_eval's default set (<c>-m official</c>): what out.test shows.</summary>
    public static IReadOnlyList<string> Official { get; } =
        ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref", "recip_rank", "iprec_at_recall", "P"];

    /// <summary><c>-m set</c>: the unranked (set) measures (measures.c set_names, runid included).</summary>
    public static IReadOnlyList<string> Set { get; } =
        ["runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "utility", "set_P", "set_relative_P", "set_recall", "set_map", "set_F"];

    /// <summary>
    /// <c>-m all_trec</c>: measures.c trec_names (the union of the 10.0-era lists, dcg/ideal_dcg and unj/rbp included),
    /// restricted to the measures implemented here; printing follows <see cref="Table"/> order.
    /// </summary>
    public static IReadOnlyList<string> AllTrec { get; } =
        [.. new[]
        {
            "runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref", "recip_rank",
            "iprec_at_recall", "P", "relstring", "recall", "unj", "rbp", "rbp_resid", "infAP", "gm_bpref", "utility",
            "11pt_avg", "ideal_dcg", "dcg", "ndcg", "relative_P", "Rprec_mult", "success", "map_cut", "ndcg_cut",
            "ndcg_rel", "Rndcg", "binG", "G", "set_P", "set_recall", "set_relative_P", "set_map", "set_F",
            "num_nonrel_judged_ret",
        }.Where(n => IndexOf(n) >= 0)];

    /// <summary><c>-m qrels_jg</c>: the judgment-group measures (measures.c qrels_jg_names).</summary>
    public static IReadOnlyList<string> QrelsJg { get; } = ["runid", "num_q", "map_avgjg", "P_avgjg", "Rprec_mult_avgjg"];

    /// <summary><c>-m all_prefs</c>: every preference measure (measures.c prefs_names).</summary>
    public static IReadOnlyList<string> AllPrefs { get; } =
    [
        "runid", "num_q", "prefs_num_prefs_poss", "prefs_num_prefs_ful", "prefs_num_prefs_ful_ret", "prefs_simp", "prefs_pair",
        "prefs_avgjg", "prefs_avgjg_Rnonrel", "prefs_simp_ret", "prefs_pair_ret", "prefs_avgjg_ret", "prefs_avgjg_Rnonrel_ret",
        "prefs_simp_imp", "prefs_pair_imp", "prefs_avgjg_imp",
    ];

    /// <summary><c>-m prefs</c>: the official preference measures (measures.c prefs_off_name).</summary>
    public static IReadOnlyList<string> Prefs { get; } =
        ["runid", "num_q", "prefs_num_prefs_poss", "prefs_num_prefs_ful", "prefs_num_prefs_ful_ret", "prefs_simp", "prefs_pair", "prefs_avgjg"];

    public static IReadOnlyList<string>? Nickname(string name) => name switch
    {
        "qrels_jg" => QrelsJg,
        "all_prefs" => AllPrefs,
        "prefs" => Prefs,
        "official" => Official,
        "all_trec" => AllTrec,
        "set" => Set,
        _ => null,
    };

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Table.Count; i++)
        {
            if (Table[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
